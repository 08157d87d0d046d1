#!/bin/sh
# Builds Nimbus (installing missing build dependencies) and opens it from the build tree.
set -eu
. "$(dirname "$0")/setup.sh"
exec ./build/src/nimbus "$@"
