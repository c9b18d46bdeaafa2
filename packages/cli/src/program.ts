import { Command, CommanderError, Option } from 'commander';
import { createSessionClient, type Client } from './client';
import { CliError, EXIT, type ExitCode } from './exit-codes';
import { processIo, type Io } from './output';
import { serverUrl } from './settings';
import { registerAudit } from './commands/audit.command';
import { registerCandidates } from './commands/candidates.command';
import { registerCertificate } from './commands/certificate.command';
import { registerCheck } from './commands/check.command';
import { registerLists } from './commands/lists.command';
import { registerKeys } from './commands/keys.command';
import { registerLogin } from './commands/login.command';
import { registerOffline } from './commands/offline.command';
import { registerRescreen } from './commands/rescreen.command';
import { registerRevettings } from './commands/revettings.command';
import { registerDisclosures } from './commands/disclosures.command';
import { registerActionRequests } from './commands/action-requests.command';

/** Everything a command may touch, passed in so tests can run commands in-process. */
export interface Context {
  io: Io;
  env: NodeJS.ProcessEnv;
  fetch: typeof fetch;
  /** Reads a secret from the terminal (hidden) or stdin. */
  readSecret?: (prompt: string) => Promise<string>;
  exitCode: ExitCode;
}

export interface Global {
  json: boolean;
  server: string;
  client(): Client;
}

/** The global options, as every command sees them. */
export function globalsOf(command: Command, ctx: Context): Global {
  const opts = command.optsWithGlobals<{ json?: boolean; server?: string }>();
  const server = serverUrl(opts.server, ctx.env);
  return { json: Boolean(opts.json), server, client: () => createSessionClient(server, ctx.env, ctx.fetch) };
}

/** Wraps an action: a CliError prints its message (and details) and sets the exit status. */
export function action<A extends unknown[]>(ctx: Context, run: (...args: A) => Promise<ExitCode | void>) {
  return async (...args: A) => {
    try {
      ctx.exitCode = (await run(...args)) ?? EXIT.ok;
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      const command = args[args.length - 1] as Command;
      if (command.optsWithGlobals<{ json?: boolean }>().json)
        ctx.io.out(JSON.stringify({ error: error.message, details: error.details }, null, 2));
      ctx.io.err(`vetting: ${error.message}`);
      for (const d of error.details.slice(0, 50)) ctx.io.err(`  ${d}`);
      ctx.exitCode = error.exitCode;
    }
  };
}

export function createProgram(ctx: Context): Command {
  const program = new Command('vetting')
    .description(
      'The vetting platform from a terminal: sign in, nominate in bulk, follow status, ban lists, checks (also offline), re-screening, certificates, audit exports, disclosure requests and requests for action.',
    )
    .addOption(new Option('--server <url>', 'the gateway (default: $VETTING_URL or http://127.0.0.1:8080)'))
    .option('--json', 'print JSON for scripts instead of text')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      '\nExit status: 0 ok, 1 failure, 2 usage, 3 not found or denied.\nThe token is read from $VETTING_TOKEN or ~/.config/vetting/token (see `vetting login`).',
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.io.out(s.trimEnd()), writeErr: (s) => ctx.io.err(s.trimEnd()) });
  for (const register of [
    registerLogin,
    registerCandidates,
    registerLists,
    registerCheck,
    registerOffline,
    registerRescreen,
    registerRevettings,
    registerCertificate,
    registerKeys,
    registerAudit,
    registerDisclosures,
    registerActionRequests,
  ])
    register(program, ctx);
  for (const command of program.commands) inherit(command, ctx);
  return program;
}

/** Sub-commands report usage errors the same way as the top level (exit 2, not process.exit). */
function inherit(command: Command, ctx: Context): void {
  command
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => ctx.io.out(s.trimEnd()), writeErr: (s) => ctx.io.err(s.trimEnd()) });
  for (const sub of command.commands) inherit(sub, ctx);
}

/** Runs the CLI and returns the exit status. */
export async function run(argv: string[], ctx: Context): Promise<ExitCode> {
  const program = createProgram(ctx);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    const ok = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help';
    return ok ? EXIT.ok : EXIT.usage;
  }
  return ctx.exitCode;
}

export const defaultContext = (): Context => ({ io: processIo(), env: process.env, fetch, exitCode: EXIT.ok });
