package matching

import (
	"context"
	"errors"
	"fmt"
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

// TestSolveMagnitudeInValidation: the dense and sparse solvers sum the
// rows' magnitudes in the pass that validates the costs, instead of a pass
// of Solve's own before it. The errors must stay those of that pass
// followed by validation: the magnitude error (checkMagnitude's, the same
// text) whenever the sum overflows, even past a bad cell in an earlier
// row, else the first bad cell; on every dense path (full validation,
// validation during row reduction, candidate lists by row and by column).
func TestSolveMagnitudeInValidation(t *testing.T) {
	t.Parallel()
	big := 1e308
	shapes := []struct{ r, c int }{{6, 6}, {4, 9}, {9, 4}, {1, 5}, {5, 1}}
	for _, sh := range shapes {
		for _, always := range []bool{false, true} {
			for _, maximize := range []bool{false, true} {
				for _, unassigned := range []bool{false, true} {
					for bigRow := -1; bigRow < sh.r; bigRow++ {
						for badRow := -1; badRow < sh.r; badRow++ {
							data := make([]float64, sh.r*sh.c)
							for k := range data {
								data[k] = float64(k % 7)
							}
							if bigRow >= 0 { // the overflow shows at the second big row
								data[bigRow*sh.c+sh.c-1] = big
								data[(sh.r-1-bigRow)*sh.c] = -big
							}
							if badRow >= 0 {
								data[badRow*sh.c] = math.Inf(-1)
								data[badRow*sh.c+sh.c/2] = math.NaN()
							}
							p := &Problem{Cost: mat.NewDense(sh.r, sh.c, data), Maximize: maximize}
							if unassigned {
								p.Unassigned = make([]float64, sh.r)
								for i := range p.Unassigned {
									p.Unassigned[i] = float64(i)
								}
								if bigRow >= 0 {
									p.Unassigned[bigRow] = big
								}
							}
							name := fmt.Sprintf("%dx%d always=%v max=%v unassigned=%v big=%d bad=%d",
								sh.r, sh.c, always, maximize, unassigned, bigRow, badRow)
							var s Solver
							s.ws.sparse.cand.always = always
							_, err := s.Solve(context.Background(), p)
							if want := p.checkMagnitude(sh.r, sh.c); want != nil {
								require.Error(t, err, name)
								require.Equal(t, want.Error(), err.Error(), name)
								continue
							}
							if badRow >= 0 {
								var ce *CostError
								require.ErrorAs(t, err, &ce, name)
								wantCol := 0
								if maximize {
									wantCol = sh.c / 2 // −Inf is forbidden when maximizing
								}
								require.Equal(t, [2]int{badRow, wantCol}, [2]int{ce.Row, ce.Col}, name)
								continue
							}
							var ce *CostError
							require.False(t, errors.As(err, &ce), name)

							// The same problem as candidate lists.
							sp := denseToSparse(p)
							_, serr := new(Solver).Solve(context.Background(), sp)
							if err == nil {
								require.NoError(t, serr, name)
							}
						}
					}
				}
			}
		}
	}
}

// TestSparseMagnitudeInValidation is TestSolveMagnitudeInValidation for
// candidate lists, malformed ones included: a decreasing Start panics
// unless the sum overflows at a row before it; a column out of order
// panics unless the sum overflows anywhere or a bad cost comes first.
func TestSparseMagnitudeInValidation(t *testing.T) {
	t.Parallel()
	big := 1e308
	base := func() *Sparse {
		return &Sparse{Rows: 4, Cols: 3, Start: []int{0, 2, 4, 6, 8},
			Col: []int{0, 2, 1, 2, 0, 1, 0, 2}, Cost: []float64{1, 2, 3, 4, 5, 6, 7, 8}}
	}
	solve := func(sp *Sparse) (panicked any, err error) {
		defer func() { panicked = recover() }()
		_, err = new(Solver).Solve(context.Background(), &Problem{Candidates: sp})
		return nil, err
	}
	for bigRow := -1; bigRow < 4; bigRow++ {
		for badRow := -1; badRow < 4; badRow++ {
			for _, kind := range []string{"nan", "col", "start"} {
				sp := base()
				if bigRow >= 0 {
					sp.Cost[2*bigRow] = big
					sp.Cost[2*(3-bigRow)+1] = -big
				}
				if badRow >= 0 {
					switch kind {
					case "nan":
						sp.Cost[2*badRow+1] = math.NaN()
					case "col":
						sp.Col[2*badRow+1] = 0 // not after column 0
					case "start":
						if badRow == 0 {
							continue
						}
						sp.Start[badRow] = 7 // decreases after row badRow−1
					}
				}
				name := fmt.Sprintf("big=%d bad=%d %s", bigRow, badRow, kind)
				panicked, err := solve(sp)
				// The old order: checkMagnitude up to the first malformed
				// Start, then validateSparse.
				var mg magnitudes
				var want error
				for i := 0; i < sp.Rows; i++ {
					lo, hi := sp.Start[i], sp.Start[i+1]
					if lo > hi || hi > len(sp.Cost) {
						break
					}
					if want = mg.add(nil, i, finiteMax(sp.Cost[lo:hi])); want != nil {
						break
					}
				}
				switch {
				case want != nil:
					require.Nil(t, panicked, name)
					require.Equal(t, want.Error(), err.Error(), name)
				case badRow >= 0 && kind != "nan":
					require.NotNil(t, panicked, name)
				case badRow >= 0:
					var ce *CostError
					require.ErrorAs(t, err, &ce, name)
					require.Equal(t, badRow, ce.Row, name)
				default:
					require.Nil(t, panicked, name)
				}
			}
		}
	}
}
