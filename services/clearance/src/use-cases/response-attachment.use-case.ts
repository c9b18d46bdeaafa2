import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { AppError, notFound, type Actor } from '@vetting/platform';
import { ATTACHMENT_TYPES, attachmentProblem, mediaType, safeFilename } from '@vetting/platform';
import type { AttachmentRef } from '../domain/case-inputs';
import { openCase, type NoticeDeps } from './candidate-notice.use-case';

type Deps = Pick<NoticeDeps, 'repository' | 'cipher' | 'attachments' | 'access' | 'now'> & { maxBytes: number };

const tooLarge = (max: number) =>
  new AppError('CLEARANCE.ATTACHMENT_TOO_LARGE', `An attachment may hold at most ${max} bytes`, { status: 413 });

/** Reads the body, stopping (413) as soon as it passes `max`: a large file is never held whole. */
async function readLimited(body: Readable, max: number, declared?: number): Promise<Buffer> {
  if (declared !== undefined && declared > max) throw tooLarge(max);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > max) {
      body.resume(); // drain the rest so the connection can answer
      throw tooLarge(max);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * POST /cases/{id}/attachments: a file the candidate sent with their response (a letter, a
 * statement, a certificate). Size-limited, its content checked against its declared type, sealed
 * under the person's data key before it is stored; only its description and digest stay in clear.
 * A response then names it (`attachmentIds`).
 */
export async function uploadAttachment(
  actor: Actor,
  candidateId: string,
  file: { body: Readable; contentType?: string; length?: number; filename?: string },
  deps: Deps,
): Promise<AttachmentRef> {
  const c = await openCase(deps, candidateId);
  const contentType = mediaType(file.contentType);
  const bytes = await readLimited(file.body, deps.maxBytes, file.length);
  const problem = attachmentProblem(contentType, bytes);
  if (problem) {
    // An accepted type whose content disagrees is a bad request; a type never accepted, unsupported media.
    const status = ATTACHMENT_TYPES[contentType] ? 400 : 415;
    throw new AppError('CLEARANCE.ATTACHMENT_REFUSED', 'The attachment is refused', {
      status,
      errors: [{ field: 'header/content-type', reason: problem }],
    });
  }
  const attachmentId = `att-${randomUUID()}`;
  const ref: AttachmentRef = {
    attachmentId,
    filename: safeFilename(file.filename),
    contentType,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
  const sealed = await deps.cipher.sealBytes(c.candidateId, `attachment:${attachmentId}`, bytes);
  await deps.attachments.insert({ ...ref, candidateId: c.candidateId, sealed, uploadedBy: actor.id, uploadedAt: deps.now().toISOString() });
  await deps.access.record({
    actor,
    subjectId: candidateId,
    resource: 'clearance/attachment',
    purpose: 'record candidate response',
    fields: ['attachment'],
  });
  return ref;
}

/** GET /cases/{id}/attachments/{attachmentId}: the file, opened for the reader; every read is recorded. */
export async function openAttachment(actor: Actor, candidateId: string, attachmentId: string, deps: Omit<Deps, 'maxBytes'>) {
  const stored = await deps.attachments.get(candidateId, attachmentId);
  if (!stored) throw notFound('CLEARANCE.ATTACHMENT_NOT_FOUND', 'No such attachment for this candidate');
  await deps.access.record({
    actor,
    subjectId: candidateId,
    resource: 'clearance/attachment',
    purpose: 'read candidate response',
    fields: ['attachment'],
  });
  const bytes = await deps.cipher.openBytes(`attachment:${attachmentId}`, stored.sealed);
  if (createHash('sha256').update(bytes).digest('hex') !== stored.sha256)
    throw new AppError('CLEARANCE.ATTACHMENT_CORRUPT', 'The stored attachment does not match its digest', { status: 500 });
  return {
    ref: { attachmentId, filename: stored.filename, contentType: stored.contentType, size: stored.size, sha256: stored.sha256 },
    bytes,
  };
}
