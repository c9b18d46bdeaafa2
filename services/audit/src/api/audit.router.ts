import type { Router } from 'express';
import { actorOf, paramsOf, queryOf, type AccessRecorder } from '@vetting/platform';
import type { AuditEntryRepository } from '../data/audit-entry.repository';
import { verifyEntriesAsync, GENESIS_HASH } from '../domain/hash-chain';

export function createAuditRoutes(deps: { repository: AuditEntryRepository; access: AccessRecorder }) {
  return (router: Router) => {
    router.get('/chain/verify', async (req, res) => {
      const { from = 1, to } = queryOf<{ from?: number; to?: number }>(req);
      const start = from > 1 ? await deps.repository.get(from - 1) : undefined;
      res.json(await verifyEntriesAsync(deps.repository.range(from, to), { seq: from, prevHash: start?.hash ?? GENESIS_HASH }));
    });
    router.get('/trails/:subjectId', async (req, res) => {
      const { subjectId } = paramsOf<{ subjectId: string }>(req);
      const entries = await deps.repository.bySubject(subjectId);
      await deps.access.record({ actor: actorOf(req), subjectId, resource: 'audit/trail', purpose: 'audit clearance trail' });
      res.json({ subjectId, entries });
    });
  };
}
