import type { EventDataByType } from '@vetting/contracts';
import type { EventEnvelope, EventHandler, PersonalSealer } from '@vetting/platform';
import type { InputChange } from '../domain/case-inputs';
import { recordInput, recordWithdrawal, type RecordDeps } from '../use-cases/record-input.use-case';

type Data<T extends keyof EventDataByType> = EventDataByType[T];
const data = <T extends keyof EventDataByType>(event: EventEnvelope) => event.data as unknown as Data<T>;

/** Each consumed event, reduced to the change it makes to a case's inputs. */
const toChange: Record<string, (e: EventEnvelope, sealer: PersonalSealer) => InputChange | undefined | Promise<InputChange>> = {
  'candidate.submitted': (e, sealer) => nomination(e, sealer),
  'candidate.updated': (e, sealer) => nomination(e, sealer),
  'screening.completed': (e) => {
    const d = data<'screening.completed'>(e);
    const hits = d.hits.map((h) => ({
      listId: h.listId,
      entryId: h.entryId,
      band: h.band,
      ...(h.entryStatus ? { entryStatus: h.entryStatus } : {}),
      ...(h.resolution ? { resolution: h.resolution } : {}),
    }));
    return {
      kind: 'screening',
      value: {
        screeningId: d.screeningId,
        revision: d.candidateRevision,
        outcome: d.outcome,
        listVersions: d.listVersions,
        hits,
        ...(d.trigger ? { trigger: d.trigger } : {}),
      },
    };
  },
  'screening.match-resolved': (e) => {
    const d = data<'screening.match-resolved'>(e);
    return {
      kind: 'match-resolved',
      value: {
        screeningId: d.screeningId,
        listId: d.listId,
        entryId: d.entryId,
        resolution: d.resolution,
        resolvedBy: d.resolvedBy,
        outcome: d.outcome,
      },
    };
  },
  'references.completed': (e) => {
    const d = data<'references.completed'>(e);
    const checks = d.checks.map(({ findings, ...c }) => ({ ...c, ...(findings?.length ? { findings } : {}) }));
    return { kind: 'references', value: { revision: d.candidateRevision, checks } };
  },
  // A held request the correction replaced by asking the same employer again changes nothing here; one whose employer it dropped is a finding.
  'reference.check-superseded': (e) => {
    const d = data<'reference.check-superseded'>(e);
    if (d.reason !== 'employer-not-in-correction') return undefined;
    return { kind: 'dropped-request', value: { checkId: d.checkId, revision: d.candidateRevision, byRevision: d.supersededByRevision } };
  },
  'reference.check-completed': (e) => {
    const d = data<'reference.check-completed'>(e);
    return {
      kind: 'check',
      value: { checkId: d.checkId, checkType: d.checkType, result: d.result, ...(d.findings?.length ? { findings: d.findings } : {}) },
    };
  },
};

/**
 * The nomination as clearance needs it: category, employment periods (no names), declared items; the
 * event's time ends its look-back window. Periods and declared items travel sealed with the person:
 * once the person is erased the nomination counts without them.
 */
async function nomination(e: EventEnvelope, sealer: PersonalSealer): Promise<InputChange> {
  const d = data<'candidate.submitted'>(e);
  const { mission, rotation, category } = d.nomination;
  const { personal } = await sealer.openOrErased<'candidate.submitted'>(e);
  const declared = personal?.declared;
  return {
    kind: 'nomination',
    value: {
      revision: d.revision,
      mission,
      rotation,
      category,
      submittedAt: e.time,
      ...(personal?.employment ? { employment: personal.employment } : {}),
      ...(declared?.length ? { declared } : {}),
    },
  };
}

/** The topics the clearance service listens to. */
export const CLEARANCE_TOPICS = ['vetting.candidates', 'vetting.screenings', 'vetting.references'];

/**
 * Intake (nomination, withdrawal), screening and reference results feed each candidate's case. Each
 * event applies once (its id is the revision's cause), so a redelivered event changes nothing.
 */
export function createDecideHandlers(deps: RecordDeps & { sealer: PersonalSealer }): Record<string, EventHandler> {
  const handlers: Record<string, EventHandler> = Object.fromEntries(
    Object.entries(toChange).map(([type, reduce]) => [
      type,
      async (event: EventEnvelope, ctx) => {
        const d = event.data as { candidateId: string; country: string };
        const change = await reduce(event, deps.sealer);
        if (!change) return;
        const result = await recordInput(d.candidateId, d.country, event.id, change, deps);
        ctx.logger.info({ candidateId: d.candidateId, outcome: result.outcome, status: result.status }, `${event.type} recorded`);
      },
    ]),
  );
  handlers['candidate.withdrawn'] = async (event, ctx) => {
    const d = data<'candidate.withdrawn'>(event);
    // The office's reason travels sealed; kept sealed again in the case (erased: none).
    const opened = await deps.sealer.openOrErased<'candidate.withdrawn'>(event);
    const result = await recordWithdrawal(d.candidateId, d.country, event.id, opened.personal?.reason ?? '', deps);
    ctx.logger.info({ candidateId: d.candidateId, outcome: result.outcome }, 'withdrawal recorded');
  };
  return handlers;
}
