/**
 * Benchmark aid (never loaded in production): counts the database operations of this process, one
 * per driver call (a cursor counts once, at its first batch), and writes them to
 * `$DB_OPS_DIR/<pid>.json` every second and at exit. Load it with
 * `NODE_OPTIONS="--import <this file>"` (the benchmark does, for its worker processes too) and sum
 * the files: a SIGKILLed process keeps what it wrote up to its last second.
 */
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';

const dir = process.env.DB_OPS_DIR;
if (dir) {
  const require = createRequire(new URL('../../../package.json', import.meta.url));
  const { Collection, FindCursor } = require('mongodb');
  const counts = {};
  const count = (key) => void (counts[key] = (counts[key] ?? 0) + 1);
  for (const method of [
    'insertOne',
    'updateOne',
    'updateMany',
    'replaceOne',
    'deleteOne',
    'deleteMany',
    'countDocuments',
    'bulkWrite',
    'findOneAndUpdate',
  ]) {
    const original = Collection.prototype[method];
    if (typeof original !== 'function') continue;
    Collection.prototype[method] = function (...args) {
      count(`${this.collectionName}.${method}`);
      return original.apply(this, args);
    };
  }
  // Not counted apart, as the driver sends them through another counted call: insertMany (bulkWrite),
  // findOne (a find cursor), countDocuments' aggregate.
  // find() builds a cursor; its first batch is the round trip. Later getMores are rare here (small batches).
  for (const method of ['toArray', 'next']) {
    const original = FindCursor.prototype[method];
    FindCursor.prototype[method] = function (...args) {
      if (!this.__counted) {
        this.__counted = true;
        count(`${String(this.namespace?.collection ?? '?')}.find`);
      }
      return original.apply(this, args);
    };
  }
  mkdirSync(dir, { recursive: true });
  const flush = () => writeFileSync(`${dir}/${process.pid}.json`, JSON.stringify(counts));
  setInterval(flush, 1000).unref();
  process.on('exit', flush);
}
