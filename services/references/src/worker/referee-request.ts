import { hashToken, refereeToken } from '../domain/referee-token';
import type { OpenedCheck } from '../domain/check';
import { PermanentCheckError } from './adapters/check-adapter';
import type { ReferencesContext } from '../references-context';
import { refereeMail } from '../mail/referee-mail';

type Ctx = Pick<ReferencesContext, 'config' | 'links' | 'mailer' | 'publicUrl' | 'now'>;

/**
 * Issues the round's referee link (same token on every run: derived from the check id and round)
 * and mails it to the employer's contact. Both are insert-once, so a rerun after a stall repeats
 * nothing. Returns the link and its deadline.
 */
export async function issueRefereeLink(ctx: Ctx, check: OpenedCheck): Promise<{ url: string; expiresAt: Date }> {
  if (!check.subject.employer?.requestTo) throw new PermanentCheckError('the employer has no verified contact: a screening officer must confirm one');
  const token = refereeToken(ctx.config.REFEREE_TOKEN_SECRET, check.checkId, check.round);
  const proposed = new Date(ctx.now().getTime() + ctx.config.REFEREE_DEADLINE_MS);
  const link = await ctx.links.issue({ tokenHash: hashToken(token), checkId: check.checkId, round: check.round, expiresAt: proposed.toISOString() });
  const url = `${ctx.publicUrl()}/referee/${token}`;
  const expiresAt = new Date(link.expiresAt);
  await ctx.mailer.send({ id: `${check.checkId}.${check.round}.request`, to: check.subject.employer.requestTo, ...refereeMail(check, url, expiresAt, false) });
  return { url, expiresAt };
}
