import type { ScreeningHttp } from '@vetting/contracts/http';
import type { Command } from 'commander';
import { Option } from 'commander';
import { LIST_FORMATS, listContentType, type ListFormat } from '@vetting/banlists';
import { emit, shortDate, table } from '../output';
import { action, globalsOf, type Context } from '../program';
import { diffFiles, importLocally, readListArgument, type LocalDiff } from './list-file';

type ListSummary = ScreeningHttp['ListSummary'];
interface Version {
  version: number;
  entryCount: number;
  active: boolean;
  provenance: { importedBy: string; importedAt: string; format: string };
  diff: { added: number; removed: number; changed: number };
}
interface ServerDiff {
  listId: string;
  version: number;
  previousVersion?: number;
  added: { id: string; name: string }[];
  removed: { id: string; name: string }[];
  changed: { id: string; name: string; fields: string[] }[];
}
interface Published {
  listId: string;
  version: number;
  unchanged: boolean;
  diff?: { added: number; removed: number; changed: number };
}

const formatOption = () =>
  new Option('-f, --format <format>', 'the file format (default: from the name and content)').choices(LIST_FORMATS);

export const formatDiff = (d: LocalDiff) =>
  [
    `${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed`,
    ...d.added.map((e) => `+ ${e}`),
    ...d.removed.map((e) => `- ${e}`),
    ...d.changed.map((e) => `~ ${e}`),
  ].join('\n');

export function registerLists(program: Command, ctx: Context): void {
  const lists = program
    .command('lists')
    .description('Ban lists: check a file offline, compare, publish a version, see versions and their changes.');

  lists
    .command('show [listId]')
    .description("Every list with its active version, or one list's versions with provenance.")
    .action(
      action(ctx, async (listId: string | undefined, _opts: unknown, command: Command) => {
        const g = globalsOf(command, ctx);
        if (!listId) {
          const all = await g.client()<{ items: ListSummary[] }>('/screening/lists');
          return emit(ctx.io, g.json, all.items, (items) =>
            table(items, [
              { title: 'LIST', value: (l) => l.listId },
              { title: 'NAME', value: (l) => l.name },
              { title: 'ACTIVE', value: (l) => `v${l.activeVersion}` },
              { title: 'ENTRIES', value: (l) => l.entryCount },
              { title: 'UPDATED', value: (l) => shortDate(l.updatedAt) },
            ]),
          );
        }
        const versions = await g.client()<{ items: Version[] }>(`/screening/lists/${encodeURIComponent(listId)}/versions`);
        emit(ctx.io, g.json, versions.items, (items) =>
          table(items, [
            { title: 'VERSION', value: (v) => `v${v.version}${v.active ? ' (active)' : ''}` },
            { title: 'ENTRIES', value: (v) => v.entryCount },
            { title: 'CHANGES', value: (v) => `+${v.diff.added} -${v.diff.removed} ~${v.diff.changed}` },
            { title: 'FORMAT', value: (v) => v.provenance.format },
            { title: 'IMPORTED', value: (v) => `${shortDate(v.provenance.importedAt)} by ${v.provenance.importedBy}` },
          ]),
        );
      }),
    );

  lists
    .command('import <file>')
    .description(
      "Read a list file offline with the platform's importers and report every bad line (nothing is sent). Exit 1 when the file is rejected.",
    )
    .addOption(formatOption())
    .option('--against <older>', 'also show what the file changes against an older file')
    .action(
      action(ctx, async (file: string, opts: { format?: ListFormat; against?: string }, command: Command) => {
        const g = globalsOf(command, ctx);
        const imported = importLocally(file, opts.format);
        const diff = opts.against ? diffFiles(importLocally(opts.against).entries, imported.entries) : undefined;
        emit(
          ctx.io,
          g.json,
          { file, format: imported.format, entries: imported.entries.length, warnings: imported.warnings, ...(diff ? { diff } : {}) },
          (r) =>
            [
              `${r.file}: ${r.format}, ${r.entries} entries, ${r.warnings} warning(s); ready to publish`,
              ...(r.diff ? [formatDiff(r.diff)] : []),
            ].join('\n'),
        );
      }),
    );

  lists
    .command('diff <listIdOrOlderFile> <versionOrNewerFile>')
    .description(
      'What a published version changed against the one before (`lists diff un-bar 3`), or two files offline (`lists diff old.json new.json`).',
    )
    .action(
      action(ctx, async (first: string, second: string, _opts: unknown, command: Command) => {
        const g = globalsOf(command, ctx);
        if (!/^[1-9]\d*$/.test(second))
          return emit(ctx.io, g.json, diffFiles(importLocally(first).entries, importLocally(second).entries), formatDiff);
        const d = await g.client()<ServerDiff>(`/screening/lists/${encodeURIComponent(first)}/versions/${second}/diff`);
        emit(
          ctx.io,
          g.json,
          d,
          (x) =>
            `${x.listId} v${x.version} against v${x.previousVersion ?? 0}: ${formatDiff({
              added: x.added.map((e) => `${e.id} ${e.name}`),
              removed: x.removed.map((e) => `${e.id} ${e.name}`),
              changed: x.changed.map((e) => `${e.id} ${e.name}: ${e.fields.join(', ')}`),
            })}`,
        );
      }),
    );

  lists
    .command('publish <file>')
    .description("Publish a list file as the list's new active version (starts re-screening). An identical file changes nothing.")
    .requiredOption('-l, --list <listId>', 'the list id, e.g. un-bar')
    .option('-n, --name <name>', "the list's display name")
    .addOption(formatOption())
    .action(
      action(ctx, async (file: string, opts: { list: string; name?: string; format?: ListFormat }, command: Command) => {
        const g = globalsOf(command, ctx);
        const { format, body } = readListArgument(file, opts.format);
        const published = await g.client()<Published>(`/screening/lists/${encodeURIComponent(opts.list)}/versions`, {
          method: 'POST',
          body: new Uint8Array(body),
          headers: { 'content-type': listContentType(format) },
          query: { name: opts.name, format },
        });
        emit(ctx.io, g.json, published, (p) =>
          p.unchanged
            ? `${p.listId}: identical to v${p.version}, nothing changed`
            : `${p.listId} v${p.version} published: +${p.diff?.added ?? 0} -${p.diff?.removed ?? 0} ~${p.diff?.changed ?? 0}; re-screening started (vetting rescreen --watch --list ${p.listId})`,
        );
      }),
    );
}
