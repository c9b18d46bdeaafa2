import type { Router } from 'express';
import { actorOf, paramsOf, queryOf } from '@vetting/platform';
import { certifyRotation, diffCertification, getCertification, type CertifyDeps } from '../use-cases/certify-rotation.use-case';

export function createRotationRoutes(deps: CertifyDeps) {
  return (router: Router) => {
    router.post('/rotations/:rotation/certification', async (req, res) => {
      const { rotation } = paramsOf<{ rotation: string }>(req);
      const { certificate, created } = await certifyRotation(actorOf(req), rotation, req.body as { statement?: string; expectedMemberCount?: number }, deps);
      res.status(created ? 201 : 200).json(certificate);
    });
    router.get('/rotations/:rotation/certification', async (req, res) => {
      const { rotation } = paramsOf<{ rotation: string }>(req);
      res.json(await getCertification(actorOf(req), rotation, queryOf<{ country?: string }>(req).country, deps));
    });
    router.get('/rotations/:rotation/certification/diff', async (req, res) => {
      const { rotation } = paramsOf<{ rotation: string }>(req);
      res.json(await diffCertification(actorOf(req), rotation, queryOf<{ country?: string }>(req).country, deps));
    });
  };
}
