import type { Category, CheckType, PolicyRules } from './vetting-policy';

/** One employment as the policy reads it: its dates, and whether it is the person's own national service. */
export interface EmploymentPeriod {
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  from?: string;
  /** Same; absent while the employment continues. */
  to?: string;
  /** The armed forces or police of the nominating country: its disciplinary record is the reference asked. */
  nationalService?: boolean;
}

/** What a nomination says about employment: the periods (no names, no contacts) and the candidate's declaration. */
export interface EmploymentSummary {
  periods: EmploymentPeriod[];
  /** The candidate signed that they had no employer in the look-back window other than those listed. */
  declaredNoOtherEmployer: boolean;
}

const DAY = 86_400_000;
/** A gap between jobs shorter than this is not a gap (a month between contracts). */
export const COVERAGE_TOLERANCE_DAYS = 31;

function parts(date: string): [number, number | undefined, number | undefined] {
  const [y, m, d] = date.split('-').map(Number);
  return [y!, m, d];
}

/** The first instant a partial date can mean ("2020-05" → 1 May 2020). */
export function startOf(date: string): Date {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1));
}

/** The last instant a partial date can mean ("2020-05" → 31 May 2020, end of day). */
export function endOf(date: string): Date {
  const [y, m, d] = parts(date);
  if (d !== undefined) return new Date(Date.UTC(y, m! - 1, d + 1) - 1);
  if (m !== undefined) return new Date(Date.UTC(y, m, 1) - 1);
  return new Date(Date.UTC(y + 1, 0, 1) - 1);
}

/** The start of the look-back window that ends at `at`. */
export function windowStart(rules: Pick<PolicyRules, 'employmentLookbackYears'>, at: Date): Date {
  const d = new Date(at);
  d.setUTCFullYear(d.getUTCFullYear() - rules.employmentLookbackYears);
  return d;
}

/** Did the employment overlap the look-back window (ongoing, or ended inside it)? An undated start counts as inside. */
export function inWindow(rules: Pick<PolicyRules, 'employmentLookbackYears'>, period: EmploymentPeriod, at: Date): boolean {
  if (period.to && endOf(period.to) < windowStart(rules, at)) return false;
  return !period.from || startOf(period.from) <= at;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Parts of the look-back window no listed employment covers, longer than the tolerance. Empty when
 * the history accounts for the whole window; a declaration of no other employer is what makes gaps
 * acceptable (time without an employer), not this function.
 */
export function coverageGaps(
  rules: Pick<PolicyRules, 'employmentLookbackYears'>,
  periods: EmploymentPeriod[],
  at: Date,
): { from: string; to: string }[] {
  const start = windowStart(rules, at).getTime();
  const end = at.getTime();
  const spans = periods
    .filter((p) => p.from)
    .map((p) => [Math.max(start, startOf(p.from!).getTime()), Math.min(end, p.to ? endOf(p.to).getTime() : end)] as const)
    .filter(([a, b]) => b >= a)
    .sort((x, y) => x[0] - y[0]);
  const gaps: { from: string; to: string }[] = [];
  const tolerance = COVERAGE_TOLERANCE_DAYS * DAY;
  let cursor = start;
  for (const [a, b] of spans) {
    if (a - cursor > tolerance) gaps.push({ from: day(new Date(cursor)), to: day(new Date(a)) });
    cursor = Math.max(cursor, b);
  }
  if (end - cursor > tolerance) gaps.push({ from: day(new Date(cursor)), to: day(new Date(end)) });
  return gaps;
}

/** The employments a misconduct disclosure is asked of: in the window, national service excepted. Indexes into `periods`. */
export function employersToAsk(rules: Pick<PolicyRules, 'employmentLookbackYears'>, periods: EmploymentPeriod[], at: Date): number[] {
  return periods.flatMap((p, i) => (!p.nationalService && inWindow(rules, p, at) ? [i] : []));
}

/** One check a nomination requires under a policy, how many results of it, and why. */
export interface Requirement {
  checkType: CheckType;
  count: number;
  why: string;
}

/**
 * The checks a nomination requires: each one the category lists, with `misconduct-disclosure` once
 * per employer of the window; and the disciplinary record when the person's own national service
 * falls in the window, whatever the category. `employment` undefined (a nomination from before
 * employment was recorded) requires what can be known; the caller treats the unknown as a finding.
 */
export function checkRequirements(
  rules: PolicyRules,
  category: Category,
  employment: EmploymentSummary | undefined,
  at: Date,
): Requirement[] {
  const listed = rules.requiredChecks[category] ?? [];
  const years = rules.employmentLookbackYears;
  const out: Requirement[] = [];
  for (const checkType of listed) {
    if (checkType !== 'misconduct-disclosure') {
      out.push({ checkType, count: 1, why: `the ${category} category requires it` });
      continue;
    }
    const employers = employment ? employersToAsk(rules, employment.periods, at).length : 0;
    if (employers)
      out.push({ checkType, count: employers, why: `one for each of the ${employers} employer(s) of the last ${years} years` });
  }
  const service = employment?.periods.some((p) => p.nationalService && inWindow(rules, p, at));
  if (service && !listed.includes('disciplinary-record'))
    out.push({
      checkType: 'disciplinary-record',
      count: 1,
      why: `the person's national service in the last ${years} years counts as an employer`,
    });
  return out;
}
