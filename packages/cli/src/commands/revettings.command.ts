import type { ClearanceHttp } from '@vetting/contracts/http';
import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes';
import { emit } from '../output';
import { action, globalsOf, type Context } from '../program';

/** What the CLI prints of a re-vetting (contracts/openapi/clearance.yaml RevettingItem). */
type Revetting = Pick<
  ClearanceHttp['RevettingItem'],
  'candidateId' | 'country' | 'state' | 'category' | 'mission' | 'rotation' | 'dueAt' | 'validUntil' | 'openedAt'
>;

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '-');

export const formatRevetting = (r: Revetting) =>
  `${r.candidateId}  ${r.country}  ${r.mission ?? '-'}/${r.rotation ?? '-'}  ${r.category ?? '-'}  due ${day(r.dueAt)}  clearance valid until ${day(r.validUntil)}${r.state === 'in-progress' ? `  re-vetting since ${day(r.openedAt)}` : ''}`;

export function registerRevettings(program: Command, ctx: Context): void {
  program
    .command('revettings')
    .description(
      'People due for periodic re-vetting (the policy’s interval per category), or being re-vetted now; an office sees its own country’s.',
    )
    .option('-s, --state <state>', 'due (within --within days) or in-progress', 'due')
    .option('--within <days>', 'for --state due: due within this many days (already due included)', '30')
    .option('--country <CC>', 'one country (UN roles)')
    .option('--limit <n>', 'at most this many', '200')
    .action(
      action(ctx, async (opts: { state: string; within: string; country?: string; limit: string }, command: Command) => {
        const g = globalsOf(command, ctx);
        if (!['due', 'in-progress'].includes(opts.state)) throw new CliError('--state is due or in-progress', EXIT.usage);
        const query = new URLSearchParams({
          state: opts.state,
          limit: opts.limit,
          ...(opts.state === 'due' ? { withinDays: opts.within } : {}),
          ...(opts.country ? { country: opts.country } : {}),
        });
        const { items } = await g.client()<{ items: Revetting[] }>(`/clearance/revettings?${query}`);
        emit(ctx.io, g.json, items, (all) =>
          all.length
            ? all.map(formatRevetting).join('\n')
            : opts.state === 'due'
              ? 'Nobody is due for re-vetting in that window.'
              : 'Nobody is being re-vetted.',
        );
      }),
    );
}
