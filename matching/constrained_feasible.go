package matching

import (
	"context"
	"math"
)

// This file decides, before branch and bound spends its nodes on the
// objective, whether a side-constrained problem has a feasible plan at all:
// feasibility first.
//
// The feasibility problem is the problem itself with every cost (and every
// finite cost of staying out) set to zero, solved by the same branch and
// bound (constrained.go). Its Lagrangian subproblem at multipliers λ is
//
//	L₀(λ) = min over assignments x of Σ_k λ_k·(a_k·x − b_k)
//
// which is positively homogeneous in λ: when some λ gives L₀(λ) > 0 the
// linear relaxation has no solution, and a node whose bound is positive is
// proven empty (prunes compares it with the trivial bound 0). Any relaxed
// solution that keeps every side constraint, groups and fixed pairs is
// optimal for the feasibility problem, so the search stops at the first
// one; it is the first incumbent of the real search. When the search runs
// out of nodes, every node was proven empty: the problem is infeasible,
// and the side constraints its relaxed solutions violated are the ones
// named. The subproblems keep their own network (constrained_net.go),
// loaded with the plain optimum (side constraints, groups and fixed pairs
// dropped; solved once for both searches) at zero potentials (with zero
// costs every flow is optimal), so relaxed solutions stay close to that
// optimum and its ties.
//
// This is the phase one of the simplex method (Dantzig 1963) carried over
// to Lagrangian branch and bound: the objective is dropped until a
// feasible point is known.
//
// Branch and bound runs this search before its root: an infeasible
// problem is then proven so without the root's hundreds of subproblems
// (the generated 500 employees with a turnover cap and an impossible
// conflict pair: 4 subproblems instead of 376), and the plan found is the
// first incumbent: the root's subgradient steps then aim at its cost, not
// at a guess, and relinking starts from it.
//
// Complexity: the feasibility search evaluates at most
// max(MaxNodes, feasibilityMinNodes) nodes, each as a node of the real
// search; most problems need one (a relaxed solution at positive
// multipliers that keeps every constraint).

// feasibilityMinNodes is the least node budget of the feasibility search,
// whatever Solver.MaxNodes says: a plan is worth that much work even when
// the caller asked for a quick answer.
const feasibilityMinNodes = 1000

// zeroCost returns the feasibility problem of cp: the same rows, columns,
// pairs, groups and side constraints at zero cost.
func (cp *conProblem) zeroCost() *conProblem {
	z := &conProblem{p: cp.p, rows: cp.rows, cols: cp.cols, start: cp.start, col: cp.col,
		cost: make([]float64, len(cp.cost)), side: cp.side, limit: cp.limit, pen: make([]float64, len(cp.cost)),
		integer: true, scale: 1, tol: cp.tol, gapLost: math.Inf(1), useFlow: cp.useFlow, fixByFlow: cp.fixByFlow, edgeOfPair: cp.edgeOfPair,
		zero: true, plain: cp.plain}
	if cp.out != nil {
		z.out = make([]float64, len(cp.out))
		for i, o := range cp.out {
			if math.IsInf(o, 1) {
				z.out[i] = o
			}
		}
	}
	return z
}

// feasiblePlan runs the feasibility search of cp (see the file comment)
// within max(limit, feasibilityMinNodes) nodes. It returns a plan (row →
// edge) that keeps every constraint; or nil and infeasible set when the
// search proved that none exists, with the side constraints its relaxed
// solutions violated marked in violate; or nil, false when it ran out of
// nodes.
func (s *Solver) feasiblePlan(ctx context.Context, cp *conProblem, limit int, violate []bool) (x []int, infeasible bool, err error) {
	z := cp.zeroCost()
	b := newBnb(z)
	sub := &Solver{Tolerance: s.Tolerance, noGroups: s.noGroups, allGroup: s.allGroup}
	bound, err := sub.explore(ctx, b, max(limit, feasibilityMinNodes), true)
	s.stats.augmentations += sub.stats.augmentations
	if err != nil {
		return nil, false, err
	}
	for k, v := range b.violate {
		violate[k] = violate[k] || v
	}
	if b.best != nil {
		return b.best, false, nil
	}
	return nil, b.open.len() == 0 && math.IsInf(bound, 1), nil
}

// feasibility decides whether p, a problem with side constraints, has a
// plan, by the feasibility search alone within max(limit,
// feasibilityMinNodes) nodes: nil when it has one, an *InfeasibleError
// when it has none, an error wrapping ErrNodeLimit when the search did not
// decide. The infeasibility explanation uses it: it needs verdicts, not
// optima.
func (s *Solver) feasibility(ctx context.Context, p *Problem, limit int) error {
	cp, err := newConProblem(s, p)
	if err != nil {
		return err
	}
	violate := make([]bool, len(cp.side))
	x, infeasible, err := s.feasiblePlan(ctx, cp, limit, violate)
	switch {
	case err != nil:
		return err
	case x != nil:
		return nil
	case infeasible:
		return &InfeasibleError{}
	}
	return ErrNodeLimit
}
