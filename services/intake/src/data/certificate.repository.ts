import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import { initialOutbox, insertOnce, type EventEnvelope } from '@vetting/platform';
import { outcomesOf, storedMember, summaryOf, type CertificateSummary, type RotationCertificate } from '../domain/rotation-certificate';

type CertificateDoc = Omit<RotationCertificate, 'members'> & {
  _id: string;
  /** JSON text of the members (stored before members were packed: the array itself). */
  members: RotationCertificate['members'] | string;
  outbox: EventEnvelope[];
  outboxPending: boolean;
  memberCount?: number;
  outcomes?: CertificateSummary['outcomes'];
};

const docId = (country: string, rotation: string, version: number) => `${country}:${rotation}:v${version}`;

/**
 * Rotation certificates: written once, never changed (a re-certification is a new version, each
 * signed and kept). The unique _id (`<country>:<rotation>:v<n>`) makes two concurrent
 * certifications of one version store one; the rotation.certified event rides in the same insert
 * (outbox). Member counts are stored beside the members so the list of versions reads no members.
 */
export function createCertificateRepository(db: Connection) {
  const certificates = db.collection('rotation_certificates') as unknown as Collection<CertificateDoc>;
  const strip = (doc: CertificateDoc & { publishedAt?: string }): RotationCertificate => {
    const { _id: _i, outbox: _o, outboxPending: _p, publishedAt: _pa, memberCount: _m, outcomes: _c, members, ...cert } = doc;
    return { ...cert, members: typeof members === 'string' ? (JSON.parse(members) as RotationCertificate['members']) : members };
  };
  return {
    collection: certificates as unknown as Collection,
    ensureIndexes: () => certificates.createIndex({ country: 1, rotation: 1, version: -1 }),

    async latest(country: string, rotation: string): Promise<RotationCertificate | undefined> {
      const doc = await certificates.find({ country, rotation }).sort({ version: -1 }).limit(1).next();
      return doc ? strip(doc) : undefined;
    },

    async version(country: string, rotation: string, version: number): Promise<RotationCertificate | undefined> {
      const doc = await certificates.findOne({ _id: docId(country, rotation, version) });
      return doc ? strip(doc) : undefined;
    },

    /** Every version, newest first, without members (a version stored before counts were kept is read whole). */
    async versions(country: string, rotation: string): Promise<CertificateSummary[]> {
      const docs = await certificates
        .find({ country, rotation }, { projection: { members: 0, outbox: 0 } })
        .sort({ version: -1 })
        .toArray();
      const summaries: CertificateSummary[] = [];
      for (const doc of docs) {
        if (doc.memberCount === undefined || !doc.outcomes) {
          const whole = await this.version(country, rotation, doc.version);
          if (whole) summaries.push(summaryOf(whole));
        } else
          summaries.push({ ...summaryOf({ ...strip({ ...doc, members: [] }) }), memberCount: doc.memberCount, outcomes: doc.outcomes });
      }
      return summaries;
    },

    /** Stores the certificate with its event; false when that version exists already. Read certificates come back without names (`withNames`). */
    async insert(cert: RotationCertificate, events: EventEnvelope[]): Promise<boolean> {
      // Members without their names: the stored certificate holds case references and ids only. As
      // one JSON text: FerretDB v1 converts every nested field on each write and read (10,000 members
      // read in 0.65 s as an array), and the outbox relay rewrites the whole document once more.
      const members = cert.members.map(storedMember);
      return insertOnce(certificates, {
        ...cert,
        members: JSON.stringify(members),
        memberCount: members.length,
        outcomes: outcomesOf(members),
        _id: docId(cert.country, cert.rotation, cert.version),
        ...initialOutbox(events),
      });
    },
  };
}

export type CertificateRepository = ReturnType<typeof createCertificateRepository>;
