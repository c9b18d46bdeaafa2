/** A candidate's statuses as intake names them (contracts/openapi/intake.yaml CandidateStatus), in the order a case moves. */
export const CANDIDATE_STATUSES = [
  'nominated',
  'screening',
  'references',
  'decision-pending',
  'cleared',
  'not-cleared',
  'withdrawn',
  'expired',
] as const;
