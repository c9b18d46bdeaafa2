#!/usr/bin/env node
// Prints an access token for a demo account of this development install:
//   TOKEN=$(node scripts/dev-token.mjs officer.gh)
import { signIn } from './lib/demo-data.mjs';
import { GATEWAY_PORT } from './lib/services.mjs';

const username = process.argv[2];
if (!username) {
  console.error('usage: node scripts/dev-token.mjs <username>   (see .data/keys/dev-credentials.json)');
  process.exit(2);
}
console.log(await signIn(`http://127.0.0.1:${GATEWAY_PORT}`, username));
