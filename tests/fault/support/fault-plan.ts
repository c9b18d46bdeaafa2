/**
 * The seeded fault schedule: which fault strikes at which submission. Same seed, same schedule, so a
 * failing run can be replayed (FAULT_SEED).
 */
import { seededRandom } from '@vetting/simulators';
import { CORE_SERVICES } from '../../support/system';
import type { Engine } from './private-stack';

export type Fault = { kind: 'kill'; target: string } | { kind: 'restart'; target: Engine };
export type ScheduledFault = Fault & { at: number };

/** Every process killed and every engine restarted `rounds` times, at random submissions. */
export function faultPlan(seed: number, count: number, rounds: number): { faults: ScheduledFault[]; poisonAt: number } {
  const random = seededRandom(seed);
  const kinds: Fault[] = [
    ...[...CORE_SERVICES, 'references-worker'].map((target) => ({ kind: 'kill' as const, target })),
    ...(['kafka', 'redis', 'ferretdb', 'postgres'] as const).map((target) => ({ kind: 'restart' as const, target })),
  ];
  const faults: ScheduledFault[] = [];
  // Leave the last tenth fault-free: the last probes show the system settled.
  const span = Math.max(1, Math.floor(count * 0.9));
  for (let round = 0; round < rounds; round++) for (const f of kinds) faults.push({ ...f, at: Math.floor(random() * span) });
  return { faults: faults.sort((a, b) => a.at - b.at), poisonAt: Math.floor(random() * span) };
}
