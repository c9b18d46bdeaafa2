import type { Router } from 'express';
import { actorOf, idempotencyKey, notFound, paramsOf, queryOf } from '@vetting/platform';
import type { RescreenRepository } from '../data/rescreen.repository';
import { readReview, reviewQueue, type ReviewDeps } from '../use-cases/read-review.use-case';
import { countersignScreeningHit, resolveScreeningHit, type ResolveDeps } from '../use-cases/resolve-hit.use-case';

export interface ReviewRouteDeps extends ReviewDeps, ResolveDeps {
  rescreens: RescreenRepository;
}

/** Screening results, the review queue and re-screening progress: UN roles only (see x-roles); TCC offices never see hits. */
export function createReviewRoutes(deps: ReviewRouteDeps) {
  return (router: Router) => {
    router.get('/screenings/:candidateId', async (req, res) => {
      const { candidateId } = paramsOf<{ candidateId: string }>(req);
      const subject = (await deps.subjects.load(candidateId))?.state;
      const screening = subject && (await deps.screenings.byId(subject.screeningId));
      if (!subject || !screening) throw notFound('SCREENING.NOT_FOUND', 'This candidate has not been screened');
      await deps.access.record({
        actor: actorOf(req),
        subjectId: candidateId,
        resource: 'screening/screening',
        purpose: 'review screening result',
        fields: ['hits'],
      });
      const { person: _p, fingerprint: _f, erased: _e, ...rest } = screening;
      const decided = new Map(subject.hits.map((h) => [`${h.listId}\u0000${h.entryId}`, h.resolution]));
      res.json({
        ...rest,
        outcome: subject.outcome,
        hits: rest.hits.map((h) => ({ ...h, resolution: decided.get(`${h.listId}\u0000${h.entryId}`) ?? h.resolution })),
      });
    });
    router.get('/review-queue', async (req, res) => {
      const {
        limit = 50,
        offset = 0,
        ...filter
      } = queryOf<{ limit?: number; offset?: number; country?: string; mission?: string; pendingBefore?: string }>(req);
      res.json(await reviewQueue(filter, limit, offset, deps));
    });
    router.get('/reviews/:screeningId', async (req, res) => {
      res.json(await readReview(actorOf(req), paramsOf<{ screeningId: string }>(req).screeningId, deps));
    });
    router.post('/reviews/:screeningId/hits/:listId/:entryId/resolution', async (req, res) => {
      const params = paramsOf<{ screeningId: string; listId: string; entryId: string }>(req);
      const body = req.body as { resolution: 'false-positive' | 'confirmed'; reason: string };
      const result = await resolveScreeningHit(actorOf(req), { ...params, ...body }, deps, idempotencyKey(req));
      res.status(result.status === 'awaiting-countersignature' ? 202 : 200).json(result);
    });
    router.post('/reviews/:screeningId/hits/:listId/:entryId/resolution/countersignature', async (req, res) => {
      const params = paramsOf<{ screeningId: string; listId: string; entryId: string }>(req);
      const body = req.body as { proposalId: string; approve: boolean; reason: string };
      res.json(await countersignScreeningHit(actorOf(req), { ...params, ...body }, deps));
    });
    router.get('/rescreens/:listId/:version', async (req, res) => {
      const { listId, version } = paramsOf<{ listId: string; version: string }>(req);
      const job = await deps.rescreens.get(listId, Number(version));
      if (!job) throw notFound('RESCREEN.NOT_FOUND', `No re-screening for ${listId} version ${version}`);
      const { deltaIds: _d, cursor: _c, ...progress } = job;
      res.json(progress);
    });
  };
}
