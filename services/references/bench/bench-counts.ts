import type { CheckRepository } from '../src/data/check.repository';
import type { ReferenceSetRepository } from '../src/data/reference-set.repository';

/** Progress during the run, from the view (top-level equality: cheap on FerretDB, eventually consistent). */
export async function progress(checks: CheckRepository) {
  const [completed, failed] = await Promise.all([checks.count({ state: 'completed' }), checks.count({ state: 'failed' })]);
  return { completed, failed };
}

/**
 * The exact effects at the end, counted in the revisions (the record): a result is a revision caused
 * by `result:<checkId>:<round>` (unique per round), so a check with none is lost and a check with
 * more than one got two results (e.g. in two rounds), which must never happen.
 */
export async function countResults(checks: CheckRepository, sets: ReferenceSetRepository) {
  const docs = await checks.revisions.find({ causedBy: { $regex: '^result:' } }, { projection: { aggregateId: 1 } }).toArray();
  const perCheck = new Map<string, number>();
  for (const d of docs) perCheck.set(String(d.aggregateId), (perCheck.get(String(d.aggregateId)) ?? 0) + 1);
  return {
    withResult: perCheck.size,
    duplicated: [...perCheck.values()].filter((n) => n > 1).length,
    failed: await checks.count({ state: 'failed' }),
    completions: await sets.collections[1]!.countDocuments({}),
    noResponse: await checks.count({ result: 'no-response' }),
  };
}
