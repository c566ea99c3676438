package matching

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

// TestCertifyRefusesBadTolerance is issue 15's first library finding: a
// NaN or +Inf tol turned every comparison true, so Certify passed a
// swapped (non-optimal) assignment.
func TestCertifyRefusesBadTolerance(t *testing.T) {
	t.Parallel()
	p := &Problem{Cost: mat.NewDense(2, 2, []float64{1, 10, 10, 1})}
	a, err := new(Solver).Solve(context.Background(), p)
	require.NoError(t, err)
	require.NoError(t, Certify(p, &a, 0))
	swapped := a
	swapped.RowToCol = []int{1, 0}
	swapped.Cost = 20
	require.ErrorIs(t, Certify(p, &swapped, 0), ErrCertificate)
	for _, tol := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), -1e-9} {
		err := Certify(p, &swapped, tol)
		var ae *ArgumentError
		require.ErrorAs(t, err, &ae, "tol %v", tol)
		assert.ErrorIs(t, err, ErrInvalidArgument)
		assert.Equal(t, "Certify's tol", ae.Name)
	}
	assert.ErrorIs(t, Certify(nil, &a, 0), ErrInvalidArgument)
	assert.ErrorIs(t, Certify(p, nil, 0), ErrInvalidArgument)
}

// TestSolverRefusesBadArguments: a NaN or negative Tolerance and a negative
// MaxNodes were accepted silently, a nil Problem panicked with a nil
// dereference, and capacities whose sum overflows int made Solve return a
// wrong placement with a nil error.
func TestSolverRefusesBadArguments(t *testing.T) {
	t.Parallel()
	square := func() *Problem { return &Problem{Cost: mat.NewDense(2, 2, []float64{1, 10, 10, 1})} }
	overflow := square()
	// math.MaxInt and 1 sum to a negative int: the solver thought there
	// were fewer seats than rows.
	overflow.Capacity = []int{math.MaxInt, 1}
	tests := []struct {
		name string
		s    Solver
		p    *Problem
		arg  string
	}{
		{"nil problem", Solver{}, nil, "Problem"},
		{"NaN tolerance", Solver{Tolerance: math.NaN()}, square(), "Solver.Tolerance"},
		{"negative tolerance", Solver{Tolerance: -1}, square(), "Solver.Tolerance"},
		{"infinite tolerance", Solver{Tolerance: math.Inf(1)}, square(), "Solver.Tolerance"},
		{"negative node limit", Solver{MaxNodes: -1}, square(), "Solver.MaxNodes"},
		{"capacity sum overflows", Solver{}, overflow, "Problem.Capacity"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			calls := map[string]func() error{
				"Solve": func() error { _, err := tt.s.Solve(ctx, tt.p); return err },
				"KBest": func() error { _, err := tt.s.KBest(ctx, tt.p, 2); return err },
				"Within": func() error {
					_, _, err := tt.s.Within(ctx, tt.p, 0, 2)
					return err
				},
				"KBestFrom": func() error {
					_, err := tt.s.KBestFrom(ctx, tt.p, Assignment{RowToCol: []int{0, 1}}, 2)
					return err
				},
				"Lexicographic": func() error { _, _, err := tt.s.Lexicographic(ctx, tt.p); return err },
			}
			for name, call := range calls {
				err := call()
				var ae *ArgumentError
				if assert.ErrorAs(t, err, &ae, name) {
					assert.Equal(t, tt.arg, ae.Name, name)
					assert.ErrorIs(t, err, ErrInvalidArgument, name)
				}
			}
		})
	}
}

// TestSolveRefusesOverflowingCosts: costs of 1e308 are finite, but their
// sums overflow to +Inf, and Solve returned a "feasible" assignment whose
// Cost was not a number.
func TestSolveRefusesOverflowingCosts(t *testing.T) {
	t.Parallel()
	big := 1e308
	tests := []struct {
		name string
		p    *Problem
	}{
		{"dense", &Problem{Cost: mat.NewDense(2, 2, []float64{big, big, big, -big})}},
		{"other matrix", &Problem{Cost: newMatrix(0, 2, nil)}}, // no rows: passes
		{"sparse", &Problem{Candidates: &Sparse{Rows: 2, Cols: 2, Start: []int{0, 2, 4}, Col: []int{0, 1, 0, 1},
			Cost: []float64{big, 1, 1, big}}}},
		{"unassigned", &Problem{Cost: mat.NewDense(2, 1, []float64{1, 1}), Unassigned: []float64{big, big}}},
		{"maximize", &Problem{Cost: mat.NewDense(2, 2, []float64{-big, 0, 0, -big}), Maximize: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var s Solver
			a, err := s.Solve(context.Background(), tt.p)
			if tt.name == "other matrix" {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, ErrInvalidCost, "got %+v", a)
			var ce *CostError
			assert.False(t, errors.As(err, &ce), "not one cell's fault")
			_, err = s.KBest(context.Background(), tt.p, 2)
			assert.ErrorIs(t, err, ErrInvalidCost)
		})
	}
	// The largest allowed magnitudes still solve and certify.
	ok := &Problem{Cost: mat.NewDense(2, 2, []float64{1e306, 0, 0, 1e306})}
	a, err := new(Solver).Solve(context.Background(), ok)
	require.NoError(t, err)
	assert.Equal(t, []int{1, 0}, a.RowToCol)
	assert.NoError(t, Certify(ok, &a, 0))
}
