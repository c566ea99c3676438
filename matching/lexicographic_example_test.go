package matching_test

import (
	"context"
	"fmt"

	"gonum.org/v1/gonum/mat"

	"github.com/mutasi-asn/mutasi/matching"
)

// First fill the critical seat (column 0), then maximize total fit.
func ExampleSolver_Lexicographic() {
	fit := &matching.Problem{
		Cost:       mat.NewDense(2, 3, []float64{1, 9, 8, 1, 7, 6}),
		Maximize:   true,
		Unassigned: []float64{0, 0}, // rows may stay out
	}
	critical := matching.Objective{Cost: mat.NewDense(2, 3, []float64{1, 0, 0, 1, 0, 0}), Maximize: true}
	var s matching.Solver
	a, values, err := s.Lexicographic(context.Background(), fit, critical)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("critical seats filled:", values[0])
	fmt.Println("plan:", a.RowToCol, "fit:", a.Cost)
	// Output:
	// critical seats filled: 1
	// plan: [1 0] fit: 10
}

// Every plan within 2 of the optimum, at most 5 of them.
func ExampleSolver_Within() {
	p := &matching.Problem{Cost: mat.NewDense(2, 2, []float64{4, 5, 5, 4})}
	var s matching.Solver
	plans, truncated, err := s.Within(context.Background(), p, 2, 5)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range plans {
		fmt.Println(a.RowToCol, a.Cost)
	}
	fmt.Println("truncated:", truncated)
	// Output:
	// [0 1] 8
	// [1 0] 10
	// truncated: false
}
