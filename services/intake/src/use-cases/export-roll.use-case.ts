import type { Actor } from '@vetting/platform';
import { csvLine } from '../domain/csv-report';
import { listCandidates, type ListQuery, type ReadDeps } from './read-candidates.use-case';

const HEADER = [
  'case_reference',
  'name',
  'status',
  'decision',
  'decided_at',
  'valid_until',
  'mission',
  'rotation',
  'category',
  'nominated_at',
];
const PAGE = 500;

/**
 * A rotation's roll as CSV lines (header first), newest nomination first, with the filters of the
 * roll screen. Read page by page (each page's read recorded, as on screen), so a 10,000-member roll
 * is never held whole. Offices see outcomes only: no hits, no reasons.
 */
export async function* rollCsv(
  actor: Actor,
  rotation: string,
  query: Omit<ListQuery, 'rotation' | 'limit' | 'after'>,
  deps: ReadDeps,
): AsyncGenerator<string> {
  let page = await listCandidates(actor, { ...query, rotation, limit: PAGE }, deps);
  yield csvLine(HEADER);
  for (;;) {
    for (const c of page.items)
      yield csvLine([
        c.caseReference,
        c.displayName,
        c.status,
        c.decision?.outcome ?? '',
        c.decision?.decidedAt ?? '',
        c.decision?.validUntil ?? '',
        c.nomination.mission,
        c.nomination.rotation,
        c.nomination.category,
        c.createdAt,
      ]);
    if (!page.next) return;
    page = await listCandidates(actor, { ...query, rotation, limit: PAGE, after: page.next }, deps);
  }
}
