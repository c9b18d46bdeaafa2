import { countryScope, notFound, recordListRead, type AccessRecorder, type Actor } from '@vetting/platform';
import { csvLine } from '../domain/csv-report';
import type { Upload } from '../domain/upload';
import type { CandidateRepository } from '../data/candidate.repository';
import type { UploadRepository } from '../data/upload.repository';
import { firstProblems } from './receive-upload.use-case';

export interface ReadUploadDeps {
  uploads: UploadRepository;
  repository: CandidateRepository;
  access: AccessRecorder;
}

async function visibleUpload(actor: Actor, id: string, deps: ReadUploadDeps): Promise<Upload> {
  const upload = await deps.uploads.find(id);
  const scope = countryScope(actor);
  if (!upload || (scope && scope !== upload.country)) throw notFound('UPLOAD.NOT_FOUND', 'No such upload');
  return upload;
}

/**
 * Progress and report of an upload: counts, the first row problems, and the rows linked to people
 * already nominated (with their case references). Readable while the upload runs.
 */
export async function getUpload(actor: Actor, id: string, deps: ReadUploadDeps) {
  const upload = await visibleUpload(actor, id, deps);
  const errors = upload.rows.invalid ? await firstProblems(id, upload.chunks, deps.uploads) : [];
  const links = [];
  for (let c = 0; c < upload.chunksStored && links.length < 1000; c++)
    links.push(...((await deps.uploads.result(id, c))?.duplicates ?? []));
  const shown = links.slice(0, 1000);
  const references = await deps.repository.caseReferences([...new Set(shown.map((d) => d.candidateId))]);
  await recordListRead(deps.access, actor, references.keys(), {
    resource: 'intake/upload',
    purpose: 'bulk upload report',
    fields: ['caseReference'],
  });
  const { officeId: _o, defaults: _d, chunks: _c, chunksStored: _s, ...rest } = upload;
  return {
    ...rest,
    errors,
    ...(upload.rows.invalid ? { errorsUrl: `/uploads/${id}/errors.csv` } : {}),
    duplicates: shown.map((d) => ({ ...d, ...(references.get(d.candidateId) ? { caseReference: references.get(d.candidateId) } : {}) })),
  };
}

/** Every bad row as CSV lines (row, field, reason), chunk by chunk so a large report is never held whole. */
export async function* uploadErrorsCsv(actor: Actor, id: string, deps: ReadUploadDeps): AsyncGenerator<string> {
  const upload = await visibleUpload(actor, id, deps);
  yield `\uFEFF${csvLine(['row', 'field', 'reason'])}`;
  for (let c = 0; c < upload.chunks; c++) {
    let lines = '';
    for (const p of (await deps.uploads.problems(id, c)) ?? []) lines += csvLine([p.row, p.field, p.reason]);
    if (lines) yield lines;
  }
}
