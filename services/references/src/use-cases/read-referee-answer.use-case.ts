import { AppError, notFound, type AccessRecorder, type Actor } from '@vetting/platform';
import type { ReferencesContext } from '../references-context';

/**
 * A referee's answer for a UN officer (the route admits only the UN roles allowed). Decrypted here,
 * and returned only after the read is recorded (`access.recorded`, audited). An erased answer (its
 * set's key destroyed) is a 410 CRYPTO.ERASED from the cipher, and nothing was read.
 */
export async function readRefereeAnswer(
  ctx: Pick<ReferencesContext, 'checks' | 'answers' | 'sets'>,
  access: AccessRecorder,
  actor: Actor,
  checkId: string,
) {
  const check = await ctx.checks.load(checkId);
  if (!check?.sealedAnswer) throw notFound('CHECK.NO_ANSWER', `No referee answer is stored for check ${checkId}`);
  // The erasure record, not only the missing key: a process may still hold the destroyed data key in
  // the cipher's cache (another process, or a read racing the shred re-caching it).
  if (await ctx.sets.isErased(check.setId)) throw new AppError('CRYPTO.ERASED', 'This answer has been erased', { status: 410 });
  const answer = await ctx.answers.open(check.checkId, check.sealedAnswer);
  await access.record({
    actor,
    subjectId: check.candidateId,
    resource: `references/checks/${check.checkId}/answer`,
    purpose: 'assess a misconduct disclosure',
    fields: ['refereeAnswer'],
  });
  return {
    checkId: check.checkId,
    candidateId: check.candidateId,
    result: check.result!,
    ...answer,
    ...(check.findings?.length ? { findings: check.findings } : {}),
  };
}
