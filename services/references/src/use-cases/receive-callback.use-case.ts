import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError, conflict, notFound } from '@vetting/platform';
import type { ReferencesContext } from '../references-context';
import { completeSetIfDone, recordResult } from './record-result.use-case';

export interface CallbackInput {
  externalRef: string;
  result: 'no-adverse' | 'adverse';
  reference?: string;
}

/** Constant-time check of `sha256=<hex HMAC-SHA256(raw body)>`. */
export function validSignature(secret: string, raw: Buffer, header: string | undefined): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const given = Buffer.from(header.slice(7), 'hex');
  const expected = createHmac('sha256', secret).update(raw).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * An authority's late answer. Signature first (an unsigned caller learns nothing), then the check:
 * unknown → 404, closed by another result → 409; the same answer again → 200 `duplicate`.
 */
export async function receiveCallback(ctx: ReferencesContext, checkId: string, raw: Buffer | undefined, signature: string | undefined, input: CallbackInput) {
  if (!raw || !validSignature(ctx.config.CALLBACK_SECRET, raw, signature))
    throw new AppError('CALLBACK.BAD_SIGNATURE', 'The X-Signature header does not match the body', { status: 401, errors: [{ field: 'header/x-signature', reason: 'does not match the body' }] });
  // The exact state answers the caller (one read, remembered: `recordResult` applies on it without another).
  const check = await ctx.checks.load(checkId);
  if (!check || check.checkType === 'misconduct-disclosure') throw notFound('CALLBACK.UNKNOWN_CHECK', `No record check ${checkId} awaits an answer`);
  if (check.externalRef && check.externalRef !== input.externalRef)
    throw conflict('CALLBACK.REFERENCE_MISMATCH', 'externalRef does not match the request sent for this check');
  if (check.state === 'completed') {
    if (check.result === input.result && check.resultSource !== 'deadline') {
      // The same answer again: the first delivery may have stored it and died before completing the set.
      await ctx.checks.repairView(checkId);
      await completeSetIfDone(ctx, check.setId, check);
      return { checkId, result: input.result, duplicate: true };
    }
    throw conflict('CALLBACK.CHECK_CLOSED', `The check is already closed with result ${check.result}`);
  }
  if (check.state === 'failed') throw conflict('CALLBACK.CHECK_CLOSED', 'The check failed and awaits an operator; it is not open for answers');
  const outcome = await recordResult(ctx, checkId, check.round, input.result, 'callback');
  return { checkId, result: input.result, duplicate: outcome.outcome !== 'applied' };
}
