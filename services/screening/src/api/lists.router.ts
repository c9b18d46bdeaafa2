import type { Router } from 'express';
import { actorOf, idempotencyKey, paramsOf, queryOf, type AccessRecorder } from '@vetting/platform';
import type { ListRemovalRepository } from '../data/list-removal.repository';
import { changeListManually } from '../use-cases/change-list-manually.use-case';
import { detectFormat, type ListFormat } from '../use-cases/import-list-file.use-case';
import { publishListFile, type PublishDeps } from '../use-cases/publish-list-version.use-case';
import { activeListEntry, listVersionDiff, listVersions } from '../use-cases/read-lists.use-case';
import { countersignRemoval, proposeRemoval } from '../use-cases/remove-list-entry.use-case';

export interface ListRouteDeps extends PublishDeps {
  access: AccessRecorder;
  removals: ListRemovalRepository;
}

type ListParams = { listId: string };
type Manual = { entry: unknown; reason: string };

export function createListRoutes(deps: ListRouteDeps) {
  return (router: Router) => {
    router.get('/lists', async (_req, res) => {
      const lists = await deps.repository.activeLists();
      res.json({ items: lists.map((l) => ({ listId: l.listId, name: l.name, activeVersion: l.version, contentHash: l.contentHash, entryCount: l.entryCount, updatedAt: l.updatedAt })) });
    });
    // The body arrives as raw bytes (see start-screening.ts): importers report lines of the file as sent.
    router.post('/lists/:listId/versions', async (req, res) => {
      const { listId } = paramsOf<ListParams>(req);
      const { name, format } = queryOf<{ name?: string; format?: ListFormat }>(req);
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.from(JSON.stringify(req.body ?? ''));
      const detected = detectFormat(req.headers['content-type'] ?? '', format, body);
      res.status(201).json(await publishListFile(actorOf(req), listId, name, detected, body, deps));
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
      res.status(201).json(await changeListManually(actorOf(req), paramsOf<ListParams>(req).listId, { kind: 'add', entry }, reason, deps));
    });
    router.get('/lists/:listId/entries/:entryId', async (req, res) => {
      const { listId, entryId } = paramsOf<ListParams & { entryId: string }>(req);
      res.json(await activeListEntry(actorOf(req), listId, entryId, deps));
    });
    router.put('/lists/:listId/entries/:entryId', async (req, res) => {
      const { listId, entryId } = paramsOf<ListParams & { entryId: string }>(req);
      const { entry, reason } = req.body as Manual;
      res.status(201).json(await changeListManually(actorOf(req), listId, { kind: 'replace', entryId, entry }, reason, deps));
    });
    // Four eyes: a removal is proposed here and takes effect only when a second officer countersigns it.
    router.delete('/lists/:listId/entries/:entryId', async (req, res) => {
      const { listId, entryId } = paramsOf<ListParams & { entryId: string }>(req);
      const { reason } = queryOf<{ reason: string }>(req);
      res.status(202).json(await proposeRemoval(actorOf(req), listId, entryId, reason, deps, idempotencyKey(req)));
    });
    router.get('/lists/:listId/removals', async (req, res) => {
      res.json({ items: await deps.removals.pending(paramsOf<ListParams>(req).listId) });
    });
    router.post('/lists/:listId/removals/:proposalId/countersignature', async (req, res) => {
      const { listId, proposalId } = paramsOf<ListParams & { proposalId: string }>(req);
      res.json(await countersignRemoval(actorOf(req), listId, proposalId, req.body as { approve: boolean; reason: string }, deps));
    });
  };
}
