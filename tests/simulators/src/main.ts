/**
 * Runs the simulators as a process: `npm start -w @vetting/simulators`. Settings from the
 * environment: SIM_PORT (4110), SIM_SEED, SIM_LATENCY_MIN_MS/MAX_MS, SIM_CALLBACK_MIN_MS/MAX_MS,
 * SIM_SERVER_ERROR_RATE, SIM_RATE_LIMITED_RATE, SIM_TIMEOUT_RATE, SIM_MALFORMED_RATE, SIM_ASYNC_RATE,
 * SIM_REFEREE_ANSWER_RATE, CALLBACK_SECRETS (`<organisation>=<secret>,…`, the same as the references
 * service's: each authority signs its callbacks with its own).
 */
import { parseSecretMap } from '@vetting/platform/signed-request';
import { startSimulators } from './start-simulators';

const num = (name: string, fallback: number) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${raw}"`);
  return value;
};

const sims = await startSimulators({
  port: num('SIM_PORT', 4110),
  seed: num('SIM_SEED', 1),
  latency: { minMs: num('SIM_LATENCY_MIN_MS', 100), maxMs: num('SIM_LATENCY_MAX_MS', 2000) },
  callbackLatency: { minMs: num('SIM_CALLBACK_MIN_MS', 1000), maxMs: num('SIM_CALLBACK_MAX_MS', 60_000) },
  failureRates: {
    serverError: num('SIM_SERVER_ERROR_RATE', 0.05),
    rateLimited: num('SIM_RATE_LIMITED_RATE', 0.02),
    timeout: num('SIM_TIMEOUT_RATE', 0.01),
    malformed: num('SIM_MALFORMED_RATE', 0.01),
  },
  asyncRate: num('SIM_ASYNC_RATE', 0.3),
  hangMs: num('SIM_HANG_MS', 120_000),
  refereeAnswerRate: num('SIM_REFEREE_ANSWER_RATE', 0.8),
  callbackSecrets: Object.fromEntries(parseSecretMap(process.env.CALLBACK_SECRETS ?? '')),
});
process.stdout.write(`${JSON.stringify({ msg: 'simulators listening', url: sims.url })}\n`);
const stop = () => void sims.stop().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
