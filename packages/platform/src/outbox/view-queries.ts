import type { Collection as MongoCollection, Document, Filter, Sort } from 'mongodb';
import type { ViewRow } from './aggregate-types';
import { unpackViewRow } from './revision-codec';

/** Reads of an aggregate store's view collection (the latest state of each aggregate, eventually consistent). */
export function createViewQueries<S extends Record<string, unknown>>(view: MongoCollection<Document>) {
  return {
    /** Queries the view (latest states); in a packed store, filter and sort only on `viewFields` and `_id`. */
    async find(filter: Filter<Document>, options: { sort?: Sort; limit?: number; skip?: number } = {}): Promise<ViewRow<S>[]> {
      let cursor = view.find(filter);
      if (options.sort) cursor = cursor.sort(options.sort);
      if (options.skip) cursor = cursor.skip(options.skip);
      if (options.limit) cursor = cursor.limit(options.limit);
      return (await cursor.toArray()).map((doc) => unpackViewRow<S>(doc));
    },

    /** Streams the view (latest states) in one database cursor. */
    async *scan(filter: Filter<Document>, options: { sort?: Sort; batchSize?: number } = {}): AsyncGenerator<ViewRow<S>> {
      let cursor = view.find(filter).batchSize(options.batchSize ?? 1000);
      if (options.sort) cursor = cursor.sort(options.sort);
      for await (const doc of cursor) yield unpackViewRow<S>(doc);
    },
  };
}
