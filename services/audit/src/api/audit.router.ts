import type { Request, Response, Router } from 'express';
import { actorOf, badRequest, paramsOf, queryOf, recordListRead, type AccessRecorder, type PersonalSealer } from '@vetting/platform';
import type { AuditBundle } from '@vetting/signing';
import { bundleFileText } from '../domain/bundle';
import { bundleCsv, bundleHtml } from '../domain/report-format';
import type { Granularity } from '../domain/statistics';
import type { AuditEntryRepository } from '../data/audit-entry.repository';
import { computePeopleStatistics } from '../use-cases/compute-people-statistics.use-case';
import { computeStatisticsFromChain } from '../use-cases/compute-statistics.use-case';
import { exportBundle, type ExportDeps, type ExportScope } from '../use-cases/export-bundle.use-case';
import { readTrail } from '../use-cases/read-trail.use-case';
import { verifyChain, type VerifyChainDeps } from '../use-cases/verify-chain.use-case';

export interface AuditRoutesDeps {
  repository: AuditEntryRepository;
  access: AccessRecorder;
  verify: VerifyChainDeps;
  exports: ExportDeps;
  /** Opens the written reasons sealed in entries (when this service has a person-key source). */
  sealer?: PersonalSealer;
}

type ScopeQuery = { candidateId?: string; rotation?: string; mission?: string; from?: string; to?: string; format?: 'csv' | 'html' };

/** Exactly one scope: a candidate, a rotation (optionally of one mission), or a period from..to. */
function scopeOf(q: ScopeQuery): ExportScope {
  const given = [q.candidateId && 'candidateId', q.rotation && 'rotation', (q.from || q.to) && 'from/to'].filter(Boolean);
  if (given.length !== 1)
    throw badRequest('AUDIT.SCOPE', 'Give exactly one of candidateId, rotation, or from and to', [
      { field: 'query/candidateId', reason: `one scope is required, got ${given.length ? given.join(' and ') : 'none'}` },
    ]);
  if (q.candidateId) return { candidateId: q.candidateId };
  if (q.rotation) return { rotation: q.rotation, ...(q.mission ? { mission: q.mission } : {}) };
  if (!q.from || !q.to)
    throw badRequest('AUDIT.SCOPE', 'A period needs both from and to', [
      { field: q.from ? 'query/to' : 'query/from', reason: 'required with the other end of the period' },
    ]);
  if (Date.parse(q.from) >= Date.parse(q.to))
    throw badRequest('AUDIT.SCOPE', 'from must be before to', [{ field: 'query/to', reason: 'must be after from' }]);
  return { from: q.from, to: q.to };
}

/** The people an export shows, recorded as a read of their (pseudonymous) audit data. */
async function recordExport(req: Request, access: AccessRecorder, bundle: AuditBundle, resource: string) {
  const actor = actorOf(req);
  const purpose = 'audit export';
  if (bundle.scope.kind === 'candidate') return access.record({ actor, subjectId: bundle.scope.candidateId!, resource, purpose });
  const subjects = bundle.entries.flatMap((e) => ('elided' in e ? [] : [String(e.subject)]));
  await recordListRead(access, actor, subjects, { resource, purpose });
}

const attachment = (res: Response, name: string, type: string) =>
  res.type(type).setHeader('content-disposition', `attachment; filename="${name}"`);

export function createAuditRoutes(deps: AuditRoutesDeps) {
  return (router: Router) => {
    router.get('/chain/verify', async (req, res) => {
      const { from, to } = queryOf<{ from?: number; to?: number }>(req);
      if (from !== undefined && to !== undefined && to < from)
        throw badRequest('AUDIT.RANGE', 'to must not be before from', [{ field: 'query/to', reason: 'must be ≥ from' }]);
      res.json(await verifyChain(deps.verify, { from, to }));
    });

    router.get('/trails/:subjectId', async (req, res) => {
      const { subjectId } = paramsOf<{ subjectId: string }>(req);
      // Recorded first: the trail may open the person's sealed reasons.
      await deps.access.record({ actor: actorOf(req), subjectId, resource: 'audit/trail', purpose: 'audit clearance trail' });
      const trail = await readTrail(deps.repository, subjectId, deps.sealer);
      res.json(trail);
    });

    router.get('/exports/bundle', async (req, res) => {
      const { bundle } = await exportBundle(deps.exports, scopeOf(queryOf<ScopeQuery>(req)));
      await recordExport(req, deps.access, bundle, 'audit/export-bundle');
      attachment(res, `audit-bundle-${bundle.segment.fromSeq}-${bundle.segment.toSeq}.json`, 'application/json').send(
        bundleFileText(bundle),
      );
    });

    router.get('/exports/report', async (req, res) => {
      const query = queryOf<ScopeQuery>(req);
      const { bundle, verification } = await exportBundle(deps.exports, scopeOf(query));
      await recordExport(req, deps.access, bundle, 'audit/export-report');
      const name = `audit-report-${bundle.segment.fromSeq}-${bundle.segment.toSeq}`;
      if (query.format === 'html') attachment(res, `${name}.html`, 'text/html').send(bundleHtml(bundle, verification));
      else attachment(res, `${name}.csv`, 'text/csv').send(bundleCsv(bundle));
    });

    router.get('/statistics', async (req, res) => {
      const q = queryOf<{ from?: string; to?: string; country?: string; by?: Granularity }>(req);
      res.json(await computeStatisticsFromChain(deps.repository, { ...q, by: q.by ?? 'quarter' }, actorOf(req)));
    });

    router.get('/statistics/people', async (req, res) => {
      const q = queryOf<{ from?: string; to?: string; country?: string; mission?: string; category?: string; by?: Granularity }>(req);
      res.json(await computePeopleStatistics(actorOf(req), deps.repository, { ...q, by: q.by ?? 'quarter' }));
    });
  };
}
