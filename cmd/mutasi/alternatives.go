package main

import (
	"io"
	"slices"

	"github.com/mutasi-asn/mutasi/scenarios"
)

// mutasi plan --alternatives K: the k best plans and how each differs from
// the best.

// maxAlternatives caps --alternatives: each plan ranked costs up to one
// solve per employee.
const maxAlternatives = 100

// alternativesJSON is the JSON of mutasi plan --alternatives.
type alternativesJSON struct {
	Scenario     string              `json:"scenario"`
	PlanDate     string              `json:"plan_date"`
	Objective    float64             `json:"objective"`
	Alternatives []alternativeJSON   `json:"alternatives"`
	Manifest     *scenarios.Manifest `json:"manifest"`
	Warnings     []string            `json:"warnings"`
}

// alternativeJSON is one ranked plan in JSON: its figures, the employees
// placed differently from the best plan and the plan's own warnings.
type alternativeJSON struct {
	scenarios.RankedPlan
	Warnings []string `json:"warnings"`
}

// renderAlternatives writes the k best plans in format f.
func renderAlternatives(w io.Writer, f Format, l Lang, rp *scenarios.RankedPlans) error {
	if f == FormatJSON {
		best := rp.Best
		out := alternativesJSON{Scenario: best.Scenario, PlanDate: best.PlanDate, Objective: best.Objective,
			Manifest: &best.Manifest, Warnings: warningTexts(append(slices.Clone(best.Warnings), rp.Warnings...))}
		for _, a := range rp.Plans {
			out.Alternatives = append(out.Alternatives, alternativeJSON{RankedPlan: a, Warnings: warningTexts(a.Plan.Warnings)})
		}
		return writeJSON(w, out)
	}
	r := alternativesReport(rp)
	if f == FormatCSV {
		return renderCSV(w, &report{sections: []section{*r.section("changes")}})
	}
	return render(w, f, l, r)
}

// alternativesReport is the row model of the k best plans: one row per
// plan, then one row per employee placed differently from the best plan.
func alternativesReport(rp *scenarios.RankedPlans) *report {
	best := rp.Best
	r := &report{title: lblAltTitle, headings: true, warnings: warningTexts(append(slices.Clone(best.Warnings), rp.Warnings...))}
	r.sections = append(r.sections, section{
		key: "plan", record: true, textLeft: true,
		cols: []column{
			{key: "scenario", label: lblScenario},
			{key: "plan_date", label: lblPlanDate},
			{key: "objective", label: lblObjective, prec: 4},
			{key: "plans", label: lblAltCount},
			{key: "certified", label: lblCertified},
		},
		rows: [][]cell{{textCell(best.Scenario), textCell(best.PlanDate), floatCell(best.Objective), intCell(len(rp.Plans)),
			boolCell(best.Manifest.Cert.Passed && best.Manifest.Cert.Optimal)}},
	})
	plans := section{key: "plans", title: lblAltPlans, rows: [][]cell{},
		cols: []column{
			{key: "rank", label: lblAltRank},
			fitCol("objective", lblObjective),
			fitCol("difference", lblAltDifference),
			{key: "moves", label: lblKPIMoves},
			{key: "changes", label: lblAltChanged},
		}}
	changes := section{key: "changes", title: lblAltChanges, rows: [][]cell{},
		cols: []column{
			{key: "rank", label: lblAltRank},
			fitCol("difference", lblAltDifference),
			{key: "employee", label: lblNIP},
			{key: "name", label: lblName},
			{key: "current", label: lblCurrentPost},
			{key: "best", label: lblAltBestPost},
			{key: "alternative", label: lblAltPost},
			fitCol("fit_best", lblAltFitBest),
			fitCol("fit_alternative", lblAltFitPost),
		}}
	// Under side constraints a rank may not be proven: then a column
	// gives the bound each rank is proven against ("–" when proven).
	unproven := slices.ContainsFunc(rp.Plans, func(a scenarios.RankedPlan) bool { return a.NotProven })
	if unproven {
		plans.cols = append(plans.cols, fitCol("bound", lblGapBound))
	}
	for _, a := range rp.Plans {
		row := []cell{intCell(a.Rank), floatCell(a.Objective), floatCell(a.Difference),
			intCell(a.Moves), intCell(len(a.Changes))}
		if unproven {
			b := nullCell()
			if a.Bound != nil {
				b = floatCell(*a.Bound)
			}
			row = append(row, b)
		}
		plans.rows = append(plans.rows, row)
		for _, c := range a.Changes {
			fb, fa := floatCell(c.FitBest), floatCell(c.FitAlternative)
			if c.Best == "" {
				fb = nullCell()
			}
			if c.Alternative == "" {
				fa = nullCell()
			}
			changes.rows = append(changes.rows, []cell{intCell(a.Rank), floatCell(a.Difference), textCell(string(c.Employee)),
				textCell(c.Name), textOrNull(c.Current), textOrNull(c.Best), textOrNull(c.Alternative), fb, fa})
		}
	}
	r.sections = append(r.sections, plans, changes)
	return r
}
