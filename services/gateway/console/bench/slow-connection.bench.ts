/**
 * `npm run bench:console`: how the console fares on a slow connection. Builds it for production,
 * measures every file raw and gzipped, then serves dist/ (gzip on, as a reverse proxy would) and loads
 * the sign-in screen in Debian's Chromium with the network throttled by the DevTools protocol, timing
 * until the form is usable. Writes bench/results/console.json and .md.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { ensureChromium } from '../../../../scripts/lib/install.mjs';

const here = fileURLToPath(new URL('..', import.meta.url));
const results = fileURLToPath(new URL('../../../../bench/results/', import.meta.url));
/** Connection profiles (DevTools throughput is in bytes per second). */
const PROFILES = [
  { name: 'slow 3G (400 kbit/s, 400 ms RTT)', down: 400_000 / 8, up: 400_000 / 8, latency: 400 },
  { name: '256 kbit/s, 800 ms RTT (satellite link in the field)', down: 256_000 / 8, up: 128_000 / 8, latency: 800 },
  { name: 'fast 3G (1.6 Mbit/s, 150 ms RTT)', down: 1_600_000 / 8, up: 750_000 / 8, latency: 150 },
];
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

ensureChromium();
const build = spawnSync('npm', ['run', 'build'], { cwd: here, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
if (build.status !== 0) throw new Error('building the console failed');
const dist = join(here, 'dist');
const files = ['index.html', ...readdirSync(join(dist, 'assets')).map((f) => `assets/${f}`)].map((path) => {
  const body = readFileSync(join(dist, path));
  return { path, bytes: statSync(join(dist, path)).size, gzip: gzipSync(body, { level: 9 }).length };
});
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const firstLoad = files.filter((f) => f.path === 'index.html' || html.includes(f.path));
const screens = files.filter((f) => /\.screen-/.test(f.path));

const server = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0]!.replace(/^\/+/, '');
  const file = path && path.includes('.') ? join(dist, path) : join(dist, 'index.html');
  try {
    const body = gzipSync(readFileSync(file));
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-encoding': 'gzip' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
const browser = await chromium.launchPersistentContext(mkdtempSync(`${tmpdir()}/console-bench-`), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
const timings: { profile: string; runs: number[]; medianMs: number }[] = [];
for (const profile of PROFILES) {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const page = await browser.newPage();
    const cdp = await browser.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.latency,
      downloadThroughput: profile.down,
      uploadThroughput: profile.up,
    });
    const started = Date.now();
    await page.goto(url);
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 120_000 });
    runs.push(Date.now() - started);
    await page.close();
  }
  timings.push({ profile: profile.name, runs, medianMs: [...runs].sort((a, b) => a - b)[1]! });
}
await browser.close();
server.close();

const sum = (list: typeof files, key: 'bytes' | 'gzip') => list.reduce((s, f) => s + f[key], 0);
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const report = {
  name: 'console',
  ranAt: new Date().toISOString(),
  machine: { cpu: cpus()[0]?.model, cores: cpus().length, loadAverage: loadavg().map((l) => Number(l.toFixed(2))), node: process.version },
  firstLoad: { files: firstLoad.map((f) => f.path), bytes: sum(firstLoad, 'bytes'), gzip: sum(firstLoad, 'gzip') },
  screens: { count: screens.length, largestGzip: Math.max(...screens.map((f) => f.gzip)), totalGzip: sum(screens, 'gzip') },
  total: { bytes: sum(files, 'bytes'), gzip: sum(files, 'gzip') },
  signInUsable: timings,
  files,
};
mkdirSync(results, { recursive: true });
writeFileSync(join(results, 'console.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(
  join(results, 'console.md'),
  [
    '# Console on a slow connection',
    '',
    `Run ${report.ranAt} on ${report.machine.cpu} (${report.machine.cores} cores), load average ${report.machine.loadAverage.join(' / ')}, Node ${report.machine.node}.`,
    '',
    `First load (the shell: ${firstLoad.map((f) => f.path).join(', ')}): **${kb(report.firstLoad.gzip)} gzipped** (${kb(report.firstLoad.bytes)} raw).`,
    `Each screen is its own chunk, fetched when opened: ${screens.length} screens, largest ${kb(report.screens.largestGzip)} gzipped, all together ${kb(report.screens.totalGzip)}.`,
    `Everything: ${kb(report.total.gzip)} gzipped (${kb(report.total.bytes)} raw).`,
    '',
    '## Time until the sign-in form is usable (Chromium, throttled by DevTools, cache off, median of 3)',
    '| connection | median | runs |',
    '|---|---|---|',
    ...timings.map(
      (t) => `| ${t.profile} | ${(t.medianMs / 1000).toFixed(1)} s | ${t.runs.map((r) => (r / 1000).toFixed(1)).join(', ')} s |`,
    ),
    '',
    'Measured against a static server on the same machine (gzip on): the figures are network time plus',
    'parsing React on this CPU; machine load adds to them.',
    '',
  ].join('\n'),
);
process.stdout.write(`${readFileSync(join(results, 'console.md'), 'utf8')}\n`);
