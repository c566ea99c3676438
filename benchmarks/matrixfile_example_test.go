package benchmarks_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/mutasi-asn/mutasi/benchmarks"
	"github.com/mutasi-asn/mutasi/matching"
)

// ExampleReadMatrix reads a lap-ref matrix file and solves it.
func ExampleReadMatrix() {
	const file = "3 3\n4 1 3\n2 0 5\n3 2 inf\n"
	m, err := benchmarks.ReadMatrix(strings.NewReader(file), "costs.txt", benchmarks.FormatAuto)
	if err != nil {
		fmt.Println(err)
		return
	}
	var s matching.Solver
	a, err := s.Solve(context.Background(), m.Problem(false))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d×%d %v matrix: optimum %.4f, rows to columns %v\n", m.Rows, m.Cols, m.Format, a.Cost, a.RowToCol)

	_, err = benchmarks.ReadMatrix(strings.NewReader("2 2\n1 2\n3\n"), "bad.txt", benchmarks.FormatAuto)
	fmt.Println(err)
	// Output:
	// 3×3 lap matrix: optimum 6.0000, rows to columns [2 1 0]
	// bad.txt:3: row 2 has 1 value, want 2
}
