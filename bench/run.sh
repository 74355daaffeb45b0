#!/usr/bin/env bash
# hiendien national-scale benchmark: hiendien ingest, report and status against sqlite3's own
# importer and one GROUP BY over the imported table. See BENCHMARKS.md for what is measured and why.
#
#   bench/run.sh [--runs 5] [--data DIR] [--provinces 34] [--no-build] [--keep] [--refusal ROWS]
#                [--no-double] [--no-syncs] [--by-format]
#
# --refusal ROWS (default 100000; 0 skips it) also times refusing ROWS rows of unknown units
# against storing the same ROWS rows with their real units: refusing a file may cost at most
# about as much as storing it (the goal is within 2x).
# --no-double skips the run on twice the units (2 x --provinces, generated once beside the data).
# --no-syncs skips counting the ingest's fsync/fdatasync with strace (skipped without strace).
# --by-format also times the report once per format (md, html, csv, xlsx, docx) in every round.
#
# Plain bash and public tools only: /usr/bin/time, sqlite3, date, awk, sort (strace optional).
# Exits 0 whether the goals are met or not (it is a measurement). Non-zero only when it
# cannot measure: 1 a command under test failed, 2 wrong usage, 3 a tool is missing,
# 4 hiendien's report does not add up to the imported data (a no-op runner must not PASS).
set -euo pipefail

RUNS=5
DATA=""
PROVINCES=34
BUILD=1
KEEP=0
REFUSAL_ROWS=100000
DOUBLE=1
SYNC_TRACE=1
BY_FORMAT=0
PERIOD=2028-Q2
AS_OF=2028-07-01
# The generated file dates each submission (the 10th of its quarter's last month, 2026–2030):
# the runs are made as of a day after the last one, whatever the machine's clock says, so that
# no submission is "in the future"; the report is still as of AS_OF.
export HIENDIEN_TODAY=2031-01-15

usage() { echo "usage: bench/run.sh [--runs N] [--data DIR] [--provinces N] [--no-build] [--keep] [--refusal ROWS] [--no-double] [--no-syncs] [--by-format]" >&2; }
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
        --data) DATA="${2:?--data needs a directory}"; shift 2 ;;
        --provinces) PROVINCES="${2:?--provinces needs a number}"; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        --keep) KEEP=1; shift ;;
        --refusal) REFUSAL_ROWS="${2:?--refusal needs a number of rows}"; shift 2 ;;
        --no-double) DOUBLE=0; shift ;;
        --no-syncs) SYNC_TRACE=0; shift ;;
        --by-format) BY_FORMAT=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "bench/run.sh: unknown argument '$1'" >&2; usage; exit 2 ;;
    esac
done
case "$RUNS" in ''|*[!0-9]*|0) echo "bench/run.sh: --runs must be a positive whole number" >&2; exit 2 ;; esac
case "$REFUSAL_ROWS" in ''|*[!0-9]*) echo "bench/run.sh: --refusal must be a whole number of rows" >&2; exit 2 ;; esac

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [ -z "$DATA" ]; then
    if [ "$PROVINCES" = 34 ]; then DATA="$ROOT/bench/data"; else DATA="$ROOT/bench/data/p$PROVINCES"; fi
fi
mkdir -p "$DATA"
DATA="$(cd "$DATA" && pwd)"

for tool in /usr/bin/time sqlite3 awk sort date; do
    command -v "$tool" >/dev/null || { echo "bench/run.sh: '$tool' not found (Debian: apt-get install time sqlite3)" >&2; exit 3; }
done
if [ "$SYNC_TRACE" = 1 ] && ! command -v strace >/dev/null; then
    echo "# strace not found: the ingest's syncs are not counted (Debian: apt-get install strace)" >&2
    SYNC_TRACE=0
fi

log() { echo "# $*" >&2; }

# ---- build (release, both products) ---------------------------------------------------
if [ "$BUILD" = 1 ]; then
    log "swift build -c release"
    swift build -c release >&2
fi
BIN="$(swift build -c release --show-bin-path)"
HIENDIEN="$BIN/hiendien"
GEN="$BIN/hiendien-gen"
[ -x "$HIENDIEN" ] && [ -x "$GEN" ] || { echo "bench/run.sh: release binaries missing in $BIN (run without --no-build)" >&2; exit 3; }

# ---- data (generated once, deterministic) ---------------------------------------------
PLAN="$DATA/national-plan.json"
CSV="$DATA/national-2026-2030.csv"
# (Data from before the generator dated its submissions is made again.)
if [ ! -s "$PLAN" ] || [ ! -s "$CSV" ] || ! head -n 1 "$CSV" | grep -q ',submitted'; then
    log "generating data into $DATA ($PROVINCES provinces)"
    "$GEN" --out "$DATA" --provinces "$PROVINCES" >&2
fi
ROWS=$(( $(wc -l < "$CSV") - 1 ))
BYTES=$(wc -c < "$CSV")

# ---- scratch space (same file system as the data, so both sides pay the same I/O) ------
WORK="$(mktemp -d "$DATA/work.XXXXXX")"
cleanup() { if [ "$KEEP" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT
RESULTS="$WORK/timings.tsv"
: > "$RESULTS"

# measure NAME CMD...: runs CMD under /usr/bin/time, appends "NAME wall_s maxrss_kib cpu_s"
# to $RESULTS. Wall time from date +%s.%N (ns resolution; /usr/bin/time's %e has only 10 ms),
# peak RSS (%M) and CPU time (user %U + system %S) from /usr/bin/time. CPU time is the
# cross-check on a shared machine: other processes stretch wall time much more than CPU time.
# Output of the command goes to $WORK/NAME.out / .err. EXPECT_EXIT (default 0) is the exit
# status the command must end with (1 for a file that must be refused).
measure() {
    local name="$1"; shift
    local t0 t1 rss status=0 expected="${EXPECT_EXIT:-0}"
    t0=$(date +%s.%N)
    /usr/bin/time -f "%M %U %S" -o "$WORK/$name.time" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" || status=$?
    t1=$(date +%s.%N)
    if [ "$status" != "$expected" ]; then
        echo "bench/run.sh: '$name' ended with exit $status, not $expected: $*" >&2
        sed -n '1,20p' "$WORK/$name.err" >&2
        exit 1
    fi
    read -r rss user sys < <(tail -n 1 "$WORK/$name.time")
    awk -v n="$name" -v a="$t0" -v b="$t1" -v r="$rss" -v c="$user" -v k="$sys" \
        'BEGIN { printf "%s\t%.4f\t%d\t%.2f\n", n, b - a, r, c + k }' >> "$RESULTS"
    awk -v n="$name" -v a="$t0" -v b="$t1" -v r="$rss" -v c="$user" -v k="$sys" \
        'BEGIN { printf "#   %-8s %8.3f s wall %7.2f s cpu %8.1f MiB\n", n, b - a, c + k, r / 1024 }' >&2
}

HD_DB="$WORK/hiendien.sqlite"
IMP_DB="$WORK/import.sqlite"
WAL_DB="$WORK/import-wal.sqlite"
REPORT_DIR="$WORK/reports"

# The report's baseline (issue 16): one GROUP BY over the table sqlite3 imported that yields what
# indicators.csv needs per unit and indicator — the quarter's value, the cumulative sum, and the
# latest value at or before the quarter (SQLite's bare column next to max() comes from the row
# holding the max). Written to a file, as hiendien writes files. The table is as .import makes
# it: TEXT columns, no index.
FULL_SQL="SELECT unit, indicator, sum(CASE WHEN period = '$PERIOD' THEN value END), sum(value), max(period), value FROM t WHERE period <= '$PERIOD' GROUP BY unit, indicator;"
# The earlier sessions' baseline, kept for comparison: the cumulative sum alone.
GROUP_BY_SQL="SELECT unit, indicator, sum(value) FROM t WHERE period <= '$PERIOD' GROUP BY unit, indicator;"

# new_store DB PLAN: an empty store for PLAN (init is not timed).
new_store() { rm -f "$1" "$1"-wal "$1"-shm
              "$HIENDIEN" init --plan "$2" --db "$1" >"$WORK/init.out" 2>"$WORK/init.err" \
                  || { echo "bench/run.sh: hiendien init failed:" >&2; cat "$WORK/init.err" >&2; exit 1; }; }
ingest()   { new_store "$HD_DB" "$PLAN"; measure ingest "$HIENDIEN" ingest "$CSV" --db "$HD_DB"; }
# sqlite3's importer three ways. Its default (rollback journal, synchronous = FULL) is the
# ingest goal's baseline, as in every earlier run. The same import in the store's own journal
# mode (WAL) with FULL and with NORMAL shows what durability costs the baseline itself: .import
# is one transaction, like one file of hiendien's, so FULL adds one sync of the WAL at commit.
import()   { rm -f "$IMP_DB"; measure import sqlite3 "$IMP_DB" ".import --csv \"$CSV\" t"; }
import_wal() {
    rm -f "$WAL_DB" "$WAL_DB"-wal "$WAL_DB"-shm
    measure import_wal_full sqlite3 "$WAL_DB" "PRAGMA journal_mode = WAL;" "PRAGMA synchronous = FULL;" ".import --csv \"$CSV\" t"
    rm -f "$WAL_DB" "$WAL_DB"-wal "$WAL_DB"-shm
    measure import_wal_normal sqlite3 "$WAL_DB" "PRAGMA journal_mode = WAL;" "PRAGMA synchronous = NORMAL;" ".import --csv \"$CSV\" t"
    rm -f "$WAL_DB" "$WAL_DB"-wal "$WAL_DB"-shm; }
# The report with every format (md, html, csv, xlsx, docx: no --format), the report goal; and
# with the CSV tables only, as the earlier sessions timed it.
report()   { rm -rf "$REPORT_DIR" "$WORK/reports-all"
             measure report_csv "$HIENDIEN" report --period "$PERIOD" --format csv --as-of "$AS_OF" --db "$HD_DB" --out "$REPORT_DIR"
             measure report "$HIENDIEN" report --period "$PERIOD" --as-of "$AS_OF" --db "$HD_DB" --out "$WORK/reports-all"; }
# One report per format, to see which of them the report's time and memory go to.
by_format() { for format in md html xlsx docx; do
                  rm -rf "$WORK/reports-$format"
                  measure "report_$format" "$HIENDIEN" report --period "$PERIOD" --format "$format" --as-of "$AS_OF" --db "$HD_DB" --out "$WORK/reports-$format"
              done; }
status()   { measure status "$HIENDIEN" status --period "$PERIOD" --as-of "$AS_OF" --db "$HD_DB"; }
group_by() { measure fullsql sqlite3 "$IMP_DB" ".output $WORK/fullsql.csv" "$FULL_SQL"
             measure groupby sqlite3 "$IMP_DB" ".output $WORK/groupby.csv" "$GROUP_BY_SQL"; }

# Twice the units: the generator's data for 2 × PROVINCES provinces (same shape per province,
# same seed), ingested once into its own store; report and status on it in every round.
if [ "$DOUBLE" = 1 ]; then
    DATA2="$DATA/x2-p$((PROVINCES * 2))"
    PLAN2="$DATA2/national-plan.json"
    CSV2="$DATA2/national-2026-2030.csv"
    if [ ! -s "$PLAN2" ] || [ ! -s "$CSV2" ] || ! head -n 1 "$CSV2" | grep -q ',submitted'; then
        log "generating the 2x-units data into $DATA2 ($((PROVINCES * 2)) provinces)"
        "$GEN" --out "$DATA2" --provinces $((PROVINCES * 2)) >&2
    fi
    HD2_DB="$WORK/hiendien-x2.sqlite"
fi
report_x2() { rm -rf "$WORK/reports-x2"
              measure report_x2 "$HIENDIEN" report --period "$PERIOD" --as-of "$AS_OF" --db "$HD2_DB" --out "$WORK/reports-x2"; }
status_x2() { measure status_x2 "$HIENDIEN" status --period "$PERIOD" --as-of "$AS_OF" --db "$HD2_DB"; }

# Refusing against storing: the first REFUSAL_ROWS data rows as they are, and the same rows
# with every unit id changed into one the plan does not have (each a near miss of a real one).
GOOD_CSV="$WORK/good-rows.csv"
BAD_CSV="$WORK/unknown-units.csv"
if [ "$REFUSAL_ROWS" -gt 0 ]; then
    head -n $((REFUSAL_ROWS + 1)) "$CSV" > "$GOOD_CSV"
    awk -F, -v OFS=, 'NR == 1 { print; next } { $1 = $1 "X"; print }' "$GOOD_CSV" > "$BAD_CSV"
fi
refusal()  { new_store "$HD_DB" "$PLAN"
             measure store "$HIENDIEN" ingest "$GOOD_CSV" --db "$HD_DB"
             EXPECT_EXIT=1 measure refuse "$HIENDIEN" ingest "$BAD_CSV" --db "$HD_DB"; }

# syncs NAME CMD...: the number of fsync/fdatasync calls CMD makes and the wall time spent in
# them (strace -c -w, only those calls traced), appended to $SYNCS. What full durability costs
# hiendien's own ingest, measured on the unchanged runner.
SYNCS="$WORK/syncs.tsv"
: > "$SYNCS"
syncs() {
    local name="$1"; shift
    strace -f -c -w -e trace=fsync,fdatasync -o "$WORK/$name.strace" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" \
        || { echo "bench/run.sh: '$name' under strace failed: $*" >&2; sed -n '1,20p' "$WORK/$name.err" >&2; exit 1; }
    awk -v n="$name" '$NF == "total" { printf "%s\t%s\t%s\n", n, $2, $4; found = 1 }
                      END { if (!found) printf "%s\t0\t0\n", n }' "$WORK/$name.strace" >> "$SYNCS"
}

# ---- the machine ------------------------------------------------------------------------
{
    echo "# hiendien benchmark — $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo '+dirty')"
    echo "# machine: $(nproc) CPUs, $(lscpu 2>/dev/null | awk -F: '/Model name/ { gsub(/^ +/, "", $2); print $2; exit }'), $(free -h | awk '/^Mem:/ { print $2 }') RAM, $(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME"), kernel $(uname -r)"
    echo "# tools: sqlite3 $(sqlite3 --version | cut -d' ' -f1), $(swift --version 2>/dev/null | head -n 1)"
    echo "# data: $CSV — $ROWS rows, $BYTES bytes ($(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1048576 }') MiB)"
    echo "# rounds: $RUNS, alternating (odd rounds hiendien first, even rounds sqlite3 first)"
    echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs (above ~0.5 per CPU, trust the CPU-time ratios more than wall)"
} >&2

# Warm the page cache so that round 1 does not pay for the first read of the CSV alone.
cat "$CSV" > /dev/null

# The 2x-units store, ingested once (one timed sample: its ingest time and peak memory).
if [ "$DOUBLE" = 1 ]; then
    log "2x units: ingesting $CSV2 once"
    cat "$CSV2" > /dev/null
    new_store "$HD2_DB" "$PLAN2"
    measure ingest_x2 "$HIENDIEN" ingest "$CSV2" --db "$HD2_DB"
fi

for round in $(seq 1 "$RUNS"); do
    log "round $round/$RUNS"
    if [ $((round % 2)) = 1 ]; then
        ingest; import; import_wal; report; status; group_by
    else
        import; import_wal; ingest; group_by; status; report
    fi
    if [ "$BY_FORMAT" = 1 ]; then by_format; fi
    if [ "$DOUBLE" = 1 ]; then report_x2; status_x2; fi
    if [ "$REFUSAL_ROWS" -gt 0 ]; then refusal; fi
done

# Durability on the side (not timed with the rounds: strace slows what it traces): the syncs
# of one hiendien ingest and of sqlite3's import in WAL with FULL.
if [ "$SYNC_TRACE" = 1 ]; then
    log "counting fsync/fdatasync with strace (one ingest, one WAL import)"
    new_store "$HD_DB" "$PLAN"
    syncs ingest "$HIENDIEN" ingest "$CSV" --db "$HD_DB"
    rm -f "$WAL_DB" "$WAL_DB"-wal "$WAL_DB"-shm
    syncs import_wal_full sqlite3 "$WAL_DB" "PRAGMA journal_mode = WAL;" "PRAGMA synchronous = FULL;" ".import --csv \"$CSV\" t"
    rm -f "$WAL_DB" "$WAL_DB"-wal "$WAL_DB"-shm
    syncs import_wal_normal sqlite3 "$WAL_DB" "PRAGMA journal_mode = WAL;" "PRAGMA synchronous = NORMAL;" ".import --csv \"$CSV\" t"
    rm -f "$WAL_DB" "$WAL_DB"-wal "$WAL_DB"-shm
fi

# ---- sanity: hiendien and the baseline add up the same data --------------------------
# The national cumulative id_vn_new at the period from hiendien's indicators.csv (TOTAL row)
# against the same sum over the imported table.
IND_CSV="$(find "$REPORT_DIR" -name indicators.csv 2>/dev/null | head -n 1 || true)"
VALID=1
if [ -n "$IND_CSV" ]; then
    HD_TOTAL=$(awk -F, '$2 == "TOTAL" && $3 == "id_vn_new" { print $5; exit }' "$IND_CSV")
    SQL_TOTAL=$(sqlite3 "$IMP_DB" "SELECT sum(value) FROM t WHERE indicator = 'id_vn_new' AND period <= '$PERIOD';")
    if [ "$HD_TOTAL" = "$SQL_TOTAL" ]; then
        log "check: cumulative id_vn_new at $PERIOD = $HD_TOTAL in both (indicators.csv rows: $(( $(wc -l < "$IND_CSV") - 1 )))"
    else
        log "INVALID: cumulative id_vn_new at $PERIOD: hiendien '$HD_TOTAL', sqlite3 '$SQL_TOTAL'"
        VALID=0
    fi
else
    log "INVALID: hiendien report wrote no indicators.csv under $REPORT_DIR (is the runner wired up?)"
    VALID=0
fi
if [ "$DOUBLE" = 1 ]; then
    IND2="$(find "$WORK/reports-x2" -name indicators.csv 2>/dev/null | head -n 1 || true)"
    HD2_TOTAL=$( [ -n "$IND2" ] && awk -F, '$2 == "TOTAL" && $3 == "id_vn_new" { print $5; exit }' "$IND2" || true)
    if [ -n "$HD2_TOTAL" ] && [ -n "${HD_TOTAL:-}" ] && [ "$HD2_TOTAL" -gt "$HD_TOTAL" ]; then
        log "check: 2x units: cumulative id_vn_new at $PERIOD = $HD2_TOTAL (1x: $HD_TOTAL)"
    else
        log "INVALID: the 2x-units report's national id_vn_new is '${HD2_TOTAL:-}' (1x: '${HD_TOTAL:-}')"
        VALID=0
    fi
fi
NGROUPS=$(wc -l < "$WORK/fullsql.csv")

# ---- summary ------------------------------------------------------------------------------
# Markdown tables, to paste into BENCHMARKS.md as they are.
cp "$RESULTS" "$DATA/last-timings.tsv"
awk -F'\t' -v rows="$ROWS" -v bytes="$BYTES" -v runs="$RUNS" -v groups="$NGROUPS" -v syncs="$SYNCS" -v refusal="$REFUSAL_ROWS" '
    function median(key, name,    n, i, j, t, a) {
        n = count[name]
        for (i = 1; i <= n; i++) a[i] = val[key, name, i]
        for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    function verdict(ok) { return ok ? "PASS" : "**MISS**" }
    # ratio row: wall and CPU ratios of two commands against a limit ("" = informational)
    function ratio(label, a, b, limit,    rw, rc) {
        if (!(a in med) || !(b in med) || med[b] <= 0) return
        rw = med[a] / med[b]; rc = (cpu[b] > 0) ? cpu[a] / cpu[b] : 0
        if (limit == "") printf "| %s | %.2f× | %.2f× | – | (information) |\n", label, rw, rc
        else printf "| %s | %.2f× | %.2f× | ≤ %s× | %s |\n", label, rw, rc, limit, verdict(rw <= limit + 0)
    }
    FILENAME == syncs { scalls[$1] = $3; ssecs[$1] = $2; next }
    { n = ++count[$1]; val["wall", $1, n] = $2; val["cpu", $1, n] = $4
      if ($3 > peak[$1]) peak[$1] = $3
      if (n == 1 || $2 < lo[$1]) lo[$1] = $2
      if (n == 1 || $2 > hi[$1]) hi[$1] = $2 }
    END {
        split("ingest import import_wal_full import_wal_normal report report_md report_html report_csv report_xlsx report_docx status fullsql groupby ingest_x2 report_x2 status_x2 store refuse", order, " ")
        label["ingest"]            = "`hiendien ingest` (WAL, synchronous = FULL)"
        label["import"]            = "`sqlite3 .import --csv` (default: rollback journal, FULL)"
        label["import_wal_full"]   = "`sqlite3 .import --csv`, WAL, synchronous = FULL"
        label["import_wal_normal"] = "`sqlite3 .import --csv`, WAL, synchronous = NORMAL"
        label["report"]            = "`hiendien report` (every format)"
        label["report_csv"]        = "`hiendien report --format csv`"
        label["report_md"]         = "`hiendien report --format md`"
        label["report_html"]       = "`hiendien report --format html`"
        label["report_xlsx"]       = "`hiendien report --format xlsx`"
        label["report_docx"]       = "`hiendien report --format docx`"
        label["status"]            = "`hiendien status`"
        label["fullsql"]           = "`sqlite3` GROUP BY sum + quarter + latest (" groups " rows)"
        label["groupby"]           = "`sqlite3` GROUP BY sum only"
        label["ingest_x2"]         = "2× units: `hiendien ingest` (one run)"
        label["report_x2"]         = "2× units: `hiendien report` (every format)"
        label["status_x2"]         = "2× units: `hiendien status`"
        label["store"]             = "store the first " refusal " good rows"
        label["refuse"]            = "refuse the same rows with unknown units"
        printf "\n| command (%d runs) | median s | min s | max s | CPU s | peak RSS MiB |\n|---|---:|---:|---:|---:|---:|\n", runs
        for (k = 1; k in order; k++) { c = order[k]; if (!(c in count)) continue
            med[c] = median("wall", c); cpu[c] = median("cpu", c)
            printf "| %s | %.3f | %.3f | %.3f | %.2f | %.1f |\n", label[c], med[c], lo[c], hi[c], cpu[c], peak[c] / 1024 }

        printf "\n| goal (issue 16, issue 15 item 3) | wall (medians) | CPU | limit | verdict |\n|---|---:|---:|---:|---|\n"
        ratio("ingest ÷ `sqlite3 .import` (both with full durability)", "ingest", "import", "1.0")
        ratio("`report` (every format) ÷ GROUP BY sum + quarter + latest", "report", "fullsql", "2.0")
        ratio("`status` ÷ the same GROUP BY", "status", "fullsql", "0.3")
        for (k = 1; k <= 3; k++) { c = k == 1 ? "ingest" : k == 2 ? "report" : "status"
            if (c in peak) printf "| peak memory: %s | %.1f MiB | | ≤ 64 MiB | %s |\n", c, peak[c] / 1024, verdict(peak[c] / 1024 <= 64) }
        ratio("time for 2× the units: `report`", "report_x2", "report", "2.2")
        ratio("time for 2× the units: `status`", "status_x2", "status", "2.2")
        ratio("refusing unknown units ÷ storing the rows", "refuse", "store", "2.0")

        printf "\n| more ratios | wall (medians) | CPU | limit | verdict |\n|---|---:|---:|---:|---|\n"
        ratio("ingest ÷ `.import` in WAL + FULL (the store'"'"'s journal and durability)", "ingest", "import_wal_full", "")
        ratio("`.import` WAL + FULL ÷ WAL + NORMAL (what durability costs the baseline)", "import_wal_full", "import_wal_normal", "")
        ratio("`.import` default ÷ WAL + NORMAL", "import", "import_wal_normal", "")
        ratio("`report --format csv` ÷ GROUP BY sum + quarter + latest", "report_csv", "fullsql", "")
        ratio("`report --format csv` ÷ GROUP BY sum only (the earlier goal, 3×)", "report_csv", "groupby", "")
        ratio("2× units: ingest (one run) ÷ ingest", "ingest_x2", "ingest", "")
        if ("ingest" in scalls) {
            printf "\n| syncs (strace -c -w, one run each) | fsync + fdatasync calls | seconds in them | share of the median wall time |\n|---|---:|---:|---:|\n"
            split("ingest import_wal_full import_wal_normal", so, " ")
            for (k = 1; k <= 3; k++) { c = so[k]
                if (c in scalls) printf "| %s | %d | %.3f | %.1f %% |\n", label[c], scalls[c], ssecs[c], (med[c] > 0) ? 100 * ssecs[c] / med[c] : 0 }
        }
        printf "\ndata: %d rows, %d bytes (%.1f MiB); throughput: hiendien %.0f rows/s, sqlite3 .import %.0f rows/s\n",
               rows, bytes, bytes / 1048576, rows / med["ingest"], rows / med["import"]
    }' "$SYNCS" "$RESULTS"
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
log "raw timings (command, wall s, max RSS KiB, cpu s): $DATA/last-timings.tsv"
if [ "$VALID" = 0 ]; then
    echo "INVALID MEASUREMENT: hiendien's report does not add up to the imported data; the figures above mean nothing." >&2
    exit 4
fi
exit 0
