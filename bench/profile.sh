#!/usr/bin/env bash
# Profiles hiendien ingest and report on a smaller generated file and prints the top
# functions (Swift names demangled).
#
#   bench/profile.sh [--provinces 2] [--tool callgrind|perf] [--what ingest|report|both] [--top 25] [--no-build]
#
# callgrind (default) counts instructions: deterministic, ~50× slower, blind to I/O waits.
# perf samples wall-clock CPU time (cpu-clock) with call graphs: fast, noisier, sees the
# kernel side (fsync, page faults) too. Outputs stay in bench/data/profile/ for
# callgrind_annotate / kcachegrind / perf report.
set -euo pipefail

PROVINCES=2
TOOL=callgrind
WHAT=both
TOP=25
BUILD=1
PERIOD=2028-Q2
AS_OF=2028-07-01
# As bench/run.sh: the generated submissions are dated up to 2030; run as of a day after them.
export HIENDIEN_TODAY=2031-01-15

usage() { echo "usage: bench/profile.sh [--provinces N] [--tool callgrind|perf] [--what ingest|report|both] [--top N] [--no-build]" >&2; }
while [ $# -gt 0 ]; do
    case "$1" in
        --provinces) PROVINCES="${2:?}"; shift 2 ;;
        --tool) TOOL="${2:?}"; shift 2 ;;
        --what) WHAT="${2:?}"; shift 2 ;;
        --top) TOP="${2:?}"; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "bench/profile.sh: unknown argument '$1'" >&2; usage; exit 2 ;;
    esac
done
case "$TOOL" in callgrind) need=valgrind ;; perf) need=perf ;; *) usage; exit 2 ;; esac
case "$WHAT" in ingest|report|both) ;; *) usage; exit 2 ;; esac
command -v "$need" >/dev/null || { echo "bench/profile.sh: '$need' not found" >&2; exit 3; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
[ "$BUILD" = 1 ] && swift build -c release >&2
BIN="$(swift build -c release --show-bin-path)"
HIENDIEN="$BIN/hiendien"
DEMANGLE="$(command -v swift-demangle || true)"
demangle() { if [ -n "$DEMANGLE" ]; then "$DEMANGLE" --simplified; else cat; fi; }

if [ "$PROVINCES" = 34 ]; then DATA="$ROOT/bench/data"; else DATA="$ROOT/bench/data/p$PROVINCES"; fi
PLAN="$DATA/national-plan.json"
CSV="$DATA/national-2026-2030.csv"
if [ ! -s "$PLAN" ] || [ ! -s "$CSV" ] || ! head -n 1 "$CSV" | grep -q ',submitted'; then
    "$BIN/hiendien-gen" --out "$DATA" --provinces "$PROVINCES" >&2
fi
OUT="$ROOT/bench/data/profile"
mkdir -p "$OUT"
DB="$OUT/profile.sqlite"
echo "# profiling with $TOOL on $CSV ($(( $(wc -l < "$CSV") - 1 )) rows, $(wc -c < "$CSV") bytes)"

# The function rows of callgrind_annotate, with the source-file prefix dropped and the
# shared object shortened to its base name.
top_rows() {
    awk '/^-+$/ && f == 1 { f = 2; next } /file:function/ { f = 1; next } f == 2 && NF' \
        | sed -E 's#^( *[0-9,]+ \( *[0-9.]+%\))  [^:]*:#\1  #; s# \[[^]]*/([^]/]*)\]$# [\1]#'
}

# run_profiled NAME CMD...: profile CMD, print the top functions by self cost and by
# inclusive cost (callgrind) or with children (perf).
run_profiled() {
    local name="$1"; shift
    case "$TOOL" in
        callgrind)
            local file="$OUT/callgrind.$name.out"
            valgrind --tool=callgrind --callgrind-out-file="$file" "$@" >"$OUT/$name.stdout" 2>"$OUT/$name.valgrind"
            echo
            echo "## $name — self cost (instructions), top $TOP"
            callgrind_annotate --inclusive=no "$file" 2>/dev/null | top_rows \
                | head -n "$TOP" | demangle | sed 's/ *$//' | cut -c1-220 || true
            echo
            echo "## $name — inclusive cost, top $TOP"
            callgrind_annotate --inclusive=yes "$file" 2>/dev/null | top_rows \
                | head -n "$TOP" | demangle | sed 's/ *$//' | cut -c1-220 || true
            ;;
        perf)
            local file="$OUT/perf.$name.data"
            perf record -q -g -o "$file" -- "$@" >"$OUT/$name.stdout" 2>"$OUT/$name.perf"
            echo
            echo "## $name — time by shared object (perf, cpu-clock)"
            perf report -i "$file" --no-children --stdio --sort dso -g none --percent-limit 0.5 2>/dev/null \
                | grep -v '^#' | grep -v '^$' | sed 's/ *$//' || true
            echo
            echo "## $name — self time (perf, cpu-clock), top $TOP"
            perf report -i "$file" --no-children --stdio --sort symbol -g none --percent-limit 0.3 2>/dev/null \
                | grep -v '^#' | grep -v '^$' | head -n "$TOP" | demangle | sed 's/ *$//' | cut -c1-220 || true
            echo
            echo "## $name — with children, top $TOP"
            perf report -i "$file" --children --stdio --sort symbol -g none --percent-limit 1 2>/dev/null \
                | grep -v '^#' | grep -v '^$' | head -n "$TOP" | demangle | sed 's/ *$//' | cut -c1-220 || true
            ;;
    esac
}

rm -f "$DB" "$DB"-wal "$DB"-shm
"$HIENDIEN" init --plan "$PLAN" --db "$DB" >/dev/null
if [ "$WHAT" = report ]; then
    "$HIENDIEN" ingest "$CSV" --db "$DB" >/dev/null
else
    run_profiled ingest "$HIENDIEN" ingest "$CSV" --db "$DB"
fi
if [ "$WHAT" != ingest ]; then
    rm -rf "$OUT/reports"
    run_profiled report "$HIENDIEN" report --period "$PERIOD" --format csv --as-of "$AS_OF" --db "$DB" --out "$OUT/reports"
fi

# callgrind only: the same instruction count for the sqlite3 baselines on the same file, a
# noise-free cross-check of the wall-time ratios that bench/run.sh measures on a busy machine.
total_ir() { callgrind_annotate "$1" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1; exit }'; }
if [ "$TOOL" = callgrind ] && [ "$WHAT" = both ]; then
    IMP="$OUT/import.sqlite"
    rm -f "$IMP"
    valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.import.out" \
        sqlite3 "$IMP" ".import --csv \"$CSV\" t" >/dev/null 2>"$OUT/import.valgrind"
    valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.groupby.out" \
        sqlite3 "$IMP" ".output /dev/null" "SELECT unit, indicator, sum(CASE WHEN period = '$PERIOD' THEN value END), sum(value), max(period), value FROM t WHERE period <= '$PERIOD' GROUP BY unit, indicator;" \
        >/dev/null 2>"$OUT/groupby.valgrind"
    echo
    echo "## instructions (callgrind totals)"
    awk -v i="$(total_ir "$OUT/callgrind.ingest.out")" -v m="$(total_ir "$OUT/callgrind.import.out")" \
        -v r="$(total_ir "$OUT/callgrind.report.out")" -v g="$(total_ir "$OUT/callgrind.groupby.out")" 'BEGIN {
        printf "hiendien ingest  %15.0f   sqlite3 .import   %15.0f   ratio %.2fx (goal 1.0x)\n", i, m, i / m
        printf "hiendien report  %15.0f   sqlite3 GROUP BY  %15.0f   ratio %.2fx (csv only; goal 2x with every format)\n", r, g, r / g }'
fi

echo
echo "# raw profiles in $OUT (callgrind_annotate FILE | swift-demangle --simplified; perf report -i FILE)"
