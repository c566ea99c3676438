package matching

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

// bruteForceAll enumerates every assignment of p that satisfies its
// semantics (seats, Unassigned, forbidden pairs) and its Fix, Groups and
// Side, knowing nothing of the solvers, and returns their objectives in
// minimization form, sorted ascending (one entry per distinct RowToCol).
// Meant for at most 7 rows and 7 columns.
func bruteForceAll(p *Problem) []float64 {
	rows, cols := p.dims()
	load := make([]int, cols)
	seats := p.totalSeats(cols)
	need := min(rows, seats)
	x := make([]int, rows)
	var vals []float64
	var walk func(i, placed int, sum float64)
	walk = func(i, placed int, sum float64) {
		if i == rows {
			if p.Unassigned == nil && placed != need {
				return
			}
			if feasibleExtra(p, x) {
				vals = append(vals, sum)
			}
			return
		}
		switch {
		case p.Unassigned != nil:
			if c, ok := p.minCost(p.Unassigned[i]); ok {
				x[i] = -1
				walk(i+1, placed, sum+c)
			}
		case placed+(rows-i-1) >= need:
			x[i] = -1
			walk(i+1, placed, sum)
		}
		for j := 0; j < cols; j++ {
			if load[j] >= p.seats(j) {
				continue
			}
			c, listed := pairCost(p, i, j)
			cm, ok := p.minCost(c)
			if !listed || !ok {
				continue
			}
			load[j]++
			x[i] = j
			walk(i+1, placed+1, sum+cm)
			load[j]--
		}
	}
	walk(0, 0, 0)
	slices.Sort(vals)
	return vals
}

// feasibleExtra reports whether x satisfies p's Fix, Groups and Side.
func feasibleExtra(p *Problem, x []int) bool {
	for _, q := range p.Fix {
		if x[q.Row] != q.Col {
			return false
		}
	}
	for _, g := range p.Groups {
		n := 0
		for i := range x {
			if x[i] >= 0 && slices.Contains(g.Cols, x[i]) {
				n++
			}
		}
		if n < g.Min || n > g.Max {
			return false
		}
	}
	for _, sd := range p.Side {
		lhs := 0.0
		for _, t := range sd.Terms {
			if x[t.Row] == t.Col {
				lhs += t.Coef
			}
		}
		if lhs > sd.Limit+1e-9 {
			return false
		}
	}
	return true
}

// bruteOptimum returns the optimum of p in its own sense and whether p is
// feasible.
func bruteOptimum(p *Problem) (float64, bool) {
	v := bruteForceAll(p)
	if len(v) == 0 {
		return 0, false
	}
	if p.Maximize {
		return -v[0], true
	}
	return v[0], true
}

// checkFeasible re-derives, without the solver, that a is feasible for p
// (seats, allowed pairs, Unassigned, Fix, Groups, Side) and that a.Cost is
// its objective.
func checkFeasible(t *testing.T, p *Problem, a Assignment) {
	t.Helper()
	rows, cols := p.dims()
	require.Len(t, a.RowToCol, rows)
	load := make([]int, cols)
	placed := 0
	sum := 0.0
	for i, j := range a.RowToCol {
		if j < 0 {
			if p.Unassigned != nil {
				_, ok := p.minCost(p.Unassigned[i])
				require.True(t, ok, "row %d must be placed", i)
				sum += p.Unassigned[i]
			}
			continue
		}
		c, listed := pairCost(p, i, j)
		_, ok := p.minCost(c)
		require.True(t, listed && ok, "pair (%d,%d) is forbidden", i, j)
		sum += c
		load[j]++
		placed++
	}
	for j := range load {
		require.LessOrEqual(t, load[j], p.seats(j), "column %d over capacity", j)
	}
	if p.Unassigned == nil {
		require.Equal(t, min(rows, p.totalSeats(cols)), placed, "rows placed")
	}
	require.True(t, feasibleExtra(p, a.RowToCol), "Fix, Groups or Side violated: %v", a.RowToCol)
	require.InDelta(t, sum, a.Cost, 1e-6*math.Max(1, math.Abs(sum)), "Cost")
}

// randSmall returns a random small problem: dense (or sparse when asked)
// with small integer costs, some forbidden pairs, maybe seats and
// Unassigned.
func randSmall(rng *rand.Rand, maxR, maxC int, sparse bool) *Problem {
	r, c := 1+rng.IntN(maxR), 1+rng.IntN(maxC)
	data := make([]float64, r*c)
	maximize := rng.IntN(4) == 0
	forbid := math.Inf(1)
	if maximize && rng.IntN(2) == 0 {
		forbid = math.Inf(-1)
	}
	for k := range data {
		data[k] = float64(rng.IntN(10) - 2)
		if rng.IntN(6) == 0 {
			data[k] = forbid
		}
	}
	p := &Problem{Maximize: maximize}
	if sparse {
		sp := &Sparse{Rows: r, Cols: c, Start: []int{0}}
		for i := 0; i < r; i++ {
			for j := 0; j < c; j++ {
				if v := data[i*c+j]; !math.IsInf(v, 0) {
					sp.Col = append(sp.Col, j)
					sp.Cost = append(sp.Cost, v)
				}
			}
			sp.Start = append(sp.Start, len(sp.Col))
		}
		p.Candidates = sp
	} else {
		p.Cost = mat.NewDense(r, c, data)
	}
	if rng.IntN(2) == 0 {
		p.Capacity = make([]int, c)
		for j := range p.Capacity {
			p.Capacity[j] = rng.IntN(3)
		}
	}
	if rng.IntN(2) == 0 {
		p.Unassigned = make([]float64, r)
		for i := range p.Unassigned {
			p.Unassigned[i] = float64(rng.IntN(12))
			if rng.IntN(3) == 0 {
				p.Unassigned[i] = math.Inf(1)
				if maximize {
					p.Unassigned[i] = math.Inf(-1)
				}
			}
		}
	}
	return p
}

// randConstraint adds one kind of constraint to p: groups (kind 1), fixed
// pairs (2) or side constraints (3); other kinds add none.
func randConstraint(rng *rand.Rand, p *Problem, kind uint64) {
	switch kind {
	case 1:
		randGroups(rng, p)
	case 2:
		randFix(rng, p)
	case 3:
		randSide(rng, p)
	}
}

// randGroups adds up to three disjoint groups with random floors and caps.
func randGroups(rng *rand.Rand, p *Problem) {
	_, cols := p.dims()
	perm := rng.Perm(cols)
	ng := 1 + rng.IntN(3)
	at := 0
	for g := 0; g < ng && at < cols; g++ {
		size := 1 + rng.IntN(max(1, cols-at))
		gr := Group{Cols: slices.Clone(perm[at : at+size])}
		at += size
		seats := 0
		for _, j := range gr.Cols {
			seats += p.seats(j)
		}
		gr.Min = rng.IntN(seats + 1)
		gr.Max = gr.Min + rng.IntN(seats+2-gr.Min)
		p.Groups = append(p.Groups, gr)
	}
	// Sometimes nest a group inside one of them (a unit's doctor seats).
	if rng.IntN(2) == 0 {
		outer := p.Groups[rng.IntN(len(p.Groups))]
		sub := slices.Clone(outer.Cols[:1+rng.IntN(len(outer.Cols))])
		seats := 0
		for _, j := range sub {
			seats += p.seats(j)
		}
		gr := Group{Cols: sub, Min: rng.IntN(seats + 1)}
		gr.Max = gr.Min + rng.IntN(seats+2-gr.Min)
		p.Groups = append(p.Groups, gr)
	}
}

// randFix adds one fixed pair, an allowed one when the row has any, and
// sometimes a second pair anywhere (possibly forbidden or clashing).
func randFix(rng *rand.Rand, p *Problem) {
	rows, cols := p.dims()
	i := rng.IntN(rows)
	var allowed []int
	for j := 0; j < cols; j++ {
		c, listed := pairCost(p, i, j)
		if _, ok := p.minCost(c); listed && ok && p.seats(j) > 0 {
			allowed = append(allowed, j)
		}
	}
	if len(allowed) > 0 {
		p.Fix = append(p.Fix, Pair{i, allowed[rng.IntN(len(allowed))]})
	} else {
		p.Fix = append(p.Fix, Pair{i, rng.IntN(cols)})
	}
	if rng.IntN(4) == 0 {
		p.Fix = append(p.Fix, Pair{rng.IntN(rows), rng.IntN(cols)})
	}
}

// randSide adds one or two side constraints with small integer
// coefficients (a fifth of them negative) over random pairs.
func randSide(rng *rand.Rand, p *Problem) {
	rows, cols := p.dims()
	for k := 1 + rng.IntN(2); k > 0; k-- {
		sd := Side{Name: fmt.Sprintf("side-%d", k)}
		for i := 0; i < rows; i++ {
			for j := 0; j < cols; j++ {
				if rng.IntN(2) == 0 {
					coef := float64(1 + rng.IntN(4))
					if rng.IntN(5) == 0 {
						coef = -coef // "no net outflow" style constraints mix signs
					}
					sd.Terms = append(sd.Terms, Term{Row: i, Col: j, Coef: coef})
				}
			}
		}
		sd.Limit = float64(rng.IntN(2 + rows*2))
		p.Side = append(p.Side, sd)
	}
}

// describe prints a small problem for failure messages.
func describe(p *Problem) string {
	var b strings.Builder
	rows, cols := p.dims()
	for i := 0; i < rows; i++ {
		for j := 0; j < cols; j++ {
			c, ok := pairCost(p, i, j)
			if !ok {
				c = math.Inf(1)
			}
			fmt.Fprintf(&b, "%5g ", c)
		}
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "max=%v cap=%v out=%v fix=%v groups=%+v side=%+v", p.Maximize, p.Capacity, p.Unassigned, p.Fix, p.Groups, p.Side)
	return b.String()
}
