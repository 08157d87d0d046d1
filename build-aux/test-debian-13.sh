#!/bin/sh
# Runs build-aux/test.sh on Debian 13 (GTK 4.18, libadwaita 1.7, GLib 2.84), the current
# GNOME platform beside the Debian 12 floor: in a root made with mmdebstrap from Debian's
# archive, kept between runs in $NIMBUS_DEBIAN_13_ROOT (default /var/cache/nimbus-ci/trixie)
# and made again when it is missing or broken. The tree is copied in, built and tested
# there; the test log comes back as build/meson-logs/testlog-debian-13.json and the
# screenshots as build/tests/screenshots/debian-13/. Needs root, or sudo. With --root-only
# it only makes sure the root is there, which CI does while it builds for Debian 12.
set -eu
cd "$(dirname "$0")/.."

root=${NIMBUS_DEBIAN_13_ROOT:-/var/cache/nimbus-ci/trixie}
mirror=${NIMBUS_DEBIAN_MIRROR:-http://deb.debian.org/debian}
packages=$(grep -v '^#' build-aux/debian-packages | tr '\n' ' ')
work=/var/tmp/nimbus
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

# Whole: mmdebstrap finished (it writes the stamp last), the root runs programs, and dpkg
# has nothing half-installed. Packages added to the list since are installed by setup.sh.
root_is_whole () {
  [ -f "$root/var/lib/nimbus-ci-root" ] &&
    $sudo chroot "$root" /usr/bin/true 2>/dev/null &&
    [ -z "$($sudo chroot "$root" /usr/bin/dpkg --audit 2>&1)" ]
}

# Nothing is ever left mounted inside the root (see below), but never delete through a mount.
remove_root () {
  if grep -q " $1[/ ]" /proc/mounts; then
    echo "$1 has something mounted in it; not removing it" >&2
    exit 1
  fi
  $sudo rm -rf --one-file-system "$1"
}

if ! root_is_whole; then
  echo "Making a Debian 13 root in $root with mmdebstrap"
  if ! command -v mmdebstrap >/dev/null; then
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends mmdebstrap
  fi
  remove_root "$root.new"
  remove_root "$root"
  $sudo mkdir -p "$(dirname "$root")"
  $sudo mmdebstrap --quiet --variant=apt --include="$packages" trixie "$root.new" "$mirror"
  $sudo touch "$root.new/var/lib/nimbus-ci-root"
  $sudo mv "$root.new" "$root"
fi
[ "${1:-}" != "--root-only" ] || exit 0

# The tree as it is, committed or not, without build directories or anything ignored.
remove_root "$root$work"
$sudo mkdir -p "$root$work"
git ls-files -z --cached --others --exclude-standard |
  tar --null --files-from=- --ignore-failed-read -cf - | $sudo tar -xf - -C "$root$work"

# In a mount namespace of its own, so that /proc and /dev are unmounted with it
# however the run ends.
status=0
$sudo unshare --mount --fork sh -eu -c '
  mount -t proc proc "$1/proc"
  mount --bind /dev "$1/dev"
  mount --bind /dev/pts "$1/dev/pts"
  exec chroot "$1" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    sh -c "cd \"\$0\" && build-aux/test.sh" "$2"
' sh "$root" "$work" || status=$?

mkdir -p build/meson-logs build/tests/screenshots
rm -f build/meson-logs/testlog-debian-13.json
rm -rf build/tests/screenshots/debian-13
if [ -f "$root$work/build/meson-logs/testlog.json" ]; then
  cp "$root$work/build/meson-logs/testlog.json" build/meson-logs/testlog-debian-13.json
fi
if [ -d "$root$work/build/tests/screenshots/debian-13" ]; then
  cp -r "$root$work/build/tests/screenshots/debian-13" build/tests/screenshots/
fi
exit $status
