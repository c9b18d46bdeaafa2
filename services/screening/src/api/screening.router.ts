import type { Router } from 'express';
import { actorOf, notFound, paramsOf, queryOf, type AccessRecorder } from '@vetting/platform';
import type { ListRepository } from '../data/list.repository';
import type { ScreeningRepository } from '../data/screening.repository';
import { publishListVersion, type PublishDeps } from '../use-cases/publish-list-version.use-case';

export interface ScreeningRouteDeps extends PublishDeps {
  repository: ListRepository;
  screenings: ScreeningRepository;
  access: AccessRecorder;
}

export function createScreeningRoutes(deps: ScreeningRouteDeps) {
  return (router: Router) => {
    router.get('/lists', async (_req, res) => {
      const lists = await deps.repository.activeLists();
      res.json({ items: lists.map((l) => ({ listId: l.listId, name: l.name, activeVersion: l.version, contentHash: l.contentHash, entryCount: l.entryCount, updatedAt: l.updatedAt })) });
    });
    router.post('/lists/:listId/versions', async (req, res) => {
      const { listId } = paramsOf<{ listId: string }>(req);
      const name = queryOf<{ name?: string }>(req).name ?? listId;
      res.status(201).json(await publishListVersion(actorOf(req), listId, name, JSON.stringify(req.body), deps));
    });
    router.get('/screenings/:candidateId', async (req, res) => {
      const { candidateId } = paramsOf<{ candidateId: string }>(req);
      const screening = await deps.screenings.latestFor(candidateId);
      if (!screening) throw notFound('SCREENING.NOT_FOUND', 'This candidate has not been screened');
      await deps.access.record({ actor: actorOf(req), subjectId: candidateId, resource: 'screening/screening', purpose: 'review screening result', fields: ['hits'] });
      res.json(screening);
    });
  };
}
