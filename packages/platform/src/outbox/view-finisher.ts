import type { Document } from 'mongodb';
import type { RevisionDoc } from './aggregate-types';
import type { createLatestRevisions } from './latest-revisions';
import type { createViewProjector } from './view-projector';
import type { createWriteStates } from './write-states';

/**
 * The last step of a change: writes the row of a stored revision, tells the relay how far it got
 * (see WriteState) and returns the revision the row shows. A write slower than half the grace reads
 * the newest revision once (a writer that crossed this one may have checked already), unless this
 * store wrote a newer revision since: its row comes after this one, and checks in turn.
 * `rethrow`: the caller awaits the row (else a failure leaves the revision `failed` for the relay).
 */
export function createViewFinisher<S extends Record<string, unknown>>(deps: {
  views: ReturnType<typeof createViewProjector<S>>;
  states: ReturnType<typeof createWriteStates>;
  latest: ReturnType<typeof createLatestRevisions<S>>;
  writer: string;
  graceMs: number;
}) {
  const { views, states, latest, writer, graceMs } = deps;
  return async function finishView(id: string, doc: RevisionDoc<S>, row: Document, startedAt: number, crossed: boolean, rethrow = false) {
    let shown = doc;
    try {
      await views.write(row);
      const newer = latest.get(id);
      const ownNewer = newer !== undefined && newer !== null && newer.rev > doc.rev && newer.writer === writer;
      if (performance.now() - startedAt > graceMs / 2 && !ownNewer) shown = await views.showNewest(id, doc);
    } catch (error) {
      states.track(doc._id, 'failed');
      if (rethrow) throw error;
      return doc;
    }
    if (crossed) states.recheckLater(id, doc._id);
    else states.track(doc._id, 'settled');
    if (shown !== doc && (latest.get(id)?.rev ?? 0) <= shown.rev) latest.remember(id, shown);
    return shown;
  };
}
