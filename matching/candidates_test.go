package matching

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

// candidateFamilies are medium-sized dense problems, large enough that the
// candidate lists leave most pairs out.
func candidateFamilies() []family {
	intCell := func(rng *rand.Rand, n int) func() float64 {
		return func() float64 { return float64(rng.IntN(n)) }
	}
	size := func(rng *rand.Rand) int { return 20 + rng.IntN(100) }
	return []family{
		{"uniform-int", func(rng *rand.Rand) *Problem {
			n := size(rng)
			return &Problem{Cost: newMatrix(n, n, randMatrix(rng, n, n, intCell(rng, 1000)))}
		}},
		{"uniform-float", func(rng *rand.Rand) *Problem {
			n := size(rng)
			return &Problem{Cost: newMatrix(n, n, randMatrix(rng, n, n, rng.Float64))}
		}},
		{"small-int", func(rng *rand.Rand) *Problem {
			n := size(rng)
			return &Problem{Cost: newMatrix(n, n, randMatrix(rng, n, n, intCell(rng, 4)))}
		}},
		{"clustered", func(rng *rand.Rand) *Problem {
			n := size(rng)
			return &Problem{Cost: clusteredDense(rng, n, n, 1+rng.IntN(5))}
		}},
		{"geometric-float", func(rng *rand.Rand) *Problem {
			n := size(rng)
			px, py, qx, qy := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
			for i := range n {
				px[i], py[i], qx[i], qy[i] = rng.Float64(), rng.Float64(), rng.Float64(), rng.Float64()
			}
			m := mat.NewDense(n, n, nil)
			for i := range n {
				for j := range n {
					m.Set(i, j, math.Hypot(px[i]-qx[j], py[i]-qy[j]))
				}
			}
			return &Problem{Cost: m}
		}},
		{"forbidden", func(rng *rand.Rand) *Problem {
			n := size(rng)
			data := randMatrix(rng, n, n, intCell(rng, 100))
			withForbidden(rng, data, 0.5+0.45*rng.Float64(), math.Inf(1))
			return &Problem{Cost: newMatrix(n, n, data)}
		}},
		{"wide", func(rng *rand.Rand) *Problem {
			r := size(rng)
			c := r + 1 + rng.IntN(2*r)
			return &Problem{Cost: newMatrix(r, c, randMatrix(rng, r, c, intCell(rng, 1000)))}
		}},
		{"tall", func(rng *rand.Rand) *Problem {
			c := size(rng)
			r := c + 1 + rng.IntN(2*c)
			return &Problem{Cost: newMatrix(r, c, randMatrix(rng, r, c, intCell(rng, 1000)))}
		}},
		{"unassigned-capacity", func(rng *rand.Rand) *Problem {
			r, c := size(rng), size(rng)
			data := randMatrix(rng, r, c, intCell(rng, 1000))
			withForbidden(rng, data, 0.2, math.Inf(1))
			p := &Problem{Cost: newMatrix(r, c, data)}
			if rng.IntN(2) == 0 {
				p.Unassigned = randUnassigned(rng, r, 1000)
			}
			if rng.IntN(2) == 0 {
				p.Capacity = randCapacity(rng, c)
			}
			return p
		}},
		{"maximize", func(rng *rand.Rand) *Problem {
			n := size(rng)
			data := randMatrix(rng, n, n, intCell(rng, 1000))
			withForbidden(rng, data, 0.1, math.Inf(-1))
			withForbidden(rng, data, 0.1, math.Inf(1))
			return &Problem{Cost: newMatrix(n, n, data), Maximize: true}
		}},
	}
}

// TestDenseCandidates solves medium problems over candidate lists (forced
// at any size) and compares them with the dense search: the same optimum,
// a valid certificate, the same error when infeasible.
func TestDenseCandidates(t *testing.T) {
	n := 60
	if testing.Short() {
		n = 15
	}
	for fi, fam := range candidateFamilies() {
		t.Run(fam.name, func(t *testing.T) {
			t.Parallel()
			var lists, dense Solver
			lists.ws.sparse.cand.always = true
			var tally listTally
			for seed := range uint64(n) {
				rng := rand.New(rand.NewPCG(seed, uint64(fi)+100))
				p := fam.gen(rng)
				want, wantErr := dense.Solve(context.Background(), p)
				got, err := lists.Solve(context.Background(), p)
				tally.note(&lists, err)
				if wantErr != nil {
					require.ErrorIs(t, err, ErrInfeasible, "seed %d", seed)
					require.Equal(t, wantErr.Error(), err.Error(), "seed %d: the dense search's witness", seed)
					continue
				}
				require.NoError(t, err, "seed %d", seed)
				checkAssignment(t, p, got)
				r, c := p.dims()
				require.InDelta(t, want.Cost, got.Cost, 1e-9*costScale(p)*float64(r+c), "seed %d", seed)
			}
			t.Logf("%d of %d solved over the lists, %d of them after more than one solve", tally.used, n, tally.again)
			assert.Positive(t, tally.used)
		})
	}
}

// listTally counts the solves that went over the candidate lists and, of
// those, the ones that needed more than one sparse solve.
type listTally struct{ used, again int }

// note counts the last solve of s, which returned err.
func (lt *listTally) note(s *Solver, err error) {
	if r := s.ws.sparse.cand.rounds; r > 0 && err == nil {
		lt.used++
		if r > 1 {
			lt.again++
		}
	}
}

// TestDenseCandidatesOracle runs the oracle families through the candidate
// lists.
func TestDenseCandidatesOracle(t *testing.T) {
	n := 200
	if testing.Short() {
		n = 30
	}
	for fi, fam := range oracleFamilies() {
		t.Run(fam.name, func(t *testing.T) {
			t.Parallel()
			var s Solver
			s.ws.sparse.cand.always = true
			var seen oracleOutcome
			for seed := range uint64(n) {
				rng := rand.New(rand.NewPCG(seed, uint64(fi)+200))
				p := fam.gen(rng)
				ok := t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
					checkOracle(t, &s, p, &seen)
				})
				if !ok {
					t.Fatalf("family %s seed %d:\n%s", fam.name, seed, matrixString(p))
				}
			}
		})
	}
}

// TestDenseCandidatesLarge checks that large problems take the candidate
// lists by default, that repeated rows keep the dense search, and that the
// result is the same bytes on every solve.
func TestDenseCandidatesLarge(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 1))
	uniform := &Problem{Cost: randDense(rng, candMinRows+40, candMinRows, 1000)}
	ties := &Problem{Cost: tiesDense(rng, candMinRows, candMinRows, 20)}
	var s Solver
	a, err := s.Solve(context.Background(), uniform)
	require.NoError(t, err)
	checkAssignment(t, uniform, a)
	require.Positive(t, s.ws.sparse.cand.rounds, "uniform costs go to the lists")
	b, err := new(Solver).Solve(context.Background(), uniform)
	require.NoError(t, err)
	require.Equal(t, a, b, "a fresh solver gives the same result")

	_, err = s.Solve(context.Background(), ties)
	require.NoError(t, err)
	require.Zero(t, s.ws.sparse.cand.rounds, "rows of a few kinds keep the dense search")
	require.Positive(t, s.stats.skips)
}

// TestDenseCandidatesCostError checks that an invalid cost found while the
// lists are selected is reported as the dense search reports it: the first
// bad cell in row-major order.
func TestDenseCandidatesCostError(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 2))
	m := randDense(rng, candMinRows, candMinRows, 1000)
	m.Set(300, 7, math.Inf(-1))
	m.Set(300, 9, math.NaN())
	m.Set(400, 1, math.NaN())
	var s Solver
	_, err := s.Solve(context.Background(), &Problem{Cost: m})
	var ce *CostError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, 300, ce.Row)
	assert.Equal(t, 7, ce.Col)
	_, err = s.Solve(context.Background(), &Problem{Cost: m, Maximize: true})
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, 300, ce.Row)
	assert.Equal(t, 9, ce.Col)
}

// TestSparseCandidates solves square sparse problems with long lists over
// shorter ones (forced at any size) and compares them with the full lists.
func TestSparseCandidates(t *testing.T) {
	n := 60
	if testing.Short() {
		n = 15
	}
	costs := []struct {
		name     string
		maxCost  int
		float    bool
		maximize bool
	}{
		{"uniform-int", 1000, false, false},
		{"column-skewed", 1000, false, false}, // cheap columns are everybody's cheap choice
		{"small-int", 4, false, false},
		{"float", 0, true, false},
		{"maximize", 1000, false, true},
	}
	for ci, cc := range costs {
		t.Run(cc.name, func(t *testing.T) {
			t.Parallel()
			var lists, full Solver
			lists.ws.sparse.cand.always = true
			var tally listTally
			for seed := range uint64(n) {
				rng := rand.New(rand.NewPCG(seed, uint64(ci)+300))
				size := 20 + rng.IntN(150)
				p := randomSquareSparse(rng, size, 5+rng.IntN(60), max(cc.maxCost, 1))
				p.Maximize = cc.maximize
				sp := p.Candidates
				base := make([]float64, size)
				for j := range base {
					base[j] = float64(rng.IntN(1000))
				}
				for k := range sp.Cost {
					if cc.float {
						sp.Cost[k] = rng.Float64()
					}
					if cc.name == "column-skewed" {
						sp.Cost[k] = base[sp.Col[k]] + float64(rng.IntN(50))
					}
					if rng.IntN(50) == 0 {
						sp.Cost[k] = math.Inf(1) // listed but forbidden
					}
				}
				want, wantErr := full.Solve(context.Background(), p)
				got, err := lists.Solve(context.Background(), p)
				tally.note(&lists, err)
				if wantErr != nil {
					require.Error(t, err, "seed %d", seed)
					require.Equal(t, wantErr.Error(), err.Error(), "seed %d", seed)
					continue
				}
				require.NoError(t, err, "seed %d", seed)
				checkAssignment(t, p, got)
				require.InDelta(t, want.Cost, got.Cost, 1e-9*costScale(p)*float64(2*size), "seed %d", seed)
			}
			t.Logf("%d of %d solved over the lists, %d of them after more than one solve", tally.used, n, tally.again)
			assert.Positive(t, tally.used)
		})
	}
}

// TestSparseCandidatesLarge checks that a large square problem with long
// lists takes the shorter lists by default and that the result is
// certified and the same bytes from a fresh solver.
func TestSparseCandidatesLarge(t *testing.T) {
	t.Parallel()
	n := 3000
	if testing.Short() {
		n = candMinRows
	}
	p := randomSquareSparse(rand.New(rand.NewPCG(16, 3)), n, candSparseLen+2, 1000)
	var s Solver
	a, err := s.Solve(context.Background(), p)
	require.NoError(t, err)
	checkAssignment(t, p, a)
	require.Positive(t, s.ws.sparse.cand.rounds)
	b, err := new(Solver).Solve(context.Background(), p)
	require.NoError(t, err)
	require.Equal(t, a, b)
}

// TestCandidatesFitSpreadColumns: rows that agree on their first columns
// and differ after them are not repeats (the dense path, which skips
// repeated rows, was 2.8× slower than SciPy on such a 2000×1000 file);
// rows of four kinds, each up to a constant, are.
func TestCandidatesFitSpreadColumns(t *testing.T) {
	t.Parallel()
	const rows, cols = 1024, 512
	rng := rand.New(rand.NewPCG(3, 7))
	fit := func(data []float64) bool {
		p := &Problem{Cost: mat.NewDense(rows, cols, data)}
		w := &denseWorkspace{}
		require.NoError(t, w.load(p, rows, cols, false))
		w.prepare(p, rows, cols, p.totalSeats(cols))
		return w.candidatesFit(false)
	}
	prefix := make([]float64, rows*cols)
	for i := range rows {
		for j := range cols {
			if j >= 16 {
				prefix[i*cols+j] = float64(rng.IntN(1000))
			}
		}
	}
	assert.True(t, fit(prefix), "rows equal on their first 16 columns only")
	kinds := make([]float64, rows*cols)
	for i := range rows {
		k, shift := i%4, float64(rng.IntN(50))
		for j := range cols {
			kinds[i*cols+j] = float64((j*7+k*13)%97) + shift
		}
	}
	assert.False(t, fit(kinds), "rows of four kinds up to a constant")
}
