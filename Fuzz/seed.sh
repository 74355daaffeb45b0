#!/usr/bin/env bash
# Refreshes the seed corpus in Fuzz/corpus/<target>/ from the test fixtures, the sample data
# and the templates. Seeds are named after where they came from (`fixture-…`, `sample-…`,
# `templates-…`); inputs that once crashed a target (`crash-…`) and hand-written seeds
# (`seed-…`) are kept as they are.
set -euo pipefail
cd "$(dirname "$0")/.."

copy() { # copy TARGET PREFIX FILE...
    local target=$1 prefix=$2
    shift 2
    mkdir -p "Fuzz/corpus/$target"
    for file in "$@"; do
        [ -f "$file" ] || continue
        # A sample report is named with its plan's folder too: the plans reuse file names.
        local name
        name=$(basename "$file")
        case "$file" in SampleData/reports/*) name="$(basename "$(dirname "$file")")-$name" ;; esac
        cp "$file" "Fuzz/corpus/$target/$prefix-$name"
    done
}

for target in csv-reader json-report plan template; do
    [ -d "Fuzz/corpus/$target" ] || continue
    find "Fuzz/corpus/$target" \( -name 'fixture-*' -o -name 'sample-*' -o -name 'templates-*' \) -delete
done

copy csv-reader fixture Tests/HienDienKitTests/Fixtures/csv/* Tests/HienDienKitTests/Fixtures/reports/*.csv
# One file of each kind per sample plan: long, wide, annual.
copy csv-reader sample $(ls SampleData/reports/*/*-Q1-1-long.csv SampleData/reports/*/*-Q3-2-wide.csv \
    SampleData/reports/*/*annual*.csv 2>/dev/null | sort)

copy json-report fixture Tests/HienDienKitTests/Fixtures/reports/*.json
copy json-report sample $(ls SampleData/reports/*/*.json | grep -E 'Q3-3-so-kh|Q3-3-phong|revision|annual-3-so-kh|Q4-3-thanh-doan' | sort)

copy plan fixture Tests/HienDienKitTests/Fixtures/plans/*.json
copy plan sample SampleData/plans/*.json

copy template fixture Tests/HienDienKitTests/Fixtures/templates/*.mustache
copy template templates Templates/*.mustache

for target in csv-reader json-report plan template; do
    echo "$target: $(ls "Fuzz/corpus/$target" | wc -l) seeds"
done
