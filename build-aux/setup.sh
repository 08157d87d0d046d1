#!/bin/sh
# Installs the build dependencies that are missing (build-aux/debian-packages), then configures
# and builds Nimbus in ./build. Sourced by run.sh and test.sh.
set -eu

cd "$(dirname "$0")/.."

packages=$(grep -v '^#' build-aux/debian-packages)

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  echo "Installing build dependencies:$missing"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
fi

if [ -f build/build.ninja ]; then
  meson setup --reconfigure build >/dev/null
else
  meson setup build
fi
ninja -C build
