#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer into .build/fuzz/<target>.
#
# HienDienKit is compiled once, with the fuzzer's coverage instrumentation (and AddressSanitizer
# when the toolchain has it), into a static library; each target links it with its own file.
#
# Exit status: 0 built; 77 this toolchain has no libFuzzer (Xcode's Swift, for one), so there is
# nothing to build and callers should skip fuzzing; anything else is a build failure.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=.build/fuzz
mkdir -p "$OUT/lib" "$OUT/probe"

# target name → source file in Fuzz/Targets/
targets=(csv-reader json-report plan template workbook)
source_of() {
    case "$1" in
        csv-reader) echo CSVReaderFuzz.swift ;;
        json-report) echo JSONReportFuzz.swift ;;
        plan) echo PlanFuzz.swift ;;
        template) echo TemplateFuzz.swift ;;
        workbook) echo WorkbookFuzz.swift ;;
        *) echo "unknown fuzz target '$1' (known: ${targets[*]})" >&2; return 1 ;;
    esac
}

# The gold linker warns once per AddressSanitizer helper symbol; nothing to act on.
quiet() {
    local status=0
    "$@" 2>"$OUT/last-build.log" || status=$?
    grep -v "Cannot export local symbol" "$OUT/last-build.log" >&2 || true
    return $status
}

# Several runs at once (Fuzz/run.sh per target in parallel) build one after the other: a
# second run that found the probe half-written fell back to libFuzzer without AddressSanitizer
# and rebuilt the library the others had linked.
if command -v flock >/dev/null; then
    exec 9>"$OUT/build.lock"
    flock 9
fi

# Which sanitizers work — build and run — : libFuzzer with AddressSanitizer, else libFuzzer
# alone, else none (some containers cannot map AddressSanitizer's shadow memory).
probe="$OUT/probe/$$"
mkdir -p "$probe"
trap 'rm -rf "$probe"' EXIT
cat >"$probe/probe.swift" <<'SWIFT'
@_cdecl("LLVMFuzzerTestOneInput")
public func probe(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt { 0 }
SWIFT
sanitize=""
for candidate in fuzzer,address fuzzer; do
    if swiftc -sanitize="$candidate" -parse-as-library "$probe/probe.swift" -o "$probe/probe" >/dev/null 2>&1 \
        && "$probe/probe" -runs=1 >/dev/null 2>&1; then
        sanitize=$candidate
        break
    fi
done
if [ -z "$sanitize" ]; then
    echo "fuzz: this Swift toolchain has no libFuzzer (swiftc -sanitize=fuzzer fails); not building the fuzz targets." >&2
    exit 77
fi

common=(-sanitize="$sanitize" -parse-as-library -O
        -Xcc -fmodule-map-file=Sources/CSQLite/module.modulemap -I Sources/CSQLite
        -Xcc -fmodule-map-file=Sources/CZlib/module.modulemap -I Sources/CZlib)
threads=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)

# The library, rebuilt when a source is newer than it, a source was added or removed, or the
# sanitizers changed. The archive is made anew: updating it in place would keep the objects of
# removed sources, whose symbols then fail to link.
library="$OUT/lib/libHienDienKit.a"
kit_sources=$(find Sources/HienDienKit -name '*.swift' | sort)
if [ ! -f "$library" ] || [ "$(cat "$OUT/lib/sanitize" 2>/dev/null)" != "$sanitize" ] \
    || [ "$(cat "$OUT/lib/sources" 2>/dev/null)" != "$kit_sources" ] \
    || [ -n "$(find Sources/HienDienKit Sources/CSQLite Sources/CZlib -newer "$library" -print -quit)" ]; then
    echo "fuzz: building HienDienKit with -sanitize=$sanitize" >&2
    rm -f "$library"
    # shellcheck disable=SC2086
    quiet swiftc "${common[@]}" -wmo -num-threads "$threads" -enable-testing -module-name HienDienKit \
        -emit-module -emit-module-path "$OUT/lib/HienDienKit.swiftmodule" \
        -emit-library -static -o "$library" $kit_sources
    echo "$sanitize" >"$OUT/lib/sanitize"
    echo "$kit_sources" >"$OUT/lib/sources"
fi

requested=("$@")
[ ${#requested[@]} -gt 0 ] || requested=("${targets[@]}")
for target in "${requested[@]}"; do
    file=$(source_of "$target")
    binary="$OUT/$target"
    if [ -f "$binary" ] && [ -z "$(find "$library" Fuzz/Targets/FuzzSupport.swift "Fuzz/Targets/$file" -newer "$binary" -print -quit)" ]; then
        continue
    fi
    echo "fuzz: linking $target" >&2
    module=$(basename "$file" .swift)
    quiet swiftc "${common[@]}" -module-name "$module" -I "$OUT/lib" -L "$OUT/lib" -lHienDienKit \
        Fuzz/Targets/FuzzSupport.swift "Fuzz/Targets/$file" -lsqlite3 -lz -o "$binary"
done
echo "fuzz: built ${requested[*]} (-sanitize=$sanitize) in $OUT/" >&2
