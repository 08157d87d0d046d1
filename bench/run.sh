#!/bin/sh
# Every benchmark figure in one command (see bench/README.md): search latency per keystroke
# at 1x, 10x and 100x the knowledge base, compile times, nimbus next to the sqlite3 shell,
# and a cold start to the first frame under Xvfb.
set -eu
. "$(dirname "$0")/../build-aux/setup.sh"

if ! command -v sqlite3 >/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq sqlite3
  meson setup --reconfigure build >/dev/null
fi

dbus-run-session -- xvfb-run -a -s "-screen 0 1600x1200x24" \
  meson test -C build --benchmark --verbose --num-processes 1 2>&1 |
  grep -E '^(KB compile|search |search-eval|    slowest|process:|startup:)'
