#!/bin/sh
# The C sources are formatted as .clang-format says (Debian 12's clang-format 14): it fixes
# spacing, indentation, braces and alignment and keeps the author's line breaks, so what it would
# change is a mistake. Format with: clang-format -i FILE…
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
clang_format=${1:?clang-format}
srcdir=${2:?source dir}
cd "$srcdir"
files=$(find src tests bench fuzz -name '*.[ch]' | sort)
if ! "$clang_format" --dry-run --Werror $files 2>"${TMPDIR:-/tmp}/hall-format.$$"; then
  grep -o '^[^:]*\.[ch]' "${TMPDIR:-/tmp}/hall-format.$$" | sort -u | sed 's/^/not formatted: /'
  head -40 "${TMPDIR:-/tmp}/hall-format.$$"
  rm -f "${TMPDIR:-/tmp}/hall-format.$$"
  exit 1
fi
rm -f "${TMPDIR:-/tmp}/hall-format.$$"
echo "$(echo "$files" | wc -l) files formatted"
