import { hashToken, newRefereeToken } from '../domain/referee-token';
import type { Check, OpenedCheck } from '../domain/check';
import type { RefereeLink } from '../data/referee-token.repository';
import { PermanentCheckError } from './adapters/check-adapter';
import type { ReferencesContext } from '../references-context';
import { refereeMail } from '../mail/referee-mail';

type Ctx = Pick<ReferencesContext, 'config' | 'links' | 'mailer' | 'publicUrl' | 'now' | 'answers'>;

/**
 * The round's link: the one already issued (a rerun, a reminder), or a new random token whose hash
 * and sealed copy are stored, insert-once per check and round, before any mail can carry it. Two
 * runs racing each other both end up with the token that was stored first.
 */
export async function roundLink(
  ctx: Ctx,
  check: Pick<Check, 'checkId' | 'setId' | 'round'>,
  create = true,
): Promise<{ link: RefereeLink; token: string } | undefined> {
  const existing = await ctx.links.ofRound(check.checkId, check.round);
  if (!existing && !create) return undefined;
  let link = existing;
  if (!link) {
    const token = newRefereeToken();
    const proposed = new Date(ctx.now().getTime() + ctx.config.REFEREE_DEADLINE_MS);
    const sealedToken = await ctx.answers.sealToken(check.setId, check.checkId, check.round, token);
    link = await ctx.links.issue({
      tokenHash: hashToken(token),
      sealedToken,
      checkId: check.checkId,
      round: check.round,
      expiresAt: proposed.toISOString(),
    });
    if (link.tokenHash === hashToken(token)) return { link, token };
  }
  return { link, token: await ctx.answers.openToken(check.checkId, check.round, link.sealedToken) };
}

export const refereeUrl = (ctx: Pick<Ctx, 'publicUrl'>, token: string) => `${ctx.publicUrl()}/referee/${token}`;

/**
 * Issues the round's referee link and mails it to the employer's contact. Both are insert-once, so
 * a rerun after a stall repeats nothing. Returns the link and its deadline.
 */
export async function issueRefereeLink(ctx: Ctx, check: OpenedCheck): Promise<{ url: string; expiresAt: Date }> {
  if (!check.subject.employer?.requestTo)
    throw new PermanentCheckError('the employer has no verified contact: a screening officer must confirm one');
  const { link, token } = (await roundLink(ctx, check))!;
  const url = refereeUrl(ctx, token);
  const expiresAt = new Date(link.expiresAt);
  await ctx.mailer.send({
    id: `${check.checkId}.${check.round}.request`,
    to: check.subject.employer.requestTo,
    ...refereeMail(check, url, expiresAt, false),
  });
  return { url, expiresAt };
}
