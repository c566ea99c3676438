package matching

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestRelaxNetEqualsFreshFlow is the cross-implementation rule for the kept
// network of constrained_net.go: along a random walk of multipliers (up and
// down) and of fixed and forbidden pairs, each re-optimized subproblem has
// the value of the same subproblem built afresh and solved by the explicit
// network of flow.go, and its plan is feasible and worth that value.
func TestRelaxNetEqualsFreshFlow(t *testing.T) {
	t.Parallel()
	n := 40
	if testing.Short() {
		n = 10
	}
	for seed := uint64(0); seed < uint64(n); seed++ {
		rng := rand.New(rand.NewPCG(seed, 63))
		rows, cols := 5+rng.IntN(25), 3+rng.IntN(20)
		p := randUnits(rng, rows, cols, seed%3 != 0)
		stay := make([]int, rows)
		for i := range stay {
			stay[i] = rng.IntN(cols+1) - 1
		}
		p.Side = []Side{moveBudget(rows, cols, stay, rows/3)}
		var s Solver
		cp, err := newConProblem(&s, p)
		require.NoError(t, err)
		if cp.fixByFlow {
			continue // every seat to fill: relax builds each subproblem afresh
		}
		var st nodeState
		require.NoError(t, cp.unpack(&conNode{fix: -1, forbid: -1}, &st))
		for step := 0; step < 12; step++ {
			lambda := float64(rng.IntN(12))
			for k := range cp.pen {
				cp.pen[k] = 0
			}
			for _, tm := range cp.side[0] {
				cp.pen[tm.e] = lambda * tm.coef
			}
			if e := rng.IntN(len(cp.cost) + 1); e < len(cp.cost) && rng.IntN(2) == 0 {
				st.forbidden[e] = !st.forbidden[e]
			}
			if i := rng.IntN(rows); cp.start[i+1] > cp.start[i] && rng.IntN(3) == 0 {
				st.fixedCol[i] = -1
				if rng.IntN(2) == 0 {
					st.fixedCol[i] = cp.start[i] + rng.IntN(cp.start[i+1]-cp.start[i])
				}
			}
			x, val, err := s.relaxNet(context.Background(), cp, &st)
			want, wantErr := freshSubproblem(cp, &st)
			if wantErr != nil {
				require.ErrorIs(t, err, ErrInfeasible, "seed %d step %d", seed, step)
				continue
			}
			require.NoError(t, err, "seed %d step %d", seed, step)
			require.Equal(t, want, val, "seed %d step %d", seed, step)
			rowToCol := make([]int, rows)
			sum := 0.0
			for i, e := range x {
				rowToCol[i] = -1
				switch {
				case e >= 0:
					require.True(t, st.fixedCol[i] == e || (st.fixedCol[i] < 0 && !st.forbidden[e]), "row %d takes a forbidden pair", i)
					rowToCol[i] = cp.col[e]
					sum += cp.cost[e] + cp.pen[e]
				default:
					require.Less(t, st.fixedCol[i], 0, "fixed row %d left out", i)
					if cp.out != nil {
						sum += cp.out[i]
					}
				}
			}
			require.Equal(t, val, sum)
			require.True(t, groupsHold(p, rowToCol))
		}
	}
}

// freshSubproblem builds the Lagrangian subproblem of cp at the node st and
// the penalties cp.pen as a new Problem and solves it on the explicit
// network (solveFlowMust with no row forced), returning its value.
func freshSubproblem(cp *conProblem, st *nodeState) (float64, error) {
	sp := &Sparse{Rows: cp.rows, Cols: cp.cols, Start: []int{0}}
	var out []float64
	if cp.out != nil {
		out = slices.Clone(cp.out)
	}
	for i := 0; i < cp.rows; i++ {
		for e := cp.start[i]; e < cp.start[i+1]; e++ {
			f := st.fixedCol[i]
			if (f >= 0 && e != f) || (f < 0 && st.forbidden[e]) {
				continue
			}
			sp.Col = append(sp.Col, cp.col[e])
			sp.Cost = append(sp.Cost, cp.cost[e]+cp.pen[e])
		}
		sp.Start = append(sp.Start, len(sp.Col))
		if st.fixedCol[i] >= 0 && out != nil {
			out[i] = math.Inf(1)
		}
	}
	q := &Problem{Candidates: sp, Capacity: cp.p.Capacity, Unassigned: out, Groups: cp.p.Groups}
	var ref Solver
	a, _, err := ref.solveFlowMust(context.Background(), q, make([]bool, cp.rows))
	if err != nil {
		return 0, err
	}
	return a.Cost, nil
}

// TestCombineUnitsChains checks the two kinds of units of combine on a
// hand example: rows 0 and 1 both enter column 1 in lo, where row 2 leaves
// it for column 4, and row 3 goes out. As chains, row 0 pairs with row 2
// (ascending), and rows 1 and 3 are units alone; as components, rows 0, 1
// and 2 are one unit.
func TestCombineUnitsChains(t *testing.T) {
	t.Parallel()
	cp := &conProblem{rows: 5, cols: 5, col: []int{0, 1, 2, 3, 4}}
	// Edge e is column e.
	lo := []int{1, 1, 4, -1, 3}
	hi := []int{0, 2, 1, 3, 3}
	chains := cp.combineUnits(lo, hi, true)
	require.Equal(t, chains[0], chains[2], "row 0 takes the seat row 2 leaves")
	require.NotEqual(t, chains[0], chains[1])
	require.NotEqual(t, chains[1], chains[3])
	require.Equal(t, -1, chains[4], "row 4 does not change")
	comps := cp.combineUnits(lo, hi, false)
	require.Equal(t, comps[0], comps[1])
	require.Equal(t, comps[0], comps[2])
	require.Equal(t, -1, comps[4])
}

// TestRoundBound: with integer costs a Lagrangian bound is rounded up, and
// a bound equal to an integer is kept even at scenario magnitudes (costs of
// fit × 10⁶ summed over thousands of rows), where a relative allowance of
// 10⁻⁶ once rounded it down by 10⁴.
func TestRoundBound(t *testing.T) {
	t.Parallel()
	cp := &conProblem{integer: true}
	require.Equal(t, -13948356634.0, cp.roundBound(-13948356634))
	require.Equal(t, -13948356634.0, cp.roundBound(-13948356634+1e-3))
	require.Equal(t, -13948356633.0, cp.roundBound(-13948356633.2))
	require.Equal(t, 6.0, cp.roundBound(5.3))
	require.Equal(t, 5.0, cp.roundBound(5+1e-9))
	cp.integer = false
	require.Equal(t, 5.3, cp.roundBound(5.3))
}

// TestConstrainedScaleInvariant is a metamorphic test of the bounds at
// scenario magnitudes: multiplying every cost by 10⁹ (still integers)
// multiplies the optimum by 10⁹, and the result stays proven (Bound ==
// Cost).
func TestConstrainedScaleInvariant(t *testing.T) {
	t.Parallel()
	n := 300
	if testing.Short() {
		n = 60
	}
	for seed := uint64(0); seed < uint64(n); seed++ {
		rng := rand.New(rand.NewPCG(seed, 64))
		rows, cols := 3+rng.IntN(6), 3+rng.IntN(6)
		p := randUnits(rng, rows, cols, true)
		if seed%2 == 0 {
			p.Groups = nil
		}
		stay := make([]int, rows)
		for i := range stay {
			stay[i] = rng.IntN(cols)
		}
		p.Side = []Side{moveBudget(rows, cols, stay, rng.IntN(rows))}
		big := *p
		sp := *p.Candidates
		sp.Cost = slices.Clone(sp.Cost)
		for k := range sp.Cost {
			sp.Cost[k] *= 1e9
		}
		big.Candidates = &sp
		big.Unassigned = slices.Clone(p.Unassigned)
		for i := range big.Unassigned {
			big.Unassigned[i] *= 1e9
		}
		var s Solver
		a, err := s.solveConstrained(context.Background(), p)
		b, errBig := s.solveConstrained(context.Background(), &big)
		if err != nil {
			require.Equal(t, errors.Is(err, ErrInfeasible), errors.Is(errBig, ErrInfeasible), "seed %d", seed)
			continue
		}
		require.NoError(t, errBig, "seed %d", seed)
		require.Equal(t, a.Cost, a.Bound, "seed %d", seed)
		require.Equal(t, b.Cost, b.Bound, "seed %d", seed)
		require.Equal(t, a.Cost*1e9, b.Cost, "seed %d", seed)
	}
}
