/** Requests for action as the accountability service returns them (contracts/openapi/accountability.yaml). */
export const ACTION_KINDS = [
  'investigation',
  'accountability-measures',
  'outcome-report',
  'victim-support',
  'paternity-and-child-support',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];
export const OUTCOMES = [
  'investigation-opened',
  'sanctioned',
  'dismissed-from-service',
  'prosecuted',
  'allegation-not-substantiated-nationally',
  'no-action-taken',
] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const CATEGORIES = ['sea', 'sexual-harassment', 'other-misconduct'] as const;
export type Category = (typeof CATEGORIES)[number];
export const STATUSES = ['sent', 'acknowledged', 'answered', 'overdue', 'closed'] as const;
export type RequestStatus = (typeof STATUSES)[number];

interface Common {
  id: string;
  reference: string;
  country: string;
  mission: string;
  category: Category;
  substantiatedOn: string;
  candidateId: string;
  listEntry: { listId: string; entryId: string };
  actions: { kind: ActionKind; dueBy: string }[];
  dueBy: string;
  status: RequestStatus;
  sentAt: string;
  sentBy: string;
  acknowledgedAt?: string;
  acknowledgedBy?: string;
  overdueSince?: string;
  closed?: { at: string; by: string; reason: string };
}

export interface RequestSummary extends Common {
  responses: number;
  reminders: number;
}

export interface RequestDetail extends Common {
  summary: string;
  responses: {
    responseId: string;
    kind: 'interim' | 'final';
    covers: ActionKind[];
    outcome?: Outcome;
    text: string;
    respondedAt: string;
    respondedBy: string;
  }[];
  reminders: { at: string; by: string; automatic: boolean }[];
}

export interface Figures {
  byCountry: Record<
    string,
    {
      sent: number;
      responded: number;
      acknowledged: number;
      answered: number;
      overdue: number;
      closed: number;
      medianDaysToAnswer: number | null;
    }
  >;
  totals: { sent: number; responded: number; overdue: number };
}

/** A status's badge tone: answered and closed are done, overdue is a problem, the rest wait. */
export const toneOf = (s: RequestStatus) => (s === 'answered' || s === 'closed' ? 'completed' : s === 'overdue' ? 'expired' : 'pending');
