import type { Response, Router } from 'express';
import { actorOf, idempotencyKey, paramsOf, queryOf, type AccessRecorder } from '@vetting/platform';
import { changeListManually } from '../use-cases/change-list-manually.use-case';
import { detectFormat, type ListFormat } from '../use-cases/import-list-file.use-case';
import { publishListFile, type PublishDeps, type PublishResult } from '../use-cases/publish-list-version.use-case';
import { activeListEntry, listVersionDiff, listVersions } from '../use-cases/read-lists.use-case';
import { countersignVersion } from '../use-cases/countersign-version.use-case';

export interface ListRouteDeps extends PublishDeps {
  access: AccessRecorder;
}

/** 201 with the published version, or 202 with the proposal when it waits for a second officer. */
const send = (res: Response, result: PublishResult) =>
  'pending' in result ? res.status(202).json(result.pending) : res.status(201).json(result);

type ListParams = { listId: string };
type Manual = { entry: unknown; reason: string };

export function createListRoutes(deps: ListRouteDeps) {
  return (router: Router) => {
    router.get('/lists', async (_req, res) => {
      const lists = await deps.repository.activeLists();
      res.json({
        items: lists.map((l) => ({
          listId: l.listId,
          name: l.name,
          activeVersion: l.version,
          contentHash: l.contentHash,
          entryCount: l.entryCount,
          updatedAt: l.updatedAt,
        })),
      });
    });
    // The body arrives as raw bytes (see start-screening.ts): importers report lines of the file as sent.
    router.post('/lists/:listId/versions', async (req, res) => {
      const { listId } = paramsOf<ListParams>(req);
      const { name, format, reason } = queryOf<{ name?: string; format?: ListFormat; reason?: string }>(req);
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.from(JSON.stringify(req.body ?? ''));
      const detected = detectFormat(req.headers['content-type'] ?? '', format, body);
      const key = idempotencyKey(req);
      send(
        res,
        await publishListFile(
          actorOf(req),
          listId,
          { ...(name ? { name } : {}), ...(reason ? { reason } : {}), ...(key ? { requestKey: key } : {}) },
          detected,
          body,
          deps,
        ),
      );
    });
    router.get('/lists/:listId/versions', async (req, res) => {
      res.json(await listVersions(paramsOf<ListParams>(req).listId, deps.repository));
    });
    router.get('/lists/:listId/versions/:version/diff', async (req, res) => {
      const { listId, version } = paramsOf<ListParams & { version: string }>(req);
      res.json(await listVersionDiff(actorOf(req), listId, Number(version), deps));
    });
    router.post('/lists/:listId/entries', async (req, res) => {
      const { entry, reason } = req.body as Manual;
      send(res, await changeListManually(actorOf(req), paramsOf<ListParams>(req).listId, { kind: 'add', entry }, reason, deps));
    });
    router.get('/lists/:listId/entries/:entryId', async (req, res) => {
      const { listId, entryId } = paramsOf<ListParams & { entryId: string }>(req);
      res.json(await activeListEntry(actorOf(req), listId, entryId, deps));
    });
    router.put('/lists/:listId/entries/:entryId', async (req, res) => {
      const { listId, entryId } = paramsOf<ListParams & { entryId: string }>(req);
      const { entry, reason } = req.body as Manual;
      // A correction that re-identifies the entry (drops or alters a name, date of birth or document) is a 202 proposal.
      send(res, await changeListManually(actorOf(req), listId, { kind: 'replace', entryId, entry }, reason, deps, idempotencyKey(req)));
    });
    // Four eyes: a removal is always a 202 proposal, taking effect only when a second officer countersigns it.
    router.delete('/lists/:listId/entries/:entryId', async (req, res) => {
      const { listId, entryId } = paramsOf<ListParams & { entryId: string }>(req);
      const { reason } = queryOf<{ reason: string }>(req);
      send(res, await changeListManually(actorOf(req), listId, { kind: 'remove', entryId }, reason, deps, idempotencyKey(req)));
    });
    router.get('/lists/:listId/pending-versions', async (req, res) => {
      res.json({ items: await deps.proposals.pending(paramsOf<ListParams>(req).listId) });
    });
    router.post('/lists/:listId/pending-versions/:proposalId/countersignature', async (req, res) => {
      const { listId, proposalId } = paramsOf<ListParams & { proposalId: string }>(req);
      res.json(await countersignVersion(actorOf(req), listId, proposalId, req.body as { approve: boolean; reason: string }, deps));
    });
  };
}
