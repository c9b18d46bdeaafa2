import type { AuditEntry } from './hash-chain';

/**
 * Figures in the style of the Misconduct Disclosure Scheme's annual report (checks requested,
 * answered, misconduct disclosed, refusals for adverse and for absent information) and the UN's
 * quarterly screening figures (people screened, possible and confirmed matches).
 */
export interface Figures {
  nominations: number;
  withdrawals: number;
  screenings: number;
  possibleMatches: number;
  strongMatches: number;
  confirmedMatches: number;
  falsePositives: number;
  checksRequested: number;
  checksAnswered: number;
  checksAdverse: number;
  checksUnanswered: number;
  checksFailed: number;
  decisionsCleared: number;
  decisionsNotCleared: number;
  decisionsPendingReview: number;
  refusalsBanListMatch: number;
  refusalsAdverseInformation: number;
  refusalsAbsentInformation: number;
  refusalsOther: number;
  revocations: number;
  expiries: number;
}

export type Granularity = 'month' | 'quarter' | 'year';

/** The event types the figures are computed from. */
export const STATISTICS_TYPES = [
  'candidate.submitted',
  'candidate.withdrawn',
  'screening.completed',
  'screening.match-resolved',
  'reference.check-requested',
  'reference.check-completed',
  'reference.check-failed',
  'clearance.decided',
  'clearance.revoked',
  'clearance.expired',
];

export const emptyFigures = (): Figures => ({
  nominations: 0,
  withdrawals: 0,
  screenings: 0,
  possibleMatches: 0,
  strongMatches: 0,
  confirmedMatches: 0,
  falsePositives: 0,
  checksRequested: 0,
  checksAnswered: 0,
  checksAdverse: 0,
  checksUnanswered: 0,
  checksFailed: 0,
  decisionsCleared: 0,
  decisionsNotCleared: 0,
  decisionsPendingReview: 0,
  refusalsBanListMatch: 0,
  refusalsAdverseInformation: 0,
  refusalsAbsentInformation: 0,
  refusalsOther: 0,
  revocations: 0,
  expiries: 0,
});

export function periodOf(time: string, by: Granularity): string {
  const d = new Date(time);
  const year = d.getUTCFullYear();
  if (by === 'year') return String(year);
  if (by === 'quarter') return `${year}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
  return `${year}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

type Data = Record<string, unknown>;

/** Why a refusal was made, from the inputs the decision recorded: a ban-list match outranks adverse information, which outranks silence. */
function refusalCause(inputs: Data | undefined): keyof Figures {
  const screening = (inputs?.screening ?? {}) as Data;
  const results = ((inputs?.references ?? []) as Data[]).map((r) => r.result);
  if (screening.outcome === 'match') return 'refusalsBanListMatch';
  if (results.includes('adverse')) return 'refusalsAdverseInformation';
  if (results.includes('no-response') || results.includes('failed')) return 'refusalsAbsentInformation';
  return 'refusalsOther';
}

/** Adds one entry to the figures it counts towards. */
export function count(figures: Figures, entry: AuditEntry): void {
  const d = entry.data;
  switch (entry.type) {
    case 'candidate.submitted':
      figures.nominations++;
      break;
    case 'candidate.withdrawn':
      figures.withdrawals++;
      break;
    case 'screening.completed':
      figures.screenings++;
      if (d.outcome === 'possible-match') figures.possibleMatches++;
      if (d.outcome === 'match') figures.strongMatches++;
      break;
    case 'screening.match-resolved':
      if (d.resolution === 'confirmed') figures.confirmedMatches++;
      else figures.falsePositives++;
      break;
    case 'reference.check-requested':
      figures.checksRequested++;
      break;
    case 'reference.check-completed':
      if (d.result === 'no-adverse' || d.result === 'adverse') figures.checksAnswered++;
      if (d.result === 'adverse') figures.checksAdverse++;
      if (d.result === 'no-response') figures.checksUnanswered++;
      if (d.result === 'failed') figures.checksFailed++;
      break;
    case 'reference.check-failed':
      figures.checksFailed++;
      break;
    case 'clearance.decided':
      if (d.outcome === 'cleared') figures.decisionsCleared++;
      else if (d.outcome === 'pending-review') figures.decisionsPendingReview++;
      else {
        figures.decisionsNotCleared++;
        figures[refusalCause(d.inputs as Data | undefined)]++;
      }
      break;
    case 'clearance.revoked':
      figures.revocations++;
      break;
    case 'clearance.expired':
      figures.expiries++;
      break;
  }
}

export interface StatisticsQuery {
  from?: string;
  to?: string;
  country?: string;
  by: Granularity;
}

export interface Statistics {
  query: StatisticsQuery;
  groups: { period: string; country: string; figures: Figures }[];
  totals: Figures;
}

/**
 * Groups entries by period (of event time; `to` exclusive) and country (the candidate's, else the
 * event's tenant). `subjects`, when given, keeps only those candidates' entries (a mission's).
 */
export function createStatisticsAccumulator(query: StatisticsQuery, subjects?: ReadonlySet<string>) {
  const from = query.from ? Date.parse(query.from) : -Infinity;
  const to = query.to ? Date.parse(query.to) : Infinity;
  const groups = new Map<string, { period: string; country: string; figures: Figures }>();
  const totals = emptyFigures();
  return {
    add(entry: AuditEntry) {
      const at = Date.parse(entry.time);
      const country = typeof entry.data.country === 'string' ? entry.data.country : (entry.tenant ?? 'unknown');
      if (at < from || at >= to || (query.country && country !== query.country) || (subjects && !subjects.has(entry.subject))) return;
      const period = periodOf(entry.time, query.by);
      const key = `${period}|${country}`;
      const group = groups.get(key) ?? { period, country, figures: emptyFigures() };
      groups.set(key, group);
      count(group.figures, entry);
      count(totals, entry);
    },
    result(): Statistics {
      const sorted = [...groups.values()].sort((a, b) => a.period.localeCompare(b.period) || a.country.localeCompare(b.country));
      return { query, groups: sorted, totals };
    },
  };
}

export function computeStatistics(entries: Iterable<AuditEntry>, query: StatisticsQuery): Statistics {
  const accumulator = createStatisticsAccumulator(query);
  for (const entry of entries) accumulator.add(entry);
  return accumulator.result();
}
