package matching_test

import (
	"context"
	"fmt"
	"math"

	"github.com/mutasi-asn/mutasi/matching"
	"gonum.org/v1/gonum/mat"
)

// Three people, three posts: the cheapest way to fill every post.
func ExampleSolver_Solve() {
	cost := mat.NewDense(3, 3, []float64{
		4, 1, 3,
		2, 0, 5,
		3, 2, 2,
	})
	var s matching.Solver
	a, err := s.Solve(context.Background(), &matching.Problem{Cost: cost})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("rows to columns:", a.RowToCol)
	fmt.Printf("cost: %.4f\n", a.Cost)
	// Output:
	// rows to columns: [1 0 2]
	// cost: 5.0000
}

// Seats and partial placement: post 0 has two seats, post 1 one. Staying
// where one is costs 4 for person 0 and 3 for person 2; person 1 and
// person 3 must be placed. Person 3 may not take post 1 (+Inf).
func ExampleSolver_Solve_seats() {
	inf := math.Inf(1)
	p := &matching.Problem{
		Cost: mat.NewDense(4, 2, []float64{
			5, 1,
			2, 6,
			1, 2,
			3, inf,
		}),
		Capacity:   []int{2, 1},
		Unassigned: []float64{4, inf, 3, inf},
	}
	var s matching.Solver
	a, err := s.Solve(context.Background(), p)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, j := range a.RowToCol {
		if j < 0 {
			fmt.Printf("person %d stays (%.4f)\n", i, p.Unassigned[i])
			continue
		}
		fmt.Printf("person %d -> post %d (%.4f)\n", i, j, p.Cost.At(i, j))
	}
	fmt.Printf("total: %.4f\n", a.Cost)
	// Output:
	// person 0 -> post 1 (1.0000)
	// person 1 -> post 0 (2.0000)
	// person 2 stays (3.0000)
	// person 3 -> post 0 (3.0000)
	// total: 9.0000
}

// Certify proves an assignment optimal from its potentials, without
// trusting the solver; it rejects a worse assignment.
func ExampleCertify() {
	p := &matching.Problem{Cost: mat.NewDense(2, 2, []float64{
		1, 2,
		3, 1,
	})}
	var s matching.Solver
	a, err := s.Solve(context.Background(), p)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("cost %.4f: %v\n", a.Cost, matching.Certify(p, &a, 0))

	worse := matching.Assignment{RowToCol: []int{1, 0}, Cost: 5, Bound: 5, U: a.U, V: a.V}
	fmt.Println(matching.Certify(p, &worse, 0))
	// Output:
	// cost 2.0000: <nil>
	// matching: certificate check failed: complementary slackness: U[i]+V[j] = cost on an assigned pair (row 0, col 1, off by -3)
}

// A side constraint (persons 0 and 1 may not both keep posts 0 and 1)
// and a second solve of the same problem started from the first one's
// multipliers (Side.Hint), as a caller re-solving a similar problem
// would: the hint saves work, never changes the optimal cost.
func ExampleSide_hint() {
	p := &matching.Problem{
		Cost: mat.NewDense(3, 3, []float64{
			1, 4, 6,
			5, 1, 4,
			3, 2, 1,
		}),
		Side: []matching.Side{{
			Name:  "0 and 1 not both where they are",
			Terms: []matching.Term{{Row: 0, Col: 0, Coef: 1}, {Row: 1, Col: 1, Coef: 1}},
			Limit: 1,
		}},
	}
	var s matching.Solver
	a, err := s.Solve(context.Background(), p)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("rows to columns:", a.RowToCol, "cost:", a.Cost, "multiplier:", a.Multipliers[0])
	q := *p
	q.Side = []matching.Side{p.Side[0]}
	q.Side[0].Hint = a.Multipliers[0]
	b, err := s.Solve(context.Background(), &q)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("hinted:", b.RowToCol, "cost:", b.Cost, "proven:", b.Bound == b.Cost)
	// Output:
	// rows to columns: [0 2 1] cost: 7 multiplier: 3.5
	// hinted: [0 2 1] cost: 7 proven: true
}
