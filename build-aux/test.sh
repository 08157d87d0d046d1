#!/bin/sh
# Builds Nimbus (installing missing build dependencies) and runs the whole test suite:
# core and CLI tests, and the window tests on a virtual X display with a private D-Bus.
set -eu
. "$(dirname "$0")/setup.sh"

status=0
dbus-run-session -- xvfb-run -a -s "-screen 0 1600x1200x24" \
  meson test -C build --print-errorlogs "$@" || status=$?

# One closing line that any CI reads: counted from meson's own log.
python3 - build/meson-logs/testlog.json <<'PY'
import json, sys
counts = {"OK": 0, "FAIL": 0, "SKIP": 0}
for line in open(sys.argv[1]):
    result = json.loads(line)["result"]
    key = result if result in counts else ("OK" if result == "EXPECTEDFAIL" else "FAIL")
    counts[key] += 1
print(f"meson: {counts['OK']} passed, {counts['FAIL']} failed, {counts['SKIP']} skipped")
PY
echo "Screenshots: $(ls -d build/tests/screenshots/*/ 2>/dev/null | tr '\n' ' ')"
exit $status
