import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './private-redis';

const simMain = fileURLToPath(new URL('../../../tests/simulators/src/main.ts', import.meta.url));

export interface SimSettings {
  seed: number;
  latency: { minMs: number; maxMs: number };
  callbackLatency: { minMs: number; maxMs: number };
  asyncRate: number;
  hangMs: number;
  failureRates: { serverError: number; rateLimited: number; timeout: number; malformed: number };
}

/**
 * The simulators as their own process (as in a deployment: the authorities are elsewhere), so the
 * benchmark's service process does not share its event loop with thousands of simulated requests.
 */
export async function startSimulatorProcess(s: SimSettings, callbackSecrets: string) {
  const port = await freePort();
  const env = {
    ...process.env,
    SIM_PORT: String(port),
    SIM_SEED: String(s.seed),
    SIM_LATENCY_MIN_MS: String(s.latency.minMs),
    SIM_LATENCY_MAX_MS: String(s.latency.maxMs),
    SIM_CALLBACK_MIN_MS: String(s.callbackLatency.minMs),
    SIM_CALLBACK_MAX_MS: String(s.callbackLatency.maxMs),
    SIM_ASYNC_RATE: String(s.asyncRate),
    SIM_HANG_MS: String(s.hangMs),
    SIM_SERVER_ERROR_RATE: String(s.failureRates.serverError),
    SIM_RATE_LIMITED_RATE: String(s.failureRates.rateLimited),
    SIM_TIMEOUT_RATE: String(s.failureRates.timeout),
    SIM_MALFORMED_RATE: String(s.failureRates.malformed),
    CALLBACK_SECRETS: callbackSecrets,
  };
  const proc = spawn(process.execPath, ['--import', 'tsx', simMain], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  const health = async () =>
    (await (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) })).json()) as { stats: Record<string, number> };
  for (let i = 0; ; i++) {
    try {
      await health();
      break;
    } catch (error) {
      if (i > 600) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    url,
    urls: { NATIONAL_RECORDS_URL: `${url}/national-records`, UN_RECORDS_URL: `${url}/un-records`, EMPLOYER_HR_URL: `${url}/hr` },
    stats: async () => (await health()).stats,
    stop: () => void proc.kill('SIGTERM'),
  };
}
