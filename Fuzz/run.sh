#!/usr/bin/env bash
# Builds the fuzz targets and runs each for a while, from its seed corpus.
#
#   Fuzz/run.sh [-t SECONDS] [TARGET...]     # targets: csv-reader json-report plan template workbook
#
# Each target runs for SECONDS (default 10) on .build/fuzz/corpus/<target> (what it has found,
# kept between runs) and Fuzz/corpus/<target> (the seeds and every input that once crashed it,
# all run first). A crash, a failed property, a timeout (10 s for one input) or a run over
# 2 GiB of memory stops that target: the input is saved in .build/fuzz/artifacts/<target>/,
# the log in .build/fuzz/logs/<target>.log, and the script fails once all targets have run.
#
# Exit status: 0 nothing found; 1 something found; 77 no libFuzzer in this toolchain (skipped).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=10
while getopts "t:" option; do
    case $option in
        t) seconds=$OPTARG ;;
        *) echo "usage: Fuzz/run.sh [-t SECONDS] [TARGET...]" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csv-reader json-report plan template workbook)

status=0
Fuzz/build.sh "${targets[@]}" || status=$?
if [ $status -eq 77 ]; then
    echo "fuzz: skipped: libFuzzer is not available in this toolchain." >&2
    exit 77
elif [ $status -ne 0 ]; then
    echo "fuzz: the fuzz targets did not build." >&2
    exit $status
fi

max_len_of() {
    case "$1" in
        plan | template | workbook) echo 65536 ;;
        *) echo 16384 ;;
    esac
}

failed=()
for target in "${targets[@]}"; do
    work=.build/fuzz/corpus/$target
    artifacts=.build/fuzz/artifacts/$target
    log=.build/fuzz/logs/$target.log
    mkdir -p "$work" "$artifacts" "$(dirname "$log")"
    result=0
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:malloc_context_size=0:quarantine_size_mb=16:max_free_fill_size=0} ".build/fuzz/$target" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$(max_len_of "$target")" \
        -dict="Fuzz/dict/$target.dict" -artifact_prefix="$artifacts/" -print_final_stats=1 \
        "$work" "Fuzz/corpus/$target" >"$log" 2>&1 || result=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    memory=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
    coverage=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
    if [ $result -eq 0 ]; then
        echo "fuzz: $target: ${runs:-?} runs in ${seconds} s (${speed:-?}/s), coverage ${coverage:-?}, peak ${memory:-?} MB: nothing found"
    else
        failed+=("$target")
        echo "fuzz: $target: FOUND A PROBLEM after ${runs:-?} runs (exit $result); log: $log" >&2
        grep -E 'ERROR|property failed|Fatal error|SUMMARY|Test unit written' "$log" | head -20 >&2 || tail -30 "$log" >&2
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: problems found by: ${failed[*]}. Reproduce: .build/fuzz/<target> <artifact>; fix, then add the input to Fuzz/corpus/<target>/ as crash-<what>." >&2
    exit 1
fi
