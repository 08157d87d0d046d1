#!/bin/sh
# Installs the build dependencies that are missing (build-aux/debian-packages) and the locale
# the tests need, then configures and builds Nimbus in ./build. Sourced by run.sh and test.sh.
set -eu

cd "$(dirname "$0")/.."

packages=$(grep -v '^#' build-aux/debian-packages)

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

if [ -n "$missing" ]; then
  echo "Installing build dependencies:$missing"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
fi

# A locale whose decimal separator is a comma, for the capacity calculator's test.
if ! locale -a 2>/dev/null | grep -qix 'de_DE\.utf-\?8'; then
  echo "Making the de_DE.UTF-8 locale"
  $sudo sed -i 's/^# *\(de_DE\.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  $sudo locale-gen >/dev/null
fi

# Zero warnings on the platforms these commands are for: a warning fails the build.
if [ -f build/build.ninja ]; then
  meson setup --reconfigure -Dwerror=true build >/dev/null
else
  meson setup -Dwerror=true build
fi
ninja -C build
