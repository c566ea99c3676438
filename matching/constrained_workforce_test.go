package matching

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// This file checks the side-constrained solver on problems shaped like a
// transfer round, against an exact enumeration of the mixed-integer
// program that knows nothing of the solver: up to 12 rows (employees),
// each with a current column (post) in one of a few units, a few other
// candidate posts, and random unit floors and caps (as groups or written
// as side constraints, as scenarios does), a move limit, a turnover cap per
// unit, conflict pairs and pins.

// workforce is a random transfer round: the problem and what it was built
// from.
type workforce struct {
	p    *Problem
	cur  []int // current column of each row, -1 when unplaced
	unit []int // unit of each column
}

// randWorkforce returns a random transfer round of at most maxR rows.
func randWorkforce(rng *rand.Rand, maxR int) *workforce {
	r := 3 + rng.IntN(maxR-2)
	c := r + rng.IntN(4)
	units := 2 + rng.IntN(3)
	w := &workforce{cur: make([]int, r), unit: make([]int, c)}
	for j := range w.unit {
		w.unit[j] = rng.IntN(units)
	}
	perm := rng.Perm(c)
	sp := &Sparse{Rows: r, Cols: c, Start: []int{0}}
	for i := range w.cur {
		w.cur[i] = perm[i]
		if rng.IntN(8) == 0 {
			w.cur[i] = -1 // a first placement
		}
		cands := []int{}
		if w.cur[i] >= 0 {
			cands = append(cands, w.cur[i])
		}
		for k := 1 + rng.IntN(3); k > 0; k-- {
			cands = append(cands, rng.IntN(c))
		}
		slices.Sort(cands)
		cands = slices.Compact(cands)
		for _, j := range cands {
			cost := float64(rng.IntN(20) - 10)
			if j == w.cur[i] {
				cost = float64(rng.IntN(10) - 5) // staying is cheap-ish
			}
			sp.Col = append(sp.Col, j)
			sp.Cost = append(sp.Cost, cost)
		}
		sp.Start = append(sp.Start, len(sp.Col))
	}
	p := &Problem{Candidates: sp, Unassigned: make([]float64, r)}
	for i := range p.Unassigned {
		p.Unassigned[i] = math.Inf(1)
		if w.cur[i] < 0 || rng.IntN(6) == 0 {
			p.Unassigned[i] = float64(rng.IntN(15))
		}
	}
	if rng.IntN(3) == 0 {
		p.Capacity = make([]int, c)
		for j := range p.Capacity {
			p.Capacity[j] = 1 + rng.IntN(2)
		}
	}
	w.p = p
	asSides := rng.IntN(2) == 0 // floors and caps written as sides, as scenarios' lazy solve does
	for u := 0; u < units; u++ {
		if rng.IntN(3) != 0 {
			continue
		}
		var cols []int
		seats := 0
		for j, uj := range w.unit {
			if uj == u {
				cols = append(cols, j)
				seats += p.seats(j)
			}
		}
		if len(cols) == 0 {
			continue
		}
		g := Group{Cols: cols, Min: rng.IntN(seats + 1)}
		g.Max = g.Min + rng.IntN(seats+1-g.Min)
		if !asSides {
			p.Groups = append(p.Groups, g)
			continue
		}
		lo := Side{Name: fmt.Sprintf("floor-%d", u), Limit: -float64(g.Min)}
		hi := Side{Name: fmt.Sprintf("cap-%d", u), Limit: float64(g.Max)}
		w.eachPair(func(i, j int) {
			if w.unit[j] == u {
				lo.Terms = append(lo.Terms, Term{Row: i, Col: j, Coef: -1})
				hi.Terms = append(hi.Terms, Term{Row: i, Col: j, Coef: 1})
			}
		})
		p.Side = append(p.Side, lo, hi)
	}
	if rng.IntN(2) == 0 { // move limit
		sd := Side{Name: "max-moves", Limit: float64(rng.IntN(r/2 + 1))}
		w.eachPair(func(i, j int) {
			if w.cur[i] >= 0 && j != w.cur[i] {
				sd.Terms = append(sd.Terms, Term{Row: i, Col: j, Coef: 1})
			}
		})
		p.Side = append(p.Side, sd)
	}
	if rng.IntN(2) == 0 { // turnover cap per unit
		lim := rng.IntN(2)
		for u := 0; u < units; u++ {
			sd := Side{Name: fmt.Sprintf("turnover-%d", u), Limit: float64(lim)}
			w.eachPair(func(i, j int) {
				if c := w.cur[i]; c >= 0 && w.unit[c] == u && w.unit[j] != u {
					sd.Terms = append(sd.Terms, Term{Row: i, Col: j, Coef: 1})
				}
			})
			if len(sd.Terms) > 0 {
				p.Side = append(p.Side, sd)
			}
		}
	}
	for k := rng.IntN(3); k > 0; k-- { // conflict pairs: not both seated in one unit
		a, b := rng.IntN(r), rng.IntN(r)
		if a == b {
			continue
		}
		for u := 0; u < units; u++ {
			sd := Side{Name: fmt.Sprintf("conflict-%d-%d-%d", a, b, u), Limit: 1}
			w.eachPair(func(i, j int) {
				if (i == a || i == b) && w.unit[j] == u {
					sd.Terms = append(sd.Terms, Term{Row: i, Col: j, Coef: 1})
				}
			})
			p.Side = append(p.Side, sd)
		}
	}
	if rng.IntN(3) == 0 { // a pin
		i := rng.IntN(r)
		k := sp.Start[i] + rng.IntN(sp.Start[i+1]-sp.Start[i])
		p.Fix = append(p.Fix, Pair{i, sp.Col[k]})
	}
	return w
}

func (w *workforce) eachPair(f func(i, j int)) {
	sp := w.p.Candidates
	for i := 0; i < sp.Rows; i++ {
		for k := sp.Start[i]; k < sp.Start[i+1]; k++ {
			f(i, sp.Col[k])
		}
	}
}

// mipOptimum enumerates the plans of a sparse problem with Unassigned set
// (every row placed on a candidate or left out where allowed, seats kept)
// by depth-first search, pruning partial plans whose side constraints can
// no longer hold (each row's least contribution to a constraint bounds
// what the rows left can add) and plans that cannot beat the best found.
// It returns the optimum and whether any plan keeps every constraint.
func mipOptimum(p *Problem) (float64, bool) {
	sp := p.Candidates
	rows, cols := sp.Rows, sp.Cols
	m := len(p.Side)
	// term[i][k] lists row i's coefficient in side k for each of its
	// choices: index 0 is staying out, 1+t the t-th candidate.
	term := make([][][]float64, rows)
	for i := range term {
		n := sp.Start[i+1] - sp.Start[i]
		term[i] = make([][]float64, m)
		for k := range term[i] {
			term[i][k] = make([]float64, n+1)
		}
	}
	for k, sd := range p.Side {
		for _, t := range sd.Terms {
			if at, ok := slices.BinarySearch(sp.Col[sp.Start[t.Row]:sp.Start[t.Row+1]], t.Col); ok {
				term[t.Row][k][1+at] += t.Coef
			}
		}
	}
	// restMin[i][k]: the least rows i.. can add to side k; restCost[i] the
	// least cost they can add.
	restMin := make([][]float64, rows+1)
	restCost := make([]float64, rows+1)
	restMin[rows] = make([]float64, m)
	for i := rows - 1; i >= 0; i-- {
		restMin[i] = slices.Clone(restMin[i+1])
		for k := 0; k < m; k++ {
			restMin[i][k] += slices.Min(term[i][k])
		}
		best := math.Inf(1)
		if !math.IsInf(p.Unassigned[i], 1) {
			best = p.Unassigned[i]
		}
		for e := sp.Start[i]; e < sp.Start[i+1]; e++ {
			best = math.Min(best, sp.Cost[e])
		}
		restCost[i] = restCost[i+1] + best
	}
	fixed := make([]int, rows)
	for i := range fixed {
		fixed[i] = -2
	}
	for _, q := range p.Fix {
		if fixed[q.Row] != -2 && fixed[q.Row] != q.Col {
			return 0, false
		}
		fixed[q.Row] = q.Col
	}
	load := make([]int, cols)
	lhs := make([]float64, m)
	x := make([]int, rows)
	best, found := math.Inf(1), false
	var walk func(i int, sum float64)
	try := func(i, choice, j int, c float64, sum float64) {
		for k := 0; k < m; k++ {
			lhs[k] += term[i][k][choice]
		}
		ok := true
		for k := 0; k < m; k++ {
			if lhs[k]+restMin[i+1][k] > p.Side[k].Limit+1e-9 {
				ok = false
				break
			}
		}
		if ok {
			x[i] = j
			walk(i+1, sum+c)
		}
		for k := 0; k < m; k++ {
			lhs[k] -= term[i][k][choice]
		}
	}
	walk = func(i int, sum float64) {
		if sum+restCost[i] >= best && found {
			return
		}
		if i == rows {
			if feasibleExtra(p, x) {
				best, found = sum, true
			}
			return
		}
		if !math.IsInf(p.Unassigned[i], 1) && (fixed[i] == -2) {
			try(i, 0, -1, p.Unassigned[i], sum)
		}
		for e := sp.Start[i]; e < sp.Start[i+1]; e++ {
			j := sp.Col[e]
			if load[j] >= p.seats(j) || (fixed[i] != -2 && fixed[i] != j) {
				continue
			}
			load[j]++
			try(i, 1+e-sp.Start[i], j, sp.Cost[e], sum)
			load[j]--
		}
	}
	walk(0, 0)
	return best, found
}

// TestConstrainedWorkforceOracle compares optimum and feasibility verdicts
// with the enumeration, at the default node limit (every answer proven)
// and at one node (a plan whenever there is one, with a bound that is
// never above the optimum).
func TestConstrainedWorkforceOracle(t *testing.T) {
	t.Parallel()
	n := 400 // seeded cases
	if testing.Short() {
		n = 80
	}
	var full Solver
	one := Solver{MaxNodes: 1}
	feasible, infeasible, binding, gaps := 0, 0, 0, 0
	for seed := uint64(0); seed < uint64(n); seed++ {
		rng := rand.New(rand.NewPCG(seed, 14))
		w := randWorkforce(rng, 12)
		p := w.p
		want, ok := mipOptimum(p)
		a, err := full.Solve(context.Background(), p)
		if !ok {
			infeasible++
			require.ErrorIs(t, err, ErrInfeasible, "seed %d\n%s", seed, describe(p))
			_, err := one.Solve(context.Background(), p)
			require.ErrorIs(t, err, ErrInfeasible, "seed %d at one node\n%s", seed, describe(p))
			continue
		}
		feasible++
		require.NoError(t, err, "seed %d\n%s", seed, describe(p))
		require.Equal(t, want, a.Cost, "seed %d\n%s\ngot %v", seed, describe(p), a.RowToCol)
		require.Equal(t, a.Cost, a.Bound, "seed %d: proven", seed)
		checkFeasible(t, p, a)
		q := *p
		q.Side, q.Groups = nil, nil
		if free, _ := mipOptimum(&q); free != want {
			binding++
		}
		b, err := one.Solve(context.Background(), p)
		require.NoError(t, err, "seed %d at one node: always a plan\n%s", seed, describe(p))
		checkFeasible(t, p, b)
		require.LessOrEqual(t, b.Bound, want+1e-9, "seed %d: bound above the optimum", seed)
		require.GreaterOrEqual(t, b.Cost, want-1e-9)
		if b.Bound < b.Cost {
			gaps++
		}
	}
	t.Logf("%d feasible (%d where a constraint binds, %d with a gap at one node), %d infeasible", feasible, binding, gaps, infeasible)
	assert.Greater(t, feasible, n/4, "too few feasible cases")
	assert.Greater(t, infeasible, n/20, "too few infeasible cases")
	assert.Greater(t, binding, n/10, "too few cases where a constraint binds")
}

// TestConstrainedGap: with Solver.Gap the plan is within the gap of the
// enumerated optimum, and its bound is below the optimum.
func TestConstrainedGap(t *testing.T) {
	t.Parallel()
	s := Solver{Gap: 0.2}
	for seed := uint64(0); seed < 100; seed++ {
		rng := rand.New(rand.NewPCG(seed, 15))
		w := randWorkforce(rng, 10)
		want, ok := mipOptimum(w.p)
		a, err := s.Solve(context.Background(), w.p)
		if !ok {
			require.True(t, errors.Is(err, ErrInfeasible), "seed %d: %v", seed, err)
			continue
		}
		require.NoError(t, err)
		require.LessOrEqual(t, a.Bound, want+1e-9, "seed %d", seed)
		require.LessOrEqual(t, a.Cost-want, 0.2*math.Max(1, math.Abs(a.Cost))+1e-9, "seed %d", seed)
	}
}

// TestConstrainedHints: starting multipliers (Side.Hint), whether the ones
// a first solve reports or random ones, never change the optimum, the
// verdict or the proof, against the enumerated MIP; bad hints are refused.
func TestConstrainedHints(t *testing.T) {
	t.Parallel()
	n := 200
	if testing.Short() {
		n = 40
	}
	var s Solver
	hinted := 0
	for seed := uint64(0); seed < uint64(n); seed++ {
		rng := rand.New(rand.NewPCG(seed, 16))
		w := randWorkforce(rng, 12)
		p := w.p
		if len(p.Side) == 0 {
			continue
		}
		want, ok := mipOptimum(p)
		a, err := s.Solve(context.Background(), p)
		for round, hint := range []func(k int) float64{
			func(k int) float64 {
				if k < len(a.Multipliers) {
					return a.Multipliers[k]
				}
				return 0
			},
			func(int) float64 { return float64(rng.IntN(40)) / 2 },
		} {
			q := *p
			q.Side = slices.Clone(p.Side)
			for k := range q.Side {
				q.Side[k].Hint = hint(k)
				if q.Side[k].Hint > 0 {
					hinted++
				}
			}
			b, err2 := s.Solve(context.Background(), &q)
			if !ok {
				require.ErrorIs(t, err, ErrInfeasible, "seed %d", seed)
				require.ErrorIs(t, err2, ErrInfeasible, "seed %d hints %d", seed, round)
				continue
			}
			require.NoError(t, err2, "seed %d hints %d\n%s", seed, round, describe(&q))
			require.Equal(t, want, b.Cost, "seed %d hints %d\n%s", seed, round, describe(&q))
			require.Equal(t, b.Cost, b.Bound, "seed %d hints %d: proven", seed, round)
			checkFeasible(t, &q, b)
		}
	}
	assert.Greater(t, hinted, n, "too few hinted constraints")
	p := randWorkforce(rand.New(rand.NewPCG(1, 16)), 8).p
	for p.Side == nil {
		p = randWorkforce(rand.New(rand.NewPCG(uint64(len(p.Side)+2), 16)), 8).p
	}
	for _, h := range []float64{-1, math.NaN(), math.Inf(1)} {
		q := *p
		q.Side = slices.Clone(p.Side)
		q.Side[0].Hint = h
		_, err := s.Solve(context.Background(), &q)
		require.ErrorIs(t, err, ErrInvalidArgument, "hint %v", h)
	}
}
