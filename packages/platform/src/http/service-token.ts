import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  createLocalJWKSet,
  decodeJwt,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  SignJWT,
  type JWK,
  type JSONWebKeySet,
} from 'jose';
import { AppError } from '../errors/app-error';
import type { Actor } from './auth';

/**
 * Service-to-service tokens (client-credentials style, without a round trip to an issuer): each
 * service signs its own short-lived JWT with its own Ed25519 key, generated on first start into the
 * service keys directory (`<name>.private.jwk.json`, mode 0600, never committed; its public half
 * `<name>.public.jwk.json` beside it). Receivers verify against the public keys in that directory,
 * and only accept `sub` = the service that owns the signing key (`kid` = `svc.<name>.<random>`), so
 * one service cannot speak as another. The role is always `service`; user issuers cannot mint it.
 */
export const SERVICE_TOKEN_ISSUER = 'vetting-service';
const DEFAULT_TTL_SECONDS = 300;

export type ServiceTokenVerifier = (token: string) => Promise<Actor>;

const refused = (reason: string, cause?: unknown) => new AppError('AUTH.UNAUTHENTICATED', reason, { status: 401, cause });

export function isServiceToken(token: string): boolean {
  try {
    return decodeJwt(token).iss === SERVICE_TOKEN_ISSUER;
  } catch {
    return false;
  }
}

async function ensureServiceKey(dir: string, service: string): Promise<JWK & { kid: string }> {
  const privatePath = join(dir, `${service}.private.jwk.json`);
  if (!existsSync(privatePath)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const kid = `svc.${service}.${randomBytes(4).toString('hex')}`;
    try {
      // 'wx': when two instances start at once, the first key wins and the other reads it.
      writeFileSync(privatePath, JSON.stringify({ ...(await exportJWK(privateKey)), kid, alg: 'EdDSA' }), { mode: 0o600, flag: 'wx' });
      writeFileSync(
        join(dir, `${service}.public.jwk.json`),
        JSON.stringify({ ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' }),
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return JSON.parse(readFileSync(privatePath, 'utf8')) as JWK & { kid: string };
}

export interface ServiceTokenSource {
  /** A valid token of this service, renewed a minute before it expires. */
  token(): Promise<string>;
  /** `{ authorization: 'Bearer …' }` for a fetch to another service. */
  headers(): Promise<Record<string, string>>;
}

/** The calling side: signs this service's own tokens (`sub` = service, role `service`). */
export async function createServiceTokenSource(options: {
  service: string;
  dir: string;
  audience: string;
  ttlSeconds?: number;
}): Promise<ServiceTokenSource> {
  const jwk = await ensureServiceKey(options.dir, options.service);
  const key = await importJWK(jwk, 'EdDSA');
  const ttl = options.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  let cached: { token: string; renewAt: number } | undefined;
  const token = async () => {
    if (cached && Date.now() < cached.renewAt) return cached.token;
    const signed = await new SignJWT({ roles: ['service'] })
      .setProtectedHeader({ alg: 'EdDSA', kid: jwk.kid })
      .setIssuer(SERVICE_TOKEN_ISSUER)
      .setSubject(options.service)
      .setAudience(options.audience)
      .setIssuedAt()
      .setExpirationTime(`${ttl}s`)
      .sign(key);
    cached = { token: signed, renewAt: Date.now() + Math.max(1, ttl - 60) * 1000 };
    return signed;
  };
  return { token, headers: async () => ({ authorization: `Bearer ${await token()}` }) };
}

function loadPublicKeys(dir: string): JSONWebKeySet {
  if (!existsSync(dir)) return { keys: [] };
  return {
    keys: readdirSync(dir)
      .filter((f) => f.endsWith('.public.jwk.json'))
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as JWK),
  };
}

/** The receiving side: verifies tokens signed by any service's key in `dir` (re-read when a new key id appears). */
export function createServiceTokenVerifier(options: { dir: string; audience: string }): ServiceTokenVerifier {
  let keys = loadPublicKeys(options.dir);
  let keySet = createLocalJWKSet(keys);
  return async (token) => {
    let payload;
    let kid: string | undefined;
    try {
      const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as { kid?: string };
      kid = header.kid;
      if (kid && !keys.keys.some((k) => k.kid === kid)) {
        keys = loadPublicKeys(options.dir);
        keySet = createLocalJWKSet(keys);
      }
      ({ payload } = await jwtVerify(token, keySet, {
        issuer: SERVICE_TOKEN_ISSUER,
        audience: options.audience,
        algorithms: ['EdDSA'],
        maxTokenAge: `${DEFAULT_TTL_SECONDS * 4}s`,
      }));
    } catch (error) {
      throw refused('The service token is invalid or expired', error);
    }
    const owner = /^svc\.([a-z0-9-]+)\.[0-9a-f]+$/.exec(kid ?? '')?.[1];
    if (!payload.sub || payload.sub !== owner) throw refused('A service token must be signed by its own service key');
    return { id: payload.sub, roles: ['service'] };
  };
}
