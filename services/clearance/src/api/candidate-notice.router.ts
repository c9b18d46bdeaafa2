import type { Express, Router } from 'express';
import { actorOf, paramsOf, queryOf } from '@vetting/platform';
import {
  recordCandidateResponse,
  recordNotice,
  type CandidateResponseInput,
  type NoticeDeps,
  type NoticeInput,
} from '../use-cases/candidate-notice.use-case';
import { openAttachment, uploadAttachment } from '../use-cases/response-attachment.use-case';
import { idempotencyKey } from '@vetting/platform';

/** Where an attachment's Content-Type is kept while the JSON body parser is kept away from its bytes. */
const FILE_TYPE = 'x-attachment-content-type';
const ATTACHMENTS = /^\/cases\/[^/]+\/attachments$/;

/**
 * An attachment reaches its handler as a stream (the shared JSON parser would refuse or buffer it):
 * mounted before body parsing, this moves the Content-Type aside for that route only; authentication
 * and contract validation still run before the handler reads a byte.
 */
export function keepAttachmentBodyStreamed(app: Express) {
  app.use((req, _res, next) => {
    if (req.method === 'POST' && ATTACHMENTS.test(req.path)) {
      req.headers[FILE_TYPE] = req.headers['content-type'] ?? '';
      delete req.headers['content-type'];
    }
    next();
  });
}

/** The candidate's right to respond: notices with their deadline, responses, and the files sent with them. */
export function createCandidateNoticeRoutes(deps: NoticeDeps & { maxAttachmentBytes: number }) {
  return (router: Router) => {
    router.post('/cases/:candidateId/notices', async (req, res) => {
      const { candidateId } = paramsOf<{ candidateId: string }>(req);
      res.status(201).json(await recordNotice(actorOf(req), candidateId, req.body as NoticeInput, deps, idempotencyKey(req)));
    });
    router.post('/cases/:candidateId/candidate-response', async (req, res) => {
      const { candidateId } = paramsOf<{ candidateId: string }>(req);
      res
        .status(201)
        .json(await recordCandidateResponse(actorOf(req), candidateId, req.body as CandidateResponseInput, deps, idempotencyKey(req)));
    });
    router.post('/cases/:candidateId/attachments', async (req, res) => {
      const { candidateId } = paramsOf<{ candidateId: string }>(req);
      const length = req.headers['content-length'] ? Number(req.headers['content-length']) : undefined;
      const { filename } = queryOf<{ filename?: string }>(req);
      const file = {
        body: req,
        contentType: req.header(FILE_TYPE),
        ...(length !== undefined ? { length } : {}),
        ...(filename ? { filename } : {}),
      };
      res.status(201).json(await uploadAttachment(actorOf(req), candidateId, file, { ...deps, maxBytes: deps.maxAttachmentBytes }));
    });
    router.get('/cases/:candidateId/attachments/:attachmentId', async (req, res) => {
      const { candidateId, attachmentId } = paramsOf<{ candidateId: string; attachmentId: string }>(req);
      const { ref, bytes } = await openAttachment(actorOf(req), candidateId, attachmentId, deps);
      // Always a download, never rendered by the browser in the console's origin.
      res.status(200).type(ref.contentType).attachment(ref.filename).setHeader('cache-control', 'no-store');
      res.send(bytes);
    });
  };
}
