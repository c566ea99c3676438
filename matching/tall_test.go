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

// tallFamilies are small tall problems (more rows than columns, one seat
// per column, Unassigned nil): the shape solved transposed over candidate
// lists by column.
func tallFamilies() []family {
	shape := func(rng *rand.Rand) (int, int) {
		c := 1 + rng.IntN(6)
		return c + 1 + rng.IntN(8-c), c
	}
	intCell := func(rng *rand.Rand, n int) func() float64 {
		return func() float64 { return float64(rng.IntN(n)) }
	}
	return []family{
		{"uniform-float", func(rng *rand.Rand) *Problem {
			r, c := shape(rng)
			return &Problem{Cost: newMatrix(r, c, randMatrix(rng, r, c, rng.Float64))}
		}},
		{"small-int-ties", func(rng *rand.Rand) *Problem {
			r, c := shape(rng)
			return &Problem{Cost: newMatrix(r, c, randMatrix(rng, r, c, intCell(rng, 3)))}
		}},
		{"all-equal", func(rng *rand.Rand) *Problem {
			r, c := shape(rng)
			return &Problem{Cost: newMatrix(r, c, randMatrix(rng, r, c, func() float64 { return 7 }))}
		}},
		{"forbidden", func(rng *rand.Rand) *Problem {
			r, c := shape(rng)
			data := randMatrix(rng, r, c, intCell(rng, 10))
			withForbidden(rng, data, 0.6*rng.Float64(), math.Inf(1))
			return &Problem{Cost: newMatrix(r, c, data)}
		}},
		{"negative", func(rng *rand.Rand) *Problem {
			r, c := shape(rng)
			data := randMatrix(rng, r, c, func() float64 { return -float64(rng.IntN(50)) })
			withForbidden(rng, data, 0.1, math.Inf(1))
			return &Problem{Cost: newMatrix(r, c, data)}
		}},
		{"maximize", func(rng *rand.Rand) *Problem {
			r, c := shape(rng)
			data := randMatrix(rng, r, c, intCell(rng, 10))
			withForbidden(rng, data, 0.15, math.Inf(-1))
			withForbidden(rng, data, 0.15, math.Inf(1))
			p := &Problem{Cost: newMatrix(r, c, data), Maximize: true}
			if rng.IntN(2) == 0 {
				p.Capacity = make([]int, c) // explicit single seats
				for j := range p.Capacity {
					p.Capacity[j] = 1
				}
			}
			return p
		}},
	}
}

// TestTallCandidatesOracle solves small tall problems transposed over
// candidate lists (forced at any size) and checks them against the brute
// force oracle: the optimum, the certificate and, when infeasible, a Hall
// witness (from the dense search the lists fall back to).
func TestTallCandidatesOracle(t *testing.T) {
	n := 300
	if testing.Short() {
		n = 40
	}
	for fi, fam := range tallFamilies() {
		t.Run(fam.name, func(t *testing.T) {
			t.Parallel()
			var s Solver
			s.ws.sparse.cand.always = true
			var seen oracleOutcome
			var tally listTally
			for seed := range uint64(n) {
				rng := rand.New(rand.NewPCG(seed, uint64(fi)+300))
				p := fam.gen(rng)
				feasible := seen.feasible
				ok := t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
					checkOracle(t, &s, p, &seen)
				})
				if !ok {
					t.Fatalf("family %s seed %d:\n%s", fam.name, seed, matrixString(p))
				}
				if s.ws.sparse.cand.rounds > 0 && seen.feasible > feasible {
					_, c := p.dims()
					require.Equal(t, c, s.ws.sparse.cand.sp.Rows, "seed %d: lists by column", seed)
					tally.note(&s, nil)
				}
			}
			t.Logf("%d of %d solved over lists by column, %d after more than one solve", tally.used, n, tally.again)
			assert.Positive(t, tally.used)
		})
	}
}

// TestTallCandidatesLarge checks that a large tall problem takes the
// candidate lists by column, whose searches have no shared virtual column
// to search through, and that its optimum and certificate agree with the
// dense search on the transposed matrix; the result is the same on every
// solve.
func TestTallCandidatesLarge(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 3))
	rows, cols := 2*candMinRows, candMinRows+8
	uniform := randDense(rng, rows, cols, 1000)
	floats := mat.NewDense(rows, cols, randMatrix(rng, rows, cols, rng.Float64))
	for _, m := range []*mat.Dense{uniform, floats} {
		for _, maximize := range []bool{false, true} {
			p := &Problem{Cost: m, Maximize: maximize}
			var s Solver
			a, err := s.Solve(context.Background(), p)
			require.NoError(t, err)
			checkAssignment(t, p, a)
			require.Positive(t, s.ws.sparse.cand.rounds, "tall costs go to the lists")
			// Lists by row searched through the shared column's rows:
			// tens of thousands of rows scanned in all.
			assert.Less(t, s.stats.scans, 4*cols, "rows scanned by the searches over the lists")
			require.Equal(t, cols, s.ws.sparse.cand.sp.Rows, "lists by column")
			b, err := new(Solver).Solve(context.Background(), p)
			require.NoError(t, err)
			require.Equal(t, a, b, "a fresh solver gives the same result")

			tr := &Problem{Cost: mat.DenseCopyOf(m.T()), Maximize: maximize}
			want, err := new(Solver).Solve(context.Background(), tr)
			require.NoError(t, err)
			require.Equal(t, want.Cost, a.Cost, "the transposed problem's optimum")
		}
	}
}
