package matching

import (
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestKBestFromOracle compares KBestFrom, started from Solve's plan, with
// the k smallest costs of every feasible plan (side constraints, groups
// and fixed pairs drawn by randConstraint): the plans are feasible and
// distinct, each rank's Bound is at most the true rank's cost, which is at
// most the largest cost listed so far, and a rank proven (Bound = Cost)
// has exactly the true cost. With the default node limit every rank of
// these small problems is proven; with a limit of 1 node the ranks not
// proven still bracket the truth.
func TestKBestFromOracle(t *testing.T) {
	t.Parallel()
	for _, maxNodes := range []int{0, 1} {
		ranks, proven := kbestFromOracle(t, Solver{MaxNodes: maxNodes})
		t.Logf("MaxNodes %d: %d of %d ranks proven", maxNodes, proven, ranks)
		if maxNodes == 0 {
			require.Equal(t, ranks, proven, "every rank of a small problem is proven")
		}
	}
}

func kbestFromOracle(t *testing.T, s Solver) (ranks, proven int) {
	n := 600
	if testing.Short() {
		n = 120
	}
	for seed := uint64(0); seed < uint64(n); seed++ {
		rng := rand.New(rand.NewPCG(seed, 61))
		p := randSmall(rng, 5, 5, seed%2 == 0)
		randSide(rng, p)
		randConstraint(rng, p, seed%4) // sometimes groups or fixed pairs too
		rows, cols := p.dims()
		if p.Unassigned == nil && rows > p.totalSeats(cols) {
			continue // unsupported by KBestFrom
		}
		first, err := s.Solve(context.Background(), p)
		if err != nil {
			continue // infeasible, or unsupported groups
		}
		_, costs := brutePlans(p)
		k := 1 + rng.IntN(6)
		got, err := s.KBestFrom(context.Background(), p, first, k)
		require.NoError(t, err, "seed %d\n%s", seed, describe(p))
		if s.MaxNodes == 0 {
			require.Len(t, got, min(k, len(costs)), "seed %d\n%s", seed, describe(p))
		} else { // a part's solve may find no plan within the limit
			require.LessOrEqual(t, len(got), min(k, len(costs)), "seed %d\n%s", seed, describe(p))
		}
		require.Equal(t, first.RowToCol, got[0].RowToCol)
		sign := 1.0
		if p.Maximize {
			sign = -1
		}
		top := sign * got[0].Cost
		var seen [][]int
		for r, a := range got {
			checkFeasible(t, p, a)
			for _, x := range seen {
				require.False(t, slices.Equal(x, a.RowToCol), "seed %d rank %d: a plan listed twice", seed, r)
			}
			seen = append(seen, a.RowToCol)
			c, b := sign*a.Cost, sign*a.Bound
			top = max(top, c)
			require.LessOrEqual(t, b, costs[r], "seed %d rank %d: bound above the true cost\n%s", seed, r, describe(p))
			require.GreaterOrEqual(t, top, costs[r], "seed %d rank %d\n%s", seed, r, describe(p))
			ranks++
			if b >= c {
				proven++
				require.Equal(t, costs[r], c, "seed %d rank %d: proven but not the true cost\n%s", seed, r, describe(p))
			}
		}
	}
	return ranks, proven
}

// TestKBestFromOne: KBestFrom(…, 1) is the plan it starts from, which is
// the plain constrained solve.
func TestKBestFromOne(t *testing.T) {
	t.Parallel()
	var s Solver
	for seed := uint64(0); seed < 60; seed++ {
		rng := rand.New(rand.NewPCG(seed, 62))
		p := randSmall(rng, 6, 6, true)
		randSide(rng, p)
		first, err := s.Solve(context.Background(), p)
		if err != nil {
			continue
		}
		got, err := s.KBestFrom(context.Background(), p, first, 1)
		if errors.Is(err, ErrUnsupported) {
			continue
		}
		require.NoError(t, err)
		require.Equal(t, []Assignment{first}, got)
	}
}
