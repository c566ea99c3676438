#!/usr/bin/env bash
# Times `mutasi solve --repeat 3` and SciPy's linear_sum_assignment
# (`lap-ref solve --repeat 3`) side by side on the same generated matrix
# files and prints a markdown table with the ratio ours / SciPy.
#
#   benchmarks/scripts/solver-vs-scipy.sh [SIZES...]     (default: 1000 2000 4000)
#
# Needs ../shared/tools/lap-ref and Debian's python3-scipy
# (apt-get install -y python3-scipy). Files go to $WORK (default: a temp dir).
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
lapref=${LAPREF:-$top/../shared/tools/lap-ref}
work=${WORK:-$(mktemp -d)}
sizes=${*:-1000 2000 4000}
go build -o "$work/mutasi" "$top/cmd/mutasi"
# field KEY: the value of KEY in the JSON object on stdin (mutasi prints an
# indented object; lap-ref prints one line, possibly after other output).
field() { python3 -c "
import json, sys
t = sys.stdin.read().strip()
try:
    o = json.loads(t)
except ValueError:
    o = json.loads(t.splitlines()[-1])
print(o['$1'])"; }
echo "| case | mutasi solve (s) | SciPy (s) | ratio | optimum equal |"
echo "|---|---:|---:|---:|---|"
run() { # name file [lap-ref flags]
  local name=$1 f=$2; shift 2
  local ours scipy
  ours=$("$work/mutasi" solve --repeat 3 -f json "$f")
  scipy=$("$lapref" solve "$f" --repeat 3 "$@")
  local to ts oo os
  to=$(echo "$ours" | field solve_seconds); ts=$(echo "$scipy" | field solve_seconds)
  oo=$(echo "$ours" | field optimum); os=$(echo "$scipy" | field optimum)
  python3 -c "
to,ts,oo,os=$to,$ts,float('$oo'),float('$os')
print(f'| $name | {to:.4f} | {ts:.4f} | {to/ts:.2f} | {\"yes\" if abs(oo-os)<=1e-9*max(1,abs(os)) else \"NO\"} |')"
}
for n in $sizes; do
  for d in uniform-int uniform-float ties geometric; do
    f=$work/m_${n}_$d.txt
    [ -f "$f" ] || "$lapref" gen --rows "$n" --dist "$d" --seed 1 -o "$f"
    run "$n×$n $d" "$f"
  done
done
f=$work/m_1000x3000_f09.txt
[ -f "$f" ] || "$lapref" gen --rows 1000 --cols 3000 --forbid 0.9 --seed 1 -o "$f"
run "1000×3000 forbid 0.9" "$f"
f=$work/s_50000_k100.txt
[ -f "$f" ] || "$lapref" gen-sparse --rows 50000 --k 100 --seed 1 -o "$f"
run "sparse 50000×50000, 100 a row" "$f" --sparse
