#!/usr/bin/env node
// Prints the current second-factor (TOTP) code of a demo admin or UN account of this development
// install, as its authenticator app would; the key is the account's `totpSecret` in
// .data/keys/dev-credentials.json (add it to an authenticator app instead, if you prefer):
//   node scripts/dev-code.mjs screener
// A code works once: a second sign-in of the same account within 30 seconds needs the next code.
import { generate } from 'otplib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEYS_DIR } from './lib/services.mjs';

const username = process.argv[2];
if (!username) {
  console.error('usage: node scripts/dev-code.mjs <username>   (admin and UN accounts; see .data/keys/dev-credentials.json)');
  process.exit(2);
}
const account = JSON.parse(readFileSync(join(KEYS_DIR, 'dev-credentials.json'), 'utf8')).find((c) => c.username === username);
if (!account?.totpSecret) {
  console.error(`${username}: ${account ? 'this account signs in without a second factor' : 'no such demo account'}`);
  process.exit(account ? 1 : 3);
}
console.log(await generate({ secret: account.totpSecret }));
