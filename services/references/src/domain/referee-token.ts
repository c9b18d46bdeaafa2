import { createHash, randomBytes } from 'node:crypto';

/**
 * The token in a referee's link: 256 random bits from the operating system's CSPRNG. Nothing about
 * the check (its id is built from the candidate id, which the nominating office knows) goes into
 * it, so no one can compute another check's link. Only its SHA-256 hash identifies the link.
 */
export const newRefereeToken = () => randomBytes(32).toString('base64url');

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
