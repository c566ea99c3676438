package scenarios_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/mutasi-asn/mutasi/scenarios"
)

// Load the embedded Bungo example and one of its what-if overlays.
func ExampleLoad() {
	s, files, err := scenarios.Load(scenarios.DefaultExample(), "whatif-pppk-intake.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Name, s.PlanDate.Format("2006-01-02"))
	fmt.Println(len(s.Workforce.Units), "units,", len(s.Workforce.Positions), "positions,", len(s.Workforce.Employees), "employees")
	for _, f := range files {
		fmt.Println(f.Path)
	}
	// Output:
	// bungo-2025-12-pppk 2025-12-01
	// 31 units, 192 positions, 602 employees
	// whatif-pppk-intake.yaml
	// scenario.yaml
	// units.csv
	// positions.csv
	// employees.csv
	// pppk-intake.csv
}

// Parse reports every error of a file with its place.
func ExampleParse() {
	_, err := scenarios.Parse(strings.NewReader(`name: demo
plan_date: 2025-12-01
wieghts: {education: 0.3}
workforce:
  units:
    - {id: PKM-PELEPAT, name: Puskesmas Pelepat, kind: puskesmas, area: remote}
  positions:
    - {id: PKM-PELEPAT-DOKTER, unit: PKM-PELEPAT, name: Dokter, kind: functional,
       functional_grade: ahli_pertama, needed: satu}
`), "demo.yaml")
	fmt.Println(err)
	fmt.Println(errors.Is(err, scenarios.ErrUnknownField), errors.Is(err, scenarios.ErrWrongType))
	// Output:
	// demo.yaml:3:1: unknown field "wieghts" (did you mean "weights"?)
	// demo.yaml:9:48: workforce.positions[0].needed: expected an integer, got "satu"
	// true true
}
