import type { Express, Router } from 'express';
import { actorOf, idempotencyKey, paramsOf, queryOf } from '@vetting/platform';
import { getUpload, uploadErrorsCsv, type ReadUploadDeps } from '../use-cases/read-upload.use-case';
import { receiveUpload, type ReceiveDeps, type UploadParams } from '../use-cases/receive-upload.use-case';

/** Where the upload's real Content-Type is kept while the JSON body parser is kept away from it. */
const UPLOAD_TYPE = 'x-upload-content-type';

/**
 * The upload body must reach the handler as a stream: the shared JSON body parser would otherwise
 * read a JSON contingent whole (and refuse it over 1 MB). Mounted before body parsing, this moves the
 * Content-Type aside for POST /uploads only; authentication and contract validation still run.
 */
export function keepUploadBodyStreamed(app: Express) {
  app.use((req, _res, next) => {
    if (req.method === 'POST' && req.path === '/uploads') {
      req.headers[UPLOAD_TYPE] = req.headers['content-type'] ?? '';
      delete req.headers['content-type'];
    }
    next();
  });
}

export function createUploadRoutes(deps: ReceiveDeps & ReadUploadDeps) {
  return (router: Router) => {
    router.post('/uploads', async (req, res) => {
      const length = req.headers['content-length'] ? Number(req.headers['content-length']) : undefined;
      const { upload, created } = await receiveUpload(
        actorOf(req),
        queryOf<UploadParams>(req),
        { body: req, contentType: req.header(UPLOAD_TYPE), ...(length !== undefined ? { length } : {}) },
        deps,
        idempotencyKey(req),
      );
      res
        .status(created ? 202 : 200)
        .location(`/uploads/${upload.id}`)
        .json(await getUpload(actorOf(req), upload.id, deps));
    });
    router.get('/uploads/:uploadId', async (req, res) => {
      res.json(await getUpload(actorOf(req), paramsOf<{ uploadId: string }>(req).uploadId, deps));
    });
    router.get('/uploads/:uploadId/errors.csv', async (req, res) => {
      const lines = uploadErrorsCsv(actorOf(req), paramsOf<{ uploadId: string }>(req).uploadId, deps);
      const first = await lines.next(); // a missing upload throws here, before any header is sent
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .attachment(`upload-${paramsOf<{ uploadId: string }>(req).uploadId}-errors.csv`);
      if (!first.done) res.write(first.value);
      for await (const chunk of lines) res.write(chunk);
      res.end();
    });
  };
}
