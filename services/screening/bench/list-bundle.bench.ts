/**
 * What offline screening and signed certificates cost, on the OFAC SDN list (≈18,000 entries):
 * building and signing a bundle (the service, once per download), opening it (the CLI: RFC 8785 form,
 * hash, Ed25519), building the offline index, one offline screening, and signing a 10,000-member
 * certificate. Writes bench/results/list-bundle.json and .md.
 *   npm run bench:bundle -w services/screening
 */
import { generateKeyPairSync } from 'node:crypto';
import { loadavg } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  bundledList,
  createBundleScreener,
  importOfacSdn,
  LIST_BUNDLE_FORMAT,
  openListBundle,
  toMatchEntry,
  type ListBundleContent,
} from '@vetting/banlists';
import { DEFAULT_THRESHOLDS } from '@vetting/matching';
import { percentile, writeBenchReport } from '@vetting/platform/testing';
import { createKeySigner, DOCUMENT_FORMATS, signDocument, trustedKeys, verifySignedDocument } from '@vetting/signing';

// The shared data folder sits beside the repository (or beside the folder of worktrees).
const data = ['../../../../shared/data/banlists/ofac_sdn_2021/', '../../../../../shared/data/banlists/ofac_sdn_2021/']
  .map((p) => new URL(p, import.meta.url))
  .find((u) => existsSync(u));
if (!data) throw new Error('The shared ban-list data (shared/data/banlists/ofac_sdn_2021) is not beside the repository');
const timed = async <T>(run: () => T | Promise<T>) => {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
};

const imported = importOfacSdn({
  sdn: readFileSync(new URL('sdn.csv', data)),
  alt: readFileSync(new URL('alt.csv', data)),
  add: readFileSync(new URL('add.csv', data)),
});
const entries = imported.entries.map(toMatchEntry);
const signer = createKeySigner(generateKeyPairSync('ed25519').privateKey);
const now = new Date();

const build = await timed(() => {
  const content: ListBundleContent = {
    bundleId: 'bench',
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
    issuedTo: { actor: 'bench-office', country: 'GH' },
    thresholds: { ...DEFAULT_THRESHOLDS },
    lists: [
      bundledList(
        {
          listId: 'ofac-sdn',
          name: 'OFAC SDN',
          version: 1,
          contentHash: 'bench',
          provenance: { importedAt: now.toISOString(), format: 'ofac-sdn-csv', fileHash: 'bench' },
        },
        entries,
      ),
    ],
  };
  return content;
});
const sign = await timed(() => signDocument(LIST_BUNDLE_FORMAT, build.value, signer, now));
const text = JSON.stringify(sign.value);
const open = await timed(() => openListBundle(JSON.parse(text), { trusted: trustedKeys([signer.publicKeyPem]), maxAgeMs: 86_400_000 }));
if (!open.value.ok) throw new Error(`the bundle did not open: ${open.value.reason}`);
const index = await timed(() => createBundleScreener((open.value as { bundle: ListBundleContent }).bundle));
const names = entries.slice(0, 500).map((e) => e.names[0]!.full);
const queryMs: number[] = [];
for (const name of names) {
  const started = performance.now();
  index.value.screen({ names: [name.split(' ').reverse().join(' ')] });
  queryMs.push(performance.now() - started);
}
queryMs.sort((a, b) => a - b);

const members = Array.from({ length: 10_000 }, (_, i) => ({
  candidateId: `cand-${i}`,
  caseReference: `GH-2026-${String(i).padStart(6, '0')}`,
  revision: 1,
  status: 'cleared',
  decidedAt: now.toISOString(),
  validUntil: now.toISOString(),
  listVersions: [{ listId: 'un-sea', version: 7, contentHash: 'x'.repeat(64) }],
}));
const certificate = {
  id: 'cert-bench-v1',
  country: 'GH',
  rotation: 'BENCH',
  missions: ['UNMISS'],
  version: 1,
  certifiedAt: now.toISOString(),
  certifiedBy: 'bench-office',
  members,
};
const certSign = await timed(() => signDocument(DOCUMENT_FORMATS.rotationCertificate, certificate, signer, now));
const certVerify = await timed(() =>
  verifySignedDocument(JSON.parse(JSON.stringify(certSign.value)), {
    format: DOCUMENT_FORMATS.rotationCertificate,
    trusted: trustedKeys([signer.publicKeyPem]),
  }),
);

writeBenchReport(
  'list-bundle',
  'Offline list bundle and signed certificates',
  [
    { metric: 'OFAC SDN entries in the bundle', value: entries.length, unit: '' },
    { metric: 'bundle size', value: text.length / 2 ** 20, unit: 'MiB' },
    { metric: 'build the bundle content', value: build.ms, unit: 'ms' },
    { metric: 'sign it (RFC 8785 + SHA-256 + Ed25519)', value: sign.ms, unit: 'ms' },
    { metric: 'open it offline (parse, hash, verify, age)', value: open.ms, unit: 'ms' },
    { metric: 'build the offline index', value: index.ms, unit: 'ms' },
    { metric: 'offline screening p50', value: percentile(queryMs, 50), unit: 'ms' },
    { metric: 'offline screening p99', value: percentile(queryMs, 99), unit: 'ms' },
    { metric: 'sign a 10,000-member certificate', value: certSign.ms, unit: 'ms' },
    { metric: 'verify it offline', value: certVerify.ms, unit: 'ms' },
  ],
  { queries: queryMs.length, loadAverage: loadavg()[0] },
  [
    'One core, in process; the service builds and signs a bundle once per download, the CLI opens it once per run.',
    `Machine load (1 min) at the end of the run: ${loadavg()[0]!.toFixed(1)}; on a busy machine the p99 holds garbage-collection pauses.`,
  ],
);
console.log(
  `list-bundle: ${entries.length} entries, ${(text.length / 2 ** 20).toFixed(1)} MiB, sign ${sign.ms.toFixed(0)} ms, open ${open.ms.toFixed(0)} ms, index ${index.ms.toFixed(0)} ms, query p50 ${percentile(queryMs, 50).toFixed(2)} ms; certificate 10,000 sign ${certSign.ms.toFixed(0)} ms`,
);
