package matching

import (
	"context"
	"errors"
	"math"
	"slices"
)

// This file holds the primal heuristic of branch and bound with several
// side constraints: relinking the incumbent towards a Lagrangian solution.
//
// A relaxed solution x at multipliers λ is optimal for the priced costs but
// may break side constraints; the incumbent y keeps them all. The rows
// where x and y differ split into the chains of the path and cycle
// decomposition of their difference (combineUnits): switching any set of
// chains from y's choices to x's keeps every column's seats. relink picks
// the set of chains that saves most while every side constraint still
// holds (a small multi-dimensional knapsack): exactly, by a depth-first
// search pruned by the savings left, when there are at most
// relinkExactUnits chains (a chain that costs something may free a
// constraint for one that saves more), otherwise greedily, largest saving
// first. The plan is kept when it also keeps the groups and fixed pairs
// and costs less than y; when chains break a group, the coarser units of
// combineUnits (rows linked through shared columns) are tried instead.
// This is the multi-constraint form of the single constraint's combine
// step; it is a heuristic, used only to find incumbents early, never to
// prove anything. relink runs on every relaxed solution of the subgradient
// and coordinate-ascent steps.
//
// The file also holds the smoothed primal estimate that picks the
// branching pair with several side constraints: the exponentially smoothed
// average of a node's relaxed solutions (at the root, those of its first
// round of subgradient steps), the primal half of Barahona and Anbil's
// volume algorithm (2000), whose most fractional pair is where the
// relaxation hesitates.
//
// Complexity: O(R + C + Σ_k |terms_k|) per call, plus at most
// relinkExactSteps steps of the exact search, each O(m) for m side
// constraints.

// edgeTerm is one term of a side constraint, indexed by edge: the terms of
// edge e are cp.edgeTerm[cp.edgeTermStart[e]:cp.edgeTermStart[e+1]].
type edgeTerm struct {
	k    int // side constraint
	coef float64
}

// indexTerms builds cp.edgeTerm and cp.edgeTermStart once.
func (cp *conProblem) indexTerms() {
	if cp.edgeTermStart != nil {
		return
	}
	cp.edgeTermStart = make([]int, len(cp.cost)+1)
	for _, ts := range cp.side {
		for _, t := range ts {
			cp.edgeTermStart[t.e+1]++
		}
	}
	for e := 1; e < len(cp.edgeTermStart); e++ {
		cp.edgeTermStart[e] += cp.edgeTermStart[e-1]
	}
	cp.edgeTerm = make([]edgeTerm, cp.edgeTermStart[len(cp.cost)])
	fill := slices.Clone(cp.edgeTermStart[:len(cp.cost)])
	for k, ts := range cp.side {
		for _, t := range ts {
			cp.edgeTerm[fill[t.e]] = edgeTerm{k, t.coef}
			fill[t.e]++
		}
	}
}

// coefOf returns edge e's coefficient in side constraint k (0 when it
// has none there); indexTerms must have run.
func (cp *conProblem) coefOf(e, k int) float64 {
	c := 0.0
	for _, t := range cp.edgeTerm[cp.edgeTermStart[e]:cp.edgeTermStart[e+1]] {
		if t.k == k {
			c += t.coef
		}
	}
	return c
}

// potOf returns the potential of column j (of the sink for j < 0) at the
// last subproblem solved on the kept network, 0 without one.
func (cp *conProblem) potOf(j int) float64 {
	if cp.net == nil {
		return 0
	}
	if j < 0 {
		return cp.net.pot[cp.net.sink()]
	}
	return cp.net.pot[cp.net.colNode(j)]
}

// leaveLoss returns what free row i, on edge e, loses by taking instead its
// cheapest allowed option (in st) that adds nothing to side constraint k: a
// pair whose coefficient there is not positive, or staying out. Losses are
// reduced costs at the potentials of the kept network's last solve (a seat
// others want costs more than its price), priced costs without one; +Inf
// when the row has no such option or is fixed. dive ranks the rows it bars
// by it, firstSteps (constrained_block.go) prices the first multiplier
// steps with it.
func (cp *conProblem) leaveLoss(st *nodeState, i, e, k int) float64 {
	alt := math.Inf(1)
	if st.fixedCol[i] >= 0 {
		return alt
	}
	if cp.out != nil && !math.IsInf(cp.out[i], 1) {
		alt = cp.out[i] - cp.potOf(-1)
	}
	for f := cp.start[i]; f < cp.start[i+1]; f++ {
		if !st.forbidden[f] && cp.coefOf(f, k) <= 0 {
			alt = math.Min(alt, cp.cost[f]+cp.pen[f]-cp.potOf(cp.col[f]))
		}
	}
	return alt - (cp.cost[e] + cp.pen[e] - cp.potOf(cp.col[e]))
}

// lhsOf sets dst[k] to Σ coef·x of side constraint k for the plan x (row →
// edge) and returns dst; O(R + the terms of x's edges). The terms are
// added in ascending edge order, as lhs adds them.
func (cp *conProblem) lhsOf(x []int, dst []float64) []float64 {
	cp.indexTerms()
	clear(dst)
	for _, e := range x {
		if e >= 0 {
			for _, t := range cp.edgeTerm[cp.edgeTermStart[e]:cp.edgeTermStart[e+1]] {
				dst[t.k] += t.coef
			}
		}
	}
	return dst
}

// relink is the heuristic of the file comment: it moves the incumbent
// b.best towards x (row → edge) and makes the result the incumbent when it
// is feasible and cheaper. It does nothing without an incumbent.
func (b *bnb) relink(x []int) {
	cp := b.cp
	y := b.best
	if y == nil || x == nil {
		return
	}
	cp.indexTerms()
	m := len(cp.side)
	for _, chains := range []bool{true, false} {
		unit := cp.combineUnits(x, y, chains)
		idx := make([]int, cp.rows)
		var roots []int
		for i := range idx {
			idx[i] = -1
		}
		for i := 0; i < cp.rows; i++ {
			if r := unit[i]; r >= 0 && idx[r] < 0 {
				idx[r] = len(roots)
				roots = append(roots, r)
			}
		}
		if len(roots) == 0 {
			return
		}
		nu := len(roots)
		dcost := make([]float64, nu)
		da := make([]float64, nu*m) // change of each constraint's lhs, unit by unit
		members := make([][]int, nu)
		for i := 0; i < cp.rows; i++ {
			if unit[i] < 0 {
				continue
			}
			u := idx[unit[i]]
			members[u] = append(members[u], i)
			dcost[u] += cp.edgeCost(i, x[i]) - cp.edgeCost(i, y[i])
			if e := x[i]; e >= 0 {
				for _, t := range cp.edgeTerm[cp.edgeTermStart[e]:cp.edgeTermStart[e+1]] {
					da[u*m+t.k] += t.coef
				}
			}
			if e := y[i]; e >= 0 {
				for _, t := range cp.edgeTerm[cp.edgeTermStart[e]:cp.edgeTermStart[e+1]] {
					da[u*m+t.k] -= t.coef
				}
			}
		}
		found := false
		lhs0 := cp.lhsOf(y, make([]float64, m))
		take := make([]bool, nu)
		if nu <= relinkExactUnits {
			found = b.relinkExact(nu, m, dcost, da, lhs0, take)
		} else {
			found = b.relinkGreedy(nu, m, dcost, da, lhs0, take)
		}
		if found {
			z := slices.Clone(y)
			for u := 0; u < nu; u++ {
				if take[u] {
					for _, i := range members[u] {
						z[i] = x[i]
					}
				}
			}
			found = b.accept(z)
		}
		if found {
			return
		}
	}
}

// accept makes the plan z (row → edge) the incumbent when it keeps every
// side constraint, group and fixed pair and costs less than the incumbent;
// it reports whether z is feasible.
func (b *bnb) accept(z []int) bool {
	cp := b.cp
	lhs := cp.lhsOf(z, make([]float64, len(cp.side)))
	for k := range lhs {
		if lhs[k] > cp.limit[k]+cp.tol*math.Max(1, math.Abs(cp.limit[k])) {
			return false
		}
	}
	return b.offer(z, cp.rowToCol(z))
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// relinkExactUnits is the largest number of units whose best subset relink
// searches exhaustively (depth first, pruned by the savings left); larger
// sets are chosen greedily.
const relinkExactUnits = 24

// relinkExactSteps caps the steps of that search.
const relinkExactSteps = 1 << 16

// relinkExact chooses in take the subset of units that saves most while
// every side constraint holds (lhs0 + Σ da ≤ limit); it reports whether
// the subset saves anything.
func (b *bnb) relinkExact(nu, m int, dcost, da, lhs0 []float64, take []bool) bool {
	cp := b.cp
	order := make([]int, nu)
	for u := range order {
		order[u] = u
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmpFloat(dcost[a], dcost[b]) })
	// rest[k] = Σ of the negative dcost of order[k:].
	rest := make([]float64, nu+1)
	for k := nu - 1; k >= 0; k-- {
		rest[k] = rest[k+1] + math.Min(0, dcost[order[k]])
	}
	lhs := slices.Clone(lhs0)
	cur := make([]bool, nu)
	best := 0.0
	steps := 0
	over := func(k int) bool {
		return lhs[k] > cp.limit[k]+cp.tol*math.Max(1, math.Abs(cp.limit[k]))
	}
	var dfs func(k int, sum float64)
	dfs = func(k int, sum float64) {
		steps++
		if steps > relinkExactSteps || sum+rest[k] >= best {
			return
		}
		if k == nu {
			for c := 0; c < m; c++ {
				if over(c) {
					return
				}
			}
			best = sum
			copy(take, cur)
			return
		}
		u := order[k]
		for c := 0; c < m; c++ {
			lhs[c] += da[u*m+c]
		}
		cur[u] = true
		dfs(k+1, sum+dcost[u])
		cur[u] = false
		for c := 0; c < m; c++ {
			lhs[c] -= da[u*m+c]
		}
		dfs(k+1, sum)
	}
	dfs(0, 0)
	return best < 0
}

// relinkGreedy chooses in take the units that save cost, largest saving
// first, as long as every side constraint holds; it reports whether it
// took any.
func (b *bnb) relinkGreedy(nu, m int, dcost, da, lhs0 []float64, take []bool) bool {
	cp := b.cp
	var cand []int
	for u := 0; u < nu; u++ {
		if dcost[u] < 0 {
			cand = append(cand, u)
		}
	}
	slices.SortStableFunc(cand, func(a, b int) int { return cmpFloat(dcost[a], dcost[b]) })
	lhs := slices.Clone(lhs0)
	any := false
	for _, u := range cand {
		ok := true
		for k := 0; k < m && ok; k++ {
			if d := da[u*m+k]; d > 0 && lhs[k]+d > cp.limit[k]+cp.tol*math.Max(1, math.Abs(cp.limit[k])) {
				ok = false
			}
		}
		if !ok {
			continue
		}
		for k := 0; k < m; k++ {
			lhs[k] += da[u*m+k]
		}
		take[u], any = true, true
	}
	return any
}

// averageWeight is the weight of the newest relaxed solution in the
// smoothed primal estimate (Barahona and Anbil 2000 use 0.1 to 0.2).
const averageWeight = 0.2

// average folds the relaxed solution x of step it into b.avg, an
// exponentially smoothed estimate of the relaxation's primal (fractional)
// solution: x̄ ← (1 − α)·x̄ + α·x, starting from the first x.
func (b *bnb) average(x []int, it int) {
	a := averageWeight
	if it == 0 {
		a = 1
	}
	for e := range b.avg {
		b.avg[e] *= 1 - a
	}
	for _, e := range x {
		if e >= 0 {
			b.avg[e] += a
		}
	}
}

// fractionalEdges returns up to k edges of free rows (not fixed, not
// forbidden) whose smoothed value is farthest from 0 and 1, nearest one
// half first, the lower edge on ties; none whose estimate is within 0.05
// of 0 or 1.
func (b *bnb) fractionalEdges(st *nodeState, k int) []int {
	cp := b.cp
	type cand struct {
		e int
		f float64 // distance of the estimate from 0 or 1
	}
	var cands []cand
	for i := 0; i < cp.rows; i++ {
		if st.fixedCol[i] >= 0 {
			continue
		}
		for e := cp.start[i]; e < cp.start[i+1]; e++ {
			if f := math.Min(b.avg[e], 1-b.avg[e]); !st.forbidden[e] && f > 0.05 {
				cands = append(cands, cand{e, f})
			}
		}
	}
	slices.SortStableFunc(cands, func(p, q cand) int { return cmpFloat(q.f, p.f) })
	out := make([]int, min(k, len(cands)))
	for r := range out {
		out[r] = cands[r].e
	}
	return out
}

// Lagrangian diving.
//
// relink needs an incumbent and only recombines two plans; with many side
// constraints on a partition of the rows (a turnover cap per unit) the
// relaxed solutions break a few constraints each in many places, and no
// recombination of two of them keeps them all. dive builds a plan from one
// relaxed solution x at multipliers λ instead: for every constraint x
// breaks, the rows whose pairs add most to it are barred, one at a time in
// order of the least they lose (the reduced cost, at the subproblem's
// potentials, of their best pair that adds nothing to the constraint minus
// that of their pair; a seat others compete for costs its price), until
// the excess is covered, from every pair that adds to it (a row barred
// from a turnover cap stays in its unit; from a move limit, stays in its
// post). Every constraint at or past its limit is then frozen: its rows
// that add nothing to it may not start adding (a row of a unit whose
// exits are at the cap may not leave), so that the re-solve cannot push
// it over again by displacing them. Then the subproblem is solved again at
// λ with those pairs forbidden, and so on until a solution keeps every
// constraint, which becomes the incumbent when cheaper, or diveRounds
// re-solves have been spent. The re-solves re-optimize every other row
// around the barred ones (the assignment's exchanges), which a repair row
// by row cannot. It is a heuristic, like relink: the pairs it forbids are
// forbidden only for the dive, and the kept network's flow and potentials
// are restored after it, so the search goes on as without it. It runs at
// the root during the sign-adaptive steps (constrained_block.go) after a
// round that did not raise the bound, and from their best relaxed
// solution; and after a node while the search has no plan. On the
// generated 5,200 employees with a 20 % turnover cap, without the freeze
// three of six dives at the root ran out of re-solves and the others ended
// 2.5e-4 to 3.5e-4 from the bound; with it every dive ends within 2 or 3
// re-solves and the root's plan is within 5e-5 of its bound. This is the
// diving of MIP heuristics (Berthold 2006) on the Lagrangian subproblem
// instead of the linear relaxation.
//
// Complexity: at most diveRounds subproblem re-solves, plus O(E) per round
// to price the rows' alternatives.

// diveRounds caps the re-solves of one dive.
const diveRounds = 16

// dive runs the heuristic above from x, the relaxed solution at lambda of
// the node whose fixed and forbidden pairs are st.
func (s *Solver) dive(ctx context.Context, b *bnb, st *nodeState, lambda []float64, x []int) error {
	cp := b.cp
	if x == nil || cp.fixByFlow {
		return nil
	}
	cp.indexTerms()
	cp.price(lambda)
	if cp.net != nil {
		// The dive's re-solves leave the kept network as they found it:
		// the search's next subproblem then starts from the same state,
		// and the same ties, as without the dive.
		cp.net.save(&cp.diveSaved)
		defer cp.net.restore(&cp.diveSaved)
	}
	m := len(cp.side)
	ds := nodeState{fixedCol: slices.Clone(st.fixedCol), forbidden: slices.Clone(st.forbidden)}
	lhs := make([]float64, m)
	type cand struct {
		i          int
		coef, loss float64
	}
	var cands []cand
	for round := 0; ; round++ {
		cp.lhsOf(x, lhs)
		violated := false
		for k := range lhs {
			excess := lhs[k] - cp.limit[k]
			if excess <= cp.tol*math.Max(1, math.Abs(cp.limit[k])) {
				continue
			}
			violated = true
			cands = cands[:0]
			for i, e := range x {
				if e < 0 || ds.fixedCol[i] >= 0 {
					continue
				}
				a := cp.coefOf(e, k)
				if a <= 0 {
					continue
				}
				cands = append(cands, cand{i, a, cp.leaveLoss(&ds, i, e, k)})
			}
			slices.SortStableFunc(cands, func(p, q cand) int { return cmpFloat(p.loss, q.loss) })
			for _, c := range cands {
				if excess <= cp.tol*math.Max(1, math.Abs(cp.limit[k])) {
					break
				}
				for f := cp.start[c.i]; f < cp.start[c.i+1]; f++ {
					if cp.coefOf(f, k) > 0 && !ds.forbidden[f] {
						ds.forbidden[f] = true
					}
				}
				excess -= c.coef
			}
		}
		if violated {
			// Freeze every constraint at or past its limit: its rows that
			// add nothing to it now may not start adding, so that the
			// re-solve cannot push it over again by displacing them.
			for k := range lhs {
				if lhs[k] < cp.limit[k]-cp.tol*math.Max(1, math.Abs(cp.limit[k])) {
					continue
				}
				for _, t := range cp.side[k] {
					if t.coef <= 0 || ds.forbidden[t.e] {
						continue
					}
					i := cp.rowOf(t.e)
					if e := x[i]; ds.fixedCol[i] < 0 && (e < 0 || cp.coefOf(e, k) <= 0) {
						ds.forbidden[t.e] = true
					}
				}
			}
		}
		if !violated {
			if c := cp.primal(x); c < b.ub {
				b.ub, b.best = c, slices.Clone(x)
			}
			return nil
		}
		if round == diveRounds {
			return nil
		}
		var err error
		x, _, err = s.relax(ctx, cp, &ds)
		if err != nil {
			if errors.Is(err, ErrInfeasible) {
				return nil
			}
			return err
		}
	}
}
