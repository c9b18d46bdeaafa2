import type { Command } from 'commander';
import { createClient } from '../client';
import { CliError, EXIT } from '../exit-codes';
import { emit } from '../output';
import { action, globalsOf, type Context } from '../program';
import { claimsOf, readToken, storeToken, tokenPath } from '../settings';
import { rmSync } from 'node:fs';

interface SignedIn { token: string; user: { username: string; name?: string; roles: string[]; country?: string } }

export function registerLogin(program: Command, ctx: Context): void {
  program
    .command('login')
    .description('Sign in with a local account and store the token (~/.config/vetting/token, mode 600).')
    .option('-u, --username <name>', 'the account (asked when missing)')
    .option('--password-stdin', 'read the password from stdin (for scripts) instead of asking')
    .action(action(ctx, async (opts: { username?: string; passwordStdin?: boolean }, command: Command) => {
      const g = globalsOf(command, ctx);
      if (!ctx.readSecret) throw new CliError('No terminal to ask for the password', EXIT.usage);
      const username = opts.username ?? (await ctx.readSecret('User name: '));
      const password = await ctx.readSecret(opts.passwordStdin ? '' : 'Password: ');
      if (!username || !password) throw new CliError('A user name and a password are needed', EXIT.usage);
      const signedIn = await createClient(g.server, undefined, ctx.fetch)<SignedIn>('/auth/login', { method: 'POST', body: { username, password } });
      const path = storeToken(signedIn.token, ctx.env);
      const expires = claimsOf(signedIn.token).exp;
      emit(ctx.io, g.json, { ...signedIn.user, tokenPath: path, expiresAt: expires ? new Date(expires * 1000).toISOString() : undefined }, (u) =>
        `Signed in as ${u.username} (${u.roles.join(', ')}${u.country ? `, ${u.country}` : ''}); token stored in ${u.tokenPath}${u.expiresAt ? `, valid until ${u.expiresAt}` : ''}.`);
    }));

  program
    .command('whoami')
    .description('Show who the stored token signs in as (asks the server).')
    .action(action(ctx, async (_opts: unknown, command: Command) => {
      const g = globalsOf(command, ctx);
      if (!readToken(ctx.env)) throw new CliError('Not signed in: run `vetting login`', EXIT.notFoundOrDenied);
      const me = await g.client()<{ username: string; roles: string[]; country?: string }>('/auth/me');
      emit(ctx.io, g.json, me, (m) => `${m.username} (${m.roles.join(', ')}${m.country ? `, ${m.country}` : ''})`);
    }));

  program
    .command('logout')
    .description('Delete the stored token.')
    .action(action(ctx, async () => {
      rmSync(tokenPath(ctx.env), { force: true });
      ctx.io.err('Signed out.');
    }));
}
