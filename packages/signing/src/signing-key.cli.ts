/**
 * The platform signing key, for operators:
 *   npx tsx packages/signing/src/signing-key.cli.ts create <dir>   # a key if the directory has none (idempotent)
 *   npx tsx packages/signing/src/signing-key.cli.ts rotate <dir>   # a new key; the old public key stays published as retired
 *   npx tsx packages/signing/src/signing-key.cli.ts public <dir>   # the key set verifiers trust (JSON)
 * Services never create the key in production: this does, once, into the mounted secret.
 */
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadFileSigner, PRIVATE_KEY_FILE, RETIRED_KEYS_FILE } from './signer';
import type { PublishedKey } from './keys';

async function main(command: string | undefined, dir: string | undefined): Promise<number> {
  if (!dir || !['create', 'rotate', 'public'].includes(command ?? '')) {
    process.stderr.write('usage: signing-key.cli.ts create|rotate|public <dir>\n');
    return 2;
  }
  if (command === 'public') {
    process.stdout.write(`${JSON.stringify({ keys: (await loadFileSigner(dir)).published }, null, 2)}\n`);
    return 0;
  }
  if (command === 'rotate') {
    const { signer } = await loadFileSigner(dir);
    const file = join(dir, RETIRED_KEYS_FILE);
    const retired = await readFile(file, 'utf8').then(
      (t) => (JSON.parse(t) as { keys: PublishedKey[] }).keys,
      () => [] as PublishedKey[],
    );
    await writeFile(
      file,
      JSON.stringify(
        { keys: [{ keyId: signer.keyId, publicKey: signer.publicKeyPem, retiredAt: new Date().toISOString() }, ...retired] },
        null,
        2,
      ),
      { mode: 0o644 },
    );
    // The old private key goes: documents it signed stay verifiable by its public key, and nothing new can be signed with it.
    await unlink(join(dir, PRIVATE_KEY_FILE));
  }
  const { signer } = await loadFileSigner(dir, { create: true });
  process.stdout.write(`platform signing key ${signer.keyId} in ${dir}\n`);
  return 0;
}

process.exitCode = await main(process.argv[2], process.argv[3]);
