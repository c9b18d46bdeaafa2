import { parentPort } from 'node:worker_threads';
import { summariseBlocks, type SegmentSummary } from '../domain/chain-segments';
import { blockTextOfRaw, unpackRaw } from '../data/raw-entry';

/** Consecutive raw blocks to verify, with the signed checkpoints and the range asked for. */
export interface SegmentTask {
  id: number;
  packed: Uint8Array;
  checkpoints: [number, string][];
  range: { from: number; to: number };
}

export type SegmentReply = { id: number; summary: SegmentSummary | undefined } | { id: number; error: string };

// Hashing the stored lines, the costly part of verification, runs here; the joining stays with the caller.
parentPort?.on('message', (task: SegmentTask) => {
  let reply: SegmentReply;
  try {
    const texts = [...unpackRaw(task.packed)].map(blockTextOfRaw);
    reply = { id: task.id, summary: summariseBlocks(texts, new Map(task.checkpoints), task.range) };
  } catch (error) {
    reply = { id: task.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
