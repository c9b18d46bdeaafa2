/**
 * Offline check of an audit export: `npx tsx services/audit/src/cli/verify-bundle.ts bundle.json`.
 * Needs only Node.js and the canonicalize package; exits 0 when the bundle verifies, 1 when it
 * does not (naming the first broken entry), 2 on bad usage.
 */
import { readFileSync } from 'node:fs';
import { verifyBundleText } from '@vetting/signing';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: verify-bundle <bundle.json>\n');
  process.exit(2);
}
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  process.stderr.write(`cannot read ${file}: ${(error as Error).message}\n`);
  process.exit(1);
}
const result = verifyBundleText(text);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
if (result.ok)
  process.stdout.write(
    `OK: ${result.included} entries (${result.elided} others' elided), anchored by checkpoint ${result.anchoredBy?.seq} of ${result.anchoredBy?.time}\n`,
  );
if (result.published)
  process.stdout.write(
    `Published checkpoint when exported: entry ${result.published.seq}, hash ${result.published.hash} (${result.published.time}); the chain must still hold it\n`,
  );
else process.stdout.write(`BROKEN at entry ${result.problems[0]?.seq ?? '?'}: ${result.problems[0]?.problem}\n`);
process.exit(result.ok ? 0 : 1);
