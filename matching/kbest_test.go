package matching

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

// brutePlans enumerates every feasible plan of p (Side included) with its
// objective in minimization form, sorted by (cost, RowToCol): the order
// KBest promises.
func brutePlans(p *Problem) (plans [][]int, costs []float64) {
	rows, cols := p.dims()
	load := make([]int, cols)
	need := min(rows, p.totalSeats(cols))
	x := make([]int, rows)
	type plan struct {
		x []int
		c float64
	}
	var all []plan
	var walk func(i, placed int, sum float64)
	walk = func(i, placed int, sum float64) {
		if i == rows {
			if (p.Unassigned != nil || placed == need) && feasibleExtra(p, x) {
				all = append(all, plan{slices.Clone(x), sum})
			}
			return
		}
		x[i] = -1
		if p.Unassigned != nil {
			if c, ok := p.minCost(p.Unassigned[i]); ok {
				walk(i+1, placed, sum+c)
			}
		} else {
			walk(i+1, placed, sum)
		}
		for j := 0; j < cols; j++ {
			c, listed := pairCost(p, i, j)
			cm, ok := p.minCost(c)
			if !listed || !ok || load[j] >= p.seats(j) {
				continue
			}
			load[j]++
			x[i] = j
			walk(i+1, placed+1, sum+cm)
			load[j]--
		}
	}
	walk(0, 0, 0)
	slices.SortFunc(all, func(a, b plan) int {
		if a.c != b.c {
			if a.c < b.c {
				return -1
			}
			return 1
		}
		return slices.Compare(a.x, b.x)
	})
	for _, pl := range all {
		plans = append(plans, pl.x)
		costs = append(costs, pl.c)
	}
	return plans, costs
}

func TestKBestOracle(t *testing.T) {
	t.Parallel()
	n := 300 // seeded cases
	if testing.Short() {
		n = 60
	}
	var s Solver
	for seed := uint64(0); seed < uint64(n); seed++ {
		rng := rand.New(rand.NewPCG(seed, 12))
		p := randSmall(rng, 4, 4, seed%2 == 0)
		switch seed % 4 {
		case 1:
			randGroups(rng, p)
		case 2:
			randFix(rng, p)
		}
		plans, costs := brutePlans(p)
		k := 1 + rng.IntN(12)
		got, err := s.KBest(context.Background(), p, k)
		if len(plans) == 0 {
			require.ErrorIs(t, err, ErrInfeasible, "seed %d\n%s", seed, describe(p))
			continue
		}
		require.NoError(t, err, "seed %d\n%s", seed, describe(p))
		require.Len(t, got, min(k, len(plans)), "seed %d\n%s", seed, describe(p))
		for r, a := range got {
			sign := 1.0
			if p.Maximize {
				sign = -1
			}
			require.Equal(t, costs[r], sign*a.Cost, "seed %d rank %d\n%s", seed, r, describe(p))
			require.Equal(t, plans[r], a.RowToCol, "seed %d rank %d: the tie rule\n%s", seed, r, describe(p))
			checkFeasible(t, p, a)
		}
	}
}

// TestKBestOneEqualsSolve is the cross-implementation rule KBest(…, 1) =
// Solve, on problems too large for the oracle.
func TestKBestOneEqualsSolve(t *testing.T) {
	t.Parallel()
	var s, ref Solver
	for seed := uint64(0); seed < 40; seed++ {
		rng := rand.New(rand.NewPCG(seed, 13))
		r, c := 1+rng.IntN(20), 1+rng.IntN(20)
		data := make([]float64, r*c)
		for k := range data {
			data[k] = float64(rng.IntN(50))
		}
		p := &Problem{Cost: mat.NewDense(r, c, data), Maximize: seed%3 == 0}
		want, err := ref.Solve(context.Background(), p)
		require.NoError(t, err)
		got, err := s.KBest(context.Background(), p, 3)
		require.NoError(t, err)
		require.NotEmpty(t, got)
		require.Equal(t, want.Cost, got[0].Cost, "seed %d", seed)
		for k := 1; k < len(got); k++ {
			if p.Maximize {
				require.LessOrEqual(t, got[k].Cost, got[k-1].Cost)
			} else {
				require.GreaterOrEqual(t, got[k].Cost, got[k-1].Cost)
			}
		}
	}
}

// TestKBestSide: with side constraints KBest lists exactly the feasible
// plans in (cost, RowToCol) order, as the oracle does.
func TestKBestSide(t *testing.T) {
	t.Parallel()
	var s Solver
	for seed := uint64(0); seed < 150; seed++ {
		rng := rand.New(rand.NewPCG(seed, 15))
		p := randSmall(rng, 4, 4, false)
		randSide(rng, p)
		plans, costs := brutePlans(p)
		k := 1 + rng.IntN(8)
		got, err := s.KBest(context.Background(), p, k)
		if errors.Is(err, ErrInfeasible) {
			require.Empty(t, plans)
			continue
		}
		require.NoError(t, err, "seed %d\n%s", seed, describe(p))
		require.Len(t, got, min(k, len(plans)), "seed %d\n%s", seed, describe(p))
		for r, a := range got {
			sign := 1.0
			if p.Maximize {
				sign = -1
			}
			require.Equal(t, costs[r], sign*a.Cost, "seed %d rank %d", seed, r)
			require.Equal(t, plans[r], a.RowToCol, "seed %d rank %d", seed, r)
		}
	}
}

// TestKBestLargeIntegerCosts: with integer costs near 10⁹ (mutasi's costs
// are fit × 10⁶, scaled further by Alternatives' tie-break), a plan that
// costs 1 more is not a tie: KBest(…, 1) is Solve's optimum and the ranks
// agree with the oracle. A relative tolerance would take the more
// expensive but lexicographically smaller plan for an optimum.
func TestKBestLargeIntegerCosts(t *testing.T) {
	t.Parallel()
	var s, ref Solver
	for seed := uint64(0); seed < 60; seed++ {
		rng := rand.New(rand.NewPCG(seed, 16))
		r, c := 2+rng.IntN(3), 2+rng.IntN(3)
		data := make([]float64, r*c)
		for k := range data {
			data[k] = 1e9 + float64(rng.IntN(3)) // ties and near-ties
		}
		p := &Problem{Cost: mat.NewDense(r, c, data)}
		want, err := ref.Solve(context.Background(), p)
		require.NoError(t, err)
		plans, costs := brutePlans(p)
		got, err := s.KBest(context.Background(), p, 4)
		require.NoError(t, err)
		require.Equal(t, want.Cost, got[0].Cost, "seed %d", seed)
		for k, a := range got {
			require.Equal(t, costs[k], a.Cost, "seed %d rank %d", seed, k)
			require.Equal(t, plans[k], a.RowToCol, "seed %d rank %d", seed, k)
		}
	}
	// The case that failed: row 0 prefers column 1 by 1 in 10⁹.
	p := &Problem{Cost: mat.NewDense(2, 2, []float64{1e9 + 1, 1e9, 1e9, 1e9 + 1})}
	got, err := s.KBest(context.Background(), p, 1)
	require.NoError(t, err)
	require.Equal(t, []int{1, 0}, got[0].RowToCol)
	require.Equal(t, 2e9, got[0].Cost)
}

// TestWithinOracle: Within lists exactly the plans the oracle finds within
// eps of the optimum (in the problem's sense), in KBest's order, the first
// limit of them, and says truncated exactly when more exist.
func TestWithinOracle(t *testing.T) {
	t.Parallel()
	n := 300
	if testing.Short() {
		n = 60
	}
	var s Solver
	for seed := uint64(0); seed < uint64(n); seed++ {
		rng := rand.New(rand.NewPCG(seed, 17))
		p := randSmall(rng, 4, 4, seed%2 == 0)
		randConstraint(rng, p, seed%5)
		plans, costs := brutePlans(p)
		eps := float64(rng.IntN(6))
		if seed%3 == 0 {
			eps += 0.5
		}
		limit := 1 + rng.IntN(10)
		got, truncated, err := s.Within(context.Background(), p, eps, limit)
		if len(plans) == 0 {
			require.ErrorIs(t, err, ErrInfeasible, "seed %d\n%s", seed, describe(p))
			continue
		}
		require.NoError(t, err, "seed %d\n%s", seed, describe(p))
		within := 0
		for _, c := range costs {
			if c <= costs[0]+eps {
				within++
			}
		}
		require.Len(t, got, min(limit, within), "seed %d eps %v limit %d\n%s", seed, eps, limit, describe(p))
		require.Equal(t, within > limit, truncated, "seed %d: truncated", seed)
		sign := 1.0
		if p.Maximize {
			sign = -1
		}
		for r, a := range got {
			require.Equal(t, costs[r], sign*a.Cost, "seed %d rank %d", seed, r)
			require.Equal(t, plans[r], a.RowToCol, "seed %d rank %d", seed, r)
			require.Equal(t, a.Cost, a.Bound)
		}
	}
}

// TestWithinMaximize: within eps of a maximum means a value at least the
// maximum − eps.
func TestWithinMaximize(t *testing.T) {
	t.Parallel()
	// Plans: (0→0, 1→1) = 10 + 8 = 18 and (0→1, 1→0) = 9 + 7 = 16.
	p := &Problem{Cost: mat.NewDense(2, 2, []float64{10, 9, 7, 8}), Maximize: true}
	var s Solver
	got, truncated, err := s.Within(context.Background(), p, 1, 5)
	require.NoError(t, err)
	require.False(t, truncated)
	require.Len(t, got, 1)
	require.Equal(t, 18.0, got[0].Cost)
	got, truncated, err = s.Within(context.Background(), p, 2, 5)
	require.NoError(t, err)
	require.False(t, truncated)
	require.Len(t, got, 2)
	require.Equal(t, 16.0, got[1].Cost)
	got, truncated, err = s.Within(context.Background(), p, 2, 1)
	require.NoError(t, err)
	require.True(t, truncated, "a second plan is within 2")
	require.Len(t, got, 1)
	require.Panics(t, func() { _, _, _ = s.Within(context.Background(), p, -1, 1) })
	require.Panics(t, func() { _, _, _ = s.Within(context.Background(), p, math.NaN(), 1) })
	require.Panics(t, func() { _, _, _ = s.Within(context.Background(), p, 1, 0) })
}
