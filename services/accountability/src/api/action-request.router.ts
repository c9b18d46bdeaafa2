import type { Request, Response, Router } from 'express';
import { actorOf, idempotencyKey, paramsOf, queryOf } from '@vetting/platform';
import type { ActionRequestDeps } from '../use-cases/action-request-context';
import {
  acknowledgeRequest,
  closeRequest,
  remindCountry,
  respondToRequest,
  type ResponseInput,
} from '../use-cases/follow-action-request.use-case';
import {
  actionRequestFigures,
  actionRequestHistory,
  listActionRequests,
  readActionRequest,
  type ListQuery,
} from '../use-cases/read-action-requests.use-case';
import { sendActionRequest, type SendInput } from '../use-cases/send-action-request.use-case';

type Id = { requestId: string };

/** Requests for action: the UN sends and closes them, the country's office acknowledges and answers, reporting counts them. */
export function createActionRequestRoutes(deps: ActionRequestDeps) {
  return (router: Router) => {
    router.get(
      '/action-requests',
      async (req, res) => void res.json(await listActionRequests(actorOf(req), queryOf<ListQuery>(req), deps)),
    );
    router.post('/action-requests', async (req, res) => {
      const { request, created } = await sendActionRequest(actorOf(req), req.body as SendInput, idempotencyKey(req), deps);
      res.status(created ? 201 : 200).json(await readActionRequest(actorOf(req), request.id, deps));
    });
    router.get('/action-requests/figures', async (req, res) => {
      const q = queryOf<{ country?: string; year?: string }>(req);
      res.json(await actionRequestFigures(actorOf(req), { country: q.country, year: q.year ? Number(q.year) : undefined }, deps));
    });
    router.get(
      '/action-requests/:requestId',
      async (req, res) => void res.json(await readActionRequest(actorOf(req), paramsOf<Id>(req).requestId, deps)),
    );
    router.get(
      '/action-requests/:requestId/history',
      async (req, res) => void res.json(await actionRequestHistory(actorOf(req), paramsOf<Id>(req).requestId, deps)),
    );
    // Each follow-up answers with the request as it now stands (a read, recorded like any other).
    const follow = (step: (req: Request, id: string) => Promise<unknown>) => async (req: Request, res: Response) => {
      const id = paramsOf<Id>(req).requestId;
      await step(req, id);
      res.json(await readActionRequest(actorOf(req), id, deps));
    };
    router.post(
      '/action-requests/:requestId/acknowledgement',
      follow((req, id) => acknowledgeRequest(actorOf(req), id, idempotencyKey(req), deps)),
    );
    router.post(
      '/action-requests/:requestId/responses',
      follow((req, id) => respondToRequest(actorOf(req), id, req.body as ResponseInput, idempotencyKey(req), deps)),
    );
    router.post(
      '/action-requests/:requestId/reminders',
      follow((req, id) => remindCountry(actorOf(req), id, idempotencyKey(req), deps)),
    );
    router.post(
      '/action-requests/:requestId/closure',
      follow((req, id) => closeRequest(actorOf(req), id, (req.body as { reason: string }).reason, idempotencyKey(req), deps)),
    );
  };
}
