import { execFileSync } from 'node:child_process';

/** Top-level fields the references service filters on by equality (absent ones cost nothing). */
const FIELDS = ['_id', 'aggregateId', 'causedBy', 'outboxPending', 'viewPending', 'setId', 'state', 'candidateId'];

/**
 * Experiment (BENCH_PG_GIN=1), not what the service deploys: FerretDB 1.24 filters every equality
 * with `_jsonb->'f' @> v`, which its own btree indexes cannot serve, so each query scans the table
 * (FerretDB/FerretDB#4646, fixed in FerretDB 2). A GIN index on `(_jsonb->'f')` serves `@>`: this
 * creates one per field and table of the database, directly in PostgreSQL (needs `psql`), to measure
 * what a platform-wide fix would give.
 */
export function createGinIndexes(postgresUrl: string, database: string): void {
  const schema = database.replace(/'/g, '');
  const sql = `DO $$ DECLARE t text; f text; BEGIN
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = '${schema}' AND tablename <> '_ferretdb_database_metadata' LOOP
      FOREACH f IN ARRAY ARRAY[${FIELDS.map((f) => `'${f}'`).join(',')}] LOOP
        EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I.%I USING gin ((_jsonb -> %L))', left(t, 40) || '_gin_' || lower(f), '${schema}', t, f);
      END LOOP;
    END LOOP;
  END $$;`;
  execFileSync('psql', [postgresUrl, '-v', 'ON_ERROR_STOP=1', '-qc', sql], { stdio: ['ignore', 'ignore', 'inherit'] });
}
