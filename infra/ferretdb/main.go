// Command vetting-ferretdb runs FerretDB v1 embedded as a library, so that no
// released FerretDB binary is needed: infra/lib/ferretdb.mjs builds it with the
// local Go toolchain and starts it.
//
// Configuration comes from flags (with environment fallbacks):
//
//	-listen   127.0.0.1:27017                       (FERRETDB_LISTEN_ADDR)
//	-handler  postgresql | sqlite                   (FERRETDB_HANDLER)
//	-postgresql-url postgres://127.0.0.1:5433/ferretdb (FERRETDB_POSTGRESQL_URL)
//	-sqlite-url file:/abs/dir/                      (FERRETDB_SQLITE_URL)
//	-log-level debug | info | warn | error          (FERRETDB_LOG_LEVEL)
//	-debug-addr 127.0.0.1:8089  pprof (goroutines, CPU) for diagnosis; off by default (FERRETDB_DEBUG_ADDR)
//	-gin-twins 1m   sweep for GIN twins of FerretDB's indexes (see gin_twins.go; 0 disables)
//
// Telemetry: the embedded package disables and locks telemetry itself.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	_ "net/http/pprof" // served only when -debug-addr is given
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/build/version"
	"github.com/FerretDB/FerretDB/ferretdb"
)

// setVersion fills in the FerretDB version that buildInfo and the logs report:
// the embedded package leaves it "unknown" (no generated version files).
func setVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range bi.Deps {
			if dep.Path == "github.com/FerretDB/FerretDB" {
				v := dep.Version
				if dep.Replace != nil {
					v += "+patches" // built from a patched copy (infra/ferretdb/patches)
				}
				version.Get().Version = v
				return v
			}
		}
	}
	return "unknown"
}

func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}

func main() {
	listen := flag.String("listen", env("FERRETDB_LISTEN_ADDR", "127.0.0.1:27017"), "TCP listen address")
	handler := flag.String("handler", env("FERRETDB_HANDLER", "postgresql"), "backend handler: postgresql or sqlite")
	pgURL := flag.String("postgresql-url", env("FERRETDB_POSTGRESQL_URL", "postgres://127.0.0.1:5433/ferretdb"), "PostgreSQL URL")
	sqliteURL := flag.String("sqlite-url", env("FERRETDB_SQLITE_URL", "file:data/"), "SQLite URI (directory, must end with /)")
	logLevel := flag.String("log-level", env("FERRETDB_LOG_LEVEL", "info"), "log level")
	ginTwins := flag.Duration("gin-twins", time.Minute, "how often the catalogue is swept for indexes lacking their GIN twin (postgresql handler; 0 disables twins, see gin_twins.go)")
	debugAddr := flag.String("debug-addr", env("FERRETDB_DEBUG_ADDR", ""), "pprof listen address (empty: off)")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fmt.Fprintf(os.Stderr, "invalid -log-level %q: %s\n", *logLevel, err)
		os.Exit(2)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	slog.SetDefault(logger)

	ferretdbVersion := setVersion()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:      ferretdb.ListenerConfig{TCP: *listen},
		Logger:        logger,
		Handler:       *handler,
		PostgreSQLURL: *pgURL,
		SQLiteURL:     *sqliteURL,
	})
	if err != nil {
		logger.Error("FerretDB failed to start", "error", err)
		os.Exit(1)
	}

	if *debugAddr != "" {
		go func() {
			// Diagnosis only (where FerretDB's goroutines wait, what its CPU does): never exposed beyond localhost by default.
			logger.Warn("pprof listening", "addr", *debugAddr, "error", http.ListenAndServe(*debugAddr, nil))
		}()
	}

	if *handler == "postgresql" && *ginTwins > 0 {
		go runGinTwins(ctx, *pgURL, *ginTwins, logger)
	}

	// At warn so that it shows with the default log level.
	logger.Warn("FerretDB starting", "version", ferretdbVersion, "listen", *listen, "handler", *handler, "pid", os.Getpid())
	if err := f.Run(ctx); err != nil {
		logger.Error("FerretDB stopped with an error", "error", err)
		os.Exit(1)
	}
	logger.Info("FerretDB stopped")
}
