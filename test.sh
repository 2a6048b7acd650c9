#!/usr/bin/env bash
# Runs the whole test suite (all test projects in the solution) with a throwaway
# PostgreSQL cluster and, when available, a Chromium for the E2E tests.
#
# Usage: ./test.sh [extra dotnet test args...]
#   e.g. ./test.sh --filter-class 'Workspace.Domain.Tests.*'
#
# Environment exported to the tests:
#   WORKSPACE_TEST_POSTGRES  Npgsql connection string to a scratch server (tests create their own DBs)
#   WORKSPACE_TEST_CHROMIUM  path to a Chromium binary (only when one exists)
# Optional knobs:
#   WORKSPACE_SOLUTION       solution to test (default: Workspace.sln)
#   WORKSPACE_TEST_TIMEOUT   per-test-module timeout passed to MTP --timeout (default: 30m)
#
# Result files (xUnit XML, one per test project) are written to TestResults/.
# The last line printed is the summary: "N passed, N failed[, N skipped]".
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
ROOT="$PWD"
SOLUTION="${WORKSPACE_SOLUTION:-Workspace.sln}"
RESULTS_DIR="$ROOT/TestResults"
# Debian's headless shell: Chromium's own engine without the desktop browser around it, as Playwright runs headless
# by default. The full browser was half of the suite's CPU; the shell runs the same tests on a third of that.
CHROMIUM_BIN=/usr/bin/chromium-headless-shell

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '[test.sh] %s\n' "$*" >&2; }

IS_ROOT=0
[[ "$(id -u)" -eq 0 ]] && IS_ROOT=1

WORK_TMP="$(mktemp -d /tmp/workspace-testsh.XXXXXX)"
PG_TMP=""
PG_BIN=""
PG_RUN=()   # command prefix to run PostgreSQL tools as a non-root user
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -n "$PG_TMP" && -d "$PG_TMP" ]]; then
        if [[ -f "$PG_TMP/data/postmaster.pid" ]]; then
            "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate -w -t 20 stop >/dev/null 2>&1 || true
            # Fallback: still running? Kill exactly the postmaster we started (pid from its own pid file).
            if [[ -f "$PG_TMP/data/postmaster.pid" ]]; then
                local pid
                pid="$(head -n1 "$PG_TMP/data/postmaster.pid" 2>/dev/null || true)"
                [[ "$pid" =~ ^[0-9]+$ ]] && kill -KILL "$pid" 2>/dev/null || true
            fi
        fi
        rm -rf "$PG_TMP" || true
    fi
    rm -rf "$WORK_TMP" || true
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------
# 1. Prerequisites (installed only when running as root)
# ---------------------------------------------------------------------------
find_pg_bin() {
    local d
    # Highest installed Debian-style version first.
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [[ -x "$d/initdb" && -x "$d/pg_ctl" ]]; then echo "$d"; return 0; fi
    done
    if command -v pg_config >/dev/null 2>&1; then
        d="$(pg_config --bindir 2>/dev/null || true)"
        if [[ -n "$d" && -x "$d/initdb" && -x "$d/pg_ctl" ]]; then echo "$d"; return 0; fi
    fi
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        d="$(dirname "$(readlink -f "$(command -v initdb)")")"
        if [[ -x "$d/pg_ctl" ]]; then echo "$d"; return 0; fi
    fi
    return 1
}

APT_UPDATED=0
apt_install() {
    local apt_log
    apt_log="$(mktemp /tmp/workspace-apt.XXXXXX.log)"
    log "installing $* via apt-get (log: $apt_log)"
    if { [[ "$APT_UPDATED" -eq 1 ]] || apt-get update; } >"$apt_log" 2>&1 \
        && APT_UPDATED=1 \
        && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-upgrade "$@" </dev/null >>"$apt_log" 2>&1; then
        rm -f "$apt_log"
        return 0
    fi
    log "apt-get install $* FAILED; log follows:"
    tail -n 40 "$apt_log" >&2 || true
    return 1
}

if [[ ! -x "$CHROMIUM_BIN" ]]; then
    if [[ "$IS_ROOT" -eq 1 ]] && command -v apt-get >/dev/null 2>&1; then
        apt_install chromium-headless-shell || true
        [[ -x "$CHROMIUM_BIN" ]] || log "chromium-headless-shell still missing at $CHROMIUM_BIN: E2E tests will skip (or fail when CI=true)"
    else
        log "chromium-headless-shell not found at $CHROMIUM_BIN and not root (or no apt-get): E2E tests will skip (or fail when CI=true)"
    fi
fi

NGINX_BIN=/usr/sbin/nginx
if [[ ! -x "$NGINX_BIN" ]]; then
    if [[ "$IS_ROOT" -eq 1 ]] && command -v apt-get >/dev/null 2>&1; then
        apt_install --no-install-recommends nginx || true
        [[ -x "$NGINX_BIN" ]] || log "nginx still missing at $NGINX_BIN: the load-balancer test will skip (or fail when CI=true)"
    else
        log "nginx not found at $NGINX_BIN and not root (or no apt-get): the load-balancer test will skip (or fail when CI=true)"
    fi
fi

PG_BIN="$(find_pg_bin || true)"
if [[ -z "$PG_BIN" ]]; then
    if [[ "$IS_ROOT" -eq 1 ]] && command -v apt-get >/dev/null 2>&1; then
        apt_install --no-install-recommends postgresql || true
        PG_BIN="$(find_pg_bin || true)"
        [[ -n "$PG_BIN" ]] || log "PostgreSQL still not found: PostgreSQL tests will skip (or fail when CI=true)"
    else
        log "PostgreSQL (initdb/pg_ctl) not found and not root (or no apt-get): PostgreSQL tests will skip (or fail when CI=true)"
    fi
fi

# ---------------------------------------------------------------------------
# 2. Throwaway PostgreSQL cluster
# ---------------------------------------------------------------------------
pick_port() {
    local p i
    if command -v python3 >/dev/null 2>&1; then
        p="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || true)"
        if [[ "$p" =~ ^[0-9]+$ ]]; then echo "$p"; return 0; fi
    fi
    for i in $(seq 1 50); do
        p=$(( 20000 + RANDOM % 40000 ))
        # Connection refused => nothing listening => free (for our purposes).
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
    done
    return 1
}

start_postgres() {
    if [[ "$IS_ROOT" -eq 1 ]]; then
        if ! id -u postgres >/dev/null 2>&1; then
            log "OS user 'postgres' missing; cannot run PostgreSQL as root"
            return 1
        fi
        PG_RUN=(runuser -u postgres --)
    else
        PG_RUN=(env)   # run as ourselves
    fi
    PG_TMP="$(mktemp -d /tmp/workspace-pg.XXXXXX)"
    mkdir -p "$PG_TMP/sock"
    if [[ "$IS_ROOT" -eq 1 ]]; then chown -R postgres:postgres "$PG_TMP"; fi
    chmod 700 "$PG_TMP"

    if ! "${PG_RUN[@]}" "$PG_BIN/initdb" -D "$PG_TMP/data" -A trust -U postgres -E UTF8 \
            --locale=C.UTF-8 --no-sync >"$PG_TMP/initdb.log" 2>&1; then
        log "initdb failed:"; cat "$PG_TMP/initdb.log" >&2
        return 1
    fi

    local attempt port
    for attempt in 1 2 3 4 5; do
        port="$(pick_port)" || { log "could not find a free TCP port"; return 1; }
        if "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/postgres.log" -w -t 60 \
                -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_TMP/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
                start >/dev/null 2>&1; then
            # pg_ctl -w already waits; double-check over TCP with a bounded poll.
            local i
            for i in $(seq 1 100); do
                if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -t 1; then
                    export WORKSPACE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres;Database=postgres"
                    log "PostgreSQL ($("$PG_BIN/postgres" --version | awk '{print $3}')) ready on 127.0.0.1:$port"
                    return 0
                fi
                sleep 0.1
            done
            log "PostgreSQL did not become ready on port $port"
            tail -n 20 "$PG_TMP/postgres.log" >&2 || true
            return 1
        fi
        log "pg_ctl start on port $port failed (attempt $attempt)"
        tail -n 5 "$PG_TMP/postgres.log" >&2 2>/dev/null || true
    done
    return 1
}

unset WORKSPACE_TEST_POSTGRES
if [[ -n "$PG_BIN" ]]; then
    start_postgres || log "could not start PostgreSQL: PostgreSQL tests will skip (or fail when CI=true)"
fi

# ---------------------------------------------------------------------------
# 3. Chromium
# ---------------------------------------------------------------------------
unset WORKSPACE_TEST_CHROMIUM
if [[ -x "$CHROMIUM_BIN" ]]; then
    export WORKSPACE_TEST_CHROMIUM="$CHROMIUM_BIN"
fi

# ---------------------------------------------------------------------------
# 4. Run the tests
# ---------------------------------------------------------------------------
rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"

# All test modules share one results directory, and xunit's default report names
# (user_host_timestamp) can collide when two modules start at the same moment (seen in
# practice: one report silently overwrote the other). Give every project its own report
# name, <ProjectName>.xunit, by appending to each project's MTP arguments through an
# MSBuild hook (a generated temp file; nothing in the repository is involved).
cat >"$WORK_TMP/test-results.targets" <<'EOF'
<Project>
  <PropertyGroup>
    <TestingPlatformCommandLineArguments>$(TestingPlatformCommandLineArguments) --report-xunit-filename $(MSBuildProjectName).xunit</TestingPlatformCommandLineArguments>
  </PropertyGroup>
</Project>
EOF

test_args=(
    --solution "$SOLUTION"
    --results-directory "$RESULTS_DIR"
    --report-xunit
    "-p:CustomAfterMicrosoftCommonTargets=$WORK_TMP/test-results.targets"
    # A module whose tests are all filtered out / skipped exits with 8 ("zero tests ran");
    # that is not an error here. Zero tests overall is checked below from the result files.
    --ignore-exit-code 8
    --timeout "${WORKSPACE_TEST_TIMEOUT:-30m}"
)
if [[ ! -t 1 || "${CI:-}" == "true" ]]; then
    test_args+=(--no-progress --no-ansi)
fi

set +e
dotnet test "${test_args[@]}" "$@"
dotnet_rc=$?
set -e

# ---------------------------------------------------------------------------
# 5. Count results from the xUnit XML files
# ---------------------------------------------------------------------------
attr() { # attr NAME TAG -> numeric attribute value (0 if absent)
    local v
    v="$(sed -n "s/.*[[:space:]]$1=\"\([0-9]*\)\".*/\1/p" <<<"$2")"
    echo "${v:-0}"
}

passed=0 failed=0 skipped=0 errors=0 files=0
shopt -s nullglob
for f in "$RESULTS_DIR"/*.xunit; do
    files=$((files + 1))
    while IFS= read -r tag; do
        passed=$((passed + $(attr passed "$tag")))
        failed=$((failed + $(attr failed "$tag")))
        skipped=$((skipped + $(attr skipped "$tag")))
        errors=$((errors + $(attr errors "$tag")))
    done < <(grep -o '<assembly [^>]*>' "$f" || true)
    # Fallback: a report that still has a default user_host_timestamp name gets renamed.
    [[ "$(basename "$f")" == *_*_*.xunit ]] || continue
    name="$(grep -o '<assembly [^>]*>' "$f" | head -n1 | sed -n 's/.*[[:space:]]name="\([^"]*\)".*/\1/p')"
    name="$(basename "${name:-}" .dll)"
    if [[ -n "$name" && ! -e "$RESULTS_DIR/$name.xunit" ]]; then
        mv "$f" "$RESULTS_DIR/$name.xunit"
    fi
done
shopt -u nullglob

status=0
if [[ "$dotnet_rc" -ne 0 ]]; then
    log "dotnet test exited with code $dotnet_rc"
    status=1
fi
if [[ "$errors" -gt 0 ]]; then
    log "$errors assembly-level error(s) reported (e.g. fixture/cleanup failures)"
    status=1
fi
if [[ "$failed" -gt 0 ]]; then
    status=1
fi
if [[ $((passed + failed)) -eq 0 ]]; then
    log "zero tests ran ($files result file(s) in $RESULTS_DIR)"
    status=1
fi

# The failed tests again, last, where a log cut to its tail still shows them (the runner prints them mid-log).
if [[ "$failed" -gt 0 ]]; then
    log "failed tests:"
    shopt -s nullglob
    if command -v python3 >/dev/null 2>&1; then
        python3 - "$RESULTS_DIR"/*.xunit >&2 <<'PY' || true
import sys, xml.etree.ElementTree as ET
for path in sys.argv[1:]:
    for test in ET.parse(path).iter("test"):
        if test.get("result") == "Fail":
            message = (test.findtext("failure/message") or "").strip().splitlines()[:3]
            print("  " + test.get("name"), *("    " + line[:300] for line in message), sep="\n")
PY
    else
        for f in "$RESULTS_DIR"/*.xunit; do
            grep -o '<test [^>]*result="Fail"[^>]*>' "$f" | sed -n 's/.*[[:space:]]name="\([^"]*\)".*/  \1/p' >&2 || true
        done
    fi
    shopt -u nullglob
fi

summary="$passed passed, $failed failed"
if [[ "$skipped" -gt 0 ]]; then summary+=", $skipped skipped"; fi
echo "$summary"
exit "$status"
