package matching

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// This file solves problems with side constraints Σ Coef·x ≤ Limit exactly,
// by Lagrangian relaxation inside branch and bound (Fisher 1981), written
// from the paper.
//
// Relaxation. With multipliers λ ≥ 0, one per side constraint, the
// Lagrangian subproblem
//
//	L(λ) = min over assignments x of Σ (c'[i][j] + Σ_k λ_k·a_k[i][j])·x[i][j] − Σ_k λ_k·b_k
//
// is a plain assignment problem (seats, Unassigned, forbidden pairs) solved
// exactly by the dense or sparse solver, or by the flow solver (flow.go)
// when the problem has groups (or fixed pairs that the plain semantics
// cannot state). Every L(λ) is a lower bound on the optimum (weak duality).
// With one side constraint (a move budget) the dual is maximized exactly by
// cutting planes on its single variable (evaluate1), and the two solutions
// that bracket the optimum are combined into a feasible plan (combine).
// With several, multipliers follow projected subgradient steps with
// Polyak's step length towards the incumbent (or an estimate while there is
// none), the step factor halved when the bound stalls; at the root, rounds
// of subgradient steps alternate with passes of exact coordinate ascent
// (constrained_dual.go), which reach the linear programming bound on the
// example scenarios where subgradient steps alone stall. Every relaxed
// solution also moves the incumbent towards it (relink,
// constrained_primal.go), and once there is an incumbent, pairs whose
// reduced cost proves they cannot improve on it are forbidden below the
// node (constrained_fixing.go).
//
// Branch and bound. A node fixes some pairs and forbids others; its bound
// is the best L(λ) found for it, starting from its parent's multipliers.
// A relaxed solution that satisfies every side constraint is a candidate
// incumbent, and closes the node when λ·(Ax − b) = 0. Otherwise the node is
// split on one pair (i, j): with several side constraints the pair whose
// smoothed relaxed value (constrained_primal.go) is closest to one half;
// otherwise, or when no pair is fractional, a pair of its relaxed solution,
// preferring large coefficients in violated constraints. One child fixes
// the pair, the other (created second) forbids it. Nodes are explored best bound first,
// ties by creation order, newest first, so that the search dives and finds
// incumbents early. With integer costs bounds are rounded up. When MaxNodes
// nodes have been evaluated, the best plan found is returned with Bound,
// the smallest bound of the open nodes, short of Cost and no error: the gap
// is proven, never hidden. Multipliers reports the root's multipliers, so
// that L(Multipliers) ≤ Bound ≤ Cost.
//
// A problem of the generalized assignment shape uses a stronger relaxation
// instead (see gapShape and solveGAP at the end of this file).
//
// Complexity: each subproblem is one plain solve (dense O(R²·C) worst
// case, sparse O(R·(E + C log C))) or one flow; at most MaxNodes nodes,
// each with at most 200 (root) or 12 subgradient steps, or 100 cutting-plane
// steps for a single constraint; with several, at the root up to three
// more rounds of subgradient steps (50, 12 and 12) and four
// coordinate-ascent passes of at most 33 solves per constraint, and at
// every node that branches once there is an incumbent one more solve and
// an O(E) scan for reduced-cost fixing.

// defaultMaxNodes is the node limit when Solver.MaxNodes is zero.
const defaultMaxNodes = 100_000

// conProblem is a side-constrained problem in minimization form over its
// allowed pairs ("edges"), listed row by row with columns ascending.
type conProblem struct {
	p          *Problem
	rows, cols int
	start      []int     // edges of row i: start[i]:start[i+1]
	col        []int     // column of each edge
	cost       []float64 // cost of each edge, minimization form
	out        []float64 // cost of staying out, minimization form (+Inf: must be placed); nil when Unassigned is nil
	side       [][]conTerm
	limit      []float64
	hint       []float64 // starting multipliers of the root (Side.Hint); nil: zeros
	pen        []float64 // Lagrangian penalty of each edge at the current λ
	integer    bool      // all costs are integers: bounds can be rounded up
	scale      float64   // largest cost magnitude, at least 1
	tol        float64
	trivialUB  float64   // no feasible assignment costs more
	coef1      []float64 // coefficient of each edge in the only side constraint (combine)
	useFlow    bool      // the subproblem needs the flow solver (groups)

	// Scratch of relax.
	spCol, spEdge, spStart []int
	spCost, dense          []float64

	fixByFlow  bool          // fixed pairs need the flow solver (every seat must be filled)
	gap        float64       // relative gap tolerance (Solver.Gap), 0 for none
	gapLost    float64       // least bound of the plans dropped for the tolerance alone (prunes)
	zero       bool          // the feasibility problem (constrained_feasible.go): every cost zero
	plain      *plainOptimum // the plain optimum both networks start from (constrained_net.go)
	net        *sapNet       // the network kept between subproblems (constrained_net.go)
	solves     int           // subproblems solved so far (relax)
	diveSaved  netState      // the kept network's state before a dive (constrained_primal.go)
	edgeOfPair func(i, j int) int

	// The side constraints' terms by edge (constrained_primal.go).
	edgeTermStart []int
	edgeTerm      []edgeTerm
}

type conTerm struct {
	e    int // edge
	coef float64
}

// conNode is one branch-and-bound node.
type conNode struct {
	parent *conNode
	fix    int // edge fixed at this node, or -1
	forbid int // edge forbidden at this node, or -1
	bound  float64
	lambda []float64
	id     int
	off    []int32 // edges forbidden in the subtree by reduced-cost fixing (constrained_fixing.go)
}

// solveConstrained solves p, which has side constraints (and possibly
// groups and fixed pairs). See the file comment.
func (s *Solver) solveConstrained(ctx context.Context, p *Problem) (Assignment, error) {
	a, _, err := s.solveConstrainedNodes(ctx, p)
	return a, err
}

// solveConstrainedNodes is solveConstrained, also returning the number of
// nodes evaluated.
func (s *Solver) solveConstrainedNodes(ctx context.Context, p *Problem) (Assignment, int, error) {
	a, nodes, err := s.constrained(ctx, p)
	var ie *InfeasibleError
	if errors.As(err, &ie) {
		err = s.explainInfeasible(ctx, p, ie)
	}
	return a, nodes, err
}

// Limits of explainInfeasible: the number of side constraints it filters
// and the nodes of each of its solves.
const (
	explainMaxSide  = 32
	explainMaxNodes = 10_000
)

// explainInfeasible turns the infeasibility e of a side-constrained problem
// into a small conflict. When p is infeasible without its side constraints,
// that solver's error is the explanation (rows, columns, groups). Otherwise
// a deletion filter drops, one at a time, every side constraint without
// which the rest is still proven infeasible (constraints that relaxed
// solutions never violated are tried first), leaving an irreducible set:
// each remaining constraint is needed for the conflict, as far as
// feasibility searches (constrained_feasible.go) of at most
// explainMaxNodes nodes can tell. With more than explainMaxSide
// constraints, e is returned as is.
func (s *Solver) explainInfeasible(ctx context.Context, p *Problem, e *InfeasibleError) error {
	q := *p
	q.Side = nil
	var err error
	switch {
	case len(q.Fix) > 0 || len(q.Groups) > 0:
		_, err = s.solveFlow(ctx, &q)
	case q.Cost != nil:
		_, err = s.solveDense(ctx, &q)
	default:
		_, err = s.solveSparse(ctx, &q)
	}
	if err != nil {
		return err
	}
	if len(p.Side) > explainMaxSide {
		return e
	}
	named := make([]bool, len(p.Side))
	for k, sd := range p.Side {
		named[k] = slices.Contains(e.Side, sd.Name)
	}
	keep := make([]bool, len(p.Side))
	for k := range keep {
		keep[k] = true
	}
	sub := &Solver{Tolerance: s.Tolerance, MaxNodes: min(s.maxNodes(), explainMaxNodes)}
	for _, wantNamed := range []bool{false, true} {
		for k := range p.Side {
			if named[k] != wantNamed {
				continue
			}
			keep[k] = false
			q.Side = q.Side[:0]
			for k2, sd := range p.Side {
				if keep[k2] {
					q.Side = append(q.Side, sd)
				}
			}
			err := sub.feasibility(ctx, &q, explainMaxNodes)
			switch {
			case errors.Is(err, ErrInfeasible):
				// Still infeasible without k: leave it out.
			case err == nil || errors.Is(err, ErrNodeLimit):
				keep[k] = true
			default:
				return err
			}
		}
	}
	out := &InfeasibleError{}
	for k, sd := range p.Side {
		if keep[k] {
			out.Side = append(out.Side, sd.Name)
		}
	}
	return out
}

// constrained is solveConstrainedNodes without the explanation of an
// infeasible problem.
func (s *Solver) constrained(ctx context.Context, p *Problem) (Assignment, int, error) {
	cp, err := newConProblem(s, p)
	if err != nil {
		return Assignment{}, 0, err
	}
	if g := gapShape(cp); g != nil {
		return s.solveGAP(ctx, cp, g)
	}
	return s.branchAndBound(ctx, cp)
}

func newConProblem(s *Solver, p *Problem) (*conProblem, error) {
	rows, cols := p.dims()
	p.checkShape(rows, cols)
	if err := p.checkUnassigned(); err != nil {
		return nil, err
	}
	cp := &conProblem{p: p, rows: rows, cols: cols, start: make([]int, rows+1), scale: 1, integer: true}
	if sp := p.Candidates; sp != nil {
		cp.col = make([]int, 0, len(sp.Col))
		cp.cost = make([]float64, 0, len(sp.Col))
	}
	cp.tol = s.Tolerance
	cp.gap, cp.gapLost = max(s.Gap, 0), math.Inf(1)
	cp.plain = &plainOptimum{}
	if cp.tol <= 0 {
		cp.tol = defaultTolerance
	}
	err := eachPair(p, func(i, j int, c float64) error {
		if math.IsNaN(c) || (math.IsInf(c, -1) && !p.Maximize) {
			return &CostError{Row: i, Col: j, Value: c}
		}
		cm, ok := p.minCost(c)
		if !ok {
			return nil
		}
		cp.col = append(cp.col, j)
		cp.cost = append(cp.cost, cm)
		cp.start[i+1] = len(cp.col)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i := 1; i <= rows; i++ {
		cp.start[i] = max(cp.start[i], cp.start[i-1])
	}
	if p.Unassigned != nil {
		cp.out = make([]float64, rows)
		for i, c := range p.Unassigned {
			cm, ok := p.minCost(c)
			if !ok {
				cm = math.Inf(1)
			}
			cp.out[i] = cm
		}
	}
	for _, c := range cp.cost {
		cp.scale = math.Max(cp.scale, math.Abs(c))
		cp.integer = cp.integer && c == math.Trunc(c)
	}
	for i := 0; i < rows; i++ {
		worst := math.Inf(-1)
		if cp.out == nil {
			worst = 0
		} else if !math.IsInf(cp.out[i], 1) {
			worst = cp.out[i]
			cp.scale = math.Max(cp.scale, math.Abs(worst))
			cp.integer = cp.integer && worst == math.Trunc(worst)
		}
		for e := cp.start[i]; e < cp.start[i+1]; e++ {
			worst = math.Max(worst, cp.cost[e])
		}
		if !math.IsInf(worst, -1) {
			cp.trivialUB += worst
		}
	}
	cp.edgeOfPair = func(i, j int) int {
		e, found := slices.BinarySearch(cp.col[cp.start[i]:cp.start[i+1]], j)
		if !found {
			return -1
		}
		return cp.start[i] + e
	}
	for k, sd := range p.Side {
		if math.IsNaN(sd.Limit) || math.IsInf(sd.Limit, 0) {
			return nil, fmt.Errorf("%w: side constraint %q has limit %v", ErrInvalidCost, sd.Name, sd.Limit)
		}
		if math.IsNaN(sd.Hint) || math.IsInf(sd.Hint, 0) || sd.Hint < 0 {
			return nil, fmt.Errorf("%w: side constraint %q has hint %v (a multiplier is finite and not negative)", ErrInvalidArgument, sd.Name, sd.Hint)
		}
		ts := make([]conTerm, 0, len(sd.Terms))
		for _, t := range sd.Terms {
			if t.Row < 0 || t.Row >= rows || t.Col < 0 || t.Col >= cols {
				panic(fmt.Sprintf("matching: Side[%d] names pair (%d, %d) out of range (%d rows, %d columns)", k, t.Row, t.Col, rows, cols))
			}
			if math.IsNaN(t.Coef) || math.IsInf(t.Coef, 0) {
				return nil, fmt.Errorf("%w: side constraint %q has coefficient %v", ErrInvalidCost, sd.Name, t.Coef)
			}
			if e := cp.edgeOfPair(t.Row, t.Col); e >= 0 && t.Coef != 0 {
				ts = append(ts, conTerm{e, t.Coef})
			}
		}
		// Merge repeated pairs.
		slices.SortStableFunc(ts, func(a, b conTerm) int { return a.e - b.e })
		merged := ts[:0]
		for _, t := range ts {
			if n := len(merged); n > 0 && merged[n-1].e == t.e {
				merged[n-1].coef += t.coef
			} else {
				merged = append(merged, t)
			}
		}
		cp.side = append(cp.side, merged)
		cp.limit = append(cp.limit, sd.Limit)
		cp.hint = append(cp.hint, sd.Hint)
	}
	cp.pen = make([]float64, len(cp.cost))
	if len(p.Groups) > 0 {
		if _, _, _, err := groupTree(p, cols); err != nil {
			return nil, err
		}
		cp.useFlow = true
	}
	cp.fixByFlow = p.Unassigned == nil && rows > p.totalSeats(cols)
	for k, q := range p.Fix {
		if q.Row < 0 || q.Row >= rows || q.Col < 0 || q.Col >= cols {
			panic(fmt.Sprintf("matching: Fix[%d] = %v out of range (%d rows, %d columns)", k, q, rows, cols))
		}
	}
	return cp, nil
}

// nodeState is the fixed and forbidden edges of a node, unpacked.
type nodeState struct {
	fixedCol  []int  // fixed edge of each row, -1 when none
	forbidden []bool // per edge
}

func (cp *conProblem) unpack(n *conNode, st *nodeState) error {
	if st.fixedCol == nil {
		st.fixedCol = make([]int, cp.rows)
		st.forbidden = make([]bool, len(cp.cost))
	}
	for i := range st.fixedCol {
		st.fixedCol[i] = -1
	}
	clear(st.forbidden)
	for _, q := range cp.p.Fix {
		e := cp.edgeOfPair(q.Row, q.Col)
		if e < 0 || (st.fixedCol[q.Row] >= 0 && st.fixedCol[q.Row] != e) {
			return &InfeasibleError{Rows: []int{q.Row}, Cols: []int{q.Col}}
		}
		st.fixedCol[q.Row] = e
	}
	for ; n != nil; n = n.parent {
		if n.fix >= 0 {
			st.fixedCol[cp.rowOf(n.fix)] = n.fix
		}
		if n.forbid >= 0 {
			st.forbidden[n.forbid] = true
		}
		for _, e := range n.off {
			st.forbidden[e] = true
		}
	}
	return nil
}

func (cp *conProblem) rowOf(e int) int {
	i, found := slices.BinarySearch(cp.start, e)
	if found {
		// start[i] == e; rows with no edges share the same start: take the
		// last such row.
		for i+1 < len(cp.start) && cp.start[i+1] == e {
			i++
		}
		return i
	}
	return i - 1
}

// relax solves the Lagrangian subproblem at the node with the penalties in
// cp.pen; it returns the row → edge map (-1 out), the subproblem value and
// an *InfeasibleError when the node has no assignment at all.
func (s *Solver) relax(ctx context.Context, cp *conProblem, st *nodeState) ([]int, float64, error) {
	cp.solves++
	if !cp.fixByFlow {
		return s.relaxNet(ctx, cp, st)
	}
	// Scratch buffers are reused from one relaxation to the next.
	if cp.spCol == nil {
		cp.spCol = make([]int, 0, len(cp.cost))
		cp.spCost = make([]float64, 0, len(cp.cost))
		cp.spEdge = make([]int, 0, len(cp.cost))
		cp.spStart = make([]int, 0, cp.rows+1)
	}
	sp := &Sparse{Rows: cp.rows, Cols: cp.cols, Start: append(cp.spStart[:0], 0), Col: cp.spCol[:0], Cost: cp.spCost[:0]}
	edge := cp.spEdge[:0]
	var out []float64
	if cp.out != nil {
		out = slices.Clone(cp.out)
	}
	var fix []Pair
	for i := 0; i < cp.rows; i++ {
		f := st.fixedCol[i]
		for e := cp.start[i]; e < cp.start[i+1]; e++ {
			if st.forbidden[e] && e != f {
				continue
			}
			if f >= 0 && e != f && !cp.fixByFlow {
				continue
			}
			sp.Col = append(sp.Col, cp.col[e])
			sp.Cost = append(sp.Cost, cp.cost[e]+cp.pen[e])
			edge = append(edge, e)
		}
		sp.Start = append(sp.Start, len(sp.Col))
		if f >= 0 {
			if cp.fixByFlow {
				fix = append(fix, Pair{i, cp.col[f]})
			} else if out != nil {
				out[i] = math.Inf(1)
			}
		}
	}
	q := &Problem{Candidates: sp, Capacity: cp.p.Capacity, Unassigned: out, Groups: cp.p.Groups, Fix: fix}
	var a Assignment
	var err error
	switch {
	case cp.useFlow || len(fix) > 0:
		a, err = s.solveFlow(ctx, q)
	case cp.p.Cost != nil:
		// A dense problem stays dense: the dense solver is the faster one
		// on full rows.
		inf := math.Inf(1)
		if cp.dense == nil {
			cp.dense = make([]float64, cp.rows*cp.cols)
		}
		data := cp.dense
		for k := range data {
			data[k] = inf
		}
		for i := 0; i < cp.rows; i++ {
			for k := sp.Start[i]; k < sp.Start[i+1]; k++ {
				data[i*cp.cols+sp.Col[k]] = sp.Cost[k]
			}
		}
		q.Candidates, q.Cost = nil, mat.NewDense(cp.rows, cp.cols, data)
		if cp.rows == 0 || cp.cols == 0 {
			q.Cost, q.Candidates = nil, sp
			a, err = s.solveSparse(ctx, q)
		} else {
			a, err = s.solveDense(ctx, q)
		}
	default:
		a, err = s.solveSparse(ctx, q)
	}
	if err != nil {
		return nil, 0, err
	}
	x := make([]int, cp.rows)
	for i, j := range a.RowToCol {
		x[i] = -1
		if j >= 0 {
			k, _ := slices.BinarySearch(sp.Col[sp.Start[i]:sp.Start[i+1]], j)
			x[i] = edge[sp.Start[i]+k]
		}
	}
	return x, a.Cost, nil
}

// satisfies reports whether the plan rowToCol meets every side constraint.
func (cp *conProblem) satisfies(rowToCol []int) bool {
	onEdge := make([]bool, len(cp.cost))
	for i, j := range rowToCol {
		if j >= 0 {
			if e := cp.edgeOfPair(i, j); e >= 0 {
				onEdge[e] = true
			}
		}
	}
	for k := range cp.side {
		if cp.lhs(k, onEdge) > cp.limit[k]+cp.tol*math.Max(1, math.Abs(cp.limit[k])) {
			return false
		}
	}
	return true
}

// primal returns the cost of x (row → edge) in minimization form.
// edgeCost is row i's cost on edge e, or of staying out (e < 0).
func (cp *conProblem) edgeCost(i, e int) float64 {
	if e >= 0 {
		return cp.cost[e]
	}
	if cp.out != nil {
		return cp.out[i]
	}
	return 0
}

// price sets the Lagrangian penalty of every edge for the multipliers
// lambda.
func (cp *conProblem) price(lambda []float64) {
	clear(cp.pen)
	for k, ts := range cp.side {
		if lambda[k] == 0 {
			continue
		}
		for _, t := range ts {
			cp.pen[t.e] += lambda[k] * t.coef
		}
	}
}

func (cp *conProblem) primal(x []int) float64 {
	sum := 0.0
	for i, e := range x {
		sum += cp.edgeCost(i, e)
	}
	return sum
}

// lhs returns Σ coef·x of side constraint k.
func (cp *conProblem) lhs(k int, onEdge []bool) float64 {
	sum := 0.0
	for _, t := range cp.side[k] {
		if onEdge[t.e] {
			sum += t.coef
		}
	}
	return sum
}

// roundBound rounds a Lagrangian bound up when costs are integers. The
// allowance for rounding error is relative but below one half, so that a
// bound equal to an integer cost is never rounded down to the integer below
// (at the magnitudes of scenario costs, 1e-6 relative is over 10⁴).
func (cp *conProblem) roundBound(l float64) float64 {
	if cp.integer && !math.IsInf(l, 0) {
		return math.Ceil(l - math.Min(0.5, 1e-6*math.Max(1, math.Abs(l))))
	}
	return l
}

// prunes reports whether a node (or any set of plans) with bound l cannot
// hold a plan better than ub, or, with a gap tolerance (Solver.Gap), not
// one better by more than the tolerance. A set dropped only for the
// tolerance keeps its bound in cp.gapLost, which bounds the result.
func (cp *conProblem) prunes(l, ub float64) bool {
	if math.IsInf(ub, 1) {
		return l > cp.trivialUB+cp.tol*cp.scale*float64(cp.rows+1)
	}
	if cp.integer && l >= ub || !cp.integer && l >= ub-cp.tol*cp.scale*float64(cp.rows+1) {
		return true
	}
	if cp.gap > 0 && l >= ub-cp.gap*math.Max(1, math.Abs(ub)) {
		cp.gapLost = math.Min(cp.gapLost, l)
		return true
	}
	return false
}

// bnb holds the search state.
type bnb struct {
	cp      *conProblem
	ub      float64 // incumbent cost, minimization form
	best    []int   // incumbent, row → edge
	nodes   int
	violate []bool // side constraints ever violated by a relaxed solution

	open         minHeap[*conNode] // nodes left to evaluate
	ids          int               // creation id of the next node
	rootLambda   []float64         // the root's multipliers
	rootSolves   int               // subproblems the root's evaluation solved (constrained_strong.go)
	strongSolves int               // subproblems strong branching's trials solved (constrained_strong.go)
	strongIdle   int               // strong branchings in a row that raised no child's bound

	avg []float64 // smoothed relaxed solutions of the node's subgradient steps, per edge (constrained_primal.go)
}

// evaluate runs the subgradient method at node n, sets n.bound and
// n.lambda, and returns the relaxed solution at the best multipliers; nil
// when the node is closed (infeasible, pruned or solved).
func (s *Solver) evaluate(ctx context.Context, b *bnb, n *conNode, st *nodeState, iters int) ([]int, error) {
	cp := b.cp
	m := len(cp.side)
	if m == 1 {
		return s.evaluate1(ctx, b, n, st)
	}
	lambda := slices.Clone(n.lambda)
	bestL := math.Inf(-1)
	var bestX []int
	bestLambda := slices.Clone(lambda)
	onEdge := make([]bool, len(cp.cost))
	g := make([]float64, m)
	theta := 2.0
	stall := 0
	b.avg = growDense(b.avg, len(cp.cost))
	clear(b.avg)
	rounds := ascentRounds
	if n.parent == nil {
		rounds = ascentRoundsRoot
		if slices.ContainsFunc(lambda, func(v float64) bool { return v > 0 }) {
			// Steps from hinted multipliers (Side.Hint: the last lazy
			// round's, say) start short, or the first ones throw the
			// hint away.
			theta = 0.25
		}
		// Sign-adaptive steps first (constrained_block.go), then a dive
		// from their best relaxed solution when it leaves the node open.
		db := dualBest{l: bestL, lambda: slices.Clone(lambda)}
		closed, err := s.blockAscent(ctx, b, st, &db)
		if done, err := settle(n, &db, closed, err); done {
			return nil, err
		}
		if db.x != nil {
			bestL, bestX = db.l, db.x
			copy(bestLambda, db.lambda)
			copy(lambda, db.lambda)
			if !cp.zero && !cp.prunes(cp.roundBound(bestL), b.ub) {
				if err := s.dive(ctx, b, st, bestLambda, bestX); err != nil {
					return nil, err
				}
			}
		}
	}
	for round := 0; ; round++ {
		if round > 0 {
			// Subgradient steps again from where coordinate ascent left.
			copy(lambda, bestLambda)
			theta, stall = 1, 0
			iters = max(iters/4, 12)
		}
		for it := 0; it < iters; it++ {
			cp.price(lambda)
			x, val, err := s.relax(ctx, cp, st)
			if err != nil {
				if errors.Is(err, ErrInfeasible) {
					n.bound = math.Inf(1)
					return nil, nil
				}
				return nil, err
			}
			l := val
			for k := range lambda {
				l -= lambda[k] * cp.limit[k]
			}
			clear(onEdge)
			for _, e := range x {
				if e >= 0 {
					onEdge[e] = true
				}
			}
			feasible := true
			cs := 0.0 // λ·(Ax − b)
			norm := 0.0
			for k := range g {
				g[k] = cp.lhs(k, onEdge) - cp.limit[k]
				if g[k] > cp.tol*math.Max(1, math.Abs(cp.limit[k])) {
					feasible = false
					b.violate[k] = true
				}
				cs += lambda[k] * g[k]
				if lambda[k] > 0 || g[k] > 0 {
					norm += g[k] * g[k]
				}
			}
			if l > bestL+cp.tol*cp.scale {
				bestL, bestX = l, x
				copy(bestLambda, lambda)
				stall = 0
			} else {
				if bestX == nil {
					bestX = x
				}
				stall++
				if stall >= 4 {
					theta /= 2
					stall = 0
				}
			}
			b.relink(x)
			if round == 0 {
				b.average(x, it)
			}
			if feasible {
				if c := cp.primal(x); c < b.ub {
					b.ub = c
					b.best = slices.Clone(x)
				}
				if math.Abs(cs) <= cp.tol*cp.scale*float64(cp.rows+1) {
					// x is optimal at this node: L(λ) = its cost.
					n.bound = cp.primal(x)
					n.lambda = bestLambda
					return nil, nil
				}
			}
			if cp.prunes(cp.roundBound(bestL), b.ub) {
				break
			}
			if norm == 0 || theta < 1e-4 {
				break
			}
			target := b.ub
			if math.IsInf(target, 1) {
				target = l + 0.1*math.Max(1, math.Abs(l))
			}
			step := theta * math.Max(target-l, 1e-3*cp.scale) / norm
			for k := range lambda {
				lambda[k] = math.Max(0, lambda[k]+step*g[k])
			}
		}
		if rounds == 0 || cp.prunes(cp.roundBound(bestL), b.ub) {
			break
		}
		{
			// Exact coordinate ascent from the best multipliers
			// (constrained_dual.go).
			db := dualBest{l: bestL, x: bestX, lambda: bestLambda}
			closed, err := s.ascend(ctx, b, st, &db, 1)
			if done, err := settle(n, &db, closed, err); done {
				return nil, err
			}
			improved := db.l > bestL+cp.tol*cp.scale
			bestL, bestX, bestLambda = db.l, db.x, db.lambda
			if !improved || round+1 >= rounds {
				break
			}
		}
	}
	n.bound = math.Max(n.bound, cp.roundBound(bestL))
	n.lambda = bestLambda
	if cp.prunes(n.bound, b.ub) {
		return nil, nil
	}
	return bestX, nil
}

// settle applies the outcome of a dual search at node n (blockAscent,
// ascend): a node without an assignment gets bound +Inf, one closed by a
// feasible relaxed solution the search's value and multipliers. It
// reports whether the node is done, with any other error.
func settle(n *conNode, db *dualBest, closed bool, err error) (bool, error) {
	switch {
	case errors.Is(err, ErrInfeasible):
		n.bound = math.Inf(1)
		return true, nil
	case err != nil:
		return true, err
	case closed:
		n.bound, n.lambda = db.l, db.lambda
		return true, nil
	}
	return false, nil
}

// line is one relaxed solution seen as the line λ ↦ cx + λ·(ax − b) of
// the Lagrangian with one side constraint.
type line struct {
	x      []int
	cx, ax float64
}

func (l line) at(lambda, b float64) float64 { return l.cx + lambda*(l.ax-b) }

// evaluate1 is evaluate for a single side constraint (a move budget, a
// relocation budget). The Lagrangian dual is then a concave piecewise
// linear function of one variable, maximized exactly by cutting planes:
// bracket the optimum between a solution that violates the constraint and
// one that satisfies it, then solve at the intersection of their lines; the
// new solution either lies on both lines (the intersection is the dual
// optimum) or replaces the bracket end of its side. Each step is one
// subproblem solve, and there are few.
func (s *Solver) evaluate1(ctx context.Context, b *bnb, n *conNode, st *nodeState) ([]int, error) {
	cp := b.cp
	limit := cp.limit[0]
	eps := cp.tol * cp.scale * float64(cp.rows+1) // for values (cost units)
	// epsA is for the constraint's left-hand side (coefficient units): a
	// cost tolerance there would call a plan tight when it is dozens of
	// units short at scenario magnitudes, and close the node too early.
	epsA := cp.tol * math.Max(1, math.Abs(limit))
	onEdge := make([]bool, len(cp.cost))
	bestL, bestLambda := math.Inf(-1), n.lambda[0]
	var branchX []int
	// solveAt returns the relaxed solution at λ as a line; ok is false when
	// the node is infeasible or closed.
	solveAt := func(lambda float64) (line, bool, error) {
		clear(cp.pen)
		for _, t := range cp.side[0] {
			cp.pen[t.e] = lambda * t.coef
		}
		x, _, err := s.relax(ctx, cp, st)
		if err != nil {
			if errors.Is(err, ErrInfeasible) {
				n.bound = math.Inf(1)
				return line{}, false, nil
			}
			return line{}, false, err
		}
		clear(onEdge)
		for _, e := range x {
			if e >= 0 {
				onEdge[e] = true
			}
		}
		l := line{x: x, cx: cp.primal(x), ax: cp.lhs(0, onEdge)}
		if v := l.at(lambda, limit); v > bestL {
			bestL, bestLambda = v, lambda
		}
		if l.ax <= limit+cp.tol*math.Max(1, math.Abs(limit)) {
			if l.cx < b.ub {
				b.ub = l.cx
				b.best = slices.Clone(x)
			}
		} else {
			b.violate[0] = true
			branchX = x
		}
		return l, true, nil
	}
	finish := func(bound float64) ([]int, error) {
		n.bound = math.Max(n.bound, cp.roundBound(bound))
		n.lambda = []float64{bestLambda}
		if cp.prunes(n.bound, b.ub) || branchX == nil {
			return nil, nil
		}
		return branchX, nil
	}
	lam := n.lambda[0]
	cur, ok, err := solveAt(lam)
	if !ok {
		return nil, err
	}
	feasible := func(l line) bool { return l.ax <= limit+cp.tol*math.Max(1, math.Abs(limit)) }
	var lo, hi line // lo violates (ax > b), hi satisfies
	var loLam, hiLam float64
	if feasible(cur) {
		if lam == 0 || math.Abs(cur.ax-limit) <= epsA {
			n.bound, n.lambda = cur.at(lam, limit), []float64{lam}
			return nil, nil // complementary slackness: optimal here
		}
		hi, hiLam = cur, lam
		if lo, ok, err = solveAt(0); !ok {
			return nil, err
		}
		loLam = 0
		if feasible(lo) {
			n.bound, n.lambda = lo.cx, []float64{0}
			return nil, nil
		}
	} else {
		lo, loLam = cur, lam
		// The first step is a thousandth of the largest cost (at least 1):
		// multipliers below that change few choices, and each step is a
		// re-optimization.
		step := max(lam, 1e-3*cp.scale, 1)
		for {
			if cp.prunes(cp.roundBound(bestL), b.ub) {
				return finish(bestL)
			}
			hiLam = lam + step
			if hi, ok, err = solveAt(hiLam); !ok {
				return nil, err
			}
			if feasible(hi) {
				break
			}
			// Next step: the straight line through the last two points
			// (λ, ax) reaches the limit at about next; take 1.25 times
			// that, between 1 and 4 times the last step (this saves
			// re-optimizations that overshoot far past the optimum).
			next := step * 4
			if d := lo.ax - hi.ax; d > 0 {
				next = min(max(1.25*step*(hi.ax-limit)/d, step), next)
			}
			lo, loLam = hi, hiLam
			lam, step = hiLam, next
		}
	}
	defer func() { b.combine(lo.x, hi.x) }()
	for it := 0; it < 100; it++ {
		if cp.prunes(cp.roundBound(bestL), b.ub) {
			break
		}
		// Intersection of the two lines.
		den := (lo.ax - hi.ax)
		if den <= 0 {
			break
		}
		mid := (hi.cx - lo.cx) / den
		if mid <= loLam || mid >= hiLam || math.IsNaN(mid) {
			mid = math.Min(math.Max(mid, loLam), hiLam)
		}
		top := lo.at(mid, limit)
		x, ok, err := solveAt(mid)
		if !ok {
			return nil, err
		}
		if x.at(mid, limit) >= top-eps {
			// mid maximizes the dual: L(mid) = top.
			if feasible(x) && math.Abs(x.ax-limit) <= epsA {
				n.bound, n.lambda = x.cx, []float64{mid}
				return nil, nil
			}
			break
		}
		if feasible(x) {
			hi, hiLam = x, mid
		} else {
			lo, loLam = x, mid
		}
	}
	return finish(bestL)
}

// combine is the primal heuristic of a single side constraint: lo (which
// violates it) and hi (which satisfies it) differ on a set of rows, which
// are split into units that can be switched from hi's choices to lo's one
// at a time while keeping every column's seats. When both are optimal for
// the same multiplier λ* and the problem has no groups, every such switch
// keeps the Lagrangian value (the difference of two optimal flows is a sum
// of zero-cost cycles, AMO §3.5 and §9.3), so a plan that switches units
// worth exactly the constraint's slack costs exactly the Lagrangian bound:
// it is optimal. The units are first the chains of the path and cycle
// decomposition of the difference (finest: usually single rows), then,
// when that result breaks a group, the components of rows linked by the
// columns they use (coarser, but each keeps every column's load). The
// units to switch are chosen by a 0/1 knapsack (cost saved within the
// constraint's slack; by ratio when the coefficients are not small
// integers), and the result becomes the incumbent when it is feasible and
// cheaper.
func (b *bnb) combine(lo, hi []int) {
	if lo == nil || hi == nil {
		return
	}
	for _, chains := range []bool{true, false} {
		if b.combineBy(lo, hi, chains) {
			return
		}
	}
}

// combineUnits splits the rows where lo and hi differ into units; it
// returns the unit of each row (-1 where they agree). With chains set the
// units are the paths and cycles of the difference: at each column, the
// rows entering it in lo are paired, ascending, with the rows leaving it,
// and a row is linked to the row leaving the column it enters. Otherwise
// the units are the connected components of rows linked through the
// columns they use in lo or hi.
func (cp *conProblem) combineUnits(lo, hi []int, chains bool) []int {
	// Union-find over rows that differ, joined through shared columns (or
	// through the pairing at each column).
	parent := make([]int, cp.rows)
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	if chains {
		enter := make([][]int, cp.cols)
		leave := make([][]int, cp.cols)
		for i := 0; i < cp.rows; i++ {
			if lo[i] == hi[i] {
				continue
			}
			if lo[i] >= 0 {
				enter[cp.col[lo[i]]] = append(enter[cp.col[lo[i]]], i)
			}
			if hi[i] >= 0 {
				leave[cp.col[hi[i]]] = append(leave[cp.col[hi[i]]], i)
			}
		}
		for j := range enter {
			for k := 0; k < min(len(enter[j]), len(leave[j])); k++ {
				parent[find(enter[j][k])] = find(leave[j][k])
			}
		}
	} else {
		owner := make([]int, cp.cols)
		for j := range owner {
			owner[j] = -1
		}
		for i := 0; i < cp.rows; i++ {
			if lo[i] == hi[i] {
				continue
			}
			for _, e := range [2]int{lo[i], hi[i]} {
				if e < 0 {
					continue
				}
				j := cp.col[e]
				if owner[j] < 0 {
					owner[j] = i
				} else {
					parent[find(i)] = find(owner[j])
				}
			}
		}
	}
	unit := make([]int, cp.rows)
	for i := range unit {
		unit[i] = -1
		if lo[i] != hi[i] {
			unit[i] = find(i)
		}
	}
	return unit
}

// combineBy is combine with one kind of unit; it reports whether the plan
// it built is feasible.
func (b *bnb) combineBy(lo, hi []int, chains bool) bool {
	cp := b.cp
	if cp.coef1 == nil {
		cp.coef1 = make([]float64, len(cp.cost))
		for _, t := range cp.side[0] {
			cp.coef1[t.e] = t.coef
		}
	}
	coef := cp.coef1
	unit := cp.combineUnits(lo, hi, chains)
	type comp struct {
		root      int
		dcost, da float64
	}
	idx := make([]int, cp.rows)
	var comps []comp
	for i := 0; i < cp.rows; i++ {
		idx[i] = -1
	}
	for i := 0; i < cp.rows; i++ {
		if unit[i] < 0 {
			continue
		}
		r := unit[i]
		if idx[r] < 0 {
			idx[r] = len(comps)
			comps = append(comps, comp{root: r})
		}
		c := &comps[idx[r]]
		c.dcost += cp.edgeCost(i, lo[i]) - cp.edgeCost(i, hi[i])
		if lo[i] >= 0 {
			c.da += coef[lo[i]]
		}
		if hi[i] >= 0 {
			c.da -= coef[hi[i]]
		}
	}
	if len(comps) == 0 {
		return true
	}
	onEdge := make([]bool, len(cp.cost))
	for _, e := range hi {
		if e >= 0 {
			onEdge[e] = true
		}
	}
	slack := cp.limit[0] - cp.lhs(0, onEdge)
	take := make([]bool, len(comps))
	integer := slack < 1e5
	for _, c := range comps {
		integer = integer && c.da == math.Trunc(c.da)
	}
	// Always take components that save cost without using slack.
	var items []int
	for k, c := range comps {
		switch {
		case c.dcost <= 0 && c.da <= 0:
			take[k] = true
			slack -= c.da
		case c.dcost < 0:
			items = append(items, k)
		}
	}
	if integer && slack >= 0 {
		w := int(math.Floor(slack + 1e-9))
		dp := make([]float64, w+1)
		keep := make([][]bool, len(items))
		for n, k := range items {
			keep[n] = make([]bool, w+1)
			da := int(comps[k].da)
			for c := w; c >= da; c-- {
				if v := dp[c-da] - comps[k].dcost; v > dp[c] {
					dp[c] = v
					keep[n][c] = true
				}
			}
		}
		c := w
		for n := len(items) - 1; n >= 0; n-- {
			if keep[n][c] {
				take[items[n]] = true
				c -= int(comps[items[n]].da)
			}
		}
	} else {
		slices.SortStableFunc(items, func(a, b int) int {
			ra, rb := -comps[a].dcost/comps[a].da, -comps[b].dcost/comps[b].da
			switch {
			case ra > rb:
				return -1
			case ra < rb:
				return 1
			}
			return 0
		})
		for _, k := range items {
			if comps[k].da <= slack {
				take[k] = true
				slack -= comps[k].da
			}
		}
	}
	x := slices.Clone(hi)
	for i := 0; i < cp.rows; i++ {
		if lo[i] != hi[i] && take[idx[unit[i]]] {
			x[i] = lo[i]
		}
	}
	clear(onEdge)
	rowToCol := make([]int, cp.rows)
	for i, e := range x {
		rowToCol[i] = -1
		if e >= 0 {
			onEdge[e] = true
			rowToCol[i] = cp.col[e]
		}
	}
	if cp.lhs(0, onEdge) > cp.limit[0]+cp.tol*math.Max(1, math.Abs(cp.limit[0])) {
		return false
	}
	return b.offer(x, rowToCol)
}

// offer makes x (row → edge, whose side constraints hold; rowToCol its
// columns) the incumbent when its groups and fixed pairs hold and it costs
// less than the incumbent; it reports whether x is feasible.
func (b *bnb) offer(x, rowToCol []int) bool {
	cp := b.cp
	if len(cp.p.Groups) > 0 && !groupsHold(cp.p, rowToCol) {
		return false
	}
	for _, q := range cp.p.Fix {
		if rowToCol[q.Row] != q.Col {
			return false
		}
	}
	if c := cp.primal(x); c < b.ub {
		b.ub = c
		b.best = x
	}
	return true
}

// branchEdge picks the edge to branch on from the relaxed solution x at the
// node's multipliers; -1 when the node's only assignment is x itself.
func (cp *conProblem) branchEdge(x []int, st *nodeState, lambda []float64) int {
	onEdge := make([]bool, len(cp.cost))
	for _, e := range x {
		if e >= 0 {
			onEdge[e] = true
		}
	}
	weight := make([]float64, len(cp.cost))
	for k, ts := range cp.side {
		viol := cp.lhs(k, onEdge) - cp.limit[k]
		for _, t := range ts {
			if !onEdge[t.e] || t.coef <= 0 {
				continue
			}
			if viol > 0 {
				weight[t.e] += 1e6 * t.coef // violated constraints first
			}
			weight[t.e] += lambda[k]*t.coef + 1e-9
		}
	}
	best, bestW := -1, 0.0
	for i, e := range x {
		if e < 0 || st.fixedCol[i] >= 0 {
			continue
		}
		if best < 0 || weight[e] > bestW {
			best, bestW = e, weight[e]
		}
	}
	if best >= 0 {
		return best
	}
	for i := 0; i < cp.rows; i++ {
		if st.fixedCol[i] >= 0 {
			continue
		}
		for e := cp.start[i]; e < cp.start[i+1]; e++ {
			if !st.forbidden[e] {
				return e
			}
		}
	}
	return -1
}

// nodeBefore orders open branch-and-bound nodes by bound, then creation
// order, newest first (among equal bounds the search dives, which finds
// incumbents early).
func nodeBefore(n, o *conNode) bool {
	return n.bound < o.bound || (n.bound == o.bound && n.id > o.id)
}

func (s *Solver) maxNodes() int {
	if s.MaxNodes > 0 {
		return s.MaxNodes
	}
	return defaultMaxNodes
}

// branchAndBound runs the generic search of the file comment.
func (s *Solver) branchAndBound(ctx context.Context, cp *conProblem) (Assignment, int, error) {
	b := newBnb(cp)
	limit := s.maxNodes()
	// Feasibility first: a search of the same constraints at zero cost
	// (constrained_feasible.go) proves the problem infeasible or finds a
	// plan, the first incumbent: it gives the root's subgradient steps a
	// target and relinking a plan to move from.
	first, infeasible, err := s.feasiblePlan(ctx, cp, limit, b.violate)
	switch {
	case err != nil:
		return Assignment{}, 0, err
	case infeasible:
		b.open.items = b.open.items[:0]
	case first != nil:
		b.ub, b.best = cp.primal(first), first
	}
	bound, err := s.explore(ctx, b, limit, false)
	if err != nil {
		return Assignment{}, b.nodes, err
	}
	a, err := cp.finish(&b.open, b.best, bound, b.ub, b.nodes, b.rootLambda, func() error { return cp.infeasible(b) })
	return a, b.nodes, err
}

// newBnb returns the search state of cp with its root node open.
func newBnb(cp *conProblem) *bnb {
	b := &bnb{cp: cp, ub: math.Inf(1), violate: make([]bool, len(cp.side)), open: minHeap[*conNode]{less: nodeBefore}, ids: 1}
	lambda := make([]float64, len(cp.side))
	copy(lambda, cp.hint)
	b.open.push(&conNode{fix: -1, forbid: -1, bound: math.Inf(-1), lambda: lambda})
	return b
}

// explore evaluates b's open nodes, best bound first, until none is left,
// limit nodes have been evaluated, the incumbent is within the Solver's
// Gap of the best bound or, with first, there is an incumbent. explore
// returns the bound of the node it stopped at (+Inf when it ran out of
// nodes); the other open nodes stay in b.open.
func (s *Solver) explore(ctx context.Context, b *bnb, limit int, first bool) (float64, error) {
	cp := b.cp
	var st nodeState
	for b.open.len() > 0 {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		n := b.open.pop()
		if cp.prunes(n.bound, b.ub) {
			continue
		}
		if b.nodes >= limit || (first && b.best != nil) {
			return n.bound, nil
		}
		b.nodes++
		if err := cp.unpack(n, &st); err != nil {
			continue // a fixed pair of the problem is not allowed: no plan here
		}
		iters := 12 // children start from their parent's multipliers
		if n.parent == nil {
			iters = 200
		}
		x, err := s.evaluate(ctx, b, n, &st, iters)
		if err != nil {
			return 0, err
		}
		if n.parent == nil {
			b.rootLambda = n.lambda
			b.rootSolves = cp.solves
		}
		if !first {
			s.report(b, n, limit)
		}
		if x == nil {
			continue
		}
		if len(cp.side) > 1 && b.best == nil && !cp.zero {
			// No plan yet: dive from the node's relaxed solution
			// (constrained_primal.go).
			if err := s.dive(ctx, b, &st, n.lambda, x); err != nil {
				return 0, err
			}
			if cp.prunes(n.bound, b.ub) {
				continue
			}
		}
		if err := s.fixReduced(ctx, b, n, &st); err != nil {
			return 0, err
		}
		e := -1
		if len(cp.side) > 1 {
			// Strong branching (constrained_strong.go) while its
			// ration lasts, then the smoothed estimate.
			done, err := s.strongBranch(ctx, b, n, &st)
			if err != nil {
				return 0, err
			}
			if done {
				continue
			}
			if es := b.fractionalEdges(&st, 1); len(es) > 0 {
				e = es[0]
			}
		}
		if e < 0 {
			e = cp.branchEdge(x, &st, n.lambda)
		}
		if e < 0 {
			continue // x is the node's only assignment and it was evaluated
		}
		b.ids = branch(&b.open, n, e, b.ids)
	}
	return math.Inf(1), nil
}

// SearchState is the state of a branch-and-bound search after a node,
// for Solver.Search. Costs are in the problem's own sense (values when
// maximizing).
type SearchState struct {
	// Nodes is the number of nodes evaluated, at most MaxNodes.
	Nodes, MaxNodes int
	// Found reports whether a plan has been found; Incumbent is its cost
	// (zero when none).
	Found     bool
	Incumbent float64
	// Bound is the proven bound on the optimum (−Inf when minimizing
	// before the root is evaluated; +Inf when maximizing).
	Bound float64
}

// Gap returns the relative gap |Incumbent − Bound| / max(1, |Incumbent|),
// +Inf without a plan.
func (st SearchState) Gap() float64 {
	if !st.Found {
		return math.Inf(1)
	}
	return math.Abs(st.Incumbent-st.Bound) / math.Max(1, math.Abs(st.Incumbent))
}

// report calls s.Search after node n, or without it s.Progress.
func (s *Solver) report(b *bnb, n *conNode, limit int) {
	if s.Search == nil {
		if s.Progress != nil {
			s.Progress(b.nodes, limit)
		}
		return
	}
	cp := b.cp
	bound := math.Min(b.ub, cp.gapLost)
	if n.bound < bound {
		bound = n.bound
	}
	for _, o := range b.open.items {
		bound = math.Min(bound, o.bound)
	}
	st := SearchState{Nodes: b.nodes, MaxNodes: limit, Found: b.best != nil, Bound: bound}
	if st.Found {
		st.Incumbent = objective(cp.p, cp.rowToCol(b.best))
	}
	if cp.p.Maximize {
		st.Bound = -st.Bound
	}
	s.Search(st)
}

// rowToCol returns the columns of the plan x (row → edge).
func (cp *conProblem) rowToCol(x []int) []int {
	out := make([]int, len(x))
	for i, e := range x {
		out[i] = -1
		if e >= 0 {
			out[i] = cp.col[e]
		}
	}
	return out
}

// branch pushes the two children of n that fix and forbid edge e, with
// creation ids ids and ids+1, and returns the next free id. Fix first,
// then forbid: ties in bound go to the newest node, the forbidding child,
// which moves away from the violation.
func branch(open *minHeap[*conNode], n *conNode, e, ids int) int {
	open.push(&conNode{parent: n, fix: e, forbid: -1, bound: n.bound, lambda: n.lambda, id: ids})
	open.push(&conNode{parent: n, fix: -1, forbid: e, bound: n.bound, lambda: n.lambda, id: ids + 1})
	return ids + 2
}

// finish ends a branch-and-bound search: the incumbent best with the
// proven bound (the smallest of bound, the open nodes' bounds and the
// incumbent's cost ub); without an incumbent, ErrNodeLimit when the search
// was cut short, else the error infeasible returns.
func (cp *conProblem) finish(open *minHeap[*conNode], best []int, bound, ub float64, nodes int, lambda []float64, infeasible func() error) (Assignment, error) {
	if best == nil {
		if open.len() > 0 || !math.IsInf(bound, 1) {
			return Assignment{}, fmt.Errorf("%w (%d nodes)", ErrNodeLimit, nodes)
		}
		return Assignment{}, infeasible()
	}
	for _, n := range open.items {
		bound = math.Min(bound, n.bound)
	}
	return cp.result(best, math.Min(bound, math.Min(ub, cp.gapLost)), lambda), nil
}

// infeasible names the side constraints that relaxed solutions violated
// (all of them when none was seen).
func (cp *conProblem) infeasible(b *bnb) error {
	e := &InfeasibleError{}
	for k, v := range b.violate {
		if v {
			e.Side = append(e.Side, cp.p.Side[k].Name)
		}
	}
	if len(e.Side) == 0 {
		for _, sd := range cp.p.Side {
			e.Side = append(e.Side, sd.Name)
		}
	}
	return e
}

// result builds the Assignment of x (row → edge) with a bound in
// minimization form.
func (cp *conProblem) result(x []int, bound float64, lambda []float64) Assignment {
	a := Assignment{RowToCol: cp.rowToCol(x), Multipliers: slices.Clone(lambda)}
	if a.Multipliers == nil {
		a.Multipliers = make([]float64, len(cp.side))
	}
	a.Cost = objective(cp.p, a.RowToCol)
	a.Bound = bound
	if cp.p.Maximize {
		a.Bound = -bound
	}
	if bound >= cp.primal(x) {
		a.Bound = a.Cost
	}
	return a
}

// Generalized assignment shape.
//
// When every row must be placed, seats never bind (each column has at
// least as many seats as rows that may take it), there are no groups, and
// each side constraint is a knapsack of one column (all its terms in the
// same column, positive integer coefficients, a non-negative limit, at most
// one constraint per column), the problem is a generalized assignment
// problem (GAP). Relaxing the side constraints then gives a weak bound (each
// row takes its cheapest column). Instead, following Fisher, Jaikumar and
// Van Wassenhove (1986) and Ross and Soland (1975), solveGAP relaxes the
// "each row exactly once" constraints with free multipliers u (one per row):
//
//	L(u) = Σ_i u_i + Σ_j min { Σ_i (c'[i][j] − u_i)·x[i][j] : Σ_i w[i][j]·x[i][j] ≤ b_j }
//
// which splits into one 0/1 knapsack per column, solved exactly by dynamic
// programming over the integer capacity. This bound is at least the linear
// programming bound. Branch and bound then works as above (fix or forbid a
// pair of a row taken by several knapsacks or by none, best bound first,
// ties by creation order). A relaxed solution that takes every row exactly
// once is optimal for its node. Incumbents come from repairing each relaxed
// solution (keep one column per row, place the others by regret) and
// improving it by shifts and swaps. The reported Multipliers are side
// multipliers from a short subgradient run on the ordinary relaxation, so
// that L(Multipliers) ≤ Bound holds as for the generic method.

// gapRepairEvery is how often (in subgradient steps) a node repairs its
// relaxed solution into a plan.
const gapRepairEvery = 5

// gapMaxCells caps Σ_j (items_j · b_j), the dynamic programming table size.
const gapMaxCells = 50_000_000

// gapData describes a problem of GAP shape.
type gapData struct {
	side   []int   // side constraint of each column, -1 when unlimited
	weight []int64 // weight of each edge in its column's knapsack
	limit  []int64 // capacity of each column's knapsack (unused when side is -1)
	colE   [][]int // edges of each column, rows ascending
	rowOf  []int   // row of each edge
	fixedP []bool  // rows fixed by Problem.Fix
}

// gapShape returns the GAP description of cp, or nil when it does not have
// the shape (see above).
func gapShape(cp *conProblem) *gapData {
	p := cp.p
	if len(p.Groups) > 0 || len(cp.side) == 0 {
		return nil
	}
	if p.Unassigned == nil {
		if cp.rows > p.totalSeats(cp.cols) {
			return nil
		}
	} else {
		for _, o := range cp.out {
			if !math.IsInf(o, 1) {
				return nil
			}
		}
	}
	g := &gapData{side: make([]int, cp.cols), weight: make([]int64, len(cp.cost)), limit: make([]int64, cp.cols),
		colE: make([][]int, cp.cols), rowOf: make([]int, len(cp.cost))}
	for j := range g.side {
		g.side[j] = -1
	}
	for i := 0; i < cp.rows; i++ {
		for e := cp.start[i]; e < cp.start[i+1]; e++ {
			g.colE[cp.col[e]] = append(g.colE[cp.col[e]], e)
			g.rowOf[e] = i
		}
	}
	for j, es := range g.colE {
		if len(es) > p.seats(j) {
			return nil
		}
	}
	cells := 0.0
	for k, ts := range cp.side {
		if len(ts) == 0 {
			if cp.limit[k] < 0 {
				return nil
			}
			continue
		}
		j := cp.col[ts[0].e]
		if g.side[j] >= 0 || cp.limit[k] < 0 || cp.limit[k] > 1e9 {
			return nil
		}
		g.side[j] = k
		g.limit[j] = int64(math.Floor(cp.limit[k] + 1e-9))
		for _, t := range ts {
			if cp.col[t.e] != j || t.coef <= 0 || t.coef != math.Trunc(t.coef) || t.coef > 1e9 {
				return nil
			}
			g.weight[t.e] = int64(t.coef)
		}
		cells += float64(len(g.colE[j])) * float64(g.limit[j]+1)
	}
	if cells > gapMaxCells {
		return nil
	}
	g.fixedP = make([]bool, cp.rows)
	for _, q := range p.Fix {
		g.fixedP[q.Row] = true
	}
	return g
}

// gapSearch is the state of one GAP solve.
type gapSearch struct {
	cp    *conProblem
	g     *gapData
	ub    float64
	best  []int // incumbent: row → edge
	nodes int

	// scratch
	take   []bool // per edge: taken by its column's knapsack
	dp     []float64
	keep   []bool
	load   []int64
	items  []int
	assign []int
}

// relaxGAP evaluates L(u) at a node; it fills gs.take and returns the bound,
// or +Inf when the node is infeasible (a fixed pair overloads a column).
func (gs *gapSearch) relaxGAP(st *nodeState, u []float64) float64 {
	cp, g := gs.cp, gs.g
	clear(gs.take)
	l := 0.0
	for i := 0; i < cp.rows; i++ {
		if f := st.fixedCol[i]; f >= 0 {
			l += cp.cost[f]
			gs.take[f] = true
		} else {
			l += u[i]
		}
	}
	for j := 0; j < cp.cols; j++ {
		capacity := int64(math.MaxInt64)
		if g.side[j] >= 0 {
			capacity = g.limit[j]
		}
		items := gs.items[:0]
		for _, e := range g.colE[j] {
			i := g.rowOf[e]
			if f := st.fixedCol[i]; f >= 0 {
				if f == e {
					capacity -= g.weight[e]
				}
				continue
			}
			if st.forbidden[e] || cp.cost[e]-u[i] >= 0 {
				continue
			}
			if g.weight[e] == 0 {
				gs.take[e] = true
				l += cp.cost[e] - u[i]
				continue
			}
			items = append(items, e)
		}
		gs.items = items
		if capacity < 0 {
			return math.Inf(1)
		}
		var wsum int64
		for _, e := range items {
			wsum += g.weight[e]
		}
		if wsum <= capacity {
			for _, e := range items {
				gs.take[e] = true
				l += cp.cost[e] - u[g.rowOf[e]]
			}
			continue
		}
		b := int(capacity)
		gs.dp = growDense(gs.dp, b+1)
		clear(gs.dp)
		gs.keep = growDense(gs.keep, len(items)*(b+1))
		clear(gs.keep)
		for k, e := range items {
			w := int(g.weight[e])
			profit := u[g.rowOf[e]] - cp.cost[e]
			row := gs.keep[k*(b+1) : (k+1)*(b+1)]
			for c := b; c >= w; c-- {
				if v := gs.dp[c-w] + profit; v > gs.dp[c] {
					gs.dp[c] = v
					row[c] = true
				}
			}
		}
		c := b
		for k := len(items) - 1; k >= 0; k-- {
			if gs.keep[k*(b+1)+c] {
				e := items[k]
				gs.take[e] = true
				l += cp.cost[e] - u[g.rowOf[e]]
				c -= int(g.weight[e])
			}
		}
	}
	return l
}

// repair builds a feasible assignment from gs.take and improves it; it
// updates the incumbent.
func (gs *gapSearch) repair(st *nodeState) {
	cp, g := gs.cp, gs.g
	gs.assign = growDense(gs.assign, cp.rows)
	x := gs.assign
	gs.load = growDense(gs.load, cp.cols)
	clear(gs.load)
	fits := func(e int) bool {
		j := cp.col[e]
		return g.side[j] < 0 || gs.load[j]+g.weight[e] <= g.limit[j]
	}
	put := func(i, e int) {
		x[i] = e
		if e >= 0 {
			gs.load[cp.col[e]] += g.weight[e]
		}
	}
	for i := 0; i < cp.rows; i++ {
		x[i] = -1
		if f := st.fixedCol[i]; f >= 0 {
			put(i, f)
		}
	}
	for i := 0; i < cp.rows; i++ {
		if x[i] >= 0 {
			continue
		}
		best := -1
		for e := cp.start[i]; e < cp.start[i+1]; e++ {
			if gs.take[e] && (best < 0 || cp.cost[e] < cp.cost[best]) && fits(e) {
				best = e
			}
		}
		if best >= 0 {
			put(i, best)
		}
	}
	// Regret placement of the rest.
	for {
		pick, pickE, regret := -1, -1, math.Inf(-1)
		for i := 0; i < cp.rows; i++ {
			if x[i] >= 0 {
				continue
			}
			first, second := -1, math.Inf(1)
			for e := cp.start[i]; e < cp.start[i+1]; e++ {
				if !fits(e) || st.forbidden[e] {
					continue
				}
				if first < 0 || cp.cost[e] < cp.cost[first] {
					if first >= 0 {
						second = cp.cost[first]
					}
					first = e
				} else if cp.cost[e] < second {
					second = cp.cost[e]
				}
			}
			if first < 0 {
				return // no room for row i: give up
			}
			if r := second - cp.cost[first]; r > regret {
				pick, pickE, regret = i, first, r
			}
		}
		if pick < 0 {
			break
		}
		put(pick, pickE)
	}
	gs.improve(x)
	if c := cp.primal(x); c < gs.ub {
		gs.ub = c
		gs.best = slices.Clone(x)
	}
}

// improve applies improving shifts and swaps until none is left.
func (gs *gapSearch) improve(x []int) {
	cp, g := gs.cp, gs.g
	room := func(j int, w int64) bool { return g.side[j] < 0 || gs.load[j]+w <= g.limit[j] }
	for pass := 0; pass < 50; pass++ {
		improved := false
		for i := 0; i < cp.rows; i++ {
			if g.fixedP[i] {
				continue
			}
			cur := x[i]
			for e := cp.start[i]; e < cp.start[i+1]; e++ {
				if e == cur || cp.cost[e] >= cp.cost[x[i]] || !room(cp.col[e], g.weight[e]) {
					continue
				}
				gs.load[cp.col[x[i]]] -= g.weight[x[i]]
				gs.load[cp.col[e]] += g.weight[e]
				x[i] = e
				improved = true
			}
		}
		for i1 := 0; i1 < cp.rows; i1++ {
			if g.fixedP[i1] {
				continue
			}
			for i2 := i1 + 1; i2 < cp.rows; i2++ {
				e1, e2 := x[i1], x[i2]
				j1, j2 := cp.col[e1], cp.col[e2]
				if g.fixedP[i2] || j1 == j2 {
					continue
				}
				n1, n2 := cp.edgeOfPair(i1, j2), cp.edgeOfPair(i2, j1)
				if n1 < 0 || n2 < 0 || cp.cost[n1]+cp.cost[n2] >= cp.cost[e1]+cp.cost[e2] {
					continue
				}
				d1 := g.weight[n2] - g.weight[e1] // change of load in j1
				d2 := g.weight[n1] - g.weight[e2]
				if (g.side[j1] >= 0 && gs.load[j1]+d1 > g.limit[j1]) || (g.side[j2] >= 0 && gs.load[j2]+d2 > g.limit[j2]) {
					continue
				}
				gs.load[j1] += d1
				gs.load[j2] += d2
				x[i1], x[i2] = n1, n2
				improved = true
			}
		}
		if !improved {
			return
		}
	}
}

// gapNode evaluates a node with the subgradient method; it returns the row
// to branch on and its edge, or -1 when the node is closed.
func (gs *gapSearch) gapNode(n *conNode, st *nodeState, iters int) (int, int) {
	cp := gs.cp
	u := slices.Clone(n.lambda)
	bestL := math.Inf(-1)
	bestU := slices.Clone(u)
	bestTake := make([]bool, len(cp.cost))
	cnt := make([]int, cp.rows)
	sub := make([]float64, cp.rows)
	theta := 2.0
	stall := 0
	for it := 0; it < iters; it++ {
		l := gs.relaxGAP(st, u)
		if math.IsInf(l, 1) {
			n.bound = l
			return -1, -1
		}
		clear(cnt)
		for e, t := range gs.take {
			if t {
				cnt[gs.g.rowOf[e]]++
			}
		}
		exact := true
		norm := 0.0
		for i := range sub {
			sub[i] = 1 - float64(cnt[i])
			norm += sub[i] * sub[i]
			exact = exact && cnt[i] == 1
		}
		if l > bestL+cp.tol*cp.scale {
			bestL = l
			copy(bestU, u)
			copy(bestTake, gs.take)
			stall = 0
		} else if stall++; stall >= 5 {
			theta /= 2
			stall = 0
		}
		if it%gapRepairEvery == 0 || exact {
			gs.repair(st)
		}
		if exact {
			// Every row taken once: optimal for this node.
			n.bound = l
			n.lambda = bestU
			return -1, -1
		}
		if cp.prunes(cp.roundBound(bestL), gs.ub) || theta < 1e-3 {
			break
		}
		target := gs.ub
		if math.IsInf(target, 1) {
			target = l + 0.05*math.Max(1, math.Abs(l))
		}
		step := theta * math.Max(target-l, 1e-3) / norm
		for i := range u {
			if st.fixedCol[i] < 0 {
				u[i] += step * sub[i]
			}
		}
	}
	n.bound = math.Max(n.bound, cp.roundBound(bestL))
	n.lambda = bestU
	if cp.prunes(n.bound, gs.ub) {
		return -1, -1
	}
	// Branch on a row taken by several knapsacks (its cheapest such
	// column), else on a row taken by none (its cheapest column by reduced
	// cost c − u), lowest row first.
	clear(cnt)
	for e, t := range bestTake {
		if t {
			cnt[gs.g.rowOf[e]]++
		}
	}
	for _, wantMany := range []bool{true, false} {
		for i := 0; i < cp.rows; i++ {
			if st.fixedCol[i] >= 0 || (wantMany && cnt[i] < 2) || (!wantMany && cnt[i] != 0) {
				continue
			}
			best := -1
			for e := cp.start[i]; e < cp.start[i+1]; e++ {
				if st.forbidden[e] || (wantMany && !bestTake[e]) {
					continue
				}
				if best < 0 || cp.cost[e] < cp.cost[best] {
					best = e
				}
			}
			if best >= 0 {
				return i, best
			}
		}
	}
	// Every row taken once at the best multipliers was handled above;
	// any remaining row without a column means the node is infeasible.
	n.bound = math.Inf(1)
	return -1, -1
}

// solveGAP runs branch and bound with the knapsack relaxation.
func (s *Solver) solveGAP(ctx context.Context, cp *conProblem, g *gapData) (Assignment, int, error) {
	gs := &gapSearch{cp: cp, g: g, ub: math.Inf(1), take: make([]bool, len(cp.cost))}
	var st nodeState
	// Initial multipliers: each row's second cheapest cost (its cheapest
	// when it has one column), the classical start.
	u := make([]float64, cp.rows)
	for i := range u {
		a, b := math.Inf(1), math.Inf(1)
		for e := cp.start[i]; e < cp.start[i+1]; e++ {
			if c := cp.cost[e]; c < a {
				a, b = c, a
			} else if c < b {
				b = c
			}
		}
		switch {
		case math.IsInf(a, 1):
			return Assignment{}, 0, &InfeasibleError{Rows: []int{i}}
		case math.IsInf(b, 1):
			u[i] = a
		default:
			u[i] = b
		}
	}
	lambda, lside := gapSideMultipliers(cp, g)
	root := &conNode{fix: -1, forbid: -1, bound: cp.roundBound(lside), lambda: u}
	open := minHeap[*conNode]{less: nodeBefore}
	open.push(root)
	limit := s.maxNodes()
	ids := 1
	bound := math.Inf(1)
	for open.len() > 0 {
		if err := ctx.Err(); err != nil {
			return Assignment{}, gs.nodes, err
		}
		n := open.pop()
		if cp.prunes(n.bound, gs.ub) {
			continue
		}
		if gs.nodes >= limit {
			bound = n.bound
			break
		}
		gs.nodes++
		if err := cp.unpack(n, &st); err != nil {
			continue
		}
		iters := 25 // children start from their parent's multipliers
		if n == root {
			iters = 400
		}
		i, e := gs.gapNode(n, &st, iters)
		if s.Progress != nil {
			s.Progress(gs.nodes, limit)
		}
		if i < 0 {
			continue
		}
		ids = branch(&open, n, e, ids)
	}
	a, err := cp.finish(&open, gs.best, bound, gs.ub, gs.nodes, lambda, func() error {
		e := &InfeasibleError{}
		for _, sd := range cp.p.Side {
			e.Side = append(e.Side, sd.Name)
		}
		return e
	})
	return a, gs.nodes, err
}

// gapSideMultipliers runs a short subgradient method on the ordinary
// relaxation of the side constraints (each row takes its cheapest column
// at cost c + λ·w, or its fixed pair, as seats never bind) and returns the
// best multipliers and their bound.
func gapSideMultipliers(cp *conProblem, g *gapData) ([]float64, float64) {
	m := len(cp.side)
	lambda := make([]float64, m)
	best := make([]float64, m)
	bestL := math.Inf(-1)
	lhs := make([]float64, m)
	fixed := make([]int, cp.rows) // edge of each row fixed by Problem.Fix, or -1
	for i := range fixed {
		fixed[i] = -1
	}
	for _, q := range cp.p.Fix {
		if e := cp.edgeOfPair(q.Row, q.Col); e >= 0 {
			fixed[q.Row] = e
		}
	}
	theta := 1.0
	for it := 0; it < 100; it++ {
		l := 0.0
		for k := range lambda {
			l -= lambda[k] * cp.limit[k]
		}
		clear(lhs)
		for i := 0; i < cp.rows; i++ {
			pick, pc := -1, math.Inf(1)
			for e := cp.start[i]; e < cp.start[i+1]; e++ {
				if fixed[i] >= 0 && e != fixed[i] {
					continue
				}
				c := cp.cost[e]
				if k := g.side[cp.col[e]]; k >= 0 {
					c += lambda[k] * float64(g.weight[e])
				}
				if c < pc {
					pick, pc = e, c
				}
			}
			l += pc
			if k := g.side[cp.col[pick]]; k >= 0 {
				lhs[k] += float64(g.weight[pick])
			}
		}
		if l > bestL {
			bestL = l
			copy(best, lambda)
		} else {
			theta /= 1.5
		}
		norm := 0.0
		for k := range lhs {
			lhs[k] -= cp.limit[k]
			if lambda[k] > 0 || lhs[k] > 0 {
				norm += lhs[k] * lhs[k]
			}
		}
		if norm == 0 {
			break
		}
		step := theta * 0.05 * math.Max(1, math.Abs(l)) / norm
		for k := range lambda {
			lambda[k] = math.Max(0, lambda[k]+step*lhs[k])
		}
	}
	return best, bestL
}
