import { AppError, type RateLimiter } from '@vetting/platform';
import type { AuthState, Session } from '../data/auth-state.redis';
import type { DemoUser } from '../domain/user-account';
import type { UserStore } from '../data/user.store';
import { hashPassword, needsRehash, verifyPassword } from '../domain/password-hash';
import { enrolmentOffer, matchingStep, needsSecondFactor } from '../domain/second-factor';
import { newDeviceId, type TokenSigner } from '../domain/signed-tokens';

export interface SignInSettings {
  freeFailures: number;
  maxDelayMs: number;
  secondFactorRoles: readonly string[];
  secondFactorIssuer: string;
  sessionTtlMs: number;
}

export interface SignInDeps {
  /** The accounts that may sign in now (read at each sign-in: an admin may add or disable one). */
  users: () => DemoUser[];
  store: Pick<UserStore, 'upgradePassword' | 'setSecondFactor'>;
  state: AuthState;
  /** Attempts per client address, for clients without a known device. */
  byAddress: RateLimiter;
  tokens: TokenSigner;
  /** Signs the short-lived access token of a session. */
  accessToken: (user: DemoUser, session: Session) => Promise<{ token: string; expiresAt: string }>;
  settings: SignInSettings;
}

export interface SignedIn {
  token: string;
  expiresAt: string;
  refreshToken: string;
  /** Marks this device as one the account signed in from: its attempts are throttled apart from strangers'. */
  deviceToken: string;
  user: { username: string; name: string; roles: string[]; country?: string; missions?: string[] };
}

const DEVICE_TTL_MS = 90 * 24 * 3600 * 1000;
const ENROLMENT_TTL_MS = 10 * 60 * 1000;
const WINDOW_MS = 15 * 60 * 1000;

const invalid = () => new AppError('AUTH.INVALID_CREDENTIALS', 'The username or password is wrong', { status: 401 });
const tooMany = (waitMs: number) =>
  new AppError('AUTH.TOO_MANY_ATTEMPTS', 'Too many failed sign-ins; wait before trying again', {
    status: 429,
    extensions: { retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) },
  });

/** What the console shows of the signed-in account: never its password hash or TOTP key. */
const summaryOf = (user: DemoUser) => ({
  username: user.username,
  name: user.name,
  roles: user.roles,
  ...(user.country ? { country: user.country } : {}),
  ...(user.missions?.length ? { missions: user.missions } : {}),
});

async function openSession(deps: SignInDeps, user: DemoUser, deviceId: string): Promise<SignedIn> {
  const { session, refreshToken } = await deps.state.startSession(user.username, deps.settings.sessionTtlMs);
  return {
    ...(await deps.accessToken(user, session)),
    refreshToken,
    deviceToken: deps.tokens.sign('device', { u: user.username, d: deviceId }, DEVICE_TTL_MS),
    user: summaryOf(user),
  };
}

/**
 * Sign-in with a password and, for the roles that need it, a TOTP code. Throttling never locks an
 * account: failed attempts make the next ones wait (progressively, up to a maximum), and a device
 * the account signed in from before has its own allowance, so strangers guessing at `admin` slow
 * down only strangers. Clients without a known device also share a per-address allowance.
 */
export async function signIn(
  deps: SignInDeps,
  input: { username: string; password: string; code?: string; deviceToken?: string },
  address: string,
): Promise<SignedIn> {
  const username = input.username;
  const device = deps.tokens.verify<{ u: string; d: string }>('device', input.deviceToken);
  const knownDevice = device && device.u === username ? device.d : undefined;
  if (!knownDevice) {
    const perAddress = await deps.byAddress.take(address);
    if (!perAddress.allowed) throw tooMany(perAddress.retryAfterMs);
  }
  const delayKey = knownDevice ? `d:${knownDevice}` : `u:${username.toLowerCase()}`;
  const attempt = await deps.state.reserveAttempt(delayKey, deps.settings.freeFailures, deps.settings.maxDelayMs, WINDOW_MS);
  if (!attempt.allowed) throw tooMany(attempt.waitMs);

  const user = deps.users().find((u) => u.username === username);
  if (!(await verifyPassword(user, input.password)) || !user) throw invalid();
  if (needsRehash(user)) await deps.store.upgradePassword(user.username, await hashPassword(input.password));
  if (needsSecondFactor(user.roles, deps.settings.secondFactorRoles)) {
    if (!user.totpSecret) {
      // First sign-in of such an account: the owner adds it to an authenticator and confirms a code.
      await deps.state.clearAttempts(delayKey);
      const offer = enrolmentOffer(user.username, deps.settings.secondFactorIssuer);
      throw new AppError(
        'AUTH.SECOND_FACTOR_ENROLMENT_REQUIRED',
        'This account needs a second factor: add it to an authenticator app and enter a code',
        {
          status: 403,
          extensions: {
            enrolment: { ...offer, enrolmentToken: deps.tokens.sign('enrol', { u: user.username, s: offer.secret }, ENROLMENT_TTL_MS) },
          },
        },
      );
    }
    if (!input.code) throw new AppError('AUTH.SECOND_FACTOR_REQUIRED', 'Enter the code from your authenticator app', { status: 401 });
    await acceptCode(deps, user.username, user.totpSecret, input.code);
  }
  await deps.state.clearAttempts(delayKey);
  return openSession(deps, user, knownDevice ?? newDeviceId());
}

/** A code is good once: a matching step later than the last one the account used. */
async function acceptCode(deps: SignInDeps, username: string, secret: string, code: string): Promise<void> {
  const step = await matchingStep(secret, code);
  if (step === undefined || !(await deps.state.useTotpStep(username, step)))
    throw new AppError('AUTH.SECOND_FACTOR_INVALID', 'The code is wrong or was already used; enter the next one', { status: 401 });
}

/** Completes a first sign-in that needed enrolment: the code proves the authenticator holds the key. */
export async function enrolSecondFactor(
  deps: SignInDeps,
  input: { enrolmentToken: string; code: string; deviceToken?: string },
  address: string,
): Promise<SignedIn> {
  const offer = deps.tokens.verify<{ u: string; s: string }>('enrol', input.enrolmentToken);
  if (!offer) throw new AppError('AUTH.ENROLMENT_EXPIRED', 'The enrolment has expired; sign in again', { status: 401 });
  const attempt = await deps.state.reserveAttempt(
    `u:${offer.u.toLowerCase()}`,
    deps.settings.freeFailures,
    deps.settings.maxDelayMs,
    WINDOW_MS,
  );
  if (!attempt.allowed) throw tooMany(attempt.waitMs);
  const perAddress = await deps.byAddress.take(address);
  if (!perAddress.allowed) throw tooMany(perAddress.retryAfterMs);
  const user = deps.users().find((u) => u.username === offer.u);
  if (!user) throw invalid();
  if (user.totpSecret)
    throw new AppError('AUTH.ALREADY_ENROLLED', 'A second factor is already enrolled for this account; sign in with it', { status: 409 });
  await acceptCode(deps, user.username, offer.s, input.code);
  await deps.store.setSecondFactor(user.username, offer.s, user.username);
  await deps.state.clearAttempts(`u:${offer.u.toLowerCase()}`);
  return openSession(deps, { ...user, totpSecret: offer.s }, newDeviceId());
}

/**
 * A new access token for a live session, and the next refresh token (the one presented is spent;
 * presenting a spent one ends the session). A disabled or removed account's session ends here.
 */
export async function refreshSession(deps: SignInDeps, refreshToken: string): Promise<Omit<SignedIn, 'deviceToken'>> {
  const ended = () => new AppError('AUTH.SESSION_ENDED', 'The session has ended; sign in again', { status: 401 });
  const rotated = await deps.state.rotate(refreshToken);
  if (!rotated) throw ended();
  const user = deps.users().find((u) => u.username === rotated.session.username);
  if (!user || rotated.session.endsAt <= Date.now()) {
    await deps.state.endAll(rotated.session.username);
    throw ended();
  }
  return {
    ...(await deps.accessToken(user, rotated.session)),
    refreshToken: rotated.refreshToken,
    user: summaryOf(user),
  };
}
