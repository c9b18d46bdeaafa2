import { randomUUID } from 'node:crypto';
import { badRequest, conflict, notFound, type AccessRecorder, type Actor } from '@vetting/platform';
import type { CandidateResponse, Notice, NOTICE_CHANNELS } from '../domain/case-inputs';
import type { ClearanceCase } from '../domain/clearance-case';
import { evaluatePolicy, findingKeys } from '../domain/evaluate-policy';
import { earliestRespondBy } from '../domain/refusal-notice';
import type { AttachmentRepository } from '../data/attachment.repository';
import type { CaseDataCipher } from '../data/case-data.cipher';
import type { ClearanceCaseRepository } from '../data/clearance-case.repository';
import type { PolicyRepository } from '../data/policy.repository';
import { noticeRecordedEvent, responseRecordedEvent } from './clearance.events';
import { changeWithInput } from './record-input.use-case';

export interface NoticeDeps {
  repository: ClearanceCaseRepository;
  policies: PolicyRepository;
  cipher: CaseDataCipher;
  attachments: AttachmentRepository;
  access: AccessRecorder;
  now: () => Date;
  onEvents: () => void;
}

export async function openCase(deps: Pick<NoticeDeps, 'repository'>, candidateId: string): Promise<ClearanceCase> {
  const found = await deps.repository.find(candidateId);
  if (!found) throw notFound('CLEARANCE.NOT_FOUND', 'No clearance case for this candidate');
  if (found.withdrawn) throw conflict('CLEARANCE.WITHDRAWN', 'The nomination was withdrawn');
  return found;
}

const inFuture = (value: string | undefined, now: Date) => value !== undefined && new Date(value) > now;

export interface NoticeInput {
  sentAt: string;
  respondBy?: string;
  channel: (typeof NOTICE_CHANNELS)[number];
  text: string;
}

/**
 * POST /cases/{id}/notices: records the dated notice given to the candidate of the findings now on
 * the case, and until when they may respond (at least the policy's `noticeResponseDays`). A refusal
 * resting on these findings may be decided once they responded or that date passed.
 */
export async function recordNotice(actor: Actor, candidateId: string, input: NoticeInput, deps: NoticeDeps, key: string = randomUUID()) {
  const c = await openCase(deps, candidateId);
  if (c.status !== 'awaiting-adjudication' && c.status !== 'awaiting-countersignature')
    throw conflict(
      'CLEARANCE.NOT_AWAITING_ADJUDICATION',
      `The case is ${c.status}: a notice is given of findings an adjudicator is deciding on`,
      { status: c.status },
    );
  const policy = await deps.policies.active();
  const now = deps.now();
  const sentAt = new Date(input.sentAt);
  const earliest = earliestRespondBy(sentAt, policy.noticeResponseDays);
  const problems = [];
  if (inFuture(input.sentAt, now)) problems.push({ field: 'body/sentAt', reason: 'is in the future' });
  if (input.respondBy && new Date(input.respondBy) < earliest)
    problems.push({
      field: 'body/respondBy',
      reason: `must leave the candidate at least ${policy.noticeResponseDays} days (policy v${policy.version}): ${earliest.toISOString()} or later`,
    });
  if (problems.length) throw badRequest('CLEARANCE.INVALID_NOTICE', 'The notice is not valid', problems);
  const noticeId = `n-${key}`.slice(0, 100);
  const notice: Notice = {
    noticeId,
    sentAt: sentAt.toISOString(),
    respondBy: input.respondBy ? new Date(input.respondBy).toISOString() : earliest.toISOString(),
    channel: input.channel,
    findings: findingKeys(evaluatePolicy(policy, c.inputs, now).findings),
    sealedText: await deps.cipher.sealText(candidateId, `notice:${noticeId}`, input.text),
    recordedBy: actor.id,
    recordedAt: now.toISOString(),
  };
  const stored = await deps.repository.apply(c.candidateId, c.country, `notice:${actor.id}:${key}`, (current) => {
    const change = changeWithInput(current, { kind: 'notice', value: notice }, policy, now);
    return change && { next: change.next, events: [noticeRecordedEvent(current, notice), ...change.events] };
  });
  if (stored.outcome === 'applied') deps.onEvents();
  const after = stored.case ?? c;
  const { sealedText: _t, ...recorded } = after.inputs.notices?.find((n) => n.noticeId === noticeId) ?? notice;
  return { candidateId, status: after.status, inputsVersion: after.inputsVersion, notice: { ...recorded, text: input.text } };
}

export interface CandidateResponseInput {
  summary?: string;
  declined?: boolean;
  receivedAt?: string;
  noticeId?: string;
  attachmentIds?: string[];
}

/**
 * POST /cases/{id}/candidate-response: records the candidate's response (text and attachments,
 * sealed) to a notice, the newest one unless another is named. It is an input of the decision: a
 * proposal made before it must be made again (its countersignature would be refused).
 */
export async function recordCandidateResponse(
  actor: Actor,
  candidateId: string,
  input: CandidateResponseInput,
  deps: NoticeDeps,
  key: string = randomUUID(),
) {
  const c = await openCase(deps, candidateId);
  const policy = await deps.policies.active();
  const now = deps.now();
  const declined = input.declined ?? false;
  const problems = [];
  if (!declined && !input.summary?.trim())
    problems.push({ field: 'body/summary', reason: 'is required unless the candidate declined to respond' });
  if (inFuture(input.receivedAt, now)) problems.push({ field: 'body/receivedAt', reason: 'is in the future' });
  const notices = c.inputs.notices ?? [];
  const noticeId = input.noticeId ?? notices.at(-1)?.noticeId;
  if (input.noticeId && !notices.some((n) => n.noticeId === input.noticeId))
    problems.push({ field: 'body/noticeId', reason: 'is not a notice of this case' });
  const ids = [...new Set(input.attachmentIds ?? [])];
  const refs = await deps.attachments.refs(candidateId, ids);
  for (const id of ids)
    if (!refs.some((r) => r.attachmentId === id))
      problems.push({ field: 'body/attachmentIds', reason: `${id} is not an attachment uploaded for this candidate` });
  const used = new Set(c.inputs.candidateResponses.flatMap((r) => (r.attachments ?? []).map((a) => a.attachmentId)));
  for (const id of ids)
    if (used.has(id)) problems.push({ field: 'body/attachmentIds', reason: `${id} already belongs to another response` });
  if (problems.length) throw badRequest('CLEARANCE.INVALID_RESPONSE', 'The response is not valid', problems);
  const responseId = key;
  const response: CandidateResponse = {
    responseId,
    ...(noticeId ? { noticeId } : {}),
    ...(input.summary?.trim()
      ? { sealedSummary: await deps.cipher.sealText(candidateId, `response:${responseId}`, input.summary.trim()) }
      : {}),
    declined,
    receivedAt: input.receivedAt ? new Date(input.receivedAt).toISOString() : now.toISOString(),
    recordedBy: actor.id,
    attachments: ids.map((id) => refs.find((r) => r.attachmentId === id)!),
  };
  const stored = await deps.repository.apply(c.candidateId, c.country, `response:${actor.id}:${key}`, (current) => {
    const change = changeWithInput(current, { kind: 'candidate-response', value: response }, policy, now);
    return change && { next: change.next, events: [responseRecordedEvent(current, response), ...change.events] };
  });
  if (stored.outcome === 'applied') deps.onEvents();
  const after = stored.case ?? c;
  const { sealedSummary: _s, ...recorded } = after.inputs.candidateResponses.find((r) => r.responseId === responseId) ?? response;
  return {
    candidateId,
    status: after.status,
    inputsVersion: after.inputsVersion,
    response: { ...recorded, ...(input.summary?.trim() ? { summary: input.summary.trim() } : {}) },
  };
}
