#!/bin/sh
# The user guide (help/C) is valid Mallard, every page is reachable from index.page, every
# figure it shows exists, every link lands, and help/meson.build installs every page and figure.
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
yelp_check=${1?yelp-check}
srcdir=${2:?source dir}
if [ -z "$yelp_check" ]; then
  echo "yelp-check was not found: install yelp-tools (build-aux/hall's package list has it)"
  exit 1
fi
cd "$srcdir/help/C"

"$yelp_check" validate ./*.page
orphans=$("$yelp_check" orphans ./*.page) || true
if [ -n "$orphans" ]; then
  echo "Pages not reachable from index.page:"; echo "$orphans"; exit 1
fi
missing=$("$yelp_check" media ./*.page) || true
if [ -n "$missing" ]; then
  echo "Figures that do not exist:"; echo "$missing"; exit 1
fi
broken=$("$yelp_check" links ./*.page) || true
if [ -n "$broken" ]; then
  echo "Links that land nowhere:"; echo "$broken"; exit 1
fi

status=0
for f in ./*.page figures/*; do
  f=${f#./}
  grep -q "'$f'" ../meson.build || { echo "help/meson.build does not install $f"; status=1; }
done
pages=$(ls ./*.page | wc -l)
figures=$(ls figures | wc -l)
echo "help/C: $pages pages and $figures figures, valid, all reachable from index.page"
exit $status
