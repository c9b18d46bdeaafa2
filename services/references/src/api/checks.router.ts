import type { Router } from 'express';
import { actorOf, notFound, paramsOf, type AccessRecorder } from '@vetting/platform';
import type { ReferenceSetRepository } from '../data/reference-set.repository';

export function createChecksRoutes(deps: { repository: ReferenceSetRepository; access: AccessRecorder }) {
  return (router: Router) => {
    router.get('/candidates/:candidateId/checks', async (req, res) => {
      const { candidateId } = paramsOf<{ candidateId: string }>(req);
      const set = await deps.repository.latestFor(candidateId);
      if (!set) throw notFound('REFERENCES.NOT_FOUND', 'No checks for this candidate');
      await deps.access.record({ actor: actorOf(req), subjectId: candidateId, resource: 'references/checks', purpose: 'follow reference checks', fields: ['checks'] });
      res.json(set);
    });
  };
}
