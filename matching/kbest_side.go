package matching

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
)

// This file ranks the plans of a problem with side constraints by Lawler's
// (1972) partition, each part solved by the constrained solver
// (constrained.go), written from the papers.
//
// A node is a part of the plan space: some rows' choices are fixed and some
// (row, choice) pairs are forbidden. A solved node holds the best plan the
// constrained solver found in it (cost) and the bound it proved (lb); an
// unsolved node holds only a lower bound. Splitting the node of a listed
// plan x over its free rows r_1, …, r_m gives m children: child t fixes r_1
// … r_{t−1} to their choices in x and forbids x's choice for r_t. The
// children partition the node minus x, so the listed plans and the open
// nodes always partition the plan space: the r-th best cost is at least
// the smallest lower bound of the nodes open when the r-th plan is listed.
//
// Bounds without solves. Before splitting, the plain problem of the node
// priced by Lagrange multipliers λ ≥ 0 (costs c + Σ_k λ_k·a_k) is solved
// once, giving potentials U, V. For every plan z of the node that keeps
// the side constraints,
//
//	cost(z) ≥ Σ_i U_i + Σ_j seats_j·min(0, V_j) − λ·b + Σ_i rc_i(z_i),
//
// where rc_i(c) is the priced cost of row i's choice c minus U_i (and
// V_c for a column): the priced cost of z is Σ_i (U_i + V_{z_i} +
// rc_i(z_i)), column j holds at most seats_j rows, and λ·(Az − b) ≤ 0.
// The identity holds for any U and V, so the bound needs no optimality of
// the potentials, only their arithmetic. A child's bound takes, for every
// row, the smallest rc over the choices the child allows: the fixed rows
// contribute rc of x's choice, the forbidding row its best other choice.
// The free rows are ordered by rc of x's choice, largest first (ties by
// row), so that the children listed late fix the rows where x is far from
// the priced optimum and get high bounds. Children whose bound reaches
// past the plans still to be listed are never solved.
//
// Each solve of a part costs a branch and bound, so KBestFrom spends at
// most rankSideSolves·(k−1)·MaxNodes branch-and-bound nodes on them in all
// (a plain solve counts as one); past that budget it lists the best plan
// found, and the bounds still say what is proven. Small problems, whose
// solves prove their optimum in a few nodes, are then ranked exactly.

// rankSideSolves is the number of MaxNodes-node solves KBestFrom may spend
// per plan asked for beyond the first.
const rankSideSolves = 2

// KBestFrom returns k plans of p starting from first: first itself, then
// up to k−1 others, each found by Lawler's partition of the plan space with
// every part solved by Solve (for a problem with side constraints, the
// Lagrangian branch and bound, which may stop at MaxNodes with a gap).
// first must be a feasible plan of p, and first.Bound a proven bound on
// p's optimum in the problem's sense, as Solve returns them; first's
// Multipliers (optional, one per side constraint) price the bounds of the
// parts, which spare solving the parts they prove too costly.
//
// The plans after the first are ordered by cost, ties by the order in
// which the partition found them (which follows the order of the rows).
// Plan r (counting from 1) has Bound, a proven bound on the r-th best
// cost of p: the r-th best cost lies between Bound and Cost. Bound equals
// Cost when that is proven, which holds for every plan when every part's
// solve proved its optimum and no part was left unsolved by the budget: at
// most 2·MaxNodes branch-and-bound nodes in all per plan asked for beyond
// the first (a plain solve counts as one node). Otherwise
// Bound is short of Cost (above it when maximizing). When first is not
// proven optimal, a later plan may cost less than first. U and V are nil;
// Multipliers are those the plan's solve reported.
//
// It returns fewer than k plans when p has fewer, or when the solves of
// the parts left found no plan within MaxNodes; ErrUnsupported when p
// has no Unassigned costs and more rows than seats (the partition cannot
// state "must be placed" then), and the errors of Solve. It panics when
// k < 1, first.RowToCol has the wrong length or p is malformed.
//
// Complexity: solves of p with some pairs fixed or forbidden, at most
// 2(k−1)·MaxNodes branch-and-bound nodes in all (so at most that many
// solves), plus one plain solve and O(E) work per plan listed, for E
// allowed pairs.
func (s *Solver) KBestFrom(ctx context.Context, p *Problem, first Assignment, k int) ([]Assignment, error) {
	if k < 1 {
		panic(fmt.Sprintf("matching: KBestFrom with k = %d < 1", k))
	}
	if err := s.checkArgs(p); err != nil {
		return nil, err
	}
	rows, cols := p.dims()
	p.checkShape(rows, cols)
	if len(first.RowToCol) != rows {
		panic(fmt.Sprintf("matching: KBestFrom with a first plan of %d rows, want %d", len(first.RowToCol), rows))
	}
	if err := p.checkUnassigned(); err != nil {
		return nil, err
	}
	if err := p.checkMagnitude(rows, cols); err != nil {
		return nil, err
	}
	kb, err := newKBest(s, p, rows, cols)
	if err != nil {
		return nil, err
	}
	if kb.out == nil && rows > p.totalSeats(cols) {
		return nil, fmt.Errorf("%w: k best from a plan with more rows than seats and no Unassigned costs", ErrUnsupported)
	}
	fix, err := checkFix(p, rows, cols)
	if err != nil {
		return nil, err
	}
	rk := &sideRanker{kb: kb, s: s, pen: make([]float64, len(kb.col)), kth: math.Inf(1), k: k}
	root := &sideNode{fixed: make([]int, rows), solved: true, x: slices.Clone(first.RowToCol),
		cost: rk.minForm(first.Cost), lambda: first.Multipliers}
	root.lb = math.Min(rk.minForm(first.Bound), root.cost)
	for i := range root.fixed {
		root.fixed[i] = kFree
		if len(p.Fix) > 0 && fix[i] >= 0 {
			root.fixed[i] = fix[i]
		}
	}
	out := []Assignment{first}
	out[0].RowToCol = slices.Clone(first.RowToCol)
	rk.found = append(rk.found, root.cost)
	lbs := []float64{root.lb}
	costs := []float64{root.cost}
	if k == 1 {
		return out, nil
	}
	if err := rk.split(ctx, root); err != nil {
		return nil, err
	}
	budget := rankSideSolves * (k - 1) * s.maxNodes()
	for len(out) < k {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		u, sv := rk.unsolved.peek(), rk.solved.peek()
		if u == nil && sv == nil {
			break
		}
		if sv == nil || (u != nil && u.lb < sv.cost && rk.nodes < budget) {
			rk.unsolved.pop()
			if err := rk.solve(ctx, u); err != nil {
				return nil, err
			}
			continue
		}
		// sv is listed: every open node either may hold no plan cheaper
		// (u.lb ≥ sv.cost) or is left unsolved by the budget.
		rk.solved.pop()
		lb := math.Min(sv.lb, rk.openBound())
		lbs = append(lbs, math.Max(lb, lbs[len(lbs)-1]))
		costs = append(costs, sv.cost)
		a := Assignment{RowToCol: slices.Clone(sv.x), Cost: objective(p, sv.x), Multipliers: sv.lambda}
		out = append(out, a)
		if len(out) < k {
			if err := rk.split(ctx, sv); err != nil {
				return nil, err
			}
		}
	}
	// Order the plans after the first by cost (stable: ties as found); the
	// r-th lower bound holds for the r-th best cost whichever plan sits
	// there, and the r-th best cost is at most the largest of the r
	// smallest costs listed.
	idx := make([]int, len(out)-1)
	for n := range idx {
		idx[n] = n + 1
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case costs[a] < costs[b]:
			return -1
		case costs[a] > costs[b]:
			return 1
		}
		return 0
	})
	sorted := []Assignment{out[0]}
	top := costs[0]
	for r, n := range idx {
		a := out[n]
		top = math.Max(top, costs[n])
		lb := lbs[r+1]
		if rk.kb.integral {
			lb = math.Ceil(lb)
		}
		a.Bound = a.Cost
		if lb < top || costs[n] < top {
			// Not proven. A plan cheaper than one listed before it
			// (first was not optimal) may have lb ≥ its cost; its
			// Bound is then put just below the cost (still a bound)
			// so that Bound < Cost says "not proven".
			if lb >= costs[n] {
				lb = costs[n] - max(1, 1e-9*math.Abs(costs[n]))
			}
			a.Bound = rk.problemForm(lb)
		}
		sorted = append(sorted, a)
	}
	return sorted, nil
}

// sideNode is a part of the plan space (see the file comment).
type sideNode struct {
	// fixed is the choice of each row, kFree when free; nil until needed
	// for a child, which is its parent's split (split) and its place t in
	// the split's order, so that the open children cost O(depth) memory
	// each rather than O(rows).
	fixed  []int
	split  *sideSplit
	t      int
	forbid []Pair // forbidden (row, choice) pairs; Col -1 forbids staying out
	solved bool
	x      []int   // the best plan found (solved)
	cost   float64 // its cost, minimization form
	lb     float64 // a proven bound on the node's best cost
	lambda []float64
	id     int
}

// sideSplit is the split of a listed node: its fixed choices, its plan x
// and the order of its free rows; child t fixes order[:t] to x.
type sideSplit struct {
	fixed, x, order []int
}

// fixedOf returns n's fixed choices, building them from its split.
func (n *sideNode) fixedOf() []int {
	if n.fixed == nil {
		sp := n.split
		n.fixed = slices.Clone(sp.fixed)
		for _, i := range sp.order[:n.t] {
			n.fixed[i] = sp.x[i]
		}
	}
	return n.fixed
}

// nodeHeap is a min-heap of side nodes with a peek.
type nodeHeap struct{ minHeap[*sideNode] }

func (h *nodeHeap) peek() *sideNode {
	if h.len() == 0 {
		return nil
	}
	return h.items[0]
}

type sideRanker struct {
	kb       *kBest
	s        *Solver
	unsolved nodeHeap // by lb, then creation
	solved   nodeHeap // by cost, then creation
	stuck    []*sideNode
	ids      int
	nodes    int // branch-and-bound nodes spent on solves (a plain solve: 1)
	// kth is the k-th smallest cost among the plans found (listed or
	// open), +Inf while fewer than k are known.
	kth   float64
	found []float64
	k     int
	pen   []float64 // Lagrangian penalty of each edge (scratch)
}

func (rk *sideRanker) minForm(c float64) float64 {
	if rk.kb.p.Maximize {
		return -c
	}
	return c
}

func (rk *sideRanker) problemForm(c float64) float64 { return rk.minForm(c) }

// openBound is the smallest lower bound of the open nodes (+Inf when none).
func (rk *sideRanker) openBound() float64 {
	lb := math.Inf(1)
	for _, h := range []*nodeHeap{&rk.unsolved, &rk.solved} {
		for _, n := range h.items {
			lb = math.Min(lb, n.lb)
		}
	}
	for _, n := range rk.stuck {
		lb = math.Min(lb, n.lb)
	}
	return lb
}

func (rk *sideRanker) push(n *sideNode) {
	if rk.unsolved.less == nil {
		rk.unsolved.less = func(a, b *sideNode) bool { return a.lb < b.lb || (a.lb == b.lb && a.id < b.id) }
		rk.solved.less = func(a, b *sideNode) bool { return a.cost < b.cost || (a.cost == b.cost && a.id < b.id) }
	}
	if n.solved {
		rk.solved.push(n)
	} else {
		rk.unsolved.push(n)
	}
}

// allowed calls fn for every choice node n allows row i (−1: staying out,
// when the problem has Unassigned costs), with its edge (−1 for staying
// out).
func (rk *sideRanker) allowed(n *sideNode, i int, fn func(c, e int)) {
	kb := rk.kb
	f := n.fixedOf()[i]
	if kb.out != nil && !math.IsInf(kb.out[i], 1) && (f == kFree || f == -1) && !slices.Contains(n.forbid, Pair{i, -1}) {
		fn(-1, -1)
	}
	for e := kb.start[i]; e < kb.start[i+1]; e++ {
		j := kb.col[e]
		if (f != kFree && f != j) || slices.Contains(n.forbid, Pair{i, j}) {
			continue
		}
		fn(j, e)
	}
}

// problemOf is node n as a problem in minimization form: the rows' allowed
// choices as candidate lists and Unassigned costs, p's seats, groups and
// side constraints; with penalties pen (nil: none) added to the costs and
// without groups and side constraints when plain.
func (rk *sideRanker) problemOf(n *sideNode, pen []float64, plain bool) *Problem {
	kb := rk.kb
	sp := &Sparse{Rows: kb.rows, Cols: kb.cols, Start: make([]int, 1, kb.rows+1)}
	var out []float64
	if kb.out != nil {
		out = make([]float64, kb.rows)
	}
	for i := 0; i < kb.rows; i++ {
		if out != nil {
			out[i] = math.Inf(1)
		}
		rk.allowed(n, i, func(c, e int) {
			if c < 0 {
				out[i] = kb.out[i]
				return
			}
			sp.Col = append(sp.Col, c)
			cost := kb.cost[e]
			if pen != nil {
				cost += pen[e]
			}
			sp.Cost = append(sp.Cost, cost)
		})
		sp.Start = append(sp.Start, len(sp.Col))
	}
	q := &Problem{Candidates: sp, Capacity: kb.p.Capacity, Unassigned: out}
	if !plain {
		q.Groups, q.Side = kb.p.Groups, kb.p.Side
	}
	return q
}

// solve solves node n with the constrained solver and files it: solved
// with its plan, dropped when it has none, or kept as stuck (a bound
// without a plan) when the solver found none within its node limit.
func (rk *sideRanker) solve(ctx context.Context, n *sideNode) error {
	q := rk.problemOf(n, nil, false)
	var a Assignment
	var err error
	nodes := 1
	if len(q.Side) > 0 {
		if len(n.lambda) == len(q.Side) {
			// The part starts from its parent's multipliers (Side.Hint).
			q.Side = slices.Clone(q.Side)
			for k, l := range n.lambda {
				if l > 0 && !math.IsInf(l, 0) {
					q.Side[k].Hint = l
				}
			}
		}
		// Not Solve: an infeasible part needs no explanation.
		a, nodes, err = rk.s.constrained(ctx, q)
	} else {
		// Not Solve: q lists a subset of the checked problem's costs.
		a, err = rk.s.solveChecked(ctx, q)
	}
	rk.nodes += max(1, nodes)
	var ie *InfeasibleError
	switch {
	case errors.As(err, &ie):
		return nil
	case errors.Is(err, ErrNodeLimit):
		rk.stuck = append(rk.stuck, n)
		return nil
	case err != nil:
		return err
	}
	n.solved, n.x, n.cost, n.lambda = true, a.RowToCol, a.Cost, a.Multipliers
	n.lb = math.Max(n.lb, math.Min(a.Bound, a.Cost))
	rk.push(n)
	rk.found = append(rk.found, n.cost)
	if len(rk.found) >= rk.k {
		slices.Sort(rk.found)
		rk.found = rk.found[:rk.k]
		rk.kth = rk.found[rk.k-1]
	}
	return nil
}

// split pushes the children of the listed node n, each with the bound of
// the file comment.
func (rk *sideRanker) split(ctx context.Context, n *sideNode) error {
	kb := rk.kb
	rc, base, ok, err := rk.reduced(ctx, n)
	if err != nil {
		return err
	}
	// m[i]: the smallest rc over the choices n allows row i; at[i]: rc of
	// x's choice; alt[i]: the smallest over the others.
	m := make([]float64, kb.rows)
	at := make([]float64, kb.rows)
	alt := make([]float64, kb.rows)
	total := 0.0
	for i := 0; i < kb.rows; i++ {
		m[i], alt[i] = math.Inf(1), math.Inf(1)
		rk.allowed(n, i, func(c, e int) {
			v := 0.0
			if ok {
				v = rc(i, c, e)
			}
			m[i] = math.Min(m[i], v)
			if c == n.x[i] {
				at[i] = v
			} else {
				alt[i] = math.Min(alt[i], v)
			}
		})
		total += m[i]
	}
	var free []int
	for i, f := range n.fixedOf() {
		if f == kFree {
			free = append(free, i)
		}
	}
	slices.SortStableFunc(free, func(a, b int) int {
		switch {
		case at[a] > at[b]:
			return -1
		case at[a] < at[b]:
			return 1
		}
		return a - b
	})
	sp := &sideSplit{fixed: n.fixedOf(), x: n.x, order: free}
	for t, i := range free {
		if !math.IsInf(alt[i], 1) {
			lb := n.lb
			if ok {
				lb = math.Max(lb, rk.round(base+total-m[i]+alt[i]))
			}
			// A child whose bound exceeds the k-th smallest cost found
			// holds none of the k best plans: dropped.
			if lb <= rk.kth {
				c := &sideNode{split: sp, t: t, forbid: append(slices.Clone(n.forbid), Pair{i, n.x[i]}),
					lb: lb, lambda: n.lambda, id: rk.ids}
				rk.ids++
				rk.push(c)
			}
		}
		total += at[i] - m[i]
	}
	n.fixed = nil // the children keep it through sp
	return nil
}

// round turns a computed bound into a proven one: less a margin for the
// rounding of its sums, then up to an integer when costs are integers.
func (rk *sideRanker) round(lb float64) float64 {
	lb -= 1e-9 * (math.Abs(lb) + 1)
	if rk.kb.integral {
		lb = math.Ceil(lb)
	}
	return lb
}

// reduced solves the plain problem of node n priced by n's multipliers and
// returns the reduced cost of each choice, rc(i, c, e) for row i, choice c
// and edge e (−1 when staying out), and the base of the bound
// (Σ U + Σ seats·min(0, V) − λ·b). ok is false when no bound is available
// (the plain solve failed), and every rc is then 0.
func (rk *sideRanker) reduced(ctx context.Context, n *sideNode) (rc func(i, c, e int) float64, base float64, ok bool, err error) {
	kb := rk.kb
	clear(rk.pen)
	lambdaB := 0.0
	for k, sd := range kb.p.Side {
		if k >= len(n.lambda) || !(n.lambda[k] > 0) || math.IsInf(n.lambda[k], 0) {
			continue
		}
		l := n.lambda[k]
		lambdaB += l * sd.Limit
		for _, t := range sd.Terms {
			lo, hi := kb.start[t.Row], kb.start[t.Row+1]
			if e, found := slices.BinarySearch(kb.col[lo:hi], t.Col); found {
				rk.pen[lo+e] += l * t.Coef
			}
		}
	}
	var plainSolver Solver
	plainSolver.Tolerance = rk.s.Tolerance
	a, err := plainSolver.Solve(ctx, rk.problemOf(n, rk.pen, true))
	if err != nil {
		if ctx.Err() != nil {
			return nil, 0, false, ctx.Err()
		}
		return nil, 0, false, nil
	}
	if len(a.U) != kb.rows || len(a.V) != kb.cols {
		return nil, 0, false, nil
	}
	base = -lambdaB
	for _, u := range a.U {
		base += u
	}
	for j, v := range a.V {
		base += float64(kb.p.seats(j)) * math.Min(0, v)
	}
	if math.IsNaN(base) || math.IsInf(base, 0) {
		return nil, 0, false, nil
	}
	U, V, pen := a.U, a.V, slices.Clone(rk.pen)
	rc = func(i, c, e int) float64 {
		if c < 0 {
			return kb.out[i] - U[i]
		}
		return kb.cost[e] + pen[e] - U[i] - V[c]
	}
	return rc, base, true, nil
}
