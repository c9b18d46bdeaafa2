import { generate, generateSecret, generateURI, verify } from 'otplib';
import { renderSVG } from 'uqr';

/** The roles whose accounts need a second factor by default: they can clear, refuse or administer. */
export const DEFAULT_SECOND_FACTOR_ROLES = ['admin', 'un-screener', 'un-adjudicator'] as const;

export const needsSecondFactor = (roles: readonly string[], required: readonly string[]) => roles.some((r) => required.includes(r));

/** What a person needs to add the account to an authenticator app: the key, its URI and the URI as a QR code (SVG). */
export function enrolmentOffer(username: string, issuer: string) {
  const secret = generateSecret({ length: 20 });
  const otpauthUri = generateURI({ issuer, label: username, secret });
  return { secret, otpauthUri, qrSvg: renderSVG(otpauthUri) };
}

/**
 * Checks a 6-digit TOTP code (RFC 6238: SHA-1, 30 s) allowing one step of clock drift either way.
 * Returns the time step it matched (the caller accepts each step once) or undefined.
 */
export async function matchingStep(secret: string, code: string, nowMs = Date.now()): Promise<number | undefined> {
  if (!/^\d{6}$/.test(code)) return undefined;
  const result = await verify({ secret, token: code, epoch: Math.floor(nowMs / 1000), epochTolerance: 30 });
  return result.valid && 'timeStep' in result ? result.timeStep : undefined;
}

/** The current code (development helpers and tests). */
export const currentCode = (secret: string, nowMs = Date.now()) => generate({ secret, epoch: Math.floor(nowMs / 1000) });
