import { createEvent, type AppendOutcome } from '@vetting/platform';
import { resultRecorded, type Check, type CheckFinding, type CheckResult, type ResultSource } from '../domain/check';
import type { CompletedCheck } from '../data/check.repository';
import type { ReferencesContext } from '../references-context';

type Ctx = Pick<ReferencesContext, 'checks' | 'sets' | 'now' | 'onEvents'>;

/**
 * Records the result of a check's round, once: every source (the authority's response, its
 * callback, the referee, the deadline) uses the cause `result:<checkId>:<round>`, so the first wins
 * and the rest are duplicates. Then completes the set if this was its last open check.
 */
export async function recordResult(
  ctx: Ctx,
  checkId: string,
  round: number,
  result: CheckResult,
  source: ResultSource,
  sealedAnswer?: string,
  findings: CheckFinding[] = [],
): Promise<AppendOutcome<Check>> {
  const outcome = await ctx.checks.apply(checkId, `result:${checkId}:${round}`, (c) => {
    const next = resultRecorded(c, round, result, source, ctx.now(), sealedAnswer, findings);
    if (!next) return undefined;
    return { state: next, events: [completedEvent(next)] };
  });
  if (outcome.outcome === 'applied') ctx.onEvents();
  const check = outcome.revision?.state ?? (await ctx.checks.load(checkId));
  if (check?.state === 'completed') await completeSetIfDone(ctx, check.setId, check);
  return outcome;
}

/** `reference.check-completed`: the result and its named findings (codes only). */
export function completedEvent(c: Check) {
  return createEvent('references', {
    type: 'reference.check-completed',
    subject: c.candidateId,
    tenant: c.country,
    data: {
      candidateId: c.candidateId,
      country: c.country,
      checkId: c.checkId,
      checkType: c.checkType,
      result: c.result!,
      ...(c.findings?.length ? { findings: c.findings } : {}),
    },
  });
}

/** Completions under way in this process, by set: the results of one set recorded at once share one. */
const completing = new Map<string, Promise<boolean>>();

/**
 * Emits `references.completed` once every check of the set has a result. Each writer stores its
 * result first and reads the others' revisions after, so whichever result is stored last sees them
 * all; the completion is an insert-once document, so two writers seeing it together publish it once.
 * A writer that dies in between leaves the set to its rerun (a stalled job, the timer job, the
 * callback delivered again), which calls this with the exact state it loaded, or to the consumer
 * of the check's `reference.check-completed` (complete-set-when-check-completed.consumer.ts).
 */
export async function completeSetIfDone(ctx: Ctx, setId: string, known?: Check): Promise<boolean> {
  if (ctx.sets.knownComplete(setId)) return false;
  const running = completing.get(setId);
  // Another result of the set is being checked: check again after it (it may have read this one open).
  if (running) return running.catch(() => undefined).then(() => completeSetIfDone(ctx, setId, known));
  const attempt = completeSet(ctx, setId, known).finally(() => completing.delete(setId));
  completing.set(setId, attempt);
  return attempt;
}

async function completeSet(ctx: Ctx, setId: string, known?: Check): Promise<boolean> {
  // Checks carry their set's members; older ones need the set document.
  const set =
    known?.setChecks && known.candidateRevision !== undefined && known.setId === setId
      ? { candidateId: known.candidateId, country: known.country, candidateRevision: known.candidateRevision, checkIds: known.setChecks }
      : await ctx.sets.get(setId).then((s) => s && { ...s, checkIds: s.checks.map((c) => c.checkId) });
  if (!set) return false;
  // Exact reads, one at a time, stopping at the first open check: most results are not their set's
  // last. Not the view: a writer projecting an older revision late can show a completed check as open
  // for a moment (seen: a 3,000-check run left one set uncompleted when the siblings came from the
  // view). Not one `aggregateId $in` read of them all either: FerretDB v1 answers it by scanning the
  // collection (docs/DEVELOPING.md). What is known completed needs no read, `completed` being final:
  // the caller's own check (read from its revisions or just written) and the siblings this process
  // saw completed (its writes, its reads, their own `reference.check-completed`).
  const checks: CompletedCheck[] = [];
  for (const checkId of set.checkIds) {
    const check = known?.checkId === checkId && known.state === 'completed' ? known : await ctx.checks.completedOrLoad(checkId);
    if (check?.state !== 'completed') return false;
    checks.push(check);
  }
  const event = createEvent('references', {
    type: 'references.completed',
    subject: set.candidateId,
    tenant: set.country,
    data: {
      candidateId: set.candidateId,
      country: set.country,
      candidateRevision: set.candidateRevision,
      checks: checks.map((c) => ({
        checkId: c.checkId,
        checkType: c.checkType,
        result: c.result!,
        ...(c.findings?.length ? { findings: c.findings } : {}),
      })),
    },
  });
  const inserted = await ctx.sets.complete(setId, ctx.now().toISOString(), [event]);
  if (inserted) ctx.onEvents();
  return inserted;
}
