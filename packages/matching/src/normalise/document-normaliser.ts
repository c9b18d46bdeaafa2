/**
 * Document and service numbers: upper-case letters and digits only, every digit kept.
 * "A-123 456/7" and "a1234567" are the same number; "0123" and "123" are not.
 */
export function normaliseDocumentNumber(raw: string): string {
  return raw
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}
