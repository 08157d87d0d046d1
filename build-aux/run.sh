#!/bin/sh
# Builds Nimbus (installing missing build dependencies) and opens it from the build tree.
set -eu
. "$(dirname "$0")/setup.sh"
# The settings schema compiled in the build tree, so window state is kept between runs.
GSETTINGS_SCHEMA_DIR="$PWD/build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}" \
  exec ./build/src/nimbus "$@"
