import type { ScreeningHttp } from '@vetting/contracts/http';
import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { CliError, EXIT } from '../exit-codes';
import { emit } from '../output';
import { action, globalsOf, type Context } from '../program';

type Rescreen = ScreeningHttp['Rescreen'];

export const formatRescreen = (r: Rescreen) =>
  `${r.listId} v${r.version}: ${r.status}${r.mode ? ` (${r.mode})` : ''} — ${r.processed}${r.total !== undefined ? `/${r.total}` : ''} screened again, ${r.changed} changed outcome`;

export function registerRescreen(program: Command, ctx: Context): void {
  program
    .command('rescreen')
    .description('Progress of the re-screening started by a list version (default: the active version of every list).')
    .option('-l, --list <listId>', 'one list')
    .option('--list-version <n>', 'a version of that list (default: the active one)')
    .option('-w, --watch', 'follow until every re-screening is completed')
    .option('--interval <ms>', 'how often to ask while watching', '1000')
    .action(
      action(ctx, async (opts: { list?: string; listVersion?: string; watch?: boolean; interval: string }, command: Command) => {
        const g = globalsOf(command, ctx);
        const client = g.client();
        if (opts.listVersion && !opts.list) throw new CliError('--list-version needs --list', EXIT.usage);
        const targets =
          opts.list && opts.listVersion
            ? [{ listId: opts.list, version: Number(opts.listVersion) }]
            : (await client<{ items: { listId: string; activeVersion: number }[] }>('/screening/lists')).items
                .filter((l) => !opts.list || l.listId === opts.list)
                .map((l) => ({ listId: l.listId, version: l.activeVersion }));
        if (targets.length === 0)
          throw new CliError(opts.list ? `No list ${opts.list}` : 'No ban list is published yet', EXIT.notFoundOrDenied);
        const read = () =>
          Promise.all(targets.map((t) => client<Rescreen>(`/screening/rescreens/${encodeURIComponent(t.listId)}/${t.version}`)));
        let all = await read();
        if (opts.watch) {
          const bar =
            ctx.io.interactive && !g.json
              ? new SingleBar({
                  format: ' re-screening [{bar}] {value}/{total} | {changed} changed',
                  stream: process.stderr,
                  hideCursor: true,
                })
              : undefined;
          const totals = () => ({
            value: all.reduce((s, r) => s + r.processed, 0),
            total: all.reduce((s, r) => s + (r.total ?? r.processed), 0),
            changed: all.reduce((s, r) => s + r.changed, 0),
          });
          bar?.start(Math.max(totals().total, 1), totals().value, { changed: totals().changed });
          while (all.some((r) => r.status === 'running')) {
            await new Promise((r) => setTimeout(r, Number(opts.interval)));
            all = await read();
            const t = totals();
            bar?.setTotal(Math.max(t.total, 1));
            bar?.update(t.value, { changed: t.changed });
            if (!bar && !g.json) ctx.io.err(all.map(formatRescreen).join('\n'));
          }
          bar?.stop();
        }
        emit(ctx.io, g.json, all, (items) => items.map(formatRescreen).join('\n'));
      }),
    );
}
