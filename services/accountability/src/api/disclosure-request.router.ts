import type { Request, Response, Router } from 'express';
import { actorOf, idempotencyKey, paramsOf, queryOf } from '@vetting/platform';
import type { AnswerInput } from '../domain/disclosure-request';
import { answerDisclosure, attachConsent, countersignDisclosure, type ConsentInput } from '../use-cases/answer-disclosure-request.use-case';
import type { DisclosureDeps } from '../use-cases/disclosure-context';
import {
  disclosureFigures,
  disclosureHistory,
  listDisclosures,
  readConsent,
  readDisclosure,
  requestingOrganisations,
} from '../use-cases/read-disclosure-requests.use-case';
import { receiveDisclosureRequest, verifyRequester, type ReceiveInput } from '../use-cases/receive-disclosure-request.use-case';

type Id = { requestId: string };

/** Disclosure requests from later employers: received and verified, answered in the scheme's form, counted for the annual figures. */
export function createDisclosureRoutes(deps: DisclosureDeps) {
  return (router: Router) => {
    router.get(
      '/disclosure-requests',
      async (req, res) => void res.json(await listDisclosures(actorOf(req), queryOf<{ status?: string; candidateId?: string }>(req), deps)),
    );
    router.post('/disclosure-requests', async (req, res) => {
      const { request, created } = await receiveDisclosureRequest(actorOf(req), req.body as ReceiveInput, idempotencyKey(req), deps);
      res.status(created ? 201 : 200).json({
        ...(await readDisclosure(actorOf(req), request.id, deps)),
        ...('verificationProblem' in request ? { verificationProblem: request.verificationProblem } : {}),
      });
    });
    router.get('/disclosure-requests/figures', async (req, res) => {
      const q = queryOf<{ year?: string; country?: string }>(req);
      res.json(await disclosureFigures(actorOf(req), { year: q.year ? Number(q.year) : undefined, country: q.country }, deps));
    });
    router.get('/disclosure-requests/organisations', async (_req, res) => void res.json(await requestingOrganisations(deps)));
    router.get(
      '/disclosure-requests/:requestId',
      async (req, res) => void res.json(await readDisclosure(actorOf(req), paramsOf<Id>(req).requestId, deps)),
    );
    router.get(
      '/disclosure-requests/:requestId/history',
      async (req, res) => void res.json(await disclosureHistory(actorOf(req), paramsOf<Id>(req).requestId, deps)),
    );
    router.get('/disclosure-requests/:requestId/consent', async (req, res) => {
      const { consent, bytes } = await readConsent(actorOf(req), paramsOf<Id>(req).requestId, deps);
      res.status(200).type(consent.contentType).attachment(consent.filename).setHeader('cache-control', 'no-store');
      res.send(bytes);
    });
    const step = (run: (req: Request, id: string) => Promise<unknown>) => async (req: Request, res: Response) => {
      const id = paramsOf<Id>(req).requestId;
      const done = (await run(req, id)) as { verificationProblem?: string } | undefined;
      res.json({
        ...(await readDisclosure(actorOf(req), id, deps)),
        ...(done?.verificationProblem ? { verificationProblem: done.verificationProblem } : {}),
      });
    };
    router.post(
      '/disclosure-requests/:requestId/verification',
      step((req, id) => verifyRequester(actorOf(req), id, deps)),
    );
    router.post(
      '/disclosure-requests/:requestId/consent',
      step((req, id) => attachConsent(actorOf(req), id, req.body as ConsentInput, deps)),
    );
    router.post(
      '/disclosure-requests/:requestId/answer',
      step((req, id) => answerDisclosure(actorOf(req), id, req.body as AnswerInput & { note?: string }, deps)),
    );
    router.post(
      '/disclosure-requests/:requestId/countersignature',
      step((req, id) => countersignDisclosure(actorOf(req), id, deps)),
    );
  };
}
