import type { Router } from 'express';
import { actorOf, paramsOf } from '@vetting/platform';
import { toView } from '../domain/candidate';
import { eraseOnRequest, type EraseDeps } from '../use-cases/erase-candidate.use-case';
import { exportCandidate, type ExportDeps } from '../use-cases/export-candidate.use-case';

/** Data-subject rights: erasure on request (admin) and the access export (owning office or admin). */
export function createPrivacyRoutes(deps: EraseDeps & ExportDeps) {
  return (router: Router) => {
    router.post('/candidates/:candidateId/erasure', async (req, res) => {
      const { candidateId } = paramsOf<{ candidateId: string }>(req);
      res.json(toView(await eraseOnRequest(actorOf(req), candidateId, (req.body as { reason: string }).reason, deps)));
    });
    router.get('/candidates/:candidateId/export', async (req, res) => {
      const { candidateId } = paramsOf<{ candidateId: string }>(req);
      res.json(await exportCandidate(actorOf(req), candidateId, deps));
    });
  };
}
