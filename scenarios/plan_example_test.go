package scenarios_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/mutasi-asn/mutasi/scenarios"
)

// exampleYAML: two nurses in town, two seats at a remote puskesmas.
const exampleYAML = `
name: pelepat-nurses
plan_date: 2025-12-01
workforce:
  units:
    - {id: PKM-MB, name: Puskesmas Muara Bungo, kind: puskesmas, kecamatan: Pasar Muara Bungo, area: urban}
    - {id: PKM-PELEPAT, name: Puskesmas Pelepat, kind: puskesmas, kecamatan: Pelepat, area: remote}
  positions:
    - {id: PKM-MB-PERAWAT, unit: PKM-MB, name: Perawat Terampil, kind: functional,
       functional_grade: terampil, profession: nurse, needed: 1, fields: [keperawatan], required_certs: [str]}
    - {id: PKM-PELEPAT-PERAWAT, unit: PKM-PELEPAT, name: Perawat Terampil, kind: functional,
       functional_grade: terampil, profession: nurse, needed: 2, fields: [keperawatan],
       required_certs: [str], criticality: 1.5}
  employees:
    - {nip: "199001012015032001", name: Siti Aminah, birth_date: 1990-01-01, status: PNS, grade: II/d,
       education: D3, field: keperawatan, position: PKM-MB-PERAWAT, position_since: 2019-03-01,
       certifications: [{kind: str}]}
    - {nip: "199203152016031002", name: Budi Saputra, birth_date: 1992-03-15, status: PNS, grade: II/c,
       education: D3, field: keperawatan, position: PKM-MB-PERAWAT, position_since: 2021-07-01,
       certifications: [{kind: str}], wishes: [PKM-MB]}
scoring: {continuity_bonus: 0.05}
constraints:
  max_moves: 1
`

// Plan a scenario: one nurse moves to the remote puskesmas, within the
// move limit of one.
func ExampleInstance_Plan() {
	s, err := scenarios.Parse(strings.NewReader(exampleYAML), "example.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	in, err := scenarios.Build(s, nil, scenarios.Options{Version: "example"})
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := in.Plan(context.Background())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range p.Moves {
		fmt.Printf("%s: %s -> %s, fit %.4f -> %.4f\n", m.Employee, m.From, m.To, m.FitBefore, m.FitAfter)
	}
	for _, st := range p.Stays {
		fmt.Printf("%s stays in %s\n", st.Employee, st.Position)
	}
	fmt.Printf("remote seats filled: %d -> %d of %d\n", p.KPIs.Before.RemoteFilled, p.KPIs.After.RemoteFilled, p.KPIs.After.RemoteNeeded)
	for _, w := range p.Warnings {
		fmt.Println("warning:", w)
	}
	// Output:
	// 199001012015032001: PKM-MB-PERAWAT -> PKM-PELEPAT-PERAWAT, fit 0.6100 -> 0.6000
	// 199203152016031002 stays in PKM-MB-PERAWAT
	// remote seats filled: 0 -> 1 of 2
}

// Explain why one nurse stays, and what it would take to move her.
func ExampleInstance_Explain() {
	s, _ := scenarios.Parse(strings.NewReader(exampleYAML), "example.yaml")
	in, _ := scenarios.Build(s, nil, scenarios.Options{})
	p, _ := in.Plan(context.Background())
	x, err := in.Explain(context.Background(), p, "199203152016031002", 3)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(x.Employee, x.Outcome)
	fmt.Printf("planned: %s, fit %.4f\n", x.Planned.Position, x.Planned.Score.Total)
	for _, c := range x.Planned.Score.Components {
		fmt.Printf("  %-11s raw %.4f × %.2f = %.4f\n", c.Criterion, c.Raw, c.Weight, c.Contribution)
	}
	for _, a := range x.Alternatives {
		fmt.Println(a.Text)
	}
	// Output:
	// 199203152016031002 stays
	// planned: PKM-MB-PERAWAT, fit 0.6600
	//   education   raw 1.0000 × 0.25 = 0.2500
	//   competence  raw 0.5000 × 0.35 = 0.1750
	//   tenure      raw 0.5000 × 0.15 = 0.0750
	//   performance raw 0.5000 × 0.15 = 0.0750
	//   preference  raw 0.8500 × 0.10 = 0.0850
	// needs +0.1375 to take Perawat Terampil at Puskesmas Pelepat from 199001012015032001
}

// Compare a base plan with a what-if that values continuity more.
func ExampleCompare() {
	s, _ := scenarios.Parse(strings.NewReader(exampleYAML), "example.yaml")
	in, _ := scenarios.Build(s, nil, scenarios.Options{})
	base, _ := in.Plan(context.Background())
	bonus := 1.5 // staying is worth much more
	s.Scoring.ContinuityBonus = &bonus
	in, _ = scenarios.Build(s, nil, scenarios.Options{})
	whatif, _ := in.Plan(context.Background())
	c := scenarios.Compare(base, whatif)
	fmt.Printf("added %d, removed %d, changed %d, churn %.4f\n", len(c.Added), len(c.Removed), len(c.Changed), c.Churn)
	for _, k := range c.KPIs {
		if k.Delta != 0 {
			fmt.Printf("%s %+.4f\n", k.Name, k.Delta)
		}
	}
	// Output:
	// added 0, removed 0, changed 0, churn 0.0000
}
