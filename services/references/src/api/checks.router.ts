import type { Router } from 'express';
import { actorOf, notFound, paramsOf, recordListRead, type AccessRecorder } from '@vetting/platform';
import { checkSummary } from '../domain/check';
import type { CheckState } from '../domain/check';
import type { CheckType } from '../domain/check-policy';
import type { ReferencesContext } from '../references-context';
import { readRefereeAnswer } from '../use-cases/read-referee-answer.use-case';
import { retryCheck } from '../use-cases/retry-check.use-case';

/** Operator and adjudicator views of checks; every read of a person's checks is recorded. */
export function createChecksRoutes(ctx: ReferencesContext, access: AccessRecorder) {
  return (router: Router) => {
    router.get('/candidates/:candidateId/checks', async (req, res) => {
      const { candidateId } = paramsOf<{ candidateId: string }>(req);
      const set = await ctx.sets.latestFor(candidateId);
      if (!set) throw notFound('REFERENCES.NOT_FOUND', 'No checks for this candidate');
      const checks = await Promise.all(set.checks.map((c) => ctx.checks.load(c.checkId)));
      const completedAt = await ctx.sets.completedAt(set.id);
      await access.record({
        actor: actorOf(req),
        subjectId: candidateId,
        resource: 'references/checks',
        purpose: 'follow reference checks',
        fields: ['checks'],
      });
      res.json({
        id: set.id,
        candidateId: set.candidateId,
        country: set.country,
        candidateRevision: set.candidateRevision,
        policyVersion: set.policyVersion,
        completed: Boolean(completedAt),
        createdAt: set.createdAt,
        checks: set.checks.map((planned, i) => {
          const c = checks[i];
          return {
            checkId: planned.checkId,
            checkType: planned.checkType,
            state: c?.state ?? 'requested',
            result: c?.state === 'failed' ? 'failed' : (c?.result ?? 'pending'),
          };
        }),
      });
    });

    router.get('/checks', async (req, res) => {
      const query = req.validated?.query as { state?: CheckState; checkType?: CheckType; limit?: number };
      const checks = await ctx.checks.list(
        { ...(query.state ? { state: query.state } : {}), ...(query.checkType ? { checkType: query.checkType } : {}) },
        query.limit ?? 100,
      );
      const people = checks.map((c) => c.candidateId);
      await recordListRead(access, actorOf(req), people, {
        resource: 'references/checks',
        purpose: 'operate reference checks',
        fields: ['state', 'result'],
      });
      res.json({ items: checks.map(checkSummary) });
    });

    router.get('/checks/:checkId', async (req, res) => {
      const { checkId } = paramsOf<{ checkId: string }>(req);
      const check = await ctx.checks.load(checkId);
      if (!check) throw notFound('CHECK.NOT_FOUND', `No check ${checkId}`);
      await access.record({
        actor: actorOf(req),
        subjectId: check.candidateId,
        resource: 'references/check',
        purpose: 'operate reference checks',
        fields: ['state', 'result'],
      });
      res.json(checkSummary(check));
    });

    router.get('/checks/:checkId/answer', async (req, res) => {
      const { checkId } = paramsOf<{ checkId: string }>(req);
      res.json(await readRefereeAnswer(ctx, access, actorOf(req), checkId));
    });

    router.post('/checks/:checkId/retry', async (req, res) => {
      const { checkId } = paramsOf<{ checkId: string }>(req);
      const check = await retryCheck(ctx, checkId);
      res.status(202).json(checkSummary(check));
    });
  };
}
