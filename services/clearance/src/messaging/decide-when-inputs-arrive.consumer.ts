import type { EventDataByType } from '@vetting/contracts';
import type { EventHandler } from '@vetting/platform';
import { recordInput, type RecordDeps } from '../use-cases/record-input.use-case';

/** Screening and reference results feed each candidate's clearance case. */
export function createDecideHandlers(deps: RecordDeps): Record<string, EventHandler> {
  return {
    'screening.completed': async (event, ctx) => {
      const d = event.data as unknown as EventDataByType['screening.completed'];
      const input = { kind: 'screening' as const, value: { screeningId: d.screeningId, revision: d.candidateRevision, outcome: d.outcome, listVersions: d.listVersions } };
      const result = await recordInput(d.candidateId, d.country, event.id, input, deps);
      ctx.logger.info({ candidateId: d.candidateId, outcome: result.outcome, decision: result.decision?.outcome }, 'screening result recorded');
    },
    'references.completed': async (event, ctx) => {
      const d = event.data as unknown as EventDataByType['references.completed'];
      const input = { kind: 'references' as const, value: { revision: d.candidateRevision, checks: d.checks } };
      const result = await recordInput(d.candidateId, d.country, event.id, input, deps);
      ctx.logger.info({ candidateId: d.candidateId, outcome: result.outcome, decision: result.decision?.outcome }, 'references result recorded');
    },
  };
}
