package benchmarks

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/mutasi-asn/mutasi/scenarios"
)

// planInputs caches one built instance per workload (generated sizes with
// seed 1, and the IBM dataset when -datadir has it), built outside the
// timer.
var planInputs sync.Map

// planInstance returns the cached instance of a workload.
func planInstance(b *testing.B, key string, build func() (*scenarios.Instance, error)) *scenarios.Instance {
	b.Helper()
	if v, ok := planInputs.Load(key); ok {
		return v.(*scenarios.Instance)
	}
	in, err := build()
	if err != nil {
		b.Fatal(err)
	}
	planInputs.Store(key, in)
	return in
}

var (
	sinkGreedy []int
	sinkOpt    *scenarios.Plan
)

// BenchmarkPlan times the certified optimal plan and the greedy baseline
// on the same built instance, and reports how far greedy's objective falls
// below the optimum (gap-vs-greedy-%, of the optimal objective):
//
//	go test ./benchmarks/ -run '^$' -bench 'Plan/employees=5200' -benchtime 3x -count 5
//
// employees=20000 is skipped under -short; dataset=ibm-hr needs the IBM HR
// dataset in -datadir.
func BenchmarkPlan(b *testing.B) {
	ctx := context.Background()
	type workload struct {
		name  string
		short bool
		build func() (*scenarios.Instance, error)
	}
	var loads []workload
	for _, n := range []int{500, 5200, 20000} {
		loads = append(loads, workload{fmt.Sprintf("employees=%d", n), n <= 5200, func() (*scenarios.Instance, error) {
			g, err := Generate(GenerateConfig{Employees: n, Seed: 1})
			if err != nil {
				return nil, err
			}
			return loadBuild(g)
		}})
	}
	loads = append(loads, workload{"dataset=ibm-hr", true, func() (*scenarios.Instance, error) {
		f, err := os.Open(filepath.Join(*datadir, "ibm_hr_attrition.csv"))
		if err != nil {
			return nil, err
		}
		defer f.Close()
		g, err := ReadStaffing(f, "ibm_hr_attrition.csv", StaffingConfig{Adapter: AdapterIBMHR, Seed: 1})
		if err != nil {
			return nil, err
		}
		return loadBuild(g)
	}})
	for _, w := range loads {
		b.Run(w.name, func(b *testing.B) {
			if testing.Short() && !w.short {
				b.Skip("skipped under -short")
			}
			if w.name == "dataset=ibm-hr" {
				if _, err := os.Stat(filepath.Join(*datadir, "ibm_hr_attrition.csv")); err != nil {
					b.Skipf("ibm_hr_attrition.csv not in -datadir %s", *datadir)
				}
			}
			b.Run("method=optimal", func(b *testing.B) {
				in := planInstance(b, w.name, w.build)
				b.ReportAllocs()
				for b.Loop() {
					p, err := in.Plan(ctx)
					if err != nil {
						b.Fatal(err)
					}
					sinkOpt = p
				}
				b.StopTimer()
				if !sinkOpt.Manifest.Cert.Passed {
					b.Fatal("plan not certified")
				}
				b.ReportMetric(float64(in.Pairs()), "pairs")
			})
			b.Run("method=greedy", func(b *testing.B) {
				in := planInstance(b, w.name, w.build)
				b.ReportAllocs()
				for b.Loop() {
					sinkGreedy = Greedy(in)
				}
				b.StopTimer()
				// The correctness check, outside the timer: a certified
				// optimum at least as good as greedy.
				p, err := in.Plan(ctx)
				if err != nil {
					b.Fatal(err)
				}
				opt, gr := Assess(in, PlanColumns(in, p)), Assess(in, sinkGreedy)
				if gr.Objective > opt.Objective+1e-9 {
					b.Fatalf("greedy %.6f beat the optimum %.6f", gr.Objective, opt.Objective)
				}
				if opt.Objective > 0 {
					b.ReportMetric(100*(opt.Objective-gr.Objective)/opt.Objective, "gap-vs-greedy-%")
				}
			})
		})
	}
}

// loadBuild loads and builds generated or mapped scenario files.
func loadBuild(g *Generated) (*scenarios.Instance, error) {
	s, files, err := scenarios.Load(g.FS(), "scenario.yaml")
	if err != nil {
		return nil, err
	}
	return scenarios.Build(s, files, scenarios.Options{Version: "bench"})
}
