import type { Router } from 'express';
import { actorOf, idempotencyKey, paramsOf } from '@vetting/platform';
import type { PolicyRepository } from '../data/policy.repository';
import { publishPolicy, type PolicyInput } from '../use-cases/manage-policy.use-case';

/** Policy versions: read by officers and auditors, published by administrators. */
export function createPolicyRoutes(deps: { policies: PolicyRepository; now: () => Date; onEvents: () => void }) {
  return (router: Router) => {
    router.get('/policies', async (_req, res) => {
      const versions = await deps.policies.list();
      res.json({ activeVersion: versions.at(-1)?.version ?? null, items: versions });
    });
    router.get('/policies/:version', async (req, res) => {
      res.json(await deps.policies.version(Number(paramsOf<{ version: string }>(req).version)));
    });
    router.post('/policies', async (req, res) => {
      const policy = await publishPolicy(actorOf(req), req.body as PolicyInput, deps, idempotencyKey(req));
      res.status(201).location(`/policies/${policy.version}`).json(policy);
    });
  };
}
