#!/usr/bin/env bash
# hiendien national-scale benchmark: hiendien ingest/report against sqlite3's own importer
# and a raw GROUP BY over the imported table. See BENCHMARKS.md for what is measured and why.
#
#   bench/run.sh [--runs 5] [--data DIR] [--provinces 34] [--no-build] [--keep] [--refusal ROWS]
#
# --refusal ROWS (default 100000; 0 skips it) also times refusing ROWS rows of unknown units
# against storing the same ROWS rows with their real units: refusing a file may cost at most
# about as much as storing it (the goal is within 2x).
#
# Plain bash and public tools only: /usr/bin/time, sqlite3, date, awk, sort.
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
PERIOD=2028-Q2
AS_OF=2028-07-01
# The generated file dates each submission (the 10th of its quarter's last month, 2026–2030):
# the runs are made as of a day after the last one, whatever the machine's clock says, so that
# no submission is "in the future"; the report is still as of AS_OF.
export HIENDIEN_TODAY=2031-01-15

usage() { echo "usage: bench/run.sh [--runs N] [--data DIR] [--provinces N] [--no-build] [--keep] [--refusal ROWS]" >&2; }
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
        --data) DATA="${2:?--data needs a directory}"; shift 2 ;;
        --provinces) PROVINCES="${2:?--provinces needs a number}"; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        --keep) KEEP=1; shift ;;
        --refusal) REFUSAL_ROWS="${2:?--refusal needs a number of rows}"; shift 2 ;;
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
REPORT_DIR="$WORK/reports"

# The raw baseline: exactly the issue's GROUP BY over the table sqlite3 imported, written to
# a file (hiendien writes files too). The table is as .import makes it: TEXT columns, no index.
GROUP_BY_SQL="SELECT unit, indicator, sum(value) FROM t WHERE period <= '$PERIOD' GROUP BY unit, indicator;"
# Informational: one GROUP BY that yields what indicators.csv needs per unit and indicator —
# the quarter's value, the cumulative sum, and the latest value at or before the quarter
# (SQLite's bare column next to max() comes from the row holding the max).
FULL_SQL="SELECT unit, indicator, sum(CASE WHEN period = '$PERIOD' THEN value END), sum(value), max(period), value FROM t WHERE period <= '$PERIOD' GROUP BY unit, indicator;"

ingest()   { rm -f "$HD_DB" "$HD_DB"-wal "$HD_DB"-shm
             "$HIENDIEN" init --plan "$PLAN" --db "$HD_DB" >"$WORK/init.out" 2>"$WORK/init.err" \
                 || { echo "bench/run.sh: hiendien init failed:" >&2; cat "$WORK/init.err" >&2; exit 1; }
             measure ingest "$HIENDIEN" ingest "$CSV" --db "$HD_DB"; }
import()   { rm -f "$IMP_DB"; measure import sqlite3 "$IMP_DB" ".import --csv \"$CSV\" t"; }
report()   { rm -rf "$REPORT_DIR"
             measure report "$HIENDIEN" report --period "$PERIOD" --format csv --as-of "$AS_OF" --db "$HD_DB" --out "$REPORT_DIR"; }
group_by() { measure groupby sqlite3 "$IMP_DB" ".output $WORK/groupby.csv" "$GROUP_BY_SQL"
             measure fullsql sqlite3 "$IMP_DB" ".output $WORK/fullsql.csv" "$FULL_SQL"; }

# Refusing against storing: the first REFUSAL_ROWS data rows as they are, and the same rows
# with every unit id changed into one the plan does not have (each a near miss of a real one).
GOOD_CSV="$WORK/good-rows.csv"
BAD_CSV="$WORK/unknown-units.csv"
if [ "$REFUSAL_ROWS" -gt 0 ]; then
    head -n $((REFUSAL_ROWS + 1)) "$CSV" > "$GOOD_CSV"
    awk -F, -v OFS=, 'NR == 1 { print; next } { $1 = $1 "X"; print }' "$GOOD_CSV" > "$BAD_CSV"
fi
refusal()  { rm -f "$HD_DB" "$HD_DB"-wal "$HD_DB"-shm
             "$HIENDIEN" init --plan "$PLAN" --db "$HD_DB" >"$WORK/init.out" 2>"$WORK/init.err" \
                 || { echo "bench/run.sh: hiendien init failed:" >&2; cat "$WORK/init.err" >&2; exit 1; }
             measure store "$HIENDIEN" ingest "$GOOD_CSV" --db "$HD_DB"
             EXPECT_EXIT=1 measure refuse "$HIENDIEN" ingest "$BAD_CSV" --db "$HD_DB"; }

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

for round in $(seq 1 "$RUNS"); do
    log "round $round/$RUNS"
    if [ $((round % 2)) = 1 ]; then
        ingest; import; report; group_by
    else
        import; ingest; group_by; report
    fi
    if [ "$REFUSAL_ROWS" -gt 0 ]; then refusal; fi
done

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
NGROUPS=$(wc -l < "$WORK/groupby.csv")

# ---- summary ------------------------------------------------------------------------------
cp "$RESULTS" "$DATA/last-timings.tsv"
awk -F'\t' -v rows="$ROWS" -v bytes="$BYTES" -v runs="$RUNS" -v groups="$NGROUPS" '
    function median(key, name,    n, i, j, t, a) {
        n = count[name]
        for (i = 1; i <= n; i++) a[i] = val[key, name, i]
        for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    { n = ++count[$1]; val["wall", $1, n] = $2; val["cpu", $1, n] = $4
      if ($3 > peak[$1]) peak[$1] = $3
      if (n == 1 || $2 < lo[$1]) lo[$1] = $2
      if (n == 1 || $2 > hi[$1]) hi[$1] = $2 }
    END {
        printf "\n%-36s %9s %8s %8s %9s %9s\n", "command (" runs " runs)", "median s", "min s", "max s", "cpu s", "peak MiB"
        split("ingest import report groupby fullsql", order, " ")
        label["ingest"]  = "hiendien ingest FILE"
        label["import"]  = "sqlite3 .import --csv FILE t"
        label["report"]  = "hiendien report (1 quarter, csv)"
        label["groupby"] = "sqlite3 raw GROUP BY (" groups " groups)"
        label["fullsql"] = "sqlite3 GROUP BY sum+last (info)"
        for (k = 1; k <= 5; k++) { c = order[k]; med[c] = median("wall", c); cpu[c] = median("cpu", c)
            printf "%-36s %9.3f %8.3f %8.3f %9.2f %9.1f\n", label[c], med[c], lo[c], hi[c], cpu[c], peak[c] / 1024 }
        ri = med["ingest"] / med["import"]; rr = med["report"] / med["groupby"]; pm = peak["ingest"] / 1024
        ci = (cpu["import"] > 0) ? cpu["ingest"] / cpu["import"] : 0; cr = (cpu["groupby"] > 0) ? cpu["report"] / cpu["groupby"] : 0
        printf "\n%-44s %9s %9s %9s  %s\n", "goal", "wall", "cpu", "limit", "verdict (on wall medians)"
        printf "%-44s %8.2fx %8.2fx %8.2fx  %s\n", "ingest / sqlite3 .import", ri, ci, 1.5, ri <= 1.5 ? "PASS" : "MISS"
        printf "%-44s %8.2fx %8.2fx %8.2fx  %s\n", "national quarterly report / raw GROUP BY", rr, cr, 3, rr <= 3 ? "PASS" : "MISS"
        printf "%-44s %5.1f MiB %9s %5d MiB  %s\n", "peak RSS of hiendien ingest (max of runs)", pm, "", 64, pm <= 64 ? "PASS" : "MISS"
        if (count["refuse"] > 0) {
            ms = median("wall", "store"); mf = median("wall", "refuse"); cs = median("cpu", "store"); cf2 = median("cpu", "refuse")
            printf "%-44s %8.2fx %8.2fx %8.2fx  %s  (%.3f s refusing, %.3f s storing)\n", "refusing unknown units / storing the rows",
                   mf / ms, (cs > 0) ? cf2 / cs : 0, 2, mf / ms <= 2 ? "PASS" : "MISS", mf, ms
        }
        cf = (cpu["fullsql"] > 0) ? cpu["report"] / cpu["fullsql"] : 0
        printf "%-44s %8.2fx %8.2fx %9s\n", "report / GROUP BY sum+last (informational)", med["report"] / med["fullsql"], cf, "-"
        printf "\ndata: %d rows, %d bytes (%.1f MiB); throughput: hiendien %.0f rows/s, sqlite3 .import %.0f rows/s\n",
               rows, bytes, bytes / 1048576, rows / med["ingest"], rows / med["import"]
    }' "$RESULTS"
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
log "raw timings (command, wall s, max RSS KiB, cpu s): $DATA/last-timings.tsv"
if [ "$VALID" = 0 ]; then
    echo "INVALID MEASUREMENT: hiendien's report does not add up to the imported data; the figures above mean nothing." >&2
    exit 4
fi
exit 0
