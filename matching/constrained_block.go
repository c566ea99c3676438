package matching

import (
	"context"
	"math"
	"slices"
)

// This file holds sign-adaptive multiplier steps, run at the root of a
// problem with several side constraints before the subgradient steps of
// evaluate.
//
// Subgradient steps move every multiplier by one common step length
// (Polyak's), scaled by each constraint's violation. With hundreds of side
// constraints of very different weight, as a turnover cap on each unit of
// a regency gives, no common length suits them all: steps long enough for
// the constraints far from their multiplier throw the others far past
// theirs, every re-optimization then moves most rows, and the bound
// creeps (the generated 5,200 employees with a 20 % cap: 533 subgradient
// subproblems of 470 ms each at the root, the bound 3e-4 short).
//
// Here each multiplier has a step length of its own, adapted by the sign
// of its constraint's slope, as the Rprop rule of Riedmiller and Braun
// (1993) adapts the steps of a gradient method: a constraint still
// violated after a step doubles its step, one whose slope changed sign
// divides it by three; a violated constraint raises its multiplier by its
// step, a slack one with a positive multiplier lowers it, and a tight one
// keeps it. The first step of a violated constraint k is priced from the
// subproblem just solved: at its potentials π each row in k's excess has a
// least reduced cost of leaving k's terms, and λ_k rises by the excess-th
// least of these gaps (firstSteps), which would settle k if no other row
// moved. Small steps re-optimize few rows, so a round costs a fraction of
// a subgradient step. Every L(λ) is an ordinary Lagrangian bound (any
// λ ≥ 0), so the rule is a heuristic for where to look, never a risk to
// the bound; the best multipliers found start the subgradient steps and
// coordinate ascent that follow. The rounds stop when the bound has not
// risen for blockStall rounds, when it prunes the node against the
// incumbent, or after blockRounds rounds.
//
// A round dives for a plan (constrained_primal.go) when it did not raise
// the bound; with a gap asked for (Solver.Gap), when the bound rose by
// less than that gap over the last blockDiveEvery rounds instead: the
// bound is then settling, and only a better plan ends the rounds early.
// On the generated 5,200 with a 20 % cap and a gap of 1e-4 the bound
// settled within 1e-5 of its end some ten rounds before a round failed to
// raise it, while the incumbent stayed 6e-3 away; diving on the settling
// bound took the plan from 5.35–5.74 s to 4.71–4.76 s. The dives of the
// earlier rounds that did not raise the bound, far from the dual optimum,
// gave plans 7e-3 from the bound for 0.3 s each; dropping them with a gap
// took it from 4.73–4.88 s to 4.23–4.56 s, the plan as close.
//
// Measured on the generated workforces with a 20 % turnover cap
// (mutasi generate --turnover-pct 20, seed 1), the root of the first lazy
// round of scenarios: 2,000 employees reach the bound that proves the
// optimum in 44 rounds of 8 ms, against 94 subgradient steps of 28 ms;
// 5,200 reach within 1e-5 of the final bound in 60 rounds of about
// 90 ms.
//
// Complexity: per round one subproblem re-optimization and O(m); a first
// step costs O(Σ over the rows of x in violated constraints of their
// edges' terms).

// Limits of the sign-adaptive rounds at the root.
const (
	blockRounds = 60   // rounds at most
	blockStall  = 6    // rounds without a better bound before stopping
	blockWindow = 8    // rounds over which the bound must rise by blockRise…
	blockRise   = 1e-6 // …relative, or the rounds stop

	blockDiveEvery = 4 // rounds at least between two dives
)

// blockAscent runs the sign-adaptive rounds of the file comment from
// best.lambda, updating best. It reports closed as ascend does: a relaxed
// solution feasible with λ·(Ax − b) = 0, whose cost is then best.l.
func (s *Solver) blockAscent(ctx context.Context, b *bnb, st *nodeState, best *dualBest) (closed bool, err error) {
	cp := b.cp
	lambda := slices.Clone(best.lambda)
	m := len(lambda)
	step := make([]float64, m)
	sign := make([]int8, m)
	stall := 0
	lastDive := -blockDiveEvery
	var hist []float64
	for r := 0; r < blockRounds; r++ {
		pr, ok, err := s.probeAt(ctx, b, st, lambda)
		if !ok {
			return false, err
		}
		improved := pr.l > best.l+cp.tol*cp.scale
		if best.take(cp, pr, lambda) {
			return true, nil
		}
		if cp.prunes(cp.roundBound(best.l), b.ub) {
			break
		}
		if improved {
			stall = 0
		} else if stall++; stall >= blockStall {
			break
		}
		hist = append(hist, best.l)
		if n := len(hist); n > blockWindow && best.l-hist[n-1-blockWindow] <= blockRise*math.Max(1, math.Abs(best.l)) {
			break
		}
		// The bound is settling when it rose by less than the gap asked
		// for (Solver.Gap) over the last blockDiveEvery rounds: only a
		// better plan can then end the rounds early.
		n := len(hist)
		settling := cp.gap > 0 && !math.IsInf(b.ub, 1) && n > blockDiveEvery &&
			best.l-hist[n-1-blockDiveEvery] <= cp.gap*math.Abs(b.ub)
		dive := !improved
		if cp.gap > 0 {
			dive = settling
		}
		if dive && !cp.zero && r-lastDive >= blockDiveEvery && !cp.prunes(cp.roundBound(best.l), b.ub) {
			// A round that did not raise the bound (with a gap asked
			// for: a round of a settling bound) is near the dual optimum:
			// dive from its solution for a plan.
			lastDive = r
			if err := s.dive(ctx, b, st, lambda, pr.x); err != nil {
				return false, err
			}
			if cp.prunes(cp.roundBound(best.l), b.ub) {
				break
			}
		}
		var first []float64
		for k, g := range pr.g {
			if g > 0 && step[k] == 0 && cp.net != nil {
				first = cp.firstSteps(st, pr.x, pr.g)
				break
			}
		}
		for k, g := range pr.g {
			var sg int8
			switch {
			case g > cp.tol*math.Max(1, math.Abs(cp.limit[k])):
				sg = 1
			case g < 0 && lambda[k] > 0:
				sg = -1
			default:
				continue
			}
			switch {
			case step[k] == 0:
				step[k] = 1e-4 * cp.scale
				if first != nil && first[k] > 0 {
					step[k] = first[k]
				}
			case sg == sign[k]:
				step[k] *= 2
			default:
				step[k] /= 3
			}
			sign[k] = sg
			lambda[k] = math.Max(0, lambda[k]+float64(sg)*step[k])
		}
	}
	return false, nil
}

// firstSteps returns, for each violated side constraint k (g[k] > 0), how
// far λ_k must rise for the excess of x's rows in k's terms to prefer an
// option outside them (leaveLoss, per unit of their coefficient, at the
// kept network's potentials and the penalties cp.pen): the excess-th least
// of those losses, just past it (0 where none is known).
func (cp *conProblem) firstSteps(st *nodeState, x []int, g []float64) []float64 {
	cp.indexTerms()
	gaps := make([][]float64, len(cp.side))
	for i, e := range x {
		if e < 0 {
			continue
		}
		for _, et := range cp.edgeTerm[cp.edgeTermStart[e]:cp.edgeTermStart[e+1]] {
			k := et.k
			if g[k] <= 0 || et.coef <= 0 {
				continue
			}
			if loss := cp.leaveLoss(st, i, e, k); !math.IsInf(loss, 1) {
				gaps[k] = append(gaps[k], math.Max(0, loss/et.coef))
			}
		}
	}
	out := make([]float64, len(cp.side))
	nudge := cp.tol * cp.scale
	if cp.integer {
		nudge = 0.25 // past an integer or half-integer breakpoint
	}
	for k, gs := range gaps {
		n := int(math.Ceil(g[k] - 1e-9))
		if n <= 0 || len(gs) == 0 {
			continue
		}
		slices.Sort(gs)
		out[k] = gs[min(n, len(gs))-1] + nudge
	}
	return out
}
