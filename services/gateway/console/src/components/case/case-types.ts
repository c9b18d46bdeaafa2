/** The clearance case as the adjudication screen reads it (contracts/openapi/clearance.yaml ClearanceCase). */
export interface Decision { decisionId: string; outcome: string; kind: string; route?: string; decidedBy: string; countersignedBy?: string; reasons: string[]; findings?: string[]; recommendation?: string; decidedAt: string; policyVersion: number; overrideReason?: string }
export interface Proposal { proposalId: string; outcome: string; reasons: string[]; overrideReason?: string; proposedBy: string; recommendation?: string; findings?: string[] }
export interface CandidateResponse { responseId: string; summary: string; declined: boolean; receivedAt: string; recordedBy: string }
export interface ClearanceCase {
  candidateId: string;
  country: string;
  status: string;
  inputsVersion: number;
  inputs: { candidateResponses?: CandidateResponse[]; [input: string]: unknown };
  decisions: Decision[];
  current: Decision | null;
  proposal: Proposal | null;
}
