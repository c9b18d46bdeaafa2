import type { Command } from 'commander';
import { createClient, HttpError } from '../client';
import { CliError, EXIT } from '../exit-codes';
import { emit } from '../output';
import { action, globalsOf, type Context } from '../program';
import { claimsOf, readToken, storeToken, tokenPath } from '../settings';
import { rmSync } from 'node:fs';

interface SignedIn {
  token: string;
  refreshToken: string;
  user: { username: string; name?: string; roles: string[]; country?: string };
}

export function registerLogin(program: Command, ctx: Context): void {
  program
    .command('login')
    .description('Sign in with a local account and store the token (~/.config/vetting/token, mode 600).')
    .option('-u, --username <name>', 'the account (asked when missing)')
    .option('--password-stdin', 'read the password from stdin (for scripts) instead of asking')
    .action(
      action(ctx, async (opts: { username?: string; passwordStdin?: boolean }, command: Command) => {
        const g = globalsOf(command, ctx);
        if (!ctx.readSecret) throw new CliError('No terminal to ask for the password', EXIT.usage);
        const username = opts.username ?? (await ctx.readSecret('User name: '));
        const password = await ctx.readSecret(opts.passwordStdin ? '' : 'Password: ');
        if (!username || !password) throw new CliError('A user name and a password are needed', EXIT.usage);
        const client = createClient(g.server, undefined, ctx.fetch);
        const ask = async (prompt: string) => {
          const code = await ctx.readSecret!(opts.passwordStdin ? '' : prompt);
          if (!/^\d{6}$/.test(code)) throw new CliError('The code has six digits', EXIT.usage);
          return code;
        };
        let signedIn: SignedIn;
        try {
          signedIn = await client<SignedIn>('/auth/login', { method: 'POST', body: { username, password } });
        } catch (error) {
          // Admin and UN roles: the code of the authenticator app; the first time, the app is added first.
          const code = error instanceof HttpError ? error.problem.code : undefined;
          if (code === 'AUTH.SECOND_FACTOR_REQUIRED')
            signedIn = await client<SignedIn>('/auth/login', {
              method: 'POST',
              body: { username, password, code: await ask('Code from your authenticator app: ') },
            });
          else if (code === 'AUTH.SECOND_FACTOR_ENROLMENT_REQUIRED') {
            const enrolment = (error as HttpError).problem.enrolment as { secret: string; otpauthUri: string; enrolmentToken: string };
            ctx.io.err(
              `This account signs in with a second factor. Add it to an authenticator app with the key ${enrolment.secret}\n(or ${enrolment.otpauthUri}), then enter the code it shows.`,
            );
            signedIn = await client<SignedIn>('/auth/second-factor', {
              method: 'POST',
              body: { enrolmentToken: enrolment.enrolmentToken, code: await ask('Code: ') },
            });
          } else throw error;
        }
        const path = storeToken({ token: signedIn.token, refreshToken: signedIn.refreshToken }, ctx.env);
        const expires = claimsOf(signedIn.token).exp;
        emit(
          ctx.io,
          g.json,
          { ...signedIn.user, tokenPath: path, expiresAt: expires ? new Date(expires * 1000).toISOString() : undefined },
          (u) =>
            `Signed in as ${u.username} (${u.roles.join(', ')}${u.country ? `, ${u.country}` : ''}); token stored in ${u.tokenPath}${u.expiresAt ? `, valid until ${u.expiresAt}` : ''}.`,
        );
      }),
    );

  program
    .command('whoami')
    .description('Show who the stored token signs in as (asks the server).')
    .action(
      action(ctx, async (_opts: unknown, command: Command) => {
        const g = globalsOf(command, ctx);
        if (!readToken(ctx.env)) throw new CliError('Not signed in: run `vetting login`', EXIT.notFoundOrDenied);
        const me = await g.client()<{ username: string; roles: string[]; country?: string }>('/auth/me');
        emit(ctx.io, g.json, me, (m) => `${m.username} (${m.roles.join(', ')}${m.country ? `, ${m.country}` : ''})`);
      }),
    );

  program
    .command('logout')
    .description('Delete the stored token.')
    .action(
      action(ctx, async () => {
        rmSync(tokenPath(ctx.env), { force: true });
        ctx.io.err('Signed out.');
      }),
    );
}
