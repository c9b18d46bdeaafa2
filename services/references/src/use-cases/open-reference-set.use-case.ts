import type { EventDataByType, EventPersonalByType } from '@vetting/contracts';
import { createEvent, createGroupCommit, type EventEnvelope, type Logger } from '@vetting/platform';
import { planChecks, type PlannedCheck } from '../domain/check-plan';
import { newCheck, type SetOfCheck } from '../domain/check';
import type { ReferenceSet } from '../data/reference-set.repository';
import type { ReferencesContext } from '../references-context';
import { supersedeHeldRequests } from './supersede-held-requests.use-case';
import { withdrawChecks } from './withdraw-checks.use-case';

type Ctx = Pick<ReferencesContext, 'checks' | 'sets' | 'answers' | 'policies' | 'directory' | 'producer' | 'now' | 'onEvents'>;
/**
 * A nominated revision with its person opened from the event's sealed block, and when it was
 * nominated (the event's time: the end of its employment look-back window).
 */
export type Submitted = Omit<EventDataByType['candidate.submitted'], 'personal'> & {
  person: EventPersonalByType['candidate.submitted']['person'];
  submittedAt?: string;
};

/**
 * Opens the checks of many candidate revisions in a few round trips whatever their number: the data
 * keys of the new sets (the subjects are sealed), the sets (one unordered insert, insert-once by
 * `<candidate>.<revision>`, carrying every `reference.check-requested` of the set), the checks
 * (revision 1 of each aggregate, caused by `open:<checkId>`), the completions of
 * sets that need no check, the earlier revisions' held requests a correction supersedes
 * (supersede-held-requests.use-case.ts), the checks of a candidate already withdrawn
 * (withdraw-checks.use-case.ts: one query per batch), and the jobs (`addBulk`, job id = check id). Each step is idempotent, so a
 * redelivered event or a rerun after a crash repeats nothing. A set with no checks is complete at
 * once and says so ("not required" is a recorded result, not an absence). If Redis is down the
 * checks stay `requested` in the database and the worker's sweeper enqueues them later.
 *
 * Measured on FerretDB: one `apply` per check costs ~4 round trips (≈126 ms serial under load),
 * 100 checks in one `createMany` ≈130 ms in all.
 */
export async function openReferenceSets(batch: Submitted[], ctx: Ctx, logger?: Logger) {
  const now = ctx.now();
  const at = now.toISOString();
  // One policy version and one read of the directory for the whole batch.
  const [policy, directory] = await Promise.all([ctx.policies.current(), ctx.directory.index()]);
  const sets: { set: ReferenceSet; events: EventEnvelope[] }[] = [];
  const planned: (PlannedCheck & { set: SetOfCheck })[] = [];
  for (const data of batch) {
    const setId = `${data.candidateId}.${data.revision}`;
    const nominee = {
      candidateId: data.candidateId,
      country: data.country,
      revision: data.revision,
      category: data.nomination.category,
      person: data.person,
    };
    const plan = planChecks(policy, nominee, data.submittedAt ? new Date(data.submittedAt) : now, directory, ctx.answers.employerKey);
    const common = { subject: data.candidateId, tenant: data.country };
    const set: ReferenceSet = {
      id: setId,
      candidateId: data.candidateId,
      country: data.country,
      candidateRevision: data.revision,
      category: data.nomination.category,
      policyVersion: policy.version,
      checks: plan.map((p) => ({ checkId: p.checkId, checkType: p.checkType })),
      createdAt: at,
    };
    // The set's one outbox carries every check-requested event of the set (one document for the relay to clear, not one per check).
    const events = plan.length
      ? plan.map((p) =>
          createEvent('references', {
            ...common,
            type: 'reference.check-requested',
            data: { candidateId: data.candidateId, country: data.country, checkId: p.checkId, checkType: p.checkType },
          }),
        )
      : [
          createEvent('references', {
            ...common,
            type: 'references.completed',
            data: { candidateId: data.candidateId, country: data.country, candidateRevision: data.revision, checks: [] },
          }),
        ];
    sets.push({ set, events });
    const setOfCheck: SetOfCheck = {
      setId,
      candidateId: data.candidateId,
      country: data.country,
      category: data.nomination.category,
      candidateRevision: data.revision,
      setChecks: plan.map((p) => p.checkId),
    };
    for (const p of plan) planned.push({ ...p, set: setOfCheck });
  }
  // Subjects are sealed under the set's data key before anything is stored: never in clear at rest.
  const sealed = await ctx.answers.sealSubjects(planned.map((p) => ({ setId: p.set.setId, checkId: p.checkId, subject: p.subject })));
  const checks = planned.map(({ set, ...p }, i) => ({ check: newCheck(p, set, sealed[i]!, now), events: [] as EventEnvelope[] }));
  const storedSets = await ctx.sets.insertMany(sets);
  const opened = await ctx.checks.openMany(checks);
  const empty = sets.filter((s) => !s.set.checks.length && storedSets.has(s.set.id));
  if (empty.length) await ctx.sets.completeMany(empty.map((s) => ({ id: s.set.id, completedAt: at, events: [] })));
  if (storedSets.size || opened.length) ctx.onEvents();
  // A corrected nomination: the earlier revisions' requests still held for a screening officer are superseded (after the new set is stored,
  // so its plan is what they are compared with). A first revision holding a request is looked at too: replayed after a correction, it is the earlier one.
  const holding = new Set(planned.filter((p) => p.awaitingContact).map((p) => p.set.candidateId));
  const superseded = await supersedeHeldRequests(
    [...new Set(batch.filter((d) => d.revision > 1 || holding.has(d.candidateId)).map((d) => d.candidateId))],
    ctx,
    logger,
  );
  // A nomination replayed after its withdrawal (a dead-letter replay): its checks end withdrawn before anything is queued.
  const withdrawn = await ctx.sets.withdrawnAmong([...new Set(batch.map((d) => d.candidateId))]);
  for (const [candidateId, revision] of withdrawn) await withdrawChecks(candidateId, revision, ctx, logger);
  try {
    // A request to an employer the directory does not know is held: nothing is sent before a screening officer confirms a contact.
    const toQueue = checks.filter(({ check }) => check.state === 'requested' && !withdrawn.has(check.candidateId)).map((c) => c.check);
    // A check opened now carries its revision 1 in its job (the worker reads nothing before its claim); one stored before is read.
    const created = new Set(opened);
    const fresh = toQueue.filter((c) => created.has(c.checkId));
    const sealed = new Map(
      (await ctx.answers.sealRevisions(fresh.map((check) => ({ check, rev: 1 })))).map((s, i) => [fresh[i]!.checkId, s]),
    );
    await ctx.producer.enqueueMany(
      toQueue.map((c) => {
        const seen = sealed.get(c.checkId);
        return { checkId: c.checkId, checkType: c.checkType, ...(seen ? { seen: { rev: 1, sealed: seen } } : {}) };
      }),
    );
  } catch (error) {
    logger?.warn({ err: error, checks: planned.length }, 'checks not enqueued now; the sweeper will enqueue them');
  }
  return { sets: sets.length, setsStored: storedSets.size, checks: planned.length, checksOpened: opened.length, superseded };
}

type Opened = Awaited<ReturnType<typeof openReferenceSets>>;

/** Revisions opened together at most. */
const OPEN_BATCH = 100;

/**
 * Opening for concurrent callers (the consumer runs several candidates at once, one chain per key):
 * the revisions that arrive together open in one `openReferenceSets` call, so the policy, directory,
 * data-key, set, check, held-request, withdrawal and queue round trips are shared instead of repeated
 * per candidate. A batch that fails is opened again one revision at a time, so a revision that cannot
 * be opened fails alone (its event is retried, then dead-lettered) and never holds up the others.
 */
export function createReferenceSetOpener(ctx: Ctx): (data: Submitted, logger?: Logger) => Promise<Opened> {
  type Item = { data: Submitted; logger: Logger | undefined };
  // The batch logs through its first caller's logger (its correlation id); each caller logs its own outcome.
  const open = createGroupCommit<Item, { opened: Opened } | { error: unknown }>(async (batch) => {
    try {
      const opened = await openReferenceSets(
        batch.map((i) => i.data),
        ctx,
        batch[0]?.logger,
      );
      return batch.map(() => ({ opened }));
    } catch {
      const outcomes: ({ opened: Opened } | { error: unknown })[] = [];
      for (const item of batch)
        outcomes.push(
          await openReferenceSets([item.data], ctx, item.logger).then(
            (opened) => ({ opened }),
            (error: unknown) => ({ error }),
          ),
        );
      return outcomes;
    }
  }, OPEN_BATCH);
  return async (data, logger) => {
    const outcome = await open({ data, logger });
    if ('error' in outcome) throw outcome.error;
    return outcome.opened;
  };
}
