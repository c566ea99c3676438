package benchmarks_test

import (
	"fmt"

	"github.com/mutasi-asn/mutasi/benchmarks"
	"github.com/mutasi-asn/mutasi/scenarios"
)

// ExampleGenerate generates a small regency and loads it as the CLI's
// output would be loaded.
func ExampleGenerate() {
	g, err := benchmarks.Generate(benchmarks.GenerateConfig{Employees: 500, Seed: 42})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range g.Files {
		fmt.Println(f.Name)
	}
	s, _, err := scenarios.Load(g.FS(), "scenario.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	teachers := 0
	kind := map[string]string{}
	for _, p := range s.Workforce.Positions {
		kind[string(p.ID)] = p.Profession
	}
	for _, e := range s.Workforce.Employees {
		if kind[string(e.Position)] == "teacher" {
			teachers++
		}
	}
	fmt.Printf("%d units, %d positions with %d seats, %d employees of whom %d teachers\n",
		len(s.Workforce.Units), len(s.Workforce.Positions), g.Seats, len(s.Workforce.Employees), teachers)
	// Output:
	// employees.csv
	// positions.csv
	// scenario.yaml
	// units.csv
	// 55 units, 449 positions with 657 seats, 500 employees of whom 250 teachers
}
