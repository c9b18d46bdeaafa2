import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import { insertOnce } from '@vetting/platform';

export interface RefereeLink {
  /** SHA-256 of the token: the token itself is never stored in clear. */
  tokenHash: string;
  /**
   * The token sealed under the reference set's data key (answer cipher), so a rerun of the job and
   * the reminders send the same link; unreadable once the set's key is destroyed (erasure).
   */
  sealedToken: string;
  checkId: string;
  round: number;
  expiresAt: string;
}

type LinkDoc = RefereeLink & { _id: string };

const linkId = (checkId: string, round: number) => `${checkId}#${round}`;

/**
 * Referee links, one per check and round (insert-once by `<checkId>#<round>`): the first job run
 * stores its random token's hash before any mail goes; a rerun finds it and sends the same link.
 */
export function createRefereeLinkRepository(db: Connection) {
  const links = db.collection('referee_links') as unknown as Collection<LinkDoc>;
  const plain = ({ _id, ...link }: LinkDoc): RefereeLink => link;
  return {
    // Not unique: rows of the earlier format (id = hash, no tokenHash field) may still be there; they open nothing.
    ensureIndexes: async () => void (await links.createIndex({ tokenHash: 1 })),
    /** Stores the round's link unless it exists; returns the stored one (the first token and expiry win). */
    async issue(link: RefereeLink): Promise<RefereeLink> {
      const _id = linkId(link.checkId, link.round);
      if (await insertOnce(links, { _id, ...link })) return link;
      const stored = await links.findOne({ _id });
      if (!stored) throw new Error(`referee link ${_id} collided but cannot be read`);
      return plain(stored);
    },
    /** The link of a check's round, if it was issued. */
    async ofRound(checkId: string, round: number): Promise<RefereeLink | undefined> {
      const doc = await links.findOne({ _id: linkId(checkId, round) });
      return doc ? plain(doc) : undefined;
    },
    /** The link a token opens (by its hash). */
    async find(tokenHash: string): Promise<RefereeLink | undefined> {
      const doc = await links.findOne({ tokenHash });
      return doc ? plain(doc) : undefined;
    },
  };
}

export type RefereeLinkRepository = ReturnType<typeof createRefereeLinkRepository>;
