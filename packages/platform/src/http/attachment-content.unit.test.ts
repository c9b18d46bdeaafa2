import { describe, expect, it } from 'vitest';
import { attachmentProblem, safeFilename } from './attachment-content';

describe('attachment content check', () => {
  it('when the content agrees with its declared type, then it is accepted', () => {
    expect(attachmentProblem('application/pdf', Buffer.from('%PDF-1.7\n…'))).toBeUndefined();
    expect(attachmentProblem('text/plain', Buffer.from('Je conteste ces faits.'))).toBeUndefined();
    expect(attachmentProblem('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]))).toBeUndefined();
  });

  it('when an executable or a script is declared as a PDF, or the type is not accepted, then the reason says which', () => {
    expect(attachmentProblem('application/pdf', Buffer.from('MZ\x90\x00binary'))).toMatch(/not a PDF/);
    expect(attachmentProblem('text/html', Buffer.from('<script>'))).toMatch(/text\/html is not accepted/);
    expect(attachmentProblem('text/plain', Buffer.from([0x41, 0x00, 0x42]))).toMatch(/not UTF-8 text/);
  });

  it('when a file name carries a path or control characters, then only a plain name is kept', () => {
    expect(safeFilename('../../etc/passwd')).toBe('passwd');
    expect(safeFilename('C:\\Users\\x\\reply\u0007.pdf')).toBe('reply.pdf');
    expect(safeFilename(undefined)).toBe('attachment');
  });
});
