import type { EventDataByType } from '@vetting/contracts';
import type { EventHandler } from '@vetting/platform';
import type { PersonRecordsRepository } from '../data/person-records.repository';
import type { TextSealer } from '../data/sealed-text';
import type { VettingFactsRepository } from '../data/vetting-facts.repository';
import { NEGATIVE_OR_ABSENT } from '../domain/disclosure-figures';

export const DISCLOSURE_TOPICS = ['vetting.references', 'vetting.clearances', 'vetting.screenings', 'vetting.candidates'];
const DISCLOSURE_CHECK = 'misconduct-disclosure';
const yearOf = (time: string) => new Date(time).getUTCFullYear();

/**
 * What disclosure requests need from the rest of the platform: the employer directory's entries
 * (who may ask, at which verified domains) and, for the scheme's annual figures, the disclosure
 * checks the platform made as the hiring side and the clearance decisions that followed; and what an
 * answer must not contradict (confirmed ban-list matches, revoked clearances). Each fact is stored
 * under its event id or its own key, so a redelivered event changes nothing.
 */
export function createLearnHandlers(
  facts: VettingFactsRepository,
  records: PersonRecordsRepository,
  sealer: Pick<TextSealer, 'shred'>,
): Record<string, EventHandler> {
  return {
    // Disclosure requests seal the person, the contact, texts and the consent under the person's key:
    // destroying it erases them wherever they are kept (idempotent); ids, dates and answers stay.
    'candidate.erased': async (event, ctx) => {
      const d = event.data as unknown as EventDataByType['candidate.erased'];
      const shredded = await sealer.shred(d.candidateId);
      ctx.logger.info({ candidateId: d.candidateId, shredded }, 'disclosure requests of an erased person shredded');
    },
    'reference.employer-verified': async (event) => {
      const d = event.data as unknown as EventDataByType['reference.employer-verified'];
      await facts.saveOrganisation({
        organisationId: d.employerId,
        name: d.name,
        domains: d.domains.map((x) => x.toLowerCase()),
        status: d.status,
        revision: d.revision,
      });
    },
    'reference.check-requested': async (event) => {
      const d = event.data as unknown as EventDataByType['reference.check-requested'];
      if (d.checkType === DISCLOSURE_CHECK)
        await facts.record(event.id, {
          kind: 'disclosure-requested',
          year: yearOf(event.time),
          country: d.country,
          candidateId: d.candidateId,
        });
    },
    'reference.check-completed': async (event) => {
      const d = event.data as unknown as EventDataByType['reference.check-completed'];
      if (d.checkType === DISCLOSURE_CHECK)
        await facts.record(event.id, {
          kind: 'disclosure-completed',
          year: yearOf(event.time),
          country: d.country,
          candidateId: d.candidateId,
          result: d.result,
        });
    },
    'screening.match-resolved': async (event) => {
      const d = event.data as unknown as EventDataByType['screening.match-resolved'];
      const listEntry = { listId: d.listId, entryId: d.entryId };
      const finding = {
        source: 'ban-list' as const,
        reference: `${d.listId}/${d.entryId}`,
        category: 'ban-list-match',
        substantiatedOn: event.time.slice(0, 10),
        listEntry,
        country: d.country,
      };
      await records.save(
        `list|${d.candidateId}|${d.listId}|${d.entryId}`,
        d.candidateId,
        event.time,
        d.resolution === 'confirmed',
        finding,
      );
    },
    'clearance.revoked': async (event) => {
      const d = event.data as unknown as EventDataByType['clearance.revoked'];
      const finding = {
        source: 'clearance-revoked' as const,
        reference: d.decisionId,
        category: 'clearance-revoked',
        substantiatedOn: event.time.slice(0, 10),
        country: d.country,
      };
      await records.save(`revoked|${d.candidateId}|${d.decisionId}`, d.candidateId, event.time, true, finding);
    },
    'clearance.decided': async (event) => {
      const d = event.data as unknown as EventDataByType['clearance.decided'];
      if (d.outcome === 'pending-review') return;
      const fact = { year: yearOf(event.time), country: d.country, candidateId: d.candidateId };
      if (d.outcome === 'cleared') await facts.record(event.id, { kind: 'recruited', ...fact });
      else {
        const onNegativeOrAbsentDisclosure = d.inputs.references.some(
          (r) => r.checkType === DISCLOSURE_CHECK && NEGATIVE_OR_ABSENT.has(r.result),
        );
        await facts.record(event.id, { kind: 'not-cleared', ...fact, onNegativeOrAbsentDisclosure });
      }
    },
  };
}
