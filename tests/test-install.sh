#!/bin/sh
# Installs the build into a temporary prefix and runs the installed CLI there, against the
# installed knowledge base. TAP output.
set -u

build="$1"
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
n=0
failed=0

check () {
  n=$((n + 1))
  if eval "$2" >/dev/null 2>&1; then
    echo "ok $n - $1"
  else
    echo "not ok $n - $1"
    failed=1
  fi
}

echo "1..17"
check "meson install into a temporary prefix" "meson install -C '$build' --no-rebuild --quiet --destdir '$dest'"

bin=$(find "$dest" -type f -name nimbus -path '*/bin/*' | head -n 1)
share=$(dirname "$(dirname "$bin")")/share

check "binary installed" "test -x '$bin'"
module=$(find "$dest" -type f -name libnimbus-ui.so -path '*/nimbus/*' | head -n 1)
check "window module installed" "test -s '$module'"
# Terminal answers never load GTK: only the window's module links it.
check "the binary does not link GTK, its window module does" "! readelf -d '$bin' | grep -q 'libgtk-4' && readelf -d '$module' | grep -q 'libgtk-4'"
check "knowledge base installed" "test -s '$share/nimbus/nimbus.db'"
check "desktop file installed" "test -s '$share/applications/io.github.nimbusstudy.Nimbus.desktop'"
check "metainfo installed" "test -s '$share/metainfo/io.github.nimbusstudy.Nimbus.metainfo.xml'"
check "settings schema installed" "test -s '$share/glib-2.0/schemas/io.github.nimbusstudy.Nimbus.gschema.xml'"
check "icons installed" "test -s '$share/icons/hicolor/scalable/apps/io.github.nimbusstudy.Nimbus.svg' && test -s '$share/icons/hicolor/symbolic/apps/io.github.nimbusstudy.Nimbus-symbolic.svg'"
check "search provider and D-Bus service installed" "test -s '$share/gnome-shell/search-providers/io.github.nimbusstudy.Nimbus.search-provider.ini' && grep -q 'nimbus --gapplication-service' '$share/dbus-1/services/io.github.nimbusstudy.Nimbus.service'"

# The installed binary, with nothing pointing it at the build tree: it looks for its knowledge
# base where its prefix puts it, which the staged copy under $dest will be once installed.
run () { env -u NIMBUS_KB -u DISPLAY -u WAYLAND_DISPLAY "$bin" "$@"; }
kb="$share/nimbus/nimbus.db"
prefix_kb="${kb#"$dest"}"
run_staged () { env -u DISPLAY -u WAYLAND_DISPLAY NIMBUS_KB="$kb" "$bin" "$@"; }
check "installed nimbus --version" "run --version | grep -q '^nimbus [0-9]'"
check "installed nimbus looks for its knowledge base in its prefix" "test -e '$prefix_kb' || run --list 2>&1 | grep -qF '$prefix_kb'"
check "installed nimbus --list reads the installed knowledge base" "test \$(run_staged --list | wc -l) -eq 72"
check "installed nimbus --search ranks the SQS visibility timeout first" "run_staged --search 'visibility timeout' | head -n 1 | grep -q '	sqs/visibility-timeout	'"
# The staged binary looks for its window module in its prefix, where it is not yet: asked
# for the window, it names the module and exits 1, having loaded nothing.
prefix_module="${module#"$dest"}"
check "installed nimbus without its window module says so" "test -e '$prefix_module' || { run_staged >/dev/null 2>'$dest/window.err'; test \$? -eq 1 && grep -qF 'libnimbus-ui.so' '$dest/window.err' && grep -q 'Reinstall Nimbus' '$dest/window.err'; }"
check "translations installed" "test -s '$share/locale/de/LC_MESSAGES/nimbus.mo'"
check "the German catalogue translates the interface" "msgunfmt '$share/locale/de/LC_MESSAGES/nimbus.mo' | grep -q 'Noch keine Schwachpunkte'"

exit $failed
