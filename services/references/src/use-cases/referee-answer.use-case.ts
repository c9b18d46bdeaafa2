import { AppError, notFound } from '@vetting/platform';
import { refereeFindings, refereeResult, type Check, type RefereeAnswerRecord } from '../domain/check';
import { isVerifiedAddress } from '../domain/employer-directory';
import { hashToken } from '../domain/referee-token';
import type { RefereeLink } from '../data/referee-token.repository';
import type { ReferencesContext } from '../references-context';
import { recordResult } from './record-result.use-case';

const gone = (code: string, message: string) => new AppError(code, message, { status: 410 });

/**
 * Resolves a referee link to its open check. Unknown → 404; spent, replaced by an operator's retry,
 * closed at the deadline or expired → 410, each with its own code, and nothing changes.
 */
export async function openRefereeLink(
  ctx: Pick<ReferencesContext, 'links' | 'checks' | 'now'>,
  token: string,
): Promise<{ link: RefereeLink; check: Check }> {
  const link = await ctx.links.find(hashToken(token));
  const check = link && (await ctx.checks.load(link.checkId));
  if (!link || !check) throw notFound('REFEREE.UNKNOWN_LINK', 'This link is not valid. Please use the link from the most recent e-mail.');
  if (check.round !== link.round) throw gone('REFEREE.LINK_REPLACED', 'This link has been replaced by a newer one.');
  if (check.state === 'completed' && check.resultSource === 'referee')
    throw gone('REFEREE.LINK_USED', 'This form has already been answered. Thank you.');
  if (ctx.now() > new Date(link.expiresAt) || check.resultSource === 'deadline')
    throw gone('REFEREE.LINK_EXPIRED', `This link expired on ${new Date(link.expiresAt).toUTCString()}.`);
  if (check.state !== 'requested' && check.state !== 'awaiting-answer') throw gone('REFEREE.REQUEST_CLOSED', 'This request is closed.');
  return { link, check };
}

/** What the referee submits: the record without the time it was answered. */
export type RefereeAnswerInput = Omit<RefereeAnswerRecord, 'answeredAt'>;

/**
 * Records the referee's answer once; the link is spent (a second answer, even a concurrent one, is
 * 410). Each "yes" is a named finding, and so is an answer given as an address outside the
 * employer's verified contacts and domains (a forwarded link, a personal address).
 */
export async function answerReferee(ctx: ReferencesContext, token: string, input: RefereeAnswerInput) {
  const { link, check } = await openRefereeLink(ctx, token);
  const verified = (await ctx.answers.openSubject(check)).employer?.verified;
  const answer: RefereeAnswerRecord = {
    employed: input.employed,
    sexualMisconductFinding: input.sexualMisconductFinding,
    leftDuringInvestigation: input.leftDuringInvestigation,
    ...(input.details?.trim() ? { details: input.details.trim() } : {}),
    responderName: input.responderName.trim(),
    responderRole: input.responderRole.trim(),
    ...(input.responderEmail ? { responderEmail: input.responderEmail.trim().toLowerCase() } : {}),
    answeredAt: ctx.now().toISOString(),
  };
  const fromEmployer = Boolean(answer.responderEmail && verified && isVerifiedAddress(answer.responderEmail, verified));
  // Sealed before it is stored: the referee's words never reach the database in clear.
  const sealed = await ctx.answers.seal(check.setId, check.checkId, answer);
  const outcome = await recordResult(
    ctx,
    check.checkId,
    link.round,
    refereeResult(answer),
    'referee',
    sealed,
    refereeFindings(answer, fromEmployer),
  );
  if (outcome.outcome !== 'applied') throw gone('REFEREE.LINK_USED', 'This form has already been answered. Thank you.');
  return { checkId: check.checkId };
}
