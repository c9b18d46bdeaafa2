import { decodeJwt, SignJWT } from 'jose';
import type { Session } from '../data/auth-state.redis';
import type { DemoUser, loadSigningKey } from '../data/dev-keys';

export interface AccessTokenSettings {
  signingKey: Awaited<ReturnType<typeof loadSigningKey>>;
  issuer: string;
  audience: string;
  /** jose time span, e.g. `15m`. */
  ttl: string;
}

/** Issues the access token of a signed-in session: roles, country and missions as claims, EdDSA-signed. */
export function createAccessTokenIssuer({ signingKey, issuer, audience, ttl }: AccessTokenSettings) {
  return async (user: DemoUser, session: Session) => {
    const token = await new SignJWT({
      roles: user.roles,
      name: user.name,
      sid: session.sid,
      ...(user.country ? { country: user.country } : {}),
      ...(user.missions?.length ? { missions: user.missions } : {}),
    })
      .setProtectedHeader({ alg: 'EdDSA', kid: signingKey.kid })
      .setSubject(user.username)
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(ttl)
      .sign(signingKey.key);
    return { token, expiresAt: new Date((decodeJwt(token).exp ?? 0) * 1000).toISOString() };
  };
}
