import { createHash, createHmac } from 'node:crypto';

/**
 * The token in a referee's link. Derived (HMAC of check id and round) rather than random, so a
 * job that runs twice after a stall sends the same link instead of two different ones; only its
 * SHA-256 hash is stored.
 */
export const refereeToken = (secret: string, checkId: string, round: number) => createHmac('sha256', secret).update(`${checkId}#${round}`).digest('base64url');

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
