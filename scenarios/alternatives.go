package scenarios

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/mutasi-asn/mutasi/matching"
	"github.com/mutasi-asn/mutasi/scoring"
)

// RankedPlan is one of the k best plans of an instance, described by how
// it differs from the best one.
type RankedPlan struct {
	// Rank is 1 for the best plan, then 2, 3, … in order of objective
	// (decreasing); plans of equal objective are ordered as
	// matching.Solver.KBest orders them.
	Rank int `json:"rank"`
	// Objective is the plan's total value, as Plan.Objective.
	Objective float64 `json:"objective"`
	// Difference is Objective minus the best plan's objective: 0 for rank
	// 1 and for ties, negative otherwise; exact at 10⁻⁶.
	Difference float64 `json:"difference"`
	// Moves is the number of moves and placements in the plan.
	Moves int `json:"moves"`
	// Changes lists, by NIP, the employees whose post differs from the
	// best plan's; empty for rank 1.
	Changes []Reassignment `json:"changes"`
	// NotProven is true when the rank is not proven (side constraints
	// only): a branch and bound stopped at its node limit, or a part of the
	// ranking was left unsolved. The true value of the Rank-th best plan
	// then lies between Objective and Bound.
	NotProven bool `json:"not_proven,omitempty"`
	// Bound is, when NotProven, a proven upper bound on the value of the
	// Rank-th best plan; nil when the rank is proven.
	Bound *float64 `json:"bound,omitempty"`
	// Plan is the alternative plan in full; its Manifest is left empty
	// (the manifest and certificate are the best plan's, in Alternatives).
	Plan *Plan `json:"-"`
}

// Reassignment is one employee placed differently in a ranked plan than in
// the best plan.
type Reassignment struct {
	// Employee is the NIP.
	Employee scoring.EmployeeID `json:"employee"`
	Name     string             `json:"name"`
	// Current is the post held before the round ("" when unplaced).
	Current scoring.PositionID `json:"current"`
	// Best is the post in the best plan and Alternative the post in this
	// plan; "" means without a seat.
	Best        scoring.PositionID `json:"best"`
	Alternative scoring.PositionID `json:"alternative"`
	// FitBest and FitAlternative are the fits in those posts (0 without a
	// seat).
	FitBest        float64 `json:"fit_best"`
	FitAlternative float64 `json:"fit_alternative"`
}

// RankedPlans holds the k best plans of an instance.
type RankedPlans struct {
	// Best is the certified optimal plan, as Instance.Plan returns it.
	Best *Plan
	// Plans are the k best plans, Plans[0] being Best.
	Plans []RankedPlan
	// Warnings holds an ErrNotProven warning (reason
	// ReasonWarnRankNotProven) for each rank after the first that is not
	// proven; the first rank's is in Best.Warnings. Each alternative's
	// Plan.Warnings holds its own too.
	Warnings []error
}

// Alternatives returns the k best plans of the instance (fewer when it has
// fewer feasible plans). The first is the plan Instance.Plan returns,
// certified; the others are the k − 1 best plans that differ from it
// (matching.Solver.KBest, Murty's method), each described by the
// employees it places differently. Every plan obeys the hard rules the
// solver enforces; constraints the solver does not enforce yet are
// reported in each plan's warnings, as for the best plan. Plans of equal
// objective are ordered with those that place fewer employees differently
// from the best plan first; without side constraints, exact ties then
// follow matching.Solver.KBest's order (RowToCol).
//
// With side constraints (a move budget, turnover limits, conflict pairs)
// the ranking is matching.Solver.KBestFrom from the best plan: Lawler's
// partition of the plans, each part solved by the Lagrangian branch and
// bound within Options.MaxNodes nodes, at most 2(k−1)·MaxNodes nodes in
// all, and parts whose Lagrangian bound rules them out never solved
// (fewer than k plans when the parts left find none). A rank is
// proven when every solve it depends on proved its optimum; otherwise
// its RankedPlan says NotProven with the Bound it is proven against, and
// Warnings carries an ErrNotProven warning. Exact ties that also change
// as many employees come in the order the partition found them (it splits
// on employees in NIP order, those whose post the Lagrangian prices
// highest first).
//
// It returns the errors of Plan, and an error wrapping
// ErrAlternativesUnsupported when the instance has constraints matching's
// k-best search does not support. It panics when k < 1.
//
// Complexity: without side constraints, O(k·E) solves of the assignment
// problem for E employees, as KBest; with them, branch and bound solves
// of at most 2(k−1)·MaxNodes nodes in all and k plain solves; plus
// rendering each plan.
func (in *Instance) Alternatives(ctx context.Context, k int) (*RankedPlans, error) {
	if k < 1 {
		panic(fmt.Sprintf("scenarios: Alternatives with k = %d < 1", k))
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	best, err := in.Plan(ctx)
	if err != nil {
		return nil, err
	}
	return in.AlternativesFrom(ctx, best, k)
}

// AlternativesFrom is Alternatives from best, the plan in.Plan returned,
// which it does not solve again (under side constraints that solve is a
// branch and bound). It returns the errors of Alternatives except those
// of Plan, and panics when k < 1 or best was not made by in.Plan.
func (in *Instance) AlternativesFrom(ctx context.Context, best *Plan, k int) (*RankedPlans, error) {
	if k < 1 {
		panic(fmt.Sprintf("scenarios: AlternativesFrom with k = %d < 1", k))
	}
	if best.sol == nil || best.sol.in != in {
		panic("scenarios: AlternativesFrom needs a plan made by the same Instance")
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(in.Problem.Side) > 0 {
		return in.alternativesSide(ctx, best, k)
	}
	bestSol := best.sol
	solver := matching.Solver{Tolerance: in.Options.Tolerance}
	// Rank the plans of the problem whose ties are broken toward the best
	// plan: the best plan comes first, and among plans of equal objective
	// those with fewer changes. Without an exact tie-break, rank the plain
	// problem one plan deeper and leave the best plan out of the rest.
	p, scale, closer := in.closeTo(bestSol.col)
	want := k
	if !closer {
		p, scale, want = &in.Problem, 1, k+1
	}
	ranked, err := solver.KBest(ctx, p, want)
	if err != nil {
		return nil, in.rankingError(ctx, err)
	}
	for r := range ranked {
		a := &ranked[r]
		if closer { // the cost of the plan itself
			a.Cost = (a.Cost - float64(differing(bestSol.col, a.RowToCol))) / scale
			a.Bound = a.Cost
		}
	}
	if len(ranked) == 0 || ranked[0].Cost != bestSol.a.Cost || (closer && !slices.Equal(ranked[0].RowToCol, bestSol.col)) {
		return nil, fmt.Errorf("scenarios: internal error: k-best ranking of %q disagrees with its certified optimum", in.Scenario.Name)
	}
	out := &RankedPlans{Best: best, Plans: []RankedPlan{{Rank: 1, Objective: best.Objective, Moves: len(best.Moves), Changes: []Reassignment{}, Plan: best}}}
	for _, a := range ranked {
		if len(out.Plans) == k {
			break
		}
		if slices.Equal(a.RowToCol, bestSol.col) {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		out.Plans = append(out.Plans, in.rankedPlan(best, len(out.Plans)+1, a))
	}
	return out, nil
}

// rankingError wraps an error of the k best ranking: unsupported shapes as
// ErrAlternativesUnsupported, the context's own error as is.
func (in *Instance) rankingError(ctx context.Context, err error) error {
	if errors.Is(err, matching.ErrUnsupported) {
		return fmt.Errorf("%w: %v", ErrAlternativesUnsupported, err)
	}
	if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		return err
	}
	return fmt.Errorf("scenarios: ranking the plans of %q: %w", in.Scenario.Name, err)
}

// rankedPlan renders the plan a (its cost in the instance's own units) as
// rank r, against the best plan.
func (in *Instance) rankedPlan(best *Plan, r int, a matching.Assignment) RankedPlan {
	sol := &solution{in: in, a: a, col: a.RowToCol}
	p := in.render(sol)
	p.sol = sol
	return RankedPlan{
		Rank:       r,
		Objective:  p.Objective,
		Difference: q(-(a.Cost-best.sol.a.Cost)/CostScale) + 0, // + 0: no −0
		Moves:      len(p.Moves),
		Changes:    in.changes(best.sol.col, a.RowToCol),
		Plan:       p,
	}
}

// closeTo returns the instance's problem with ties broken toward the plan
// best, as candidate lists: each cost c becomes c·(R+1), plus 1 when the
// choice (a column, or staying out) differs from best's, for R rows. A
// plan's new cost is then its cost·(R+1) plus its number of changes,
// which is less than R+1, so plans rank by cost and then by changes. ok is
// false, and p nil, when that is not exact in float64: a cost that is not
// an integer (build.go makes them integers) or sums beyond 2⁵³, or side
// constraints, whose terms the lists would have to follow.
func (in *Instance) closeTo(best []int) (p *matching.Problem, scale float64, ok bool) {
	rows := len(in.Employees)
	scale = float64(rows + 1)
	sp := &matching.Sparse{Rows: rows, Cols: len(in.Scorer.Positions), Start: make([]int, 1, rows+1)}
	var out []float64
	if in.Problem.Unassigned != nil {
		out = make([]float64, rows)
	}
	largest := 0.0
	exact := true
	term := func(c float64, differs bool) float64 {
		if c != math.Trunc(c) {
			exact = false
		}
		largest = max(largest, math.Abs(c))
		if differs {
			return c*scale + 1
		}
		return c * scale
	}
	for i := range rows {
		in.candidatesOf(i, func(j int) {
			sp.Col = append(sp.Col, j)
			sp.Cost = append(sp.Cost, term(in.cost(i, j), j != best[i]))
		})
		sp.Start = append(sp.Start, len(sp.Col))
		if out != nil {
			u := in.Problem.Unassigned[i]
			if math.IsInf(u, 1) {
				out[i] = u
			} else {
				out[i] = term(u, best[i] != -1)
			}
		}
	}
	if !exact || (largest*scale+1)*scale >= 1<<53 {
		return nil, 0, false
	}
	q := in.Problem
	q.Cost, q.Candidates, q.Unassigned = nil, sp, out
	return &q, scale, true
}

// differing counts the rows whose choice differs between a and b.
func differing(a, b []int) int {
	n := 0
	for i := range a {
		if a[i] != b[i] {
			n++
		}
	}
	return n
}

// changes lists the rows placed differently in alt than in best, by NIP
// (rows are in NIP order).
func (in *Instance) changes(best, alt []int) []Reassignment {
	ps := in.Scorer.Positions
	post := func(i, j int) (scoring.PositionID, float64) {
		if j < 0 {
			return "", 0
		}
		return ps[j].ID, in.fit(i, j)
	}
	out := []Reassignment{}
	for i := range in.Employees {
		if best[i] == alt[i] {
			continue
		}
		c := Reassignment{Employee: in.Employees[i].ID, Name: in.Employees[i].Name}
		if cur := in.cur[i]; cur >= 0 {
			c.Current = ps[cur].ID
		}
		c.Best, c.FitBest = post(i, best[i])
		c.Alternative, c.FitAlternative = post(i, alt[i])
		out = append(out, c)
	}
	return out
}
