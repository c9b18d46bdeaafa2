import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { SegmentSummary } from '../domain/chain-segments';
import type { SegmentReply, SegmentTask } from '../threads/verify-segment.thread';

interface Slot {
  worker: Worker;
  inFlight: Map<number, { resolve: (s: SegmentSummary | undefined) => void; reject: (e: Error) => void }>;
}

// Run as TypeScript (tsx, tests) the worker needs the bootstrap; built to JavaScript it runs directly.
const workerModule = new URL(`../threads/verify-segment.thread${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

function spawn(): Worker {
  if (!workerModule.pathname.endsWith('.ts')) return new Worker(workerModule);
  return new Worker(new URL('../threads/ts-thread.bootstrap.mjs', import.meta.url), { workerData: { module: workerModule.href } });
}

/**
 * Worker threads that verify segments of the chain in parallel (SHA-256 over the stored lines).
 * Started on first use and kept for the life of the service; `size` defaults to the cores Node
 * may use. A worker that dies fails the segments it held (the verification then fails loudly).
 */
export function createVerifyPool(size = availableParallelism()) {
  const slots: Slot[] = [];
  let nextId = 0;

  function slot(): Slot {
    if (slots.length < size) {
      const created: Slot = { worker: spawn(), inFlight: new Map() };
      created.worker.on('message', (reply: SegmentReply) => {
        const waiting = created.inFlight.get(reply.id);
        created.inFlight.delete(reply.id);
        if (created.inFlight.size === 0) created.worker.unref(); // an idle pool must not keep a CLI or test alive
        if ('error' in reply) waiting?.reject(new Error(`segment verification failed: ${reply.error}`));
        else waiting?.resolve(reply.summary);
      });
      const failAll = (error: Error) => {
        for (const waiting of created.inFlight.values()) waiting.reject(error);
        created.inFlight.clear();
        const at = slots.indexOf(created);
        if (at >= 0) slots.splice(at, 1);
      };
      created.worker.on('error', failAll);
      created.worker.on('exit', (code) => failAll(new Error(`verification worker exited (${code})`)));
      slots.push(created);
      return created;
    }
    return slots.reduce((a, b) => (b.inFlight.size < a.inFlight.size ? b : a));
  }

  return {
    size,
    /** Verifies one segment (raw blocks packed together; the buffer is transferred, not copied). */
    verify(packed: Uint8Array, checkpoints: [number, string][], range: { from: number; to: number }): Promise<SegmentSummary | undefined> {
      const target = slot();
      const id = nextId++;
      return new Promise<SegmentSummary | undefined>((resolve, reject) => {
        target.inFlight.set(id, { resolve, reject });
        target.worker.ref();
        const task: SegmentTask = { id, packed, checkpoints, range };
        target.worker.postMessage(task, [packed.buffer as ArrayBuffer]);
      });
    },
    async close(): Promise<void> {
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    },
  };
}

export type VerifyPool = ReturnType<typeof createVerifyPool>;
