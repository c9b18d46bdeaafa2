import type { WriteState } from './outbox-registry';

/** Write states tracked per store instance (revisions the relay has not cleared yet). */
const MAX_TRACKED = 50_000;

/**
 * How far this writer got with each revision it inserted, until the relay clears it: the relay asks
 * (`get`) before it publishes a revision of this writer, and `forget`s the ones it cleared.
 */
export function createWriteStates(settleView: (id: string) => Promise<unknown>, graceMs: number) {
  const states = new Map<string, WriteState>();
  function track(revision: string, state: WriteState) {
    states.delete(revision);
    states.set(revision, state);
    if (states.size > MAX_TRACKED) states.delete(states.keys().next().value!);
  }
  return {
    track,
    get: (revision: string) => states.get(revision),
    forget: (revision: string) => states.delete(revision),
    /** Looks at the view again once the writer this one crossed must have written its own (see WRITE_GRACE_MS). */
    recheckLater(id: string, revision: string) {
      track(revision, 'recheck');
      const timer = setTimeout(() => {
        settleView(id).then(
          () => states.get(revision) === 'recheck' && track(revision, 'settled'),
          () => states.get(revision) === 'recheck' && track(revision, 'failed'),
        );
      }, graceMs);
      timer.unref();
    },
  };
}
