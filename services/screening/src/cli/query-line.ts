import { parsePersonLine, type PersonQuery } from '@vetting/matching';
import type { ActiveLists } from '../domain/active-lists';
import { reviewableHits, screeningOutcome } from '@vetting/banlists';

export interface QueryResult {
  id: string;
  outcome: ReturnType<typeof screeningOutcome>;
  hits: Record<string, unknown>[];
}

/** One line of a people file (see parsePersonLine) → the outcome the service would record, with its hits. */
export function screenQueryLine(
  line: string,
  lineNo: number,
  lists: ActiveLists,
  options: { explain: boolean; weak: boolean },
): QueryResult | { line: number; id?: string; error: string } {
  const parsed = parsePersonLine(line, lineNo);
  if ('error' in parsed) return parsed;
  const id = parsed.ref ?? String(lineNo);
  const query: PersonQuery = {
    ...parsed.person,
    documents: parsed.person.documents ?? [],
    serviceNumbers: parsed.person.serviceNumbers ?? [],
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
