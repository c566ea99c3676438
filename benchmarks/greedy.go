package benchmarks

import (
	"cmp"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"

	"github.com/mutasi-asn/mutasi/matching"
	"github.com/mutasi-asn/mutasi/scenarios"
)

// Greedy places the instance's employees the way ranking-based
// decision-support tools do (SAW, profile matching, the "best candidate per
// formation" spreadsheets of many BKPSDM): positions are filled one at a
// time, each seat taking the best-ranked eligible candidate who is still
// free. It is the baseline the optimal plan is compared with, and it uses
// the instance's own eligibility and fit values, so the comparison is
// about the method only:
//
//  1. Employees who must be placed (pinned to a post: Problem.Unassigned is
//     +Inf) are placed first, in NIP order, into the best-fitting allowed
//     post that still has a seat — the manual decisions a ranking tool
//     takes as given.
//  2. Positions are visited by criticality, highest first (zero counts as
//     1, as in the scenario layer), then by position ID. Each position
//     fills its free seats, one after another, with the free employees the
//     instance allows there, ranked by fit (scoring's total, highest
//     first) and, on ties, by NIP.
//  3. Everyone not taken stays in their current post when the instance
//     allows it and a seat is left; anyone else ends without a seat (a
//     holder keeps the post over the headcount, as in the optimal plan).
//
// The result maps each row of in (employees by NIP) to a column (positions
// by ID), -1 for no seat. It is deterministic: no randomness, no map
// iteration. Every pair used is allowed by in.Problem and no column gets
// more than its capacity, so the optimum's value (see [Assess]) is never
// below greedy's. Greedy takes O(A log A) time and O(A) memory for A
// allowed pairs.
func Greedy(in *scenarios.Instance) []int {
	n, m := len(in.Employees), len(in.Scorer.Positions)
	col := make([]int, n)
	for i := range col {
		col[i] = -1
	}
	if n == 0 || m == 0 {
		return col
	}
	free := make([]int, m) // seats left per column
	for j := range free {
		free[j] = seatsOf(&in.Problem, j)
	}
	a := allowedPairs(in)

	// 1. Rows that must be placed.
	for i := range n {
		if u := in.Problem.Unassigned; u == nil || !math.IsInf(u[i], 1) {
			continue
		}
		best, bestFit := -1, math.Inf(-1)
		for k := a.start[i]; k < a.start[i+1]; k++ {
			j := int(a.col[k])
			if free[j] == 0 {
				continue
			}
			if f := in.Fit(i, j); best < 0 || f > bestFit {
				best, bestFit = j, f
			}
		}
		if best >= 0 {
			col[i] = best
			free[best]--
		}
	}

	// 2. Positions in order, each seat its best free candidate.
	byCol := a.transpose(m)
	order := make([]int, m)
	for j := range order {
		order[j] = j
	}
	ps := in.Scorer.Positions
	crit := func(j int) float64 {
		if c := ps[j].Criticality; c != 0 {
			return c
		}
		return 1
	}
	slices.SortStableFunc(order, func(x, y int) int {
		if c := cmp.Compare(crit(y), crit(x)); c != 0 {
			return c
		}
		return cmp.Compare(ps[x].ID, ps[y].ID)
	})
	type cand struct {
		row int
		fit float64
	}
	var cands []cand
	for _, j := range order {
		if free[j] == 0 {
			continue
		}
		cands = cands[:0]
		for _, i := range byCol.rows(j) {
			if col[i] < 0 {
				cands = append(cands, cand{int(i), in.Fit(int(i), j)})
			}
		}
		slices.SortFunc(cands, func(x, y cand) int {
			if c := cmp.Compare(y.fit, x.fit); c != 0 {
				return c
			}
			return cmp.Compare(x.row, y.row)
		})
		for _, c := range cands[:min(free[j], len(cands))] {
			col[c.row] = j
		}
		free[j] -= min(free[j], len(cands))
	}

	// 3. The rest stay where they are when allowed and a seat is left.
	for i := range n {
		if c := in.Current(i); col[i] < 0 && c >= 0 && free[c] > 0 && a.has(i, c) {
			col[i] = c
			free[c]--
		}
	}
	return col
}

// seatsOf returns the number of seats of column j.
func seatsOf(p *matching.Problem, j int) int {
	if p.Capacity == nil {
		return 1
	}
	return p.Capacity[j]
}

// pairs are the allowed pairs of an instance in CSR form, with their costs;
// columns ascend within each row.
type pairs struct {
	start []int
	col   []int32
	cost  []float64
}

// allowedPairs returns the allowed pairs of in.Problem (candidate lists,
// or the finite entries of the dense matrix).
func allowedPairs(in *scenarios.Instance) *pairs {
	p := &in.Problem
	if sp := p.Candidates; sp != nil {
		a := &pairs{start: sp.Start, col: make([]int32, len(sp.Col)), cost: sp.Cost}
		for k, j := range sp.Col {
			a.col[k] = int32(j)
		}
		return a
	}
	n, m := p.Cost.Dims()
	a := &pairs{start: make([]int, n+1)}
	var row []float64
	for i := range n {
		row = mat.Row(row, i, p.Cost)
		for j, c := range row[:m] {
			if !math.IsInf(c, 1) {
				a.col = append(a.col, int32(j))
				a.cost = append(a.cost, c)
			}
		}
		a.start[i+1] = len(a.col)
	}
	return a
}

// has reports whether (i, j) is an allowed pair.
func (a *pairs) has(i, j int) bool {
	_, ok := slices.BinarySearch(a.col[a.start[i]:a.start[i+1]], int32(j))
	return ok
}

// value returns the value of (i, j) in cost units (−cost), and whether
// the pair is allowed.
func (a *pairs) value(i, j int) (float64, bool) {
	k, ok := slices.BinarySearch(a.col[a.start[i]:a.start[i+1]], int32(j))
	if !ok {
		return 0, false
	}
	return -a.cost[a.start[i]+k], true
}

// colPairs are the allowed rows of each column (CSR, rows ascending).
type colPairs struct {
	start []int
	row   []int32
}

func (c *colPairs) rows(j int) []int32 { return c.row[c.start[j]:c.start[j+1]] }

// transpose returns the allowed rows of each of m columns.
func (a *pairs) transpose(m int) *colPairs {
	c := &colPairs{start: make([]int, m+1), row: make([]int32, len(a.col))}
	for _, j := range a.col {
		c.start[j+1]++
	}
	for j := range m {
		c.start[j+1] += c.start[j]
	}
	next := slices.Clone(c.start[:m])
	for i := range len(a.start) - 1 {
		for _, j := range a.col[a.start[i]:a.start[i+1]] {
			c.row[next[j]] = int32(i)
			next[j]++
		}
	}
	return c
}
