import type { AccountabilityHttp } from '@vetting/contracts/http';

export { ACTION_KINDS, ACTION_OUTCOMES as OUTCOMES, MISCONDUCT_CATEGORIES as CATEGORIES } from '@vetting/contracts/values';

/** Requests for action as the accountability service returns them (contracts/openapi/accountability.yaml). */
export type ActionKind = AccountabilityHttp['ActionKind'];
export type Outcome = AccountabilityHttp['ActionOutcome'];
export type Category = AccountabilityHttp['MisconductCategory'];
export type RequestStatus = AccountabilityHttp['ActionRequestStatus'];
export const STATUSES = ['sent', 'acknowledged', 'answered', 'overdue', 'closed'] as const satisfies readonly RequestStatus[];

export type RequestSummary = AccountabilityHttp['ActionRequestSummary'];
export type RequestDetail = AccountabilityHttp['ActionRequest'];
export type Figures = AccountabilityHttp['ActionFigures'];

/** A status's badge tone: answered and closed are done, overdue is a problem, the rest wait. */
export const toneOf = (s: RequestStatus) => (s === 'answered' || s === 'closed' ? 'completed' : s === 'overdue' ? 'expired' : 'pending');
