package benchmarks

import (
	"math"

	"github.com/mutasi-asn/mutasi/scenarios"
	"github.com/mutasi-asn/mutasi/scoring"
)

// Quality describes one placement of an instance's employees (a row →
// column map, -1 for no seat) in the terms of the plan's KPIs, plus the
// instance's own objective and a count of broken rules. Figures are
// rounded to the cost quantum (10⁻⁶), so they print the same everywhere.
type Quality struct {
	// Objective is the value the solver maximises (fit + continuity bonus
	// + unfilled-seat term of every seated pair, scenarios.Build's
	// encoding), in fit units. The optimum is never below any other
	// placement that uses only allowed pairs.
	Objective float64 `json:"objective"`
	// Indicators holds the plan's KPIs of this placement, defined as in
	// scenarios.Indicators (the "after" side of a plan's KPIs); its JSON
	// keys are inlined.
	scenarios.Indicators
	// Violations counts broken hard rules over the seated pairs: every
	// scoring.Check violation (a pin that overrides a rule counts here too)
	// plus every pair the instance forbids for a scenario rule (freeze,
	// exclusion, rotation, open selection), every seat over a position's
	// needed headcount, and every employee left without a seat who may not
	// be (a holder of a post not over its formation loses no post, a
	// pinned employee keeps the pin).
	Violations int `json:"violations"`
}

// Comparison puts the optimal plan and the greedy baseline side by side.
type Comparison struct {
	Optimal Quality `json:"optimal"`
	Greedy  Quality `json:"greedy"`
}

// Compare assesses the optimal plan p of in and the [Greedy] baseline on
// the same instance. p must come from in.Plan.
func Compare(in *scenarios.Instance, p *scenarios.Plan) Comparison {
	return Comparison{Optimal: Assess(in, PlanColumns(in, p)), Greedy: Assess(in, Greedy(in))}
}

// PlanColumns returns the row → column map of a plan of in: the seat of
// each employee (moves and stays), -1 for none.
func PlanColumns(in *scenarios.Instance, p *scenarios.Plan) []int {
	rowOf := make(map[scoring.EmployeeID]int, len(in.Employees))
	for i, e := range in.Employees {
		rowOf[e.ID] = i
	}
	colOf := make(map[scoring.PositionID]int, len(in.Scorer.Positions))
	for j, q := range in.Scorer.Positions {
		colOf[q.ID] = j
	}
	col := make([]int, len(in.Employees))
	for i := range col {
		col[i] = -1
	}
	for _, m := range p.Moves {
		col[rowOf[m.Employee]] = colOf[m.To]
	}
	for _, s := range p.Stays {
		if !s.OverFormation { // kept over formation: no seat of the problem
			col[rowOf[s.Employee]] = colOf[s.Position]
		}
	}
	return col
}

// Assess measures the placement col (row → column, -1 for no seat; one
// entry per employee of in) with the plan's KPI definitions. It panics
// when len(col) differs from the number of employees or a column is out
// of range. It takes O(E·(log P + K)) time for E employees, P positions and
// K rules per pair.
func Assess(in *scenarios.Instance, col []int) Quality {
	n, m := len(in.Employees), len(in.Scorer.Positions)
	if len(col) != n {
		panic("benchmarks: Assess: placement length differs from the number of employees")
	}
	for _, j := range col {
		if j >= m {
			panic("benchmarks: Assess: column out of range")
		}
	}
	a := allowedPairs(in)
	k := Quality{Indicators: in.Indicators(col)}
	holders := make([]int, m)
	var value float64
	for i, j := range col {
		if j < 0 {
			// Without a seat: a holder kept over formation, an unplaced
			// employee, or one who may not be left so.
			switch u := in.Problem.Unassigned; {
			case u == nil:
			case math.IsInf(u[i], 1):
				k.Violations++
			default:
				value -= u[i]
			}
			continue
		}
		holders[j]++
		broken := len(in.Table.Check(i, j))
		k.Violations += broken
		if v, ok := a.value(i, j); ok {
			value += v
		} else if broken == 0 {
			k.Violations++ // forbidden by a scenario rule
		}
	}
	k.Objective = q(value / scenarios.CostScale)
	for j, h := range holders {
		if over := h - seatsOf(&in.Problem, j); over > 0 {
			k.Violations += over
		}
	}
	return k
}

// q rounds to the cost quantum, as the plan's figures are.
func q(x float64) float64 { return math.Round(x*scenarios.CostScale) / scenarios.CostScale }
