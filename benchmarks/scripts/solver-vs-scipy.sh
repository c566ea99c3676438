#!/usr/bin/env bash
# Times `mutasi solve --repeat 3` against SciPy's linear_sum_assignment, the
# Jonker-Volgenant code of gatagat/lap (LAPJV; lapmod for sparse files) and
# OR-Tools' cost-scaling SimpleLinearSumAssignment (integer costs only),
# each through `lap-ref solve --repeat 3 --solver ...`, side by side on the
# same generated matrix files, and prints a markdown table. mutasi runs
# before and after the peers and keeps its better time; the ratio is
# mutasi's time over the fastest peer's.
#
#   benchmarks/scripts/solver-vs-scipy.sh [SIZES...]     (default: 1000 2000 4000)
#
# Needs ../shared/tools/lap-ref (with its peers) and Debian's python3-scipy
# (apt-get install -y python3-scipy). Files go to $WORK (default: a temp
# dir). PEERS (default "scipy lapjv ortools") picks the peers timed.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
lapref=${LAPREF:-$top/../shared/tools/lap-ref}
work=${WORK:-$(mktemp -d)}
sizes=${*:-1000 2000 4000}
peers=${PEERS:-scipy lapjv ortools}
go build -o "$work/mutasi" "$top/cmd/mutasi"
# field KEY: the value of KEY in the JSON object on stdin (mutasi prints an
# indented object; lap-ref prints one line, possibly after other output),
# or "-" when there is none.
field() { python3 -c "
import json, sys
t = sys.stdin.read().strip()
try:
    o = json.loads(t)
except ValueError:
    try:
        o = json.loads(t.splitlines()[-1])
    except (ValueError, IndexError):
        o = {}
v = o.get('$1')
print('-' if v is None else v)"; }
head="| case | mutasi (s)"
rule="|---|---:"
for p in $peers; do head="$head | $p (s)"; rule="$rule|---:"; done
echo "$head | mutasi / fastest | optimum equal |"
echo "$rule|---:|---|"
run() { # name file [lap-ref flags]
  local name=$1 f=$2; shift 2
  local ours t1 t2 o times="" opts=""
  ours=$("$work/mutasi" solve --repeat 3 -f json "$f")
  t1=$(echo "$ours" | field solve_seconds); o=$(echo "$ours" | field optimum)
  for p in $peers; do
    local out
    out=$("$lapref" solve "$f" --repeat 3 --solver "$p" "$@" 2>/dev/null || true)
    times="$times $(echo "$out" | field solve_seconds)"
    opts="$opts $(echo "$out" | field optimum)"
  done
  ours=$("$work/mutasi" solve --repeat 3 -f json "$f")
  t2=$(echo "$ours" | field solve_seconds)
  python3 -c "
ours = min($t1, $t2); o = float('$o')
ts = '$times'.split(); os = '$opts'.split()
cells = ['—' if t == '-' else f'{float(t):.4f}' for t in ts]
best = min(float(t) for t in ts if t != '-')
eq = all(abs(float(x) - o) <= 1e-9 * max(1, abs(o)) for x in os if x != '-')
print(f'| $name | {ours:.4f} | ' + ' | '.join(cells) + f' | {ours/best:.2f} | {\"yes\" if eq else \"NO\"} |')"
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
