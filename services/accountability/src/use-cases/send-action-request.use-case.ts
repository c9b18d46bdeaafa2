import { createHash, randomUUID } from 'node:crypto';
import { AppError, badRequest, conflict, createEvent, type Actor } from '@vetting/platform';
import type { ActionKind, ActionRequest, MisconductCategory } from '../domain/action-request';
import type { ActionRequestDeps } from './action-request-context';
import { forgetActionRequest } from './forget-action-request.use-case';

export interface SendInput {
  country: string;
  mission: string;
  category: MisconductCategory;
  substantiatedOn: string;
  candidateId: string;
  listEntry: { listId: string; entryId: string };
  actions: { kind: ActionKind; dueBy?: string }[];
  /** What the UN asks the country, in words (sealed; never in events). */
  summary: string;
}

/**
 * The UN sends a request for action to the country that deployed the person: the actions asked, each
 * with its deadline (default ACTION_REQUEST_DAYS), linked to the person's nomination (their clearance
 * history) and to the ban-list entry. The same Idempotency-Key sends it once. A person intake erased
 * is refused (410 CANDIDATE.ERASED): their data was destroyed everywhere, and a new request would
 * start a new record about them.
 */
export async function sendActionRequest(
  actor: Actor,
  input: SendInput,
  key: string | undefined,
  deps: ActionRequestDeps,
): Promise<{ request: ActionRequest; created: boolean }> {
  const now = deps.now();
  const fallback = new Date(now.getTime() + deps.defaultDays * 86_400_000).toISOString();
  const errors: { field: string; reason: string }[] = [];
  input.actions.forEach((a, i) => {
    if (input.actions.findIndex((b) => b.kind === a.kind) !== i)
      errors.push({ field: `body/actions/${i}/kind`, reason: `${a.kind} is asked twice` });
    if (a.dueBy && Date.parse(a.dueBy) <= now.getTime()) errors.push({ field: `body/actions/${i}/dueBy`, reason: 'must be in the future' });
  });
  if (Date.parse(input.substantiatedOn) > now.getTime())
    errors.push({ field: 'body/substantiatedOn', reason: 'must not be in the future' });
  if (errors.length) throw badRequest('ACTION_REQUEST.INVALID', 'The request for action is not valid', errors);
  if (await deps.erased.isErased(input.candidateId)) throw erasedPerson(input.candidateId);
  const id = `rfa-${key ? createHash('sha256').update(`${actor.id}|${key}`).digest('hex').slice(0, 20) : randomUUID()}`;
  const actions = input.actions.map((a) => ({ kind: a.kind, dueBy: a.dueBy ? new Date(a.dueBy).toISOString() : fallback }));
  const dueBy = actions
    .map((a) => a.dueBy)
    .sort()
    .at(-1)!;
  const sentAt = now.toISOString();
  const request: ActionRequest = {
    id,
    reference: `RFA-${now.getUTCFullYear()}-${id.slice(4, 12).toUpperCase()}`,
    country: input.country,
    mission: input.mission.toUpperCase(),
    category: input.category,
    substantiatedOn: input.substantiatedOn,
    candidateId: input.candidateId,
    listEntry: input.listEntry,
    actions,
    dueBy,
    sealedSummary: await deps.sealer.seal(id, 'summary', input.summary),
    state: 'sent',
    sentAt,
    sentBy: actor.id,
    responses: [],
    reminders: [],
  };
  const event = createEvent('accountability', {
    type: 'action-request.sent',
    subject: id,
    tenant: request.country,
    data: {
      requestId: id,
      reference: request.reference,
      country: request.country,
      mission: request.mission,
      category: request.category,
      candidateId: request.candidateId,
      listEntry: request.listEntry,
      actions,
      dueBy,
      sentAt,
      sentBy: actor.id,
    },
  });
  const result = await deps.requests.change(id, `send:${id}`, (current) => (current ? undefined : { state: request, events: [event] }));
  if (result.outcome === 'applied') deps.onEvents();
  // Erased while this was being stored: the erasure's scan may have run before it, so forget it here.
  if (result.outcome === 'applied' && (await deps.erased.isErased(input.candidateId))) {
    await forgetActionRequest(id, deps.now().toISOString(), deps);
    throw erasedPerson(input.candidateId);
  }
  const stored = (result.revision?.state as ActionRequest | undefined) ?? (await deps.requests.load(id));
  if (!stored) throw conflict('ACTION_REQUEST.CONCURRENT', 'The request was sent at the same moment; try again');
  return { request: stored, created: result.outcome === 'applied' };
}

/** 410 naming the person: their data was destroyed everywhere, so nothing new is recorded about them. */
function erasedPerson(candidateId: string): AppError {
  return new AppError('CANDIDATE.ERASED', `The person ${candidateId} was erased; no request for action can be sent about them`, {
    status: 410,
    errors: [{ field: 'body/candidateId', reason: 'this person’s data was erased' }],
  });
}
