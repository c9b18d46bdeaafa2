#!/usr/bin/env node
// Local infrastructure, started natively (no Docker): PostgreSQL, FerretDB,
// Kafka (KRaft) and Redis on 127.0.0.1, data in .data/, downloads and builds
// cached in ${XDG_CACHE_HOME:-~/.cache}/vetting-platform/. See infra/README.md.
//
//   node scripts/infra.mjs up [component...]   install what is missing, start, wait until ready
//   node scripts/infra.mjs down [component...] stop what infra started
//   node scripts/infra.mjs status              up/down and address of each component
//   node scripts/infra.mjs logs [component] [-n N]
//   node scripts/infra.mjs restart <component>
//   node scripts/infra.mjs reset               down, then delete .data (not the cache)

const USAGE = `usage: node scripts/infra.mjs <command>
  up [component...]        install what is missing, start, wait until ready (idempotent)
  down [component...]      stop the processes infra started (all, or the named ones)
  status                   show each component (exit code 3 if one is down)
  logs [component] [-n N]  last lines of the logs in .data/logs
  restart <component>      stop and start one component
  reset                    down, then delete .data (the download cache stays)
components: postgres, ferretdb, kafka, redis
private stack (a second, independent one: own data dir, other ports, same download cache):
  VETTING_DATA_DIR=/tmp/stack VETTING_PG_PORT=15433 VETTING_MONGO_PORT=37017 \
  VETTING_KAFKA_PORT=19092 VETTING_REDIS_PORT=16379 node scripts/infra.mjs up
  (the same variables with down/restart/status address that stack; reset deletes its data dir)`;

async function main(argv) {
  // Imported lazily so that a bad environment variable is reported like any error.
  const cmd = await import('../infra/lib/commands.mjs');
  const [command, ...rest] = argv;
  switch (command) {
    case 'up':
      return cmd.up(rest);
    case 'down':
    case 'stop':
      return cmd.down(rest);
    case 'status': {
      const ok = await cmd.status();
      if (!ok) process.exitCode = 3;
      return;
    }
    case 'logs': {
      const i = rest.indexOf('-n');
      const lines = i >= 0 ? Number(rest.splice(i, 2)[1]) : undefined;
      return cmd.logs(rest[0], lines);
    }
    case 'restart':
      if (!rest[0]) throw new Error('restart needs a component name');
      return cmd.restart(rest[0]);
    case 'reset':
      return cmd.reset();
    case undefined:
    case 'help':
    case '-h':
    case '--help':
      console.log(USAGE);
      if (!command) process.exitCode = 2;
      return;
    default:
      throw new Error(`unknown command "${command}"\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((err) => {
  if (!err.reported) process.stderr.write(`${err.message ?? err}\n`);
  else process.stderr.write(`\n${err.message}\n`);
  process.exit(1);
});
