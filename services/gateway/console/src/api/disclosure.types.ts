import type { AccountabilityHttp } from '@vetting/contracts/http';

/** Disclosure requests as the accountability service returns them (contracts/openapi/accountability.yaml). */
export type AnswerKind = AccountabilityHttp['DisclosureAnswerKind'];
export const ANSWERS = ['finding', 'left-under-investigation', 'none'] as const satisfies readonly AnswerKind[];
export type DisclosureStatus = AccountabilityHttp['DisclosureStatus'];
export const DISCLOSURE_STATUSES = [
  'unverified',
  'awaiting-consent',
  'open',
  'overdue',
  'awaiting-countersignature',
  'answered',
] as const satisfies readonly DisclosureStatus[];

export type DisclosureSummary = AccountabilityHttp['DisclosureRequestSummary'];
export type DisclosureDetail = AccountabilityHttp['DisclosureRequest'];
export type DisclosureFigures = AccountabilityHttp['DisclosureFigures'];

export const FIGURES: (keyof Omit<DisclosureFigures, 'year' | 'country'>)[] = [
  'recruitments',
  'requestsMade',
  'responsesReceived',
  'requestsReceived',
  'responsesProvided',
  'negativeAnswersProvided',
  'rejectedOnNegativeOrAbsentInformation',
];

export const toneOf = (s: DisclosureStatus) =>
  s === 'answered' ? 'completed' : s === 'overdue' || s === 'unverified' ? 'expired' : 'pending';
