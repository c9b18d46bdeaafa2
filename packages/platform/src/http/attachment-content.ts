/**
 * The file types an uploaded document (a candidate's response, a signed consent) may carry, each recognised by its first bytes: the type a
 * client declares is believed only when the content agrees, so a script or an executable cannot be
 * stored as a "PDF" and later opened by an adjudicator as something else.
 */
export const ATTACHMENT_TYPES: Record<string, { label: string; matches: (b: Buffer) => boolean }> = {
  'application/pdf': { label: 'a PDF', matches: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  'image/png': {
    label: 'a PNG image',
    matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  'image/jpeg': { label: 'a JPEG image', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  'text/plain': { label: 'UTF-8 text', matches: (b) => !b.includes(0) && Buffer.from(b.toString('utf8'), 'utf8').equals(b) },
};

/** The media type without parameters (`text/plain; charset=utf-8` → `text/plain`), lower case. */
export const mediaType = (header: string | undefined) => (header ?? '').split(';')[0]!.trim().toLowerCase();

/** Why this content cannot be stored as `contentType`, or undefined when it can. */
export function attachmentProblem(contentType: string, bytes: Buffer): string | undefined {
  const known = ATTACHMENT_TYPES[contentType];
  if (!known) return `${contentType || 'no type'} is not accepted: send ${Object.keys(ATTACHMENT_TYPES).join(', ')}`;
  if (!bytes.length) return 'is empty';
  if (!known.matches(bytes)) return `the content is not ${known.label} as its Content-Type says`;
  return undefined;
}

/** A file name safe to show and to offer for download: no path, no control characters. */
export function safeFilename(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 200);
  return clean || 'attachment';
}
