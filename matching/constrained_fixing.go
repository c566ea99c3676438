package matching

import (
	"context"
	"errors"
	"math"
)

// This file holds reduced-cost fixing for the branch and bound of
// constrained.go (Nemhauser and Wolsey 1988), in its Lagrangian form: the
// reduced costs are those of the Lagrangian subproblem, a min-cost flow
// (Ahuja, Magnanti and Orlin 1993, reduced cost optimality), written from
// the books.
//
// At a node with multipliers λ, the subproblem is a min-cost flow solved
// with node potentials π under which every residual arc has a non-negative
// reduced cost c^π. For any flow f' of the node's network,
// cost(f') = cost(f*) + Σ c^π(a)·(f'(a) − f*(a)), and every term is
// non-negative (an arc at its lower bound has c^π ≥ 0 and can only gain
// flow, one at its upper bound has c^π ≤ 0 and can only lose it). So every
// plan of the node that uses an unused pair e costs at least
// L(λ) + c^π(e), where L(λ) is the node's Lagrangian value, and when that
// bound cannot beat the incumbent, e is forbidden in the node's subtree.
// Costs are compared as prunes does, after subtracting an allowance for
// rounding in the floating-point sums (the same tolerance, in cost units,
// that closes nodes). The pairs forbidden are stored once, at the node
// (conNode.off), and unpack applies them to its descendants.
//
// Complexity: one re-optimization at the node's multipliers plus O(E).

// fixReduced re-solves the subproblem of node n at n.lambda and forbids in
// n's subtree the pairs whose reduced cost proves they cannot be part of a
// plan better than the incumbent. It does nothing without an incumbent,
// when subproblems are not solved on the kept network, or with a single
// side constraint, whose cutting-plane dual and combine step (evaluate1)
// close nodes without it: there the extra re-optimization per node and the
// list of forbidden pairs (up to one per candidate pair at the root) only
// cost: on the Bungo-size move-limit benchmark, which that path proves
// without it, memory per solve rose from 172 MB to 224 MB.
func (s *Solver) fixReduced(ctx context.Context, b *bnb, n *conNode, st *nodeState) error {
	cp := b.cp
	if cp.fixByFlow || math.IsInf(b.ub, 1) || len(cp.side) < 2 {
		return nil
	}
	cp.price(n.lambda)
	x, val, err := s.relax(ctx, cp, st)
	if err != nil {
		if errors.Is(err, ErrInfeasible) {
			return nil
		}
		return err
	}
	l := val
	for k := range n.lambda {
		l -= n.lambda[k] * cp.limit[k]
	}
	net := cp.net
	margin := cp.tol * cp.scale * float64(cp.rows+1)
	for i := 0; i < cp.rows; i++ {
		if st.fixedCol[i] >= 0 {
			continue
		}
		for e := cp.start[i]; e < cp.start[i+1]; e++ {
			if st.forbidden[e] || x[i] == e {
				continue
			}
			rc := net.ec[e] + net.pot[i] - net.pot[net.colNode(cp.col[e])]
			if math.IsInf(rc, 0) || math.IsNaN(rc) {
				continue
			}
			if cp.prunes(cp.roundBound(l+math.Max(rc, 0)-margin), b.ub) {
				n.off = append(n.off, int32(e))
				st.forbidden[e] = true
			}
		}
	}
	return nil
}
