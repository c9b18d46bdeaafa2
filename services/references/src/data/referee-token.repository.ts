import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';

export interface RefereeLink {
  /** SHA-256 of the token: the token itself is never stored. */
  tokenHash: string;
  checkId: string;
  round: number;
  expiresAt: string;
}

type LinkDoc = Omit<RefereeLink, 'tokenHash'> & { _id: string };

/** Referee links, insert-once by token hash: a job run twice issues the same link once. */
export function createRefereeLinkRepository(db: Connection) {
  const links = db.collection('referee_links') as unknown as Collection<LinkDoc>;
  return {
    /** Stores the link unless it exists; returns the stored one (its first expiry wins). */
    async issue(link: RefereeLink): Promise<RefereeLink> {
      const { tokenHash, ...rest } = link;
      try {
        await links.insertOne({ _id: tokenHash, ...rest });
        return link;
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) throw error;
        return (await this.find(tokenHash)) ?? link;
      }
    },
    async find(tokenHash: string): Promise<RefereeLink | undefined> {
      const doc = await links.findOne({ _id: tokenHash });
      if (!doc) return undefined;
      const { _id, ...rest } = doc;
      return { tokenHash: _id, ...rest };
    },
  };
}

export type RefereeLinkRepository = ReturnType<typeof createRefereeLinkRepository>;
