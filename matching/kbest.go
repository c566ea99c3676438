package matching

import (
	"context"
	"fmt"
	"math"
	"slices"
)

// This file ranks assignments by Murty's method (Murty 1968), with Lawler's
// partition, written from the papers.
//
// Each row's choice is a column or -1 (staying out). A node of the search
// is a set of plans: some rows' choices are fixed and some (row, choice)
// pairs are forbidden. Its best plan is found by the flow solver (flow.go,
// which also takes groups and fixed pairs). When the node reaches the
// front of the queue its plan is made the lexicographically smallest
// RowToCol among the node's optimal plans: row by row, every smaller choice
// with zero reduced cost under the current potentials (the only ones that
// can appear in an optimal plan) is tried by a solve with that choice
// fixed. The queue orders nodes by cost, unrefined before refined, then by
// RowToCol, so every node tied at the front is refined before one of them
// is listed, and plans come out exactly in (cost, RowToCol) order. The
// popped node with plan x over its free rows r_1 < … < r_m is split into m
// children: child t fixes r_1 … r_{t−1} to their choices in x and forbids
// x's choice for r_t.

// KBest returns the k best assignments of p in order of cost (in the
// problem's own sense: decreasing value when maximizing), equal-cost plans
// ordered by RowToCol compared lexicographically (−1 first); fewer than k
// when p has fewer feasible plans. Each Assignment has Bound equal to Cost
// and nil U, V and Multipliers (the potentials of a subproblem do not
// certify a rank). KBest(ctx, p, 1) returns an optimum of Solve's cost,
// the lexicographically smallest one.
//
// With side constraints, KBest ranks the plans of p without them and keeps
// those that satisfy them, which is exact but may rank many plans: after
// MaxNodes ranked plans (zero means 100 000) that were not enough, it returns
// the plans found so far with an error wrapping ErrNodeLimit. When no plan
// satisfies them it returns an *InfeasibleError naming a conflict among
// them, as Solve does.
//
// It returns the errors of Solve (a *CostError, an *InfeasibleError when p
// has no feasible plan even without side constraints, ErrUnsupported for
// groups that overlap without nesting, ctx.Err()). It panics when k < 0 or
// p is malformed (see Solve).
//
// Complexity: O(k·R) subproblem solves, plus the tie-breaking solves of
// the nodes that reach the front (a solve per tied choice), each a plain
// solve and, with groups, a min-cost flow repair; memory O(k·R·R + A).
func (s *Solver) KBest(ctx context.Context, p *Problem, k int) ([]Assignment, error) {
	if k < 0 {
		panic(fmt.Sprintf("matching: KBest with k = %d < 0", k))
	}
	out, _, err := s.rank(ctx, p, k, math.Inf(1))
	return out, err
}

// Within returns every assignment of p whose cost is within eps of the
// optimum, in the problem's own sense (cost ≤ optimum + eps; value ≥
// optimum − eps when maximizing), in KBest's order: by cost, equal-cost
// plans by RowToCol compared lexicographically. eps = 0 lists the optimal
// plans. Costs are compared exactly (eps is the only slack), so with
// integer costs eps = 0.5 means "within 0".
//
// limit caps the list: when more than limit plans lie within eps, Within
// returns the first limit of them and truncated = true, after finding one
// more (so truncated never reports plans that do not exist). It returns
// the errors of KBest (with side constraints, an error wrapping
// ErrNodeLimit after MaxNodes ranked plans that break them, with the
// plans found so far), and panics when eps is negative or NaN, limit < 1
// or p is malformed.
//
// Complexity: that of KBest(ctx, p, n+1) for the n plans listed.
func (s *Solver) Within(ctx context.Context, p *Problem, eps float64, limit int) (plans []Assignment, truncated bool, err error) {
	if !(eps >= 0) {
		panic(fmt.Sprintf("matching: Within with eps = %v (want ≥ 0)", eps))
	}
	if limit < 1 {
		panic(fmt.Sprintf("matching: Within with limit = %d < 1", limit))
	}
	return s.rank(ctx, p, limit, eps)
}

// rank lists p's best plans in (cost, RowToCol) order: at most k, and
// only those within eps of the first (eps = +Inf: no bound). With a finite
// eps, more reports that another plan within eps follows the k listed.
func (s *Solver) rank(ctx context.Context, p *Problem, k int, eps float64) (out []Assignment, more bool, err error) {
	bounded := !math.IsInf(eps, 1)
	if err := s.checkArgs(p); err != nil {
		return nil, false, err
	}
	rows, cols := p.dims()
	p.checkShape(rows, cols)
	if err := p.checkUnassigned(); err != nil {
		return nil, false, err
	}
	if err := p.checkMagnitude(rows, cols); err != nil {
		return nil, false, err
	}
	kb, err := newKBest(s, p, rows, cols)
	if err != nil {
		return nil, false, err
	}
	var side *conProblem
	if len(p.Side) > 0 {
		if side, err = newConProblem(s, p); err != nil {
			return nil, false, err
		}
	}
	if _, err := checkFix(p, rows, cols); err != nil { // panics on pairs out of range
		return nil, false, err
	}
	if k == 0 {
		return nil, false, nil
	}
	root := &kNode{fixed: make([]int, rows)}
	for i := range root.fixed {
		root.fixed[i] = kFree
	}
	for _, q := range p.Fix {
		if root.fixed[q.Row] != kFree && root.fixed[q.Row] != q.Col {
			return nil, false, &InfeasibleError{Rows: []int{q.Row}, Cols: sortedPair(root.fixed[q.Row], q.Col)}
		}
		root.fixed[q.Row] = q.Col
	}
	ok, err := kb.solveNode(ctx, root)
	if err != nil {
		return nil, false, err
	}
	if !ok {
		// Report the solver's own infeasibility witness.
		q := *p
		q.Side = nil
		_, err := s.solveFlow(ctx, &q)
		if err == nil {
			err = &InfeasibleError{}
		}
		return nil, false, err
	}
	open := minHeap[*kNode]{less: kBefore}
	open.push(root)
	examined := 0
	limit := math.Inf(1) // the largest cost within eps of the first plan listed
	for (bounded || len(out) < k) && open.len() > 0 {
		n := open.pop()
		if !n.refined {
			// Only nodes reaching the front are made lexicographically
			// smallest; unrefined nodes of equal cost come first, so every
			// tie is refined before any of them is listed.
			if err := kb.refine(ctx, n); err != nil {
				return nil, false, err
			}
			open.push(n)
			continue
		}
		examined++
		if n.cost > limit {
			break // every plan left costs more
		}
		if side == nil || side.satisfies(n.x) {
			if len(out) == k { // bounded: one more plan within eps
				more = true
				break
			}
			a := Assignment{RowToCol: slices.Clone(n.x), Cost: objective(p, n.x)}
			a.Bound = a.Cost
			out = append(out, a)
			if len(out) == 1 && bounded {
				limit = n.cost + eps
			}
			if len(out) == k && !bounded {
				break
			}
		} else if examined >= s.maxNodes() {
			return out, false, fmt.Errorf("%w: %d plans ranked, %d satisfy the side constraints", ErrNodeLimit, examined, len(out))
		}
		fixed := slices.Clone(n.fixed)
		for i := 0; i < rows; i++ {
			if fixed[i] != kFree {
				continue
			}
			if err := ctx.Err(); err != nil {
				return nil, false, err
			}
			c := &kNode{fixed: slices.Clone(fixed), forbid: append(slices.Clone(n.forbid), Pair{i, n.x[i]})}
			ok, err := kb.solveNode(ctx, c)
			if err != nil {
				return nil, false, err
			}
			if ok {
				open.push(c)
			}
			fixed[i] = n.x[i]
		}
	}
	if len(out) == 0 && side != nil {
		e := &InfeasibleError{}
		for _, sd := range p.Side {
			e.Side = append(e.Side, sd.Name)
		}
		return nil, false, s.explainInfeasible(ctx, p, e)
	}
	return out, more, nil
}

const kFree = -2 // kNode.fixed: the row's choice is free

type kNode struct {
	fixed  []int  // choice of each row, kFree when free
	forbid []Pair // forbidden (row, choice) pairs; Col -1 forbids staying out
	x      []int  // best plan (RowToCol)
	cost   float64
	// refined: x is the lexicographically smallest of the node's best
	// plans.
	refined bool
}

// kBest holds the problem in minimization form over its allowed pairs.
type kBest struct {
	s          *Solver
	p          *Problem
	rows, cols int
	start      []int
	col        []int
	cost       []float64
	out        []float64 // nil when Unassigned is nil
	// tol is the tolerance of cost comparisons: zero when every cost is
	// an integer (integral) and sums are exact.
	tol      float64
	integral bool
}

func newKBest(s *Solver, p *Problem, rows, cols int) (*kBest, error) {
	kb := &kBest{s: s, p: p, rows: rows, cols: cols, start: make([]int, rows+1), integral: true}
	scale := 1.0
	err := eachPair(p, func(i, j int, c float64) error {
		if math.IsNaN(c) || (math.IsInf(c, -1) && !p.Maximize) {
			return &CostError{Row: i, Col: j, Value: c}
		}
		if cm, ok := p.minCost(c); ok {
			kb.integral = kb.integral && cm == math.Trunc(cm)
			kb.col = append(kb.col, j)
			kb.cost = append(kb.cost, cm)
			kb.start[i+1] = len(kb.col)
			scale = math.Max(scale, math.Abs(cm))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i := 1; i <= rows; i++ {
		kb.start[i] = max(kb.start[i], kb.start[i-1])
	}
	if p.Unassigned != nil {
		kb.out = make([]float64, rows)
		for i, c := range p.Unassigned {
			cm, ok := p.minCost(c)
			if !ok {
				cm = math.Inf(1)
			}
			kb.out[i] = cm
			if ok {
				kb.integral = kb.integral && cm == math.Trunc(cm)
				scale = math.Max(scale, math.Abs(cm))
			}
		}
	}
	tol := s.Tolerance
	if tol <= 0 {
		tol = defaultTolerance
	}
	kb.tol = tol * scale * float64(rows+1)
	if kb.integral && scale*float64(rows+1) < 1<<53 {
		// Integer costs: plan costs and potentials are exact, and a
		// tolerance would take plans that cost a little more (1 in 10⁹
		// at that scale) for ties.
		kb.tol = 0
	}
	if _, _, _, err := groupTree(p, cols); err != nil {
		return nil, err
	}
	return kb, nil
}

// solve finds the best plan with the choices in fixed (kFree: free) and
// none of the forbidden pairs; ok is false when there is none.
func (kb *kBest) solve(ctx context.Context, fixed []int, forbid []Pair) (a Assignment, d *flowDuals, ok bool, err error) {
	sp := &Sparse{Rows: kb.rows, Cols: kb.cols, Start: make([]int, 1, kb.rows+1)}
	var out []float64
	if kb.out != nil {
		out = slices.Clone(kb.out)
	}
	// Fixed rows become fixed pairs and rows barred from staying out lose
	// that option, so that the flow solver can start from the plain
	// optimum; only when rows may stay out for free (Unassigned nil, more
	// rows than seats) must "placed" be said to the flow directly.
	spare := kb.out == nil && kb.rows > kb.p.totalSeats(kb.cols)
	must := make([]bool, kb.rows)
	anyMust := false
	var fix []Pair
	for i := 0; i < kb.rows; i++ {
		f := fixed[i]
		for e := kb.start[i]; e < kb.start[i+1]; e++ {
			j := kb.col[e]
			if (f != kFree && f != j) || slices.Contains(forbid, Pair{i, j}) {
				continue
			}
			sp.Col = append(sp.Col, j)
			sp.Cost = append(sp.Cost, kb.cost[e])
		}
		sp.Start = append(sp.Start, len(sp.Col))
		if f == -1 && out != nil && math.IsInf(out[i], 1) {
			return Assignment{}, nil, false, nil
		}
		if f >= 0 {
			fix = append(fix, Pair{i, f})
		}
		if f >= 0 || slices.Contains(forbid, Pair{i, -1}) {
			switch {
			case out != nil:
				out[i] = math.Inf(1)
			case spare:
				must[i], anyMust = true, true
			}
		}
	}
	if !anyMust {
		must = nil
	}
	q := &Problem{Candidates: sp, Capacity: kb.p.Capacity, Unassigned: out, Groups: kb.p.Groups, Fix: fix}
	a, d, err = kb.s.solveFlowMust(ctx, q, must)
	if err != nil {
		if _, infeasible := err.(*InfeasibleError); infeasible {
			return Assignment{}, nil, false, nil
		}
		return Assignment{}, nil, false, err
	}
	return a, d, true, nil
}

// solveNode sets n.x to the lexicographically smallest optimal plan of the
// node; false when the node has no plan.
func (kb *kBest) solveNode(ctx context.Context, n *kNode) (bool, error) {
	a, _, ok, err := kb.solve(ctx, n.fixed, n.forbid)
	if err != nil || !ok {
		return false, err
	}
	n.x = a.RowToCol
	n.cost = a.Cost
	return true, nil
}

// refine makes n.x the lexicographically smallest optimal plan of the node:
// row by row, each smaller choice with zero reduced cost is tried by a
// solve with that choice fixed, and kept when the cost does not rise.
func (kb *kBest) refine(ctx context.Context, n *kNode) error {
	a, d, ok, err := kb.solve(ctx, n.fixed, n.forbid)
	if err != nil {
		return err
	}
	if !ok { // cannot happen: the node was solved before
		return fmt.Errorf("matching: k best: node lost its plan")
	}
	fixed := slices.Clone(n.fixed)
	for i := 0; i < kb.rows; i++ {
		if fixed[i] != kFree {
			continue
		}
		for _, c := range kb.smaller(i, a.RowToCol[i], d, n.forbid) {
			fixed[i] = c
			b, bd, ok, err := kb.solve(ctx, fixed, n.forbid)
			if err != nil {
				return err
			}
			if ok && b.Cost <= a.Cost+kb.tol {
				a, d = b, bd
				break
			}
		}
		fixed[i] = a.RowToCol[i]
	}
	n.x = a.RowToCol
	n.refined = true
	return nil
}

// smaller lists, ascending, the choices of row i below cur that are allowed
// at the node and have zero reduced cost under the potentials d.
func (kb *kBest) smaller(i, cur int, d *flowDuals, forbid []Pair) []int {
	var cs []int
	if cur >= 0 && !slices.Contains(forbid, Pair{i, -1}) {
		var rc float64
		switch {
		case kb.out != nil && !math.IsInf(kb.out[i], 1):
			rc = kb.out[i] + d.Row[i] - d.Sink
		case kb.rows > kb.p.totalSeats(kb.cols):
			rc = d.Source - d.Row[i] // leaving the source arc empty
		default:
			rc = math.Inf(1)
		}
		if math.Abs(rc) <= kb.tol {
			cs = append(cs, -1)
		}
	}
	for e := kb.start[i]; e < kb.start[i+1]; e++ {
		j := kb.col[e]
		if j >= cur {
			break
		}
		if slices.Contains(forbid, Pair{i, j}) {
			continue
		}
		if rc := kb.cost[e] + d.Row[i] - d.Col[j]; math.Abs(rc) <= kb.tol {
			cs = append(cs, j)
		}
	}
	return cs
}

// kBefore orders open k-best nodes by cost, then unrefined first, then
// RowToCol.
func kBefore(n, o *kNode) bool {
	if n.cost != o.cost {
		return n.cost < o.cost
	}
	if n.refined != o.refined {
		return !n.refined
	}
	return slices.Compare(n.x, o.x) < 0
}
