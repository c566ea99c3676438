package matching

import (
	"context"
	"math"
	"slices"
)

// This file holds exact coordinate ascent on the Lagrangian dual of
// several side constraints, run after the subgradient steps of evaluate.
//
// With every multiplier but λ_k held, L is a concave piecewise linear
// function of λ_k ≥ 0 whose slope at a relaxed solution x is the
// subgradient's k-th component, a_k·x − b_k. It is maximized exactly the
// way evaluate1 treats a single constraint: bracket the maximum between a
// point of positive slope and one of non-positive slope (doubling the step
// away from the current λ_k, or trying λ_k = 0), then solve at the
// intersection of the two lines, which either lies on the function (the
// maximum) or replaces the bracket end of its slope's sign. A pass visits
// the constraints in order and skips those whose slope is zero, or
// negative at λ_k = 0. Each step is one subproblem re-optimization. Every
// point visited is an ordinary L(λ) with λ ≥ 0, so the bound stays valid
// whatever the search does; coordinate ascent can stall at a corner of a
// non-smooth dual, which is why it follows the subgradient steps rather
// than replacing them: at the root, rounds of subgradient steps (the first
// of up to 200, later ones of a quarter of that, restarted from the best
// multipliers) alternate with one ascent pass until a pass no longer
// raises the bound. Below the root a node keeps its 12 subgradient steps
// from its parent's multipliers: measured on the example scenarios, an
// ascent pass there made the search explore more nodes, not fewer. Its
// relaxed solutions feed the incumbent and the relinking heuristic as
// subgradient steps do, but not the smoothed primal estimate that picks
// the branching pair, which comes from the root's first (long) round of
// subgradient steps only: the bracketing points of a line search, and the
// short restarted rounds, lie far from where the relaxation hesitates
// (measured on the example scenarios: 67 nodes instead of 3 for the base
// example, and no proof within 100 nodes for the PPPK what-if, against 3).
//
// Complexity: at most ascentRoundsRoot·m·(ascentBracket + ascentCuts)
// subproblem solves at the root for m side constraints, in practice a few
// per constraint whose slope is not zero.

// Limits of one coordinate's line search: doubling steps to bracket the
// maximum, then cutting-plane steps.
const (
	ascentRoundsRoot = 4 // rounds of subgradient steps and one ascent pass at the root
	ascentRounds     = 0 // below the root: none (see the file comment)
	ascentBracket    = 20
	ascentCuts       = 12
)

// probe is one relaxed solution at multipliers lambda.
type probe struct {
	x        []int
	l        float64   // L(λ)
	g        []float64 // a_k·x − b_k
	feasible bool
	cs       float64 // λ·(Ax − b)
}

// probeAt solves the subproblem at lambda and records what evaluate
// records of a subgradient step: violated constraints, the incumbent, the
// relinking heuristic and the smoothed estimate. ok is false when the node
// has no assignment.
func (s *Solver) probeAt(ctx context.Context, b *bnb, st *nodeState, lambda []float64) (probe, bool, error) {
	cp := b.cp
	cp.price(lambda)
	x, val, err := s.relax(ctx, cp, st)
	if err != nil {
		return probe{}, false, err
	}
	pr := probe{x: x, l: val, g: make([]float64, len(cp.side)), feasible: true}
	for k := range lambda {
		pr.l -= lambda[k] * cp.limit[k]
	}
	cp.lhsOf(x, pr.g)
	for k := range pr.g {
		pr.g[k] -= cp.limit[k]
		if pr.g[k] > cp.tol*math.Max(1, math.Abs(cp.limit[k])) {
			pr.feasible = false
			b.violate[k] = true
		}
		pr.cs += lambda[k] * pr.g[k]
	}
	b.relink(x)
	if pr.feasible {
		if c := cp.primal(x); c < b.ub {
			b.ub = c
			b.best = slices.Clone(x)
		}
	}
	return pr, true, nil
}

// dualBest is the best point of a node's dual search.
type dualBest struct {
	l      float64
	x      []int
	lambda []float64
}

func (d *dualBest) note(pr probe, lambda []float64, tol float64) {
	if pr.l > d.l+tol {
		d.l, d.x = pr.l, pr.x
		copy(d.lambda, lambda)
	}
}

// take notes pr, the relaxed solution at lambda, in d and reports whether
// it closes the node: feasible with λ·(Ax − b) = 0, so that its cost,
// then d.l, is the node's value.
func (d *dualBest) take(cp *conProblem, pr probe, lambda []float64) bool {
	d.note(pr, lambda, cp.tol*cp.scale)
	if !pr.feasible || math.Abs(pr.cs) > cp.tol*cp.scale*float64(cp.rows+1) {
		return false
	}
	d.l, d.x = cp.primal(pr.x), pr.x
	copy(d.lambda, lambda)
	return true
}

// ascend runs up to passes passes of exact coordinate ascent from
// best.lambda, updating best. It reports closed when a relaxed solution is
// feasible with λ·(Ax − b) = 0 (optimal at the node; its cost is then
// returned as the node's value in best.l and best.x) and infeasible when
// the node has no assignment.
func (s *Solver) ascend(ctx context.Context, b *bnb, st *nodeState, best *dualBest, passes int) (closed bool, err error) {
	cp := b.cp
	m := len(cp.side)
	eps := cp.tol * cp.scale * float64(cp.rows+1)
	lambda := slices.Clone(best.lambda)
	cur, ok, err := s.probeAt(ctx, b, st, lambda)
	if !ok {
		return false, err
	}
	type point struct {
		mu float64
		pr probe
	}
	// at evaluates L with λ_k = mu.
	var k int
	at := func(mu float64) (point, bool, error) {
		lambda[k] = mu
		pr, ok, err := s.probeAt(ctx, b, st, lambda)
		if ok {
			if best.take(cp, pr, lambda) {
				return point{mu, pr}, false, nil
			}
		}
		return point{mu, pr}, ok, err
	}
	for pass := 0; pass < passes; pass++ {
		start := best.l
		for k = 0; k < m; k++ {
			if cp.prunes(cp.roundBound(best.l), b.ub) {
				return false, nil
			}
			s0 := cur.g[k]
			if s0 == 0 || (s0 < 0 && lambda[k] == 0) {
				continue
			}
			var lo, hi point // slope > 0 at lo, ≤ 0 at hi
			here := point{lambda[k], cur}
			if s0 > 0 {
				lo = here
				step := math.Max(lambda[k], 1e-3*cp.scale)
				if !math.IsInf(b.ub, 1) {
					step = math.Max((b.ub-cur.l)/s0, 1e-9*cp.scale)
				}
				found := false
				for it := 0; it < ascentBracket; it++ {
					p, ok, err := at(lo.mu + step)
					if !ok {
						return err == nil && p.pr.x != nil, err
					}
					if p.pr.g[k] <= 0 {
						hi, found = p, true
						break
					}
					lo, step = p, 2*step
				}
				if !found {
					cur = lo.pr
					continue
				}
			} else {
				hi = here
				p, ok, err := at(0)
				if !ok {
					return err == nil && p.pr.x != nil, err
				}
				if p.pr.g[k] <= 0 {
					cur = p.pr // the maximum is at λ_k = 0
					if here.pr.l > p.pr.l {
						lambda[k], cur = here.mu, here.pr
					}
					continue
				}
				lo = p
			}
			top := lo
			if hi.pr.l > top.pr.l {
				top = hi
			}
			for it := 0; it < ascentCuts; it++ {
				sl, sh := lo.pr.g[k], hi.pr.g[k]
				den := sl - sh
				if den <= 0 {
					break
				}
				mu := (hi.pr.l - lo.pr.l + sl*lo.mu - sh*hi.mu) / den
				if math.IsNaN(mu) || mu <= lo.mu || mu >= hi.mu {
					break
				}
				want := lo.pr.l + sl*(mu-lo.mu)
				p, ok, err := at(mu)
				if !ok {
					return err == nil && p.pr.x != nil, err
				}
				if p.pr.l > top.pr.l {
					top = p
				}
				if p.pr.l >= want-eps || p.pr.g[k] == 0 {
					break
				}
				if p.pr.g[k] > 0 {
					lo = p
				} else {
					hi = p
				}
			}
			lambda[k], cur = top.mu, top.pr
		}
		if best.l <= start+cp.tol*cp.scale {
			break
		}
	}
	return false, nil
}
