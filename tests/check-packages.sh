#!/bin/bash
# check-packages.sh — the Debian packages (debian/), built and run from their unpacked files
#
#   tests/check-packages.sh SOURCE_ROOT HALL_PACKAGE_CHECK
#
# Copies the sources to a temporary folder (the repository stays clean), builds both packages
# there with dpkg-buildpackage (nocheck, 2 jobs), checks them with lintian (no errors allowed) and
# for what they must and must not hold, unpacks them with dpkg -x into a clean folder and runs
# hall-package-check on it: the packaged server (serve on 127.0.0.1, a health round-trip, add-user
# and a sign-in, stop) and the packaged app up to its first window. Prints how long each step
# took. Skipped (77) where dpkg-buildpackage is missing. HALL_PACKAGES_KEEP=DIR keeps the .debs.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

src=$1
check=$2

if ! command -v dpkg-buildpackage >/dev/null; then
  echo "dpkg-buildpackage is missing (Debian: apt install dpkg-dev debhelper): skipped"
  exit 77
fi
for tool in lintian dpkg-deb glib-compile-schemas; do
  if ! command -v "$tool" >/dev/null; then
    echo "$tool is missing: build-aux/hall test installs it"
    exit 1
  fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/hall-packages-XXXXXX")
trap 'rm -rf "$work"' EXIT
started=$SECONDS
step=$SECONDS
took() {
  echo "== $1: $((SECONDS - step)) s"
  step=$SECONDS
}

# The sources without git and without any build folder (one with a build.ninja in it).
mkdir "$work/src"
tar -C "$src" --exclude=./.git --exclude-tag-all=build.ninja -cf - . | tar -C "$work/src" -xf -
took "copied the sources"

# Without the test environment's malloc checks, which only slow the compiler down.
if ! (cd "$work/src" && env -u MALLOC_CHECK_ -u MALLOC_PERTURB_ \
  DEB_BUILD_OPTIONS="nocheck parallel=2" dpkg-buildpackage -b -us -uc) >"$work/build.log" 2>&1; then
  tail -n 60 "$work/build.log"
  echo "dpkg-buildpackage failed (the last lines of its log above)"
  exit 1
fi
took "dpkg-buildpackage -b"
ls -l "$work"/*.deb

echo "== lintian"
lintian --fail-on error "$work"/xinfang-hall_*.changes
took "lintian (no errors)"

app_deb=$(ls "$work"/xinfang-hall_*.deb)
server_deb=$(ls "$work"/xinfang-hall-server_*.deb)
contents() { dpkg-deb -c "$1" | awk '{ print $NF }' | sed 's|^\./|/|'; }
expect() {
  local deb=$1; shift
  for path in "$@"; do
    if ! contents "$deb" | grep -qx -- "$path"; then
      echo "$(basename "$deb") lacks $path"
      exit 1
    fi
  done
}
expect "$app_deb" /usr/bin/xinfang-hall \
  /usr/share/applications/io.github.xinfanghall.Hall.desktop \
  /usr/share/metainfo/io.github.xinfanghall.Hall.metainfo.xml \
  /usr/share/glib-2.0/schemas/io.github.xinfanghall.Hall.gschema.xml \
  /usr/share/icons/hicolor/scalable/apps/io.github.xinfanghall.Hall.svg \
  /usr/share/icons/hicolor/symbolic/apps/io.github.xinfanghall.Hall-symbolic.svg \
  /usr/share/locale/zh_CN/LC_MESSAGES/xinfang-hall.mo \
  /usr/share/help/C/xinfang-hall/index.page \
  /usr/share/man/man1/xinfang-hall.1.gz
expect "$server_deb" /usr/bin/xinfang-hall-server \
  /lib/systemd/system/xinfang-hall-server.service \
  /usr/lib/sysusers.d/xinfang-hall-server.conf \
  /usr/lib/tmpfiles.d/xinfang-hall-server.conf \
  /usr/share/man/man1/xinfang-hall-server.1.gz
# Neither the tests, the benchmarks, the fuzz targets nor the server in the app's package.
if { contents "$app_deb"; contents "$server_deb"; } | grep -E '/(test-|hall-bench|hall-fuzz|hall-screenshot)'; then
  echo "a test program is packaged"
  exit 1
fi
if contents "$app_deb" | grep -q xinfang-hall-server; then
  echo "the app's package holds the server"
  exit 1
fi
for deb in "$app_deb" "$server_deb"; do
  echo "== $(basename "$deb"): $(contents "$deb" | grep -cv '/$') files"
done

# A clean folder with the two packages unpacked, and the schemas compiled as the trigger of
# libglib2.0-0 does on install.
mkdir "$work/root"
dpkg -x "$app_deb" "$work/root"
dpkg -x "$server_deb" "$work/root"
glib-compile-schemas --strict "$work/root/usr/share/glib-2.0/schemas"
took "unpacked"

run=()
if [ -z "${DISPLAY:-}" ]; then
  run+=(xvfb-run -a -s "-screen 0 1920x1080x24")
fi
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  run+=(dbus-run-session --)
fi
"${run[@]}" "$check" "$work/root"
took "the unpacked server and app"

if [ -n "${HALL_PACKAGES_KEEP:-}" ]; then
  mkdir -p "$HALL_PACKAGES_KEEP"
  cp "$work"/*.deb "$work"/*.changes "$work"/*.buildinfo "$HALL_PACKAGES_KEEP"/
  echo "== the packages are in $HALL_PACKAGES_KEEP"
fi
echo "== packaging phase: $((SECONDS - started)) s in all"
