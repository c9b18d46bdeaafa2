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

export async function readTrail(repository: AuditEntryRepository, subjectId: string): Promise<Trail> {
  const entries = await repository.aboutSubject(subjectId);
  return { subjectId, steps: orderByTimeAndCause(entries).map(describeEntry), entries };
}
