import { currentCode } from '../../services/gateway/src/domain/second-factor';

const STEP_MS = 30_000;
const lastStep = new Map<string, number>();

/**
 * A TOTP code for an account that this process has not used yet: a code is accepted once, so a
 * second sign-in of the same account within one 30-second step waits for the next step.
 */
export async function freshCode(username: string, secret: string): Promise<string> {
  let step = Math.floor(Date.now() / STEP_MS);
  if ((lastStep.get(username) ?? -1) >= step) {
    await new Promise((r) => setTimeout(r, (step + 1) * STEP_MS - Date.now() + 50));
    step = Math.floor(Date.now() / STEP_MS);
  }
  lastStep.set(username, step);
  return currentCode(secret, step * STEP_MS + 1000);
}
