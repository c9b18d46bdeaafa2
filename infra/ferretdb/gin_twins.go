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
// runGinTwins gives the first key of every FerretDB index a GIN twin, polling the catalogue: FerretDB
// knows nothing of the twins (they are not in its metadata, listIndexes does not show them) and drops
// them with their table. The application declares its indexes as it would on MongoDB; nothing else
// changes. A twin is built without CONCURRENTLY (blocking writes to that table while it builds: instant
// for the small, new tables this mostly sees) and gives up after a short lock timeout, to retry later.

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
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	for {
		missing, err := missingTwins(ctx, pool)
		if err != nil && ctx.Err() == nil {
			logger.Warn("GIN twins: reading the catalogue failed", "error", err)
		}
		for _, t := range missing {
			// A table dropped meanwhile, or a lock not granted in time: tried again on the next tick.
			if err := createTwin(ctx, pool, t); err != nil && ctx.Err() == nil {
				logger.Info("GIN twin not created yet", "schema", t.schema, "table", t.table, "field", t.field, "error", err)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}
