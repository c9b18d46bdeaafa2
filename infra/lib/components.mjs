// The components in start order. Each one has: name, marker (a string in its
// command line, to recognise our process), port(), address(), deps, install(),
// start() -> pid, ready(pid), optional afterReady(), stopSignal.
import { FERRETDB_BACKEND } from './config.mjs';
import postgres from './postgres.mjs';
import ferretdb from './ferretdb.mjs';
import kafka from './kafka.mjs';
import redis from './redis.mjs';

export const ALL = [postgres, ferretdb, kafka, redis];

/** Components `up` starts by default: postgres only for FerretDB's postgresql backend. */
export const DEFAULT = ALL.filter((c) => c !== postgres || FERRETDB_BACKEND === 'postgresql');

export function byName(name) {
  const aliases = { pg: 'postgres', postgresql: 'postgres', mongo: 'ferretdb', mongodb: 'ferretdb' };
  const c = ALL.find((x) => x.name === (aliases[name] ?? name));
  if (!c) {
    throw new Error(`unknown component "${name}"; one of: ${ALL.map((x) => x.name).join(', ')}`);
  }
  return c;
}

/** `names` plus their dependencies, in start order. */
export function withDeps(list) {
  const wanted = new Set();
  const add = (c) => {
    for (const d of c.deps) add(byName(d));
    wanted.add(c);
  };
  list.forEach(add);
  return ALL.filter((c) => wanted.has(c));
}
