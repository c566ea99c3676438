package matching

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

// denseToSparse returns p with its dense Cost turned into full candidate
// lists: every cell except the forbidden ones (+Inf, and −Inf when
// maximizing) is listed. Invalid cells (NaN, −Inf when minimizing) stay
// listed so that both paths report them. Capacity, Unassigned and Maximize
// are shared with p.
func denseToSparse(p *Problem) *Problem {
	rows, cols := p.Cost.Dims()
	sp := &Sparse{Rows: rows, Cols: cols, Start: make([]int, rows+1)}
	for i := 0; i < rows; i++ {
		for j := 0; j < cols; j++ {
			c := p.Cost.At(i, j)
			if math.IsInf(c, 1) || (math.IsInf(c, -1) && p.Maximize) {
				continue
			}
			sp.Col = append(sp.Col, j)
			sp.Cost = append(sp.Cost, c)
		}
		sp.Start[i+1] = len(sp.Col)
	}
	q := *p
	q.Cost = nil
	q.Candidates = sp
	return &q
}

// sparseFamily describes one family of random sparse problems.
type sparseFamily struct {
	name       string
	maxRows    int
	maxCols    int
	density    float64                    // chance that a pair is listed
	emptyRow   float64                    // chance that a row lists nothing
	cost       func(r *rand.Rand) float64 // one listed cost
	unassigned float64                    // chance that Unassigned is set; each entry is +Inf half the time
	capacity   bool                       // Capacity in 0..3
	maximize   bool
}

func uniformCost(r *rand.Rand) float64 { return r.Float64() }
func smallInt(r *rand.Rand) float64    { return float64(r.IntN(4)) } // many ties
func equalCost(*rand.Rand) float64     { return 7 }
func hugeInt(r *rand.Rand) float64 { // magnitudes up to 1e15, still exact integers
	return float64(r.Int64N(2e15) - 1e15)
}
func negInt(r *rand.Rand) float64 { return float64(-r.IntN(1000)) }

var sparseFamilies = []sparseFamily{
	{name: "uniform", maxRows: 8, maxCols: 8, density: 0.6, emptyRow: 0.05, cost: uniformCost},
	{name: "ties", maxRows: 8, maxCols: 8, density: 0.5, emptyRow: 0.05, cost: smallInt},
	{name: "equal", maxRows: 7, maxCols: 7, density: 0.7, cost: equalCost},
	{name: "full", maxRows: 7, maxCols: 7, density: 1, cost: smallInt},
	{name: "unassigned", maxRows: 8, maxCols: 8, density: 0.5, emptyRow: 0.1, cost: smallInt, unassigned: 1},
	{name: "capacity", maxRows: 8, maxCols: 5, density: 0.6, emptyRow: 0.05, cost: smallInt, capacity: true},
	{name: "capacity-unassigned", maxRows: 8, maxCols: 5, density: 0.6, cost: uniformCost, capacity: true, unassigned: 0.7},
	{name: "maximize", maxRows: 8, maxCols: 8, density: 0.6, emptyRow: 0.05, cost: smallInt, maximize: true, unassigned: 0.3},
	{name: "huge", maxRows: 8, maxCols: 8, density: 0.6, cost: hugeInt, unassigned: 0.3},
	{name: "negative", maxRows: 8, maxCols: 8, density: 0.6, cost: negInt, capacity: true, unassigned: 0.3},
}

// randomSparse draws one problem of family f.
func randomSparse(r *rand.Rand, f sparseFamily) *Problem {
	rows, cols := r.IntN(f.maxRows+1), r.IntN(f.maxCols+1)
	sp := &Sparse{Rows: rows, Cols: cols, Start: make([]int, rows+1)}
	for i := 0; i < rows; i++ {
		if r.Float64() >= f.emptyRow {
			for j := 0; j < cols; j++ {
				if r.Float64() < f.density {
					sp.Col = append(sp.Col, j)
					c := f.cost(r)
					if r.IntN(20) == 0 {
						c = math.Inf(1) // listed but forbidden
					}
					sp.Cost = append(sp.Cost, c)
				}
			}
		}
		sp.Start[i+1] = len(sp.Col)
	}
	p := &Problem{Candidates: sp, Maximize: f.maximize}
	if f.capacity {
		p.Capacity = make([]int, cols)
		for j := range p.Capacity {
			p.Capacity[j] = r.IntN(4)
		}
	}
	if r.Float64() < f.unassigned {
		p.Unassigned = make([]float64, rows)
		for i := range p.Unassigned {
			if r.IntN(2) == 0 {
				p.Unassigned[i] = math.Inf(1)
			} else {
				p.Unassigned[i] = f.cost(r)
			}
		}
	}
	return p
}

func printProblem(p *Problem) string {
	s := fmt.Sprintf("maximize=%v capacity=%v unassigned=%v\n", p.Maximize, p.Capacity, p.Unassigned)
	if sp := p.Candidates; sp != nil {
		s += fmt.Sprintf("sparse %d×%d\n", sp.Rows, sp.Cols)
		for i := 0; i < sp.Rows; i++ {
			s += fmt.Sprintf("  row %d: cols %v costs %v\n", i, sp.Col[sp.Start[i]:sp.Start[i+1]], sp.Cost[sp.Start[i]:sp.Start[i+1]])
		}
		return s
	}
	return s + fmt.Sprintf("%v\n", mat.Formatted(p.Cost))
}

// checkSolveAgainstOracle solves p and compares with bruteForce: the same
// objective and a certified assignment, or ErrInfeasible with a valid
// witness when the oracle finds no assignment.
func checkSolveAgainstOracle(t *testing.T, s *Solver, p *Problem) (Assignment, bool) {
	t.Helper()
	want, feasible := bruteForce(p)
	a, err := s.Solve(context.Background(), p)
	if !feasible {
		require.ErrorIs(t, err, ErrInfeasible)
		var ie *InfeasibleError
		require.ErrorAs(t, err, &ie)
		checkWitness(t, p, ie)
		return a, false
	}
	require.NoError(t, err)
	checkAssignment(t, p, a)
	assert.InDelta(t, want, a.Cost, 1e-9*math.Max(1, math.Abs(want)))
	return a, true
}

// checkWitness verifies a Hall witness independently of the solver.
func checkWitness(t *testing.T, p *Problem, e *InfeasibleError) {
	t.Helper()
	rows, cols := p.dims()
	require.IsIncreasing(t, e.Rows, "rows sorted and distinct")
	require.IsIncreasing(t, e.Cols, "columns sorted and distinct")
	seats := 0
	inCols := make([]bool, cols)
	for _, j := range e.Cols {
		require.True(t, j >= 0 && j < cols)
		inCols[j] = true
		seats += p.seats(j)
	}
	require.Equal(t, seats, e.Seats, "Seats counts the witness columns' seats")
	allowed := func(i, j int) bool {
		c, listed := pairCost(p, i, j)
		_, ok := p.minCost(c)
		return listed && ok && p.seats(j) > 0
	}
	if !e.Transposed {
		require.Greater(t, len(e.Rows), e.Seats, "more rows than seats")
		for _, i := range e.Rows {
			require.True(t, i >= 0 && i < rows)
			if p.Unassigned != nil {
				_, ok := p.minCost(p.Unassigned[i])
				require.False(t, ok, "row %d of the witness must be placed", i)
			} else {
				require.LessOrEqual(t, rows, p.totalSeats(cols), "with Unassigned nil every row must be placed only when rows ≤ seats")
			}
			for j := 0; j < cols; j++ {
				if allowed(i, j) {
					require.True(t, inCols[j], "witness row %d may take column %d, which is not listed", i, j)
				}
			}
		}
		return
	}
	require.Nil(t, p.Unassigned)
	require.Greater(t, rows, p.totalSeats(cols), "transposed witnesses need more rows than seats")
	require.Greater(t, e.Seats, len(e.Rows), "more seats than rows")
	inRows := make([]bool, rows)
	for _, i := range e.Rows {
		inRows[i] = true
	}
	for i := 0; i < rows; i++ {
		for _, j := range e.Cols {
			if allowed(i, j) {
				require.True(t, inRows[i], "row %d may take witness column %d but is not listed", i, j)
			}
		}
	}
}

func TestSparseOracle(t *testing.T) {
	t.Parallel()
	n := 400 // cases per family
	if testing.Short() {
		n = 60
	}
	for fi, f := range sparseFamilies {
		t.Run("family="+f.name, func(t *testing.T) {
			t.Parallel()
			var s Solver // reused across cases on purpose
			infeasible := 0
			for seed := uint64(0); seed < uint64(n); seed++ {
				r := rand.New(rand.NewPCG(uint64(fi), seed))
				p := randomSparse(r, f)
				ok := t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
					if _, feasible := checkSolveAgainstOracle(t, &s, p); !feasible {
						infeasible++
					}
				})
				if !ok {
					t.Logf("seed %d:\n%s", seed, printProblem(p))
					return
				}
			}
			t.Logf("%d infeasible cases of %d", infeasible, n)
		})
	}
}

// TestSparseFixed pins small hand-made cases with known answers.
func TestSparseFixed(t *testing.T) {
	t.Parallel()
	inf := math.Inf(1)
	csr := func(rows, cols int, lists ...[]float64) *Sparse {
		// lists alternate column, cost pairs per row
		sp := &Sparse{Rows: rows, Cols: cols, Start: make([]int, rows+1)}
		for i, l := range lists {
			for k := 0; k < len(l); k += 2 {
				sp.Col = append(sp.Col, int(l[k]))
				sp.Cost = append(sp.Cost, l[k+1])
			}
			sp.Start[i+1] = len(sp.Col)
		}
		return sp
	}
	tests := []struct {
		name    string
		p       *Problem
		want    float64
		wantRow []int
		wantErr error
	}{
		{name: "empty", p: &Problem{Candidates: csr(0, 0)}, want: 0, wantRow: []int{}},
		{name: "1x1", p: &Problem{Candidates: csr(1, 1, []float64{0, 5})}, want: 5, wantRow: []int{0}},
		// 2x2: 1+1 beats 0+3.
		{name: "swap", p: &Problem{Candidates: csr(2, 2, []float64{0, 0, 1, 1}, []float64{0, 1, 1, 3})}, want: 2, wantRow: []int{1, 0}},
		// Row 1 has no candidate and must be placed.
		{name: "empty row", p: &Problem{Candidates: csr(2, 2, []float64{0, 1}, nil)}, wantErr: ErrInfeasible},
		// More rows than seats: the seat goes to the cheaper row.
		{name: "wide rows", p: &Problem{Candidates: csr(2, 1, []float64{0, 4}, []float64{0, 2})}, want: 2, wantRow: []int{-1, 0}},
		// Staying out (3) beats column 0 (5).
		{name: "out", p: &Problem{Candidates: csr(1, 1, []float64{0, 5}), Unassigned: []float64{3}}, want: 3, wantRow: []int{-1}},
		// Two seats in column 0.
		{name: "seats", p: &Problem{Candidates: csr(2, 2, []float64{0, 1, 1, 5}, []float64{0, 1, 1, 5}), Capacity: []int{2, 1}}, want: 2, wantRow: []int{0, 0}},
		// Maximize: 9 + 8.
		{name: "maximize", p: &Problem{Candidates: csr(2, 2, []float64{0, 9, 1, 1}, []float64{0, 9, 1, 8}), Maximize: true}, want: 17, wantRow: []int{0, 1}},
		// Ties: every assignment costs 2; the lowest column goes to row 0.
		{name: "ties", p: &Problem{Candidates: csr(2, 2, []float64{0, 1, 1, 1}, []float64{0, 1, 1, 1})}, want: 2, wantRow: []int{0, 1}},
		{name: "+Inf listed", p: &Problem{Candidates: csr(1, 2, []float64{0, inf, 1, 4})}, want: 4, wantRow: []int{1}},
		{name: "-Inf maximize", p: &Problem{Candidates: csr(1, 2, []float64{0, math.Inf(-1), 1, 4}), Maximize: true}, want: 4, wantRow: []int{1}},
		{name: "NaN", p: &Problem{Candidates: csr(2, 2, []float64{0, 1}, []float64{0, math.NaN()})}, wantErr: ErrInvalidCost},
		{name: "-Inf", p: &Problem{Candidates: csr(1, 2, []float64{1, math.Inf(-1)})}, wantErr: ErrInvalidCost},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var s Solver
			a, err := s.Solve(context.Background(), tt.p)
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			checkAssignment(t, tt.p, a)
			assert.Equal(t, tt.want, a.Cost)
			assert.Equal(t, tt.wantRow, a.RowToCol)
		})
	}
}

func TestSparseCostErrorNamesFirstCell(t *testing.T) {
	t.Parallel()
	sp := &Sparse{Rows: 2, Cols: 3, Start: []int{0, 2, 4}, Col: []int{0, 2, 1, 2},
		Cost: []float64{1, math.Inf(-1), math.NaN(), math.NaN()}}
	var s Solver
	_, err := s.Solve(context.Background(), &Problem{Candidates: sp})
	var ce *CostError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, 0, ce.Row) // −Inf at (0, 2) comes first in row order
	assert.Equal(t, 2, ce.Col)

	_, err = s.Solve(context.Background(), &Problem{Candidates: sp, Maximize: true})
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, 1, ce.Row) // maximizing: −Inf is forbidden, NaN at (1, 1) is first
	assert.Equal(t, 1, ce.Col)
}

func TestSparseCancelled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p := randomSquareSparse(rand.New(rand.NewPCG(1, 1)), 100, 5, 1000)
	var s Solver
	_, err := s.Solve(ctx, p)
	require.ErrorIs(t, err, context.Canceled)
}

// TestSparseCancelledMidway cancels from the Progress callback, during the
// forward searches and during the backward ones.
func TestSparseCancelledMidway(t *testing.T) {
	t.Parallel()
	p := randomSquareSparse(rand.New(rand.NewPCG(6, 6)), 3000, 10, 1000)
	for _, backwardAt := range []int{math.MaxInt, 1} {
		ctx, cancel := context.WithCancel(context.Background())
		calls := 0
		s := Solver{Progress: func(done, total int) {
			if calls++; calls == 1 {
				cancel()
			}
		}}
		s.ws.sparse.backwardAt = backwardAt
		_, err := s.Solve(ctx, p)
		require.ErrorIs(t, err, context.Canceled, "backwardAt=%d", backwardAt)
		cancel()
		// The workspace stays usable.
		a, err := s.Solve(context.Background(), p)
		require.NoError(t, err)
		checkAssignment(t, p, a)
	}
}

// randomSquareSparse returns an n×n problem with k candidates a row (the
// diagonal always among them, so that it is feasible) and integer costs in
// [1, maxCost].
func randomSquareSparse(r *rand.Rand, n, k, maxCost int) *Problem {
	sp := &Sparse{Rows: n, Cols: n, Start: make([]int, n+1)}
	sp.Col = make([]int, 0, n*k)
	sp.Cost = make([]float64, 0, n*k)
	mark := make([]bool, n)
	picked := make([]int, 0, k)
	for i := 0; i < n; i++ {
		picked = append(picked[:0], i)
		mark[i] = true
		for len(picked) < min(k, n) {
			if j := r.IntN(n); !mark[j] {
				mark[j] = true
				picked = append(picked, j)
			}
		}
		for j := 0; j < n; j++ { // ascending columns without sorting
			if mark[j] {
				sp.Col = append(sp.Col, j)
				sp.Cost = append(sp.Cost, float64(1+r.IntN(maxCost)))
				mark[j] = false
			}
		}
		sp.Start[i+1] = len(sp.Col)
	}
	return &Problem{Candidates: sp}
}

// TestSparseLargeCertified solves a 5000×5000 instance with 20 candidates a
// row and certifies it; the augmentation counter stays within the rows.
func TestSparseLargeCertified(t *testing.T) {
	t.Parallel()
	n, k := 5000, 20
	if testing.Short() {
		n = 1000
	}
	p := randomSquareSparse(rand.New(rand.NewPCG(5000, 20)), n, k, 1000)
	var s Solver
	a, err := s.Solve(context.Background(), p)
	require.NoError(t, err)
	checkAssignment(t, p, a)
	assert.LessOrEqual(t, s.stats.augmentations, n)

	// The same instance as a maximization, with rows allowed out and two
	// seats in every other column: still certified.
	q := *p
	q.Maximize = true
	q.Unassigned = make([]float64, n)
	q.Capacity = make([]int, n)
	for i := range q.Unassigned {
		q.Unassigned[i] = 500
		q.Capacity[i] = 2 * (i % 2)
	}
	a, err = s.Solve(context.Background(), &q)
	require.NoError(t, err)
	checkAssignment(t, &q, a)
}

func TestSparseMalformedPanics(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		sp   *Sparse
	}{
		{"columns out of order", &Sparse{Rows: 1, Cols: 3, Start: []int{0, 2}, Col: []int{2, 1}, Cost: []float64{1, 1}}},
		{"repeated column", &Sparse{Rows: 1, Cols: 3, Start: []int{0, 2}, Col: []int{1, 1}, Cost: []float64{1, 1}}},
		{"column out of range", &Sparse{Rows: 1, Cols: 2, Start: []int{0, 1}, Col: []int{2}, Cost: []float64{1}}},
		{"Start decreasing", &Sparse{Rows: 2, Cols: 2, Start: []int{0, 2, 1}, Col: []int{0}, Cost: []float64{1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Solver
			defer func() {
				msg, _ := recover().(string)
				assert.Contains(t, msg, "matching: malformed Sparse") // our message, not a runtime index error
			}()
			_, _ = s.Solve(context.Background(), &Problem{Candidates: tt.sp})
			t.Error("no panic")
		})
	}
}

// TestSparseBackward runs square problems (every row placed, one seat per
// column) with backward searches from the first forward search on, against
// the oracle, and a large one against its certificate and the forward-only
// optimum.
func TestSparseBackward(t *testing.T) {
	t.Parallel()
	n := 600 // seeded cases
	if testing.Short() {
		n = 100
	}
	var s Solver
	s.ws.sparse.backwardAt = 1
	infeasible := 0
	for seed := uint64(0); seed < uint64(n); seed++ {
		r := rand.New(rand.NewPCG(11, seed))
		f := sparseFamily{maxRows: 8, maxCols: 8, density: 0.3 + 0.5*r.Float64(), emptyRow: 0.02, cost: smallInt}
		if seed%3 == 0 {
			f.cost = uniformCost
		}
		p := randomSparse(r, f)
		sp := p.Candidates
		if sp.Rows != sp.Cols { // make it square: keep the first min rows and columns
			m := min(sp.Rows, sp.Cols)
			q := &Sparse{Rows: m, Cols: m, Start: make([]int, m+1)}
			for i := 0; i < m; i++ {
				for k := sp.Start[i]; k < sp.Start[i+1]; k++ {
					if sp.Col[k] < m {
						q.Col = append(q.Col, sp.Col[k])
						q.Cost = append(q.Cost, sp.Cost[k])
					}
				}
				q.Start[i+1] = len(q.Col)
			}
			p = &Problem{Candidates: q, Maximize: seed%5 == 0}
		}
		ok := t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
			if _, feasible := checkSolveAgainstOracle(t, &s, p); !feasible {
				infeasible++
			}
		})
		if !ok {
			t.Fatalf("seed %d:\n%s", seed, printProblem(p))
		}
	}
	t.Logf("%d infeasible cases of %d", infeasible, n)

	big := randomSquareSparse(rand.New(rand.NewPCG(2, 2)), 3000, 15, 1000)
	var fwd Solver
	fwd.ws.sparse.backwardAt = math.MaxInt // forward searches only
	want, err := fwd.Solve(context.Background(), big)
	require.NoError(t, err)
	checkAssignment(t, big, want)
	a, err := s.Solve(context.Background(), big)
	require.NoError(t, err)
	checkAssignment(t, big, a)
	assert.Equal(t, want.Cost, a.Cost)
	assert.LessOrEqual(t, s.stats.augmentations, 3000)
}

// TestSparseProgress checks that Progress is called sparingly, with
// non-decreasing counts, ending at (rows, rows).
func TestSparseProgress(t *testing.T) {
	t.Parallel()
	p := randomSquareSparse(rand.New(rand.NewPCG(4, 4)), 3000, 10, 1000)
	var calls [][2]int
	s := Solver{Progress: func(done, total int) { calls = append(calls, [2]int{done, total}) }}
	s.ws.sparse.backwardAt = 50 // through both kinds of search
	a, err := s.Solve(context.Background(), p)
	require.NoError(t, err)
	checkAssignment(t, p, a)
	require.NotEmpty(t, calls)
	assert.LessOrEqual(t, len(calls), 102)
	assert.Equal(t, [2]int{3000, 3000}, calls[len(calls)-1])
	for k := 1; k < len(calls); k++ {
		assert.LessOrEqual(t, calls[k-1][0], calls[k][0])
	}
}

// TestSparseDeterministic solves the same problems with a reused solver (in
// between other problems) and a fresh one: the assignments are identical.
func TestSparseDeterministic(t *testing.T) {
	t.Parallel()
	p := randomSquareSparse(rand.New(rand.NewPCG(3, 3)), 2000, 8, 20) // costs 1..20: many ties
	q := *p
	q.Unassigned = make([]float64, 2000)
	q.Capacity = make([]int, 2000)
	for i := range q.Unassigned {
		q.Unassigned[i] = 15
		q.Capacity[i] = i % 3
	}
	var reused Solver
	for _, prob := range []*Problem{p, &q} {
		var fresh Solver
		a, err := fresh.Solve(context.Background(), prob)
		require.NoError(t, err)
		checkAssignment(t, prob, a)
		for range 2 {
			b, err := reused.Solve(context.Background(), prob)
			require.NoError(t, err)
			require.Equal(t, a.RowToCol, b.RowToCol)
			require.Equal(t, a.U, b.U)
			require.Equal(t, a.V, b.V)
		}
	}
}

// TestSparseMoreRowsThanSeats covers the SciPy convention with more rows
// than seats at a size the oracle cannot reach: every seat is filled, the
// duals certify it, and the work stays within one search per row.
func TestSparseMoreRowsThanSeats(t *testing.T) {
	t.Parallel()
	rows, cols, k := 2000, 500, 10
	r := rand.New(rand.NewPCG(2000, 500))
	sp := &Sparse{Rows: rows, Cols: cols, Start: make([]int, rows+1)}
	for i := 0; i < rows; i++ {
		for j := 0; j < cols; j++ {
			if r.IntN(cols) < k {
				sp.Col = append(sp.Col, j)
				sp.Cost = append(sp.Cost, float64(r.IntN(100)))
			}
		}
		sp.Start[i+1] = len(sp.Col)
	}
	p := &Problem{Candidates: sp, Capacity: make([]int, cols)}
	for j := range p.Capacity {
		p.Capacity[j] = 1 + j%3 // 999 seats for 2000 rows
	}
	var s Solver
	a, err := s.Solve(context.Background(), p)
	require.NoError(t, err)
	checkAssignment(t, p, a)
	assert.LessOrEqual(t, s.stats.augmentations, rows)
}

// TestSparseMatchesDense runs every dense oracle-family case (dense_test.go)
// through the sparse path too, with full candidate lists and the forbidden
// cells left out: the sparse result must match bruteForce and the dense
// solver's objective.
func TestSparseMatchesDense(t *testing.T) {
	t.Parallel()
	n := 400 // seeded cases per family, as in TestDenseOracle
	if testing.Short() {
		n = 60
	}
	for fi, fam := range oracleFamilies() {
		t.Run(fam.name, func(t *testing.T) {
			t.Parallel()
			var s, d Solver
			for seed := range uint64(n) {
				rng := rand.New(rand.NewPCG(seed, uint64(fi)))
				p := fam.gen(rng)
				q := denseToSparse(p)
				ok := t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
					sa, feasible := checkSolveAgainstOracle(t, &s, q)
					da, err := d.Solve(context.Background(), p)
					if errors.Is(err, ErrUnsupported) {
						t.Skip("dense solver not available yet")
					}
					if !feasible {
						require.ErrorIs(t, err, ErrInfeasible)
						return
					}
					require.NoError(t, err)
					checkAssignment(t, p, da)
					assert.InDelta(t, da.Cost, sa.Cost, 1e-9*costScale(p), "dense and sparse optima")
				})
				if !ok {
					t.Fatalf("family %s seed %d:\n%s", fam.name, seed, printProblem(q))
				}
			}
		})
	}
}

// readAssignp reads an OR-Library sparse assignment file: n, then 1-based
// "i j cost" triples, grouped by row. Candidates come out in CSR form with
// columns ascending.
func readAssignp(t *testing.T, path string) *Sparse {
	t.Helper()
	toks := readTokens(t, path)
	require.NotEmpty(t, toks, path)
	n := atoi(t, path, toks[0])
	require.Zero(t, (len(toks)-1)%3, "%s: want triples", path)
	type arc struct {
		j int
		c float64
	}
	lists := make([][]arc, n)
	for k := 1; k < len(toks); k += 3 {
		i, j, c := atoi(t, path, toks[k]), atoi(t, path, toks[k+1]), atoi(t, path, toks[k+2])
		require.True(t, i >= 1 && i <= n && j >= 1 && j <= n, "%s: pair (%d, %d) out of range", path, i, j)
		lists[i-1] = append(lists[i-1], arc{j - 1, float64(c)})
	}
	sp := &Sparse{Rows: n, Cols: n, Start: make([]int, n+1)}
	for i, l := range lists {
		slices.SortFunc(l, func(a, b arc) int { return a.j - b.j })
		for _, a := range l {
			sp.Col = append(sp.Col, a.j)
			sp.Cost = append(sp.Cost, a.c)
		}
		sp.Start[i+1] = len(sp.Col)
	}
	return sp
}

// TestSparseORLibrary solves the OR-Library assignp instances through the
// sparse path and compares with the published optima (assignopt.txt).
func TestSparseORLibrary(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(*dataDir, "orlib_assign")
	if _, err := os.Stat(filepath.Join(dir, "assignopt.txt")); err != nil {
		t.Skipf("OR-Library instances not found in %s (set -datadir): %v", dir, err)
	}
	// Optima from assignopt.txt (minimisation).
	want := map[string]float64{"assignp800": 2239, "assignp1500": 5839, "assignp3000": 18696, "assignp5000": 48533}
	for _, name := range []string{"assignp800", "assignp1500", "assignp3000", "assignp5000"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p := &Problem{Candidates: readAssignp(t, filepath.Join(dir, name+".txt"))}
			var s Solver
			a, err := s.Solve(context.Background(), p)
			require.NoError(t, err)
			checkAssignment(t, p, a)
			assert.Equal(t, want[name], a.Cost)
		})
	}
}

// TestSparseTallColumnReduction: with more rows than seats and every
// column to fill, column reduction seats each column's cheapest row at
// once: when those rows are distinct, no search is needed, and the
// optimum is the sum of the column minima.
func TestSparseTallColumnReduction(t *testing.T) {
	const rows, cols = 40, 10
	sp := &Sparse{Rows: rows, Cols: cols, Start: make([]int, rows+1)}
	want := 0.0
	for i := range rows {
		for j := range cols {
			c := float64(100 + (i*7+j*13)%50)
			if i == 3*j+1 { // column j's cheapest row, distinct per column
				c = float64(j)
				want += c
			}
			sp.Col = append(sp.Col, j)
			sp.Cost = append(sp.Cost, c)
		}
		sp.Start[i+1] = len(sp.Col)
	}
	var s Solver
	p := &Problem{Candidates: sp}
	a, err := s.Solve(context.Background(), p)
	require.NoError(t, err)
	require.NoError(t, Certify(p, &a, 0))
	assert.Equal(t, want, a.Cost)
	assert.Zero(t, s.stats.augmentations, "every column's cheapest row seated by the initialization")
}
