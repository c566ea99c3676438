package matching

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// benchDenseSink keeps benchmark results alive.
var benchDenseSink Assignment

// benchDenseInput is one cached benchmark problem.
type benchDenseInput struct {
	once sync.Once
	p    *Problem
}

// benchDenseInputs caches the inputs by name, built outside the timer.
var (
	benchDenseMu     sync.Mutex
	benchDenseInputs = map[string]*benchDenseInput{}
)

// benchDenseProblem returns the cached problem of r×c costs drawn from dist
// with a fixed seed.
func benchDenseProblem(r, c int, dist string) *Problem {
	key := fmt.Sprintf("%d/%d/%s", r, c, dist)
	benchDenseMu.Lock()
	in, ok := benchDenseInputs[key]
	if !ok {
		in = &benchDenseInput{}
		benchDenseInputs[key] = in
	}
	benchDenseMu.Unlock()
	in.once.Do(func() {
		rng := rand.New(rand.NewPCG(uint64(r), uint64(c)))
		var m *mat.Dense
		switch dist {
		case "uniform": // integers in [0, 1000)
			m = randDense(rng, r, c, 1000)
		case "ties": // 50 kinds of row × 50 kinds of column, costs in [0, 100)
			m = tiesDense(rng, r, c, 50)
		case "clustered": // points in 20 clusters; cost = rounded distance × 1000
			m = clusteredDense(rng, r, c, 20)
		case "forbid10": // uniform with 10 % forbidden pairs
			m = randDense(rng, r, c, 1000)
			raw := m.RawMatrix().Data
			for k := range raw {
				if rng.IntN(10) == 0 {
					raw[k] = math.Inf(1)
				}
			}
		default:
			panic("unknown dist " + dist)
		}
		in.p = &Problem{Cost: m}
	})
	return in.p
}

// clusteredDense places rows and columns as points around k cluster
// centres in the unit square; the cost is their distance in thousandths.
func clusteredDense(rng *rand.Rand, r, c, k int) *mat.Dense {
	cx, cy := make([]float64, k), make([]float64, k)
	for q := range k {
		cx[q], cy[q] = rng.Float64(), rng.Float64()
	}
	point := func() (float64, float64) {
		q := rng.IntN(k)
		return cx[q] + 0.05*rng.NormFloat64(), cy[q] + 0.05*rng.NormFloat64()
	}
	px, py := make([]float64, r), make([]float64, r)
	for i := range r {
		px[i], py[i] = point()
	}
	m := mat.NewDense(r, c, nil)
	for j := range c {
		x, y := point()
		for i := range r {
			m.Set(i, j, math.Round(1000*math.Hypot(px[i]-x, py[i]-y)))
		}
	}
	return m
}

func BenchmarkSolve(b *testing.B) {
	sizes := []int{10, 100, 1000, 2000, 5000}
	if testing.Short() {
		sizes = sizes[:4]
	}
	for _, n := range sizes {
		for _, shape := range []string{"square", "wide"} {
			c := n
			if shape == "wide" {
				if n > 2000 {
					continue // 5000×10000 would take 400 MB
				}
				c = 2 * n
			}
			for _, dist := range []string{"uniform", "ties", "clustered", "forbid10"} {
				for _, solver := range []string{"reused", "fresh"} {
					name := fmt.Sprintf("n=%d/shape=%s/dist=%s/solver=%s", n, shape, dist, solver)
					b.Run(name, func(b *testing.B) {
						p := benchDenseProblem(n, c, dist)
						b.ReportAllocs()
						var s Solver
						augments, lists := 0, 0
						for b.Loop() {
							if solver == "fresh" {
								s = Solver{}
							}
							a, err := s.Solve(context.Background(), p)
							if err != nil {
								b.Fatal(err)
							}
							benchDenseSink = a
							augments += s.stats.augmentations
							lists += s.ws.sparse.cand.rounds
						}
						b.ReportMetric(float64(augments)/float64(b.N), "augments/op")
						// Solves over candidate lists (candidates.go); 0: the dense search.
						b.ReportMetric(float64(lists)/float64(b.N), "list-solves/op")
						b.StopTimer()
						if err := Certify(p, &benchDenseSink, 0); err != nil {
							b.Fatal(err)
						}
					})
				}
			}
		}
	}
}

// BenchmarkSolveORLib solves the OR-Library dense assign instances found in
// -datadir (skipped when absent).
func BenchmarkSolveORLib(b *testing.B) {
	dir := filepath.Join(*dataDir, "orlib_assign")
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("OR-Library data not found in %s (set -datadir)", dir)
	}
	for _, name := range []string{"assign100", "assign400", "assign800"} {
		b.Run("file="+name, func(b *testing.B) {
			p := &Problem{Cost: readORLibDense(b, filepath.Join(dir, name+".txt"))}
			b.ReportAllocs()
			var s Solver
			for b.Loop() {
				a, err := s.Solve(context.Background(), p)
				if err != nil {
					b.Fatal(err)
				}
				benchDenseSink = a
			}
			b.StopTimer()
			if err := Certify(p, &benchDenseSink, 0); err != nil {
				b.Fatal(err)
			}
		})
	}
}
