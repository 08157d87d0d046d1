#!/bin/sh
# Builds the libFuzzer targets with clang and runs each for SECONDS (default 600) on a copy
# of its seed corpus. A crash leaves its input in build-fuzz/artifacts/ and fails.
set -eu
cd "$(dirname "$0")/.."
seconds="${1:-600}"

for p in clang libclang-rt-14-dev; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $p
  fi
done

[ -f build-fuzz/build.ninja ] || CC=clang meson setup build-fuzz -Dfuzzing=true -Dui_tests=false
ninja -C build-fuzz fuzz/fuzz-search fuzz/fuzz-kb-sources data/kb/nimbus.db

mkdir -p build-fuzz/artifacts
for target in search kb-sources; do
  corpus=build-fuzz/corpus-$target
  mkdir -p "$corpus"
  cp fuzz/corpus/"${target%-sources}"/* "$corpus"/
  echo "== fuzz-$target for $seconds s"
  NIMBUS_KB="$PWD/build-fuzz/data/kb/nimbus.db" ASAN_OPTIONS=detect_leaks=1 \
    build-fuzz/fuzz/fuzz-$target -max_total_time="$seconds" -max_len=16384 -timeout=10 \
    -artifact_prefix=build-fuzz/artifacts/ -print_final_stats=1 "$corpus" 2>&1 |
    grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb|==.*ERROR)'
done
