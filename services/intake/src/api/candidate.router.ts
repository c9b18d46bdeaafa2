import type { Router } from 'express';
import { actorOf, idempotencyKey, paramsOf, queryOf } from '@vetting/platform';
import { toView } from '../domain/candidate';
import type { NominationInput } from '../domain/candidate-rules';
import { updateCandidate, withdrawCandidate } from '../use-cases/change-candidate.use-case';
import { getCandidate, listCandidates, type ListQuery, type ReadDeps } from '../use-cases/read-candidates.use-case';
import { submitCandidate, type SubmitCandidateInput, type SubmitDeps } from '../use-cases/submit-candidate.use-case';

/** Thin HTTP adapter: the request is already authenticated and validated against contracts/openapi/intake.yaml. */
export function createCandidateRoutes(deps: SubmitDeps & ReadDeps) {
  return (router: Router) => {
    router.post('/candidates', async (req, res) => {
      const candidate = await submitCandidate(actorOf(req), req.body as SubmitCandidateInput, deps, idempotencyKey(req));
      res.status(201).location(`/candidates/${candidate.id}`).json(toView(candidate));
    });
    router.get('/candidates', async (req, res) => {
      res.json(await listCandidates(actorOf(req), queryOf<ListQuery>(req), deps));
    });
    router.get('/candidates/:candidateId', async (req, res) => {
      res.json(await getCandidate(actorOf(req), paramsOf<{ candidateId: string }>(req).candidateId, deps));
    });
    router.patch('/candidates/:candidateId', async (req, res) => {
      const { candidateId } = paramsOf<{ candidateId: string }>(req);
      res.json(toView(await updateCandidate(actorOf(req), candidateId, req.body as Partial<NominationInput>, deps, idempotencyKey(req))));
    });
    router.post('/candidates/:candidateId/withdrawal', async (req, res) => {
      const { candidateId } = paramsOf<{ candidateId: string }>(req);
      res.json(toView(await withdrawCandidate(actorOf(req), candidateId, (req.body as { reason: string }).reason, deps)));
    });
  };
}
