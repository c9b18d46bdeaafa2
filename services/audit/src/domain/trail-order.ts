import type { AuditEntry } from './hash-chain';

const instant = (e: AuditEntry) => Date.parse(e.time);

/**
 * Orders a person's entries as the story happened, not as events arrived: by event time, and an
 * effect never before its cause (a decision caused by a screening comes after it even when the
 * deciding service's clock ran behind). Ties keep chain order.
 */
export function orderByTimeAndCause(entries: readonly AuditEntry[]): AuditEntry[] {
  const sorted = [...entries].sort((a, b) => instant(a) - instant(b) || a.seq - b.seq);
  const byEventId = new Map(sorted.map((e) => [e.eventId, e]));
  const placed = new Set<string>();
  const out: AuditEntry[] = [];
  const place = (entry: AuditEntry, path: Set<string>) => {
    if (placed.has(entry.eventId) || path.has(entry.eventId)) return;
    path.add(entry.eventId);
    const cause = entry.causationId ? byEventId.get(entry.causationId) : undefined;
    if (cause) place(cause, path);
    placed.add(entry.eventId);
    out.push(entry);
  };
  for (const entry of sorted) place(entry, new Set());
  return out;
}
