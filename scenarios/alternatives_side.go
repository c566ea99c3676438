package scenarios

import (
	"context"
	"math"
	"slices"

	"github.com/mutasi-asn/mutasi/matching"
)

// alternativesSide is Alternatives for an instance with side constraints:
// matching.Solver.KBestFrom from the best plan, over the side constraints
// the plan's lazy solve needed (see Instance.solve), with ties broken
// toward the best plan as closeTo does. A ranked plan that breaks a side
// constraint left inactive activates it and the ranking starts again,
// until every plan listed keeps them all.
func (in *Instance) alternativesSide(ctx context.Context, best *Plan, k int) (*RankedPlans, error) {
	sol := best.sol
	all := in.sides()
	active := make([]bool, len(all))
	copy(active, sol.active)
	mult := sol.multipliers(len(all))
	rows := len(in.Employees)
	p, scale, closer := in.closeTo(sol.col)
	if !closer {
		q := in.Problem
		p, scale = &q, 1
	}
	p.Groups = nil // written as side constraints, as in Instance.solve
	solver := matching.Solver{Tolerance: in.Options.Tolerance, MaxNodes: in.maxNodes()}
	var ranked []matching.Assignment
	for {
		p.Side = p.Side[:0:0]
		first := matching.Assignment{RowToCol: sol.col, Cost: sol.a.Cost * scale, Bound: sol.a.Bound * scale}
		for s, on := range active {
			if on {
				p.Side = append(p.Side, all[s])
				first.Multipliers = append(first.Multipliers, mult[s]*scale)
			}
		}
		var err error
		ranked, err = solver.KBestFrom(ctx, p, first, k)
		if err != nil {
			return nil, in.rankingError(ctx, err)
		}
		added := false
		for _, a := range ranked {
			for s := range all {
				if !active[s] && breaks(&all[s], a.RowToCol) {
					active[s], added = true, true
				}
			}
		}
		if !added {
			break
		}
	}
	cert := best.Manifest.Cert
	first := RankedPlan{Rank: 1, Objective: best.Objective, Moves: len(best.Moves), Changes: []Reassignment{}, Plan: best}
	if !cert.Optimal {
		b := cert.Bound
		first.NotProven, first.Bound = true, &b
	}
	out := &RankedPlans{Best: best, Plans: []RankedPlan{first}}
	for r, a := range ranked[1:] {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		proven := a.Bound >= a.Cost
		lb := a.Bound // a bound on the scaled cost of the rank's plan
		if closer {
			// The scaled cost is cost·scale plus at most rows changes.
			a.Cost = (a.Cost - float64(differing(sol.col, a.RowToCol))) / scale
			lb = math.Ceil((lb - float64(rows)) / scale)
		}
		a.Bound = a.Cost
		rp := in.rankedPlan(best, r+2, a)
		pl := rp.Plan
		if !proven {
			b := q0(-math.Min(lb, a.Cost) / CostScale)
			rp.NotProven, rp.Bound = true, &b
			w := newWarning(ruleOptimality, ErrNotProven,
				newReason(ReasonWarnRankNotProven, rp.Rank, b, rp.Objective, q0(b-rp.Objective)))
			out.Warnings = append(out.Warnings, w)
			pl.Warnings = append(slices.Clone(pl.Warnings), w)
		}
		out.Plans = append(out.Plans, rp)
	}
	return out, nil
}
