import { missionScope, type Actor } from '@vetting/platform';
import { createStatisticsAccumulator, STATISTICS_TYPES, type Statistics, type StatisticsQuery } from '../domain/statistics';
import type { AuditEntryRepository } from '../data/audit-entry.repository';

/** The candidates nominated (or moved) to one of `missions`. */
async function candidatesOf(repository: AuditEntryRepository, missions: string[]): Promise<Set<string>> {
  const subjects = new Set<string>();
  for (const type of ['candidate.submitted', 'candidate.updated'])
    for await (const entry of repository.ofType(type)) {
      const mission = String((entry.data.nomination as { mission?: string } | undefined)?.mission ?? '').toUpperCase();
      if (missions.includes(mission)) subjects.add(entry.subject);
    }
  return subjects;
}

/**
 * Figures by period and country, computed from the audit entries themselves (one indexed query per
 * event type, streamed). An officer limited to missions counts only those missions' candidates.
 */
export async function computeStatisticsFromChain(
  repository: AuditEntryRepository,
  query: StatisticsQuery,
  actor?: Actor,
): Promise<Statistics> {
  const missions = actor ? missionScope(actor) : undefined;
  const accumulator = createStatisticsAccumulator(query, missions ? await candidatesOf(repository, missions) : undefined);
  for (const type of STATISTICS_TYPES) for await (const entry of repository.ofType(type)) accumulator.add(entry);
  return accumulator.result();
}
