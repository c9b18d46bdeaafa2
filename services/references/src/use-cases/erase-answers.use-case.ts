import type { ReferencesContext } from '../references-context';

type Ctx = Pick<ReferencesContext, 'sets' | 'answers' | 'now'>;
const DAY = 24 * 3600 * 1000;

/**
 * Forgets the referee answers of every reference set of a candidate (on `candidate.erased`): each
 * set's data key is destroyed, so the sealed answers in every revision are unreadable for good
 * (GET …/answer → 410). Check ids, states, results and the audit trail stay. Idempotent: a
 * redelivered event shreds nothing more and the erasure records are insert-once.
 */
export async function eraseCandidateAnswers(ctx: Ctx, candidateId: string, basis: string): Promise<number> {
  const sets = await ctx.sets.allFor(candidateId);
  for (const set of sets) {
    await ctx.answers.shred(set.id);
    await ctx.sets.markErased(set.id, ctx.now().toISOString(), basis);
  }
  return sets.length;
}

/**
 * Retention: the answers of sets that got all their results more than `days` ago are
 * crypto-shredded (the clearance decision waits for those results, so this runs after it). 0 keeps
 * them. Shred first, then record: a crash in between shreds again next time, which is harmless.
 */
export async function purgeExpiredAnswers(ctx: Ctx, days: number, batch = 500): Promise<number> {
  if (days <= 0) return 0;
  const cutoff = new Date(ctx.now().getTime() - days * DAY).toISOString();
  const due = await ctx.sets.completedBefore(cutoff, batch);
  for (const setId of due) {
    await ctx.answers.shred(setId);
    await ctx.sets.markErased(setId, ctx.now().toISOString(), 'retention');
  }
  return due.length;
}
