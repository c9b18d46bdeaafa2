import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet } from 'jose';
import type { Role } from '../http/auth';

export interface TestTokenClaims {
  sub?: string;
  roles: Role[];
  country?: string;
  /** UN roles only: the missions the account is limited to. */
  missions?: string[];
  /** Lifetime (jose syntax, default `10m`); `false` signs a token without `exp` (an attack test). */
  expiresIn?: string | false;
  /** Signature algorithm: `EdDSA` (default) or, with `rsaKey`, an RSA one (`RS256`, `RS512`, `PS384`…). */
  alg?: string;
}

export interface TestIssuer {
  issuer: string;
  audience: string;
  jwks: JSONWebKeySet;
  token(claims: TestTokenClaims): Promise<string>;
}

/**
 * An in-process token issuer with a fresh key pair, for tests of services that verify JWTs. With
 * `rsaKey`, its key set also holds an RSA key that names no `alg`, as many OIDC providers publish
 * theirs: the key type alone then allows every RSA algorithm.
 */
export async function createTestIssuer(
  issuer = 'https://test.vetting.local',
  audience = 'vetting',
  options: { rsaKey?: boolean } = {},
): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test', alg: 'EdDSA', use: 'sig' };
  let rsa: KeyObject | undefined;
  const keys = [jwk];
  if (options.rsaKey) {
    // A KeyObject, not a WebCrypto key: it is not bound to one hash, so any RSA algorithm can sign.
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    rsa = pair.privateKey;
    keys.push({ ...(await exportJWK(pair.publicKey)), kid: 'test-rsa', use: 'sig' } as typeof jwk);
  }
  return {
    issuer,
    audience,
    jwks: { keys },
    token: ({ sub = 'test-user', roles, country, missions, expiresIn = '10m', alg = 'EdDSA' }) => {
      const jwt = new SignJWT({ roles, ...(country ? { country } : {}), ...(missions ? { missions } : {}) })
        .setProtectedHeader({ alg, kid: alg === 'EdDSA' ? 'test' : 'test-rsa' })
        .setSubject(sub)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt();
      if (expiresIn !== false) jwt.setExpirationTime(expiresIn);
      if (alg !== 'EdDSA' && !rsa) throw new Error('createTestIssuer: an RSA algorithm needs { rsaKey: true }');
      return jwt.sign(alg === 'EdDSA' ? privateKey : rsa!);
    },
  };
}
