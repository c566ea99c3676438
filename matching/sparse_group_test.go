package matching

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// classedSparse draws a problem of the shape scenarios build, with the
// structure the groups of sparse_group.go exploit: each row and column has
// a type, a row lists the columns of the types its type allows, and its
// cost depends on the two types only, except for the row's own column (a
// bonus for staying, for a quarter of the rows), the columns of its wished
// unit (a smaller bonus, another quarter) and a few forbidden pairs (a tenth). Columns have several seats, most rows may stay out
// at no cost and a few must be placed.
func classedSparse(r *rand.Rand, rows, cols, types int, maximize bool) *Problem {
	rowType := make([]int, rows)
	colType := make([]int, cols)
	for i := range rowType {
		rowType[i] = r.IntN(types)
	}
	for j := range colType {
		colType[j] = r.IntN(types)
	}
	allowed := make([][]bool, types)
	base := make([][]float64, types)
	for a := range allowed {
		allowed[a] = make([]bool, types)
		base[a] = make([]float64, types)
		for b := range allowed[a] {
			allowed[a][b] = a == b || r.IntN(3) == 0
			base[a][b] = -float64(100 + 10*r.IntN(4))
		}
	}
	units := max(1, cols/4)
	sp := &Sparse{Rows: rows, Cols: cols, Start: make([]int, rows+1)}
	p := &Problem{Candidates: sp, Maximize: maximize, Capacity: make([]int, cols), Unassigned: make([]float64, rows)}
	for i := 0; i < rows; i++ {
		own, wish := -1, -1 // most rows are newcomers without a wish
		if r.IntN(4) == 0 {
			own = r.IntN(cols)
		}
		banned := r.IntN(10) == 0 // a few of its pairs forbidden
		if r.IntN(4) == 0 {
			wish = r.IntN(units)
		}
		for j := 0; j < cols; j++ {
			if !allowed[rowType[i]][colType[j]] && j != own {
				continue
			}
			c := base[rowType[i]][colType[j]]
			switch {
			case j == own:
				c -= 15
			case j%units == wish:
				c -= 5
			case banned && r.IntN(60) == 0:
				c = math.Inf(1)
			}
			if maximize {
				c = -c
			}
			sp.Col = append(sp.Col, j)
			sp.Cost = append(sp.Cost, c)
		}
		sp.Start[i+1] = len(sp.Col)
		if r.IntN(25) == 0 {
			p.Unassigned[i] = math.Inf(1) // must be placed
			if maximize {
				p.Unassigned[i] = math.Inf(-1)
			}
		}
	}
	for j := range p.Capacity {
		p.Capacity[j] = 1 + r.IntN(4)
		if r.IntN(10) == 0 {
			p.Capacity[j] = 0
		}
	}
	return p
}

// TestSparseGroupOracle checks the grouped scans (sparse_group.go) on
// small problems against the brute-force oracle, and against full scans:
// the offers and the ordered columns skip only options that could not
// change a label, so the assignment and both potentials are identical.
func TestSparseGroupOracle(t *testing.T) {
	t.Parallel()
	n := 400 // cases per shape
	if testing.Short() {
		n = 60
	}
	grouped, skipped := 0, 0
	s := Solver{allGroup: true}
	gen := func(r *rand.Rand, maximize bool) *Problem {
		rows, cols := 1+r.IntN(8), 1+r.IntN(5)
		return classedSparse(r, rows, cols, 1+r.IntN(3), maximize)
	}
	scanOracle(t, n, &s, 78, gen, func() {
		if s.ws.sparse.grouped {
			grouped++
		}
		skipped += s.stats.offerSkips
	})
	assert.Greater(t, grouped, n, "the grouped path was not taken")
	assert.Positive(t, skipped, "no group was ever skipped by an offer")
}

// TestSparseGroupLarge solves a classed problem of 3,000 rows and 600
// columns by groups (chosen on its own: the rows' classes are far fewer
// than their candidates) and by full scans: the same certified assignment
// and duals from the same rows scanned, with group scans saved by offers
// and groups sorted again as potentials fall.
func TestSparseGroupLarge(t *testing.T) {
	t.Parallel()
	rows, cols := 3000, 600
	if testing.Short() {
		rows, cols = 1000, 200
	}
	for _, maximize := range []bool{false, true} {
		p := classedSparse(rand.New(rand.NewPCG(3000, 601)), rows, cols, 6, maximize)
		var s Solver
		sameAsFullScans(t, &s, p)
		require.True(t, s.ws.sparse.grouped, "grouping not chosen")
		g := &s.ws.sparse.groups
		assert.Positive(t, s.stats.offerSkips, "group scans saved by offers")
		assert.Positive(t, g.resorts, "groups sorted again")
		assert.Less(t, 2*(len(g.gStart)-1), len(g.group), "groups shared between rows")
	}
}

// TestSparseGroupFallback checks that rows with many distinct costs keep
// the split lists: staffingSparse lists random columns, so its classes are
// rarely shared, and wide random costs give every option a class of its
// own.
func TestSparseGroupFallback(t *testing.T) {
	t.Parallel()
	p := staffingSparse(rand.New(rand.NewPCG(5, 5)), 400, 300, 100, 200, false)
	var s Solver
	_, err := s.Solve(context.Background(), p)
	require.NoError(t, err)
	assert.False(t, s.ws.sparse.grouped)
	assert.True(t, s.ws.sparse.prune)
}

// TestFlowGroupOracle checks the network's scans by pairs (flow_sap.go,
// scanPairs) on small classed problems with groups, fixed pairs, random
// side constraints and move budgets (whose penalty is the same on every
// pair but staying): against the brute-force optimum, and against the same
// solve scanning every edge, with identical plans, costs and bounds.
func TestFlowGroupOracle(t *testing.T) {
	t.Parallel()
	n := 600
	if testing.Short() {
		n = 120
	}
	var g, full Solver // reused across cases on purpose
	g.allGroup = true
	full.noGroups = true
	solved, skips := 0, 0
	for seed := uint64(0); seed < uint64(n); seed++ {
		rng := rand.New(rand.NewPCG(seed, 79))
		rows, cols := 1+rng.IntN(6), 1+rng.IntN(5)
		p := classedSparse(rng, rows, cols, 1+rng.IntN(3), seed%2 == 0)
		switch seed % 5 {
		case 0:
			randGroups(rng, p)
		case 1:
			randFix(rng, p)
		case 2:
			randSide(rng, p)
		default:
			stay := make([]int, rows)
			for i := range stay {
				stay[i] = rng.IntN(cols)
			}
			p.Side = []Side{moveBudget(rows, cols, stay, rng.IntN(rows+1))}
			if seed%5 == 4 {
				randGroups(rng, p)
			}
		}
		ctx := context.Background()
		a, errA := g.Solve(ctx, p)
		skips += g.stats.offerSkips
		b, errB := full.Solve(ctx, p)
		if errB != nil {
			require.Error(t, errA, "seed %d\n%s", seed, describe(p))
			require.Equal(t, errB.Error(), errA.Error(), "seed %d", seed)
			continue
		}
		require.NoError(t, errA, "seed %d\n%s", seed, describe(p))
		solved++
		require.Equal(t, b.RowToCol, a.RowToCol, "seed %d\n%s", seed, describe(p))
		require.Equal(t, b.Cost, a.Cost, "seed %d", seed)
		require.Equal(t, b.Bound, a.Bound, "seed %d", seed)
		want, ok := bruteOptimum(p)
		require.True(t, ok, "seed %d", seed)
		require.Equal(t, want, a.Cost, "seed %d\n%s", seed, describe(p))
	}
	assert.Greater(t, solved, n/3, "too few feasible cases")
	assert.Positive(t, skips, "no pair of the network was ever skipped by an offer")
}

// TestFlowGroupLarge solves a classed problem of 1,000 rows and 200
// columns under a move budget (a tenth of the rows) by pairs and by edges,
// at a small node limit: the same plan, cost and bound, with pair scans
// saved by offers.
func TestFlowGroupLarge(t *testing.T) {
	t.Parallel()
	rows, cols := 1000, 200
	rng := rand.New(rand.NewPCG(1000, 200))
	p := classedSparse(rng, rows, cols, 5, false)
	stay := make([]int, rows)
	for i := range stay {
		stay[i] = rng.IntN(cols)
	}
	p.Side = []Side{moveBudget(rows, cols, stay, rows/10)}
	g, full := Solver{MaxNodes: 5}, Solver{MaxNodes: 5, noGroups: true}
	ctx := context.Background()
	a, err := g.Solve(ctx, p)
	require.NoError(t, err)
	assert.Positive(t, g.stats.offerSkips, "pair scans saved by offers")
	b, err := full.Solve(ctx, p)
	require.NoError(t, err)
	assert.Equal(t, b.RowToCol, a.RowToCol)
	assert.Equal(t, b.Cost, a.Cost)
	assert.Equal(t, b.Bound, a.Bound)
}
