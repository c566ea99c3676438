package benchmarks

import (
	"context"
	"fmt"
	"io/fs"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mutasi-asn/mutasi/scenarios"
)

// buildInstance loads and builds the scenario.yaml of fsys.
func buildInstance(t testing.TB, fsys fs.FS) *scenarios.Instance {
	t.Helper()
	s, files, err := scenarios.Load(fsys, "scenario.yaml")
	require.NoError(t, err)
	in, err := scenarios.Build(s, files, scenarios.Options{Version: "test"})
	require.NoError(t, err)
	return in
}

// pairRulesOnly builds the scenario of fsys without its plan-level
// constraints (floors, caps, turnover, the remote balance, max moves,
// conflicts and relatives), which greedy does not keep: only then is the
// optimum comparable with greedy, and never worse.
func pairRulesOnly(t testing.TB, fsys fs.FS) *scenarios.Instance {
	t.Helper()
	s, files, err := scenarios.Load(fsys, "scenario.yaml")
	require.NoError(t, err)
	s.DropPlanConstraints()
	in, err := scenarios.Build(s, files, scenarios.Options{Version: "test"})
	require.NoError(t, err)
	return in
}

// checkGreedy checks greedy's invariants: every seat it uses is an allowed
// pair, no column gets more than its seats, and it is deterministic.
func checkGreedy(t *testing.T, in *scenarios.Instance, col []int) {
	t.Helper()
	a := allowedPairs(in)
	used := make([]int, len(in.Scorer.Positions))
	for i, j := range col {
		if j < 0 {
			continue
		}
		used[j]++
		assert.True(t, a.has(i, j), "row %d takes forbidden column %d", i, j)
	}
	for j, u := range used {
		assert.LessOrEqual(t, u, seatsOf(&in.Problem, j), "column %d over capacity", j)
	}
	assert.Equal(t, col, Greedy(in), "greedy is deterministic")
}

// TestOptimalNeverWorseThanGreedy is issue 7's test: on every generated
// size and on the embedded example, under the rules greedy keeps (the pair
// rules and the seats; see pairRulesOnly), the certified optimum's
// objective (the instance's own value: fit + continuity + seats filled) is
// at least the greedy baseline's, and the optimal plan's KPIs as Assess
// computes them equal the plan's own.
func TestOptimalNeverWorseThanGreedy(t *testing.T) {
	sizes := []int{100, 500, 2000}
	if testing.Short() {
		sizes = sizes[:2]
	}
	cases := []struct {
		name string
		in   func(t *testing.T) *scenarios.Instance
	}{{"example", func(t *testing.T) *scenarios.Instance { return pairRulesOnly(t, scenarios.DefaultExample()) }}}
	for _, n := range sizes {
		cases = append(cases, struct {
			name string
			in   func(t *testing.T) *scenarios.Instance
		}{fmt.Sprintf("employees=%d", n), func(t *testing.T) *scenarios.Instance {
			g, err := Generate(GenerateConfig{Employees: n, Seed: 1})
			require.NoError(t, err)
			return pairRulesOnly(t, g.FS())
		}})
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.in(t)
			p, err := in.Plan(context.Background())
			require.NoError(t, err)
			require.True(t, p.Manifest.Cert.Passed)
			require.True(t, p.Manifest.Cert.Optimal)
			g := Greedy(in)
			checkGreedy(t, in, g)
			c := Comparison{Optimal: Assess(in, PlanColumns(in, p)), Greedy: Assess(in, g)}
			assert.InDelta(t, p.Objective, c.Optimal.Objective, 1e-6, "Assess's objective is the plan's")
			assert.GreaterOrEqual(t, c.Optimal.Objective, c.Greedy.Objective-1e-9, "the optimum is never worse than greedy")
			checkKPIs(t, p.KPIs.After, c.Optimal)
			assert.Equal(t, c, Compare(in, p))
			t.Logf("optimal %.4f (fit %.4f, unmet %d, moves %d) greedy %.4f (fit %.4f, unmet %d, moves %d)",
				c.Optimal.Objective, c.Optimal.TotalFit, c.Optimal.UnmetNeed, c.Optimal.Moves,
				c.Greedy.Objective, c.Greedy.TotalFit, c.Greedy.UnmetNeed, c.Greedy.Moves)
		})
	}
}

// checkKPIs compares Assess's figures with a plan's "after" indicators.
func checkKPIs(t *testing.T, want scenarios.Indicators, got Quality) {
	t.Helper()
	assert.Equal(t, want.Staff, got.Staff, "staff")
	assert.InDelta(t, want.TotalFit, got.TotalFit, 1e-6, "total fit")
	assert.InDelta(t, want.MeanFit, got.MeanFit, 1e-6, "mean fit")
	assert.InDelta(t, want.FieldMatchShare, got.FieldMatchShare, 1e-6, "field match")
	assert.InDelta(t, want.JPMShare, got.JPMShare, 1e-6, "jpm")
	assert.Equal(t, want.UnmetNeed, got.UnmetNeed, "unmet need")
	assert.InDelta(t, want.UnmetWeighted, got.UnmetWeighted, 1e-6, "unmet weighted")
	assert.Equal(t, want.Moves, got.Moves, "moves")
	assert.Equal(t, want.Placements, got.Placements, "placements")
	assert.Equal(t, want.Unplaced, got.Unplaced, "unplaced")
	assert.Equal(t, want.RemoteNeeded, got.RemoteNeeded, "remote needed")
	assert.Equal(t, want.RemoteFilled, got.RemoteFilled, "remote filled")
	assert.InDelta(t, want.RemoteShare, got.RemoteShare, 1e-6, "remote share")
}
