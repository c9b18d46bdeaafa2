import { countryScope, notFound, type Actor, type Logger } from '@vetting/platform';
import type { Candidate } from '../domain/candidate';
import { erasureDue, type RetentionPolicy } from '../domain/retention';
import type { CandidateRepository } from '../data/candidate.repository';
import type { KeyRepository } from '../data/key.repository';
import type { PersonalCipher } from '../data/personal-data.cipher';
import type { UploadRepository } from '../data/upload.repository';
import { erasureEvent } from './candidate-events';

export interface EraseDeps {
  repository: CandidateRepository;
  keys: KeyRepository;
  uploads: UploadRepository;
  cipher: Pick<PersonalCipher, 'shred'>;
  now: () => Date;
  onEvents: () => void;
}

/**
 * Erases a person's data (crypto-shredding). In this order, each step idempotent so a crash anywhere
 * is repaired by erasing again: (1) a revision without the sealed data, marked erased, with
 * candidate.erased in its outbox (once per candidate: cause `erase:<id>`); (2) the person's data key
 * is destroyed, so the sealed data in every older revision is unreadable for good; (3) their dedupe
 * keys and search keys are deleted; (4) the published copies of their events are emptied (upload outbox documents,
 * shared by 250 people, are deleted once published). Ids, statuses, the timeline
 * and the audit trail (pseudonymous ids and hashes) stay. Returns the erased candidate.
 */
export async function eraseCandidate(
  id: string,
  basis: 'retention' | 'request',
  reason: string,
  deps: EraseDeps,
): Promise<Candidate | undefined> {
  const at = deps.now().toISOString();
  const { candidate } = await deps.repository.change(id, `erase:${id}`, (c) => {
    if (c.erased) return undefined;
    const { selfDeclaration: _s, employmentDeclaration: _e, upload: _u, ...rest } = c;
    const next: Candidate = {
      ...rest,
      person: { names: [] },
      erased: { at, reason },
      dedupeKeys: [],
      timeline: [...c.timeline, { at, status: c.status, event: `personal data erased (${basis})` }],
      updatedAt: at,
    };
    return { candidate: next, events: [erasureEvent(next, basis, at)] };
  });
  deps.onEvents();
  await deps.cipher.shred(id);
  await deps.keys.releaseAll(id);
  await deps.repository.unsearchable(id);
  await deps.repository.scrubPublishedEvents(id);
  // An uploaded person's submission travelled in a shared upload outbox document: published ones go.
  await deps.uploads.dropPublishedEvents();
  return candidate ?? (await deps.repository.findById(id));
}

/** An administrator erases one person on request (a data-subject request, a court order). */
export async function eraseOnRequest(actor: Actor, id: string, reason: string, deps: EraseDeps): Promise<Candidate> {
  const existing = await deps.repository.findById(id);
  const scope = countryScope(actor);
  if (!existing || (scope && scope !== existing.country)) throw notFound('CANDIDATE.NOT_FOUND', 'No such candidate');
  return (await eraseCandidate(id, 'request', reason, deps)) ?? existing;
}

const SCANNED_STATUSES = [
  'withdrawn',
  'not-cleared',
  'cleared',
  'expired',
  'screening',
  'references',
  'decision-pending',
  'nominated',
] as const;

/**
 * The retention job's pass: erases every candidate whose retention period is over, then deletes the
 * upload outbox documents already published. Scans the view status by status, page by page (indexed
 * equality on status is what FerretDB pushes down); erasure being idempotent, two instances running
 * it at once do no harm. Returns how many people were erased.
 */
export async function purgeExpired(policy: RetentionPolicy, deps: EraseDeps & { logger: Logger; pageSize?: number }): Promise<number> {
  const now = deps.now().toISOString();
  let erased = 0;
  for (const status of SCANNED_STATUSES) {
    for (let after = ''; ;) {
      const page = await deps.repository.scan({ status, ...(after ? { _id: { $gt: after } } : {}) }, deps.pageSize ?? 500);
      for (const doc of page) {
        const due = erasureDue({ ...doc, timeline: JSON.parse(doc.timeline) as Candidate['timeline'] }, policy);
        if (due && due.at <= now) {
          await eraseCandidate(doc._id, 'retention', `retention period for ${due.kind} ended ${due.at.slice(0, 10)}`, deps);
          erased++;
        }
      }
      if (page.length < (deps.pageSize ?? 500)) break;
      after = page.at(-1)!._id;
    }
  }
  if (!erased) await deps.uploads.dropPublishedEvents(); // (each erasure above already did)
  if (erased) deps.logger.info({ erased }, 'retention: personal data erased');
  return erased;
}
