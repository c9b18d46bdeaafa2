import { type EventEnvelope, type PersonalSealer } from '@vetting/platform';
import type { AuditEntry } from '../domain/hash-chain';
import { orderByTimeAndCause } from '../domain/trail-order';
import { describeEntry, type TrailStep } from '../domain/trail-story';
import type { AuditEntryRepository } from '../data/audit-entry.repository';

export interface Trail {
  subjectId: string;
  /** The story in the order it happened (event time, causes before effects), reads of the person's data included. */
  steps: TrailStep[];
  /** The same entries as stored (chain order), with their hashes, for verification. */
  entries: AuditEntry[];
}

/**
 * The written reasons of a step, opened from the entry's sealed block with the person's key (the
 * trail read is recorded as an access to the person's data); `(erased)` once the person is erased,
 * `(sealed)` where this service cannot open it (no person-key source configured).
 */
async function reasonsOf(entry: AuditEntry, sealer?: PersonalSealer): Promise<string[] | undefined> {
  if (!entry.data.personal) return undefined;
  if (!sealer) return ['(sealed)'];
  const opened = await sealer
    .openOrErased({ type: entry.type, subject: entry.subject, data: entry.data } as unknown as EventEnvelope)
    .catch(() => ({ unreadable: true }) as const);
  if ('unreadable' in opened) return ['(sealed)'];
  if (opened.erased) return ['(erased)'];
  const p = (opened.personal ?? {}) as { reason?: string; reasons?: string[] };
  return p.reasons ?? (p.reason ? [p.reason] : undefined);
}

export async function readTrail(repository: AuditEntryRepository, subjectId: string, sealer?: PersonalSealer): Promise<Trail> {
  const entries = await repository.aboutSubject(subjectId);
  const steps = await Promise.all(
    orderByTimeAndCause(entries).map(async (entry) => {
      const step = describeEntry(entry);
      const reasons = await reasonsOf(entry, sealer);
      return reasons ? { ...step, reasons: [...(step.reasons ?? []).filter(Boolean), ...reasons] } : step;
    }),
  );
  return { subjectId, steps, entries };
}
