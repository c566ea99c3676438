package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/pflag"

	"github.com/mutasi-asn/mutasi/benchmarks"
	"github.com/mutasi-asn/mutasi/scenarios"
)

const benchSynopsis = `Usage: mutasi bench [flags]
       mutasi bench dataset FILE --adapter ibm-hr|hr-promotion [flags]
       mutasi bench gap DIR [--max-nodes N] [flags]

Compares certified optimal plans with the greedy baseline of
ranking-based decision-support tools (benchmarks.Greedy: each position,
by criticality then ID, takes its best-fitting free eligible candidate).

Without arguments it plans generated Bungo-like workforces of --sizes
employees (seed --seed) and, when found in --datadir, the 54,808-row
hr_promotion_train.csv dataset, and prints one row per workload: the time
to load (generate is not timed; for a dataset, reading and mapping it is),
to build (score every pair and fill the cost lists), to solve and certify
the optimal plan, and to run and assess greedy; the peak memory; and
optimal against greedy: objective, total and mean fit, share with a
matching field of study, unmet need, moves and rule violations. Both
plans keep the pair rules and the seats; the scenario's plan-level
constraints (unit floors and caps, turnover, the remote balance, max moves,
conflicts) are dropped, because greedy does not keep them (go test -bench
Constrained ./benchmarks measures the constrained solves).

'bench dataset FILE' maps one staffing CSV to a workforce with --adapter
and prints the same comparison for it; --format json has the top-level
objects "run", "optimal" and "greedy".

'bench gap DIR' solves every OR-Library generalized assignment file in
DIR (each *.txt file; a FILE is read alone) and prints one row per
instance (named like gap4-2: file and 0-based index): agents, jobs, sense
(gap1-gap12 are maximized, the others minimized), the value found, the
proven bound, the published optimum (gap1-gap12), whether the value is
proven optimal, the gap between value and bound in percent of the value,
and the seconds the solve took; then a summary. --format json prints the
rows as a JSON array. Each plan is checked against its instance, and a
proven optimum that differs from the published one is an internal error.
--max-nodes caps the branch-and-bound nodes per instance; an instance
that reaches it keeps its best plan and its gap.

Peak memory is the largest Go runtime figure "mapped memory minus memory
returned to the OS" (runtime/metrics /memory/classes/total minus
/memory/classes/heap/released), sampled every 20 ms while a workload
runs, after a garbage collection that returns free memory; it is close
to the resident set size of the process.

Timings are wall-clock and depend on the machine and its load; every
other figure is deterministic.
`

const benchExample = `
Examples:
  mutasi bench --format markdown
  mutasi bench dataset ../shared/data/ibm_hr_attrition.csv --adapter ibm-hr --format json
  mutasi bench gap ../shared/data/orlib_gap --max-nodes 2000
`

// benchConfig holds the flags of mutasi bench.
type benchConfig struct {
	format  Format
	output  string
	sizes   string
	seed    uint64
	datadir string
	adapter string
	// maxNodes is the node limit per instance of 'bench gap' (0: the
	// solver's default).
	maxNodes int
}

// benchDataset is the dataset mutasi bench adds when found in --datadir.
const (
	benchDataset        = "hr_promotion_train.csv"
	benchDatasetAdapter = "hr-promotion"
)

func runBench(ctx context.Context, args []string, e env, g *globals) error {
	cfg := benchConfig{sizes: "500,5200,20000", seed: 1, datadir: filepath.Join("..", "shared", "data")}
	flags := newFlagSet("bench")
	flags.VarP(&cfg.format, "format", "f", "output format: table, csv, json or markdown")
	flags.StringVarP(&cfg.output, "output", "o", "-", "write the result to `FILE` (atomically) instead of stdout")
	flags.StringVar(&cfg.sizes, "sizes", cfg.sizes, "generated workforce sizes, comma-separated; empty for none")
	flags.Uint64Var(&cfg.seed, "seed", cfg.seed, "seed of the generated workforces and of what the adapters synthesize")
	flags.StringVar(&cfg.datadir, "datadir", cfg.datadir, "folder searched for "+benchDataset+" (empty: skip the dataset)")
	flags.StringVar(&cfg.adapter, "adapter", "", "dataset adapter of 'bench dataset': "+strings.Join(benchmarks.StaffingAdapters(), " or "))
	flags.IntVar(&cfg.maxNodes, "max-nodes", 0, "branch-and-bound node limit per instance of 'bench gap' (0: the solver's default, 100000)")
	g.register(flags)
	if err := parse(flags, "bench", args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			fmt.Fprintf(e.stdout, "%s\nFlags:\n%s%s", benchSynopsis, flags.FlagUsages(), benchExample)
		}
		return err
	}
	if err := checkFormat("bench", cfg.format, FormatTable, FormatCSV, FormatJSON, FormatMarkdown); err != nil {
		return err
	}
	var sizes []int
	for _, f := range strings.Split(cfg.sizes, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < benchmarks.MinGenerateEmployees || n > benchmarks.MaxGenerateEmployees {
			return usagef("bench", "--sizes must list numbers between %d and %d, got %q", benchmarks.MinGenerateEmployees, benchmarks.MaxGenerateEmployees, f)
		}
		sizes = append(sizes, n)
	}
	if cfg.maxNodes < 0 {
		return usagef("bench", "--max-nodes must be at least 0, got %d", cfg.maxNodes)
	}
	if flags.Changed("max-nodes") && flags.Arg(0) != "gap" {
		return usagef("bench", "--max-nodes goes with 'bench gap DIR'")
	}
	if flags.NArg() > 0 && flags.Arg(0) == "gap" {
		if flags.NArg() != 2 {
			return usagef("bench", "bench gap takes one DIR, got %d arguments", flags.NArg()-1)
		}
		if cfg.adapter != "" {
			return usagef("bench", "--adapter goes with 'bench dataset FILE'")
		}
		files, err := gapFiles(flags.Arg(1))
		if err != nil {
			return err
		}
		if err := checkOutput("bench", cfg.output, files...); err != nil {
			return err
		}
		runs, err := runBenchGap(ctx, e, g, files, cfg.maxNodes)
		if err != nil {
			return err
		}
		return writeOutput(cfg.output, e, func(w io.Writer) error { return renderGap(w, cfg.format, g.lang, gapReport(runs)) })
	}
	if flags.NArg() > 0 {
		if flags.Arg(0) != "dataset" {
			return usagef("bench", "unknown bench mode %q (want no arguments, 'dataset FILE' or 'gap DIR')", flags.Arg(0))
		}
		if flags.NArg() != 2 {
			return usagef("bench", "bench dataset takes one FILE, got %d arguments", flags.NArg()-1)
		}
		if cfg.adapter == "" {
			return usagef("bench", "bench dataset needs --adapter (%s)", strings.Join(benchmarks.StaffingAdapters(), " or "))
		}
		if !validAdapter(cfg.adapter) {
			return usagef("bench", "unknown --adapter %q (want %s)", cfg.adapter, strings.Join(benchmarks.StaffingAdapters(), " or "))
		}
		file := flags.Arg(1)
		if err := checkOutput("bench", cfg.output, file); err != nil {
			return err
		}
		r, err := benchFile(ctx, e, file, cfg.adapter, cfg.seed)
		if err != nil {
			return err
		}
		return writeOutput(cfg.output, e, func(w io.Writer) error { return render(w, cfg.format, g.lang, datasetReport(r)) })
	}
	if cfg.adapter != "" {
		return usagef("bench", "--adapter goes with 'bench dataset FILE'")
	}
	if err := checkOutput("bench", cfg.output); err != nil {
		return err
	}
	var runs []benchRun
	var warnings []string
	for _, n := range sizes {
		gen, err := benchmarks.Generate(benchmarks.GenerateConfig{Employees: n, Seed: cfg.seed})
		if err != nil {
			return err
		}
		name := fmt.Sprintf("generated-%d", n)
		r, err := measure(ctx, e, name, func() (fs.FS, error) { return gen.FS(), nil })
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		runs = append(runs, r)
	}
	if cfg.datadir != "" {
		file := filepath.Join(cfg.datadir, benchDataset)
		if _, err := os.Stat(file); err != nil {
			w := fmt.Sprintf("%s not found; the dataset row is left out (give --datadir)", file)
			warnf(e, g, "%s", w)
			warnings = append(warnings, w)
		} else {
			r, err := benchFile(ctx, e, file, benchDatasetAdapter, cfg.seed)
			if err != nil {
				return err
			}
			runs = append(runs, r)
		}
	}
	return writeOutput(cfg.output, e, func(w io.Writer) error { return render(w, cfg.format, g.lang, benchReport(runs, warnings)) })
}

func validAdapter(a string) bool {
	for _, x := range benchmarks.StaffingAdapters() {
		if a == x {
			return true
		}
	}
	return false
}

// benchFile measures the staffing dataset in file, mapped by adapter.
func benchFile(ctx context.Context, e env, file, adapter string, seed uint64) (benchRun, error) {
	name := filepath.Base(file)
	r, err := measure(ctx, e, name, func() (fs.FS, error) {
		f, err := openRegular(file)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		st, err := benchmarks.ReadStaffing(f, name, benchmarks.StaffingConfig{Adapter: adapter, Seed: seed})
		if err != nil {
			return nil, err
		}
		return st.FS(), nil
	})
	r.adapter = adapter
	return r, err
}

// benchRun is one measured workload.
type benchRun struct {
	name, adapter               string
	employees, positions, seats int
	pairs                       int
	storage                     string
	load, build, solve, greedy  time.Duration
	peak                        uint64 // bytes
	certified                   bool
	cmp                         benchmarks.Comparison
	planWarnings                int
}

// measure loads the scenario that open returns, builds it, plans it
// (certified) and runs greedy, timing each step with e.now and sampling
// memory.
func measure(ctx context.Context, e env, name string, open func() (fs.FS, error)) (benchRun, error) {
	r := benchRun{name: name}
	mem := startMemSampler(e)
	defer mem.stop()
	t0 := e.now()
	fsys, err := open()
	if err != nil {
		return r, err
	}
	s, files, err := scenarios.Load(fsys, "scenario.yaml")
	if err != nil {
		return r, err
	}
	// Greedy keeps the pair rules and the seats only: compare on those
	// (BenchmarkConstrained measures the constrained solves).
	s.DropPlanConstraints()
	t1 := e.now()
	in, err := scenarios.Build(s, files, scenarios.Options{Version: e.version})
	if err != nil {
		return r, err
	}
	mem.sample()
	t2 := e.now()
	p, err := in.Plan(ctx)
	if err != nil {
		return r, err
	}
	mem.sample()
	t3 := e.now()
	gcol := benchmarks.Greedy(in)
	greedy := benchmarks.Assess(in, gcol)
	t4 := e.now()
	optimal := benchmarks.Assess(in, benchmarks.PlanColumns(in, p))
	r.peak = mem.stop()
	r.load, r.build, r.solve, r.greedy = t1.Sub(t0), t2.Sub(t1), t3.Sub(t2), t4.Sub(t3)
	r.employees, r.positions, r.pairs = len(in.Employees), len(in.Scorer.Positions), in.Pairs()
	for _, q := range in.Scorer.Positions {
		r.seats += q.Needed
	}
	r.storage = "sparse"
	if in.Dense() {
		r.storage = "dense"
	}
	r.certified = p.Manifest.Cert.Passed && p.Manifest.Cert.Optimal
	r.cmp = benchmarks.Comparison{Optimal: optimal, Greedy: greedy}
	r.planWarnings = len(p.Warnings)
	// Greedy keeps the pair rules and the seats but not the plan-level
	// constraints (floors, caps, turnover, the remote balance, max moves,
	// conflicts): it may beat a plan bound by them, which proves nothing.
	// Without them (certificate by duals) it never may.
	if p.Manifest.Cert.Method == "duals" && optimal.Objective < greedy.Objective-1e-6 {
		return r, fmt.Errorf("internal error: greedy (%.6f) beat the certified optimum (%.6f)", greedy.Objective, optimal.Objective)
	}
	return r, nil
}

// memSampler tracks the peak of the process's memory while a workload
// runs.
type memSampler struct {
	read func() uint64
	mu   sync.Mutex
	peak uint64
	done chan struct{}
	wg   sync.WaitGroup
	once sync.Once
}

// startMemSampler collects garbage, returns free memory to the OS and
// samples e.memory (or the runtime's figure) every 20 ms until stop.
func startMemSampler(e env) *memSampler {
	m := &memSampler{read: e.memory, done: make(chan struct{})}
	if m.read == nil {
		runtime.GC()
		debug.FreeOSMemory()
		m.read = runtimeMemory
	}
	m.sample()
	m.wg.Add(1)
	go func() {
		defer m.wg.Done()
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-m.done:
				return
			case <-tick.C:
				m.sample()
			}
		}
	}()
	return m
}

func (m *memSampler) sample() {
	v := m.read()
	m.mu.Lock()
	m.peak = max(m.peak, v)
	m.mu.Unlock()
}

// stop ends the sampling and returns the peak; later calls return it too.
func (m *memSampler) stop() uint64 {
	m.once.Do(func() {
		m.sample()
		close(m.done)
		m.wg.Wait()
	})
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.peak
}

// runtimeMemory returns the memory the Go runtime has mapped and not
// returned to the OS.
func runtimeMemory() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64() - s[1].Value.Uint64()
}

func mib(b uint64) float64 { return round4(float64(b) / (1 << 20)) }

func secs(d time.Duration) float64 { return round4(d.Seconds()) }

// candidatesPruned is what the pruned column says: scenarios.Build lists
// every eligible pair of every employee (plus staying) and never drops a
// candidate to save memory, so the plans are exact over all eligible pairs.
// The 54,808-employee dataset fits in memory that way (about 1.4 GiB); a
// pruning option would have to set this from the instance.
const candidatesPruned = false

// benchColumns are the columns of a workload row.
func benchColumns() []column {
	return []column{
		{key: "workload", label: lblWorkload},
		{key: "employees", label: lblEmployees},
		{key: "positions", label: lblPositions},
		{key: "seats", label: lblSeats},
		{key: "pairs", label: lblAllowedPairs},
		{key: "storage", label: lblStorage},
		{key: "pruned", label: lblPruned},
		{key: "load_s", label: lblLoadSeconds, prec: 3},
		{key: "build_s", label: lblBuildSeconds, prec: 3},
		{key: "solve_s", label: lblPlanSeconds, prec: 3},
		{key: "greedy_s", label: lblGreedySeconds, prec: 3},
		{key: "peak_mib", label: lblPeakMiB, prec: 1},
		{key: "certified", label: lblCertified},
	}
}

func (r *benchRun) cells() []cell {
	return []cell{textCell(r.name), intCell(r.employees), intCell(r.positions), intCell(r.seats), intCell(r.pairs),
		textCell(r.storage), boolCell(candidatesPruned), floatCell(secs(r.load)), floatCell(secs(r.build)), floatCell(secs(r.solve)),
		floatCell(secs(r.greedy)), floatCell(mib(r.peak)), boolCell(r.certified)}
}

// qualityRows are the compared figures: key, label, optimal, greedy,
// whole number.
func qualityRows(c *benchmarks.Comparison) []kpiRow {
	o, g := &c.Optimal, &c.Greedy
	return []kpiRow{
		{"objective", lblObjective, o.Objective, g.Objective, false},
		{"total_fit", lblKPITotalFit, o.TotalFit, g.TotalFit, false},
		{"mean_fit", lblKPIMeanFit, o.MeanFit, g.MeanFit, false},
		{"field_match_share", lblKPIFieldMatch, o.FieldMatchShare, g.FieldMatchShare, false},
		{"jpm_ms_share", lblKPIJPM, o.JPMShare, g.JPMShare, false},
		{"staff", lblKPIStaff, float64(o.Staff), float64(g.Staff), true},
		{"unmet_need", lblKPIUnmet, float64(o.UnmetNeed), float64(g.UnmetNeed), true},
		{"unmet_weighted", lblKPIUnmetWeighted, o.UnmetWeighted, g.UnmetWeighted, false},
		{"moves", lblKPIMoves, float64(o.Moves), float64(g.Moves), true},
		{"placements", lblKPIPlacements, float64(o.Placements), float64(g.Placements), true},
		{"unplaced", lblKPIUnplaced, float64(o.Unplaced), float64(g.Unplaced), true},
		{"remote_share", lblKPIRemoteShare, o.RemoteShare, g.RemoteShare, false},
		{"violations", lblViolations, float64(o.Violations), float64(g.Violations), true},
	}
}

// benchReport is the row model of mutasi bench: one row per workload with
// its sizes, timings and optimal against greedy.
func benchReport(runs []benchRun, warnings []string) *report {
	cols := benchColumns()
	var probe benchmarks.Comparison
	for _, k := range qualityRows(&probe) {
		if !inBenchTable(k.key) {
			continue
		}
		cols = append(cols, column{key: "optimal_" + k.key, label: lblOptimal, prec: 4}, column{key: "greedy_" + k.key, label: lblGreedy, prec: 4})
	}
	sec := section{key: "workloads", cols: cols}
	for _, r := range runs {
		row := r.cells()
		for _, k := range qualityRows(&r.cmp) {
			if !inBenchTable(k.key) {
				continue
			}
			row = append(row, numCell(k.before, k.integer), numCell(k.after, k.integer))
		}
		sec.rows = append(sec.rows, row)
	}
	// Headings name the figure too: "optimal total fit".
	for k := len(benchColumns()); k < len(sec.cols); k++ {
		sec.cols[k].label = benchMetricLabel(sec.cols[k].key)
	}
	return &report{title: lblBenchTitle, sections: []section{sec}, warnings: warnings}
}

// inBenchTable reports whether a compared figure has columns in the
// workload table; the others are in 'bench dataset', which has room.
func inBenchTable(key string) bool {
	switch key {
	case "objective", "total_fit", "mean_fit", "field_match_share", "unmet_need", "moves", "violations":
		return true
	}
	return false
}

// benchMetricLabel returns the label of an optimal_… or greedy_… column.
func benchMetricLabel(key string) label {
	side, metric, _ := strings.Cut(key, "_")
	table := map[string][2]label{
		"objective":         {lblOptObjective, lblGreedyObjective},
		"total_fit":         {lblOptTotalFit, lblGreedyTotalFit},
		"mean_fit":          {lblOptMeanFit, lblGreedyMeanFit},
		"field_match_share": {lblOptFieldMatch, lblGreedyFieldMatch},
		"unmet_need":        {lblOptUnmet, lblGreedyUnmet},
		"moves":             {lblOptMoves, lblGreedyMoves},
		"violations":        {lblOptViolations, lblGreedyViolations},
	}
	lbs := table[metric]
	if side == "greedy" {
		return lbs[1]
	}
	return lbs[0]
}

// datasetReport is the row model of mutasi bench dataset: the run's sizes
// and timings, then one record each for the optimal plan and greedy.
func datasetReport(r benchRun) *report {
	run := section{key: "run", record: true, textLeft: true,
		cols: append([]column{{key: "adapter", label: lblAdapter}}, benchColumns()...)}
	run.cols[1].key, run.cols[1].label = "dataset", lblDataset
	run.rows = [][]cell{append([]cell{textCell(r.adapter)}, r.cells()...)}
	opt := section{key: "optimal", title: lblOptimal, record: true}
	gr := section{key: "greedy", title: lblGreedy, record: true}
	for _, k := range qualityRows(&r.cmp) {
		prec := 4
		opt.cols = append(opt.cols, column{key: k.key, label: k.label, prec: prec})
		gr.cols = append(gr.cols, column{key: k.key, label: k.label, prec: prec})
	}
	var orow, grow []cell
	for _, k := range qualityRows(&r.cmp) {
		orow = append(orow, numCell(k.before, k.integer))
		grow = append(grow, numCell(k.after, k.integer))
	}
	opt.rows, gr.rows = [][]cell{orow}, [][]cell{grow}
	return &report{title: lblBenchDatasetTitle, headings: true, sections: []section{run, opt, gr}}
}
