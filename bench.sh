#!/usr/bin/env bash
# Issue 7's benchmark suite in one command: builds it in Release, starts a private PostgreSQL cluster pinned to the
# server's core (unless WORKSPACE_BENCH_POSTGRES names a server to use), runs the suite with the load generator pinned
# to the other core, and writes the results into docs/benchmarks.md. See docs/benchmarks.md for what each scenario does.
#
# Usage: ./bench.sh [all|smoke|posts|fanout|memory|history|unread|micro ...] [--seconds N] [--sizes 100,1000] [--messages N] [--web DLL]   (default: all)
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

SERVER_CORE=0
GENERATOR_CORE=1
log() { printf '[bench.sh] %s\n' "$*" >&2; }

[[ "$(nproc --all)" -ge 2 ]] || { log "needs two cores: one for the server, one for the load generator"; exit 1; }
command -v taskset >/dev/null || { log "needs taskset (util-linux)"; exit 1; }

dotnet build -c Release tests/Workspace.Benchmarks/Workspace.Benchmarks.csproj -nologo -v quiet

PG_DIR=""
PG_BIN=""
PG_RUN=()
cleanup() {
    if [[ -n "$PG_DIR" ]]; then
        "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
        rm -rf "$PG_DIR"
    fi
}
trap cleanup EXIT

if [[ -z "${WORKSPACE_BENCH_POSTGRES:-}" ]]; then
    PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
    if [[ -x "$PG_BIN/initdb" ]]; then
        PG_DIR="$(mktemp -d /tmp/workspace-bench-pg.XXXXXX)"
        if [[ "$(id -u)" -eq 0 ]]; then chown postgres "$PG_DIR"; PG_RUN=(runuser -u postgres --); else PG_RUN=(env); fi
        PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
        "${PG_RUN[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
        # Default durability (fsync, synchronous_commit on): the app and the raw-insert baseline commit alike.
        "${PG_RUN[@]}" taskset -c "$SERVER_CORE" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
            -o "-p $PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
        export WORKSPACE_BENCH_POSTGRES="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres"
        log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $PORT, pinned to core $SERVER_CORE"
    else
        log "no PostgreSQL found (apt-get install postgresql): SQLite only"
    fi
fi

[[ $# -gt 0 ]] || set -- all
taskset -c "$GENERATOR_CORE" dotnet tests/Workspace.Benchmarks/bin/Release/net10.0/Workspace.Benchmarks.dll "$@"
