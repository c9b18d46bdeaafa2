import { randomBytes } from 'node:crypto';
import { declarationFlagged, type Candidate } from './candidate';
import type { NominationInput } from './candidate-rules';
import type { DedupeKey } from './dedupe-keys';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A case reference an office can read out on the phone: country, year, 8 unambiguous characters. */
export function caseReference(country: string, now: Date, bytes = randomBytes(8)): string {
  const code = [...bytes].map((b) => CROCKFORD[b % 32]).join('');
  return `${country}-${now.getUTCFullYear()}-${code}`;
}

/** A freshly nominated candidate, screening about to start (consent was checked before). */
export function newCandidate(
  id: string,
  country: string,
  officeId: string,
  input: NominationInput,
  keys: DedupeKey[],
  now: Date,
  upload?: Candidate['upload'],
): Candidate {
  const at = now.toISOString();
  return {
    id,
    country,
    caseReference: caseReference(country, now),
    officeId,
    nomination: input.nomination,
    person: input.person,
    consent: input.consent,
    ...(input.selfDeclaration ? { selfDeclaration: input.selfDeclaration } : {}),
    ...(input.employmentDeclaration ? { employmentDeclaration: input.employmentDeclaration } : {}),
    declarationFlagged: declarationFlagged(input.selfDeclaration),
    status: 'screening',
    revision: 1,
    screeningDone: false,
    referencesDone: false,
    dedupeKeys: keys.map((k) => k.key),
    ...(upload ? { upload } : {}),
    timeline: [
      { at, status: 'nominated', event: upload ? `nominated (upload ${upload.uploadId}, row ${upload.row})` : 'nominated' },
      ...(input.selfDeclaration && declarationFlagged(input.selfDeclaration)
        ? [{ at, status: 'nominated' as const, event: 'self-declaration flagged to the UN' }]
        : []),
      { at, status: 'screening', event: 'screening started' },
    ],
    createdAt: at,
  };
}
