/**
 * Reads V8 `.cpuprofile` files (node --cpu-prof) and names where each process spent its CPU: self
 * time per function, and the share of the whole profile that was not idle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProcessProfile {
  process: string;
  /** CPU seconds sampled while not idle. */
  busySeconds: number;
  /** Share of the wall time the process was busy. */
  busyShare: number;
  top: { fn: string; selfMs: number; share: number }[];
}

const where = (url: string) => {
  const path = url.replace(/^file:\/\//, '');
  const m = /(?:node_modules\/((?:@[^/]+\/)?[^/]+))|(?:(services|packages)\/([^/]+)\/src\/(.*))/.exec(path);
  if (m?.[1]) return m[1];
  if (m?.[2]) return `${m[3]}/${m[4]}`;
  return path.startsWith('node:') ? path : basename(path) || '(native)';
};

/**
 * `skipSeconds`: samples from the process's first seconds are left out (module loading and start-up
 * would otherwise dominate a short run).
 */
export function summariseProfile(file: string, topN = 8, skipSeconds = 0): ProcessProfile {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let busyUs = 0;
  let elapsedUs = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const us = profile.timeDeltas[i] ?? 0;
    elapsedUs += us;
    if (elapsedUs < skipSeconds * 1e6 || frame.functionName === '(idle)') return;
    busyUs += us;
    const key = frame.url ? `${frame.functionName || '(anonymous)'} ${where(frame.url)}:${frame.lineNumber + 1}` : frame.functionName;
    self.set(key, (self.get(key) ?? 0) + us);
  });
  const wallUs = profile.endTime - profile.startTime - skipSeconds * 1e6;
  const top = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, topN)
    .map(([fn, us]) => ({ fn, selfMs: Math.round(us / 1000), share: Number((us / Math.max(1, busyUs)).toFixed(3)) }));
  return {
    process: basename(file).replace(/\.cpuprofile$/, ''),
    busySeconds: Number((busyUs / 1e6).toFixed(1)),
    busyShare: Number((busyUs / Math.max(1, wallUs)).toFixed(2)),
    top,
  };
}

/**
 * One profile per process, busiest first: `dir` holds a directory per process (`--cpu-prof-dir=<dir>/<name>`).
 * A process writes a profile per thread (tsx's loader runs in a worker thread), so no fixed
 * `--cpu-prof-name` is given: they would overwrite each other and the loader's idle thread could
 * stand for the service. The busiest profile of each directory is its main thread.
 */
export function summariseProfiles(dir: string, topN = 8, skipSeconds = 0): ProcessProfile[] {
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((name) => {
      const files = readdirSync(join(dir, name)).filter((f) => f.endsWith('.cpuprofile'));
      const busiest = files
        .map((f) => summariseProfile(join(dir, name, f), topN, skipSeconds))
        .sort((a, b) => b.busySeconds - a.busySeconds)[0];
      return busiest && { ...busiest, process: name };
    })
    .filter((p): p is ProcessProfile => Boolean(p))
    .sort((a, b) => b.busySeconds - a.busySeconds);
}
