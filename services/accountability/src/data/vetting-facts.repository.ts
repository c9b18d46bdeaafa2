import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import { insertOnce } from '@vetting/platform';
import type { VettingFact } from '../domain/disclosure-figures';
import type { RequestingOrganisation } from '../domain/disclosure-request';

type OrgDoc = Omit<RequestingOrganisation, 'organisationId'> & { _id: string };
type FactDoc = VettingFact & { _id: string };

/**
 * What this service learns from the others' events, for disclosure requests: the employer directory
 * as references publishes it (requesting organisations and their verified mail domains, the one
 * directory UN screening officers keep), and one fact per counted event for the annual figures
 * (keyed by event id: a redelivered event counts once).
 */
export function createVettingFactsRepository(db: Connection) {
  const organisations = db.collection('requesting_organisations') as unknown as Collection<OrgDoc>;
  const facts = db.collection('vetting_facts') as unknown as Collection<FactDoc>;
  return {
    async ensureIndexes() {
      await facts.createIndex({ year: 1, country: 1 });
      await facts.createIndex({ candidateId: 1 });
    },
    /** Keeps the newest revision of an entry: an older one arriving late changes nothing. */
    async saveOrganisation(o: RequestingOrganisation): Promise<void> {
      const { organisationId, ...rest } = o;
      const current = await organisations.findOne({ _id: organisationId });
      if (current && current.revision >= o.revision) return;
      if (!current && (await insertOnce(organisations, { _id: organisationId, ...rest }))) return;
      await organisations.updateOne({ _id: organisationId, revision: { $lt: o.revision } }, { $set: rest });
    },
    async organisation(id: string): Promise<RequestingOrganisation | undefined> {
      const doc = await organisations.findOne({ _id: id });
      return doc
        ? { organisationId: doc._id, name: doc.name, domains: doc.domains, status: doc.status, revision: doc.revision }
        : undefined;
    },
    async organisations(): Promise<RequestingOrganisation[]> {
      return (await organisations.find({ status: 'active' }).sort({ name: 1 }).limit(2000).toArray()).map((d) => ({
        organisationId: d._id,
        name: d.name,
        domains: d.domains,
        status: d.status,
        revision: d.revision,
      }));
    },
    record: (eventId: string, fact: VettingFact) => insertOnce(facts, { _id: eventId, ...fact }),
    /** The facts of a year (of a country), through the year-country index. */
    async facts(filter: { year: number; country?: string }): Promise<VettingFact[]> {
      const rows = await facts
        .find({ year: filter.year, ...(filter.country ? { country: filter.country } : {}) }, { projection: { _id: 0 } })
        .toArray();
      return rows as VettingFact[];
    },
  };
}

export type VettingFactsRepository = ReturnType<typeof createVettingFactsRepository>;
