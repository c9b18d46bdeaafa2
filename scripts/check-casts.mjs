#!/usr/bin/env node
// The cast budget: casts that switch the type checker off (`as never`, `as unknown as`, `as any`)
// hide the mistakes TypeScript is here to catch. Each area has a ceiling; a change may lower a
// ceiling, never raise it without saying why in the commit. Run by `npm test` beside lint.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const CAST = /\bas (never|any)\b|\bas unknown as\b/g;
const SKIP = new Set(['node_modules', 'dist', 'generated', '.data', 'coverage']);

/** Ceilings per area: product code is held tighter than tests and benchmarks. */
export const BUDGET = { product: 124, tests: 72 };

function* sources(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

/** Test code: test files, their helpers and fixtures (each workspace's `src/testing/`), benchmarks and the system tests. */
const isTestCode = (path) => /(\.test\.tsx?$|\/testing\/|\/bench\/)/.test(path) || path.startsWith('tests/');

const counts = { product: 0, tests: 0 };
const byFile = [];
for (const top of ['services', 'packages', 'contracts', 'tests']) {
  for (const file of sources(join(root, top))) {
    const n = readFileSync(file, 'utf8').match(CAST)?.length ?? 0;
    if (!n) continue;
    const path = relative(root, file);
    counts[isTestCode(path) ? 'tests' : 'product'] += n;
    byFile.push([n, path]);
  }
}

let over = false;
for (const area of Object.keys(BUDGET)) {
  const ok = counts[area] <= BUDGET[area];
  over ||= !ok;
  console.log(`${ok ? '✓' : '✗'} ${area}: ${counts[area]} casts (budget ${BUDGET[area]})`);
}
if (over) {
  console.log('\nMost casts:');
  for (const [n, path] of byFile.sort((a, b) => b[0] - a[0]).slice(0, 10)) console.log(`  ${n}  ${path}`);
  console.log('\nType the value instead (a narrowing function, a generic, the generated contract type).');
  process.exit(1);
}
