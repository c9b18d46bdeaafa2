import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Sums the database operations counted by every process of the run (count-db-ops.mjs). */
export function sumDbOps(dir: string | undefined): { total: number; byKind: Record<string, number> } {
  const byKind: Record<string, number> = {};
  if (!dir) return { total: 0, byKind };
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const counts = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, number>;
    for (const [kind, n] of Object.entries(counts)) byKind[kind] = (byKind[kind] ?? 0) + n;
  }
  const total = Object.values(byKind).reduce((a, b) => a + b, 0);
  const sorted = Object.fromEntries(Object.entries(byKind).sort((a, b) => b[1] - a[1]));
  return { total, byKind: sorted };
}
