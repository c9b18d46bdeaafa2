import { createHash, randomUUID } from 'node:crypto';
import { createEvent, forbidden, type Actor } from '@vetting/platform';
import {
  acknowledge,
  close,
  remind,
  respond,
  type ActionKind,
  type ActionOutcome,
  type ActionRequest,
  type Change,
} from '../domain/action-request';
import { changed, visibleRequest, type ActionRequestDeps } from './action-request-context';

type Follow = 'acknowledged' | 'responded' | 'reminded' | 'overdue' | 'closed';

/** The event of a change, with the facts reporting needs and no text. */
export function followEvent(r: ActionRequest, kind: Follow, at: string, by: string) {
  const last = r.responses.at(-1);
  const data: Record<string, unknown> = { requestId: r.id, country: r.country, status: kind, at, by, dueBy: r.dueBy };
  if (kind === 'responded' && last)
    Object.assign(data, {
      responseId: last.responseId,
      responseKind: last.kind,
      covers: last.covers,
      ...(last.outcome ? { outcome: last.outcome } : {}),
    });
  return createEvent('accountability', { type: `action-request.${kind}`, subject: r.id, tenant: r.country, data });
}

const causeOf = (actor: Actor, action: string, key: string | undefined) =>
  `${action}:${key ? createHash('sha256').update(`${actor.id}|${key}`).digest('hex').slice(0, 32) : randomUUID()}`;

/**
 * Applies one follow-up once per cause, decided on the stored state (a concurrent change in between
 * is decided on again, never overwritten); a refusal of the domain becomes the HTTP answer.
 */
async function apply(
  actor: Actor,
  id: string,
  action: string,
  key: string | undefined,
  deps: ActionRequestDeps,
  decide: (r: ActionRequest) => Change,
): Promise<ActionRequest> {
  await visibleRequest(actor, id, deps);
  const at = deps.now().toISOString();
  let refused: Change;
  const result = await deps.requests.change(id, causeOf(actor, action, key), (latest) => {
    if (!latest) return undefined;
    const decided = decide(latest);
    refused = decided && 'problem' in decided ? decided : undefined;
    if (!decided || 'problem' in decided) return undefined;
    return { state: decided.state, events: [followEvent(decided.state, decided.event, at, actor.id)] };
  });
  changed(refused);
  if (result.outcome === 'applied') deps.onEvents();
  return (result.revision?.state as ActionRequest | undefined) ?? (await visibleRequest(actor, id, deps));
}

const officeOnly = (actor: Actor) => {
  if (!actor.roles.includes('tcc-officer'))
    throw forbidden('ACTION_REQUEST.OFFICE_ONLY', 'Only the country’s recruitment office answers a request for action');
};

export const acknowledgeRequest = (actor: Actor, id: string, key: string | undefined, deps: ActionRequestDeps) => {
  officeOnly(actor);
  return apply(actor, id, 'acknowledge', key, deps, (r) => acknowledge(r, actor.id, deps.now().toISOString()));
};

export interface ResponseInput {
  kind: 'interim' | 'final';
  covers: ActionKind[];
  outcome?: ActionOutcome;
  text: string;
}

export const respondToRequest = (actor: Actor, id: string, input: ResponseInput, key: string | undefined, deps: ActionRequestDeps) => {
  officeOnly(actor);
  const responseId = `resp-${randomUUID().slice(0, 8)}`;
  // Sealed before the change is decided: sealing is asynchronous, the decision is not.
  return deps.sealer.seal(id, `response:${responseId}`, input.text).then((sealedText) =>
    apply(actor, id, 'respond', key, deps, (r) =>
      respond(r, {
        responseId,
        kind: input.kind,
        covers: input.covers,
        ...(input.outcome ? { outcome: input.outcome } : {}),
        sealedText,
        respondedAt: deps.now().toISOString(),
        respondedBy: actor.id,
      }),
    ),
  );
};

export const remindCountry = (actor: Actor, id: string, key: string | undefined, deps: ActionRequestDeps) =>
  apply(actor, id, 'remind', key, deps, (r) => remind(r, { at: deps.now().toISOString(), by: actor.id, automatic: false }));

/** The closing reason may name the person: it is sealed like the other texts. */
export const closeRequest = (actor: Actor, id: string, reason: string, key: string | undefined, deps: ActionRequestDeps) =>
  deps.sealer
    .seal(id, 'close-reason', reason)
    .then((sealed) => apply(actor, id, 'close', key, deps, (r) => close(r, actor.id, deps.now().toISOString(), sealed)));
