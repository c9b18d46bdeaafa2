import type { MatchedOn } from './dedupe-keys';

export type UploadMode = 'all-or-nothing' | 'accept-valid-rows';
export type UploadFormat = 'csv' | 'json';
export type UploadState = 'receiving' | 'storing' | 'completed' | 'rejected' | 'failed';

export interface RowProblem {
  row: number;
  field: string;
  reason: string;
}

export interface DuplicateLink {
  row: number;
  candidateId: string;
  matchedOn: MatchedOn;
}

export interface RowCounts {
  read: number;
  valid: number;
  invalid: number;
  stored: number;
  duplicates: number;
}

/** A bulk upload of a contingent: who sent it, how far it got, and why it stopped if it did. */
export interface Upload {
  id: string;
  country: string;
  officeId: string;
  mode: UploadMode;
  format: UploadFormat;
  defaults: { mission?: string; rotation?: string; category?: string };
  state: UploadState;
  rows: RowCounts;
  /** Chunks of validated rows stored while receiving; storing walks them in order. */
  chunks: number;
  /** Chunks whose rows are stored (resuming starts after the last one). */
  chunksStored: number;
  problem?: string;
  createdAt: string;
  completedAt?: string;
}

/** Rows are kept and stored in chunks: one database write per chunk keeps 10,000 rows fast on FerretDB. */
export const CHUNK_ROWS = 500;
export const MAX_ROWS = 10_000;

export const emptyCounts = (): RowCounts => ({ read: 0, valid: 0, invalid: 0, stored: 0, duplicates: 0 });

/** The upload may store rows: all-or-nothing needs every row valid. */
export const mayStore = (u: Pick<Upload, 'mode' | 'rows'>) => u.rows.valid > 0 && (u.mode === 'accept-valid-rows' || u.rows.invalid === 0);
