#!/bin/sh
# Prints a PATH in which the named commands do not exist (every other command on $PATH is
# linked into a temporary folder), to show what the tests do on a machine without them:
#   PATH="$(test/helpers/path-without.sh socat)" npx vitest run test/card/pn532.test.ts
set -eu
dir=$(mktemp -d "${TMPDIR:-/tmp}/path-without-XXXXXX")
IFS=:
for d in $PATH; do
  [ -d "$d" ] || continue
  for f in "$d"/*; do
    name=${f##*/}
    [ -x "$f" ] && [ ! -e "$dir/$name" ] || continue
    skip=
    for c in "$@"; do [ "$name" = "$c" ] && skip=1; done
    [ -n "$skip" ] || ln -s "$f" "$dir/$name"
  done
done
echo "$dir"
