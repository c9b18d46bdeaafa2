import { CANDIDATE_STATUSES } from '@vetting/contracts/values';
import type { IntakeHttp } from '@vetting/contracts/http';
import type { Command } from 'commander';
import { Option } from 'commander';
import { CliError, EXIT } from '../exit-codes';
import { emit, shortDate, table } from '../output';
import { action, globalsOf, type Context } from '../program';
import { uploadContingent } from './upload.flow';

/** The fields of a candidate the roll prints (contracts/openapi/intake.yaml CandidateView). */
export type CandidateView = Pick<
  IntakeHttp['CandidateView'],
  'id' | 'caseReference' | 'displayName' | 'country' | 'status' | 'nomination' | 'decision' | 'timeline'
>;

export const formatRoll = (items: CandidateView[]) =>
  items.length === 0
    ? 'No candidates.'
    : `${table(items, [
        { title: 'CASE', value: (c) => c.caseReference },
        { title: 'NAME', value: (c) => c.displayName },
        { title: 'ROTATION', value: (c) => c.nomination.rotation },
        { title: 'STATUS', value: (c) => c.status },
        { title: 'DECIDED', value: (c) => (c.decision ? shortDate(c.decision.decidedAt) : '') },
        { title: 'VALID UNTIL', value: (c) => c.decision?.validUntil?.slice(0, 10) },
        { title: 'ID', value: (c) => c.id },
      ])}\n${items.length} candidate(s)`;

export const formatCandidate = (c: CandidateView) =>
  [
    `${c.displayName}  case ${c.caseReference}  (${c.country}, ${c.nomination.mission} / ${c.nomination.rotation})`,
    `status: ${c.status}${c.decision ? `  decision: ${c.decision.outcome} ${shortDate(c.decision.decidedAt)}${c.decision.validUntil ? `, valid until ${c.decision.validUntil.slice(0, 10)}` : ''}` : ''}`,
    'timeline:',
    ...c.timeline.map((s) => `  ${shortDate(s.at)}  ${s.status.padEnd(16)} ${s.event}`),
  ].join('\n');

export function registerCandidates(program: Command, ctx: Context): void {
  const candidates = program.command('candidates').description('Nominations of your office (UN roles: any country).');

  candidates
    .command('status [candidateId]')
    .description("The roll with each person's status and decision, or one candidate with their timeline.")
    .option('-r, --rotation <rotation>', 'only this rotation')
    .option('-c, --country <code>', 'the country (UN roles; an office always sees its own)')
    .addOption(new Option('-s, --status <status>', 'only this status').choices(CANDIDATE_STATUSES))
    .option('--limit <n>', 'at most this many', '500')
    .action(
      action(
        ctx,
        async (id: string | undefined, opts: { rotation?: string; country?: string; status?: string; limit: string }, command: Command) => {
          const g = globalsOf(command, ctx);
          if (id) {
            const candidate = await g.client()<CandidateView>(`/intake/candidates/${encodeURIComponent(id)}`);
            return emit(ctx.io, g.json, candidate, formatCandidate);
          }
          const limit = Number(opts.limit);
          if (!Number.isInteger(limit) || limit < 1 || limit > 500)
            throw new CliError('--limit must be a whole number from 1 to 500', EXIT.usage);
          const page = await g.client()<{ items: CandidateView[] }>('/intake/candidates', {
            query: { rotation: opts.rotation, country: opts.country?.toUpperCase(), status: opts.status, limit },
          });
          emit(ctx.io, g.json, page.items, formatRoll);
        },
      ),
    );

  candidates
    .command('upload <file>')
    .description(
      'Upload a contingent (CSV or JSON array) with a progress bar and a row-by-row error report. Exit 1 when any row was rejected.',
    )
    .addOption(
      new Option('-m, --mode <mode>', 'what a bad row does').choices(['accept-valid-rows', 'all-or-nothing']).default('accept-valid-rows'),
    )
    .option('--mission <mission>', 'for rows without a mission column')
    .option('--rotation <rotation>', 'for rows without a rotation column')
    .option('--category <category>', 'for rows without a category column')
    .option('--errors-out <file>', 'save every bad row as CSV here')
    .option('--key <key>', 'idempotency key: the same key resumes or repeats safely (default: random)')
    .action(
      action(
        ctx,
        async (
          file: string,
          opts: { mode: string; mission?: string; rotation?: string; category?: string; errorsOut?: string; key?: string },
          command: Command,
        ) => uploadContingent(ctx, globalsOf(command, ctx), file, opts),
      ),
    );
}
