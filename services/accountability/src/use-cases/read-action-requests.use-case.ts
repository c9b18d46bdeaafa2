import { listRead } from './list-read';
import { countryScope, isErased, missionScope, type Actor } from '@vetting/platform';
import { figuresByCountry, statusOf, sweep, type ActionRequest } from '../domain/action-request';
import { visibleRequest, type ActionRequestDeps } from './action-request-context';
import { followEvent } from './follow-action-request.use-case';

const ERASED = '(erased)';

/** A sealed text opened; once the person was erased (key shredded, copy dropped) it reads `(erased)`. Closing reasons stored before they were sealed read as stored. */
async function opened(
  deps: Pick<ActionRequestDeps, 'sealer'>,
  r: Pick<ActionRequest, 'erased'>,
  field: string,
  sealed: string,
): Promise<string> {
  if (r.erased || !sealed) return ERASED;
  if (field === 'close-reason' && !sealed.startsWith('{')) return sealed;
  try {
    return await deps.sealer.open(field, sealed);
  } catch (error) {
    if (isErased(error)) return ERASED;
    throw error;
  }
}

const withClosed = async (r: ActionRequest, deps: Pick<ActionRequestDeps, 'sealer'>) =>
  r.closed ? { closed: { ...r.closed, reason: await opened(deps, r, 'close-reason', r.closed.reason) } } : {};

const summaryOf = async (
  { sealedSummary: _s, responses, reminders, erased: _e, ...r }: ActionRequest,
  deps: Pick<ActionRequestDeps, 'sealer'>,
) => ({
  ...r,
  ...(await withClosed({ ...r, sealedSummary: '', responses, reminders }, deps)),
  status: statusOf(r),
  responses: responses.length,
  reminders: reminders.length,
  lastReminderAt: reminders.at(-1)?.at,
});

export interface ListQuery {
  country?: string;
  status?: string;
  candidateId?: string;
  listId?: string;
  entryId?: string;
}

/** Requests an actor may see (an office: its country's), newest first, without their texts. */
export async function listActionRequests(actor: Actor, q: ListQuery, deps: ActionRequestDeps) {
  const country = countryScope(actor, q.country);
  const missions = missionScope(actor);
  const filter = {
    country,
    candidateId: q.candidateId,
    'listEntry.listId': q.listId,
    'listEntry.entryId': q.entryId,
    ...(missions ? { mission: { $in: missions } } : {}),
  };
  const all = await Promise.all((await deps.requests.find(filter, { sentAt: -1 })).map((r) => summaryOf(r, deps)));
  return listRead(actor, all, q.status, deps.access, {
    resource: 'accountability/action-requests',
    purpose: 'requests for action list',
    fields: ['misconduct category', 'list entry'],
  });
}

/** One request with what was asked and every response, opened; the read is recorded against the person. */
export async function readActionRequest(actor: Actor, id: string, deps: ActionRequestDeps) {
  const r = await visibleRequest(actor, id, deps);
  await deps.access.record({
    actor,
    subjectId: r.candidateId,
    resource: 'accountability/action-request',
    purpose: 'follow a request for action',
    fields: ['misconduct summary', 'responses'],
  });
  const { sealedSummary, responses, erased: _e, ...rest } = r;
  return {
    ...rest,
    ...(await withClosed(r, deps)),
    status: statusOf(r),
    summary: await opened(deps, r, 'summary', sealedSummary),
    responses: await Promise.all(
      responses.map(async ({ sealedText, ...x }) => ({ ...x, text: await opened(deps, r, `response:${x.responseId}`, sealedText) })),
    ),
  };
}

export async function actionRequestHistory(actor: Actor, id: string, deps: ActionRequestDeps) {
  const r = await visibleRequest(actor, id, deps);
  await deps.access.record({
    actor,
    subjectId: r.candidateId,
    resource: 'accountability/action-request-history',
    purpose: 'follow a request for action',
    fields: ['status history'],
  });
  return {
    items: (await deps.requests.history(id)).map(({ rev, at, state }) => ({
      rev,
      at,
      status: statusOf(state),
      responses: state.responses.length,
      reminders: state.reminders.length,
    })),
  };
}

/** Sent, acknowledged, answered, overdue and closed by country, with the median days to a final response. */
export async function actionRequestFigures(actor: Actor, q: { country?: string; year?: number }, deps: ActionRequestDeps) {
  const country = countryScope(actor, q.country);
  const all: ActionRequest[] = [];
  for await (const r of deps.requests.scan(country ? { country } : {}))
    if (!q.year || new Date(r.sentAt).getUTCFullYear() === q.year) all.push(r);
  const byCountry = figuresByCountry(all);
  const totals = Object.values(byCountry).reduce(
    (t, f) => ({ sent: t.sent + f.sent, responded: t.responded + f.responded, overdue: t.overdue + f.overdue }),
    { sent: 0, responded: 0, overdue: 0 },
  );
  return { ...(q.year ? { year: q.year } : {}), byCountry, totals };
}

/** The reminder job: reminds offices of deadlines coming and passed, and marks requests overdue once (each an event). */
export async function sweepActionRequests(deps: ActionRequestDeps): Promise<number> {
  const now = deps.now();
  let changes = 0;
  for await (const r of deps.requests.scan({ state: { $in: ['sent', 'acknowledged'] } })) {
    const result = await deps.requests.change(r.id, `sweep:${r.id}:${now.toISOString().slice(0, 13)}`, (latest) => {
      const decided = latest ? sweep(latest, now, deps.reminders) : undefined;
      if (!decided || 'problem' in decided) return undefined;
      return { state: decided.state, events: [followEvent(decided.state, decided.event, now.toISOString(), 'reminder-job')] };
    });
    if (result.outcome === 'applied') changes++;
  }
  if (changes) deps.onEvents();
  return changes;
}
