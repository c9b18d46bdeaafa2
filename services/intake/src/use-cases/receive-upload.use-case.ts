import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { AppError, badRequest, type Actor } from '@vetting/platform';
import { applyNominationDefaults, columnOf, csvRecordToSubmission } from '../domain/contingent-row';
import { CHUNK_ROWS, emptyCounts, mayStore, type RowProblem, type Upload, type UploadFormat, type UploadMode } from '../domain/upload';
import type { ChunkDoc, UploadRepository } from '../data/upload.repository';
import type { SubmissionValidator } from '../api/submission.validator';
import { readContingentFile } from './contingent-file.reader';
import type { PolicyFollower } from '@vetting/policy';
import { commandCountry } from './submit-candidate.use-case';

export interface UploadParams {
  mode: UploadMode;
  mission?: string;
  rotation?: string;
  category?: string;
}

export interface ReceiveDeps {
  uploads: UploadRepository;
  validate: SubmissionValidator;
  /** The vetting policy versions clearance published: rows must account for its employment look-back window. */
  policies: Pick<PolicyFollower, 'current'>;
  now: () => Date;
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Rows per stored chunk. Default CHUNK_ROWS (500); tests use small chunks. */
  chunkRows?: number;
  /** Starts storing the valid rows in the background. */
  startStoring: (uploadId: string) => void;
}

/** The file format from the Content-Type; only UTF-8 (or no charset) is accepted. */
export function uploadFormat(contentType: string | undefined): UploadFormat {
  const [type = '', ...params] = (contentType ?? '')
    .toLowerCase()
    .split(';')
    .map((s) => s.trim());
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  if (charset && charset !== 'utf-8' && charset !== 'utf8')
    throw new AppError('UPLOAD.NOT_UTF8', `Only UTF-8 files are accepted, not ${charset}`, {
      status: 415,
      errors: [{ field: 'header/content-type', reason: `charset ${charset} is not UTF-8` }],
    });
  if (type === 'text/csv') return 'csv';
  if (type === 'application/json') return 'json';
  throw new AppError('UPLOAD.UNSUPPORTED_TYPE', 'Send the contingent as text/csv or application/json', {
    status: 415,
    errors: [{ field: 'header/content-type', reason: 'must be text/csv or application/json' }],
  });
}

export const uploadIdFor = (actor: Actor, key?: string) =>
  `u-${key ? createHash('sha256').update(`${actor.id}:upload:${key}`).digest('hex').slice(0, 24) : randomBytes(12).toString('hex')}`;

/**
 * Reads a contingent file row by row as it streams in, validates every row like a single nomination
 * and keeps the valid rows (and every problem) in chunks of 500. Nothing becomes a candidate here:
 * storing starts only after the whole file was read, so an all-or-nothing upload with one bad row
 * stores nothing. Returns the upload, now `storing` (or throws 4xx, the upload then `rejected`).
 */
export async function receiveUpload(
  actor: Actor,
  params: UploadParams,
  file: { body: Readable; contentType?: string; length?: number },
  deps: ReceiveDeps,
  key?: string,
): Promise<{ upload: Upload; created: boolean }> {
  const format = uploadFormat(file.contentType);
  const country = commandCountry(actor);
  if (file.length !== undefined && file.length > deps.maxBytes)
    throw new AppError('UPLOAD.TOO_LARGE', `The file is larger than ${deps.maxBytes} bytes`, {
      status: 413,
      errors: [{ field: 'body', reason: `is ${file.length} bytes; at most ${deps.maxBytes}` }],
    });
  const defaults = { mission: params.mission, rotation: params.rotation, category: params.category };
  // One policy version for the whole file: every row is judged by the same look-back window.
  const policy = await deps.policies.current();
  const upload: Upload = {
    id: uploadIdFor(actor, key),
    country,
    officeId: actor.id,
    mode: params.mode,
    format,
    defaults: Object.fromEntries(Object.entries(defaults).filter(([, v]) => v)),
    state: 'receiving',
    rows: emptyCounts(),
    chunks: 0,
    chunksStored: 0,
    createdAt: deps.now().toISOString(),
  };
  if (!(await deps.uploads.create(upload))) {
    file.body.resume(); // the same upload again (Idempotency-Key): answer with the first one
    return { upload: (await deps.uploads.find(upload.id)) ?? upload, created: false };
  }
  const counts = upload.rows;
  let rows: ChunkDoc['rows'] = [];
  let problems: RowProblem[] = [];
  let chunk = 0;
  // A chunk is saved (sealed, one insert, then the progress) while the next one is read: at most one
  // save in flight, so at most two chunks are held, and a failed save surfaces at the next flush.
  let saving: Promise<void> = Promise.resolve();
  const flush = async () => {
    const [c, full, found, seen] = [chunk++, rows, problems, { ...counts }];
    rows = [];
    problems = [];
    await saving;
    saving = (async () => {
      await deps.uploads.saveChunk(upload.id, c, full, found);
      await deps.uploads.progress(upload.id, { rows: seen, chunks: c + 1 });
    })();
    saving.catch(() => undefined); // awaited by the next flush or after the last row
  };
  try {
    for await (const item of readContingentFile(file.body, format, deps.maxBytes)) {
      counts.read++;
      if ('problem' in item) {
        counts.invalid++;
        problems.push({ row: item.row, field: 'row', reason: item.problem });
      } else {
        const raw = item.csv
          ? csvRecordToSubmission(item.record as Record<string, string>, defaults)
          : applyNominationDefaults(item.record, defaults);
        const check = deps.validate(raw, deps.now(), { country, policy });
        if (check.ok) {
          counts.valid++;
          rows.push({ row: item.row, input: check.input });
        } else {
          counts.invalid++;
          for (const p of check.problems) problems.push({ row: item.row, field: item.csv ? columnOf(p.field) : p.field, reason: p.reason });
        }
      }
      if (counts.read % (deps.chunkRows ?? CHUNK_ROWS) === 0) await flush();
    }
    if (rows.length || problems.length || chunk === 0) await flush();
    await saving;
  } catch (error) {
    await saving.catch(() => undefined); // its progress must not land after the rejection below
    const problem = error instanceof AppError ? error.message : 'The file could not be read';
    await deps.uploads.progress(upload.id, {
      state: 'rejected',
      rows: counts,
      chunks: chunk,
      problem,
      completedAt: deps.now().toISOString(),
    });
    if (error instanceof AppError) error.extensions.uploadId = upload.id;
    throw error;
  }
  return { upload: await finishReceiving(upload, counts, chunk, deps), created: true };
}

/** The first `limit` row problems, in row order (all of them are in errors.csv). */
export async function firstProblems(uploadId: string, chunks: number, uploads: UploadRepository, limit = 100): Promise<RowProblem[]> {
  const found: RowProblem[] = [];
  for (let c = 0; c < chunks && found.length < limit; c++) found.push(...((await uploads.problems(uploadId, c)) ?? []));
  return found.slice(0, limit);
}

async function finishReceiving(upload: Upload, counts: Upload['rows'], chunks: number, deps: ReceiveDeps): Promise<Upload> {
  const errorsUrl = `/uploads/${upload.id}/errors.csv`;
  if (counts.read === 0) {
    await deps.uploads.progress(upload.id, { state: 'rejected', problem: 'The file has no rows', completedAt: deps.now().toISOString() });
    throw badRequest('UPLOAD.EMPTY', 'The file has no rows', [{ field: 'body', reason: 'has no data rows' }]);
  }
  if (!mayStore({ mode: upload.mode, rows: counts })) {
    const problem = counts.valid === 0 ? 'No row is valid' : `${counts.invalid} row(s) are invalid; nothing was stored (all-or-nothing)`;
    await deps.uploads.progress(upload.id, { state: 'rejected', problem, completedAt: deps.now().toISOString() });
    const errors = (await firstProblems(upload.id, chunks, deps.uploads)).map((p) => ({
      field: `row ${p.row}: ${p.field}`,
      reason: p.reason,
    }));
    throw new AppError('UPLOAD.INVALID_ROWS', problem, {
      status: 422,
      errors,
      extensions: { uploadId: upload.id, errorsUrl, rows: counts },
    });
  }
  await deps.uploads.progress(upload.id, { state: 'storing' });
  deps.startStoring(upload.id);
  return { ...upload, rows: counts, chunks, state: 'storing' };
}
