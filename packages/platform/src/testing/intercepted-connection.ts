import type { Connection } from 'mongoose';

/**
 * A connection whose given collection fails (or holds back) the given write, as a process killed
 * between the revision insert and the view write would leave things: the revision stored, the view not.
 */
export function interceptedConnection(
  db: Connection,
  name: string,
  method: 'bulkWrite' | 'insertMany',
  effect: () => Promise<never> | Promise<void>,
): Connection {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'collection') return Reflect.get(target, prop, receiver) as unknown;
      return (collectionName: string) => {
        // Every collection is a proxy: hooks the dying store registers are its own, as in another process.
        return new Proxy(target.collection(collectionName), {
          get: (c, p, r) => {
            const value = Reflect.get(c, p, r) as unknown;
            if (collectionName !== name || p !== method)
              return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(c) : value;
            return async (...args: unknown[]) => {
              await effect();
              return (value as (...a: unknown[]) => unknown).apply(c, args);
            };
          },
        });
      };
    },
  });
}
