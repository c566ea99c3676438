package scenarios

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/mutasi-asn/mutasi/matching"
	"github.com/mutasi-asn/mutasi/scoring"
)

// Plan is an optimal transfer plan for one scenario. Every employee
// appears in exactly one of Moves (placed into another post, or into a
// post for the first time), Stays (keeps the current post, in a seat of
// its needed headcount or over it) and Unplaced (without a post after the
// plan: an employee who had none and got none, or, only under the
// restructuring policy, a holder released from the post). Nobody loses a
// post by default: holders above a post's needed headcount stay as
// over-formation (kelebihan pegawai) and are listed in Redistribution or
// Retraining. Slices are sorted by NIP or ID as
// stated; a Plan holds no maps, so its JSON is deterministic. Warnings
// render as strings in JSON.
type Plan struct {
	// Scenario and PlanDate identify the round.
	Scenario string `json:"scenario"`
	PlanDate string `json:"plan_date"`
	// Objective is the optimal total value: Σ fit + continuity bonuses +
	// seat terms + over-formation terms (see Instance), in fit units, at
	// 10⁻⁶ precision. Breakdown splits it into its terms, before and after.
	Objective float64 `json:"objective"`
	// Breakdown is the objective term by term, for the plan and for the
	// current state; each side sums exactly to its total.
	Breakdown Breakdown `json:"breakdown"`
	// Moves lists the moves and first placements, by NIP.
	Moves []Move `json:"moves"`
	// Stays lists the employees keeping a seat in their post, by NIP.
	Stays []Stay `json:"stays"`
	// Unplaced lists the employees without a post after the plan, by NIP.
	Unplaced []Unplaced `json:"unplaced"`
	// Redistribution lists the holders kept over formation whose kind of
	// post is short somewhere after the plan, with their best shortage
	// posts and what keeps them out, by NIP.
	Redistribution []Surplus `json:"redistribution"`
	// Retraining lists the holders kept over formation whose kind of post
	// is short nowhere after the plan: candidates for retraining or a
	// change of job family, by NIP.
	Retraining []Surplus `json:"retraining"`
	// Limits are the plan-level constraints (floors, caps, the remote
	// balance, turnover, the move limit, conflict pairs) in schema order,
	// each with its figures after the plan and whether it binds.
	Limits []LimitStatus `json:"limits"`
	// Held lists the employees the scenario holds by name: pinned to a post
	// or excluded from the round (keeping their post), with the reason, by
	// NIP.
	Held []Held `json:"held"`
	// Selection lists the posts filled by open selection (seleksi terbuka)
	// that have vacant seats, each with a shortlist, by position.
	Selection []SelectionPost `json:"selection"`
	// Vacancies lists the seats left unfilled, by position.
	Vacancies []Vacancy `json:"vacancies"`
	// Units gives each unit's staffing before and after, by unit ID.
	Units []UnitStaffing `json:"units"`
	// Chains are the vacancy chains, by first NIP.
	Chains []Chain `json:"chains"`
	// Training lists, for each move, the competences below the new post's
	// standard, by NIP.
	Training []TrainingNeed `json:"training"`
	// KPIs are the indicators before and after.
	KPIs KPIs `json:"kpis"`
	// Manifest records the inputs and settings of the run.
	Manifest Manifest `json:"manifest"`
	// Warnings are the soft problems: pins that override rules, posts left
	// to open selection, optimality not proven at the node limit. Each is
	// a *Warning.
	Warnings []error `json:"-"`

	sol *solution // for Explain
}

// solution is the assignment behind a plan.
type solution struct {
	in  *Instance
	a   matching.Assignment
	col []int // column per row, -1 without a seat
	// active marks the side constraints the lazy solve needed (see
	// Instance.solve); Explain's re-solves start from them.
	active []bool
}

// MarshalJSON writes the plan with its warnings as strings.
func (p Plan) MarshalJSON() ([]byte, error) {
	type plain Plan
	ws := make([]string, len(p.Warnings))
	for k, w := range p.Warnings {
		ws[k] = w.Error()
	}
	return json.Marshal(struct {
		plain
		Warnings []string `json:"warnings"`
	}{plain(p), ws})
}

// MoveKind classifies a move.
type MoveKind string

// Move kinds (domain glossary: rotasi, promosi, demosi).
const (
	MoveRotation  MoveKind = "rotation"  // same career rank
	MovePromotion MoveKind = "promotion" // to a higher rank
	MoveDemotion  MoveKind = "demotion"  // to a lower rank
	MovePlacement MoveKind = "placement" // an unplaced employee placed into a post
)

// Move is one employee's change of post. A move to the same position is
// not a Move.
type Move struct {
	// Employee is the NIP.
	Employee scoring.EmployeeID `json:"employee"`
	Name     string             `json:"name"`
	// From and FromUnit are the current post; empty for a placement.
	From     scoring.PositionID `json:"from"`
	FromUnit scoring.UnitID     `json:"from_unit"`
	// To and ToUnit are the new post.
	To     scoring.PositionID `json:"to"`
	ToUnit scoring.UnitID     `json:"to_unit"`
	Kind   MoveKind           `json:"kind"`
	// FitBefore is the fit in the current post (0 for a placement) and
	// FitAfter the fit in the new post.
	FitBefore float64 `json:"fit_before"`
	FitAfter  float64 `json:"fit_after"`
	// Pinned reports a move fixed by constraints.pinned.
	Pinned bool `json:"pinned"`
	// Reasons explain the move in English: structural reasons first (pin,
	// surplus in the current post, rotation due, remote post, wish), then
	// the criteria that improved, largest gain first. Reasons[k] is
	// Why[k].String().
	Reasons []string `json:"reasons"`
	// Why holds the same reasons as codes and arguments, for rendering in
	// another language ([Reason.Text]) or for machines.
	Why []Reason `json:"why"`
}

// Stay is an employee who keeps a seat in the current post.
type Stay struct {
	Employee scoring.EmployeeID `json:"employee"`
	Position scoring.PositionID `json:"position"`
	Fit      float64            `json:"fit"`
	// Fixed says why the employee could not move, if a scenario rule kept
	// them: pinned, excluded, election-freeze, acting-head; empty
	// otherwise.
	Fixed string `json:"fixed,omitempty"`
	// OverFormation reports a holder kept above the post's needed
	// headcount (kelebihan pegawai): the post's seats are taken by the
	// best-fitting holders (the solver's choice among equal values).
	OverFormation bool `json:"over_formation,omitempty"`
}

// Held is one employee the scenario holds by name.
type Held struct {
	Employee scoring.EmployeeID `json:"employee"`
	Name     string             `json:"name"`
	// Position is the post held: the pin's, or the current one.
	Position scoring.PositionID `json:"position"`
	// Rule is pinned or excluded; Reason the scenario's reason.
	Rule   scoring.RuleID `json:"rule"`
	Reason string         `json:"reason"`
}

// LimitStatus is one plan-level constraint after the plan.
type LimitStatus struct {
	Rule scoring.RuleID `json:"rule"`
	// Constraint states it in English (Why.String()); Why holds the code.
	Constraint string `json:"constraint"`
	Why        Reason `json:"why"`
	// Figures are the counts behind it after the plan, in English, such as
	// "3 holders now, 1 seated after the plan".
	Figures string `json:"figures"`
	// FiguresID are the same figures in Indonesian.
	FiguresID string `json:"figures_id"`
	// Binds reports that the plan is at the constraint's limit (one of its
	// linear constraints holds with equality): relaxing it could change
	// the plan. A constraint that cannot bind is not handed to the solver
	// and never binds.
	Binds bool `json:"binds"`
}

// Surplus is a holder kept over the post's needed headcount.
type Surplus struct {
	Employee scoring.EmployeeID `json:"employee"`
	Name     string             `json:"name"`
	Position scoring.PositionID `json:"position"`
	Unit     scoring.UnitID     `json:"unit"`
	// Kind is the kind of post (the profession, or the position kind), as
	// in UnitStaffing.ByKind.
	Kind string `json:"kind"`
	// Options are the best posts of the same kind still short after the
	// plan (at most three, best fit first), each with what keeps the
	// employee out of it.
	Options []SurplusOption `json:"options"`
}

// SurplusOption is one shortage post for a surplus holder.
type SurplusOption struct {
	Position scoring.PositionID `json:"position"`
	Unit     scoring.UnitID     `json:"unit"`
	Fit      float64            `json:"fit"`
	// Blocked lists the rule ids that forbid the move or, when the move is
	// allowed, the binding plan-level limits (Limits) the employee takes
	// part in; empty when only the objective kept it out of the plan.
	Blocked []scoring.RuleID `json:"blocked"`
}

// SelectionPost is a post filled by open selection with vacant seats: the
// plan never fills it, and lists who could be shortlisted.
type SelectionPost struct {
	Position scoring.PositionID `json:"position"`
	Name     string             `json:"name"`
	Unit     scoring.UnitID     `json:"unit"`
	Seats    int                `json:"seats"`
	// Shortlist holds up to five employees who meet every pair rule of the
	// post, best fit first (NIP on ties).
	Shortlist []Candidate `json:"shortlist"`
}

// Candidate is one employee on a shortlist.
type Candidate struct {
	Employee scoring.EmployeeID `json:"employee"`
	Name     string             `json:"name"`
	Position scoring.PositionID `json:"position"`
	Fit      float64            `json:"fit"`
}

// Breakdown is the objective term by term, for the plan (After) and for
// the current state (Before: everyone in their post, the best-fitting
// holders of each post in its seats).
type Breakdown struct {
	Before Terms `json:"before"`
	After  Terms `json:"after"`
}

// Terms are the parts of an objective, in fit units; Total is their sum,
// exact at 10⁻⁶.
type Terms struct {
	// FitStayers and FitMovers are the fit of the holders seated in their
	// own post and of those seated in another (first placements included).
	FitStayers float64 `json:"fit_stayers"`
	FitMovers  float64 `json:"fit_movers"`
	// Continuity is the continuity bonus of the seated stayers.
	Continuity float64 `json:"continuity"`
	// Seats is the value of the filled seats: unfilled_penalty ×
	// criticality per seat.
	Seats float64 `json:"seats"`
	// OverFormation is the value of the holders kept over formation:
	// continuity bonus − over_formation_penalty each (their fit is not
	// counted: the seat is what a post's fit measures).
	OverFormation float64 `json:"over_formation"`
	// RotationDue is the value of the moves of holders past the rotation
	// point: Weights.Tenure × how due each is (scoring.Table.RotationDue),
	// kept apart from the fit (domain §12.6).
	RotationDue float64 `json:"rotation_due"`
	// RotationHeld is −HardRotationPenalty per holder due under a hard
	// rotation who keeps the post.
	RotationHeld float64 `json:"rotation_held"`
	Total        float64 `json:"total"`
}

// Unplaced is an employee left without a seat: a holder who keeps the
// post over its needed headcount (surplus), or an unplaced employee for
// whom no seat was found.
type Unplaced struct {
	Employee scoring.EmployeeID `json:"employee"`
	Name     string             `json:"name"`
	// Position is the current post, kept without a seat; empty for an
	// employee who had none.
	Position scoring.PositionID `json:"position"`
	// Eligible is the number of posts the employee could take.
	Eligible int `json:"eligible"`
	// Reason says in English why no seat was found; it is Why.String().
	Reason string `json:"reason"`
	Why    Reason `json:"why"`
}

// Vacancy is a position with seats left unfilled by the plan.
type Vacancy struct {
	Position    scoring.PositionID `json:"position"`
	Name        string             `json:"name"`
	Unit        scoring.UnitID     `json:"unit"`
	Needed      int                `json:"needed"`
	Seats       int                `json:"seats"`
	Criticality float64            `json:"criticality"`
	// Eligible is the number of employees allowed into the post.
	Eligible int `json:"eligible"`
}

// UnitStaffing is one unit's staffing against its needs, in total and by
// kind of post. Before counts the holders of the unit's posts; After the
// holders after the plan, including holders who keep a post without a
// seat. Shortage and surplus are summed over the kinds of post, so that a
// surplus of nurses does not hide a shortage of doctors.
type UnitStaffing struct {
	Unit   scoring.UnitID `json:"unit"`
	Name   string         `json:"name"`
	Kind   string         `json:"kind"`
	Area   string         `json:"area"`
	Needed int            `json:"needed"`
	Before Staffing       `json:"before"`
	After  Staffing       `json:"after"`
	// ByKind breaks the unit down by kind of post: the profession when the
	// post has one (nurse, teacher…), otherwise the position kind
	// (pelaksana, administrator…), sorted by that label.
	ByKind []KindStaffing `json:"by_kind"`
}

// Staffing is a headcount against needs.
type Staffing struct {
	Holders  int `json:"holders"`
	Shortage int `json:"shortage"`
	Surplus  int `json:"surplus"`
}

// KindStaffing is the staffing of one kind of post in a unit.
type KindStaffing struct {
	Kind   string   `json:"kind"`
	Needed int      `json:"needed"`
	Before Staffing `json:"before"`
	After  Staffing `json:"after"`
}

// Chain is a vacancy chain: Employees[0] takes the seat Employees[1]
// leaves, who takes the seat Employees[2] leaves, and so on; the last
// takes a seat that was vacant (Fills). Opens is the seat the first one
// leaves (empty when they had none). A cycle (a swap or rotation) closes
// on itself: the last takes the first one's seat.
type Chain struct {
	Employees []scoring.EmployeeID `json:"employees"`
	// Seats are the posts taken, in the same order as Employees.
	Seats  []scoring.PositionID `json:"seats"`
	Length int                  `json:"length"`
	Cycle  bool                 `json:"cycle"`
	Opens  scoring.PositionID   `json:"opens"`
	Fills  scoring.PositionID   `json:"fills"`
}

// TrainingNeed lists the competences of one moved employee below the new
// post's standard, to be trained before the move takes effect.
type TrainingNeed struct {
	Employee scoring.EmployeeID `json:"employee"`
	Position scoring.PositionID `json:"position"`
	// Assessed is false when the employee has no valid competence
	// assessment; Gaps is then empty and an assessment is the first need.
	Assessed bool  `json:"assessed"`
	Gaps     []Gap `json:"gaps"`
}

// Gap is one competence below the standard.
type Gap struct {
	Competency string `json:"competency"`
	Have       int    `json:"have"`
	Need       int    `json:"need"`
}

// KPIs are the plan's indicators before and after.
type KPIs struct {
	Before Indicators `json:"before"`
	After  Indicators `json:"after"`
}

// Indicators are the key figures of one staffing state. Staff are the
// employees holding a post, in a seat or over formation.
type Indicators struct {
	Staff    int     `json:"staff"`
	TotalFit float64 `json:"total_fit"`
	MeanFit  float64 `json:"mean_fit"`
	// FieldMatchShare is the share of staff whose field of study is an
	// exact match for their post (a post listing no field matches every
	// field, as in the education criterion).
	FieldMatchShare float64 `json:"field_match_share"`
	// JPMShare is the share of staff with a valid assessment and JPM ≥ the
	// MS threshold (80 by default) for their post.
	JPMShare float64 `json:"jpm_ms_share"`
	// UnmetNeed is Σ max(0, needed − holders) over positions;
	// UnmetWeighted weighs each seat by its criticality.
	UnmetNeed     int     `json:"unmet_need"`
	UnmetWeighted float64 `json:"unmet_weighted"`
	// Moves and Placements count transfers and first placements (0
	// before).
	Moves      int `json:"moves"`
	Placements int `json:"placements"`
	// Unplaced counts employees without a post.
	Unplaced int `json:"unplaced"`
	// OverFormation counts the holders above their posts' needed
	// headcounts: Σ max(0, holders − needed) over positions.
	OverFormation int `json:"over_formation"`
	// RemoteNeeded and RemoteFilled are the seats of remote and very remote
	// units and how many are filled; RemoteShare is their ratio.
	RemoteNeeded int     `json:"remote_needed"`
	RemoteFilled int     `json:"remote_filled"`
	RemoteShare  float64 `json:"remote_share"`
}

// Plan solves the instance and returns the optimal plan, with its
// optimality checked on every solve: by matching.Certify (dual
// potentials) when the problem has no groups or side constraints that
// bind, and otherwise by re-deriving every plan-level constraint from the
// plan (see Certificate for what is proven).
//
// It returns ctx.Err() when ctx is cancelled during the solve, an
// *InfeasibleError (unwrapping to ErrInfeasible) when pinned employees
// need more seats than their posts offer or the plan-level constraints
// cannot hold together, an error wrapping matching.ErrNodeLimit when no
// plan is found within Options.MaxNodes nodes, and an error wrapping
// matching.ErrCertificate when the solution fails its optimality
// certificate (an internal error). Other solver errors are wrapped. When
// branch and bound stops at its node limit with a plan, the plan is
// returned with its bound and gap in the manifest and an ErrNotProven
// warning. The plan shares no memory with the instance except through
// Explain.
func (in *Instance) Plan(ctx context.Context) (*Plan, error) {
	a, q, active, err := in.solve(ctx, &in.Problem, nil)
	if err != nil {
		var ie *matching.InfeasibleError
		if errors.As(err, &ie) {
			return nil, in.infeasible(ie)
		}
		if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
			return nil, err
		}
		if errors.Is(err, matching.ErrNodeLimit) {
			return nil, in.errNodeLimit(err)
		}
		return nil, fmt.Errorf("scenarios: solving %q: %w", in.Scenario.Name, err)
	}
	cert, err := in.certify(q, &a)
	if err != nil {
		return nil, err
	}
	if err := in.verify(newOutcome(in, a.RowToCol)); err != nil {
		return nil, err
	}
	sol := &solution{in: in, a: a, col: a.RowToCol, active: active}
	p := in.render(sol)
	p.sol = sol
	if !cert.Optimal {
		why := newReason(ReasonWarnNotProven, in.maxNodes(), plural(in.maxNodes(), "node"), cert.Bound, cert.Objective, cert.Gap)
		if g := in.Options.Gap; g > 0 && a.Cost-a.Bound <= g*math.Max(1, math.Abs(a.Cost)) {
			why = newReason(ReasonWarnWithinGap, 100*g, cert.Bound, cert.Objective, cert.Gap)
		}
		p.Warnings = append(p.Warnings, newWarning(ruleOptimality, ErrNotProven, why))
	}
	if err := p.seal(in, cert); err != nil {
		return nil, err
	}
	return p, nil
}

// ruleOptimality names the warning of a plan whose optimality is not
// proven; it is not a rule of the catalogue.
const ruleOptimality scoring.RuleID = "optimality"

// certify checks the assignment a of q (the problem the last solve
// handed to matching) and says what it proves. Without groups and side
// constraints matching.Certify must pass (a failure is an internal
// error). With groups only, the flow's potentials pass Certify when no
// group binds; otherwise the min-cost flow's optimality is not checked
// independently. With side constraints the bound comes from the
// Lagrangian relaxation inside branch and bound.
func (in *Instance) certify(q *matching.Problem, a *matching.Assignment) (Certificate, error) {
	c := Certificate{Checked: true, Passed: true, Objective: q0(-a.Cost / CostScale), Bound: q0(-a.Bound / CostScale),
		Groups: len(q.Groups), SideConstraints: len(q.Side)}
	c.Optimal = a.Bound >= a.Cost
	if c.Optimal {
		c.Bound = c.Objective
	}
	c.Gap = q0(c.Bound - c.Objective)
	switch {
	case len(q.Side) > 0:
		c.Method = "lagrangian"
	case len(q.Groups) > 0:
		c.Method = "flow"
		if matching.Certify(q, a, in.Options.Tolerance) == nil {
			c.Method = "duals"
		}
	default:
		if err := matching.Certify(q, a, in.Options.Tolerance); err != nil {
			return c, fmt.Errorf("scenarios: internal error: the plan of %q failed its optimality certificate: %w", in.Scenario.Name, err)
		}
		c.Method = "duals"
	}
	return c, nil
}

// q0 is q without negative zero.
func q0(x float64) float64 { return q(x) + 0 }

// infeasible maps a solver's infeasibility report back to the scenario:
// constraints that cannot hold together, or a Hall witness (pinned rows
// whose allowed columns have too few seats) as employees and posts.
func (in *Instance) infeasible(ie *matching.InfeasibleError) error {
	if e := in.conflict(ie); e != nil {
		return e
	}
	e := &InfeasibleError{Rule: scoring.RuleCapacity, Have: ie.Seats, Need: len(ie.Rows)}
	for _, i := range ie.Rows {
		e.Employees = append(e.Employees, in.Employees[i].ID)
	}
	for _, j := range ie.Cols {
		e.Positions = append(e.Positions, in.Scorer.Positions[j].ID)
	}
	if ie.Transposed {
		e.Need, e.Have = ie.Seats, len(ie.Rows)
	}
	e.Why = e.reason()
	return e
}

// outcome is a finished assignment with the lookups the plan and the
// constraint checks need.
type outcome struct {
	in     *Instance
	col    []int // seat per row, -1 without one
	moves  int   // transfers (From set)
	seated []int // seated holders per column
}

func newOutcome(in *Instance, col []int) *outcome {
	m := len(in.Scorer.Positions)
	o := &outcome{in: in, col: col, seated: make([]int, m)}
	for i, j := range col {
		if j >= 0 {
			o.seated[j]++
			if c := in.cur[i]; c >= 0 && c != j {
				o.moves++
			}
		}
	}
	return o
}

// unitOf returns the unit an employee ends in: the seat's unit, the
// current unit for a holder without a seat, or "".
func (o *outcome) unitOf(id employeeID) unitID {
	i, ok := o.in.rowOf[id]
	if !ok {
		return ""
	}
	if j := o.col[i]; j >= 0 {
		return o.in.Scorer.Positions[j].Unit
	}
	if c := o.in.cur[i]; c >= 0 {
		return o.in.Scorer.Positions[c].Unit
	}
	return ""
}

// remote reports whether column j lies in a remote or very remote unit.
func (in *Instance) remote(j int) bool {
	a := in.Scorer.Units[in.units[in.Scorer.Positions[j].Unit]].Area
	return a == scoring.AreaRemote || a == scoring.AreaVeryRemote
}

// q rounds to the cost quantum, so that plan figures print the same on
// every platform.
func q(x float64) float64 { return math.Round(x*CostScale) / CostScale }

// Fit returns the fit of row i in column j: scoring's total, also for a
// pinned pair that breaks a rule (where the compiled table holds NaN). It
// panics when i or j is out of range.
func (in *Instance) Fit(i, j int) float64 {
	f := in.Table.Fit(i, j)
	if math.IsNaN(f) {
		f = in.Table.Explain(i, j).Total
	}
	return f
}

// fit is Fit rounded to the cost quantum, as plans report it.
func (in *Instance) fit(i, j int) float64 { return q(in.Fit(i, j)) }

// Current returns the column of row i's current post, or -1 when the
// employee holds none.
func (in *Instance) Current(i int) int { return in.cur[i] }

// Indicators returns the KPIs of any placement of the instance's employees
// (col maps each row to a column, -1 for no seat), defined exactly as a
// plan's "after" KPIs; a greedy or manual placement can so be compared with
// the optimum. It panics when col is shorter than the rows or holds a
// column out of range. It takes O(E·K + P) time for E employees, P
// positions and K competences per pair.
func (in *Instance) Indicators(col []int) Indicators {
	return in.indicators(&outcome{in: in, col: col}, false)
}

// render builds the plan of an assignment.
func (in *Instance) render(sol *solution) *Plan {
	s := in.Scenario
	ps := in.Scorer.Positions
	o := newOutcome(in, sol.col)
	p := &Plan{Scenario: s.Name, PlanDate: s.PlanDate.Format("2006-01-02"),
		Objective: q(-sol.a.Cost / CostScale),
		Moves:     []Move{}, Stays: []Stay{}, Unplaced: []Unplaced{}, Vacancies: []Vacancy{},
		Chains: []Chain{}, Training: []TrainingNeed{}}
	eligible := make([]int, len(ps))
	for i := range in.Employees {
		e := &in.Employees[i]
		c, j := in.cur[i], sol.col[i]
		n := 0
		in.candidatesOf(i, func(k int) { eligible[k]++; n++ })
		switch {
		case j >= 0 && j == c:
			p.Stays = append(p.Stays, Stay{Employee: e.ID, Position: ps[j].ID, Fit: in.fit(i, j), Fixed: in.fixedText(i)})
		case j >= 0:
			p.Moves = append(p.Moves, in.move(i, j, o))
			p.Training = append(p.Training, in.training(i, j))
		case c >= 0 && !in.restruct:
			p.Stays = append(p.Stays, Stay{Employee: e.ID, Position: ps[c].ID, Fit: in.fit(i, c), Fixed: in.fixedText(i),
				OverFormation: true})
		default:
			u := Unplaced{Employee: e.ID, Name: e.Name, Eligible: n}
			switch {
			case c >= 0:
				u.Position = ps[c].ID
				u.Why = in.surplusReason(i, c, o)
			case n == 0:
				u.Why = newReason(ReasonNoEligiblePost)
			default:
				u.Why = newReason(ReasonBetterFits)
			}
			u.Reason = u.Why.String()
			p.Unplaced = append(p.Unplaced, u)
		}
	}
	for j := range ps {
		if free := ps[j].Needed - o.seated[j]; free > 0 {
			crit := ps[j].Criticality
			if crit == 0 {
				crit = 1
			}
			p.Vacancies = append(p.Vacancies, Vacancy{Position: ps[j].ID, Name: ps[j].Name, Unit: ps[j].Unit,
				Needed: ps[j].Needed, Seats: free, Criticality: crit, Eligible: eligible[j]})
		}
	}
	p.Units = in.staffing(o)
	var tightRows map[int][]scoring.RuleID
	p.Limits, tightRows = in.limitStatus(o)
	p.Redistribution, p.Retraining = in.surplus(o, tightRows)
	p.Selection = in.selection(o)
	p.Held = in.held()
	p.Breakdown = Breakdown{Before: in.terms(in.beforeCols()), After: in.terms(sol.col)}
	p.Chains = chains(p.Moves)
	p.KPIs = KPIs{Before: in.indicators(o, true), After: in.indicators(o, false)}
	p.Warnings = slices.Clone(in.warnings)
	if in.restruct {
		released := 0
		for i, c := range in.cur {
			if c >= 0 && sol.col[i] < 0 {
				released++
			}
		}
		p.Warnings = append(p.Warnings, newWarning(rulePolicy, ErrReportOnly, newReason(ReasonWarnReleased, released)))
	}
	kept := 0
	for i, c := range in.cur {
		if c >= 0 && in.why[i] == fixRotation && (sol.col[i] == c || (sol.col[i] < 0 && !in.restruct)) {
			kept++
		}
	}
	if kept > 0 {
		p.Warnings = append(p.Warnings, newWarning(scoring.RuleMaxTenure, ErrReportOnly,
			newReason(ReasonWarnRotationKept, kept, in.Scorer.Rules.RotationYears)))
	}
	if f := &in.freeze; f.window != nil {
		from, to := f.window.From.Format("2006-01-02"), f.window.To.Format("2006-01-02")
		why := newReason(ReasonWarnFreeze, f.window.Name, from, to, f.window.Basis, len(f.approved))
		if f.approvedAll {
			why = newReason(ReasonWarnFreezeApprovedAll, f.window.Name, from, to, f.window.Basis)
		}
		p.Warnings = append(p.Warnings, newWarning(f.rule(), ErrReportOnly, why))
	}
	return p
}

// fixedText names the scenario rule that kept row i in place, if any.
func (in *Instance) fixedText(i int) string {
	switch in.why[i] {
	case fixPinned:
		return "pinned"
	case fixExcluded:
		return "excluded"
	case fixFrozen:
		return string(in.freeze.rule())
	}
	return ""
}

// surplusReason explains why holder i keeps post c without a seat.
func (in *Instance) surplusReason(i, c int, o *outcome) Reason {
	ps := in.Scorer.Positions
	id := string(ps[c].ID)
	switch {
	case in.why[i] == fixRotation:
		return newReason(ReasonRotationNoPost, id)
	case ps[c].Needed == 0:
		return newReason(ReasonAbolishedPost, id)
	}
	return newReason(ReasonSurplusHolder, id, in.holders[c], ps[c].Needed)
}

// years1 rounds years to the one decimal reasons print, the way fmt
// rounds them, so that a reason's argument and its text agree.
func years1(y float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(y, 'f', 1, 64), 64)
	return v
}

// move builds the Move of row i into column j.
func (in *Instance) move(i, j int, o *outcome) Move {
	e := &in.Employees[i]
	ps := in.Scorer.Positions
	to := &ps[j]
	m := Move{Employee: e.ID, Name: e.Name, To: to.ID, ToUnit: to.Unit, FitAfter: in.fit(i, j),
		Pinned: in.why[i] == fixPinned, Kind: MovePlacement, Why: []Reason{}}
	after := in.Table.Explain(i, j)
	var before scoring.Score
	c := in.cur[i]
	if c >= 0 {
		from := &ps[c]
		m.From, m.FromUnit, m.FitBefore = from.ID, from.Unit, in.fit(i, c)
		before = in.Table.Explain(i, c)
		rules := &in.Scorer.Rules
		rb, ra := rules.Rank(from.Kind, from.FunctionalGrade), rules.Rank(to.Kind, to.FunctionalGrade)
		prof := from.Profession
		if e.Profession != 0 {
			prof = e.Profession
		}
		if to.Kind == scoring.KindFunctional && to.Profession != 0 && to.Profession == prof {
			ra = max(ra, rb) // the jenjang belongs to the person
		}
		termsOver := false
		switch {
		case ra > rb, ra == rb && to.IsUnitHead && !from.IsUnitHead:
			m.Kind = MovePromotion
		case ra < rb, ra == rb && from.IsUnitHead && !to.IsUnitHead:
			m.Kind = MoveDemotion
			if rules.PrincipalTermsOver(e, from, in.Scenario.PlanDate) && to.Profession == scoring.ProfessionTeacher {
				m.Kind, termsOver = MoveRotation, true // back to teaching after the terms
			}
		default:
			m.Kind = MoveRotation
		}
		if termsOver {
			m.Why = append(m.Why, newReason(ReasonTermsOver, rules.PrincipalYears(e, in.Scenario.PlanDate)))
		}
		if m.Kind == MoveDemotion {
			// Lawful only when a penalty imposes it or the employee asked
			// (rule demotion); say which.
			m.Why = append(m.Why, in.demotionCause(e))
		}
	}
	if m.Pinned {
		m.Why = append(m.Why, newReason(ReasonPinned, in.pinWhy[i]))
	}
	if c >= 0 && in.holders[c] > ps[c].Needed {
		m.Why = append(m.Why, newReason(ReasonOverNeed, in.holders[c], ps[c].Needed))
	}
	if in.why[i] == fixRotation {
		m.Why = append(m.Why, newReason(ReasonRotationDue, years1(scoring.Years(e.PositionSince, in.Scenario.PlanDate))))
	} else if c >= 0 {
		if y := scoring.Years(e.PositionSince, in.Scenario.PlanDate); y >= float64(in.Scorer.Rules.RotationYears) {
			m.Why = append(m.Why, newReason(ReasonRotationPoint, years1(y)))
		}
		if in.rot[i] > 0 {
			m.Why = append(m.Why, newReason(ReasonRotationValue, q(float64(in.rot[i])/CostScale)))
		}
	}
	if in.remote(j) {
		m.Why = append(m.Why, newReason(ReasonRemoteSeat, in.Scorer.Units[in.units[to.Unit]].Area.String()))
	}
	if slices.Contains(to.RequiredCerts, scoring.CertSTR) && (c < 0 || ps[c].Unit != to.Unit) {
		// The STR is for life; the licence to practise (SIP) is per place
		// (UU 17/2023 Pasal 263; PP 28/2024): a follow-up, not a block.
		m.Why = append(m.Why, newReason(ReasonSIPNeeded, string(to.Unit)))
	}
	if w := after.Components[scoring.CritPreference].Measure; w > 0 {
		m.Why = append(m.Why, newReason(ReasonWish, int(w)))
	}
	type delta struct {
		c scoring.Criterion
		d float64
	}
	var ds []delta
	for k, comp := range after.Components {
		d := comp.Value
		if c >= 0 {
			d -= before.Components[k].Value
		}
		if q(d) >= 0.0001 {
			ds = append(ds, delta{comp.Criterion, q(d)})
		}
	}
	slices.SortStableFunc(ds, func(a, b delta) int {
		switch {
		case a.d > b.d:
			return -1
		case a.d < b.d:
			return 1
		}
		return int(a.c) - int(b.c)
	})
	for _, d := range ds {
		m.Why = append(m.Why, newReason(ReasonGain, d.c.String(), d.d))
	}
	m.Reasons = Texts(m.Why, "en")
	return m
}

// training lists row i's competences below column j's standard.
func (in *Instance) training(i, j int) TrainingNeed {
	e := &in.Employees[i]
	p := &in.Scorer.Positions[j]
	r := &in.Scorer.Rules
	t := TrainingNeed{Employee: e.ID, Position: p.ID, Gaps: []Gap{}}
	t.Assessed = !e.AssessedOn.IsZero() &&
		scoring.AddMonths(e.AssessedOn, 12*r.AssessmentValidityYears).After(in.Scenario.PlanDate)
	if !t.Assessed {
		return t
	}
	std := p.Standard
	if std.IsZero() {
		l := defaultLevel(r, p)
		for k := range std.Levels {
			std.Levels[k] = l
		}
	}
	for k, need := range std.Levels {
		if have := e.Competence.Levels[k]; need > 0 && have < need {
			t.Gaps = append(t.Gaps, Gap{Competency: scoring.Competency(k).String(), Have: have, Need: need})
		}
	}
	for _, tl := range std.Technical {
		have := 0
		for _, x := range e.Competence.Technical {
			if x.Name == tl.Name {
				have = x.Level
			}
		}
		if tl.Level > 0 && have < tl.Level {
			t.Gaps = append(t.Gaps, Gap{Competency: "technical:" + tl.Name, Have: have, Need: tl.Level})
		}
	}
	return t
}

// defaultLevel is the required level of a post with no explicit standard
// (scoring.Rules.StandardLevel by kind and grade).
func defaultLevel(r *scoring.Rules, p *scoring.Position) int {
	s := &r.StandardLevel
	switch p.Kind {
	case scoring.KindJPT:
		return s.JPT[p.JPTLevel]
	case scoring.KindAdministrator:
		return s.Administrator
	case scoring.KindPengawas:
		return s.Pengawas
	case scoring.KindPelaksana:
		return s.Pelaksana
	}
	return s.Functional[p.FunctionalGrade]
}

// kindLabel is the kind of post a staffing line groups by.
func kindLabel(p *scoring.Position) string {
	if p.Profession != 0 {
		return p.Profession.String()
	}
	return p.Kind.String()
}

func staffing(holders, needed int) Staffing {
	return Staffing{Holders: holders, Shortage: max(0, needed-holders), Surplus: max(0, holders-needed)}
}

// staffing returns each unit's staffing before and after.
func (in *Instance) staffing(o *outcome) []UnitStaffing {
	ps := in.Scorer.Positions
	after := slices.Clone(o.seated)
	for i, c := range in.cur {
		if c >= 0 && o.col[i] < 0 && !in.restruct {
			after[c]++ // keeps the post over formation
		}
	}
	out := make([]UnitStaffing, 0, len(in.Scorer.Units))
	for k := range in.Scorer.Units {
		u := &in.Scorer.Units[k]
		us := UnitStaffing{Unit: u.ID, Name: u.Name, Kind: u.Kind.String(), Area: u.Area.String(), ByKind: []KindStaffing{}}
		for _, j := range in.unitHolds[k] {
			label := kindLabel(&ps[j])
			idx := slices.IndexFunc(us.ByKind, func(ks KindStaffing) bool { return ks.Kind == label })
			if idx < 0 {
				us.ByKind = append(us.ByKind, KindStaffing{Kind: label})
				idx = len(us.ByKind) - 1
			}
			ks := &us.ByKind[idx]
			ks.Needed += ps[j].Needed
			ks.Before.Holders += in.holders[j]
			ks.After.Holders += after[j]
		}
		slices.SortFunc(us.ByKind, func(a, b KindStaffing) int { return strings.Compare(a.Kind, b.Kind) })
		for x := range us.ByKind {
			ks := &us.ByKind[x]
			ks.Before = staffing(ks.Before.Holders, ks.Needed)
			ks.After = staffing(ks.After.Holders, ks.Needed)
			us.Needed += ks.Needed
			us.Before.Holders += ks.Before.Holders
			us.Before.Shortage += ks.Before.Shortage
			us.Before.Surplus += ks.Before.Surplus
			us.After.Holders += ks.After.Holders
			us.After.Shortage += ks.After.Shortage
			us.After.Surplus += ks.After.Surplus
		}
		out = append(out, us)
	}
	return out
}

// indicators computes the KPIs before (current posts) or after the plan.
func (in *Instance) indicators(o *outcome, before bool) Indicators {
	ps := in.Scorer.Positions
	var k Indicators
	var total float64
	match, jpm := 0, 0
	holders := make([]int, len(ps))
	for i := range in.Employees {
		j := o.col[i]
		if before || (j < 0 && !in.restruct) {
			j = in.cur[i] // a holder without a seat keeps the post over formation
		}
		if j < 0 {
			k.Unplaced++
			continue
		}
		holders[j]++
		k.Staff++
		total += in.fit(i, j)
		if in.fieldMatch(i, j) {
			match++
		}
		sc := in.Table.Explain(i, j)
		if pct := sc.Components[scoring.CritCompetence].Measure; pct >= 0 && pct >= in.Scorer.Rules.JPM.MS-1e-9 {
			jpm++
		}
		if !before && in.cur[i] != j {
			if in.cur[i] >= 0 {
				k.Moves++
			} else {
				k.Placements++
			}
		}
	}
	if before {
		k.Unplaced = 0
		for i := range in.Employees {
			if in.cur[i] < 0 {
				k.Unplaced++
			}
		}
	}
	k.TotalFit = q(total)
	if k.Staff > 0 {
		k.MeanFit = q(total / float64(k.Staff))
		k.FieldMatchShare = q(float64(match) / float64(k.Staff))
		k.JPMShare = q(float64(jpm) / float64(k.Staff))
	}
	var weighted float64
	for j := range ps {
		k.OverFormation += max(0, holders[j]-ps[j].Needed)
		short := max(0, ps[j].Needed-holders[j])
		crit := ps[j].Criticality
		if crit == 0 {
			crit = 1
		}
		k.UnmetNeed += short
		weighted += float64(short) * crit
		if in.remote(j) {
			k.RemoteNeeded += ps[j].Needed
			k.RemoteFilled += min(holders[j], ps[j].Needed)
		}
	}
	k.UnmetWeighted = q(weighted)
	if k.RemoteNeeded > 0 {
		k.RemoteShare = q(float64(k.RemoteFilled) / float64(k.RemoteNeeded))
	}
	return k
}

// fieldMatch reports whether row i's field of study is an exact match for
// column j: listed in the post's fields or relevant fields, or the post
// lists none.
func (in *Instance) fieldMatch(i, j int) bool {
	p := &in.Scorer.Positions[j]
	if len(p.Fields) == 0 && len(p.Relevant) == 0 {
		return true
	}
	f := in.Employees[i].Education.Field
	return f != "" && (slices.Contains(p.Fields, f) || slices.Contains(p.Relevant, f))
}

// chains links the moves into vacancy chains: in each position, the
// arrivals (by NIP) take the seats of the departures (by NIP) in order;
// arrivals beyond the departures take seats that were vacant.
func chains(moves []Move) []Chain {
	byPos := map[scoring.PositionID]*struct{ in, out []int }{}
	get := func(p scoring.PositionID) *struct{ in, out []int } {
		x := byPos[p]
		if x == nil {
			x = &struct{ in, out []int }{}
			byPos[p] = x
		}
		return x
	}
	for k, m := range moves { // moves are sorted by NIP
		get(m.To).in = append(get(m.To).in, k)
		if m.From != "" {
			get(m.From).out = append(get(m.From).out, k)
		}
	}
	next := make([]int, len(moves)) // next[a] = b: a takes b's seat
	hasPrev := make([]bool, len(moves))
	for k := range next {
		next[k] = -1
	}
	for _, m := range moves {
		x := byPos[m.To]
		if x == nil {
			continue
		}
		for n, a := range x.in {
			if n < len(x.out) {
				next[a] = x.out[n]
				hasPrev[x.out[n]] = true
			}
		}
		delete(byPos, m.To)
	}
	out := []Chain{}
	seen := make([]bool, len(moves))
	walk := func(start int) Chain {
		var ch Chain
		k := start
		for k >= 0 && !seen[k] {
			seen[k] = true
			ch.Employees = append(ch.Employees, moves[k].Employee)
			ch.Seats = append(ch.Seats, moves[k].To)
			k = next[k]
		}
		ch.Length = len(ch.Employees)
		ch.Cycle = k == start
		ch.Opens = moves[start].From
		if !ch.Cycle {
			ch.Fills = ch.Seats[len(ch.Seats)-1]
		} else {
			ch.Opens = ""
		}
		return ch
	}
	for k := range moves {
		if !hasPrev[k] {
			out = append(out, walk(k))
		}
	}
	for k := range moves { // what is left are cycles; start at the lowest NIP
		if !seen[k] {
			out = append(out, walk(k))
		}
	}
	slices.SortStableFunc(out, func(a, b Chain) int { return strings.Compare(string(a.Employees[0]), string(b.Employees[0])) })
	return out
}

// beforeCols returns the current state as an assignment: every holder in
// their post, the seats of each post taken by its holders of highest value
// (lowest row on ties), the others over formation (-1).
func (in *Instance) beforeCols() []int {
	col := make([]int, len(in.Employees))
	byCol := make([][]int, len(in.Scorer.Positions))
	for i, c := range in.cur {
		col[i] = -1
		if c >= 0 {
			byCol[c] = append(byCol[c], i)
		}
	}
	val := make([]int64, len(in.Employees)) // each holder's value in the own post
	for i, c := range in.cur {
		if c >= 0 {
			val[i] = in.value(i, c, in.Table.Fit(i, c))
		}
	}
	for j, rows := range byCol {
		slices.SortStableFunc(rows, func(a, b int) int {
			switch {
			case val[a] > val[b]:
				return -1
			case val[a] < val[b]:
				return 1
			}
			return a - b
		})
		for k, i := range rows {
			if k < in.Scorer.Positions[j].Needed {
				col[i] = j
			}
		}
	}
	return col
}

// terms splits the value of an assignment (col: seat per row, -1 for
// none) into the objective's terms, summed in cost units so that they add
// up exactly to the solver's objective.
func (in *Instance) terms(col []int) Terms {
	var fs, fm, cont, seats, over, rot, rdue int64
	for i, j := range col {
		c := in.cur[i]
		due := in.why[i] == fixRotation
		switch {
		case j >= 0:
			f := micro(in.Fit(i, j))
			seats += in.seat[j]
			if j != c {
				fm += f
				rdue += in.rot[i]
				continue
			}
			fs += f
			cont += in.bonus
			if due {
				rot -= in.rotPen
			}
		case c >= 0 && !in.restruct:
			over += in.over
			if due {
				rot -= in.rotPen
			}
		}
	}
	u := func(x int64) float64 { return q0(float64(x) / CostScale) }
	return Terms{FitStayers: u(fs), FitMovers: u(fm), Continuity: u(cont), Seats: u(seats), OverFormation: u(over),
		RotationDue: u(rdue), RotationHeld: u(rot), Total: u(fs + fm + cont + seats + over + rdue + rot)}
}

// surplus lists the holders kept over formation: in Redistribution when
// posts of their kind are still short after the plan (the three best by
// fit, with the rules that keep them out), in Retraining otherwise.
func (in *Instance) surplus(o *outcome, tight map[int][]scoring.RuleID) (redist, retrain []Surplus) {
	ps := in.Scorer.Positions
	redist, retrain = []Surplus{}, []Surplus{}
	short := map[string][]int{} // shortage columns by kind of post
	for j := range ps {
		if ps[j].Needed > o.seated[j] && in.closed[j] != fixOpen {
			short[kindLabel(&ps[j])] = append(short[kindLabel(&ps[j])], j)
		}
	}
	for i := range in.Employees {
		c := in.cur[i]
		if c < 0 || o.col[i] >= 0 || in.restruct {
			continue
		}
		e := &in.Employees[i]
		sp := Surplus{Employee: e.ID, Name: e.Name, Position: ps[c].ID, Unit: ps[c].Unit, Kind: kindLabel(&ps[c]),
			Options: []SurplusOption{}}
		for _, j := range short[sp.Kind] {
			if j == c {
				continue
			}
			blocked := append([]scoring.RuleID{}, in.reasons(i, j)...)
			if len(blocked) == 0 {
				blocked = append(blocked, tight[i]...) // allowed: the binding limits that touch the employee
			}
			sp.Options = append(sp.Options, SurplusOption{Position: ps[j].ID, Unit: ps[j].Unit, Fit: in.fit(i, j),
				Blocked: blocked})
		}
		slices.SortStableFunc(sp.Options, func(a, b SurplusOption) int {
			if oa, ob := len(a.Blocked) == 0, len(b.Blocked) == 0; oa != ob { // allowed moves first
				if oa {
					return -1
				}
				return 1
			}
			switch {
			case a.Fit > b.Fit:
				return -1
			case a.Fit < b.Fit:
				return 1
			}
			return strings.Compare(string(a.Position), string(b.Position))
		})
		if len(sp.Options) > 3 {
			sp.Options = sp.Options[:3]
		}
		if len(short[sp.Kind]) == 0 {
			retrain = append(retrain, sp)
		} else {
			redist = append(redist, sp)
		}
	}
	return redist, retrain
}

// selection lists the open-selection posts with vacant seats and their
// shortlists: up to five employees who meet every pair rule of the post,
// best fit first.
func (in *Instance) selection(o *outcome) []SelectionPost {
	ps := in.Scorer.Positions
	out := []SelectionPost{}
	for j := range ps {
		free := ps[j].Needed - o.seated[j]
		if in.closed[j] != fixOpen || free <= 0 {
			continue
		}
		sp := SelectionPost{Position: ps[j].ID, Name: ps[j].Name, Unit: ps[j].Unit, Seats: free, Shortlist: []Candidate{}}
		for i := range in.Employees {
			if in.cur[i] == j {
				continue
			}
			if f := in.Table.Fit(i, j); !math.IsNaN(f) {
				e := &in.Employees[i]
				sp.Shortlist = append(sp.Shortlist, Candidate{Employee: e.ID, Name: e.Name, Position: e.Position, Fit: q(f)})
			}
		}
		slices.SortStableFunc(sp.Shortlist, func(a, b Candidate) int {
			switch {
			case a.Fit > b.Fit:
				return -1
			case a.Fit < b.Fit:
				return 1
			}
			return strings.Compare(string(a.Employee), string(b.Employee))
		})
		if len(sp.Shortlist) > 5 {
			sp.Shortlist = sp.Shortlist[:5]
		}
		out = append(out, sp)
	}
	return out
}

// limitStatus reports each plan-level constraint after the plan (its
// figures from the independent check, and whether one of its linear
// constraints is tight at the assignment), and, for each row, the rule ids
// of the binding limits whose tight constraints involve it.
func (in *Instance) limitStatus(o *outcome) ([]LimitStatus, map[int][]scoring.RuleID) {
	out := make([]LimitStatus, 0, len(in.limits))
	rows := map[int][]scoring.RuleID{}
	for k := range in.limits {
		l := &in.limits[k]
		_, figures := l.check(o)
		st := LimitStatus{Rule: l.rule, Constraint: l.why.String(), Why: l.why, Figures: figures, FiguresID: figuresID(figures)}
		for _, sd := range l.sides {
			lhs := 0.0
			for _, t := range sd.Terms {
				if o.col[t.Row] == t.Col {
					lhs += t.Coef
				}
			}
			if lhs != sd.Limit {
				continue
			}
			st.Binds = true
			for _, t := range sd.Terms {
				if rs := rows[t.Row]; !slices.Contains(rs, l.rule) {
					rows[t.Row] = append(rs, l.rule)
				}
			}
		}
		out = append(out, st)
	}
	return out, rows
}

// figuresID writes a limit's figures (built in English by its check) in
// Indonesian, phrase by phrase.
func figuresID(en string) string {
	return strings.NewReplacer(
		" holders now", " pemangku saat ini", " holder now", " pemangku saat ini",
		" seated after the plan", " menduduki formasi sesudah rencana",
		"at least ", "paling sedikit ", "at most ", "paling banyak ",
		" moves", " mutasi", " move", " mutasi",
		"no unit above it", "tidak ada unit yang melampauinya",
		" units above it, such as ", " unit melampauinya, antara lain ",
		" unit above it, such as ", " unit melampauinya, yaitu ",
		"in different units, not one above the other", "di unit kerja yang berbeda, tidak yang satu di atas yang lain",
		"in one supervisory chain as now: ", "dalam satu garis pengawasan seperti saat ini: ",
		"in one supervisory chain: ", "dalam satu garis pengawasan: ",
		"in different units", "di unit kerja yang berbeda", "both in ", "keduanya di ",
	).Replace(en)
}

// demotionCause names what makes a demotion of e lawful: an active
// penalty (PP 94/2021 Pasal 8(4)) or the employee's own request recorded
// as an exception of rule demotion.
func (in *Instance) demotionCause(e *scoring.Employee) Reason {
	for _, x := range e.Exceptions {
		if x.Rule == scoring.RuleDemotion {
			return newReason(ReasonDemotionRequest, x.Reason)
		}
	}
	return newReason(ReasonDemotionPenalty, e.Discipline.Level.String())
}

// held lists the pinned and excluded employees with their reasons.
func (in *Instance) held() []Held {
	out := []Held{}
	ps := in.Scorer.Positions
	excluded := map[employeeID]string{}
	for _, x := range in.Scenario.Constraints.Excluded {
		excluded[x.Employee] = x.Reason
	}
	for i := range in.Employees {
		e := &in.Employees[i]
		h := Held{Employee: e.ID, Name: e.Name}
		switch in.why[i] {
		case fixPinned:
			h.Rule, h.Reason = ruleFixed, in.pinWhy[i]
			if j := in.pin[i]; j >= 0 {
				h.Position = ps[j].ID
			}
		case fixExcluded:
			h.Rule, h.Reason, h.Position = ruleExcluded, excluded[e.ID], e.Position
		default:
			continue
		}
		out = append(out, h)
	}
	return out
}
