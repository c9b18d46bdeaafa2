import countries from 'i18n-iso-countries';
import type { Consent, EmploymentDeclaration, Nomination, Person, SelfDeclaration } from './candidate';

/** A problem with one field of a nomination; `field` is a path inside the submission (`person/dateOfBirth`). */
export interface RuleProblem {
  field: string;
  reason: string;
}

export interface NominationInput {
  nomination: Nomination;
  person: Person;
  consent: Consent;
  selfDeclaration?: SelfDeclaration;
  employmentDeclaration?: EmploymentDeclaration;
}

/**
 * Spreadsheet formula injection (CWE-1236): a cell starting with one of these is run as a formula by
 * Excel, LibreOffice or Google Sheets when someone opens an export. Names, ranks and units never start
 * with them, so such a cell is refused rather than silently altered.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** A partial date (YYYY, YYYY-MM, YYYY-MM-DD) that exists in the calendar and is not in the future. */
export function partialDateProblem(value: string, now: Date): string | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return 'must be YYYY, YYYY-MM or YYYY-MM-DD';
  const [year, month, day] = [Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined];
  if (month !== undefined && (month < 1 || month > 12)) return 'has no such month';
  if (day !== undefined && month !== undefined) {
    const d = new Date(Date.UTC(year, month - 1, day));
    if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return 'is not a date in the calendar';
  }
  const earliest = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  if (earliest > now) return 'is in the future';
  if (year < now.getUTCFullYear() - 100) return 'is more than 100 years ago';
  return undefined;
}

const isCountry = (code: string) => /^[A-Z]{2}$/.test(code) && countries.isValid(code);

function formulaProblems(value: unknown, path: string, out: RuleProblem[]) {
  if (typeof value === 'string') {
    if (FORMULA_START.test(value))
      out.push({ field: path, reason: 'starts with =, +, -, @ or a control character (spreadsheet formula); remove it' });
  } else if (Array.isArray(value)) value.forEach((v, i) => formulaProblems(v, `${path}/${i}`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) formulaProblems(v, path ? `${path}/${k}` : k, out);
}

/**
 * The checks a JSON Schema cannot express: calendar dates, ISO 3166 countries, consent given and not
 * dated in the future, formula-like cells. Shared by single nominations, updates and bulk rows.
 */
export function nominationProblems(input: Partial<NominationInput>, now: Date): RuleProblem[] {
  const problems: RuleProblem[] = [];
  formulaProblems(input, '', problems);
  const p = input.person;
  if (p?.dateOfBirth) {
    const reason = partialDateProblem(p.dateOfBirth, now);
    if (reason) problems.push({ field: 'person/dateOfBirth', reason });
  }
  p?.nationalities?.forEach((c, i) => {
    if (!isCountry(c)) problems.push({ field: `person/nationalities/${i}`, reason: `${c} is not an ISO 3166-1 alpha-2 country code` });
  });
  p?.documents?.forEach((d, i) => {
    if (d.country && !isCountry(d.country))
      problems.push({ field: `person/documents/${i}/country`, reason: `${d.country} is not an ISO 3166-1 alpha-2 country code` });
  });
  p?.previousEmployers?.forEach((e, i) => {
    if (e.country && !isCountry(e.country))
      problems.push({ field: `person/previousEmployers/${i}/country`, reason: `${e.country} is not an ISO 3166-1 alpha-2 country code` });
    for (const end of ['from', 'to'] as const) {
      const reason = e[end] ? partialDateProblem(e[end], now) : undefined;
      if (reason) problems.push({ field: `person/previousEmployers/${i}/${end}`, reason });
    }
    const n = Math.min(e.from?.length ?? 0, e.to?.length ?? 0); // compare at the coarser precision: "2022" is not before "2022-05"
    if (e.from && e.to && e.to.slice(0, n) < e.from.slice(0, n))
      problems.push({ field: `person/previousEmployers/${i}/to`, reason: 'is before from' });
  });
  if (input.consent) {
    if (input.consent.given !== true)
      problems.push({ field: 'consent/given', reason: 'must be true: vetting needs the candidate’s consent' });
    if (new Date(input.consent.signedAt) > now) problems.push({ field: 'consent/signedAt', reason: 'is in the future' });
  }
  if (input.selfDeclaration && new Date(input.selfDeclaration.signedAt) > now)
    problems.push({ field: 'selfDeclaration/signedAt', reason: 'is in the future' });
  if (input.employmentDeclaration && new Date(input.employmentDeclaration.signedAt) > now)
    problems.push({ field: 'employmentDeclaration/signedAt', reason: 'is in the future' });
  return problems;
}

export { isCountry };
