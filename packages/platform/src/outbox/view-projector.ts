import type { Collection as MongoCollection, Document } from 'mongodb';
import type { RevisionDoc } from './aggregate-types';
import { insertEach } from '../mongo/insert-once';
import { isDuplicateKey } from '../mongo/duplicate-key';
import { replaceEach } from './bulk-writes';
import { createGroupCommit } from './group-commit';
import { unpack } from './revision-codec';

/** View rows written per group commit (in commands of 25 statements). */
const VIEW_BATCH = 100;

/**
 * The view of an aggregate store: one row per aggregate with its latest state, for queries. Rows are
 * written in group commits (concurrent writers' rows in one command) and, where a writer may have
 * crossed another, checked against the newest revision and written again until they show it.
 */
export function createViewProjector<S extends Record<string, unknown>>(
  view: MongoCollection<Document>,
  packed: { viewFields: readonly string[] } | undefined,
  latestDoc: (id: string) => Promise<RevisionDoc<S> | null>,
) {
  /** The row of a state; `stateText` is the packed state's JSON when the caller already has it. */
  function rowOf(id: string, state: S, rev: number, at: string, stateText?: string): Document {
    if (!packed) return { _id: id, ...state, _rev: rev, _updatedAt: at };
    const fields = Object.fromEntries(packed.viewFields.filter((f) => state[f] !== undefined).map((f) => [f, state[f]]));
    return { _id: id, ...fields, _state: stateText ?? JSON.stringify(state), _rev: rev, _updatedAt: at };
  }

  // Rows of one aggregate queued together (a store writing its views in the background): only the
  // newest goes out, and each writer learns its outcome (an unordered command may apply them in any order).
  const replaceRow = createGroupCommit<Document, Error | null>(async (rows) => {
    const newest = new Map<unknown, Document>();
    for (const row of rows) if (Number(newest.get(row._id)?._rev ?? 0) < Number(row._rev)) newest.set(row._id, row);
    const unique = [...newest.values()];
    const results = await replaceEach(view, unique);
    const outcome = new Map(unique.map((row, i) => [row._id, results[i] ?? null]));
    return rows.map((row) => outcome.get(row._id) ?? null);
  }, VIEW_BATCH);
  const insertRow = createGroupCommit<Document, Error | null>(
    async (rows) => (await insertEach(view, rows)).map((o) => (typeof o === 'object' ? o.error : null)),
    VIEW_BATCH,
  );

  /**
   * Writes the row of a revision. The row of revision 1 is inserted, never replaced: no older row
   * can exist, and a row already there is newer (another writer's), so a late first write can never
   * hide a later revision; one insert is also cheaper than FerretDB's read-then-write upsert.
   */
  async function write(row: Document): Promise<void> {
    const error = await (row._rev === 1 ? insertRow(row) : replaceRow(row));
    if (error) throw error;
  }

  /** Writes the view of an aggregate from `written` and repeats until it shows the newest revision. */
  async function project(id: string, written: RevisionDoc<S>): Promise<RevisionDoc<S>> {
    let doc = written;
    for (let i = 0; i < 10; i++) {
      try {
        await view.replaceOne(
          { _id: id as never },
          rowOf(id, unpack(doc.state), doc.rev, doc.at, typeof doc.state === 'string' ? doc.state : undefined),
          { upsert: true },
        );
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        continue; // a concurrent upsert created it: replace again
      }
      const newest = await latestDoc(id);
      if (!newest || newest.rev === doc.rev) return doc;
      doc = newest;
    }
    return doc;
  }

  /**
   * After a slow write of `written`'s row: reads the newest revision and projects it only when another
   * writer's is newer (one read when none is; the row just written stands). A late row of an older
   * revision landing over it is its own writer's to repair (its slow-write check, or the crossing
   * writer's check after the grace), as before.
   */
  async function showNewest(id: string, written: RevisionDoc<S>): Promise<RevisionDoc<S>> {
    const newest = await latestDoc(id);
    if (!newest || newest.rev === written.rev) return written;
    return project(id, newest);
  }

  /** Makes the row show the newest revision (a read of each, and the projection when behind); true when it wrote. */
  async function settle(id: string): Promise<boolean> {
    const latest = await latestDoc(id);
    if (!latest) return false;
    const row = await view.findOne({ _id: id as never }, { projection: { _rev: 1 } });
    if (Number(row?._rev ?? 0) >= latest.rev) return false;
    await project(id, latest);
    return true;
  }

  return { rowOf, write, project, showNewest, settle };
}
