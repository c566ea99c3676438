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

// tiesKinds builds a tall problem whose rows are a few kinds of row plus a
// per-row offset (on finite cells): row i is base[kind[i]] + off[i]. Base
// costs are small (many ties) or spread, some +Inf (−Inf when maximizing,
// at random), offsets integers or halves.
type tiesKinds struct {
	base [][]float64
	kind []int
	off  []float64
	p    *Problem
}

func newTiesKinds(rng *rand.Rand, rows, cols, kinds int, maximize bool) *tiesKinds {
	tk := &tiesKinds{kind: make([]int, rows), off: make([]float64, rows)}
	spread := []int{3, 100}[rng.IntN(2)]
	forbid := []float64{0, 0.15, 0.4}[rng.IntN(3)]
	for range kinds {
		b := make([]float64, cols)
		for j := range b {
			b[j] = float64(rng.IntN(spread) - spread/3)
			if rng.Float64() < forbid {
				b[j] = math.Inf(1)
				if maximize && rng.IntN(2) == 0 {
					b[j] = math.Inf(-1)
				}
			}
		}
		tk.base = append(tk.base, b)
	}
	step := []float64{0, 1, 7, 0.5}[rng.IntN(4)]
	data := make([]float64, rows*cols)
	for i := range rows {
		tk.kind[i] = rng.IntN(kinds)
		tk.off[i] = step * float64(rng.IntN(4))
		for j, c := range tk.base[tk.kind[i]] {
			if !math.IsInf(c, 0) {
				c += tk.off[i]
			}
			data[i*cols+j] = c
		}
	}
	tk.p = &Problem{Cost: mat.NewDense(rows, cols, data), Maximize: maximize}
	return tk
}

// brute returns the optimum of the problem (every column filled, one row
// each, the other rows left out) by enumerating the kind of row each column
// takes: a kind given m columns uses its m best offsets. It knows nothing of
// the solver. feasible is false when no kind assignment exists.
func (tk *tiesKinds) brute() (best float64, feasible bool) {
	kinds, cols := len(tk.base), len(tk.base[0])
	sign := 1.0
	if tk.p.Maximize {
		sign = -1
	}
	// offs[g]: the prefix sums of kind g's offsets, best first.
	offs := make([][]float64, kinds)
	for g := range offs {
		var o []float64
		for i, k := range tk.kind {
			if k == g {
				o = append(o, sign*tk.off[i])
			}
		}
		slices.Sort(o)
		sum := []float64{0}
		for _, x := range o {
			sum = append(sum, sum[len(sum)-1]+x)
		}
		offs[g] = sum
	}
	cnt := make([]int, kinds)
	best = math.Inf(1)
	var walk func(j int, sum float64)
	walk = func(j int, sum float64) {
		if j == cols {
			t := sum
			for g, m := range cnt {
				t += offs[g][m]
			}
			best, feasible = min(best, t), true
			return
		}
		for g, b := range tk.base {
			c := sign * b[j]
			if math.IsInf(b[j], 0) || cnt[g]+1 >= len(offs[g]) {
				continue
			}
			cnt[g]++
			walk(j+1, sum+c)
			cnt[g]--
		}
	}
	walk(0, 0)
	return sign * best, feasible
}

// TestTiesBruteForce checks tall problems of a few kinds of row (found as
// row classes before the initialization, in the validation pass) against an
// enumeration of the kind each column takes: ties, forbidden cells,
// maximization, integer and fractional offsets.
func TestTiesBruteForce(t *testing.T) {
	var s Solver
	for seed := range uint64(160) {
		rng := rand.New(rand.NewPCG(seed, 4242))
		cols := 8 + rng.IntN(2)
		kinds := 2 + rng.IntN(3)
		if cols == 9 {
			kinds = min(kinds, 3)
		}
		rows := cols + 32 + rng.IntN(40)
		tk := newTiesKinds(rng, rows, cols, kinds, seed%2 == 1)
		if seed%7 == 0 { // a kind that may take no column
			m := tk.p.Cost.(*mat.Dense)
			for i, g := range tk.kind {
				if g == 0 {
					for j := range cols {
						m.Set(i, j, math.Inf(1))
						tk.base[0][j] = math.Inf(1)
					}
				}
			}
		}
		want, feasible := tk.brute()
		a, err := s.Solve(context.Background(), tk.p)
		if !feasible {
			require.ErrorIs(t, err, ErrInfeasible, "seed %d", seed)
			continue
		}
		require.NoError(t, err, "seed %d", seed)
		checkAssignment(t, tk.p, a)
		require.Equal(t, want, a.Cost, "seed %d", seed)
		require.NotNil(t, s.ws.dense.cls, "seed %d: rows of a few kinds", seed)
	}
}

// TestTiesWideMinimum covers rows whose minimum is reached in more columns
// than initGreedy keeps per class (constant rows), with the dummy column's
// minima checked as in TestDenseDummyMinima and the optimum against the
// transposed problem, which has no dummy.
func TestTiesWideMinimum(t *testing.T) {
	for seed := range uint64(30) {
		rng := rand.New(rand.NewPCG(seed, 99))
		cols := greedyClassCols + 8 + rng.IntN(40)
		rows := cols + 32 + rng.IntN(2*cols)
		tk := newTiesKinds(rng, rows, cols, 2+rng.IntN(5), seed%2 == 1)
		m := tk.p.Cost.(*mat.Dense)
		flat := float64(rng.IntN(5))
		for i, g := range tk.kind {
			if g == 0 { // a constant kind: every column at its minimum
				for j := range cols {
					m.Set(i, j, flat+tk.off[i])
				}
			}
		}
		var s Solver
		a, err := s.Solve(context.Background(), tk.p)
		want, werr := new(Solver).Solve(context.Background(), &Problem{Cost: mat.DenseCopyOf(m.T()), Maximize: tk.p.Maximize})
		if werr != nil {
			require.ErrorIs(t, werr, ErrInfeasible)
			require.ErrorIs(t, err, ErrInfeasible, "seed %d", seed)
			continue
		}
		require.NoError(t, err, "seed %d", seed)
		checkAssignment(t, tk.p, a)
		require.Equal(t, want.Cost, a.Cost, "seed %d", seed)
		w := &s.ws.dense
		require.NotNil(t, w.cls, "seed %d", seed)
		for k := range cols {
			best, arg := math.Inf(1), int32(-1)
			for r := w.head[cols]; r >= 0; r = w.next[r] {
				c := w.conv(m.At(int(r), k))
				if c < best || (c == best && r < arg) {
					best, arg = c, r
				}
			}
			require.Equal(t, best, w.dm[k], "seed %d column %d: minimum", seed, k)
			require.Equal(t, arg, w.dmArg[k], "seed %d column %d: lowest row at it", seed, k)
		}
	}
}

// TestTiesValidationErrors checks that the validation pass that finds row
// classes reports the first bad cell in row-major order, and a magnitude
// overflow first, as checkMagnitude and the plain pass do.
func TestTiesValidationErrors(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	for k := range 40 {
		rows, cols := 64+rng.IntN(64), 16
		if k%4 == 3 {
			rows, cols = candMinRows+64, candMinRows // the candidate lists' sizes
		}
		m := tiesDense(rng, rows, cols, 3)
		maximize := k%2 == 1
		bad := []float64{math.NaN(), math.Inf(-1)}[rng.IntN(2)]
		if maximize {
			bad = math.NaN()
		}
		i1, j1 := rng.IntN(rows), rng.IntN(cols)
		m.Set(i1, j1, bad)
		if rng.IntN(2) == 0 {
			m.Set(min(rows-1, i1+rng.IntN(3)), rng.IntN(cols), bad)
		}
		if k%5 == 4 {
			m.Set(rng.IntN(rows), rng.IntN(cols), math.MaxFloat64/8) // the magnitudes overflow
		}
		p := &Problem{Cost: m, Maximize: maximize}
		_, err := new(Solver).Solve(context.Background(), p)
		require.Error(t, err)
		if merr := p.checkMagnitude(rows, cols); merr != nil {
			require.Equal(t, merr.Error(), err.Error(), "case %d", k)
			continue
		}
		var ce *CostError
		require.True(t, errors.As(err, &ce), "case %d: %v", k, err)
		wi, wj := -1, -1
		for i := 0; i < rows && wi < 0; i++ {
			for j := range cols {
				if c := m.At(i, j); c != c || (!maximize && c == math.Inf(-1)) {
					wi, wj = i, j
					break
				}
			}
		}
		require.Equal(t, wi, ce.Row, "case %d", k)
		require.Equal(t, wj, ce.Col, "case %d", k)
	}
}
