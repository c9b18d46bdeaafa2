import type { Command } from 'commander';
import { trustedKeys, type KeySetDocument, type PublishedKey } from '@vetting/signing';
import { CliError, EXIT } from '../exit-codes';
import { emit } from '../output';
import { action, globalsOf, type Context } from '../program';
import { savePlatformKeys } from '../trusted-keys';

/** The services that sign with the platform key: certificates (intake) and list bundles (screening). */
const SIGNERS = ['/intake/signing-keys', '/screening/signing-keys'];

export function registerKeys(program: Command, ctx: Context): void {
  const keys = program
    .command('keys')
    .description("The platform's public signing keys, kept for offline verification of certificates and list bundles.");
  keys
    .command('pull')
    .description(
      'Fetch the platform public keys while online and keep them (~/.config/vetting/platform-keys.json) for verifying offline later.',
    )
    .option('-o, --out <file>', 'write them here instead')
    .action(
      action(ctx, async (opts: { out?: string }, command: Command) => {
        const g = globalsOf(command, ctx);
        const found = new Map<string, PublishedKey>();
        for (const path of SIGNERS) for (const key of (await g.client()<KeySetDocument>(path)).keys) found.set(key.keyId, key);
        if (!found.size) throw new CliError('The platform published no signing key', EXIT.failure);
        trustedKeys([...found.values()]); // every key must be a valid Ed25519 key under its own id
        const path = savePlatformKeys({ keys: [...found.values()] }, ctx.env, opts.out);
        emit(
          ctx.io,
          g.json,
          { path, keys: [...found.keys()] },
          (r) =>
            `Saved ${r.keys.length} platform key(s) (${r.keys.join(', ')}) to ${r.path}. Compare the key id with the one your UN focal point gives you.`,
        );
      }),
    );
}
