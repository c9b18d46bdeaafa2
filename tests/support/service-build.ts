import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, version as esbuildVersion, type Plugin } from 'esbuild';

/**
 * The service processes of the system suites run from JavaScript built once by esbuild instead of
 * TypeScript loaded by tsx in every process (tsx's loader costs about 2 CPU-seconds per process;
 * docs/decisions/test-suite-time.md). The build is kept under node_modules/.cache and reused while
 * no source file it was built from has changed.
 *
 * The built code behaves as the source does:
 * - every module keeps its own `import.meta.url` (its source file), so the files code finds next to
 *   itself (OpenAPI documents, event schemas, topics.json, the audit verifier's thread) are the same;
 * - a package from node_modules is not bundled: it is imported from the file the importing module
 *   would load (a workspace's own node_modules first), so the kafkajs patch and every nested version
 *   apply as they do under tsx.
 */
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const cacheDir = join(repoRoot, 'node_modules', '.cache', 'system-build');
/** Raised when the build's options change, so an older build is never reused. */
const BUILD_FORMAT = 2;

/** Every process the system suites start, by its source entry (relative to the repository root). */
export const SERVICE_ENTRIES = [
  ...['intake', 'screening', 'references', 'clearance', 'audit', 'accountability', 'gateway'].map((s) => `services/${s}/src/main.ts`),
  'services/references/src/worker/main.ts',
];

interface Manifest {
  key: string;
  /** Source file (relative to the repository root) → SHA-256 of its content when built. */
  inputs: Record<string, string>;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** Keeps each workspace module's `import.meta.url` and resolves packages from the importing file. */
const sourceLocations: Plugin = {
  name: 'source-locations',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === 'resolving' || args.path.startsWith('@vetting/')) return undefined;
      if (builtins.has(args.path)) return { path: args.path, external: true };
      const found = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: 'resolving',
      });
      if (found.errors.length) return { errors: found.errors };
      // A package's JSON is bundled: imported as a module, Node would ask for an import attribute tsx does not need.
      if (found.path.endsWith('.json')) return { path: found.path };
      return { path: pathToFileURL(found.path).href, external: true };
    });
    b.onLoad({ filter: /\.(ts|tsx|mts|mjs|js)$/ }, async (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const source = await readFile(args.path, 'utf8');
      const loader = /\.m?js$/.test(args.path) ? 'js' : args.path.endsWith('.tsx') ? 'tsx' : 'ts';
      return { contents: source.replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(args.path).href)), loader };
    });
  },
};

function readManifest(): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(join(cacheDir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** True when the last build was made from the sources as they are now. */
async function upToDate(manifest: Manifest | undefined, key: string): Promise<boolean> {
  if (!manifest || manifest.key !== key || !existsSync(join(cacheDir, manifest.key))) return false;
  const checks = Object.entries(manifest.inputs).map(async ([file, hash]) => {
    try {
      return sha256(await readFile(join(repoRoot, file))) === hash;
    } catch {
      return false;
    }
  });
  return (await Promise.all(checks)).every(Boolean);
}

async function buildOnce(): Promise<string> {
  // Packages are imported from the files resolved at build time: a changed lockfile is a new build.
  const lockfile = sha256(readFileSync(join(repoRoot, 'package-lock.json')));
  const key = sha256(JSON.stringify({ BUILD_FORMAT, esbuildVersion, node: process.versions.node, SERVICE_ENTRIES, lockfile })).slice(0, 16);
  if (await upToDate(readManifest(), key)) return join(cacheDir, key);
  // Built beside the cache and renamed into place, so a process reading the cache never sees half a build.
  const staging = join(cacheDir, `${key}.${process.pid}.tmp`);
  rmSync(staging, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: repoRoot,
    entryPoints: SERVICE_ENTRIES,
    outbase: repoRoot,
    outdir: staging,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    // Class and function names stay as written: errors and logs name them.
    keepNames: true,
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'error',
    plugins: [sourceLocations],
  });
  const inputs = Object.fromEntries(
    Object.keys(result.metafile.inputs)
      .filter((file) => !file.startsWith('file:') && !file.includes('node_modules/'))
      .map((file) => [relative(repoRoot, join(repoRoot, file)), sha256(readFileSync(join(repoRoot, file)))]),
  );
  mkdirSync(cacheDir, { recursive: true });
  rmSync(join(cacheDir, key), { recursive: true, force: true });
  renameSync(staging, join(cacheDir, key));
  const manifestTmp = join(cacheDir, `manifest.${process.pid}.tmp`);
  writeFileSync(manifestTmp, JSON.stringify({ key, inputs } satisfies Manifest));
  renameSync(manifestTmp, join(cacheDir, 'manifest.json'));
  // Older builds go (another process's staging directory, `*.tmp`, is left to it).
  for (const old of readdirSync(cacheDir))
    if (old !== key && old !== 'manifest.json' && !old.endsWith('.tmp')) rmSync(join(cacheDir, old), { recursive: true, force: true });
  return join(cacheDir, key);
}

let built: Promise<string> | undefined;

/**
 * Node's arguments to run a source entry (one of SERVICE_ENTRIES): its build, made on first use when
 * stale; with SERVICES_FROM_SOURCE=1 the TypeScript itself under tsx (stack traces name the sources).
 */
export async function serviceCommand(entry: string): Promise<string[]> {
  if (!SERVICE_ENTRIES.includes(entry)) throw new Error(`${entry} is not a built service entry (tests/support/service-build.ts)`);
  if (process.env.SERVICES_FROM_SOURCE === '1') return ['--import', 'tsx', entry];
  built ??= buildOnce();
  return [join(await built, entry.replace(/\.ts$/, '.mjs'))];
}
