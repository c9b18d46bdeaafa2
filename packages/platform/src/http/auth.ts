import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { AppError } from '../errors/app-error';
import { mapClaims, type ClaimMapping } from './claim-mapping';
import { isServiceToken, type ServiceTokenVerifier } from './service-token';

export const ROLES = ['tcc-officer', 'un-screener', 'un-adjudicator', 'auditor', 'admin', 'service'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, from a verified JWT. */
export interface Actor {
  id: string;
  roles: Role[];
  /** ISO 3166-1 alpha-2; set for (and required of) TCC officers, who see only their own country. */
  country?: string;
  name?: string;
  /** Set for a UN officer who works for some missions only: mission-bound reads show those missions alone. Absent: every mission. */
  missions?: string[];
}

export interface AuthOptions {
  /** Where the signing keys are: a JWKS object, a file holding one, a URL serving one, or an OIDC discovery URL (`…/.well-known/openid-configuration`). */
  jwks: JSONWebKeySet | { file: string } | { url: string };
  issuer: string;
  audience: string;
  /** Where an OIDC provider puts roles, country and display name; see `claimMapping`. Default: `roles`, `country`, `name`. */
  claims?: ClaimMapping;
  /** Verifies other services' own tokens (role `service`); absent: service tokens are refused. */
  serviceTokens?: ServiceTokenVerifier;
  /**
   * Signature algorithms accepted (an allow-list: a key set whose keys name no `alg`, as many OIDC
   * providers publish them, would otherwise accept any algorithm the key type can do).
   * Default `DEFAULT_TOKEN_ALGORITHMS`.
   */
  algorithms?: readonly string[];
}

/** What the gateway (EdDSA) and common OIDC providers (RS256, PS256, ES256) sign with. */
export const DEFAULT_TOKEN_ALGORITHMS = ['EdDSA', 'ES256', 'RS256', 'PS256'] as const;

export type TokenVerifier = (token: string) => Promise<Actor>;

/**
 * An OIDC discovery document (`…/.well-known/openid-configuration`) names the key set in `jwks_uri`;
 * it is read on the first token, and again after a failure, so a provider that is down at start
 * does not stop the service.
 */
function discoveredKeySet(discoveryUrl: string): JWTVerifyGetKey {
  let keys: Promise<JWTVerifyGetKey> | undefined;
  return async (header, token) => {
    keys ??= fetch(discoveryUrl, { signal: AbortSignal.timeout(10_000) })
      .then(async (res) => {
        if (!res.ok) throw new Error(`OIDC discovery ${discoveryUrl} answered ${res.status}`);
        const { jwks_uri: uri } = (await res.json()) as { jwks_uri?: string };
        if (!uri) throw new Error(`OIDC discovery ${discoveryUrl} names no jwks_uri`);
        return createRemoteJWKSet(new URL(uri), { cooldownDuration: 30_000 });
      })
      .catch((error: unknown) => {
        keys = undefined;
        throw error;
      });
    return (await keys)(header, token);
  };
}

function keySet(jwks: AuthOptions['jwks']): JWTVerifyGetKey {
  if ('url' in jwks && /\/\.well-known\/openid-configuration$/.test(jwks.url)) return discoveredKeySet(jwks.url);
  if ('url' in jwks) return createRemoteJWKSet(new URL(jwks.url), { cooldownDuration: 30_000 });
  if ('file' in jwks) return createLocalJWKSet(JSON.parse(readFileSync(jwks.file, 'utf8')) as JSONWebKeySet);
  return createLocalJWKSet(jwks);
}

export const unauthenticated = (reason: string, cause?: unknown) => new AppError('AUTH.UNAUTHENTICATED', reason, { status: 401, cause });

/** Verifies tokens against one JWKS; every service does this itself (no trust in the network). */
export function createTokenVerifier(options: AuthOptions): TokenVerifier {
  const keys = keySet(options.jwks);
  const algorithms = [...(options.algorithms ?? DEFAULT_TOKEN_ALGORITHMS)];
  return async (token) => {
    // A service's own token is told apart by its issuer and verified only against service keys.
    if (options.serviceTokens && isServiceToken(token)) return options.serviceTokens(token);
    let payload;
    try {
      // A token without `exp` would be valid for ever: refused, like any algorithm off the list.
      ({ payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      throw unauthenticated('The access token is invalid or expired', error);
    }
    const { roles, country, name, missions } = mapClaims(payload, options.claims);
    if (!payload.sub || roles.length === 0) throw unauthenticated('The access token names no subject or role');
    if (roles.includes('tcc-officer') && !/^[A-Z]{2}$/.test(country ?? ''))
      throw unauthenticated('A TCC officer token must carry a country claim');
    return { id: payload.sub, roles, country, name, ...(missions ? { missions } : {}) };
  };
}

export function bearerToken(header: string | undefined): string {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!m?.[1]) throw unauthenticated('An Authorization: Bearer token is required');
  return m[1];
}

export function hasAnyRole(actor: Actor, roles: readonly string[]): boolean {
  return roles.length === 0 || actor.roles.some((r) => roles.includes(r));
}

/**
 * The country scope of a query: a TCC officer is pinned to their own country whatever they ask for,
 * and whatever other roles the same token carries (a provider granting an office another role must
 * not widen what the office sees); other roles may ask for any country or none.
 */
export function countryScope(actor: Actor, requested?: string): string | undefined {
  if (actor.roles.includes('tcc-officer')) {
    if (requested && requested !== actor.country)
      throw new AppError('AUTH.OTHER_COUNTRY', 'You may only see candidates of your own country', { status: 403 });
    return actor.country;
  }
  return requested;
}

/**
 * The missions a mission-bound read may show: a UN officer scoped to missions sees only theirs
 * (asking for another is a 403); everyone else sees every mission, or the one they ask for.
 * `undefined` means no mission filter.
 */
export function missionScope(actor: Actor, requested?: string): string[] | undefined {
  const wanted = requested?.toUpperCase();
  if (!actor.missions?.length) return wanted ? [wanted] : undefined;
  if (wanted && !actor.missions.includes(wanted))
    throw new AppError('AUTH.OTHER_MISSION', 'You may only see the missions you work for', { status: 403 });
  return wanted ? [wanted] : actor.missions;
}
