import type { AccountabilityHttp } from '@vetting/contracts/http';

/** Requests for action as the accountability service returns them (contracts/openapi/accountability.yaml). */
export type ActionKind = AccountabilityHttp['ActionKind'];
export const ACTION_KINDS = [
  'investigation',
  'accountability-measures',
  'outcome-report',
  'victim-support',
  'paternity-and-child-support',
] as const satisfies readonly ActionKind[];
export type Outcome = AccountabilityHttp['ActionOutcome'];
export const OUTCOMES = [
  'investigation-opened',
  'sanctioned',
  'dismissed-from-service',
  'prosecuted',
  'allegation-not-substantiated-nationally',
  'no-action-taken',
] as const satisfies readonly Outcome[];
export type Category = AccountabilityHttp['MisconductCategory'];
export const CATEGORIES = ['sea', 'sexual-harassment', 'other-misconduct'] as const satisfies readonly Category[];
export type RequestStatus = AccountabilityHttp['ActionRequestStatus'];
export const STATUSES = ['sent', 'acknowledged', 'answered', 'overdue', 'closed'] as const satisfies readonly RequestStatus[];

export type RequestSummary = AccountabilityHttp['ActionRequestSummary'];
export type RequestDetail = AccountabilityHttp['ActionRequest'];
export type Figures = AccountabilityHttp['ActionFigures'];

/** A status's badge tone: answered and closed are done, overdue is a problem, the rest wait. */
export const toneOf = (s: RequestStatus) => (s === 'answered' || s === 'closed' ? 'completed' : s === 'overdue' ? 'expired' : 'pending');
