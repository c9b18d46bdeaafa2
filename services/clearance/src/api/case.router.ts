import type { Router } from 'express';
import { actorOf, idempotencyKey, paramsOf, queryOf } from '@vetting/platform';
import { acknowledgeCaseFlag, type AcknowledgeDeps } from '../use-cases/acknowledge-flag.use-case';
import { getCase, listFlags, replayCaseDecision, type ReadDeps } from '../use-cases/read-cases.use-case';
import { listRevettings, type RevettingQuery } from '../use-cases/list-revettings.use-case';

/** Reading cases, replaying decisions, the flags raised by revocations, and who is due for re-vetting. */
export function createCaseRoutes(deps: ReadDeps & AcknowledgeDeps) {
  return (router: Router) => {
    router.get('/cases/:candidateId', async (req, res) => {
      res.json(await getCase(actorOf(req), paramsOf<{ candidateId: string }>(req).candidateId, deps));
    });
    router.get('/cases/:candidateId/decisions/:decisionId/replay', async (req, res) => {
      const { candidateId, decisionId } = paramsOf<{ candidateId: string; decisionId: string }>(req);
      res.json(await replayCaseDecision(actorOf(req), candidateId, decisionId, deps));
    });
    router.get('/flags', async (req, res) => {
      res.json(await listFlags(actorOf(req), queryOf<{ country?: string; open?: boolean; limit?: number }>(req), deps));
    });
    router.get('/revettings', async (req, res) => {
      res.json(await listRevettings(actorOf(req), queryOf<RevettingQuery>(req), { ...deps, onEvents: () => undefined }));
    });
    router.post('/cases/:candidateId/flags/:flagId/acknowledgement', async (req, res) => {
      const { candidateId, flagId } = paramsOf<{ candidateId: string; flagId: string }>(req);
      res.json(
        await acknowledgeCaseFlag(actorOf(req), candidateId, flagId, (req.body ?? {}) as { note?: string }, deps, idempotencyKey(req)),
      );
    });
  };
}
