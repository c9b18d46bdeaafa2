/** Disclosure requests as the accountability service returns them (contracts/openapi/accountability.yaml). */
export const ANSWERS = ['finding', 'left-under-investigation', 'none'] as const;
export type AnswerKind = (typeof ANSWERS)[number];
export const DISCLOSURE_STATUSES = ['unverified', 'awaiting-consent', 'open', 'overdue', 'awaiting-countersignature', 'answered'] as const;
export type DisclosureStatus = (typeof DISCLOSURE_STATUSES)[number];

export interface DisclosureSummary {
  id: string;
  reference: string;
  addressedTo: string;
  candidateId: string;
  country: string;
  requester: { organisationId: string; organisationName?: string; contactDomain: string; theirReference?: string };
  verified?: { at: string; by: string; organisationName: string };
  consent?: { filename: string; signedOn: string; attachedBy: string; attachedAt: string; sha256: string };
  receivedAt: string;
  receivedBy: string;
  dueBy: string;
  status: DisclosureStatus;
  answer?: { kind: AnswerKind; answeredBy: string; answeredAt: string; countersignedBy?: string };
}

export interface DisclosureDetail extends DisclosureSummary {
  /** Absent once the person is erased (their key shredded). */
  person?: Record<string, string>;
  requesterContact?: { name: string; email: string };
  erased?: boolean;
  verificationProblem?: string;
  knownFindings: {
    source: string;
    reference: string;
    category: string;
    substantiatedOn: string;
    listEntry?: { listId: string; entryId: string };
    country: string;
  }[];
  answer?: DisclosureSummary['answer'] & { knownFindings: string[]; justification?: string; note?: string; countersignedAt?: string };
}

export interface DisclosureFigures {
  year: number;
  recruitments: number;
  requestsMade: number;
  responsesReceived: number;
  requestsReceived: number;
  responsesProvided: number;
  negativeAnswersProvided: number;
  rejectedOnNegativeOrAbsentInformation: number;
}

export const FIGURES: (keyof Omit<DisclosureFigures, 'year'>)[] = [
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
