#!/bin/bash
# usage: chk.sh name [name...]  -- grep place names in existing orgs and sets
for n in "$@"; do
  echo "== $n"
  grep -n -- "$n" /tmp/existing_orgs.txt | head -5
  grep -l -- "$n" /work/main/tests/reports/*/*.txt /work/main/tests/reports/*/*.gold.json /work/shared/reports/*/* 2>/dev/null | grep -v holdout28 | head -8
done
