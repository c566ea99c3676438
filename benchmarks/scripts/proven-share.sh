#!/bin/bash
# proven-share.sh BIN EMPLOYEES TURNOVER_PCT [SEEDS] — generates seeds 1..SEEDS
# (default 30) of the synthetic workforce with `BIN generate`, plans each at
# the default node limit and prints, per seed, the exit code, whether the
# plan is proven optimal, its gap and the wall time; then the share proven.
# The scenarios go to ${WORK:-$(mktemp -d)}.
set -u
bin=$1 n=$2 pct=$3 seeds=${4:-30}
work=${WORK:-$(mktemp -d)}
proven=0
for s in $(seq 1 "$seeds"); do
	d=$work/$n-$pct-$s
	mkdir -p "$d"
	"$bin" generate -q --employees "$n" --seed "$s" --turnover-pct "$pct" -o "$d" --force >/dev/null || exit 1
	start=$(date +%s.%N)
	"$bin" plan -q -f json -o "$d/plan.json" "$d/scenario.yaml"
	rc=$?
	end=$(date +%s.%N)
	read -r opt gap < <(python3 -c "import json;c=json.load(open('$d/plan.json'))['manifest']['certificate'];print(int(c['optimal']), c['gap'])")
	[ "$opt" = 1 ] && proven=$((proven + 1))
	printf 'seed %d exit %d proven %d gap %s time %.2f s\n' "$s" "$rc" "$opt" "$gap" "$(echo "$end - $start" | bc)"
done
echo "proven $proven of $seeds"
