import type { AuditEntry } from './hash-chain';
import { periodOf, type Granularity } from './statistics';

/**
 * Figures about people, not events: each nomination is one person vetted for one deployment, counted
 * once in the period of their nomination with the state they are in now (their latest decision),
 * however many events their case produced. The UN's quarterly screening figures and the scheme's
 * reporting count this way ("N people screened, M cleared").
 */
export interface PeopleFigures {
  /** Nominated in the period. */
  people: number;
  /** Screened against the ban lists at least once. */
  screened: number;
  cleared: number;
  /** Not cleared by an adjudicator (the latest decision). */
  refused: number;
  /** No decision yet, or a decision waiting for a person (pending review). */
  pending: number;
  withdrawn: number;
  /** Cleared, then the clearance was revoked. */
  revoked: number;
  /** Cleared, then the clearance ran out. */
  expired: number;
}

export type PersonState = 'cleared' | 'refused' | 'pending' | 'withdrawn' | 'revoked' | 'expired';

interface Person {
  country: string;
  mission: string;
  category: string;
  nominatedAt: string;
  screened: boolean;
  state: PersonState;
}

/** The event types a person's state is folded from. */
export const PEOPLE_TYPES = [
  'candidate.submitted',
  'candidate.updated',
  'candidate.withdrawn',
  'screening.completed',
  'clearance.decided',
  'clearance.revoked',
  'clearance.expired',
];

const DECISION: Record<string, PersonState> = { cleared: 'cleared', 'not-cleared': 'refused', 'pending-review': 'pending' };

export interface PeopleQuery {
  by: Granularity;
  from?: string;
  to?: string;
  country?: string;
  /** Only these missions (a mission-scoped officer's, or the one asked for). */
  missions?: string[];
  category?: string;
}

export interface PeopleGroup {
  period: string;
  country: string;
  mission: string;
  category: string;
  figures: PeopleFigures;
}

export const emptyPeopleFigures = (): PeopleFigures => ({
  people: 0,
  screened: 0,
  cleared: 0,
  refused: 0,
  pending: 0,
  withdrawn: 0,
  revoked: 0,
  expired: 0,
});

/**
 * Folds entries (in chain order) into one state per person, then groups them. Entries may come type
 * by type: each person's state takes the entry with the highest sequence number for each aspect.
 */
export function createPeopleAccumulator(query: PeopleQuery) {
  const people = new Map<string, Person & { stateSeq: number }>();
  const screened = new Set<string>();
  const person = (subject: string) => people.get(subject);
  return {
    add(entry: AuditEntry) {
      const d = entry.data;
      if (entry.type === 'candidate.submitted' || entry.type === 'candidate.updated') {
        const n = (d.nomination ?? {}) as { mission?: string; category?: string };
        const known = person(entry.subject);
        const country = typeof d.country === 'string' ? d.country : (entry.tenant ?? 'unknown');
        // The nomination as last changed, counted in the period it was first made.
        const nominatedAt = known && known.nominatedAt < entry.time ? known.nominatedAt : entry.time;
        people.set(entry.subject, {
          country,
          mission: String(n.mission ?? 'unknown').toUpperCase(),
          category: String(n.category ?? 'unknown'),
          nominatedAt,
          screened: false,
          state: known?.state ?? 'pending',
          stateSeq: known?.stateSeq ?? -1,
        });
        return;
      }
      if (entry.type === 'screening.completed') return void screened.add(entry.subject);
      const state =
        entry.type === 'candidate.withdrawn'
          ? 'withdrawn'
          : entry.type === 'clearance.revoked'
            ? 'revoked'
            : entry.type === 'clearance.expired'
              ? 'expired'
              : DECISION[String(d.outcome)];
      if (!state) return;
      const known = person(entry.subject);
      if (known) {
        if (entry.seq > known.stateSeq) Object.assign(known, { state, stateSeq: entry.seq });
      } else
        people.set(entry.subject, {
          country: typeof d.country === 'string' ? d.country : (entry.tenant ?? 'unknown'),
          mission: 'UNKNOWN',
          category: 'unknown',
          nominatedAt: entry.time,
          screened: false,
          state,
          stateSeq: entry.seq,
        });
    },
    result() {
      const from = query.from ? Date.parse(query.from) : -Infinity;
      const to = query.to ? Date.parse(query.to) : Infinity;
      const groups = new Map<string, PeopleGroup>();
      const totals = emptyPeopleFigures();
      for (const [subject, p] of people) {
        const at = Date.parse(p.nominatedAt);
        if (
          at < from ||
          at >= to ||
          (query.country && p.country !== query.country) ||
          (query.missions && !query.missions.includes(p.mission)) ||
          (query.category && p.category !== query.category)
        )
          continue;
        const period = periodOf(p.nominatedAt, query.by);
        const key = [period, p.country, p.mission, p.category].join('|');
        const group = groups.get(key) ?? {
          period,
          country: p.country,
          mission: p.mission,
          category: p.category,
          figures: emptyPeopleFigures(),
        };
        groups.set(key, group);
        for (const figures of [group.figures, totals]) {
          figures.people++;
          if (screened.has(subject)) figures.screened++;
          figures[p.state]++;
        }
      }
      const sorted = [...groups.values()].sort(
        (a, b) =>
          a.period.localeCompare(b.period) ||
          a.country.localeCompare(b.country) ||
          a.mission.localeCompare(b.mission) ||
          a.category.localeCompare(b.category),
      );
      return { query, groups: sorted, totals };
    },
  };
}
