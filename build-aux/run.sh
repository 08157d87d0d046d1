#!/bin/sh
# Builds Nimbus (installing missing build dependencies) and opens it from the build tree.
set -eu
. "$(dirname "$0")/setup.sh"
# The build's knowledge base, and its settings schema so window state is kept between runs
# (meson devenv -C build sets the same).
NIMBUS_KB="$PWD/build/data/kb/nimbus.db" \
GSETTINGS_SCHEMA_DIR="$PWD/build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}" \
  exec ./build/src/nimbus "$@"
