package matching

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

// checkFlowCertificate rebuilds the network of flow.go from p and a alone
// (the flow on every arc follows from RowToCol) and checks, with the
// reported potentials, the optimality conditions of a min-cost flow with
// bounds: every arc's flow lies within its bounds, an arc below its upper
// bound has a non-negative reduced cost c + π(u) − π(v), and an arc above
// its lower bound a non-positive one (no residual arc of negative reduced
// cost).
func checkFlowCertificate(t *testing.T, p *Problem, a Assignment, d *flowDuals) {
	t.Helper()
	rows, cols := p.dims()
	fixed := map[int]int{}
	for _, q := range p.Fix {
		fixed[q.Row] = q.Col
	}
	// The laminar tree, found by brute force: a group's parent is the
	// smallest group containing it (equal sets: the higher index is outer),
	// a column's group the smallest group holding it.
	sets := make([]map[int]bool, len(p.Groups))
	for g, gr := range p.Groups {
		sets[g] = map[int]bool{}
		for _, j := range gr.Cols {
			sets[g][j] = true
		}
	}
	outer := func(h, g int) bool { // h is strictly above g in the order
		return len(sets[h]) > len(sets[g]) || (len(sets[h]) == len(sets[g]) && h > g)
	}
	smallest := func(ok func(h int) bool) int {
		best := -1
		for h := range sets {
			if ok(h) && (best < 0 || outer(best, h)) {
				best = h
			}
		}
		return best
	}
	parent := make([]int, len(p.Groups))
	for g := range parent {
		parent[g] = smallest(func(h int) bool {
			if h == g || !outer(h, g) {
				return false
			}
			for j := range sets[g] {
				if !sets[h][j] {
					return false
				}
			}
			return true
		})
	}
	gof := make([]int, cols)
	for j := range gof {
		gof[j] = smallest(func(h int) bool { return sets[h][j] })
	}
	scale := 1.0
	eachPair(p, func(i, j int, c float64) error { //nolint:errcheck // never fails
		if cm, ok := p.minCost(c); ok {
			scale = math.Max(scale, math.Abs(cm))
		}
		return nil
	})
	eps := 1e-9 * scale
	arc := func(name string, lo, hi, flow int, c, pu, pv float64) {
		t.Helper()
		require.GreaterOrEqual(t, flow, lo, "%s: flow below lower bound", name)
		require.LessOrEqual(t, flow, hi, "%s: flow above upper bound", name)
		rc := c + pu - pv
		if flow < hi {
			require.GreaterOrEqual(t, rc, -eps, "%s: forward residual arc with negative reduced cost", name)
		}
		if flow > lo {
			require.LessOrEqual(t, rc, eps, "%s: backward residual arc with negative reduced cost", name)
		}
	}
	load := make([]int, cols)
	for i := 0; i < rows; i++ {
		x := a.RowToCol[i]
		if p.Unassigned == nil {
			arc("s→row", 0, 1, b2i(x >= 0), 0, d.Source, d.Row[i])
		}
		if fj, ok := fixed[i]; ok {
			require.Equal(t, fj, x, "fixed row %d", i)
			load[x]++
			continue
		}
		visitRow(p, i, func(j int, c float64) {
			if cm, ok := p.minCost(c); ok {
				arc("row→col", 0, 1, b2i(x == j), cm, d.Row[i], d.Col[j])
			}
		})
		if p.Unassigned != nil {
			if cm, ok := p.minCost(p.Unassigned[i]); ok {
				arc("row→t", 0, 1, b2i(x < 0), cm, d.Row[i], d.Sink)
			} else {
				require.GreaterOrEqual(t, x, 0, "row %d must be placed", i)
			}
		}
		if x >= 0 {
			load[x]++
		}
	}
	gload := make([]int, len(p.Groups))
	for j := 0; j < cols; j++ {
		head := d.Sink
		if gof[j] >= 0 {
			head = d.Group[gof[j]]
		}
		arc("col→group", 0, p.seats(j), load[j], 0, d.Col[j], head)
		for g := range sets {
			if sets[g][j] {
				gload[g] += load[j] // flow out of g: every row placed inside it
			}
		}
	}
	for g, gr := range p.Groups {
		head := d.Sink
		if parent[g] >= 0 {
			head = d.Group[parent[g]]
		}
		arc("group→parent", gr.Min, gr.Max, gload[g], 0, d.Group[g], head)
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestFlowOracle(t *testing.T) {
	t.Parallel()
	n := 400 // seeded cases per family
	if testing.Short() {
		n = 80
	}
	families := []struct {
		name        string
		groups, fix bool
	}{
		{"groups", true, false},
		{"fix", false, true},
		{"groups+fix", true, true},
	}
	for _, fam := range families {
		t.Run(fam.name, func(t *testing.T) {
			t.Parallel()
			var s Solver
			feasible := 0
			for seed := uint64(0); seed < uint64(n); seed++ {
				rng := rand.New(rand.NewPCG(seed, 6))
				p := randSmall(rng, 6, 5, seed%3 == 0)
				if fam.groups {
					randGroups(rng, p)
				}
				if fam.fix {
					randFix(rng, p)
				}
				want, ok := bruteOptimum(p)
				a, d, err := s.solveFlowDuals(context.Background(), p)
				if !ok {
					var ie *InfeasibleError
					require.ErrorAs(t, err, &ie, "seed %d\n%s", seed, describe(p))
					continue
				}
				feasible++
				require.NoError(t, err, "seed %d\n%s", seed, describe(p))
				checkFeasible(t, p, a)
				require.Equal(t, want, a.Cost, "seed %d\n%s\ngot %v", seed, describe(p), a.RowToCol)
				require.Equal(t, a.Cost, a.Bound)
				checkFlowCertificate(t, p, a, d)
			}
			assert.Greater(t, feasible, n/4, "too few feasible cases to mean anything")
		})
	}
}

// TestFlowSlackGroupsEqualDense is the cross-implementation rule: groups
// that never bind give the plain optimum.
func TestFlowSlackGroupsEqualDense(t *testing.T) {
	t.Parallel()
	var s, ref Solver
	for seed := uint64(0); seed < 200; seed++ {
		rng := rand.New(rand.NewPCG(seed, 7))
		r, c := 1+rng.IntN(30), 1+rng.IntN(30)
		data := make([]float64, r*c)
		for k := range data {
			data[k] = float64(rng.IntN(1000))
		}
		p := &Problem{Cost: mat.NewDense(r, c, data)}
		if seed%2 == 0 {
			p.Unassigned = make([]float64, r)
			for i := range p.Unassigned {
				p.Unassigned[i] = float64(rng.IntN(1000))
			}
		}
		want, err := ref.Solve(context.Background(), p)
		require.NoError(t, err)
		for j := 0; j < c; j += 3 {
			p.Groups = append(p.Groups, Group{Cols: []int{j, min(j+1, c-1), min(j+2, c-1)}, Min: 0, Max: r})
		}
		a, d, err := s.solveFlowDuals(context.Background(), p)
		require.NoError(t, err)
		require.Equal(t, want.Cost, a.Cost, "seed %d", seed)
		checkFeasible(t, p, a)
		checkFlowCertificate(t, p, a, d)
	}
}

func TestFlowErrors(t *testing.T) {
	t.Parallel()
	cost := mat.NewDense(3, 3, []float64{
		1, 2, 3,
		2, 4, 6,
		3, 6, 9,
	})
	inf := math.Inf(1)
	tests := []struct {
		name       string
		p          Problem
		wantErr    error
		wantGroups []int
	}{
		{"overlapping groups", Problem{Cost: cost, Groups: []Group{{Cols: []int{0, 1}, Max: 3}, {Cols: []int{1, 2}, Max: 3}}}, ErrUnsupported, nil},
		// Nested: the unit {0, 1, 2} takes at most 2 rows, its doctor
		// seat {1} at least 1; three rows must be placed.
		{"nested cap", Problem{Cost: cost, Groups: []Group{{Cols: []int{1}, Min: 1, Max: 1}, {Cols: []int{0, 1, 2}, Max: 2}}}, ErrInfeasible, []int{1}},
		// Columns 0 and 1 need 3 rows between them, but 3 rows must fill
		// all three columns: column 2 can take nobody.
		{"floor too high", Problem{Cost: cost, Groups: []Group{{Cols: []int{0, 1}, Min: 3, Max: 3}}}, ErrInfeasible, []int{0}},
		// Three rows must be placed but group 1 (all columns) caps at 2.
		{"cap too low", Problem{Cost: cost, Groups: []Group{{Cols: []int{0, 1, 2}, Max: 2}}}, ErrInfeasible, []int{0}},
		{"min above max", Problem{Cost: cost, Groups: []Group{{Cols: []int{0}, Min: 2, Max: 1}}}, ErrInfeasible, []int{0}},
		{"fixed forbidden pair", Problem{Cost: mat.NewDense(1, 2, []float64{inf, 1}), Fix: []Pair{{0, 0}}}, ErrInfeasible, nil},
		{"two fixes in one seat", Problem{Cost: cost, Fix: []Pair{{0, 1}, {2, 1}}}, ErrInfeasible, nil},
		{"fix against a cap", Problem{Cost: cost, Fix: []Pair{{0, 1}, {2, 2}}, Groups: []Group{{Cols: []int{1, 2}, Max: 1}}}, ErrInfeasible, []int{0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var s Solver
			_, err := s.solveFlow(context.Background(), &tt.p)
			require.ErrorIs(t, err, tt.wantErr)
			if tt.wantGroups != nil {
				var ie *InfeasibleError
				require.True(t, errors.As(err, &ie))
				assert.Equal(t, tt.wantGroups, ie.Groups)
			}
		})
	}
}

// TestFlowHandExample checks a case worked by hand: unit 0 (columns 0
// and 1) must take exactly two rows and unit 1 (column 2) none, although
// column 2 is everybody's cheapest.
func TestFlowHandExample(t *testing.T) {
	t.Parallel()
	p := &Problem{
		Cost: mat.NewDense(3, 3, []float64{
			5, 9, 1,
			9, 5, 1,
			1, 1, 1,
		}),
		Unassigned: []float64{4, 4, 4},
		Groups:     []Group{{Cols: []int{0, 1}, Min: 2, Max: 2}, {Cols: []int{2}, Min: 0, Max: 0}},
	}
	var s Solver
	a, d, err := s.solveFlowDuals(context.Background(), p)
	require.NoError(t, err)
	// Two of the rows go to columns 0 and 1, the third stays out (4).
	// Best: row 2 to one of {0,1} (1) and row 0→0 (5) or row 1→1 (5), the
	// last out (4): 1 + 5 + 4 = 10.
	assert.Equal(t, 10.0, a.Cost)
	checkFeasible(t, p, a)
	checkFlowCertificate(t, p, a, d)
}

// BenchmarkFlowGroups solves a 300×300 problem whose every other block of
// ten columns (a unit) is capped at nine rows, so that the plain optimum
// breaks about 15 caps and the flow repairs them.
func BenchmarkFlowGroups(b *testing.B) {
	const n = 300
	rng := rand.New(rand.NewPCG(1, 2))
	data := make([]float64, n*n)
	for k := range data {
		data[k] = float64(rng.IntN(1_000_000))
	}
	p := &Problem{Cost: mat.NewDense(n, n, data), Unassigned: make([]float64, n)}
	for i := range p.Unassigned {
		p.Unassigned[i] = 900_000
	}
	for j := 0; j+10 <= n; j += 10 {
		g := Group{Cols: []int{j, j + 1, j + 2, j + 3, j + 4, j + 5, j + 6, j + 7, j + 8, j + 9}, Max: 10}
		if (j/10)%2 == 0 {
			g.Max = 9
		}
		p.Groups = append(p.Groups, g)
	}
	var s Solver
	for b.Loop() {
		if _, err := s.solveFlow(context.Background(), p); err != nil {
			b.Fatal(err)
		}
	}
}
