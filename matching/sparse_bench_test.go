package matching

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
)

// sparseBenchInputs caches the benchmark instances by name: they are built
// once, outside the timer.
var (
	sparseBenchMu     sync.Mutex
	sparseBenchInputs = map[string]*Problem{}
	sparseBenchSink   Assignment
)

// sparseBenchProblem returns an n×n problem with k candidates a row (the
// diagonal among them) and integer costs 1..1000, the shape `lap-ref
// gen-sparse` writes.
func sparseBenchProblem(n, k int) *Problem {
	sparseBenchMu.Lock()
	defer sparseBenchMu.Unlock()
	key := fmt.Sprint(n, "/", k)
	p, ok := sparseBenchInputs[key]
	if !ok {
		p = randomSquareSparse(rand.New(rand.NewPCG(uint64(n), uint64(k))), n, k, 1000)
		sparseBenchInputs[key] = p
	}
	return p
}

// BenchmarkSolveSparse solves square sparse problems with a reused Solver
// and with a fresh one per solve.
func BenchmarkSolveSparse(b *testing.B) {
	sizes := []struct{ n, k int }{{1000, 10}, {1000, 100}, {10000, 20}, {10000, 100}, {50000, 100}}
	for _, sz := range sizes {
		for _, solver := range []string{"reused", "fresh"} {
			b.Run(fmt.Sprintf("n=%d/k=%d/solver=%s", sz.n, sz.k, solver), func(b *testing.B) {
				if testing.Short() && sz.n*sz.k > 1e6 {
					b.Skip("large instance skipped under -short")
				}
				p := sparseBenchProblem(sz.n, sz.k)
				var s Solver
				b.ReportAllocs()
				augments, lists, ops := 0, 0, 0
				for b.Loop() {
					ops++
					if solver == "fresh" {
						s = Solver{}
					}
					a, err := s.Solve(context.Background(), p)
					if err != nil {
						b.Fatal(err)
					}
					sparseBenchSink = a
					augments += s.stats.augmentations
					lists += s.ws.sparse.cand.rounds
				}
				b.ReportMetric(float64(augments)/float64(ops), "augments/op")
				// Solves over shorter candidate lists (candidates.go); 0: the full lists.
				b.ReportMetric(float64(lists)/float64(ops), "list-solves/op")
				b.StopTimer()
				if err := Certify(p, &sparseBenchSink, 0); err != nil {
					b.Fatal(err)
				}
			})
		}
	}
}
