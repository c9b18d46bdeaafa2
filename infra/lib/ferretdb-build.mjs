// Builds the FerretDB launcher (infra/ferretdb) once into the cache, keyed by a hash of its sources
// and of the patches it applies to FerretDB (infra/ferretdb/patches, see infra/README.md).
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, cpSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CACHE_DIR, INFRA_DIR } from './config.mjs';
import { ensureDir, run, which } from './proc.mjs';

const SRC_DIR = join(INFRA_DIR, 'ferretdb');
const PATCH_DIR = join(SRC_DIR, 'patches');
const SOURCES = ['go.mod', 'go.sum', 'main.go', 'gin_twins.go'];
const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
// Bump when the build steps below change.
const BUILD_RECIPE = 'go build -trimpath CGO_ENABLED=0, FerretDB module patched #2';

const patches = () =>
  readdirSync(PATCH_DIR)
    .filter((f) => f.endsWith('.patch'))
    .sort();

export function binaryPath() {
  const hash = createHash('sha256').update(BUILD_RECIPE);
  for (const [dir, files] of [
    [SRC_DIR, SOURCES],
    [PATCH_DIR, patches()],
  ])
    for (const f of files)
      hash
        .update(f)
        .update('\0')
        .update(readFileSync(join(dir, f)));
  return join(CACHE_DIR, `ferretdb-${hash.digest('hex').slice(0, 16)}`, 'vetting-ferretdb');
}

/** Copies FerretDB's module next to the launcher's sources, applies the patches and builds. */
export async function buildBinary(bin) {
  const go = which('go', ['/usr/local/go/bin', '/usr/lib/go/bin']);
  if (!go) {
    throw new Error(
      'ferretdb: the Go toolchain (go >= 1.24) is needed once to build infra/ferretdb; none found on PATH or in /usr/local/go/bin',
    );
  }
  const git = which('git', []);
  if (!git) throw new Error('ferretdb: git is needed once to apply infra/ferretdb/patches; none found on PATH');
  process.stderr.write(`infra: ferretdb: building the launcher (first run only, ~2 min)...\n`);
  const env = {
    ...process.env,
    CGO_ENABLED: '0',
    // Module downloads live in our cache too; -modcacherw keeps it deletable.
    GOMODCACHE: process.env.GOMODCACHE || join(CACHE_DIR, 'go', 'mod'),
    GOFLAGS: '-buildvcs=false -modcacherw',
  };
  const work = `${bin}.${process.pid}.build`;
  const moduleDir = join(work, 'ferretdb-module');
  rmSync(work, { recursive: true, force: true });
  ensureDir(work);
  try {
    for (const f of SOURCES) copyFileSync(join(SRC_DIR, f), join(work, f));
    const { stdout } = await run(go, ['mod', 'download', '-json', FERRETDB_MODULE], { cwd: work, env });
    cpSync(JSON.parse(stdout).Dir, moduleDir, { recursive: true });
    makeWritable(moduleDir);
    // No repository above the build directory: git apply then patches paths relative to it.
    const gitEnv = { ...process.env, GIT_CEILING_DIRECTORIES: dirname(work) };
    for (const p of patches()) await run(git, ['apply', join(PATCH_DIR, p)], { cwd: moduleDir, env: gitEnv });
    await run(go, ['mod', 'edit', `-replace=${FERRETDB_MODULE}=./ferretdb-module`], { cwd: work, env });
    const tmp = `${bin}.${process.pid}.tmp`;
    await run(go, ['build', '-trimpath', '-mod=readonly', '-o', tmp, '.'], { cwd: work, env });
    renameSync(tmp, bin);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function makeWritable(dir) {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) makeWritable(path);
    else chmodSync(path, 0o644);
  }
}
