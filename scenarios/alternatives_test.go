package scenarios

import (
	"context"
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mutasi-asn/mutasi/matching"
)

// allPlanCosts enumerates every feasible assignment of p (rows may stay
// out at their finite Unassigned cost; seats per Capacity) and returns
// their costs, ascending. It needs Unassigned set, as build.go sets it.
func allPlanCosts(t *testing.T, p *matching.Problem) []float64 {
	t.Helper()
	require.NotNil(t, p.Unassigned, "build.go lets rows stay out")
	rows := len(p.Unassigned)
	type choice struct {
		col  int
		cost float64
	}
	opts := make([][]choice, rows)
	for i := range rows {
		if u := p.Unassigned[i]; !math.IsInf(u, 1) {
			opts[i] = append(opts[i], choice{-1, u})
		}
		if p.Cost != nil {
			_, cols := p.Cost.Dims()
			for j := range cols {
				if c := p.Cost.At(i, j); !math.IsInf(c, 1) {
					opts[i] = append(opts[i], choice{j, c})
				}
			}
		} else {
			sp := p.Candidates
			for e := sp.Start[i]; e < sp.Start[i+1]; e++ {
				opts[i] = append(opts[i], choice{sp.Col[e], sp.Cost[e]})
			}
		}
	}
	used := make([]int, len(p.Capacity))
	var out []float64
	var walk func(i int, sum float64)
	walk = func(i int, sum float64) {
		if i == rows {
			out = append(out, sum)
			return
		}
		for _, c := range opts[i] {
			if c.col >= 0 {
				if used[c.col] == p.Capacity[c.col] {
					continue
				}
				used[c.col]++
			}
			walk(i+1, sum+c.cost)
			if c.col >= 0 {
				used[c.col]--
			}
		}
	}
	walk(0, 0)
	slices.Sort(out)
	return out
}

// TestAlternativesOracle: on small random scenarios, the objectives of the
// k best plans are the k best of all plans enumerated by brute force,
// rank 1 is the certified plan, every plan is distinct, and the listed
// changes are exactly the employees placed differently from the best plan.
func TestAlternativesOracle(t *testing.T) {
	n := 120
	if testing.Short() {
		n = 30
	}
	const k = 6
	checked := 0
	for seed := range n {
		// The enumeration knows the pair rules and seats only
		// (scenarios/oracle_test.go checks the constrained plans).
		s := randomScenario(uint64(seed))
		s.DropPlanConstraints()
		in, err := Build(s, nil, Options{})
		require.NoError(t, err, "seed %d", seed)
		if len(in.Employees) > 6 {
			continue // keep the enumeration small
		}
		costs := allPlanCosts(t, &in.Problem)
		ranked, err := in.Alternatives(context.Background(), k)
		if len(costs) == 0 {
			require.ErrorIs(t, err, ErrInfeasible, "seed %d", seed)
			continue
		}
		require.NoError(t, err, "seed %d", seed)
		checked++
		want := min(k, len(costs))
		require.Len(t, ranked.Plans, want, "seed %d: %d plans exist", seed, len(costs))
		best, err := in.Plan(context.Background())
		require.NoError(t, err)
		assert.Equal(t, best.Moves, ranked.Best.Moves, "seed %d: rank 1 is the certified plan", seed)
		assert.Same(t, ranked.Best, ranked.Plans[0].Plan)
		seen := map[string]bool{}
		for r, a := range ranked.Plans {
			assert.Equal(t, r+1, a.Rank)
			assert.InDelta(t, q(-costs[r]/CostScale), a.Objective, 1e-9, "seed %d rank %d", seed, a.Rank)
			assert.InDelta(t, a.Objective-ranked.Plans[0].Objective, a.Difference, 1e-9, "seed %d rank %d", seed, a.Rank)
			assert.LessOrEqual(t, a.Difference, 0.0)
			assert.Equal(t, len(a.Plan.Moves), a.Moves)
			key := fmt.Sprint(a.Plan.sol.col)
			assert.False(t, seen[key], "seed %d: rank %d repeats a plan", seed, a.Rank)
			seen[key] = true
			// The changes are the rows placed differently.
			var diff []int
			for i := range in.Employees {
				if a.Plan.sol.col[i] != ranked.Best.sol.col[i] {
					diff = append(diff, i)
				}
			}
			require.Len(t, a.Changes, len(diff), "seed %d rank %d", seed, a.Rank)
			for x, i := range diff {
				c := a.Changes[x]
				assert.Equal(t, in.Employees[i].ID, c.Employee)
				if j := a.Plan.sol.col[i]; j >= 0 {
					assert.Equal(t, in.Scorer.Positions[j].ID, c.Alternative)
				} else {
					assert.Empty(t, c.Alternative)
				}
			}
			if r > 0 {
				assert.NotEmpty(t, a.Changes)
				if prev := ranked.Plans[r-1]; prev.Objective == a.Objective {
					assert.LessOrEqual(t, len(prev.Changes), len(a.Changes), "seed %d rank %d: fewer changes first among ties", seed, a.Rank)
				}
			}
		}
	}
	assert.Greater(t, checked, n/4, "enough feasible small scenarios")
}

func TestAlternativesPanics(t *testing.T) {
	s := randomScenario(1)
	in, err := Build(s, nil, Options{})
	require.NoError(t, err)
	assert.Panics(t, func() { _, _ = in.Alternatives(context.Background(), 0) })
}

func TestAlternativesCancelled(t *testing.T) {
	in, err := Build(loadExample(t, "scenario.yaml"), nil, Options{})
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = in.Alternatives(ctx, 3)
	assert.ErrorIs(t, err, context.Canceled)
}

// TestAlternativesSideOracle: on small random scenarios with plan-level
// constraints (move limits, turnover, conflicts, floors and caps), every
// plan listed keeps every limit, plans are distinct, a proven rank has
// exactly the value of the rank's plan found by enumerating every plan
// that keeps the limits, and a rank not proven brackets that value
// between the plans listed so far and its Bound, with a warning.
func TestAlternativesSideOracle(t *testing.T) {
	// Fewer random scenarios have a side constraint that can bind since
	// nobody may lose a post (issue 13): draw more of them.
	n := 1500
	if testing.Short() {
		n = 400
	}
	const k = 5
	checked, ranks, proven := 0, 0, 0
	for seed := range n {
		s := randomScenario(uint64(seed))
		in, err := Build(s, nil, Options{})
		if err != nil || len(in.Employees) > 6 || len(in.Problem.Side) == 0 {
			continue
		}
		costs := allPlanCostsWhere(in, func(col []int) bool { return in.verify(newOutcome(in, col)) == nil })
		ranked, err := in.Alternatives(context.Background(), k)
		if len(costs) == 0 {
			require.Error(t, err, "seed %d", seed)
			continue
		}
		require.NoError(t, err, "seed %d", seed)
		checked++
		require.Len(t, ranked.Plans, min(k, len(costs)), "seed %d: %d plans exist", seed, len(costs))
		assert.Same(t, ranked.Best, ranked.Plans[0].Plan)
		seen := map[string]bool{}
		low := math.Inf(1) // the smallest objective listed so far
		warned := 0
		for r, a := range ranked.Plans {
			require.NoError(t, in.verify(newOutcome(in, a.Plan.sol.col)), "seed %d rank %d keeps every limit", seed, a.Rank)
			key := fmt.Sprint(a.Plan.sol.col)
			require.False(t, seen[key], "seed %d: rank %d repeats a plan", seed, a.Rank)
			seen[key] = true
			assert.InDelta(t, a.Objective-ranked.Plans[0].Objective, a.Difference, 1e-9)
			want := q(-costs[r] / CostScale)
			low = min(low, a.Objective)
			ranks++
			if !a.NotProven {
				proven++
				assert.Nil(t, a.Bound)
				assert.InDelta(t, want, a.Objective, 1e-9, "seed %d rank %d proven", seed, a.Rank)
				continue
			}
			require.NotNil(t, a.Bound)
			assert.LessOrEqual(t, want, *a.Bound+1e-9, "seed %d rank %d: the bound holds", seed, a.Rank)
			assert.GreaterOrEqual(t, want, low-1e-9, "seed %d rank %d: the plans listed are feasible", seed, a.Rank)
			if r > 0 {
				warned++
			}
		}
		assert.Len(t, ranked.Warnings, warned, "seed %d: one warning per rank not proven", seed)
		for _, w := range ranked.Warnings {
			assert.ErrorIs(t, w, ErrNotProven)
		}
	}
	t.Logf("%d scenarios, %d of %d ranks proven", checked, proven, ranks)
	// 10 of 400 seeds; -short's 100 seeds give 6.
	assert.Greater(t, checked, n/40, "enough small scenarios with side constraints")
	assert.Greater(t, proven, ranks/2, "most ranks of small scenarios are proven")
}

// allPlanCostsWhere enumerates the plans of in (its candidates, seats and
// Unassigned costs) that keep accepts, and returns their costs, ascending.
func allPlanCostsWhere(in *Instance, keep func(col []int) bool) []float64 {
	p := &in.Problem
	rows := len(p.Unassigned)
	col := make([]int, rows)
	used := make([]int, len(p.Capacity))
	var out []float64
	var walk func(i int, sum float64)
	walk = func(i int, sum float64) {
		if i == rows {
			if keep(col) {
				out = append(out, sum)
			}
			return
		}
		if u := p.Unassigned[i]; !math.IsInf(u, 1) {
			col[i] = -1
			walk(i+1, sum+u)
		}
		in.candidatesOf(i, func(j int) {
			if used[j] == p.Capacity[j] {
				return
			}
			used[j]++
			col[i] = j
			walk(i+1, sum+in.cost(i, j))
			used[j]--
		})
	}
	walk(0, 0)
	slices.Sort(out)
	return out
}

// TestAlternativesFrom: ranking from the plan already solved gives what
// Alternatives gives, with and without side constraints.
func TestAlternativesFrom(t *testing.T) {
	ctx := context.Background()
	done := 0
	for seed := range 60 {
		in, err := Build(randomScenario(uint64(seed)), nil, Options{})
		if err != nil || len(in.Employees) > 8 {
			continue
		}
		best, err := in.Plan(ctx)
		if err != nil {
			continue
		}
		want, err := in.Alternatives(ctx, 4)
		require.NoError(t, err, "seed %d", seed)
		got, err := in.AlternativesFrom(ctx, best, 4)
		require.NoError(t, err, "seed %d", seed)
		require.Equal(t, len(want.Plans), len(got.Plans))
		for r := range want.Plans {
			assert.Equal(t, want.Plans[r].Plan.sol.col, got.Plans[r].Plan.sol.col, "seed %d rank %d", seed, r+1)
			assert.Equal(t, want.Plans[r].Objective, got.Plans[r].Objective)
		}
		done++
	}
	assert.Greater(t, done, 10)
	in, err := Build(randomScenario(1), nil, Options{})
	require.NoError(t, err)
	other, err := Build(randomScenario(1), nil, Options{})
	require.NoError(t, err)
	p, err := other.Plan(ctx)
	require.NoError(t, err)
	assert.Panics(t, func() { _, _ = in.AlternativesFrom(ctx, p, 2) })
}
