import type { EmploymentSummary } from '@vetting/policy';
import type { CaseInputs, CheckInput, DeclaredItem, HitInput, Notice, ScreeningOutcome } from '../domain/case-inputs';
import { emptyCase, type ClearanceCase } from '../domain/clearance-case';
import { BUILT_IN_POLICY, type ClearancePolicy } from '../domain/clearance-policy';

/** Test data builders for the clearance domain (used by the unit tests only). */
export const at = new Date('2026-03-01T10:00:00.000Z');

export const policy = (over: Partial<ClearancePolicy> = {}): ClearancePolicy => ({ ...BUILT_IN_POLICY, version: 1, ...over });

/** The record checks the built-in policy requires of a soldier whose only employer is their national service, all clean. */
export const cleanRecordChecks: CheckInput[] = [
  { checkId: 'k-ncr', checkType: 'national-criminal-record', result: 'no-adverse' },
  { checkId: 'k-dr', checkType: 'disciplinary-record', result: 'no-adverse' },
  { checkId: 'k-un', checkType: 'un-records', result: 'no-adverse' },
];

/** A soldier in national service since 2012 who declared no other employer. */
export const serviceOnly = { periods: [{ from: '2012', nationalService: true }], declaredNoOtherEmployer: true };

/**
 * A military-contingent case: screening clear, the clean record checks plus `checks`, employment
 * `employment` (default: national service only). `onlyChecks` replaces the record checks.
 */
export function inputs(
  opts: {
    outcome?: ScreeningOutcome;
    hits?: HitInput[];
    checks?: CheckInput[];
    onlyChecks?: CheckInput[];
    revision?: number;
    screeningId?: string;
    employment?: EmploymentSummary | null;
    declared?: DeclaredItem[];
  } = {},
): CaseInputs {
  const revision = opts.revision ?? 1;
  const employment = opts.employment === null ? undefined : (opts.employment ?? serviceOnly);
  return {
    nomination: {
      revision,
      mission: 'MINUSCA',
      rotation: 'R1',
      category: 'military-contingent',
      submittedAt: '2026-02-20T09:00:00.000Z',
      ...(employment ? { employment } : {}),
      ...(opts.declared ? { declared: opts.declared } : {}),
    },
    screening: {
      screeningId: opts.screeningId ?? `s-${revision}`,
      revision,
      outcome: opts.outcome ?? 'clear',
      listVersions: [{ listId: 'un-sea', version: 3, contentHash: 'h3' }],
      hits: opts.hits ?? [],
    },
    references: { revision: 1, checks: opts.onlyChecks ?? [...cleanRecordChecks, ...(opts.checks ?? [])] },
    candidateResponses: [],
    notices: [],
  };
}

export const caseWith = (i: CaseInputs, over: Partial<ClearanceCase> = {}): ClearanceCase => ({
  ...emptyCase('c1', 'GH'),
  inputs: i,
  inputsVersion: 3,
  ...over,
});

export const possibleHit = (entryId = 'e1', resolution?: HitInput['resolution'], entryStatus?: HitInput['entryStatus']): HitInput => ({
  listId: 'un-sea',
  entryId,
  band: 'possible-match',
  ...(entryStatus ? { entryStatus } : {}),
  ...(resolution ? { resolution } : {}),
});

/** A notice of `findings` sent at `sentAt`, to be answered within 14 days. */
export const notice = (findings: string[], sentAt = at, noticeId = 'n1'): Notice => ({
  noticeId,
  sentAt: sentAt.toISOString(),
  respondBy: new Date(sentAt.getTime() + 14 * 86_400_000).toISOString(),
  channel: 'via-tcc-office',
  findings,
  sealedText: 'sealed',
  recordedBy: 'officer-a',
  recordedAt: sentAt.toISOString(),
});

let n = 0;
export const seqId = () => `id-${++n}`;
