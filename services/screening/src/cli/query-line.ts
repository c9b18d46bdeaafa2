import type { PersonQuery } from '@vetting/matching';
import type { ActiveLists } from '../domain/active-lists';
import { reviewableHits, screeningOutcome } from '@vetting/banlists';

export interface QueryResult {
  id: string;
  outcome: ReturnType<typeof screeningOutcome>;
  hits: Record<string, unknown>[];
}

/**
 * One JSONL query: `{ "id", "names": [...] | "name", "dateOfBirth"?, "nationalities"?, "gender"?,
 * "documents"?, "serviceNumbers"? }` → the outcome the service would record, with its hits.
 */
export function screenQueryLine(
  line: string,
  lineNo: number,
  lists: ActiveLists,
  options: { explain: boolean; weak: boolean },
): QueryResult | { line: number; id?: string; error: string } {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return { line: lineNo, error: 'not valid JSON' };
  }
  const id = typeof raw.id === 'string' || typeof raw.id === 'number' ? String(raw.id) : String(lineNo);
  const names = Array.isArray(raw.names)
    ? raw.names.filter((n): n is string => typeof n === 'string' && n.trim() !== '')
    : typeof raw.name === 'string'
      ? [raw.name]
      : [];
  if (!names.length) return { line: lineNo, id, error: 'names (or name) is required' };
  const query: PersonQuery = {
    names,
    ...(typeof raw.dateOfBirth === 'string' ? { dateOfBirth: raw.dateOfBirth } : {}),
    ...(Array.isArray(raw.nationalities) ? { nationalities: raw.nationalities as string[] } : {}),
    ...(raw.gender === 'male' || raw.gender === 'female' || raw.gender === 'other' ? { gender: raw.gender } : {}),
    documents: Array.isArray(raw.documents) ? (raw.documents as PersonQuery['documents']) : [],
    serviceNumbers: Array.isArray(raw.serviceNumbers) ? (raw.serviceNumbers as string[]) : [],
  };
  const { hits } = lists.screen(query);
  const kept = options.weak ? hits : reviewableHits(hits);
  return {
    id,
    outcome: screeningOutcome(reviewableHits(hits)),
    hits: kept.map((h) => ({
      listId: h.listId,
      entryId: h.entryId,
      score: Math.round(h.score * 1000) / 1000,
      band: h.band,
      matchedName: h.matchedName.full,
      summary: h.summary,
      ...(options.explain ? { features: h.features, words: h.words } : {}),
    })),
  };
}
