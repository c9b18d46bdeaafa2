import type { Router } from 'express';
import { actorOf } from '@vetting/platform';
import { enrolSecondFactor, refreshSession, signIn, type SignInDeps } from '../use-cases/sign-in.use-case';

export interface AuthDeps extends SignInDeps {
  jwks: unknown;
}

/**
 * Sign-in (password, then a TOTP code for the roles that need one; first-time enrolment), session
 * refresh and sign-out, who-am-I, and the public keys. `req.ip` is the client's address as far as
 * `TRUST_PROXY` allows it to be read from X-Forwarded-For.
 */
export function createAuthRoutes(deps: AuthDeps) {
  return (router: Router) => {
    router.post('/api/auth/login', async (req, res) => {
      res.setHeader('cache-control', 'no-store');
      res.json(await signIn(deps, req.body as Parameters<typeof signIn>[1], req.ip ?? 'unknown'));
    });
    router.post('/api/auth/second-factor', async (req, res) => {
      res.setHeader('cache-control', 'no-store');
      res.json(await enrolSecondFactor(deps, req.body as Parameters<typeof enrolSecondFactor>[1], req.ip ?? 'unknown'));
    });
    router.post('/api/auth/refresh', async (req, res) => {
      res.setHeader('cache-control', 'no-store');
      res.json(await refreshSession(deps, (req.body as { refreshToken: string }).refreshToken));
    });
    router.post('/api/auth/logout', async (req, res) => {
      await deps.state.end((req.body as { refreshToken: string }).refreshToken);
      res.status(204).end();
    });
    router.get('/api/auth/me', (req, res) => {
      const actor = actorOf(req);
      res.json({
        username: actor.id,
        roles: actor.roles,
        ...(actor.country ? { country: actor.country } : {}),
        ...(actor.missions ? { missions: actor.missions } : {}),
        ...(actor.name ? { name: actor.name } : {}),
      });
    });
    router.get('/.well-known/jwks.json', (_req, res) => void res.json(deps.jwks));
  };
}
