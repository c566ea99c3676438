package matching

import (
	"context"
	"math"
	"slices"
)

// This file holds strong branching, which picks the pair a node of a
// branch-and-bound search with several side constraints branches on.
//
// The smoothed primal estimate (fractionalEdges, constrained_primal.go)
// names the free pair nearest one half. It is cheap but blind to symmetry:
// a regency's workforce has many alike rows (the same post, the same
// scores), forbidding one of them a seat lets its twin take it, and
// neither child's bound moves. On the embedded example's problem
// (testdata/example_problem.gob) with its rows renumbered at random,
// branching on the estimate alone proved none of 8 renumberings within
// 100 nodes, every node left at the root's bound; in the given numbering
// it proved the optimum in 5 nodes, by luck of the order of ties.
//
// Strong branching (Applegate, Bixby, Chvátal & Cook 1995) tries the
// candidates instead: each of the strongCandidates free pairs whose
// estimate is nearest one half is branched on tentatively, both children
// evaluated as a child is but with strongIters subgradient steps from the
// node's multipliers, and the pair whose children's bounds rise most is
// taken, scored by the product of the two rises (each at least a small ε,
// capped at the incumbent): the product rule of Achterberg, Koch & Martin
// (2005). A pair whose two children both prune ends the trials. The
// children of the pair taken keep their bounds and multipliers when they
// are pushed (a child that prunes is dropped), so their trial is not lost
// work. All 8 renumberings are then proven, in 1 to 3 nodes.
//
// Trials cost subproblems, so they are rationed twice: a node spends at
// most as many as the root's own dual search did (rootSolves), and a node
// branches this way only while the trials so far have cost no more than
// the rest of the search (strongShare): at worst the search takes about
// twice as long. Where trials do not pay they stop: after strongIdle
// nodes in a row whose best pair raised neither child's bound (the
// degenerate generated workforces of 500 with a turnover cap: 30 seeds in
// 21.6 s with this rule, 28.9 s without it, 24.1 s before strong
// branching; the same 22 of 30 proven). Past the ration the node branches
// on the estimate, as before.
//
// The number of candidates matters more than the accuracy of each trial:
// with 12 steps a child (the budget then covers 8 candidates) the example
// was proven in 3 of 8 renumberings, with 6 steps (all 16) in 8.

// Limits of strong branching.
const (
	strongCandidates = 16 // pairs tried at a node at most
	strongIters      = 6  // subgradient steps per child of a trial
	strongShare      = 1  // trials' subproblems at most this times the rest's
	strongIdle       = 3  // trials that raised no child's bound, in a row, before they stop
)

// strongBranch branches node n (evaluated, its fixed and forbidden pairs
// in st) by strong branching: it pushes the children of the pair taken,
// those that do not prune, and reports whether it branched; false when no
// free pair has a fractional estimate or the trials' ration is spent.
func (s *Solver) strongBranch(ctx context.Context, b *bnb, n *conNode, st *nodeState) (bool, error) {
	cp := b.cp
	if b.strongSolves > strongShare*(cp.solves-b.strongSolves) || b.strongIdle >= strongIdle {
		return false, nil
	}
	cands := b.fractionalEdges(st, strongCandidates)
	if len(cands) == 0 {
		return false, nil
	}
	start := cp.solves
	defer func() { b.strongSolves += cp.solves - start }()
	budget := start + max(b.rootSolves, 2*strongIters)
	eps := 1e-6 * cp.scale
	gain := func(bound float64) float64 {
		if !math.IsInf(b.ub, 1) {
			bound = math.Min(bound, b.ub)
		}
		return math.Max(bound-n.bound, eps)
	}
	var best [2]*conNode
	bestScore := math.Inf(-1)
	// A child's pairs are n's (st, with its reduced-cost fixing) and the
	// one fixed or forbidden: one buffer serves every trial.
	kst := nodeState{fixedCol: make([]int, cp.rows), forbidden: make([]bool, len(cp.cost))}
	for _, e := range cands {
		if best[0] != nil && cp.solves >= budget {
			break
		}
		kids := [2]*conNode{
			{parent: n, fix: e, forbid: -1, bound: n.bound, lambda: slices.Clone(n.lambda)},
			{parent: n, fix: -1, forbid: e, bound: n.bound, lambda: slices.Clone(n.lambda)},
		}
		for _, k := range kids {
			copy(kst.fixedCol, st.fixedCol)
			copy(kst.forbidden, st.forbidden)
			if k.fix >= 0 {
				kst.fixedCol[cp.rowOf(k.fix)] = k.fix
			} else {
				kst.forbidden[k.forbid] = true
			}
			if _, err := s.evaluate(ctx, b, k, &kst, strongIters); err != nil {
				return false, err
			}
		}
		if score := gain(kids[0].bound) * gain(kids[1].bound); score > bestScore {
			best, bestScore = kids, score
		}
		if cp.prunes(kids[0].bound, b.ub) && cp.prunes(kids[1].bound, b.ub) {
			break
		}
	}
	if bestScore <= eps*eps {
		b.strongIdle++
	} else {
		b.strongIdle = 0
	}
	for _, k := range best {
		k.id = b.ids
		b.ids++
		if !cp.prunes(k.bound, b.ub) {
			b.open.push(k)
		}
	}
	return true, nil
}
