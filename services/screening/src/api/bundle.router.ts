import type { Router } from 'express';
import { actorOf, AppError, idempotencyKey, paramsOf, queryOf } from '@vetting/platform';
import { issueListBundle, type BundleDeps } from '../use-cases/issue-list-bundle.use-case';
import {
  listOfflineUploads,
  readOfflineUpload,
  receiveOfflineResults,
  type OfflineResultsDeps,
  type OfflineResultsRequest,
} from '../use-cases/receive-offline-results.use-case';

/** Offline screening: the signed bundle of the active lists, and the results screened with it coming back. */
export function createBundleRoutes(deps: BundleDeps & OfflineResultsDeps) {
  return (router: Router) => {
    router.get('/lists/bundle', async (req, res) => {
      const bundle = await issueListBundle(actorOf(req), deps);
      res
        .set(
          'content-disposition',
          `attachment; filename="lists-${bundle.content.createdAt.slice(0, 10)}-${bundle.content.bundleId.slice(0, 8)}.json"`,
        )
        .json(bundle);
    });
    router.post('/checks/offline', async (req, res) => {
      try {
        const { upload, created } = await receiveOfflineResults(actorOf(req), req.body as OfflineResultsRequest, idempotencyKey(req), deps);
        res.status(created ? 201 : 200).json(upload);
      } catch (error) {
        if (error instanceof AppError && error.status === 429) res.setHeader('Retry-After', String(error.extensions.retryAfter));
        throw error;
      }
    });
    router.get('/checks/offline', async (req, res) => {
      res.json(await listOfflineUploads(actorOf(req), queryOf<{ country?: string }>(req).country, deps));
    });
    router.get('/checks/offline/:uploadId', async (req, res) => {
      res.json(await readOfflineUpload(actorOf(req), paramsOf<{ uploadId: string }>(req).uploadId, deps));
    });
  };
}
