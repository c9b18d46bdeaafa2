import { createStatisticsAccumulator, STATISTICS_TYPES, type Statistics, type StatisticsQuery } from '../domain/statistics';
import type { AuditEntryRepository } from '../data/audit-entry.repository';

/** Figures by period and country, computed from the audit entries themselves (one indexed query per event type, streamed). */
export async function computeStatisticsFromChain(repository: AuditEntryRepository, query: StatisticsQuery): Promise<Statistics> {
  const accumulator = createStatisticsAccumulator(query);
  for (const type of STATISTICS_TYPES) for await (const entry of repository.ofType(type)) accumulator.add(entry);
  return accumulator.result();
}
