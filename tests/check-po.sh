#!/bin/sh
# The zh_CN translation is complete: every msgid in the sources is translated, nothing is fuzzy,
# and every source file with translatable strings is listed in po/POTFILES.in.
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
srcdir=${1:?source dir}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$srcdir"

missing=$(grep -rlE '(^|[^A-Za-z0-9_])(N?C?_|g_dngettext|ngettext)\s*\(' src --include='*.c' | sort |
  while read -r f; do grep -qx "$f" po/POTFILES.in || echo "$f"; done)
ui_missing=$(grep -rl 'translatable="yes"' data src --include='*.ui' --include='*.xml' --include='*.in' 2>/dev/null | sort |
  while read -r f; do grep -qx "$f" po/POTFILES.in || echo "$f"; done)
if [ -n "$missing$ui_missing" ]; then
  echo "Files with translatable strings missing from po/POTFILES.in:"; echo "$missing$ui_missing"; exit 1
fi

grep -v '^#' po/POTFILES.in | grep . | while read -r f; do
  [ -f "$f" ] || { echo "po/POTFILES.in lists $f, which does not exist"; exit 1; }
done

xgettext --from-code=UTF-8 --add-comments=Translators --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 --keyword=g_dpgettext2:2c,3 \
  --files-from=po/POTFILES.in --output="$work/hall.pot" 2>"$work/xgettext.log" || { cat "$work/xgettext.log"; exit 1; }
[ -f "$work/hall.pot" ] || { echo "no strings found"; exit 0; }
msgmerge --quiet --no-fuzzy-matching po/zh_CN.po "$work/hall.pot" -o "$work/merged.po"
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$work/merged.po" 2>&1)
echo "zh_CN: $stats"
case "$stats" in
  *untranslated*|*fuzzy*)
    echo "Untranslated:"
    msgattrib --untranslated --no-obsolete "$work/merged.po" | grep '^msgid' | head -50
    exit 1;;
esac
