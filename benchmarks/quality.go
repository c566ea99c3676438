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
	// exclusion, rotation, open selection), and every seat over a
	// position's needed headcount.
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
		col[rowOf[s.Employee]] = colOf[s.Position]
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
	ps := in.Scorer.Positions
	a := allowedPairs(in)
	cur := currentColumns(in)
	remote := remoteColumns(in)
	holders := make([]int, m)
	var k Quality
	var total, value float64
	match, jpm := 0, 0
	for i, j := range col {
		if j < 0 {
			k.Unplaced++
			continue
		}
		if j >= m {
			panic("benchmarks: Assess: column out of range")
		}
		holders[j]++
		k.Staff++
		total += q(fitOf(in, i, j))
		if fieldMatch(in, i, j) {
			match++
		}
		sc := in.Table.Explain(i, j)
		if pct := sc.Components[scoring.CritCompetence].Measure; pct >= 0 && pct >= in.Scorer.Rules.JPM.MS-1e-9 {
			jpm++
		}
		if cur[i] != j {
			if cur[i] >= 0 {
				k.Moves++
			} else {
				k.Placements++
			}
		}
		k.Violations += len(in.Table.Check(i, j))
		if v, ok := a.value(i, j); ok {
			value += v
		} else if len(in.Table.Check(i, j)) == 0 {
			k.Violations++ // forbidden by a scenario rule
		}
	}
	k.Objective = q(value / scenarios.CostScale)
	k.TotalFit = q(total)
	if k.Staff > 0 {
		k.MeanFit = q(total / float64(k.Staff))
		k.FieldMatchShare = q(float64(match) / float64(k.Staff))
		k.JPMShare = q(float64(jpm) / float64(k.Staff))
	}
	var weighted float64
	for j := range ps {
		if over := holders[j] - seatsOf(&in.Problem, j); over > 0 {
			k.Violations += over
		}
		short := max(0, ps[j].Needed-holders[j])
		crit := ps[j].Criticality
		if crit == 0 {
			crit = 1
		}
		k.UnmetNeed += short
		weighted += float64(short) * crit
		if remote[j] {
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

// q rounds to the cost quantum, as the plan's figures are.
func q(x float64) float64 { return math.Round(x*scenarios.CostScale) / scenarios.CostScale }

// fieldMatch reports whether row i's field of study is an exact match for
// column j (listed in the post's fields or relevant fields, or the post
// lists none), the plan's definition.
func fieldMatch(in *scenarios.Instance, i, j int) bool {
	p := &in.Scorer.Positions[j]
	if len(p.Fields) == 0 && len(p.Relevant) == 0 {
		return true
	}
	f := in.Employees[i].Education.Field
	if f == "" {
		return false
	}
	for _, x := range p.Fields {
		if x == f {
			return true
		}
	}
	for _, x := range p.Relevant {
		if x == f {
			return true
		}
	}
	return false
}

// remoteColumns reports, per column, whether its unit is remote or very
// remote.
func remoteColumns(in *scenarios.Instance) []bool {
	area := make(map[scoring.UnitID]scoring.AreaClass, len(in.Scorer.Units))
	for _, u := range in.Scorer.Units {
		area[u.ID] = u.Area
	}
	out := make([]bool, len(in.Scorer.Positions))
	for j, p := range in.Scorer.Positions {
		a := area[p.Unit]
		out[j] = a == scoring.AreaRemote || a == scoring.AreaVeryRemote
	}
	return out
}
