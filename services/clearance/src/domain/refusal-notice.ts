import { conflict, type AppError } from '@vetting/platform';
import type { CaseInputs, Notice } from './case-inputs';

/**
 * Whether a refusal may be decided now: the candidate was given a dated notice of every finding the
 * refusal rests on, and either their response to it is on file or its deadline has passed. A notice
 * that predates a finding does not cover it: new information needs a new notice. Returns the reason
 * a refusal must wait, or undefined.
 */
export function refusalBlocked(inputs: CaseInputs, findings: string[], now: Date): AppError | undefined {
  const notices = inputs.notices ?? [];
  const covering = notices.filter((n) => findings.every((k) => n.findings.includes(k)));
  if (!covering.length) {
    const latest = notices.at(-1);
    const uncovered = latest ? findings.filter((k) => !latest.findings.includes(k)) : findings;
    return conflict(
      'CLEARANCE.NOTICE_REQUIRED',
      'A refusal needs a recorded notice to the candidate of every finding it rests on, and their response or the notice’s deadline passed',
      {
        uncoveredFindings: uncovered,
      },
    );
  }
  const answered = (n: Notice) => inputs.candidateResponses.some((r) => r.noticeId === n.noticeId);
  if (covering.some((n) => answered(n) || new Date(n.respondBy) <= now)) return undefined;
  const respondBy = covering.map((n) => n.respondBy).sort()[0]!;
  return conflict(
    'CLEARANCE.RESPONSE_PENDING',
    `The candidate may respond to the notice until ${respondBy}: record their response, or refuse after that date`,
    { respondBy },
  );
}

/** The earliest date a notice sent at `sentAt` may set for a response under the policy. */
export function earliestRespondBy(sentAt: Date, noticeResponseDays: number): Date {
  return new Date(sentAt.getTime() + noticeResponseDays * 86_400_000);
}
