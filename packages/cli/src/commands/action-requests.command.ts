import type { AccountabilityHttp } from '@vetting/contracts/http';
import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes';
import { emit, table } from '../output';
import { action, globalsOf, type Context } from '../program';

/** The statuses the accountability service filters on (contracts/openapi/accountability.yaml ActionRequestStatus). */
const STATUSES = ['sent', 'acknowledged', 'answered', 'overdue', 'closed'] as const;

type Summary = AccountabilityHttp['ActionRequestSummary'];
type Figures = AccountabilityHttp['ActionFigures'];

/** A country code option, checked here so a typo is a usage error rather than a server round trip. */
function countryOf(value: string | undefined): Record<string, string> {
  if (value === undefined) return {};
  const country = value.toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw new CliError(`--country ${value} is not a two-letter country code`, EXIT.usage);
  return { country };
}

export const formatActionFigures = (f: Figures) => {
  const rows = Object.entries(f.byCountry).map(([country, figures]) => ({ country, ...figures }));
  return [
    `Requests for action${f.year ? ` sent in ${f.year}` : ''}: ${f.totals.sent} sent, ${f.totals.responded} with a final response, ${f.totals.overdue} overdue`,
    ...(rows.length
      ? [
          table(rows, [
            { title: 'country', value: (r) => r.country },
            { title: 'sent', value: (r) => r.sent },
            { title: 'acknowledged', value: (r) => r.acknowledged },
            { title: 'answered', value: (r) => r.answered },
            { title: 'responded', value: (r) => r.responded },
            { title: 'overdue', value: (r) => r.overdue },
            { title: 'closed', value: (r) => r.closed },
            { title: 'median days', value: (r) => r.medianDaysToAnswer },
          ]),
        ]
      : []),
  ].join('\n');
};

export function registerActionRequests(program: Command, ctx: Context): void {
  const requests = program
    .command('action-requests')
    .description('Requests for action from the UN to the country that deployed a person, and the figures by country.');

  requests
    .command('list')
    .description("The requests one may see, newest first (an office: its own country's), e.g. --status overdue.")
    .option('-s, --status <status>', STATUSES.join(', '))
    .option('-c, --country <CC>', 'one country (UN roles)')
    .action(
      action(ctx, async (opts: { status?: string; country?: string }, command: Command) => {
        const g = globalsOf(command, ctx);
        if (opts.status !== undefined && !(STATUSES as readonly string[]).includes(opts.status))
          throw new CliError(`--status ${opts.status} is not one of ${STATUSES.join(', ')}`, EXIT.usage);
        const query = new URLSearchParams({ ...(opts.status ? { status: opts.status } : {}), ...countryOf(opts.country) });
        const { items } = await g.client()<{ items: Summary[] }>(`/accountability/action-requests${query.size ? `?${query}` : ''}`);
        emit(ctx.io, g.json, items, (rows) =>
          rows.length
            ? table(rows, [
                { title: 'reference', value: (r) => r.reference },
                { title: 'country', value: (r) => r.country },
                { title: 'mission', value: (r) => r.mission },
                { title: 'category', value: (r) => r.category },
                { title: 'status', value: (r) => r.status },
                { title: 'due', value: (r) => r.dueBy.slice(0, 10) },
                { title: 'responses', value: (r) => r.responses },
                { title: 'id', value: (r) => r.id },
              ])
            : 'No requests for action.',
        );
      }),
    );

  requests
    .command('figures')
    .description("Requests for action by country as public reporting counts them (an office: its own country's).")
    .option('-y, --year <year>', 'the year the requests were sent (default: every year)')
    .option('-c, --country <CC>', 'one country (UN roles)')
    .action(
      action(ctx, async (opts: { year?: string; country?: string }, command: Command) => {
        const g = globalsOf(command, ctx);
        if (opts.year && !/^20\d\d$/.test(opts.year)) throw new CliError(`--year ${opts.year} is not a year`, EXIT.usage);
        const query = new URLSearchParams({ ...(opts.year ? { year: opts.year } : {}), ...countryOf(opts.country) });
        const figures = await g.client()<Figures>(`/accountability/action-requests/figures${query.size ? `?${query}` : ''}`);
        emit(ctx.io, g.json, figures, formatActionFigures);
      }),
    );
}
