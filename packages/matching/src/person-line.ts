import type { IdentityDocument, PersonQuery } from './model';

/** A person to screen, as a people file gives them (a reviewer's confirmations come only from the platform). */
export type PersonLine = Omit<PersonQuery, 'confirmedEntryIds'>;

/**
 * One line of a people file (JSON Lines), the one format the batch tools read: `{ "id" | "ref",
 * "names": [...] | "name", "dateOfBirth"?, "nationalities"?, "gender"?, "documents"?,
 * "serviceNumbers"? }`. Names shorter than two characters are dropped (they match everything); a
 * line with no name left, or that is not JSON, is an error naming the line, never a silent clear.
 */
export function parsePersonLine(line: string, lineNo: number): { ref?: string; person: PersonLine } | { line: number; error: string } {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return { line: lineNo, error: 'not valid JSON' };
  }
  const ref = [raw.ref, raw.id].find((v) => typeof v === 'string' || typeof v === 'number');
  const names = Array.isArray(raw.names)
    ? raw.names.filter((n): n is string => typeof n === 'string' && n.trim().length >= 2)
    : typeof raw.name === 'string'
      ? [raw.name]
      : [];
  if (!names.length) return { line: lineNo, error: 'names (or name) is required' };
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const documents = Array.isArray(raw.documents)
    ? raw.documents.filter((d): d is IdentityDocument => typeof d === 'object' && d !== null && typeof d.number === 'string')
    : [];
  const person: PersonLine = {
    names,
    ...(typeof raw.dateOfBirth === 'string' ? { dateOfBirth: raw.dateOfBirth } : {}),
    ...(strings(raw.nationalities).length ? { nationalities: strings(raw.nationalities).map((n) => n.toUpperCase()) } : {}),
    ...(raw.gender === 'male' || raw.gender === 'female' || raw.gender === 'other' ? { gender: raw.gender } : {}),
    ...(documents.length ? { documents } : {}),
    ...(strings(raw.serviceNumbers).length ? { serviceNumbers: strings(raw.serviceNumbers) } : {}),
  };
  return { ...(ref !== undefined ? { ref: String(ref) } : {}), person };
}
