import type { Router } from 'express';
import { actorOf, paramsOf, queryOf } from '@vetting/platform';
import {
  diffCertificateVersions,
  getCertificateVersion,
  listCertificateVersions,
  signedCertificate,
} from '../use-cases/certificate-versions.use-case';
import type { CertifyDeps } from '../use-cases/certify-rotation.use-case';

type Params = { rotation: string; version: string };
type Query = { country?: string; against?: number };

/** Every certified version of a rotation: the list, one version, its signed document, and a diff against an earlier one. */
export function createCertificateRoutes(deps: CertifyDeps) {
  return (router: Router) => {
    router.get('/rotations/:rotation/certificates', async (req, res) => {
      res.json({ items: await listCertificateVersions(actorOf(req), paramsOf<Params>(req).rotation, queryOf<Query>(req).country, deps) });
    });
    router.get('/rotations/:rotation/certificates/:version', async (req, res) => {
      const { rotation, version } = paramsOf<Params>(req);
      res.json(await getCertificateVersion(actorOf(req), rotation, Number(version), queryOf<Query>(req).country, deps));
    });
    router.get('/rotations/:rotation/certificates/:version/signed', async (req, res) => {
      const { rotation, version } = paramsOf<Params>(req);
      const document = await signedCertificate(actorOf(req), rotation, Number(version), queryOf<Query>(req).country, deps);
      res.set('content-disposition', `attachment; filename="${document.content.id}.json"`).json(document);
    });
    router.get('/rotations/:rotation/certificates/:version/diff', async (req, res) => {
      const { rotation, version } = paramsOf<Params>(req);
      const { country, against } = queryOf<Query>(req);
      res.json(
        await diffCertificateVersions(
          actorOf(req),
          rotation,
          Number(version),
          against === undefined ? undefined : Number(against),
          country,
          deps,
        ),
      );
    });
  };
}
