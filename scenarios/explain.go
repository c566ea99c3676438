package scenarios

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/gonum/mat"

	"github.com/mutasi-asn/mutasi/matching"
	"github.com/mutasi-asn/mutasi/scoring"
)

// maxForcedSolves caps the re-solves one explanation makes. Without
// duals (side constraints), where every re-solve is a branch and bound and
// no bound prunes the candidates, the cap is twice the alternatives asked
// for, at most maxForcedSolves.
const maxForcedSolves = 40

// DefaultAlternatives is the number of runner-up posts Explain lists when
// asked for 0.
const DefaultAlternatives = 5

// Explanation answers "why me?" for one employee of a plan: the current and
// planned posts with their score breakdowns, the next best posts with the
// margin by which each lost, and the rules that kept the employee out of
// the other posts.
type Explanation struct {
	Employee scoring.EmployeeID `json:"employee"`
	Name     string             `json:"name"`
	// Outcome is "moves", "placed" (an unplaced employee gets a post),
	// "stays", "over-formation" (keeps the post above its needed
	// headcount) or "unplaced" (without a post after the plan).
	Outcome string `json:"outcome"`
	// Fixed names the scenario rule that kept the employee in place
	// (pinned, excluded, election-freeze, acting-head), if any.
	Fixed string `json:"fixed,omitempty"`
	// Current is the current post; nil for an unplaced employee. Planned
	// is the seat in the plan; nil without one.
	Current *PostScore `json:"current"`
	Planned *PostScore `json:"planned"`
	// Alternatives are the next best allowed posts, smallest margin first.
	Alternatives []Alternative `json:"alternatives"`
	// Excluded counts, per rule, the posts it closed to the employee,
	// largest count first.
	Excluded []RuleCount `json:"excluded"`
}

// PostScore is one post and the employee's score there.
type PostScore struct {
	Position scoring.PositionID `json:"position"`
	Name     string             `json:"name"`
	Unit     scoring.UnitID     `json:"unit"`
	UnitName string             `json:"unit_name"`
	Score    Score              `json:"score"`
}

// Score is a fit and its breakdown by criterion.
type Score struct {
	Total      float64     `json:"total"`
	Components []Component `json:"components"`
	// Violations lists the hard rules the pair breaks (only for a pinned
	// pair, which overrides them), as "rule-id: detail".
	Violations []string `json:"violations"`
	// Violated are the violations themselves, in the same order, for
	// rendering their facts in another language ([scoring.Violation.Text]);
	// JSON has each one's rule as its prefix.
	Violated []scoring.Violation `json:"-"`
}

// Component is one criterion's part of a score: Contribution = Weight ×
// Raw; Measure is the quantity behind it (see scoring.Component).
type Component struct {
	Criterion    string  `json:"criterion"`
	Raw          float64 `json:"raw"`
	Weight       float64 `json:"weight"`
	Contribution float64 `json:"contribution"`
	Measure      float64 `json:"measure"`
}

// Alternative is a post the employee could have taken and did not.
type Alternative struct {
	PostScore
	// Margin is how much more fit the employee would need for an optimal
	// plan to give them the post: the optimal objective with the pair
	// forced falls short of the plan's by exactly Margin (fit units, ≥ 0;
	// 0 is a tie) when Proven. Otherwise (side constraints, and the plan's
	// solve or the forced one stopped at the node limit) it is the
	// shortfall of the plan found with the pair forced, and the true
	// margin lies between MarginLow and MarginHigh.
	Margin float64 `json:"margin"`
	// Proven is true when both solves proved their optimum, so Margin is
	// exact.
	Proven bool `json:"proven"`
	// MarginLow and MarginHigh bound the true margin (fit units, ≥ 0),
	// from the proven bounds of both solves; both equal Margin when
	// Proven.
	MarginLow  float64 `json:"margin_low"`
	MarginHigh float64 `json:"margin_high"`
	// Holder is the employee who loses the seat when the pair is forced;
	// empty when the employee would take a vacant seat or stay.
	Holder scoring.EmployeeID `json:"holder,omitempty"`
	// Text says it in one line in English, such as "needs +0.0700 to take
	// Perencana Ahli Muda at Bappeda from 199001012015031002", or "ties: …"
	// when a plan of equal value gives the post (Margin 0, proven). A
	// margin not proven is given as its bounds: "needs between +0.0000 and
	// +0.1523 (not proven; best found +0.0700) to take …". It is
	// Why.String().
	Text string `json:"text"`
	// Why is the same as a code and arguments (ReasonTie, ReasonStay,
	// ReasonStayDisplacing, ReasonVacantSeat or ReasonTakeSeat), for
	// rendering in another language ([Reason.Text]).
	Why Reason `json:"why"`

	col    int                 // the post's column
	forced matching.Assignment // the plan found with the pair forced, with its bound
}

// Explain explains the outcome of employee id in plan p, listing up to k
// alternatives (DefaultAlternatives when k ≤ 0).
//
// The margins are exact when the plan has no side constraints: Explain
// ranks the allowed posts by the lower bound the plan's dual certificate
// gives (the reduced cost), then re-solves with the employee forced into
// each post, best bound first, until no remaining bound can beat the k-th
// margin found (at most 40 re-solves). With side constraints there are
// no duals (explain_side.go): one plain solve priced by the Lagrange
// multipliers of the plan's solve bounds every post's forced optimum from
// below; the posts are tried by that bound, then best fit first (at most
// 2k, and 40), each by an exact solve over a neighbourhood of rows (the
// employee, the post's holders, everyone the plan moves, places or
// unseats, and everyone who could take the employee's planned seat; the
// others keep their planned choice), which gives a plan with the pair
// forced and so an upper bound. When the plan is proven, the k margins
// listed that the bounds leave open are re-solved over the whole instance
// within Options.MaxNodes (the re-solve starts from the side constraints
// the plan's solve needed). A margin is exact only when proven; otherwise
// the alternative gives the bounds proven (Proven, MarginLow,
// MarginHigh), and Margin is the shortfall of the best plan found with
// the pair forced. It returns an error wrapping ErrUnknownEmployee when
// id is not in the instance, and ctx.Err() when ctx is cancelled. It
// panics when p was not made by in.Plan.
func (in *Instance) Explain(ctx context.Context, p *Plan, id scoring.EmployeeID, k int) (*Explanation, error) {
	if p.sol == nil || p.sol.in != in {
		panic("scenarios: Explain needs a plan made by the same Instance")
	}
	i, ok := in.rowOf[id]
	if !ok {
		return nil, fmt.Errorf("%w: %q is not in scenario %q", ErrUnknownEmployee, id, in.Scenario.Name)
	}
	if k <= 0 {
		k = DefaultAlternatives
	}
	sol := p.sol
	e := &in.Employees[i]
	c, j := in.cur[i], sol.col[i]
	x := &Explanation{Employee: e.ID, Name: e.Name, Fixed: in.fixedText(i), Alternatives: []Alternative{}}
	switch {
	case j >= 0 && j == c:
		x.Outcome = "stays"
	case j >= 0 && c >= 0:
		x.Outcome = "moves"
	case j >= 0:
		x.Outcome = "placed"
	case c >= 0 && !in.restruct:
		x.Outcome = "over-formation"
	default:
		x.Outcome = "unplaced"
	}
	if c >= 0 {
		x.Current = in.postScore(i, c)
	}
	if j >= 0 {
		x.Planned = in.postScore(i, j)
	} else if x.Outcome == "over-formation" {
		x.Planned = in.postScore(i, c) // keeps the post, above its needed headcount
	}

	var alts []Alternative
	type cand struct {
		col int
		lb  float64 // the dual lower bound on the margin, in cost units
	}
	var cands []cand
	duals := sol.a.U != nil
	var mb *marginBounds // side constraints: Lagrangian bounds (explain_side.go)
	if !duals && len(sol.active) > 0 {
		var err error
		if mb, err = in.marginBounds(ctx, sol); err != nil {
			return nil, err
		}
	}
	in.candidatesOf(i, func(col int) {
		if col != j {
			lb := 0.0 // without duals or bounds no bound is known
			switch {
			case duals:
				lb = max(0, in.cost(i, col)-sol.a.U[i]-sol.a.V[col])
			case mb != nil:
				lb = max(0, math.Ceil(mb.forcedLower(i, col))-sol.a.Cost)
			}
			cands = append(cands, cand{col, lb})
		}
	})
	slices.SortStableFunc(cands, func(a, b cand) int {
		switch {
		case a.lb < b.lb:
			return -1
		case a.lb > b.lb:
			return 1
		}
		if !duals {
			// No bound to rank by: try the best fits first.
			if ca, cb := in.cost(i, a.col), in.cost(i, b.col); ca != cb {
				if ca < cb {
					return -1
				}
				return 1
			}
		}
		return a.col - b.col
	})
	planProven := sol.a.Bound >= sol.a.Cost
	solves := maxForcedSolves
	if !duals {
		solves = min(solves, 2*k)
	}
	// Exact margins by re-solving with the pair forced, best lower bound
	// first, until the next lower bound cannot beat the k-th margin found.
	kth := func() float64 {
		if len(alts) < k {
			return math.Inf(1)
		}
		ms := make([]float64, len(alts))
		for n, a := range alts {
			ms[n] = a.Margin
		}
		slices.Sort(ms)
		return ms[k-1]
	}
	for n, cd := range cands {
		// exact ≥ lb: a bound at or above the k-th margin can at best tie.
		if n >= solves || cd.lb/CostScale >= kth()-1e-9 {
			break
		}
		fa, err := in.forcedBounded(ctx, sol, mb, i, cd.col)
		if err != nil {
			if ctx.Err() != nil {
				return nil, err
			}
			continue // forcing the pair is infeasible (pins fill the post)
		}
		alts = append(alts, in.alternative(sol, i, cd.col, fa, planProven))
	}
	byMargin := func(a, b Alternative) int {
		switch {
		case a.Margin < b.Margin:
			return -1
		case a.Margin > b.Margin:
			return 1
		}
		return strings.Compare(string(a.Position), string(b.Position))
	}
	slices.SortStableFunc(alts, byMargin)
	if len(alts) > k {
		alts = alts[:k]
	}
	if mb != nil && planProven {
		// Refine the margins printed that the bounds leave open by
		// re-solving the whole instance with the pair forced: the plan
		// is proven, so a proven re-solve makes the margin exact. (When
		// the plan is not proven no re-solve can prove a margin.)
		refined := false
		for n := range alts {
			a := &alts[n]
			if a.Proven {
				continue
			}
			fr, err := in.forced(ctx, sol, i, a.col)
			if err != nil {
				if ctx.Err() != nil {
					return nil, err
				}
				continue
			}
			fa := a.forced
			if fr.Cost < fa.Cost {
				fa.Cost, fa.RowToCol = fr.Cost, fr.RowToCol
			}
			fa.Bound = max(fa.Bound, min(fr.Bound, fr.Cost))
			*a = in.alternative(sol, i, a.col, fa, planProven)
			refined = true
		}
		if refined {
			slices.SortStableFunc(alts, byMargin)
		}
	}
	x.Alternatives = append(x.Alternatives, alts...)

	counts := map[scoring.RuleID]int{}
	for col := range in.Scorer.Positions {
		if col == c || col == j || in.isAllowed(i, col) {
			continue
		}
		for _, r := range in.reasons(i, col) {
			counts[r]++
		}
	}
	x.Excluded = ruleCounts(counts)
	return x, nil
}

// alternative describes post j for row i (currently in column c of the
// instance, -1 when unplaced) from fa, a plan with the pair forced whose
// Bound is a proven lower bound on the forced optimum.
func (in *Instance) alternative(sol *solution, i, j int, fa matching.Assignment, planProven bool) Alternative {
	c := in.cur[i]
	cost, col := fa.Cost, fa.RowToCol
	a := Alternative{PostScore: *in.postScore(i, j), Margin: q(max(0, cost-sol.a.Cost) / CostScale),
		Proven: planProven && fa.Bound >= fa.Cost}
	a.MarginLow, a.MarginHigh = a.Margin, a.Margin
	if !a.Proven {
		// The true margin is OPT(forced) − OPT, with OPT(forced) in
		// [fa.Bound, fa.Cost] and OPT in [Bound, Cost] of the plan.
		a.MarginLow = q(max(0, min(fa.Bound, cost)-sol.a.Cost) / CostScale)
		a.MarginHigh = q(max(0, cost-min(sol.a.Bound, sol.a.Cost)) / CostScale)
	}
	for r, old := range sol.col {
		if r != i && old == j && col[r] != j {
			a.Holder = in.Employees[r].ID
			break
		}
	}
	holder := string(a.Holder)
	switch {
	case a.Margin == 0 && a.Proven:
		a.Why = newReason(ReasonTie, a.Name, a.UnitName)
	case !a.Proven:
		lo, hi, found := a.MarginLow, a.MarginHigh, a.Margin
		switch {
		case j == c && holder != "":
			a.Why = newReason(ReasonStayDisplacingUnproven, lo, hi, found, a.Name, a.UnitName, holder)
		case j == c:
			a.Why = newReason(ReasonStayUnproven, lo, hi, found, a.Name, a.UnitName)
		case holder == "":
			a.Why = newReason(ReasonVacantSeatUnproven, lo, hi, found, a.Name, a.UnitName)
		default:
			a.Why = newReason(ReasonTakeSeatUnproven, lo, hi, found, a.Name, a.UnitName, holder)
		}
	case j == c && holder != "":
		a.Why = newReason(ReasonStayDisplacing, a.Margin, a.Name, a.UnitName, holder)
	case j == c:
		a.Why = newReason(ReasonStay, a.Margin, a.Name, a.UnitName)
	case holder == "":
		a.Why = newReason(ReasonVacantSeat, a.Margin, a.Name, a.UnitName)
	default:
		a.Why = newReason(ReasonTakeSeat, a.Margin, a.Name, a.UnitName, holder)
	}
	a.Text = a.Why.String()
	a.col, a.forced = j, fa
	return a
}

// postScore returns row i's score breakdown in column j.
func (in *Instance) postScore(i, j int) *PostScore {
	p := &in.Scorer.Positions[j]
	sc := in.Table.Explain(i, j)
	ps := &PostScore{Position: p.ID, Name: p.Name, Unit: p.Unit, UnitName: in.unitName(p.Unit),
		Score: Score{Total: q(sc.Total), Components: []Component{}, Violations: []string{}}}
	for _, c := range sc.Components {
		ps.Score.Components = append(ps.Score.Components, Component{Criterion: c.Criterion.String(),
			Raw: q(c.Raw), Weight: c.Weight, Contribution: q(c.Value), Measure: q(c.Measure)})
	}
	for _, v := range sc.Violations {
		ps.Score.Violations = append(ps.Score.Violations, v.String())
		ps.Score.Violated = append(ps.Score.Violated, v)
	}
	return ps
}

// forcedBounded is forced, except under side constraints with Lagrangian
// bounds mb: then the plan is forcedLocal's, and its Bound the proven
// lower bound of mb (see explain_side.go), so that a margin is proven only
// when that bound reaches the plan found. When the neighbourhood has no
// plan with the pair, it falls back to forced.
func (in *Instance) forcedBounded(ctx context.Context, sol *solution, mb *marginBounds, i, j int) (matching.Assignment, error) {
	if mb == nil {
		return in.forced(ctx, sol, i, j)
	}
	col, cost, ok, err := in.forcedLocal(ctx, sol, i, j)
	if err != nil {
		return matching.Assignment{}, err
	}
	if !ok {
		return in.forced(ctx, sol, i, j)
	}
	return matching.Assignment{RowToCol: col, Cost: cost, Bound: min(cost, math.Ceil(mb.forcedLower(i, j)))}, nil
}

// forced solves the instance with row i forced into column j and returns
// the assignment (Bound < Cost when branch and bound stopped at the node
// limit). Matching has no fixed pairs yet, so the row's candidates are cut
// to j and it must be placed. The lazy solve starts from the side
// constraints sol's solve needed.
func (in *Instance) forced(ctx context.Context, sol *solution, i, j int) (matching.Assignment, error) {
	p := in.Problem
	p.Unassigned = slices.Clone(p.Unassigned)
	p.Unassigned[i] = math.Inf(1)
	if sp := p.Candidates; sp != nil {
		cp := &matching.Sparse{Rows: sp.Rows, Cols: sp.Cols, Start: make([]int, sp.Rows+1),
			Col: make([]int, 0, len(sp.Col)), Cost: make([]float64, 0, len(sp.Cost))}
		for r := 0; r < sp.Rows; r++ {
			for k := sp.Start[r]; k < sp.Start[r+1]; k++ {
				if r != i || sp.Col[k] == j {
					cp.Col = append(cp.Col, sp.Col[k])
					cp.Cost = append(cp.Cost, sp.Cost[k])
				}
			}
			cp.Start[r+1] = len(cp.Col)
		}
		p.Candidates = cp
	} else {
		d := mat.DenseCopyOf(p.Cost)
		_, m := d.Dims()
		for col := 0; col < m; col++ {
			if col != j {
				d.Set(i, col, math.Inf(1))
			}
		}
		p.Cost = d
	}
	a, _, _, err := in.solve(ctx, &p, sol.active)
	return a, err
}
