import type { Router } from 'express';
import { actorOf, paramsOf, queryOf } from '@vetting/platform';
import { certifyRotation, diffCertification, getCertification, type CertifyDeps } from '../use-cases/certify-rotation.use-case';
import { rollCsv } from '../use-cases/export-roll.use-case';
import type { ListQuery, ReadDeps } from '../use-cases/read-candidates.use-case';

export function createRotationRoutes(deps: CertifyDeps & ReadDeps) {
  return (router: Router) => {
    router.get('/rotations/:rotation/roll.csv', async (req, res) => {
      const { rotation } = paramsOf<{ rotation: string }>(req);
      const lines = rollCsv(actorOf(req), rotation, queryOf<ListQuery>(req), deps);
      const first = await lines.next(); // a refused scope throws here, before any header is sent
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .attachment(`roll-${rotation.replace(/[^\w.-]+/g, '_')}.csv`);
      if (!first.done) res.write(first.value);
      for await (const line of lines) res.write(line);
      res.end();
    });
    router.post('/rotations/:rotation/certification', async (req, res) => {
      const { rotation } = paramsOf<{ rotation: string }>(req);
      const { certificate, created } = await certifyRotation(
        actorOf(req),
        rotation,
        req.body as { statement?: string; expectedMemberCount?: number },
        deps,
      );
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
