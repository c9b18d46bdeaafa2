import { recordListRead, type Actor } from '@vetting/platform';
import { toView } from '../domain/candidate';
import { csvLine } from '../domain/csv-report';
import { listFilterOf, type ListQuery, type ReadDeps } from './read-candidates.use-case';

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
 * roll screen. Read from one cursor page by page (each page's read recorded before its lines, as on
 * screen), so a 10,000-member roll is never held whole, and the roll's data keys read once. Offices
 * see outcomes only: no hits, no reasons. The scope is checked before the header.
 */
export async function* rollCsv(
  actor: Actor,
  rotation: string,
  query: Omit<ListQuery, 'rotation' | 'limit' | 'after'>,
  deps: ReadDeps,
): AsyncGenerator<string> {
  const filter = listFilterOf(actor, { ...query, rotation }, deps);
  yield csvLine(HEADER);
  for await (const page of deps.repository.pages(filter, PAGE)) {
    await recordListRead(
      deps.access,
      actor,
      page.map((c) => c.id),
      { resource: 'intake/candidates', purpose: 'follow nomination status', fields: ['names', 'status'] },
    );
    for (const c of page.map((p) => toView(p)))
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
  }
}
