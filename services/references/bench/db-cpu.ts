import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** The pid listening on a local TCP port (`ss`), if any. */
function listenerPid(port: number): number | undefined {
  try {
    const out = execFileSync('ss', ['-tlnpH', `sport = :${port}`], { encoding: 'utf8' });
    const pid = /pid=(\d+)/.exec(out)?.[1];
    return pid ? Number(pid) : undefined;
  } catch {
    return undefined;
  }
}

/** utime, stime, cutime, cstime (ticks) and parent pid of a process. */
function stat(pid: number): { own: number; children: number; ppid: number } | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return { ppid: Number(fields[1]), own: Number(fields[11]) + Number(fields[12]), children: Number(fields[13]) + Number(fields[14]) };
  } catch {
    return undefined;
  }
}

/** CPU seconds of a process and its children (live ones, and those it reaped). */
function treeCpuSeconds(root: number): number {
  const top = stat(root);
  if (!top) return 0;
  let ticks = top.own + top.children;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = stat(Number(entry));
    if (s?.ppid === root) ticks += s.own;
  }
  return ticks / TICKS_PER_SECOND;
}

/**
 * CPU time the database used (FerretDB and PostgreSQL with its backends), found by their ports.
 * On a machine shared with other users of the same database it counts their work too: compare runs
 * on a private stack or a quiet machine.
 */
export function databaseCpu(mongoUrl: string, postgresUrl: string | undefined) {
  const ferretdb = listenerPid(Number(new URL(mongoUrl).port || 27017));
  const postgres = postgresUrl ? listenerPid(Number(new URL(postgresUrl).port || 5432)) : undefined;
  const sample = () => ({ ferretdb: ferretdb ? treeCpuSeconds(ferretdb) : 0, postgres: postgres ? treeCpuSeconds(postgres) : 0 });
  const start = sample();
  return {
    found: { ferretdb: ferretdb ?? null, postgres: postgres ?? null },
    /** CPU seconds used since the call that made this sampler. */
    used() {
      const now = sample();
      return {
        ferretdbSeconds: Math.round((now.ferretdb - start.ferretdb) * 10) / 10,
        postgresSeconds: Math.round((now.postgres - start.postgres) * 10) / 10,
      };
    },
  };
}
