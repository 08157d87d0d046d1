#!/bin/sh
# Installs the build dependencies that are missing (Debian 12 packages), then configures
# and builds Nimbus in ./build. Sourced by run.sh and test.sh.
set -eu

cd "$(dirname "$0")/.."

packages="meson ninja-build pkg-config gcc libc6-dev libglib2.0-dev libglib2.0-dev-bin
  libgtk-4-dev libadwaita-1-dev libjson-glib-dev libsqlite3-dev gettext desktop-file-utils
  appstream xvfb xauth dbus dbus-bin valgrind"

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
