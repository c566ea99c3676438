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

// lagrangianBrute recomputes L(λ) for p's side constraints by enumeration,
// independently of the solver: the minimum over assignments satisfying
// everything but Side of Σ (c' + Σ_k λ_k·a_k)·x − Σ_k λ_k·Limit_k, in
// minimization form. It returns +Inf when no such assignment exists.
func lagrangianBrute(p *Problem, lambda []float64) float64 {
	rows, cols := p.dims()
	data := make([]float64, rows*cols)
	for i := 0; i < rows; i++ {
		for j := 0; j < cols; j++ {
			c, listed := pairCost(p, i, j)
			cm, ok := p.minCost(c)
			if !listed || !ok {
				data[i*cols+j] = math.Inf(1)
				continue
			}
			data[i*cols+j] = cm
		}
	}
	shift := 0.0
	for k, sd := range p.Side {
		for _, t := range sd.Terms {
			if !math.IsInf(data[t.Row*cols+t.Col], 1) {
				data[t.Row*cols+t.Col] += lambda[k] * t.Coef
			}
		}
		shift += lambda[k] * sd.Limit
	}
	q := &Problem{Cost: mat.NewDense(rows, cols, data), Capacity: p.Capacity, Fix: p.Fix, Groups: p.Groups}
	if p.Unassigned != nil {
		q.Unassigned = make([]float64, rows)
		for i, c := range p.Unassigned {
			cm, ok := p.minCost(c)
			if !ok {
				cm = math.Inf(1)
			}
			q.Unassigned[i] = cm
		}
	}
	v := bruteForceAll(q)
	if len(v) == 0 {
		return math.Inf(1)
	}
	return v[0] - shift
}

// checkConstrainedCertificate checks the certificate of §7: a is feasible
// and L(Multipliers) ≤ Bound ≤ Cost in minimization form, with L
// recomputed by enumeration.
func checkConstrainedCertificate(t *testing.T, p *Problem, a Assignment) {
	t.Helper()
	checkFeasible(t, p, a)
	require.Len(t, a.Multipliers, len(p.Side))
	for _, l := range a.Multipliers {
		require.GreaterOrEqual(t, l, 0.0)
	}
	sign := 1.0
	if p.Maximize {
		sign = -1
	}
	cost, bound := sign*a.Cost, sign*a.Bound
	l := lagrangianBrute(p, a.Multipliers)
	eps := 1e-6 * math.Max(1, math.Abs(cost))
	require.LessOrEqual(t, l, bound+eps, "L(Multipliers) ≤ Bound")
	require.LessOrEqual(t, bound, cost+eps, "Bound ≤ Cost")
}

func TestConstrainedOracle(t *testing.T) {
	t.Parallel()
	n := 300 // seeded cases per family
	if testing.Short() {
		n = 60
	}
	families := []struct {
		name        string
		groups, fix bool
	}{
		{"side", false, false},
		{"side+groups", true, false},
		{"side+fix", false, true},
		{"side+groups+fix", true, true},
	}
	for _, fam := range families {
		t.Run(fam.name, func(t *testing.T) {
			t.Parallel()
			var s Solver
			feasible, binding := 0, 0
			for seed := uint64(0); seed < uint64(n); seed++ {
				rng := rand.New(rand.NewPCG(seed, 8))
				p := randSmall(rng, 5, 5, seed%3 == 0)
				if fam.groups {
					randGroups(rng, p)
				}
				if fam.fix {
					randFix(rng, p)
				}
				randSide(rng, p)
				want, ok := bruteOptimum(p)
				a, err := s.solveConstrained(context.Background(), p)
				if !ok {
					require.ErrorIs(t, err, ErrInfeasible, "seed %d\n%s", seed, describe(p))
					continue
				}
				feasible++
				require.NoError(t, err, "seed %d\n%s", seed, describe(p))
				require.Equal(t, want, a.Cost, "seed %d\n%s\ngot %v", seed, describe(p), a.RowToCol)
				require.Equal(t, a.Cost, a.Bound)
				checkConstrainedCertificate(t, p, a)
				q := *p
				q.Side = nil
				if free, _ := bruteOptimum(&q); free != want {
					binding++
				}
			}
			assert.Greater(t, feasible, n/10, "too few feasible cases")
			assert.Greater(t, binding, n/50, "too few cases where a side constraint binds")
		})
	}
}

// TestConstrainedSlackEqualsDense is the cross-implementation rule: side
// constraints that never bind give the plain optimum.
func TestConstrainedSlackEqualsDense(t *testing.T) {
	t.Parallel()
	var s, ref Solver
	for seed := uint64(0); seed < 50; seed++ {
		rng := rand.New(rand.NewPCG(seed, 9))
		r, c := 1+rng.IntN(25), 1+rng.IntN(25)
		data := make([]float64, r*c)
		for k := range data {
			data[k] = float64(rng.IntN(1000))
		}
		p := &Problem{Cost: mat.NewDense(r, c, data)}
		want, err := ref.Solve(context.Background(), p)
		require.NoError(t, err)
		sd := Side{Name: "slack", Limit: float64(r)} // at most r pairs are ever assigned
		for i := 0; i < r; i++ {
			for j := 0; j < c; j++ {
				sd.Terms = append(sd.Terms, Term{Row: i, Col: j, Coef: 1})
			}
		}
		p.Side = []Side{sd}
		a, nodes, err := s.solveConstrainedNodes(context.Background(), p)
		require.NoError(t, err)
		assert.Equal(t, want.Cost, a.Cost, "seed %d", seed)
		assert.Equal(t, a.Cost, a.Bound)
		assert.Equal(t, 1, nodes, "slack constraints close the root")
		checkFeasible(t, p, a)
	}
}

// moveBudget returns the side constraint "at most k rows away from their
// stay column" (coefficient 1 on every non-stay pair).
func moveBudget(rows, cols int, stay []int, k int) Side {
	sd := Side{Name: "max-moves", Limit: float64(k)}
	for i := 0; i < rows; i++ {
		for j := 0; j < cols; j++ {
			if j != stay[i] {
				sd.Terms = append(sd.Terms, Term{Row: i, Col: j, Coef: 1})
			}
		}
	}
	return sd
}

func TestConstrainedMoveBudget(t *testing.T) {
	t.Parallel()
	var s Solver
	for seed := uint64(0); seed < 100; seed++ {
		rng := rand.New(rand.NewPCG(seed, 10))
		n := 2 + rng.IntN(5)
		data := make([]float64, n*n)
		for k := range data {
			data[k] = float64(rng.IntN(20))
		}
		stay := rng.Perm(n)
		p := &Problem{Cost: mat.NewDense(n, n, data), Maximize: seed%2 == 0}
		p.Side = []Side{moveBudget(n, n, stay, rng.IntN(n))}
		want, ok := bruteOptimum(p)
		require.True(t, ok) // staying put is always feasible
		a, err := s.solveConstrained(context.Background(), p)
		require.NoError(t, err)
		require.Equal(t, want, a.Cost, "seed %d\n%s", seed, describe(p))
		checkConstrainedCertificate(t, p, a)
	}
}

// TestConstrainedNodeLimit: with MaxNodes 1 the result is a feasible plan
// (or the node-limit error), its Bound never above the optimum, and never
// an error pretending infeasibility.
func TestConstrainedNodeLimit(t *testing.T) {
	t.Parallel()
	s := Solver{MaxNodes: 1}
	gaps := 0
	for seed := uint64(0); seed < 200; seed++ {
		rng := rand.New(rand.NewPCG(seed, 11))
		p := randSmall(rng, 5, 5, false)
		randSide(rng, p)
		want, ok := bruteOptimum(p)
		a, err := s.solveConstrained(context.Background(), p)
		if errors.Is(err, ErrNodeLimit) {
			continue
		}
		if !ok {
			require.ErrorIs(t, err, ErrInfeasible)
			continue
		}
		require.NoError(t, err)
		checkConstrainedCertificate(t, p, a)
		sign := 1.0
		if p.Maximize {
			sign = -1
		}
		require.LessOrEqual(t, sign*a.Bound, sign*want+1e-9, "seed %d: bound above the optimum", seed)
		require.GreaterOrEqual(t, sign*a.Cost, sign*want-1e-9)
		if a.Bound != a.Cost {
			gaps++
		}
	}
	assert.Positive(t, gaps, "one node should leave some gaps open")
}

func TestConstrainedInfeasibleNamesSide(t *testing.T) {
	t.Parallel()
	// Both rows must be placed, every pair costs 1 unit of "budget", and
	// the budget is 1.
	p := &Problem{
		Cost: mat.NewDense(2, 2, []float64{1, 2, 3, 4}),
		Side: []Side{
			{Name: "loose", Terms: []Term{{0, 0, 1}}, Limit: 5},
			{Name: "budget", Terms: []Term{{0, 0, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}}, Limit: 1},
		},
	}
	var s Solver
	_, err := s.solveConstrained(context.Background(), p)
	var ie *InfeasibleError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, []string{"budget"}, ie.Side)
}

// randGAP returns a small generalized assignment problem: every row placed
// (seats never bind), one knapsack constraint per column with integer
// weights, sometimes forbidden pairs or a fixed pair.
func randGAP(rng *rand.Rand) *Problem {
	r, c := 1+rng.IntN(6), 1+rng.IntN(3)
	data := make([]float64, r*c)
	for k := range data {
		data[k] = float64(5 + rng.IntN(20))
		if rng.IntN(8) == 0 {
			data[k] = math.Inf(1)
		}
	}
	p := &Problem{Cost: mat.NewDense(r, c, data), Maximize: rng.IntN(2) == 0, Capacity: make([]int, c)}
	if p.Maximize {
		for k := range data {
			if math.IsInf(data[k], 1) {
				data[k] = math.Inf(-1)
			}
		}
	}
	for j := range p.Capacity {
		p.Capacity[j] = r
		sd := Side{Name: "agent", Limit: float64(rng.IntN(4 * r))}
		for i := 0; i < r; i++ {
			sd.Terms = append(sd.Terms, Term{Row: i, Col: j, Coef: float64(1 + rng.IntN(6))})
		}
		p.Side = append(p.Side, sd)
	}
	if rng.IntN(2) == 0 {
		p.Unassigned = make([]float64, r)
		for i := range p.Unassigned {
			p.Unassigned[i] = math.Inf(1)
			if p.Maximize {
				p.Unassigned[i] = math.Inf(-1)
			}
		}
	}
	if rng.IntN(4) == 0 {
		p.Fix = []Pair{{rng.IntN(r), rng.IntN(c)}}
	}
	return p
}

func TestGAPShapeOracle(t *testing.T) {
	t.Parallel()
	n := 400 // seeded cases
	if testing.Short() {
		n = 100
	}
	for _, maxNodes := range []int{0, 1} {
		s := Solver{MaxNodes: maxNodes}
		feasible := 0
		for seed := uint64(0); seed < uint64(n); seed++ {
			rng := rand.New(rand.NewPCG(seed, 14))
			p := randGAP(rng)
			cp, err := newConProblem(&s, p)
			require.NoError(t, err)
			require.NotNil(t, gapShape(cp), "seed %d: not seen as a GAP\n%s", seed, describe(p))
			want, ok := bruteOptimum(p)
			a, err := s.solveConstrained(context.Background(), p)
			if maxNodes == 1 && errors.Is(err, ErrNodeLimit) {
				continue
			}
			if !ok {
				require.ErrorIs(t, err, ErrInfeasible, "seed %d\n%s", seed, describe(p))
				continue
			}
			feasible++
			require.NoError(t, err, "seed %d\n%s", seed, describe(p))
			checkConstrainedCertificate(t, p, a)
			if maxNodes == 0 {
				require.Equal(t, want, a.Cost, "seed %d\n%s\ngot %v", seed, describe(p), a.RowToCol)
				require.Equal(t, a.Cost, a.Bound)
			} else {
				sign := 1.0
				if p.Maximize {
					sign = -1
				}
				require.LessOrEqual(t, sign*a.Bound, sign*want+1e-9, "seed %d: bound above the optimum", seed)
			}
		}
		assert.Greater(t, feasible, n/5)
	}
}

func TestConstrainedCancelled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p := &Problem{Cost: mat.NewDense(2, 2, []float64{1, 2, 3, 4}), Side: []Side{{Name: "s", Terms: []Term{{0, 0, 1}}, Limit: 0}}}
	var s Solver
	_, err := s.solveConstrained(ctx, p)
	require.ErrorIs(t, err, context.Canceled)
	p.Side = nil
	p.Groups = []Group{{Cols: []int{0}, Min: 0, Max: 1}}
	_, err = s.solveFlow(ctx, p)
	require.ErrorIs(t, err, context.Canceled)
	_, err = s.KBest(ctx, p, 2)
	require.ErrorIs(t, err, context.Canceled)
}

// BenchmarkMoveBudget solves a 100×100 problem with a move budget of half
// the moves of the plain optimum.
func BenchmarkMoveBudget(b *testing.B) {
	const n = 100
	rng := rand.New(rand.NewPCG(3, 4))
	data := make([]float64, n*n)
	for k := range data {
		data[k] = float64(rng.IntN(1000))
	}
	stay := rng.Perm(n)
	for i := 0; i < n; i++ {
		data[i*n+stay[i]] = float64(rng.IntN(300)) // staying is fairly cheap
	}
	p := &Problem{Cost: mat.NewDense(n, n, data)}
	var s Solver
	a, err := s.Solve(context.Background(), p)
	require.NoError(b, err)
	moves := 0
	for i, j := range a.RowToCol {
		if j != stay[i] {
			moves++
		}
	}
	p.Side = []Side{moveBudget(n, n, stay, moves/2)}
	for b.Loop() {
		if _, err := s.solveConstrained(context.Background(), p); err != nil {
			b.Fatal(err)
		}
	}
}

// TestConstrainedConflictPair: two side constraints that only conflict
// together are both named, and the irrelevant ones are left out; a
// conflict of groups alone is reported as such.
func TestConstrainedConflictPair(t *testing.T) {
	t.Parallel()
	p := &Problem{
		Cost: mat.NewDense(2, 2, []float64{1, 2, 3, 4}),
		Side: []Side{
			{Name: "loose", Terms: []Term{{0, 1, 1}}, Limit: 5},
			{Name: "not-0-0", Terms: []Term{{0, 0, 1}}, Limit: 0}, // forces 0→1, 1→0
			{Name: "not-1-0", Terms: []Term{{1, 0, 1}}, Limit: 0}, // forbids 1→0
			{Name: "also-loose", Terms: []Term{{1, 1, 2}}, Limit: 2},
		},
	}
	var s Solver
	_, err := s.solveConstrained(context.Background(), p)
	var ie *InfeasibleError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, []string{"not-0-0", "not-1-0"}, ie.Side)
	assert.EqualError(t, err, `matching: no feasible assignment: side constraints ["not-0-0" "not-1-0"] cannot hold`)

	p.Groups = []Group{{Cols: []int{0, 1}, Max: 1}} // two rows, room for one
	_, err = s.solveConstrained(context.Background(), p)
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, []int{0}, ie.Groups)
	assert.Empty(t, ie.Side)
}

// TestConstrainedPanics: pairs, group columns and side terms out of range
// are programmer errors.
func TestConstrainedPanics(t *testing.T) {
	t.Parallel()
	cost := mat.NewDense(2, 2, []float64{1, 2, 3, 4})
	var s Solver
	ctx := context.Background()
	assert.Panics(t, func() { s.solveFlow(ctx, &Problem{Cost: cost, Fix: []Pair{{2, 0}}}) })                       //nolint:errcheck
	assert.Panics(t, func() { s.solveFlow(ctx, &Problem{Cost: cost, Groups: []Group{{Cols: []int{5}, Max: 1}}}) }) //nolint:errcheck
	assert.Panics(t, func() {
		s.solveConstrained(ctx, &Problem{Cost: cost, Side: []Side{{Name: "x", Terms: []Term{{0, 7, 1}}}}}) //nolint:errcheck
	})
	assert.Panics(t, func() { s.KBest(ctx, &Problem{Cost: cost, Fix: []Pair{{0, -1}}}, 1) }) //nolint:errcheck
}

// TestSolveDispatch: Solve routes Fix and Groups to the flow solver and
// Side to branch and bound, with the oracle's optimum.
func TestSolveDispatch(t *testing.T) {
	t.Parallel()
	var s Solver
	for seed := uint64(0); seed < 100; seed++ {
		rng := rand.New(rand.NewPCG(seed, 16))
		p := randSmall(rng, 5, 5, seed%2 == 0)
		switch seed % 3 {
		case 0:
			randGroups(rng, p)
		case 1:
			randFix(rng, p)
		default:
			randSide(rng, p)
		}
		want, ok := bruteOptimum(p)
		a, err := s.Solve(context.Background(), p)
		if !ok {
			require.ErrorIs(t, err, ErrInfeasible, "seed %d", seed)
			continue
		}
		require.NoError(t, err, "seed %d\n%s", seed, describe(p))
		require.Equal(t, want, a.Cost, "seed %d\n%s", seed, describe(p))
		checkFeasible(t, p, a)
	}
	p := &Problem{Cost: mat.NewDense(1, 3, []float64{1, 2, 3}), Groups: []Group{{Cols: []int{0, 1}, Max: 1}, {Cols: []int{1, 2}, Max: 1}}}
	_, err := s.Solve(context.Background(), p)
	require.ErrorIs(t, err, ErrUnsupported)
	assert.Contains(t, err.Error(), "not supported yet: overlapping groups")
}
