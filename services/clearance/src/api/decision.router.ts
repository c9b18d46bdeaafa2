import type { Router } from 'express';
import { actorOf, notFound, paramsOf, type AccessRecorder } from '@vetting/platform';
import type { ClearanceCaseRepository } from '../data/clearance-case.repository';

export function createDecisionRoutes(deps: { repository: ClearanceCaseRepository; access: AccessRecorder }) {
  return (router: Router) => {
    router.get('/cases/:candidateId', async (req, res) => {
      const { candidateId } = paramsOf<{ candidateId: string }>(req);
      const found = await deps.repository.find(candidateId);
      if (!found) throw notFound('CLEARANCE.NOT_FOUND', 'No clearance case for this candidate');
      await deps.access.record({ actor: actorOf(req), subjectId: candidateId, resource: 'clearance/case', purpose: 'review clearance decision', fields: ['decisions'] });
      res.json({ candidateId: found.candidateId, country: found.country, decisions: found.decisions, current: found.decisions.at(-1) ?? null });
    });
  };
}
