/**
 * How much the employer directory and the one policy cost when reference sets are planned: a
 * directory of DIRECTORY employers, CANDIDATES nominations of three employments each (one employer in
 * the directory under another spelling, one unknown, national service). Pure planning (CPU), the
 * part every candidate revision pays; the database round trips are the references benchmark's.
 * Writes bench/results/reference-planning.{json,md}.  Sizes: BENCH_DIRECTORY, BENCH_CANDIDATES.
 */
import { BUILT_IN_RULES } from '@vetting/policy';
import { percentile, writeBenchReport } from '@vetting/platform/testing';
import { planChecks } from '../src/domain/check-plan';
import { indexEmployers, keysOf, type EmployerEntry } from '../src/domain/employer-directory';

const DIRECTORY = Number(process.env.BENCH_DIRECTORY ?? 5000);
const CANDIDATES = Number(process.env.BENCH_CANDIDATES ?? 10_000);
const year = new Date().getUTCFullYear();

const entries: EmployerEntry[] = Array.from({ length: DIRECTORY }, (_, i) => ({
  employerId: `emp-${i}`,
  name: `Relief Organisation Number ${i}`,
  aliases: [`RON-${i}`],
  domains: [`ron-${i}.example`],
  contacts: [{ email: `hr@ron-${i}.example` }],
  verification: 'bench',
  verifiedBy: 'bench',
  verifiedAt: '2026-01-01T00:00:00Z',
  status: 'active',
}));

const t0 = performance.now();
const index = indexEmployers(entries);
const indexMs = performance.now() - t0;
// What a re-read costs when no entry changed: the keys are kept by revision (data/employer-directory.repository.ts).
const keys = new Map(entries.map((e) => [e, keysOf(e)]));
const t1 = performance.now();
indexEmployers(entries, (e) => keys.get(e)!);
const reindexMs = performance.now() - t1;

const at = new Date();
const times: number[] = [];
let disclosures = 0;
let held = 0;
const started = performance.now();
for (let i = 0; i < CANDIDATES; i++) {
  const nominee = {
    candidateId: `c${i}`,
    country: 'GH',
    revision: 1,
    category: 'military-contingent' as const,
    person: {
      names: [{ full: `Candidate ${i}` }],
      previousEmployers: [
        {
          name: `relief organisation number ${i % DIRECTORY} ltd.`,
          role: 'Driver',
          contactEmail: `someone@mail${i}.example`,
          from: `${year - 6}-01`,
          to: `${year - 4}-12`,
        },
        { name: `Unknown Firm ${i}`, role: 'Guard', contactEmail: `boss@firm${i}.example`, from: `${year - 4}-12`, to: `${year - 3}-06` },
        { name: 'Ghana Armed Forces', role: 'Private', from: `${year - 3}-07`, nationalService: true },
      ],
    },
  };
  const s = performance.now();
  const plan = planChecks(BUILT_IN_RULES, nominee, at, index, (domain) => domain);
  times.push(performance.now() - s);
  disclosures += plan.filter((p) => p.checkType === 'misconduct-disclosure').length;
  held += plan.filter((p) => p.awaitingContact).length;
}
const totalMs = performance.now() - started;
times.sort((a, b) => a - b);
const perCandidate = totalMs / CANDIDATES;

writeBenchReport(
  'reference-planning',
  `Reference planning with a ${DIRECTORY}-employer directory`,
  [
    { metric: 'directory index built (first read)', value: indexMs, unit: 'ms' },
    { metric: 'directory index rebuilt (re-read, names unchanged)', value: reindexMs, unit: 'ms' },
    { metric: 'candidates planned', value: CANDIDATES, unit: '' },
    { metric: 'planning per candidate (mean)', value: perCandidate, unit: 'ms', target: '≤ 1 ms', met: perCandidate <= 1 },
    { metric: 'planning per candidate (p99)', value: percentile(times, 99), unit: 'ms' },
    { metric: 'disclosure requests planned', value: disclosures, unit: '' },
    { metric: 'held for a confirmed contact', value: held, unit: '' },
  ],
  { directory: DIRECTORY, candidates: CANDIDATES, totalMs },
  [
    'Every candidate lists one directory employer under another spelling (case, legal form) and one unknown employer: half the requests are held for a UN screening officer.',
  ],
);
console.log(JSON.stringify({ indexMs, reindexMs, perCandidate, p99: percentile(times, 99), disclosures, held }));
