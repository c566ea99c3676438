package matching

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// staffingSparse draws a problem of the shape scenarios build for a
// workforce: rows outnumber columns, columns have several seats (more seats
// than rows in all), most rows may stay out at no cost and a few must be
// placed, costs are negative integers with many ties, and each row lists a
// share of the columns (some listed pairs forbidden).
func staffingSparse(r *rand.Rand, rows, cols, perRow, levels int, maximize bool) *Problem {
	sp := &Sparse{Rows: rows, Cols: cols, Start: make([]int, rows+1)}
	for i := 0; i < rows; i++ {
		for j := 0; j < cols; j++ {
			if r.IntN(cols) < perRow {
				sp.Col = append(sp.Col, j)
				c := -float64(100 + r.IntN(levels)) // ties: few distinct values
				if r.IntN(40) == 0 {
					c = math.Inf(1) // listed but forbidden
				}
				if maximize {
					c = -c
				}
				sp.Cost = append(sp.Cost, c)
			}
		}
		sp.Start[i+1] = len(sp.Col)
	}
	p := &Problem{Candidates: sp, Maximize: maximize, Capacity: make([]int, cols), Unassigned: make([]float64, rows)}
	for j := range p.Capacity {
		p.Capacity[j] = 1 + r.IntN(4)
		if r.IntN(8) == 0 {
			p.Capacity[j] = 0
		}
	}
	for i := range p.Unassigned {
		if r.IntN(25) == 0 {
			p.Unassigned[i] = math.Inf(1) // pinned: must be placed
			if maximize {
				p.Unassigned[i] = math.Inf(-1)
			}
		}
	}
	return p
}

// TestSparsePruneOracle checks the split candidate lists (sparse_prune.go)
// on small problems of the staffing shape against the brute-force oracle,
// and against the same solve with full scans only: with integer costs the
// labels are those of a full scan, so the results are identical.
func TestSparsePruneOracle(t *testing.T) {
	t.Parallel()
	n := 400 // cases per shape
	if testing.Short() {
		n = 60
	}
	listed := 0
	s := Solver{noGroups: true}
	gen := func(r *rand.Rand, maximize bool) *Problem {
		rows, cols := 1+r.IntN(8), 1+r.IntN(4)
		return staffingSparse(r, rows, cols, 1+r.IntN(cols), 1+r.IntN(4), maximize)
	}
	scanOracle(t, n, &s, 77, gen, func() { listed += s.ws.sparse.listScans })
	assert.Positive(t, listed, "no row was ever scanned through its list")
}

// scanOracle solves n small problems of each sign drawn by gen (stream
// seeds the draws) with s, set up by the caller and reused across cases on
// purpose, against the brute-force oracle and against a solve with full
// scans only: the same assignment and duals. A third of the problems drop
// Unassigned (every seat filled, or the shared column). note is called
// after each solve with s.
func scanOracle(t *testing.T, n int, s *Solver, stream uint64, gen func(r *rand.Rand, maximize bool) *Problem, note func()) {
	t.Helper()
	full := Solver{noGroups: true}
	full.ws.sparse.noPrune = true
	for _, maximize := range []bool{false, true} {
		for seed := uint64(0); seed < uint64(n); seed++ {
			r := rand.New(rand.NewPCG(seed, stream))
			p := gen(r, maximize)
			if r.IntN(3) == 0 {
				p.Unassigned = nil
			}
			ok := t.Run(fmt.Sprintf("maximize=%v/seed=%d", maximize, seed), func(t *testing.T) {
				a, feasible := checkSolveAgainstOracle(t, s, p)
				note()
				b, err := full.Solve(context.Background(), p)
				if !feasible {
					require.ErrorIs(t, err, ErrInfeasible)
					return
				}
				require.NoError(t, err)
				assert.Equal(t, b.RowToCol, a.RowToCol)
				assert.Equal(t, b.U, a.U)
				assert.Equal(t, b.V, a.V)
			})
			if !ok {
				t.Fatalf("seed %d:\n%s", seed, printProblem(p))
			}
		}
	}
}

// sameAsFullScans solves p with s, checks its assignment and certificate,
// and checks that a solve with full scans only (neither split lists nor
// groups) gives the same assignment and duals from the same rows scanned.
func sameAsFullScans(t *testing.T, s *Solver, p *Problem) {
	t.Helper()
	a, err := s.Solve(context.Background(), p)
	require.NoError(t, err)
	checkAssignment(t, p, a)
	require.NoError(t, Certify(p, &a, 0))
	full := Solver{noGroups: true}
	full.ws.sparse.noPrune = true
	b, err := full.Solve(context.Background(), p)
	require.NoError(t, err)
	assert.Equal(t, b.RowToCol, a.RowToCol)
	assert.Equal(t, b.U, a.U)
	assert.Equal(t, b.V, a.V)
	assert.Equal(t, full.stats.scans, s.stats.scans, "the same rows scanned")
}

// TestSparsePruneLarge solves a staffing-shaped problem of 3,000 rows and
// 600 columns with and without the split lists: the same certified
// assignment and duals, with most row scans served by the lists.
func TestSparsePruneLarge(t *testing.T) {
	t.Parallel()
	rows, cols := 3000, 600
	if testing.Short() {
		rows, cols = 1000, 200
	}
	for _, maximize := range []bool{false, true} {
		p := staffingSparse(rand.New(rand.NewPCG(3000, 600)), rows, cols, 60, 50, maximize)
		s := Solver{noGroups: true}
		sameAsFullScans(t, &s, p)
		assert.Greater(t, 2*(s.ws.sparse.listScans+s.ws.sparse.skips), s.stats.scans, "most scans read only the list, or nothing")
		assert.Positive(t, s.ws.sparse.skips, "rows skipped by sec")
		assert.LessOrEqual(t, s.stats.augmentations, rows)
	}
}
