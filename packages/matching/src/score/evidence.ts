/**
 * Supporting and contradicting evidence besides the name: date of birth, nationality, gender,
 * identity documents and service numbers. Each comparison returns a signed contribution and a
 * sentence for the screening officer. Positive contributions are scaled by the name score in
 * person-scorer.ts, so none of them can make a different name match.
 */
import type { Gender, IdentityDocument, PartialDate } from '../model';
import { normaliseDocumentNumber } from '../normalise/document-normaliser';

export type Feature = 'name' | 'dob' | 'nationality' | 'gender' | 'documents' | 'second-stage';

/**
 * One part of a feature's explanation as a message key and its values, so a console can say it in
 * the reader's language (`dob.agrees-exactly` with `{ query, listed }`); `detail` says it in English.
 */
export interface Reason {
  key: string;
  values?: Record<string, string | number>;
}

export interface FeatureContribution {
  feature: Feature;
  /** Signed change to the score (the name's is its own score). */
  contribution: number;
  /** Plain-English reason, e.g. "date of birth 1975-03-14 agrees with 1975". */
  detail: string;
  /** The same reason as message keys and values, in the order `detail` gives them. */
  reasons?: Reason[];
}

/** Contribution sizes; TSDoc defaults in the README table. */
export const EVIDENCE_WEIGHTS = {
  dobExact: 0.1,
  dobMonth: 0.07,
  dobYear: 0.05,
  dobSwapped: 0.04,
  dobOffByOneYear: -0.03,
  dobSameYearOtherDay: -0.04,
  dobDiffers: -0.12,
  dobFarApart: -0.2,
  nationalityAgrees: 0.03,
  nationalityDiffers: -0.05,
  genderAgrees: 0.01,
  genderDiffers: -0.15,
  documentShort: 0.08,
} as const;

export interface DateParts {
  y: number;
  m?: number;
  d?: number;
}

const parsedDates = new Map<string, DateParts | undefined>();

export function parseDate(date: PartialDate): DateParts | undefined {
  // list dates repeat across every query: parse each once
  if (parsedDates.has(date)) return parsedDates.get(date);
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date.trim());
  const parts = m ? { y: Number(m[1]), m: m[2] ? Number(m[2]) : undefined, d: m[3] ? Number(m[3]) : undefined } : undefined;
  if (parsedDates.size > 100_000) parsedDates.clear();
  parsedDates.set(date, parts);
  return parts;
}

export function compareOneDob(q: DateParts, e: DateParts): { value: number; how: string; key: string } {
  const W = EVIDENCE_WEIGHTS;
  const gap = Math.abs(q.y - e.y);
  if (gap >= 5) return { value: W.dobFarApart, how: 'is far from', key: 'far' };
  if (gap >= 2) return { value: W.dobDiffers, how: 'differs from', key: 'differs' };
  if (gap === 1) return { value: W.dobOffByOneYear, how: 'is one year off', key: 'one-year-off' };
  if (q.m === undefined || e.m === undefined) return { value: W.dobYear, how: 'agrees (year) with', key: 'agrees-year' };
  if (q.m === e.m && (q.d === undefined || e.d === undefined))
    return { value: W.dobMonth, how: 'agrees (month) with', key: 'agrees-month' };
  if (q.m === e.m && q.d === e.d) return { value: W.dobExact, how: 'agrees exactly with', key: 'agrees-exactly' };
  if (q.d !== undefined && q.d === e.m && q.m === e.d)
    return { value: W.dobSwapped, how: 'agrees, with day and month swapped, with', key: 'swapped' };
  return { value: W.dobSameYearOtherDay, how: 'has the same year but another day than', key: 'same-year-other-day' };
}

/** Best agreement over the listed dates of birth (lists often give several). */
export function compareDob(query: PartialDate | undefined, listed: PartialDate[]): FeatureContribution | undefined {
  const q = query ? parseDate(query) : undefined;
  if (!q || listed.length === 0) return undefined;
  let best: { value: number; how: string; key: string; date: string } | undefined;
  for (const date of listed) {
    const e = parseDate(date);
    if (!e) continue;
    const r = compareOneDob(q, e);
    if (!best || r.value > best.value) best = { ...r, date };
  }
  if (!best) return undefined;
  return {
    feature: 'dob',
    contribution: best.value,
    detail: `date of birth ${query} ${best.how} listed ${best.date}`,
    reasons: [{ key: `dob.${best.key}`, values: { query: query!, listed: best.date } }],
  };
}

export const foldCountry = (c: string) =>
  c
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toUpperCase();

export function compareNationality(query: string[] | undefined, listed: string[]): FeatureContribution | undefined {
  if (!query?.length || listed.length === 0) return undefined;
  const l = listed.map(foldCountry);
  const shared = query.find((c) => l.includes(foldCountry(c)));
  if (shared)
    return {
      feature: 'nationality',
      contribution: EVIDENCE_WEIGHTS.nationalityAgrees,
      detail: `nationality ${shared} agrees with the list`,
      reasons: [{ key: 'nationality.agrees', values: { country: shared } }],
    };
  return {
    feature: 'nationality',
    contribution: EVIDENCE_WEIGHTS.nationalityDiffers,
    detail: `nationality ${query.join('/')} differs from listed ${listed.join('/')}`,
    reasons: [{ key: 'nationality.differs', values: { query: query.join('/'), listed: listed.join('/') } }],
  };
}

export function compareGender(query: Gender | undefined, listed: Gender | undefined): FeatureContribution | undefined {
  if (!query || !listed) return undefined;
  return query === listed
    ? {
        feature: 'gender',
        contribution: EVIDENCE_WEIGHTS.genderAgrees,
        detail: `gender ${query} agrees`,
        reasons: [{ key: 'gender.agrees', values: { query } }],
      }
    : {
        feature: 'gender',
        contribution: EVIDENCE_WEIGHTS.genderDiffers,
        detail: `gender ${query} differs from listed ${listed}`,
        reasons: [{ key: 'gender.differs', values: { query, listed } }],
      };
}

export interface DocumentEvidence extends FeatureContribution {
  /** An identical number long enough to identify someone: the hit is a `match`. */
  decisive: boolean;
}

/** Numbers shorter than this can collide by chance: supporting evidence only. */
const DECISIVE_LENGTH = 5;

export function compareDocuments(
  query: { documents?: IdentityDocument[]; serviceNumbers?: string[] },
  listed: { documents: IdentityDocument[]; serviceNumbers: string[] },
): DocumentEvidence | undefined {
  const checks: { label: string; kind: string; q: string; e: string; qc?: string; ec?: string }[] = [];
  for (const qd of query.documents ?? []) {
    for (const ld of listed.documents)
      checks.push({
        label: qd.type ?? ld.type ?? 'document',
        kind: qd.type ?? ld.type ?? 'document',
        q: qd.number,
        e: ld.number,
        qc: qd.country,
        ec: ld.country,
      });
  }
  for (const qs of query.serviceNumbers ?? [])
    for (const ls of listed.serviceNumbers) checks.push({ label: 'service number', kind: 'service-number', q: qs, e: ls });
  for (const c of checks) {
    const qn = normaliseDocumentNumber(c.q);
    if (!qn || qn !== normaliseDocumentNumber(c.e)) continue;
    // The same number from two different issuing countries is a coincidence, not an identity.
    if (c.qc && c.ec && foldCountry(c.qc) !== foldCountry(c.ec)) continue;
    const decisive = qn.length >= DECISIVE_LENGTH;
    return {
      feature: 'documents',
      contribution: decisive ? 1 : EVIDENCE_WEIGHTS.documentShort,
      detail: `${c.label} ${c.q} identical${decisive ? '' : ' (short number: supporting only)'}`,
      reasons: [{ key: decisive ? 'documents.identical' : 'documents.identical-short', values: { kind: c.kind, number: c.q } }],
      decisive,
    };
  }
  return undefined;
}
