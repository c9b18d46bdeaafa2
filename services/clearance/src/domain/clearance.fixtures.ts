import type { CaseInputs, CheckInput, HitInput, ScreeningOutcome } from './case-inputs';
import { emptyCase, type ClearanceCase } from './clearance-case';
import { DEFAULT_POLICY, type ClearancePolicy } from './clearance-policy';

/** Test data builders for the clearance domain (used by the unit tests only). */
export const at = new Date('2026-03-01T10:00:00.000Z');

export const policy = (over: Partial<ClearancePolicy> = {}): ClearancePolicy => ({ ...DEFAULT_POLICY, ...over });

export function inputs(opts: { outcome?: ScreeningOutcome; hits?: HitInput[]; checks?: CheckInput[]; revision?: number; screeningId?: string } = {}): CaseInputs {
  const revision = opts.revision ?? 1;
  return {
    nomination: { revision, mission: 'MINUSCA', rotation: 'R1', category: 'military-contingent' },
    screening: { screeningId: opts.screeningId ?? `s-${revision}`, revision, outcome: opts.outcome ?? 'clear', listVersions: [{ listId: 'un-sea', version: 3, contentHash: 'h3' }], hits: opts.hits ?? [] },
    references: { revision: 1, checks: opts.checks ?? [] },
    candidateResponses: [],
  };
}

export const caseWith = (i: CaseInputs, over: Partial<ClearanceCase> = {}): ClearanceCase => ({ ...emptyCase('c1', 'GH'), inputs: i, inputsVersion: 3, ...over });

export const possibleHit = (entryId = 'e1', resolution?: HitInput['resolution']): HitInput => ({ listId: 'un-sea', entryId, band: 'possible-match', ...(resolution ? { resolution } : {}) });

let n = 0;
export const seqId = () => `id-${++n}`;
