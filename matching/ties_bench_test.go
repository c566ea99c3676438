package matching

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// loadLapRef reads a lap-ref matrix file ("rows cols" then the costs).
func loadLapRef(tb testing.TB, path string) *mat.Dense {
	f, err := os.Open(path)
	if err != nil {
		tb.Skip(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	sc.Split(bufio.ScanWords)
	next := func() string { sc.Scan(); return sc.Text() }
	r, _ := strconv.Atoi(next())
	c, _ := strconv.Atoi(next())
	data := make([]float64, r*c)
	for k := range data {
		x, err := strconv.ParseFloat(next(), 64)
		if err != nil {
			tb.Fatal(fmt.Errorf("cell %d: %w", k, err))
		}
		data[k] = x
	}
	return mat.NewDense(r, c, data)
}

func BenchmarkLapRefFile(b *testing.B) {
	path := os.Getenv("LAPREF_FILE")
	if path == "" {
		b.Skip("LAPREF_FILE not set")
	}
	p := &Problem{Cost: loadLapRef(b, path)}
	var s Solver
	b.ResetTimer()
	for range b.N {
		a, err := s.Solve(context.Background(), p)
		if err != nil {
			b.Fatal(err)
		}
		benchDenseSink = a
	}
}
