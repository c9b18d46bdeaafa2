import type { Router } from 'express';
import { SignJWT, type CryptoKey, type KeyObject } from 'jose';
import { actorOf, AppError, type RateLimiter } from '@vetting/platform';
import type { DemoUser } from '../data/dev-keys';
import { hashPassword, needsRehash, type StoredPassword } from '../domain/password-hash';
import { authenticate } from '../domain/sign-in';

export interface AuthDeps {
  /** The accounts that may sign in now (read at each sign-in: an admin may add or disable one). */
  users: () => DemoUser[];
  /** Stores a password hash made at today's cost in place of an older one. */
  upgradePassword: (username: string, stored: Required<StoredPassword>) => Promise<void>;
  signingKey: { key: CryptoKey | KeyObject | Uint8Array; kid: string };
  issuer: string;
  audience: string;
  ttl: string;
  jwks: unknown;
  /** Sign-in attempts per username and per client address (brute force, credential stuffing). */
  limiter: { byUser: RateLimiter; byAddress: RateLimiter };
}

async function throttle(deps: AuthDeps, username: string, address: string): Promise<void> {
  const [user, ip] = await Promise.all([deps.limiter.byUser.take(username.toLowerCase()), deps.limiter.byAddress.take(address)]);
  const wait = Math.max(user.allowed ? 0 : user.retryAfterMs, ip.allowed ? 0 : ip.retryAfterMs);
  if (wait > 0)
    throw new AppError('AUTH.TOO_MANY_ATTEMPTS', 'Too many sign-in attempts; try again later', {
      status: 429,
      extensions: { retryAfterSeconds: Math.ceil(wait / 1000) },
    });
}

export function createAuthRoutes(deps: AuthDeps) {
  return (router: Router) => {
    router.post('/api/auth/login', async (req, res) => {
      const { username, password } = req.body as { username: string; password: string };
      try {
        await throttle(deps, username, req.ip ?? 'unknown');
      } catch (error) {
        if (error instanceof AppError && error.status === 429) res.setHeader('retry-after', String(error.extensions.retryAfterSeconds));
        throw error;
      }
      const user = await authenticate(deps.users(), username, password);
      if (needsRehash(user)) await deps.upgradePassword(user.username, await hashPassword(password));
      const token = await new SignJWT({ roles: user.roles, name: user.name, ...(user.country ? { country: user.country } : {}) })
        .setProtectedHeader({ alg: 'EdDSA', kid: deps.signingKey.kid })
        .setSubject(user.username)
        .setIssuer(deps.issuer)
        .setAudience(deps.audience)
        .setIssuedAt()
        .setExpirationTime(deps.ttl)
        .sign(deps.signingKey.key);
      res.json({ token, user: { username: user.username, name: user.name, roles: user.roles, ...(user.country ? { country: user.country } : {}) } });
    });
    router.get('/api/auth/me', (req, res) => {
      const actor = actorOf(req);
      res.json({ username: actor.id, roles: actor.roles, ...(actor.country ? { country: actor.country } : {}), ...(actor.name ? { name: actor.name } : {}) });
    });
    router.get('/.well-known/jwks.json', (_req, res) => void res.json(deps.jwks));
  };
}
