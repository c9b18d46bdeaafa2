/**
 * The cursor of a roll's pages: a row's nomination time and id, in the roll's order (newest first,
 * then by id). One reading of it for the database's filter and for pages cut in memory.
 */

interface OrderedRow {
  createdAt: string;
  _id: string;
}

/** The cursor of a row. */
export const cursorOf = (row: OrderedRow) => `${row.createdAt}|${row._id}`;

function parseCursor(after: string): { createdAt: string; id: string } {
  const [createdAt = '', id = ''] = after.split('|');
  return { createdAt, id };
}

/** The filter of the rows after a cursor. */
export function afterCursor(after: string): Record<string, unknown> {
  const { createdAt, id } = parseCursor(after);
  return { $or: [{ createdAt: { $lt: createdAt } }, { createdAt, _id: { $lt: id } }] };
}

/** A page of rows held in memory, in the roll's order, after a cursor, and the next page's cursor when more follow. */
export function pageOf<T extends OrderedRow>(rows: T[], limit: number, after?: string): { rows: T[]; next?: string } {
  const from = after ? parseCursor(after) : undefined;
  const rest = rows
    .filter((r) => !from || r.createdAt < from.createdAt || (r.createdAt === from.createdAt && r._id < from.id))
    .sort((a, b) => (a.createdAt === b.createdAt ? (a._id < b._id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1));
  const page = rest.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, ...(rest.length > limit && last ? { next: cursorOf(last) } : {}) };
}
