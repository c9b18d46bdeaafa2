/** The clearance case as the adjudication screen reads it: contracts/openapi/clearance.yaml, generated. */
import type { ClearanceHttp } from '@vetting/contracts/http';

export type Decision = ClearanceHttp['Decision'];
export type Proposal = ClearanceHttp['Proposal'];
export type Attachment = ClearanceHttp['AttachmentRef'];
export type CandidateResponse = ClearanceHttp['CandidateResponse'];
export type Notice = ClearanceHttp['Notice'];
export type Finding = ClearanceHttp['Finding'];
export type ClearanceCase = ClearanceHttp['ClearanceCase'];
export type Evaluation = NonNullable<ClearanceCase['evaluation']>;
