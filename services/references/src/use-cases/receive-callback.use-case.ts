import { AppError, conflict, secretFor, verifySignedRequest } from '@vetting/platform';
import type { Check } from '../domain/check';
import type { ReferencesContext } from '../references-context';
import { completeSetIfDone, recordResult } from './record-result.use-case';

export interface CallbackInput {
  externalRef: string;
  result: 'no-adverse' | 'adverse';
  reference?: string;
}

/** Where an authority posts its late answer for a check: the URL it is given is the one it signs. */
export const callbackUrl = (ctx: Pick<ReferencesContext, 'publicUrl'>, checkId: string) => `${ctx.publicUrl()}/callbacks/${checkId}`;

export interface SignedCallback {
  method: string;
  raw: Buffer | undefined;
  signature: string | undefined;
  input: CallbackInput;
}

const badSignature = (reason: string) =>
  new AppError('CALLBACK.BAD_SIGNATURE', 'The X-Signature header does not sign this request', {
    status: 401,
    errors: [{ field: 'header/x-signature', reason }],
  });

/**
 * An authority's late answer, signed by that authority alone (its own secret, `CALLBACK_SECRETS`),
 * over method, path, time and body: a signature made for one check, or captured and sent again,
 * opens nothing. An unknown check is answered like a bad signature (nothing to learn without one).
 * Then: closed by another result → 409; the same answer again → 200 `duplicate`.
 */
export async function receiveCallback(ctx: ReferencesContext, checkId: string, callback: SignedCallback) {
  const { raw, signature, input } = callback;
  // The exact state answers the caller (one read, remembered: `recordResult` applies on it without another).
  const check = await ctx.checks.load(checkId);
  const secret =
    check && check.checkType !== 'misconduct-disclosure' ? secretFor(ctx.config.CALLBACK_SECRETS, check.organisation) : undefined;
  if (!check || !secret || !raw) throw badSignature('does not match the request');
  const verified = verifySignedRequest(
    secret,
    { method: callback.method, path: new URL(callbackUrl(ctx, checkId)).pathname, body: raw },
    signature,
    { nowMs: ctx.now().getTime(), toleranceSeconds: ctx.config.CALLBACK_WINDOW_SECONDS },
  );
  if (!verified.ok) throw badSignature(verified.reason);
  // Each signature once: a replay inside the window is refused (outside it, the timestamp already is).
  const claim = `callback:${verified.signature}`;
  if (!(await ctx.producer.claimOnce(claim, 2 * ctx.config.CALLBACK_WINDOW_SECONDS * 1000))) throw badSignature('was already used');
  try {
    return await applyCallback(ctx, checkId, check, input);
  } catch (error) {
    // Nothing was accepted: the authority may send the same answer again.
    await ctx.producer.release(claim).catch(() => undefined);
    throw error;
  }
}

async function applyCallback(ctx: ReferencesContext, checkId: string, check: Check, input: CallbackInput) {
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
  if (check.state === 'failed')
    throw conflict('CALLBACK.CHECK_CLOSED', 'The check failed and awaits an operator; it is not open for answers');
  const outcome = await recordResult(ctx, checkId, check.round, input.result, 'callback');
  return { checkId, result: input.result, duplicate: outcome.outcome !== 'applied' };
}
