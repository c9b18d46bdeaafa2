import type { Category } from './clearance-policy';

export type ScreeningOutcome = 'clear' | 'possible-match' | 'match';
export type CheckResult = 'not-required' | 'no-adverse' | 'adverse' | 'no-response' | 'failed';
export type HitResolution = 'unresolved' | 'false-positive' | 'confirmed';

export interface NominationInput {
  revision: number;
  mission: string;
  rotation: string;
  category: Category;
}

/** A ban-list hit by reference only: which entry, how strong, how a screening officer resolved it. */
export interface HitInput {
  listId: string;
  entryId: string;
  band: 'match' | 'possible-match' | 'weak';
  resolution?: HitResolution;
  resolvedBy?: string;
}

export interface ScreeningInput {
  screeningId: string;
  revision: number;
  outcome: ScreeningOutcome;
  listVersions: { listId: string; version: number; contentHash: string }[];
  trigger?: 'submitted' | 'updated' | 'rescreen';
  hits?: HitInput[];
}

export interface CheckInput {
  checkId?: string;
  checkType: string;
  result: CheckResult;
}

export interface ReferencesInput {
  revision: number;
  checks: CheckInput[];
}

/** What the candidate said about adverse information, recorded by an adjudicator. */
export interface CandidateResponse {
  responseId: string;
  summary: string;
  declined: boolean;
  receivedAt: string;
  recordedBy: string;
}

/** Everything a decision rests on. Stored on each decision so it can be replayed. */
export interface CaseInputs {
  nomination?: NominationInput;
  screening?: ScreeningInput;
  references?: ReferencesInput;
  candidateResponses: CandidateResponse[];
}

/** A change from another service, reduced to what the case needs. */
export type InputChange =
  | { kind: 'nomination'; value: NominationInput }
  | { kind: 'screening'; value: ScreeningInput }
  | { kind: 'match-resolved'; value: { screeningId: string; listId: string; entryId: string; resolution: 'false-positive' | 'confirmed'; resolvedBy: string; outcome: ScreeningOutcome } }
  | { kind: 'references'; value: ReferencesInput }
  | { kind: 'check'; value: CheckInput & { checkId: string } }
  | { kind: 'candidate-response'; value: CandidateResponse };

const sameHit = (a: { listId: string; entryId: string }, b: { listId: string; entryId: string }) => a.listId === b.listId && a.entryId === b.entryId;

/**
 * Folds one change into the inputs; undefined when it changes nothing or is stale (an older
 * revision than the one held, a resolution of a superseded screening, a check before its set).
 */
export function applyInputChange(inputs: CaseInputs, change: InputChange): CaseInputs | undefined {
  switch (change.kind) {
    case 'nomination':
      if (inputs.nomination && inputs.nomination.revision >= change.value.revision) return undefined;
      return { ...inputs, nomination: change.value };
    case 'screening':
      if (inputs.screening && inputs.screening.revision > change.value.revision) return undefined;
      if (inputs.screening?.screeningId === change.value.screeningId) return undefined;
      return { ...inputs, screening: change.value };
    case 'match-resolved': {
      const s = inputs.screening;
      const r = change.value;
      if (!s || s.screeningId !== r.screeningId) return undefined;
      const hits = s.hits ?? [];
      const existing = hits.find((h) => sameHit(h, r));
      if (existing?.resolution === r.resolution && s.outcome === r.outcome) return undefined;
      const resolved: HitInput = { listId: r.listId, entryId: r.entryId, band: existing?.band ?? 'possible-match', resolution: r.resolution, resolvedBy: r.resolvedBy };
      const next = existing ? hits.map((h) => (sameHit(h, r) ? resolved : h)) : [...hits, resolved];
      return { ...inputs, screening: { ...s, outcome: r.outcome, hits: next } };
    }
    case 'references':
      if (inputs.references && inputs.references.revision > change.value.revision) return undefined;
      if (inputs.references && JSON.stringify(inputs.references) === JSON.stringify(change.value)) return undefined;
      return { ...inputs, references: change.value };
    case 'check': {
      // A single check result only matters once the set exists; before that references.completed carries it.
      const refs = inputs.references;
      const c = change.value;
      if (!refs) return undefined;
      const held = refs.checks.find((x) => x.checkId === c.checkId);
      if (held && held.result === c.result) return undefined;
      const checks = held ? refs.checks.map((x) => (x.checkId === c.checkId ? c : x)) : [...refs.checks, c];
      return { ...inputs, references: { ...refs, checks } };
    }
    case 'candidate-response':
      if (inputs.candidateResponses.some((r) => r.responseId === change.value.responseId)) return undefined;
      return { ...inputs, candidateResponses: [...inputs.candidateResponses, change.value] };
  }
}

/**
 * A decision needs the nomination (its category says which checks count), the screening of the
 * newest revision, and the reference set. References are opened once per candidate, so a set of an
 * earlier revision still counts after an update of the person's data.
 */
export function isDecidable(inputs: CaseInputs): boolean {
  const { nomination, screening, references } = inputs;
  if (!nomination || !screening || !references) return false;
  return screening.revision >= nomination.revision && references.revision <= screening.revision;
}
