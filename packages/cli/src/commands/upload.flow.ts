import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { SingleBar } from 'cli-progress';
import type { IntakeHttp } from '@vetting/contracts/http';
import { HttpError } from '../client';
import { CliError, EXIT, type ExitCode } from '../exit-codes';
import { emit, table } from '../output';
import type { Context, Global } from '../program';
import { claimsOf, readToken } from '../settings';

/** An upload's progress and report as intake answers it (contracts/openapi/intake.yaml Upload). */
export type UploadState = IntakeHttp['Upload'];

const POLL_MS = 300;
const finished = (u: UploadState) => u.state === 'completed' || u.state === 'rejected' || u.state === 'failed';

/** Intake's upload id for a caller and an Idempotency-Key: known before the upload ends, so progress can be followed. */
export const uploadIdFor = (username: string, key: string) =>
  `u-${createHash('sha256').update(`${username}:upload:${key}`).digest('hex').slice(0, 24)}`;

/** Rows in the file, for the progress bar's total (a CSV's header is not a row). */
export function countRows(text: string, json: boolean): number {
  if (json) {
    try {
      const parsed = JSON.parse(text) as unknown;
      return Array.isArray(parsed) ? parsed.length : 0;
    } catch {
      return 0;
    }
  }
  return Math.max(0, text.split(/\r?\n/).filter((l) => l.trim() !== '').length - 1);
}

export const formatUpload = (u: UploadState) => {
  const r = u.rows;
  const lines = [
    `upload ${u.id}: ${u.state} — ${r.read} read, ${r.valid} valid, ${r.invalid} with errors, ${r.stored} stored, ${r.duplicates} already nominated`,
  ];
  if (u.problem) lines.push(u.problem);
  if (u.errors?.length) {
    lines.push(
      '',
      table(u.errors, [
        { title: 'ROW', value: (e) => e.row },
        { title: 'FIELD', value: (e) => e.field },
        { title: 'REASON', value: (e) => e.reason },
      ]),
    );
    if (r.invalid > u.errors.length) lines.push(`… and ${r.invalid - u.errors.length} more: use --errors-out <file>`);
  }
  return lines.join('\n');
};

export async function uploadContingent(
  ctx: Context,
  g: Global,
  file: string,
  opts: { mode: string; mission?: string; rotation?: string; category?: string; errorsOut?: string; key?: string },
): Promise<ExitCode> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CliError(`Cannot read ${file}`, EXIT.notFoundOrDenied);
  }
  const json = /\.json$/i.test(file);
  const total = size <= 50 * 1024 * 1024 ? countRows(readFileSync(file, 'utf8'), json) : 0;
  const token = readToken(ctx.env);
  const username = token ? claimsOf(token).sub : undefined;
  if (!username) throw new CliError('Not signed in: run `vetting login`', EXIT.notFoundOrDenied);
  const key = opts.key ?? `cli-${randomUUID()}`;
  const id = uploadIdFor(username, key);
  const client = g.client();
  const bar =
    ctx.io.interactive && !g.json
      ? new SingleBar({ format: ' {phase} [{bar}] {value}/{total} rows | {invalid} with errors', stream: process.stderr, hideCursor: true })
      : undefined;
  bar?.start(Math.max(total, 1), 0, { phase: 'checking', invalid: 0 });
  let latest: UploadState | undefined;
  const show = (u: UploadState) => {
    latest = u;
    const storing = u.state !== 'receiving';
    bar?.setTotal(storing ? Math.max(u.rows.valid, 1) : Math.max(total, u.rows.read, 1));
    bar?.update(storing ? u.rows.stored + u.rows.duplicates : u.rows.read, {
      phase: storing ? 'storing ' : 'checking',
      invalid: u.rows.invalid,
    });
  };
  const poll = async () => {
    const u = await client<UploadState>(`/intake/uploads/${id}`).catch(() => undefined);
    if (u) show(u);
    return u;
  };
  const timer = setInterval(() => void poll(), POLL_MS);
  try {
    try {
      show(
        await client<UploadState>('/intake/uploads', {
          method: 'POST',
          query: { mode: opts.mode, mission: opts.mission, rotation: opts.rotation, category: opts.category },
          headers: { 'content-type': json ? 'application/json' : 'text/csv', 'idempotency-key': key },
          body: Readable.toWeb(createReadStream(file)),
        }),
      );
    } catch (error) {
      // A rejected all-or-nothing upload (422) still has its report under the same id.
      if (!(error instanceof HttpError) || !error.problem.uploadId) throw error;
    }
    while (!latest || !finished(latest)) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      await poll();
    }
  } finally {
    clearInterval(timer);
    bar?.stop();
  }
  const result = (await client<UploadState>(`/intake/uploads/${id}`).catch(() => undefined)) ?? latest;
  if (opts.errorsOut && result.rows.invalid > 0) {
    const res = await client<Response>(`/intake/uploads/${id}/errors.csv`, { raw: true, headers: { accept: 'text/csv' } });
    writeFileSync(opts.errorsOut, Buffer.from(await res.arrayBuffer()));
  }
  emit(ctx.io, g.json, result, formatUpload);
  return result.state === 'completed' && result.rows.invalid === 0 ? EXIT.ok : EXIT.failure;
}
