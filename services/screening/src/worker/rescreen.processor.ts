import type { Logger } from '@vetting/platform';
import type { ActiveLists } from '../domain/active-lists';
import type { ListRepository } from '../data/list.repository';
import type { RescreenRepository, RescreenState } from '../data/rescreen.repository';
import type { ScreeningDeps } from '../use-cases/record-screening.use-case';
import { rescreenSubject } from '../use-cases/rescreen-subject.use-case';

export interface RescreenWorkerDeps extends ScreeningDeps {
  rescreens: RescreenRepository;
  repository: ListRepository;
  lists: ActiveLists;
  /** Loads the list's active version into `lists` if this instance does not have it yet. */
  reload: (listId: string) => Promise<void>;
  logger: Logger;
  /** Subjects per batch; the cursor is persisted after each. */
  batchSize: number;
  /** Test hook, called after each subject; throwing simulates a crash mid-batch. */
  afterSubject?: (job: RescreenState, index: number) => void | Promise<void>;
}

/**
 * Asks for the next item as soon as the current one is handed out, so the database reads batch n+1
 * while batch n is screened (FerretDB decodes in its own process: on two cores the two overlap).
 */
async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  const ask = () => {
    const p = it.next();
    p.catch(() => undefined); // a failed read surfaces when awaited, not as an unhandled rejection meanwhile
    return p;
  };
  let next = ask();
  try {
    for (;;) {
      const current = await next;
      if (current.done) return;
      next = ask();
      yield current.value;
    }
  } finally {
    // Left early (stopped, or the job moved on): let the read in flight settle, then close the cursor.
    await next.catch(() => undefined);
    await it.return?.(undefined);
  }
}

/**
 * Runs the open re-screening jobs, batch by batch. Started on `banlist.published` and at service
 * start, so a job interrupted by a crash resumes from its persisted cursor; the batch in progress
 * is redone, and each candidate's change applies once (its revision's cause is unique).
 */
export function createRescreenWorker(deps: RescreenWorkerDeps) {
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  async function runJob(job: RescreenState): Promise<void> {
    const { listId, version } = job;
    await deps.reload(listId);
    const loaded = deps.lists.versionOf(listId);
    if (!loaded || loaded.version < version) return; // not loaded yet: the list consumer kicks again
    if (loaded.version > version) return deps.rescreens.finish(listId, version, 'superseded', deps.now().toISOString());
    let state = (await deps.rescreens.load(listId, version))?.state ?? job;
    if (state.status !== 'running') return;
    let delta;
    if (job.mode === 'delta') {
      const diff = (await deps.repository.versionDoc(listId, version))?.diff;
      delta = deps.lists.deltaSearcher(listId, [...(diff?.added ?? []), ...(diff?.changed.map((c) => c.id) ?? [])]);
    }
    const started = Date.now();
    for await (const batch of readAhead(deps.subjects.batchesAfter(state.cursor, deps.batchSize))) {
      let changed = 0;
      for (const [i, view] of batch.entries()) {
        const { _id: _i, _rev, _updatedAt: _u, ...subject } = view as typeof view & { _updatedAt?: string };
        const result = await rescreenSubject({ state: subject, rev: _rev }, { listId, version, ...(delta ? { delta } : {}) }, deps);
        if (result === 'changed') changed += 1;
        await deps.afterSubject?.(state, i);
        if (stopped) return; // the batch is redone on the next start
      }
      const last = batch[batch.length - 1]!._id;
      await deps.rescreens.commitBatch(listId, version, state.batches, (s) => ({
        ...s,
        cursor: last,
        batches: s.batches + 1,
        processed: s.processed + batch.length,
        changed: s.changed + changed,
      }));
      const exact = await deps.rescreens.load(listId, version);
      if (!exact || exact.state.status !== 'running' || exact.state.cursor !== last) return; // finished or moved on by another worker
      state = exact.state;
    }
    if (stopped) return;
    await deps.rescreens.finish(listId, version, 'completed', deps.now().toISOString());
    deps.logger.info(
      { listId, version, processed: state.processed, changed: state.changed, ms: Date.now() - started },
      're-screening completed',
    );
  }

  async function runAll() {
    do {
      again = false;
      for (const job of await deps.rescreens.running()) {
        if (stopped) return;
        await runJob(job);
      }
    } while (again && !stopped);
  }

  return {
    /** Runs every open job; a kick while running makes it look again when done. */
    kick(): Promise<void> {
      if (stopped) return Promise.resolve();
      if (running) {
        again = true;
        return running;
      }
      running = runAll()
        .catch((error) =>
          deps.logger.error({ err: error }, 're-screening interrupted; it resumes from its cursor on the next start or publication'),
        )
        .finally(() => (running = undefined));
      return running;
    },
    async stop() {
      stopped = true;
      await running;
    },
  };
}

export type RescreenWorker = ReturnType<typeof createRescreenWorker>;
