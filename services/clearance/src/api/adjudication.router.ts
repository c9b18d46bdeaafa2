import type { Router } from 'express';
import { actorOf, idempotencyKey, paramsOf, queryOf } from '@vetting/platform';
import type { CountersignatureInput, ProposalInput } from '../domain/adjudication';
import { countersignOutcome, proposeOutcome, type AdjudicateDeps } from '../use-cases/adjudicate.use-case';
import { adjudicationQueue, type ReadDeps } from '../use-cases/read-cases.use-case';

/** The adjudicators' work: the queue, proposals and countersignatures (four eyes). */
export function createAdjudicationRoutes(deps: AdjudicateDeps & ReadDeps) {
  return (router: Router) => {
    router.get('/adjudications', async (req, res) => {
      res.json(await adjudicationQueue(actorOf(req), queryOf(req), deps));
    });
    router.post('/cases/:candidateId/adjudication', async (req, res) => {
      const { candidateId } = paramsOf<{ candidateId: string }>(req);
      const result = await proposeOutcome(actorOf(req), candidateId, req.body as ProposalInput, deps, idempotencyKey(req));
      res.status(result.decision ? 201 : 202).json(result);
    });
    router.post('/cases/:candidateId/adjudication/countersignature', async (req, res) => {
      const { candidateId } = paramsOf<{ candidateId: string }>(req);
      res.json(await countersignOutcome(actorOf(req), candidateId, req.body as CountersignatureInput, deps, idempotencyKey(req)));
    });
  };
}
