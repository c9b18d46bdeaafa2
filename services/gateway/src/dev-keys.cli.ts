/** `tsx services/gateway/src/dev-keys.cli.ts <dir>`: creates development keys and demo accounts if missing. */
import { ensureDevKeys } from './data/dev-keys';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: dev-keys.cli.ts <keys-dir>');
  process.exit(2);
}
const { created } = await ensureDevKeys(dir);
console.log(created ? `Created development keys and demo accounts in ${dir}` : `Development keys exist in ${dir}`);
