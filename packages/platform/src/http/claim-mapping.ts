import type { JWTPayload } from 'jose';
import { ROLES, type Role } from './auth';

/**
 * Where an OIDC provider puts what the platform needs. Providers differ: Keycloak has roles in
 * `realm_access.roles`, Entra ID in `roles`, Okta often in `groups`; a country is usually a custom
 * claim. Each name is tried as a claim name first (names may hold dots, e.g. `https://un.org/country`),
 * then as a dotted path into nested objects.
 */
export interface ClaimMapping {
  /** Claim holding the roles (array, or one space/comma-separated string). Default `roles`. */
  roles?: string;
  /** Claim holding a TCC officer's ISO 3166-1 alpha-2 country. Default `country`. */
  country?: string;
  /** Claim holding the display name. Default `name`. */
  name?: string;
  /** Claim holding the missions a UN officer works for (array, or one space/comma-separated string). Default `missions`; absent = every mission. */
  missions?: string;
  /** Provider role or group names → platform roles (`vetting-screeners` → `un-screener`). Platform role names always map to themselves. */
  roleMap?: Record<string, Role>;
}

function claim(payload: JWTPayload, name: string): unknown {
  if (name in payload) return payload[name];
  return name
    .split('.')
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), payload);
}

/** Roles, country and name of a verified token under the mapping; unknown roles are dropped. */
const listOf = (raw: unknown) =>
  Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(/[\s,]+/).filter(Boolean) : [];

export function mapClaims(
  payload: JWTPayload,
  mapping: ClaimMapping = {},
): { roles: Role[]; country?: string; name?: string; missions?: string[] } {
  const values = listOf(claim(payload, mapping.roles ?? 'roles'));
  const roles = [...new Set(values.map((v) => mapping.roleMap?.[v] ?? v))].filter(
    (r): r is Role => r !== 'service' && (ROLES as readonly string[]).includes(r),
  );
  const country = claim(payload, mapping.country ?? 'country');
  const name = claim(payload, mapping.name ?? 'name');
  const missions = [...new Set(listOf(claim(payload, mapping.missions ?? 'missions')).map((m) => m.toUpperCase()))];
  return {
    roles,
    country: typeof country === 'string' ? country.toUpperCase() : undefined,
    name: typeof name === 'string' ? name : undefined,
    ...(missions.length ? { missions } : {}),
  };
}

/** Parses `AUTH_ROLE_MAP` (`provider-name=platform-role,…`); a mapping to an unknown role is a configuration error. */
export function parseRoleMap(text: string): Record<string, Role> {
  const map: Record<string, Role> = {};
  for (const pair of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [from, to] = pair.split('=').map((s) => s.trim());
    if (!from || !to || !(ROLES as readonly string[]).includes(to) || to === 'service')
      throw new Error(`AUTH_ROLE_MAP: "${pair}" must be <provider role>=<one of ${ROLES.filter((r) => r !== 'service').join(', ')}>`);
    map[from] = to as Role;
  }
  return map;
}
