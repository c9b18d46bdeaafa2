import { parentPort } from 'node:worker_threads';
import { summariseSegment, type SegmentSummary } from '../domain/chain-segments';
import { entryOfRaw, unpackRaw } from '../data/raw-entry';

/** A segment of raw stored entries to verify, with the signed checkpoints that fall in it. */
export interface SegmentTask {
  id: number;
  packed: Uint8Array;
  checkpoints: [number, string][];
}

export type SegmentReply = { id: number; summary: SegmentSummary } | { id: number; error: string };

// Decoding and hashing, the costly part of verification, run here; the joining stays with the caller.
parentPort?.on('message', (task: SegmentTask) => {
  let reply: SegmentReply;
  try {
    const entries = [...unpackRaw(task.packed)].map(entryOfRaw);
    reply = { id: task.id, summary: summariseSegment(entries, new Map(task.checkpoints)) };
  } catch (error) {
    reply = { id: task.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
