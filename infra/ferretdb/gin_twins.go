package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// FerretDB v1.24 pushes an equality filter down to PostgreSQL as `_jsonb->'field' @> value`, but
// creates its indexes as btree on `_jsonb->'field'`, which cannot serve `@>` (FerretDB issue 4646):
// every lookup, by _id included, reads the whole table. Measured on a 100,000-row revisions table:
// 420 ms per lookup by aggregateId; with a GIN index on the same expression, 0.3 ms (PostgreSQL keeps
// custom plans for FerretDB's prepared statements, so the index is used).
//
// The first key of every FerretDB index gets a GIN twin. FerretDB knows nothing of the twins (they are
// not in its metadata, listIndexes does not show them) and drops them with their table. The
// application declares its indexes as it would on MongoDB; nothing else changes.
//
// An event trigger builds the twin in the same transaction as FerretDB's CREATE INDEX, so no lookup
// runs before its twin exists. A sweep of the catalogue at start (indexes made before the trigger) and
// then rarely (a twin the trigger could not build) covers the rest. The sweep reads every index of the
// database: run every 2 s, as it first was, it took a fifth of a core once the catalogue held a few
// hundred test schemas. A twin is built without CONCURRENTLY (blocking writes to that table while it
// builds: instant for the small, new tables this mostly sees); the sweep gives up after a short lock
// timeout, to retry later.

var firstKey = regexp.MustCompile(`USING btree \(\(\(_jsonb -> '((?:[^']|'')+)'::text\)\)`)

const twinsQuery = `
SELECT n.nspname, c.relname, am.amname, i.relname, pg_get_indexdef(x.indexrelid)
FROM pg_index x
JOIN pg_class i ON i.oid = x.indexrelid
JOIN pg_class c ON c.oid = x.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_am am ON am.oid = i.relam
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')`

type twin struct{ schema, table, field, name string }

func twinName(schema, table, field string) string {
	sum := sha256.Sum256([]byte(schema + "\x00" + table + "\x00" + field))
	return "vgin_" + hex.EncodeToString(sum[:12])
}

// missingTwins lists the GIN twins the catalogue lacks.
func missingTwins(ctx context.Context, pool *pgxpool.Pool) ([]twin, error) {
	rows, err := pool.Query(ctx, twinsQuery)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	have := map[string]bool{}
	want := map[string]twin{}
	for rows.Next() {
		var schema, table, method, name, def string
		if err := rows.Scan(&schema, &table, &method, &name, &def); err != nil {
			return nil, err
		}
		if method == "gin" {
			have[schema+"."+name] = true
			continue
		}
		m := firstKey.FindStringSubmatch(def)
		if method != "btree" || m == nil {
			continue
		}
		field := strings.ReplaceAll(m[1], "''", "'")
		t := twin{schema, table, field, twinName(schema, table, field)}
		want[schema+"."+t.name] = t
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var missing []twin
	for key, t := range want {
		if !have[key] {
			missing = append(missing, t)
		}
	}
	return missing, nil
}

func createTwin(ctx context.Context, pool *pgxpool.Pool, t twin) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "SET lock_timeout = '500ms'"); err != nil {
		return err
	}
	literal := "'" + strings.ReplaceAll(t.field, "'", "''") + "'"
	sql := fmt.Sprintf("CREATE INDEX IF NOT EXISTS %s ON %s USING gin ((_jsonb -> %s))",
		pgx.Identifier{t.name}.Sanitize(), pgx.Identifier{t.schema, t.table}.Sanitize(), literal)
	_, err = conn.Exec(ctx, sql)
	return err
}

// twinTrigger is the event trigger's function: the same twin (name, expression) as createTwin. A
// failure is a warning, never an error: FerretDB's own CREATE INDEX must not fail for a twin (the sweep
// builds it later).
const twinTrigger = `
CREATE OR REPLACE FUNCTION vetting_gin_twin() RETURNS event_trigger LANGUAGE plpgsql AS $fn$
DECLARE
  r record; sch text; tbl text; method text; def text; m text[]; field text; twin text;
BEGIN
  FOR r IN SELECT objid FROM pg_event_trigger_ddl_commands() WHERE object_type = 'index' LOOP
    SELECT n.nspname, c.relname, am.amname, pg_get_indexdef(x.indexrelid) INTO sch, tbl, method, def
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_class c ON c.oid = x.indrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_am am ON am.oid = i.relam
    WHERE x.indexrelid = r.objid;
    CONTINUE WHEN method IS DISTINCT FROM 'btree';
    m := regexp_match(def, 'USING btree \(\(\(_jsonb -> ''((?:[^'']|'''')+)''::text\)\)');
    CONTINUE WHEN m IS NULL;
    field := replace(m[1], '''''', '''');
    twin := 'vgin_' || encode(substring(sha256(convert_to(sch, 'UTF8') || '\x00'::bytea || convert_to(tbl, 'UTF8')
      || '\x00'::bytea || convert_to(field, 'UTF8')) FROM 1 FOR 12), 'hex');
    BEGIN
      EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I.%I USING gin ((_jsonb -> %L))', twin, sch, tbl, field);
    EXCEPTION WHEN OTHERS THEN
      RAISE WARNING 'GIN twin % of %.% not built: %', twin, sch, tbl, SQLERRM;
    END;
  END LOOP;
END
$fn$;
DROP EVENT TRIGGER IF EXISTS vetting_gin_twins;
CREATE EVENT TRIGGER vetting_gin_twins ON ddl_command_end WHEN TAG IN ('CREATE INDEX')
  EXECUTE FUNCTION vetting_gin_twin();
`

func installTwinTrigger(ctx context.Context, pool *pgxpool.Pool) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx) //nolint:errcheck // a no-op after Commit
	if _, err := tx.Exec(ctx, twinTrigger); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

func sweepTwins(ctx context.Context, pool *pgxpool.Pool, logger *slog.Logger) {
	missing, err := missingTwins(ctx, pool)
	if err != nil && ctx.Err() == nil {
		logger.Warn("GIN twins: reading the catalogue failed", "error", err)
	}
	for _, t := range missing {
		// A table dropped meanwhile, or a lock not granted in time: tried again on the next sweep.
		if err := createTwin(ctx, pool, t); err != nil && ctx.Err() == nil {
			logger.Info("GIN twin not created yet", "schema", t.schema, "table", t.table, "field", t.field, "error", err)
		}
	}
}

// runGinTwins installs the trigger (retrying while the server starts), then sweeps at once and every `every`.
func runGinTwins(ctx context.Context, url string, every time.Duration, logger *slog.Logger) {
	sep := "?"
	if strings.Contains(url, "?") {
		sep = "&"
	}
	// Its own two connections: FerretDB's pool stays whole.
	pool, err := pgxpool.New(ctx, url+sep+"pool_max_conns=2")
	if err != nil {
		logger.Error("GIN twins disabled", "error", err)
		return
	}
	defer pool.Close()
	for {
		err := installTwinTrigger(ctx, pool)
		if err == nil || ctx.Err() != nil {
			break
		}
		logger.Warn("GIN twins: installing the event trigger failed; retrying", "error", err)
		time.Sleep(time.Second)
	}
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	for {
		sweepTwins(ctx, pool, logger)
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}
