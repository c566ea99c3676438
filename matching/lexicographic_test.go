package matching

import (
	"context"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

// randObjective returns an objective of p's shape with small integer
// costs (few values, so ties are common) and, when p has Unassigned, costs
// of staying out.
func randObjective(rng *rand.Rand, p *Problem) Objective {
	rows, cols := p.dims()
	o := Objective{Cost: mat.NewDense(rows, cols, nil), Maximize: rng.IntN(2) == 0}
	for i := 0; i < rows; i++ {
		for j := 0; j < cols; j++ {
			o.Cost.(*mat.Dense).Set(i, j, float64(rng.IntN(3)))
		}
	}
	if p.Unassigned != nil && rng.IntN(2) == 0 {
		o.Unassigned = make([]float64, rows)
		for i := range o.Unassigned {
			o.Unassigned[i] = float64(rng.IntN(3) - 1)
		}
	}
	return o
}

// levelValues returns the value of plan x for each objective then p's own
// objective, each in minimization form (negated when maximizing).
func levelValues(p *Problem, objs []Objective, x []int) []float64 {
	out := make([]float64, 0, len(objs)+1)
	for _, o := range objs {
		v := 0.0
		for i, j := range x {
			switch {
			case j >= 0:
				v += o.Cost.At(i, j)
			case o.Unassigned != nil:
				v += o.Unassigned[i]
			}
		}
		if o.Maximize {
			v = -v
		}
		out = append(out, v)
	}
	v := objective(p, x)
	if p.Maximize {
		v = -v
	}
	return append(out, v)
}

// TestLexicographicOracle: on small random problems (groups, fixed pairs
// and side constraints included) with one to three objectives, the plan
// Lexicographic returns has the lexicographically best tuple of values
// among all plans the oracle enumerates, and the values it reports are
// the plan's.
func TestLexicographicOracle(t *testing.T) {
	t.Parallel()
	n := 300
	if testing.Short() {
		n = 60
	}
	var s Solver
	for seed := uint64(0); seed < uint64(n); seed++ {
		rng := rand.New(rand.NewPCG(seed, 21))
		p := randSmall(rng, 4, 4, seed%2 == 0)
		randConstraint(rng, p, seed%5)
		objs := make([]Objective, 1+rng.IntN(3))
		for k := range objs {
			objs[k] = randObjective(rng, p)
		}
		plans, _ := brutePlans(p)
		a, values, err := s.Lexicographic(context.Background(), p, objs...)
		if len(plans) == 0 {
			require.ErrorIs(t, err, ErrInfeasible, "seed %d\n%s", seed, describe(p))
			continue
		}
		require.NoError(t, err, "seed %d\n%s", seed, describe(p))
		var best []float64
		for _, x := range plans {
			if v := levelValues(p, objs, x); best == nil || slices.Compare(v, best) < 0 {
				best = v
			}
		}
		got := levelValues(p, objs, a.RowToCol)
		require.Equal(t, best, got, "seed %d: lexicographic optimum\n%s", seed, describe(p))
		checkFeasible(t, p, a)
		require.Equal(t, objective(p, a.RowToCol), a.Cost)
		require.Equal(t, a.Cost, a.Bound)
		for k, o := range objs {
			want := got[k]
			if o.Maximize {
				want = -want
			}
			require.Equal(t, want, values[k], "seed %d: value of objective %d", seed, k)
		}
	}
}

// TestLexicographicCriticalFirst is the motivating case, "first fill the
// critical seats, then maximize total fit": the best fit leaves the
// critical seat empty, the first objective fills it.
func TestLexicographicCriticalFirst(t *testing.T) {
	t.Parallel()
	// Fit: row 0 fits column 1 (9) and column 2 (8); row 1 fits column 1
	// (7) and column 2 (6); column 0 (critical) fits both at 1. Seats:
	// one each; rows may stay out at 0.
	p := &Problem{Cost: mat.NewDense(2, 3, []float64{1, 9, 8, 1, 7, 6}), Maximize: true, Unassigned: []float64{0, 0}}
	var s Solver
	plain, err := s.Solve(context.Background(), p)
	require.NoError(t, err)
	require.Equal(t, 15.0, plain.Cost) // 0→1, 1→2: column 0 left empty
	critical := Objective{Cost: mat.NewDense(2, 3, []float64{1, 0, 0, 1, 0, 0}), Maximize: true}
	a, values, err := s.Lexicographic(context.Background(), p, critical)
	require.NoError(t, err)
	require.Equal(t, []float64{1}, values, "the critical seat is filled")
	require.Equal(t, []int{1, 0}, a.RowToCol, "then the best fit: 9 + 1")
	require.Equal(t, 10.0, a.Cost)
}

func TestLexicographicUnsupported(t *testing.T) {
	t.Parallel()
	var s Solver
	p := &Problem{Cost: mat.NewDense(2, 2, []float64{1, 2, 3, 4})}
	half := Objective{Cost: mat.NewDense(2, 2, []float64{0.5, 0, 0, 0})}
	_, _, err := s.Lexicographic(context.Background(), p, half)
	require.ErrorIs(t, err, ErrUnsupported, "fractional objective")
	q := &Problem{Cost: mat.NewDense(2, 2, []float64{0.5, 2, 3, 4})}
	_, _, err = s.Lexicographic(context.Background(), q, Objective{Cost: mat.NewDense(2, 2, nil)})
	require.ErrorIs(t, err, ErrUnsupported, "fractional own costs")
	huge := Objective{Cost: mat.NewDense(2, 2, []float64{0, 1, 1, 0})}
	r := &Problem{Cost: mat.NewDense(2, 2, []float64{0, 3e15, 3e15, 0})}
	_, _, err = s.Lexicographic(context.Background(), r, huge)
	require.ErrorIs(t, err, ErrUnsupported, "beyond 2⁵³")
	require.Panics(t, func() {
		_, _, _ = s.Lexicographic(context.Background(), p, Objective{Cost: mat.NewDense(3, 2, nil)})
	})
	require.Panics(t, func() {
		_, _, _ = s.Lexicographic(context.Background(), p, Objective{Cost: mat.NewDense(2, 2, nil), Unassigned: []float64{0, 0}})
	})
	// No objectives: Solve's optimum.
	a, values, err := s.Lexicographic(context.Background(), p)
	require.NoError(t, err)
	require.Empty(t, values)
	require.Equal(t, 5.0, a.Cost)
}
