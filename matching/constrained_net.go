package matching

import (
	"context"
	"math"
	"slices"
)

// This file solves the Lagrangian subproblems of constrained.go on one
// implicit network (flow_sap.go) kept from one subproblem to the next.
// Between two subproblems only the penalties λ·a (cutting-plane and
// subgradient steps) and the fixed and forbidden pairs (branch and bound)
// change; the previous optimal flow and its potentials stay valid except at
// the rows whose assigned pair is no longer their best choice, and only
// those rows are re-augmented. This is the parametric re-optimization of
// Ahuja, Magnanti & Orlin (1993), §9.11 and §16.4 (Lagrangian relaxation of
// a network flow problem with side constraints), written from the book. The
// first subproblem starts from the plain optimum (groups, fixed pairs and
// side constraints dropped) and its duals, as solveFlow does.
//
// It serves every problem where each row is placed or Unassigned is set;
// with more rows than seats and Unassigned nil (every seat filled), relax
// builds each subproblem afresh.

// relaxNet is relax on the kept network.
func (s *Solver) relaxNet(ctx context.Context, cp *conProblem, st *nodeState) ([]int, float64, error) {
	if cp.net == nil {
		if err := s.initNet(ctx, cp); err != nil {
			return nil, 0, err
		}
	}
	n := cp.net
	n.pen, n.off, n.fix = cp.pen, st.forbidden, st.fixedCol
	n.recheck()
	ok, err := n.run(ctx)
	s.stats.augmentations += n.searches
	s.stats.offerSkips += n.offerSkips
	n.searches, n.offerSkips = 0, 0
	if err != nil {
		return nil, 0, err
	}
	if !ok {
		return nil, 0, &InfeasibleError{}
	}
	x := slices.Clone(n.x)
	sum := 0.0
	for i, e := range x {
		switch {
		case e >= 0:
			sum += cp.cost[e] + cp.pen[e]
		case cp.out != nil:
			sum += cp.out[i]
		}
	}
	return x, sum, nil
}

// initNet builds cp.net and loads the plain optimum of cp's problem
// (groups, fixed pairs and side constraints dropped) with its duals.
func (s *Solver) initNet(ctx context.Context, cp *conProblem) error {
	p := cp.p
	gof, gparent, gorder, err := groupTree(p, cp.cols)
	if err != nil {
		return err
	}
	n := newSapNet(p, cp.rows, cp.cols, cp.start, cp.col, cp.cost, cp.out, gof, gparent)
	if !s.noGroups {
		n.groupRows(s.allGroup, cp.termSignatures())
	}
	q := *p
	q.Groups, q.Fix, q.Side = nil, nil, nil
	if !cp.plain.ok {
		if p.Cost != nil {
			cp.plain.a, err = s.solveDense(ctx, &q)
		} else {
			cp.plain.a, err = s.solveSparse(ctx, &q)
		}
		if err != nil {
			return err
		}
		cp.plain.ok = true
	}
	a := cp.plain.a
	var d *flowDuals
	if cp.zero {
		// With zero costs (the feasibility problem) any flow is optimal
		// at zero potentials.
		d = &flowDuals{Row: make([]float64, cp.rows), Col: make([]float64, cp.cols), Group: make([]float64, len(p.Groups))}
	} else {
		d = plainPotentials(&q, &a, len(p.Groups))
	}
	x := make([]int, cp.rows)
	for i, j := range a.RowToCol {
		x[i] = -1
		if j >= 0 {
			x[i] = cp.edgeOfPair(i, j)
		}
	}
	n.load(x, d.Row, d.Col, d.Group, d.Sink, gorder)
	cp.net = n
	return nil
}

// termSignatures returns, for each edge, a number standing for its terms
// in the side constraints (0 for none): edges with equal cost and
// signature cost the same under any multipliers, so the kept network can
// still scan rows by cost class (flow_sap.go) when penalties differ within
// a row, as a turnover cap's do (every pair out of the row's unit, and
// only those). A hash: two term lists may share a number, which only
// costs speed.
func (cp *conProblem) termSignatures() []uint64 {
	cp.indexTerms()
	sig := make([]uint64, len(cp.cost))
	for e := range sig {
		h := uint64(0)
		for _, t := range cp.edgeTerm[cp.edgeTermStart[e]:cp.edgeTermStart[e+1]] {
			h = (h ^ uint64(t.k+1)) * 0x100000001B3
			h = (h ^ math.Float64bits(t.coef)) * 0x100000001B3
		}
		sig[e] = h
	}
	return sig
}

// plainOptimum is the plain optimum of a problem (groups, fixed pairs and
// side constraints dropped), solved once for the networks of the problem
// and of its feasibility problem (constrained_feasible.go).
type plainOptimum struct {
	a  Assignment
	ok bool
}

// netState is a copy of the flow and potentials of a sapNet, so that a
// heuristic's re-solves (dive) leave the search's network as they found
// it.
type netState struct {
	x, colFlow, grpFlow, exc []int
	colRows                  [][]int32
	pot                      []float64
	excList, defList         []int32
}

// save copies n's flow and potentials into st (reusing its buffers).
func (n *sapNet) save(st *netState) {
	st.x = append(st.x[:0], n.x...)
	st.colFlow = append(st.colFlow[:0], n.colFlow...)
	st.grpFlow = append(st.grpFlow[:0], n.grpFlow...)
	st.exc = append(st.exc[:0], n.exc...)
	st.pot = append(st.pot[:0], n.pot...)
	st.excList = append(st.excList[:0], n.excList...)
	st.defList = append(st.defList[:0], n.defList...)
	if len(st.colRows) != len(n.colRows) {
		st.colRows = make([][]int32, len(n.colRows))
	}
	for j, rs := range n.colRows {
		st.colRows[j] = append(st.colRows[j][:0], rs...)
	}
}

// restore sets n's flow and potentials back to st.
func (n *sapNet) restore(st *netState) {
	copy(n.x, st.x)
	copy(n.colFlow, st.colFlow)
	copy(n.grpFlow, st.grpFlow)
	copy(n.exc, st.exc)
	copy(n.pot, st.pot)
	n.excList = append(n.excList[:0], st.excList...)
	n.defList = append(n.defList[:0], st.defList...)
	for j, rs := range st.colRows {
		n.colRows[j] = append(n.colRows[j][:0], rs...)
	}
}
