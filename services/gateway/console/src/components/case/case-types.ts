/** The clearance case as the adjudication screen reads it (contracts/openapi/clearance.yaml ClearanceCase). */
export interface Decision {
  decisionId: string;
  outcome: string;
  kind: string;
  route?: string;
  decidedBy: string;
  countersignedBy?: string;
  reasons: string[];
  findings?: string[];
  recommendation?: string;
  decidedAt: string;
  policyVersion: number;
  overrideReason?: string;
}
export interface Proposal {
  proposalId: string;
  outcome: string;
  reasons: string[];
  overrideReason?: string;
  proposedBy: string;
  recommendation?: string;
  findings?: string[];
}
export interface Attachment {
  attachmentId: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}
export interface CandidateResponse {
  responseId: string;
  noticeId?: string;
  summary?: string | null;
  declined: boolean;
  receivedAt: string;
  recordedBy: string;
  attachments?: Attachment[];
}
export interface Notice {
  noticeId: string;
  sentAt: string;
  respondBy: string;
  channel: string;
  findings: string[];
  text?: string | null;
  recordedBy: string;
  recordedAt: string;
}
export interface Finding {
  key: string;
  action: string;
  reason: string;
  adverse: boolean;
}
export interface Evaluation {
  policyVersion: number;
  route: string;
  recommendation: string | null;
  findings: Finding[];
}
export interface ClearanceCase {
  candidateId: string;
  country: string;
  status: string;
  inputsVersion: number;
  inputs: { candidateResponses?: CandidateResponse[]; [input: string]: unknown };
  decisions: Decision[];
  current: Decision | null;
  proposal: Proposal | null;
  /** The active policy applied to the case now (null until every input is there). */
  evaluation?: Evaluation | null;
  notices?: Notice[];
  candidateResponses?: CandidateResponse[];
}
