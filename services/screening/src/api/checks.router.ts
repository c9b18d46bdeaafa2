import type { Router } from 'express';
import { actorOf, AppError } from '@vetting/platform';
import { checkBeforeDeployment, type CheckDeps, type CheckRequest } from '../use-cases/check-before-deployment.use-case';

export function createCheckRoutes(deps: CheckDeps) {
  return (router: Router) => {
    router.post('/checks', async (req, res) => {
      try {
        res.json(await checkBeforeDeployment(actorOf(req), req.body as CheckRequest, deps));
      } catch (error) {
        // RFC 9110: a 429 says when to come back.
        if (error instanceof AppError && error.status === 429) res.setHeader('Retry-After', String(error.extensions.retryAfter));
        throw error;
      }
    });
  };
}
