package scenarios

import (
	"slices"

	"github.com/mutasi-asn/mutasi/scoring"
)

// Comparison is the difference between two plans, typically a base
// scenario and a what-if: the moves added, removed and changed, the KPI
// deltas and the churn.
type Comparison struct {
	Base   string `json:"base"`
	WhatIf string `json:"whatif"`
	// Added are the what-if's moves of employees who do not move in the
	// base; Removed the base's moves of employees who do not move in the
	// what-if. Both sorted by NIP.
	Added   []Move `json:"added"`
	Removed []Move `json:"removed"`
	// Changed are employees who move in both plans, to different posts.
	Changed []MoveChange `json:"changed"`
	// KPIs are the after-indicators of both plans and their difference.
	KPIs []KPIDelta `json:"kpis"`
	// Staff counts the employees of either plan; Differ those whose
	// outcome (the seat they end in, or none; or their presence) differs;
	// Churn is Differ / Staff.
	Staff  int     `json:"staff"`
	Differ int     `json:"differ"`
	Churn  float64 `json:"churn"`
}

// MoveChange is an employee who moves in both plans to different posts.
type MoveChange struct {
	Employee  scoring.EmployeeID `json:"employee"`
	From      scoring.PositionID `json:"from"`
	BaseTo    scoring.PositionID `json:"base_to"`
	WhatIfTo  scoring.PositionID `json:"whatif_to"`
	BaseFit   float64            `json:"base_fit"`
	WhatIfFit float64            `json:"whatif_fit"`
}

// KPIDelta is one indicator in both plans (after the moves).
type KPIDelta struct {
	Name   string  `json:"name"`
	Base   float64 `json:"base"`
	WhatIf float64 `json:"whatif"`
	Delta  float64 `json:"delta"`
}

// Compare returns the differences between plans base and whatif. It
// reads only the plans, which may come from different scenarios (employees
// present in only one count as differing). O(n log n) in the employees.
// The result shares no memory with the plans except the Moves' Reasons.
func Compare(base, whatif *Plan) *Comparison {
	c := &Comparison{Base: base.Scenario, WhatIf: whatif.Scenario,
		Added: []Move{}, Removed: []Move{}, Changed: []MoveChange{}}
	ob, ow := outcomes(base), outcomes(whatif)
	mb, mw := movesByID(base), movesByID(whatif)
	for _, m := range whatif.Moves {
		if b, ok := mb[m.Employee]; !ok {
			c.Added = append(c.Added, m)
		} else if b.To != m.To {
			c.Changed = append(c.Changed, MoveChange{Employee: m.Employee, From: b.From, BaseTo: b.To, WhatIfTo: m.To,
				BaseFit: b.FitAfter, WhatIfFit: m.FitAfter})
		}
	}
	for _, m := range base.Moves {
		if _, ok := mw[m.Employee]; !ok {
			c.Removed = append(c.Removed, m)
		}
	}
	ids := make([]scoring.EmployeeID, 0, len(ob)+len(ow))
	for id := range ob {
		ids = append(ids, id)
	}
	for id := range ow {
		if _, ok := ob[id]; !ok {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	c.Staff = len(ids)
	for _, id := range ids {
		a, okA := ob[id]
		b, okB := ow[id]
		if okA != okB || a != b {
			c.Differ++
		}
	}
	if c.Staff > 0 {
		c.Churn = q(float64(c.Differ) / float64(c.Staff))
	}
	c.KPIs = kpiDeltas(&base.KPIs.After, &whatif.KPIs.After)
	return c
}

// outcomes maps each employee of a plan to the seat they end in ("" for
// none).
func outcomes(p *Plan) map[scoring.EmployeeID]scoring.PositionID {
	m := make(map[scoring.EmployeeID]scoring.PositionID, len(p.Moves)+len(p.Stays)+len(p.Unplaced))
	for _, x := range p.Moves {
		m[x.Employee] = x.To
	}
	for _, x := range p.Stays {
		m[x.Employee] = x.Position
	}
	for _, x := range p.Unplaced {
		m[x.Employee] = ""
	}
	return m
}

func movesByID(p *Plan) map[scoring.EmployeeID]Move {
	m := make(map[scoring.EmployeeID]Move, len(p.Moves))
	for _, x := range p.Moves {
		m[x.Employee] = x
	}
	return m
}

// kpiDeltas lists the indicators in a fixed order.
func kpiDeltas(a, b *Indicators) []KPIDelta {
	rows := []struct {
		name string
		a, b float64
	}{
		{"staff", float64(a.Staff), float64(b.Staff)},
		{"total_fit", a.TotalFit, b.TotalFit},
		{"mean_fit", a.MeanFit, b.MeanFit},
		{"field_match_share", a.FieldMatchShare, b.FieldMatchShare},
		{"jpm_ms_share", a.JPMShare, b.JPMShare},
		{"unmet_need", float64(a.UnmetNeed), float64(b.UnmetNeed)},
		{"unmet_weighted", a.UnmetWeighted, b.UnmetWeighted},
		{"moves", float64(a.Moves), float64(b.Moves)},
		{"placements", float64(a.Placements), float64(b.Placements)},
		{"unplaced", float64(a.Unplaced), float64(b.Unplaced)},
		{"remote_needed", float64(a.RemoteNeeded), float64(b.RemoteNeeded)},
		{"remote_filled", float64(a.RemoteFilled), float64(b.RemoteFilled)},
		{"remote_share", a.RemoteShare, b.RemoteShare},
	}
	out := make([]KPIDelta, len(rows))
	for k, r := range rows {
		out[k] = KPIDelta{Name: r.name, Base: r.a, WhatIf: r.b, Delta: q(r.b - r.a)}
	}
	return out
}
