import { exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet } from 'jose';
import type { Role } from '../http/auth';

export interface TestIssuer {
  issuer: string;
  audience: string;
  jwks: JSONWebKeySet;
  token(claims: { sub?: string; roles: Role[]; country?: string; missions?: string[]; expiresIn?: string }): Promise<string>;
}

/** An in-process token issuer with a fresh key pair, for tests of services that verify JWTs. */
export async function createTestIssuer(issuer = 'https://test.vetting.local', audience = 'vetting'): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test', alg: 'EdDSA', use: 'sig' };
  return {
    issuer,
    audience,
    jwks: { keys: [jwk] },
    token: ({ sub = 'test-user', roles, country, missions, expiresIn = '10m' }) =>
      new SignJWT({ roles, ...(country ? { country } : {}), ...(missions ? { missions } : {}) })
        .setProtectedHeader({ alg: 'EdDSA', kid: 'test' })
        .setSubject(sub)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(expiresIn)
        .sign(privateKey),
  };
}
