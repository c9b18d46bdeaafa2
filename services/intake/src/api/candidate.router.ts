import type { Router } from 'express';
import { actorOf, paramsOf, queryOf } from '@vetting/platform';
import { toView } from '../domain/candidate';
import { getCandidate, listCandidates, type ListQuery, type ReadDeps } from '../use-cases/read-candidates.use-case';
import { submitCandidate, type SubmitCandidateInput, type SubmitDeps } from '../use-cases/submit-candidate.use-case';

/** Thin HTTP adapter: the request is already authenticated and validated against contracts/openapi/intake.yaml. */
export function createCandidateRoutes(deps: SubmitDeps & ReadDeps) {
  return (router: Router) => {
    router.post('/candidates', async (req, res) => {
      const key = req.header('idempotency-key');
      const candidate = await submitCandidate(actorOf(req), req.body as SubmitCandidateInput, deps, key && /^[\w.:-]{8,100}$/.test(key) ? key : undefined);
      res.status(201).location(`/candidates/${candidate.id}`).json(toView(candidate));
    });
    router.get('/candidates', async (req, res) => {
      res.json(await listCandidates(actorOf(req), queryOf<ListQuery>(req), deps));
    });
    router.get('/candidates/:candidateId', async (req, res) => {
      res.json(await getCandidate(actorOf(req), paramsOf<{ candidateId: string }>(req).candidateId, deps));
    });
  };
}
