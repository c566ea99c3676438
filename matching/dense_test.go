package matching

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

// rowMajor is a mat.Matrix that is not a *mat.Dense (so the solver copies
// it) and may have zero rows or columns, which *mat.Dense cannot.
type rowMajor struct {
	r, c int
	data []float64
}

func (m rowMajor) Dims() (int, int)    { return m.r, m.c }
func (m rowMajor) At(i, j int) float64 { return m.data[i*m.c+j] }
func (m rowMajor) T() mat.Matrix       { return mat.Transpose{Matrix: m} }
func newMatrix(r, c int, data []float64) mat.Matrix {
	if r == 0 || c == 0 {
		return rowMajor{r, c, data}
	}
	return mat.NewDense(r, c, data)
}

// family generates one random oracle instance.
type family struct {
	name string
	gen  func(rng *rand.Rand) *Problem
}

func randShape(rng *rand.Rand, maxR, maxC int) (int, int) {
	return rng.IntN(maxR + 1), rng.IntN(maxC + 1)
}

func randMatrix(rng *rand.Rand, r, c int, cell func() float64) []float64 {
	data := make([]float64, r*c)
	for k := range data {
		data[k] = cell()
	}
	return data
}

func withForbidden(rng *rand.Rand, data []float64, frac float64, forbidden float64) {
	for k := range data {
		if rng.Float64() < frac {
			data[k] = forbidden
		}
	}
}

func randUnassigned(rng *rand.Rand, r int, scale float64) []float64 {
	u := make([]float64, r)
	for i := range u {
		if rng.IntN(3) == 0 {
			u[i] = math.Inf(1)
		} else {
			u[i] = math.Round(rng.Float64() * scale)
		}
	}
	return u
}

func randCapacity(rng *rand.Rand, c int) []int {
	caps := make([]int, c)
	for j := range caps {
		caps[j] = rng.IntN(4)
	}
	return caps
}

func oracleFamilies() []family {
	intCell := func(rng *rand.Rand, n int) func() float64 {
		return func() float64 { return float64(rng.IntN(n)) }
	}
	return []family{
		{"uniform-float", func(rng *rand.Rand) *Problem {
			r, c := randShape(rng, 8, 8)
			return &Problem{Cost: newMatrix(r, c, randMatrix(rng, r, c, rng.Float64))}
		}},
		{"small-int-ties", func(rng *rand.Rand) *Problem {
			r, c := randShape(rng, 8, 8)
			return &Problem{Cost: newMatrix(r, c, randMatrix(rng, r, c, intCell(rng, 3)))}
		}},
		{"all-equal", func(rng *rand.Rand) *Problem {
			r, c := randShape(rng, 8, 8)
			return &Problem{Cost: newMatrix(r, c, randMatrix(rng, r, c, func() float64 { return 7 }))}
		}},
		{"forbidden", func(rng *rand.Rand) *Problem {
			r, c := randShape(rng, 7, 7)
			data := randMatrix(rng, r, c, intCell(rng, 10))
			withForbidden(rng, data, 0.4, math.Inf(1))
			return &Problem{Cost: newMatrix(r, c, data)}
		}},
		{"row-without-pair", func(rng *rand.Rand) *Problem {
			r, c := randShape(rng, 6, 6)
			r = max(r, 1)
			data := randMatrix(rng, r, c, intCell(rng, 10))
			i := rng.IntN(r)
			for j := range c {
				data[i*c+j] = math.Inf(1)
			}
			p := &Problem{Cost: newMatrix(r, c, data)}
			if rng.IntN(2) == 0 {
				p.Unassigned = randUnassigned(rng, r, 20)
			}
			return p
		}},
		{"unassigned", func(rng *rand.Rand) *Problem {
			r, c := randShape(rng, 6, 6)
			data := randMatrix(rng, r, c, intCell(rng, 20))
			withForbidden(rng, data, 0.2, math.Inf(1))
			return &Problem{Cost: newMatrix(r, c, data), Unassigned: randUnassigned(rng, r, 20)}
		}},
		{"capacity", func(rng *rand.Rand) *Problem {
			r, c := randShape(rng, 6, 5)
			data := randMatrix(rng, r, c, intCell(rng, 10))
			withForbidden(rng, data, 0.15, math.Inf(1))
			return &Problem{Cost: newMatrix(r, c, data), Capacity: randCapacity(rng, c)}
		}},
		{"capacity-unassigned", func(rng *rand.Rand) *Problem {
			r, c := randShape(rng, 6, 4)
			data := randMatrix(rng, r, c, intCell(rng, 10))
			withForbidden(rng, data, 0.15, math.Inf(1))
			return &Problem{Cost: newMatrix(r, c, data), Capacity: randCapacity(rng, c),
				Unassigned: randUnassigned(rng, r, 12)}
		}},
		{"magnitude-1e15", func(rng *rand.Rand) *Problem {
			r, c := randShape(rng, 7, 7)
			data := randMatrix(rng, r, c, func() float64 { return float64(rng.Int64N(2e15+1) - 1e15) })
			return &Problem{Cost: newMatrix(r, c, data)}
		}},
		{"negative", func(rng *rand.Rand) *Problem {
			r, c := randShape(rng, 8, 8)
			data := randMatrix(rng, r, c, func() float64 { return -float64(rng.IntN(50)) })
			withForbidden(rng, data, 0.1, math.Inf(1))
			return &Problem{Cost: newMatrix(r, c, data)}
		}},
		{"maximize", func(rng *rand.Rand) *Problem {
			r, c := randShape(rng, 6, 6)
			data := randMatrix(rng, r, c, intCell(rng, 10))
			withForbidden(rng, data, 0.1, math.Inf(-1))
			withForbidden(rng, data, 0.1, math.Inf(1))
			p := &Problem{Cost: newMatrix(r, c, data), Maximize: true}
			if rng.IntN(2) == 0 {
				p.Unassigned = randUnassigned(rng, r, 8)
				for i := range p.Unassigned {
					if math.IsInf(p.Unassigned[i], 1) && rng.IntN(2) == 0 {
						p.Unassigned[i] = math.Inf(-1)
					}
				}
			}
			if rng.IntN(3) == 0 {
				p.Capacity = randCapacity(rng, c)
			}
			return p
		}},
		{"fill-every-seat", func(rng *rand.Rand) *Problem { // more rows than seats: column witnesses
			c := 1 + rng.IntN(5)
			r := c + 1 + rng.IntN(8-c)
			data := randMatrix(rng, r, c, intCell(rng, 10))
			withForbidden(rng, data, 0.6, math.Inf(1))
			p := &Problem{Cost: newMatrix(r, c, data)}
			if rng.IntN(2) == 0 {
				p.Capacity = make([]int, c)
				for j := range p.Capacity {
					p.Capacity[j] = rng.IntN(3)
				}
			}
			return p
		}},
		{"mixed", func(rng *rand.Rand) *Problem {
			r, c := randShape(rng, 6, 5)
			data := randMatrix(rng, r, c, func() float64 { return float64(rng.IntN(21) - 10) })
			withForbidden(rng, data, rng.Float64()*0.5, math.Inf(1))
			p := &Problem{Cost: newMatrix(r, c, data)}
			if rng.IntN(2) == 0 {
				p.Unassigned = randUnassigned(rng, r, 10)
			}
			if rng.IntN(2) == 0 {
				p.Capacity = randCapacity(rng, c)
			}
			return p
		}},
	}
}

// costScale returns the largest magnitude among p's finite costs, at least 1.
func costScale(p *Problem) float64 {
	scale := 1.0
	_ = eachPair(p, func(i, j int, c float64) error {
		if !math.IsInf(c, 0) {
			scale = max(scale, math.Abs(c))
		}
		return nil
	})
	for _, c := range p.Unassigned {
		if !math.IsInf(c, 0) {
			scale = max(scale, math.Abs(c))
		}
	}
	return scale
}

func matrixString(p *Problem) string {
	r, c := p.dims()
	s := fmt.Sprintf("%d×%d maximize=%v capacity=%v unassigned=%v\n", r, c, p.Maximize, p.Capacity, p.Unassigned)
	if p.Cost != nil {
		s += fmt.Sprintf("%v", mat.Formatted(p.Cost))
	}
	return s
}

// oracleOutcome counts what checkOracle saw.
type oracleOutcome struct{ feasible, rows, transposed int }

// checkOracle solves p and compares it with bruteForce: the same objective,
// or ErrInfeasible with a valid witness.
func checkOracle(t *testing.T, s *Solver, p *Problem, seen *oracleOutcome) {
	t.Helper()
	want, feasible := bruteForce(p)
	a, err := s.Solve(context.Background(), p)
	if !feasible {
		require.ErrorIs(t, err, ErrInfeasible, "want infeasible")
		var e *InfeasibleError
		require.ErrorAs(t, err, &e)
		checkHallWitness(t, p, e)
		if e.Transposed {
			seen.transposed++
		} else {
			seen.rows++
		}
		return
	}
	seen.feasible++
	require.NoError(t, err)
	checkAssignment(t, p, a)
	r, c := p.dims()
	require.InDelta(t, want, a.Cost, 1e-9*costScale(p)*float64(r+c+1), "objective")
}

// checkHallWitness verifies, independently of the solver, that e proves p
// infeasible by Hall's condition.
func checkHallWitness(t *testing.T, p *Problem, e *InfeasibleError) {
	t.Helper()
	rows, cols := p.dims()
	require.True(t, slices.IsSorted(e.Rows) && slices.IsSorted(e.Cols), "witness sorted")
	require.Equal(t, len(e.Rows), len(slices.Compact(slices.Clone(e.Rows))), "rows distinct")
	require.Equal(t, len(e.Cols), len(slices.Compact(slices.Clone(e.Cols))), "cols distinct")
	allowed := func(i, j int) bool {
		c, listed := pairCost(p, i, j)
		_, ok := p.minCost(c)
		return listed && ok
	}
	inCols := make([]bool, cols)
	seats := 0
	for _, j := range e.Cols {
		require.True(t, j >= 0 && j < cols)
		inCols[j] = true
		seats += p.seats(j)
	}
	require.Equal(t, seats, e.Seats, "Seats counts the witness columns' capacity")
	inRows := make([]bool, rows)
	for _, i := range e.Rows {
		require.True(t, i >= 0 && i < rows)
		inRows[i] = true
	}
	if e.Transposed {
		require.Nil(t, p.Unassigned, "transposed witness only when every seat must be filled")
		require.Greater(t, rows, p.totalSeats(cols))
		for i := range rows {
			for _, j := range e.Cols {
				if allowed(i, j) {
					require.True(t, inRows[i], "row %d may take column %d but is not in the witness", i, j)
				}
			}
		}
		require.Less(t, len(e.Rows), e.Seats, "Hall deficiency")
		return
	}
	for _, i := range e.Rows {
		if p.Unassigned != nil {
			_, ok := p.minCost(p.Unassigned[i])
			require.False(t, ok, "row %d may stay out", i)
		} else {
			require.LessOrEqual(t, rows, p.totalSeats(cols), "rows may stay out")
		}
		for j := range cols {
			if allowed(i, j) {
				require.True(t, inCols[j], "row %d may take column %d outside the witness", i, j)
			}
		}
	}
	require.Less(t, e.Seats, len(e.Rows), "Hall deficiency")
}

func TestDenseOracle(t *testing.T) {
	n := 400 // seeded cases per family
	if testing.Short() {
		n = 60
	}
	for fi, fam := range oracleFamilies() {
		t.Run(fam.name, func(t *testing.T) {
			t.Parallel()
			var s Solver // reused across cases: stale buffers must not leak
			var seen oracleOutcome
			for seed := range uint64(n) {
				rng := rand.New(rand.NewPCG(seed, uint64(fi)))
				p := fam.gen(rng)
				ok := t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
					checkOracle(t, &s, p, &seen)
				})
				if !ok {
					t.Fatalf("family %s seed %d:\n%s", fam.name, seed, matrixString(p))
				}
			}
			t.Logf("%d feasible, %d infeasible (row witness), %d infeasible (column witness)", seen.feasible, seen.rows, seen.transposed)
			require.Positive(t, seen.feasible)
		})
	}
}

func TestDenseEdgeShapes(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		name    string
		p       *Problem
		want    float64
		wantErr error
	}{
		{"0x0", &Problem{Cost: rowMajor{0, 0, nil}}, 0, nil},
		{"0x3", &Problem{Cost: rowMajor{0, 3, nil}}, 0, nil},
		{"3x0 rows stay out", &Problem{Cost: rowMajor{3, 0, nil}}, 0, nil},
		{"3x0 unassigned", &Problem{Cost: rowMajor{3, 0, nil}, Unassigned: []float64{1, 2, 3}}, 6, nil},
		{"3x0 must place", &Problem{Cost: rowMajor{3, 0, nil}, Unassigned: []float64{1, inf, 3}}, 0, ErrInfeasible},
		{"1x1", &Problem{Cost: mat.NewDense(1, 1, []float64{-4})}, -4, nil},
		{"1x1 forbidden", &Problem{Cost: mat.NewDense(1, 1, []float64{inf})}, 0, ErrInfeasible},
		{"2x1 fill the seat", &Problem{Cost: mat.NewDense(2, 1, []float64{5, 3})}, 3, nil},
		{"2x1 forbidden seat", &Problem{Cost: mat.NewDense(2, 1, []float64{inf, inf})}, 0, ErrInfeasible},
		{"zero capacity", &Problem{Cost: mat.NewDense(2, 2, []float64{1, 2, 3, 4}), Capacity: []int{0, 2}}, 6, nil},
		{"seats", &Problem{Cost: mat.NewDense(3, 2, []float64{1, 9, 1, 9, 1, 9}), Capacity: []int{2, 1}}, 11, nil},
		{"maximize", &Problem{Cost: mat.NewDense(2, 2, []float64{1, 2, 3, 5}), Maximize: true}, 6, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Solver
			a, err := s.Solve(context.Background(), tt.p)
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				var e *InfeasibleError
				if errors.As(err, &e) {
					checkHallWitness(t, tt.p, e)
				}
				return
			}
			require.NoError(t, err)
			checkAssignment(t, tt.p, a)
			assert.Equal(t, tt.want, a.Cost)
		})
	}
}

func TestDenseCostError(t *testing.T) {
	inf := math.Inf(1)
	nan := math.NaN()
	tests := []struct {
		name             string
		p                *Problem
		wantRow, wantCol int
	}{
		{"nan", &Problem{Cost: mat.NewDense(2, 3, []float64{1, 2, 3, 4, nan, nan})}, 1, 1},
		{"-inf minimizing", &Problem{Cost: mat.NewDense(2, 2, []float64{1, -inf, nan, 1})}, 0, 1},
		{"nan first in row order", &Problem{Cost: mat.NewDense(2, 2, []float64{1, inf, nan, -inf}), Maximize: true}, 1, 0},
		{"wide: first in row order", &Problem{Cost: mat.NewDense(3, 4, []float64{1, 2, 3, 4, 5, 6, 7, -inf, nan, 1, 1, 1})}, 1, 3},
		{"unassigned set", &Problem{Cost: mat.NewDense(2, 2, []float64{1, 2, 3, nan}), Unassigned: []float64{1, 1}}, 1, 1},
		{"seats", &Problem{Cost: mat.NewDense(2, 2, []float64{nan, 2, 3, nan}), Capacity: []int{2, 2}}, 0, 0},
		{"nan copied matrix", &Problem{Cost: mat.NewDense(2, 2, []float64{1, 2, 3, nan}).T()}, 1, 1},
		{"unassigned nan", &Problem{Cost: mat.NewDense(1, 1, []float64{1}), Unassigned: []float64{nan}}, 0, -1},
		{"unassigned -inf", &Problem{Cost: mat.NewDense(1, 1, []float64{1}), Unassigned: []float64{-inf}}, 0, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Solver
			_, err := s.Solve(context.Background(), tt.p)
			require.ErrorIs(t, err, ErrInvalidCost)
			var e *CostError
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tt.wantRow, e.Row)
			assert.Equal(t, tt.wantCol, e.Col)
		})
	}
}

// randDense returns an r×c matrix of integer costs in [0, n).
func randDense(rng *rand.Rand, r, c, n int) *mat.Dense {
	return mat.NewDense(r, c, randMatrix(rng, r, c, func() float64 { return float64(rng.IntN(n)) }))
}

func TestDenseViewAndCopy(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	big := randDense(rng, 40, 50, 100)
	view := big.Slice(3, 33, 5, 45).(*mat.Dense) // stride 50 > 40 columns
	before := mat.DenseCopyOf(big)
	var s Solver
	a, err := s.Solve(context.Background(), &Problem{Cost: view})
	require.NoError(t, err)
	checkAssignment(t, &Problem{Cost: view}, a)
	assert.True(t, mat.Equal(before, big), "the input is not modified")

	copied := mat.DenseCopyOf(view)
	b, err := s.Solve(context.Background(), &Problem{Cost: rowMajor{30, 40, copied.RawMatrix().Data}})
	require.NoError(t, err)
	assert.Equal(t, a, b, "a copied matrix solves identically")
}

func TestDenseCertifyLarge(t *testing.T) {
	tests := []struct {
		name string
		r, c int
		p    func(m *mat.Dense) *Problem
	}{
		{"square", 1000, 1000, func(m *mat.Dense) *Problem { return &Problem{Cost: m} }},
		{"wide", 600, 1500, func(m *mat.Dense) *Problem { return &Problem{Cost: m} }},
		{"tall", 1200, 500, func(m *mat.Dense) *Problem { return &Problem{Cost: m} }},
		{"seats-unassigned", 1000, 400, func(m *mat.Dense) *Problem {
			caps := make([]int, 400)
			out := make([]float64, 1000)
			for j := range caps {
				caps[j] = 1 + j%3
			}
			for i := range out {
				out[i] = float64(500 + i%700)
			}
			return &Problem{Cost: m, Capacity: caps, Unassigned: out}
		}},
		{"maximize", 1000, 1000, func(m *mat.Dense) *Problem { return &Problem{Cost: m, Maximize: true} }},
	}
	for k, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if testing.Short() && k > 1 {
				t.Skip("short")
			}
			rng := rand.New(rand.NewPCG(uint64(k), 7))
			p := tt.p(randDense(rng, tt.r, tt.c, 1000))
			var s Solver
			a, err := s.Solve(context.Background(), p)
			require.NoError(t, err)
			checkAssignment(t, p, a)
			assert.LessOrEqual(t, s.stats.augmentations, tt.r, "at most one augmentation per row")
		})
	}
}

// tiesDense returns an r×c matrix with rows and columns drawn from a few
// kinds, costs in [0, 100) per pair of kinds: the shape scores of a few kinds
// of employee and post produce (the lap-ref "ties" family).
func tiesDense(rng *rand.Rand, r, c, kinds int) *mat.Dense {
	b := randMatrix(rng, kinds, kinds, func() float64 { return float64(rng.IntN(100)) })
	rk, ck := make([]int, r), make([]int, c)
	for i := range rk {
		rk[i] = rng.IntN(kinds)
	}
	for j := range ck {
		ck[j] = rng.IntN(kinds)
	}
	m := mat.NewDense(r, c, nil)
	for i := range r {
		for j := range c {
			m.Set(i, j, b[rk[i]*kinds+ck[j]])
		}
	}
	return m
}

// TestDenseIdenticalRows certifies problems made of few kinds of row, where
// the search skips rows identical to one it has relaxed.
func TestDenseIdenticalRows(t *testing.T) {
	// offsets adds a per-row constant: rows become equal up to a constant.
	offsets := func(rng *rand.Rand, m *mat.Dense, step float64) *mat.Dense {
		r, c := m.Dims()
		for i := range r {
			k := step * float64(rng.IntN(50))
			for j := range c {
				m.Set(i, j, m.At(i, j)+k)
			}
		}
		return m
	}
	tests := []struct {
		name    string
		r, c    int
		p       func(rng *rand.Rand, m *mat.Dense) *Problem
		noSkips bool // shifts are disabled for fractional costs
	}{
		{"square", 400, 400, func(_ *rand.Rand, m *mat.Dense) *Problem { return &Problem{Cost: m} }, false},
		{"row offsets", 400, 600, func(rng *rand.Rand, m *mat.Dense) *Problem {
			return &Problem{Cost: offsets(rng, m, 7)}
		}, false},
		{"row offsets tall", 600, 400, func(rng *rand.Rand, m *mat.Dense) *Problem {
			return &Problem{Cost: offsets(rng, m, 7)}
		}, false},
		{"row offsets maximize", 400, 400, func(rng *rand.Rand, m *mat.Dense) *Problem {
			return &Problem{Cost: offsets(rng, m, -3), Maximize: true}
		}, false},
		{"fractional offsets", 400, 400, func(rng *rand.Rand, m *mat.Dense) *Problem {
			return &Problem{Cost: offsets(rng, m, 0.1)}
		}, true},
		{"wide", 300, 500, func(_ *rand.Rand, m *mat.Dense) *Problem { return &Problem{Cost: m} }, false},
		{"tall", 500, 300, func(_ *rand.Rand, m *mat.Dense) *Problem { return &Problem{Cost: m} }, false},
		{"maximize", 400, 400, func(_ *rand.Rand, m *mat.Dense) *Problem { return &Problem{Cost: m, Maximize: true} }, false},
		{"seats-unassigned", 400, 150, func(rng *rand.Rand, m *mat.Dense) *Problem {
			caps := randCapacity(rng, 150)
			return &Problem{Cost: m, Capacity: caps, Unassigned: randUnassigned(rng, 400, 150)}
		}, false},
		{"forbidden", 400, 400, func(rng *rand.Rand, m *mat.Dense) *Problem {
			raw := m.RawMatrix().Data
			for k := range raw {
				if raw[k] > 80 {
					raw[k] = math.Inf(1)
				}
			}
			return &Problem{Cost: m, Unassigned: randUnassigned(rng, 400, 200)}
		}, false},
	}
	for k, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for seed := range uint64(3) {
				rng := rand.New(rand.NewPCG(seed, uint64(k)))
				p := tt.p(rng, tiesDense(rng, tt.r, tt.c, 12))
				var s Solver
				a, err := s.Solve(context.Background(), p)
				if errors.Is(err, ErrInfeasible) {
					var e *InfeasibleError
					require.ErrorAs(t, err, &e)
					checkHallWitness(t, p, e)
					continue
				}
				require.NoError(t, err)
				checkAssignment(t, p, a)
				if !tt.noSkips {
					assert.Positive(t, s.stats.skips, "equivalent rows are skipped")
				}
			}
		})
	}
}

func TestDenseReuseAllocs(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	for _, p := range []*Problem{
		{Cost: randDense(rng, 200, 300, 1000)},
		{Cost: tiesDense(rng, 300, 300, 10)}, // identical rows
		{Cost: randDense(rng, 100, 40, 10), Capacity: randCapacity(rng, 40), Unassigned: randUnassigned(rng, 100, 10)},
	} {
		var s Solver
		_, err := s.Solve(context.Background(), p)
		require.NoError(t, err)
		allocs := testing.AllocsPerRun(5, func() {
			if _, err := s.Solve(context.Background(), p); err != nil {
				panic(err)
			}
		})
		assert.LessOrEqual(t, allocs, 3.0, "only RowToCol, U and V are allocated")
	}
}

func TestDenseDeterministic(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	p := &Problem{Cost: randDense(rng, 150, 150, 4)} // many ties
	var s1, s2 Solver
	a, err := s1.Solve(context.Background(), p)
	require.NoError(t, err)
	_, err = s1.Solve(context.Background(), &Problem{Cost: randDense(rng, 90, 170, 50)}) // dirty the buffers
	require.NoError(t, err)
	b, err := s1.Solve(context.Background(), p)
	require.NoError(t, err)
	c, err := s2.Solve(context.Background(), p)
	require.NoError(t, err)
	assert.Equal(t, a, b)
	assert.Equal(t, a, c)

	// Single-threaded: the same bytes at any GOMAXPROCS.
	for _, procs := range []int{1, 8} {
		old := runtime.GOMAXPROCS(procs)
		var s3 Solver
		d, err := s3.Solve(context.Background(), p)
		runtime.GOMAXPROCS(old)
		require.NoError(t, err)
		assert.Equal(t, a, d, "GOMAXPROCS=%d", procs)
	}
}

func TestDenseContext(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 6))
	p := &Problem{Cost: randDense(rng, 300, 300, 1000)}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var s Solver
	_, err := s.Solve(ctx, p)
	require.ErrorIs(t, err, context.Canceled)

	var calls, last int
	s.Progress = func(done, total int) {
		calls++
		require.Equal(t, 300, total)
		require.GreaterOrEqual(t, done, last)
		last = done
	}
	a, err := s.Solve(context.Background(), p)
	require.NoError(t, err)
	checkAssignment(t, p, a)
	assert.Equal(t, 300, last)
	assert.LessOrEqual(t, calls, 70, "progress is reported sparingly")
}

// TestDenseComplexityGuard bounds the work on structured matrices: at most
// one augmentation per row after initialization; each augmentation sweeps a
// cost row (or the distances) at most once per column it scans, plus the
// free row and the shared dummy column; capped row reduction; and linear
// work where every assignment ties.
func TestDenseComplexityGuard(t *testing.T) {
	const n = 300
	tests := []struct {
		name   string
		cost   func(i, j int) float64
		linear bool // every optimal search is short: O(rows + cols) sweeps in all
	}{
		{"sorted", func(i, j int) float64 { return float64(i * j) }, false},    // rows and columns ascending
		{"reversed", func(i, j int) float64 { return -float64(i * j) }, false}, // rows and columns descending
		{"all-equal", func(i, j int) float64 { return 1 }, true},               // every assignment optimal
		{"all-tied", func(i, j int) float64 { return float64(i + 3*j) }, true}, // additive: rows equal up to a constant
		{"outer", func(i, j int) float64 { return float64((i % 7) * (j % 5)) }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, shape := range [][2]int{{n, n}, {n, 2 * n}, {2 * n, n}} {
				rows, cols := shape[0], shape[1]
				m := mat.NewDense(rows, cols, nil)
				for i := range rows {
					for j := range cols {
						m.Set(i, j, tt.cost(i, j))
					}
				}
				p := &Problem{Cost: m}
				var s Solver
				a, err := s.Solve(context.Background(), p)
				require.NoError(t, err)
				checkAssignment(t, p, a)
				st := s.stats
				t.Logf("%v: %d augmentations, %d scans (%d skipped), %d sweeps, %d row reduction steps",
					shape, st.augmentations, st.scans, st.skips, st.sweeps, st.arrSteps)
				assert.LessOrEqual(t, st.augmentations, rows, "%v: augmentations", shape)
				assert.LessOrEqual(t, st.sweeps, st.augmentations*(min(rows, cols)+2), "%v: sweeps per augmentation", shape)
				assert.LessOrEqual(t, st.arrSteps, arrPasses*(arrStepsPerRow*rows+16), "%v: row reduction steps", shape)
				if tt.linear {
					assert.LessOrEqual(t, st.sweeps, 4*(rows+cols), "%v: sweeps", shape)
				}
			}
		})
	}
}

// TestDenseTallColumnReduction: the dense solver, like the sparse one,
// starts a problem with more rows than seats and every column to fill with
// column reduction: when the columns' cheapest rows are distinct, no
// search is needed.
func TestDenseTallColumnReduction(t *testing.T) {
	const rows, cols = 40, 10
	data := make([]float64, rows*cols)
	want := 0.0
	for i := range rows {
		for j := range cols {
			c := float64(100 + (i*7+j*13)%50)
			if i == 3*j+1 {
				c = float64(j)
				want += c
			}
			data[i*cols+j] = c
		}
	}
	var s Solver
	p := &Problem{Cost: mat.NewDense(rows, cols, data)}
	a, err := s.Solve(context.Background(), p)
	require.NoError(t, err)
	require.NoError(t, Certify(p, &a, 0))
	assert.Equal(t, want, a.Cost)
	assert.Zero(t, s.stats.augmentations, "every column's cheapest row seated by the initialization")
}

// TestDenseDummyMinima checks the shared dummy column's column minima after
// tall solves of rows of a few kinds (equal, or equal up to a constant, so
// that dmRemove reads one row per class): each column's minimum over the
// rows left in the dummy, and the lowest row at it, equal a recomputation
// from scratch; the optimum is the transposed problem's.
func TestDenseDummyMinima(t *testing.T) {
	for seed := range uint64(40) {
		rng := rand.New(rand.NewPCG(seed, 77))
		cols := 8 + rng.IntN(40)
		rows := cols + 32 + rng.IntN(3*cols)
		m := tiesDense(rng, rows, cols, 2+rng.IntN(6))
		if seed%2 == 1 {
			for i := range rows {
				off := float64(rng.IntN(4))
				for j := range cols {
					m.Set(i, j, m.At(i, j)+off)
				}
			}
		}
		for _, maximize := range []bool{false, true} {
			p := &Problem{Cost: m, Maximize: maximize}
			var s Solver
			a, err := s.Solve(context.Background(), p)
			require.NoError(t, err)
			checkAssignment(t, p, a)
			w := &s.ws.dense
			require.True(t, w.hasDummy)
			require.NotNil(t, w.cls, "seed %d: rows of a few kinds", seed)
			for k := range cols {
				best, arg := math.Inf(1), int32(-1)
				for r := w.head[cols]; r >= 0; r = w.next[r] {
					c := m.At(int(r), k)
					if maximize {
						c = -c
					}
					if c < best || (c == best && r < arg) {
						best, arg = c, r
					}
				}
				require.Equal(t, best, w.dm[k], "seed %d column %d: minimum", seed, k)
				require.Equal(t, arg, w.dmArg[k], "seed %d column %d: lowest row at it", seed, k)
			}
			want, err := new(Solver).Solve(context.Background(), &Problem{Cost: mat.DenseCopyOf(m.T()), Maximize: maximize})
			require.NoError(t, err)
			require.Equal(t, want.Cost, a.Cost, "seed %d", seed)
		}
	}
}
