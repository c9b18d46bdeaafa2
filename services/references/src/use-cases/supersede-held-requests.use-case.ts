import { createEvent, type Logger } from '@vetting/platform';
import { checkEventData, type Check } from '../domain/check';
import { superseded, supersessionOf, type NewestDisclosure, type Supersession } from '../domain/supersede';
import type { ReferenceSet } from '../data/reference-set.repository';
import type { ReferencesContext } from '../references-context';

type Ctx = Pick<ReferencesContext, 'checks' | 'sets' | 'answers' | 'now' | 'onEvents'>;

/** `reference.check-superseded`: which held request a correction replaced, by which revision and why (no employer: events carry no details). */
function supersededEvent(c: Check, s: Supersession) {
  return createEvent('references', {
    type: 'reference.check-superseded',
    subject: c.candidateId,
    tenant: c.country,
    data: {
      ...checkEventData(c),
      candidateRevision: c.candidateRevision!,
      supersededByRevision: s.byRevision,
      reason: s.reason,
      ...(s.replacedBy ? { replacedBy: s.replacedBy } : {}),
    },
  });
}

/** The employer of a check, or nothing once its set is erased (then nothing can be matched). */
async function employerOf(ctx: Ctx, c: Check) {
  try {
    return (await ctx.answers.openSubject(c)).employer;
  } catch {
    return undefined;
  }
}

async function newestDisclosures(ctx: Ctx, set: ReferenceSet): Promise<NewestDisclosure[]> {
  const ids = set.checks.filter((c) => c.checkType === 'misconduct-disclosure').map((c) => c.checkId);
  const checks = await Promise.all(ids.map((id) => ctx.checks.load(id)));
  return Promise.all(checks.filter((c): c is Check => !!c).map(async (c) => ({ checkId: c.checkId, employer: await employerOf(ctx, c) })));
}

/**
 * A corrected nomination supersedes the requests of the candidate's earlier revisions that are still
 * held for a screening officer (nothing sent, nothing answered): the newest revision's plan decides
 * what is required, so the queue keeps one held request per employer per candidate. Each is a
 * recorded transition of the check (`superseded`, with its reason and the check replacing it),
 * published as `reference.check-superseded` through the check's outbox, never a delete. The cause
 * `supersede:<checkId>` applies it once however often the event is redelivered, and a request a
 * screening officer confirmed meanwhile is left as it is (the transition reads the exact state).
 */
export async function supersedeHeldRequests(candidateIds: string[], ctx: Ctx, logger?: Logger): Promise<number> {
  if (!candidateIds.length) return 0;
  const held = await ctx.checks.heldOf(candidateIds);
  if (!held.length) return 0;
  const newestRevision = await ctx.sets.newestRevisions([...new Set(held.map((c) => c.candidateId))]);
  let count = 0;
  for (const [candidateId, revision] of newestRevision) {
    const older = held.filter((c) => c.candidateId === candidateId && c.candidateRevision !== undefined && c.candidateRevision < revision);
    if (!older.length) continue;
    const newest = await ctx.sets.get(`${candidateId}.${revision}`);
    if (!newest) continue;
    const disclosures = await newestDisclosures(ctx, newest);
    for (const check of older) {
      const s = supersessionOf(await employerOf(ctx, check), disclosures, newest.candidateRevision, ctx.now());
      const outcome = await ctx.checks.apply(check.checkId, `supersede:${check.checkId}`, (current) => {
        const next = superseded(current, s);
        return next ? { state: next, events: [supersededEvent(next, s)] } : undefined;
      });
      if (outcome.outcome !== 'applied') continue;
      count++;
      logger?.info(
        { candidateId, checkId: check.checkId, byRevision: s.byRevision, reason: s.reason },
        'held disclosure request superseded by a corrected nomination',
      );
    }
  }
  if (count) ctx.onEvents();
  return count;
}
