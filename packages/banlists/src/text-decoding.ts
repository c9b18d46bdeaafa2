import { ImportError, type ImportFormat } from './import-error';

/** File content as the caller has it: raw bytes from an upload, or text already decoded. */
export type FileContent = string | Uint8Array;

const UTF16_BOMS: Array<[number, number, string]> = [
  [0xff, 0xfe, 'UTF-16 LE'],
  [0xfe, 0xff, 'UTF-16 BE'],
];

/**
 * Decodes UTF-8 with or without a byte-order mark. Anything else is rejected naming the line of the first
 * bad byte: silently decoding Latin-1 would turn "José" into "Jos�" and the name would never match again.
 */
export function decodeUtf8(content: FileContent, format: ImportFormat): string {
  if (typeof content === 'string') return content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  for (const [a, b, name] of UTF16_BOMS) {
    if (content[0] === a && content[1] === b) {
      throw new ImportError(format, [{ line: 1, reason: `file is ${name}; save it as UTF-8` }]);
    }
  }
  try {
    // ignoreBOM: false (the default) strips a leading UTF-8 BOM.
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch (cause) {
    const offset = firstInvalidUtf8Offset(content);
    const line = lineAt(content, offset);
    throw new ImportError(
      format,
      [
        {
          line,
          reason: `not valid UTF-8 (byte 0x${(content[offset] ?? 0).toString(16)} at offset ${offset}); save the file as UTF-8`,
        },
      ],
      { cause },
    );
  }
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += len;
  }
  return bytes.length;
}

/** 1-based line of a character offset in decoded text. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
