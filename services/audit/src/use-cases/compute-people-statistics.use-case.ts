import { countryScope, missionScope, type Actor } from '@vetting/platform';
import { createPeopleAccumulator, PEOPLE_TYPES, type PeopleQuery } from '../domain/people-statistics';
import type { AuditEntryRepository } from '../data/audit-entry.repository';

/**
 * People screened, cleared, refused and pending by period, country, mission and category, folded
 * from the audit entries themselves. An office sees its own country; an officer limited to missions
 * sees those missions.
 */
export async function computePeopleStatistics(
  actor: Actor,
  repository: AuditEntryRepository,
  query: Omit<PeopleQuery, 'missions'> & { mission?: string },
) {
  const { mission, ...rest } = query;
  const country = countryScope(actor, rest.country);
  const missions = missionScope(actor, mission);
  const accumulator = createPeopleAccumulator({ ...rest, ...(country ? { country } : {}), ...(missions ? { missions } : {}) });
  for (const type of PEOPLE_TYPES) for await (const entry of repository.ofType(type)) accumulator.add(entry);
  return accumulator.result();
}
