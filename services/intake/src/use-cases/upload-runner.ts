import { sleep } from '@vetting/platform';
import type { UploadRepository } from '../data/upload.repository';
import { storeUpload, type StoreDeps } from './store-upload.use-case';

/**
 * Runs the storing of uploads in the background, one task per upload, retrying a failed run (the
 * database or broker restarting) with a growing pause. At start it resumes the uploads a crash left
 * `storing`, and fails those whose request died while `receiving` (their rows were never complete).
 */
export function createUploadRunner(deps: StoreDeps & { uploads: UploadRepository }) {
  const running = new Map<string, Promise<void>>();
  let stopped = false;
  const storeDeps: StoreDeps = { ...deps, stopping: () => stopped };

  async function run(uploadId: string) {
    for (let attempt = 1; !stopped; attempt++) {
      try {
        await storeUpload(uploadId, storeDeps);
        return;
      } catch (error) {
        deps.logger.warn({ err: error, uploadId, attempt }, 'storing an upload failed; will retry');
        await sleep(Math.min(30_000, 500 * 2 ** attempt));
      }
    }
  }

  return {
    start(uploadId: string) {
      if (stopped || running.has(uploadId)) return;
      running.set(
        uploadId,
        run(uploadId).finally(() => running.delete(uploadId)),
      );
    },
    /** Resumes interrupted uploads; a `receiving` upload older than `staleMs` lost its request. */
    async resume(staleMs = 15 * 60_000) {
      for (const upload of await deps.uploads.unfinished()) {
        if (upload.state === 'storing') this.start(upload.id);
        else if (Date.parse(upload.createdAt) < deps.now().getTime() - staleMs)
          await deps.uploads.progress(upload.id, {
            state: 'failed',
            problem: 'The upload was interrupted while the file was being received; upload it again',
            completedAt: deps.now().toISOString(),
          });
      }
    },
    /** Waits for a running upload (tests and benchmarks). */
    idle: (uploadId: string) => running.get(uploadId) ?? Promise.resolve(),
    async stop() {
      stopped = true;
      await Promise.allSettled([...running.values()]);
    },
  };
}

export type UploadRunner = ReturnType<typeof createUploadRunner>;
