package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mutasi-asn/mutasi/benchmarks"
	"github.com/mutasi-asn/mutasi/matching"
)

// mutasi bench gap DIR: the OR-Library generalized assignment instances,
// solved by matching's Lagrangian branch and bound.

// gapRun is one solved GAP instance.
type gapRun struct {
	name          string
	agents, jobs  int
	maximize      bool
	value, bound  float64
	known         float64
	hasKnown      bool
	proven        bool
	seconds       float64
	reachedKnown  bool
	relativeGapPc float64
}

// gapFiles lists the GAP files of dir: every regular *.txt file in it
// (hidden files left out, symbolic links followed), in natural order (gap2 before gap10). A file
// given instead of a folder is read alone.
func gapFiles(dir string) ([]string, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{dir}, nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, en := range entries {
		name := en.Name()
		if strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ".txt") {
			continue
		}
		file := filepath.Join(dir, name)
		if st, err := os.Stat(file); err != nil || !st.Mode().IsRegular() { // symbolic links followed
			continue
		}
		files = append(files, file)
	}
	if len(files) == 0 {
		return nil, &hintError{err: fmt.Errorf("%s has no GAP files (*.txt)", dir),
			hint: "OR-Library's GAP files are gap1.txt … gap12.txt and gapa.txt … gapd.txt"}
	}
	slices.SortFunc(files, func(a, b string) int { return naturalCompare(filepath.Base(a), filepath.Base(b)) })
	return files, nil
}

// naturalCompare orders strings with their digit runs compared as numbers
// (gap2 < gap10 < gapa), and strings that compare equal so (gap02, gap2)
// bytewise.
func naturalCompare(a, b string) int {
	if c := naturalCompareRuns(a, b); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

func naturalCompareRuns(a, b string) int {
	for a != "" && b != "" {
		da, db := digitRun(a), digitRun(b)
		if da > 0 && db > 0 {
			na, nb := strings.TrimLeft(a[:da], "0"), strings.TrimLeft(b[:db], "0")
			if c := len(na) - len(nb); c != 0 {
				return c
			}
			if c := strings.Compare(na, nb); c != 0 {
				return c
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return int(a[0]) - int(b[0])
		}
		a, b = a[1:], b[1:]
	}
	return len(a) - len(b)
}

func digitRun(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// readGAPFile reads one OR-Library GAP file; gap1–gap12 are maximized.
func readGAPFile(file string) ([]benchmarks.GAP, error) {
	f, err := openRegular(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return benchmarks.ReadGAP(f, file, benchmarks.GAPMaximize(file))
}

// runBenchGap solves every instance of the GAP files with at most
// maxNodes branch-and-bound nodes each (0: the solver's default), timing
// each solve with e.now, and checks every plan against its instance and
// every proven optimum against the published one.
func runBenchGap(ctx context.Context, e env, g *globals, files []string, maxNodes int) ([]gapRun, error) {
	var all []benchmarks.GAP
	for _, file := range files {
		gs, err := readGAPFile(file)
		if err != nil {
			return nil, err
		}
		all = append(all, gs...)
	}
	prog := newProgress(e, g, "solving", "nodes")
	defer prog.done()
	s := matching.Solver{MaxNodes: maxNodes}
	if prog.on {
		s.Progress = prog.update
	}
	runs := make([]gapRun, 0, len(all))
	for k := range all {
		inst := &all[k]
		prog.what = fmt.Sprintf("solving %s (%d of %d instances)", inst.Name, k+1, len(all))
		p := inst.Problem()
		t0 := e.now()
		a, err := s.Solve(ctx, p)
		took := e.now().Sub(t0)
		if err != nil {
			if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
				return nil, fmt.Errorf("interrupted: %w", err)
			}
			return nil, fmt.Errorf("%s: %w", inst.Name, err)
		}
		value, err := inst.Value(a.RowToCol)
		if err != nil {
			return nil, fmt.Errorf("internal error: %w", err)
		}
		if value != a.Cost {
			return nil, fmt.Errorf("internal error: %s: the solver reports %g, the plan is worth %g", inst.Name, a.Cost, value)
		}
		r := gapRun{name: inst.Name, agents: inst.Agents, jobs: inst.Jobs, maximize: inst.Maximize,
			value: a.Cost, bound: a.Bound, proven: a.Bound == a.Cost, seconds: secs(took)}
		r.known, r.hasKnown = benchmarks.GAPKnownOptimum(inst.Name)
		if r.hasKnown {
			r.reachedKnown = r.value == r.known
			if r.proven && !r.reachedKnown {
				return nil, fmt.Errorf("internal error: %s: proven optimum %g differs from the published optimum %g", inst.Name, r.value, r.known)
			}
		}
		r.relativeGapPc = round4(100 * math.Abs(a.Cost-a.Bound) / math.Max(1, math.Abs(a.Cost)))
		runs = append(runs, r)
	}
	return runs, nil
}

// gapReport is the row model of mutasi bench gap: one row per instance,
// then a summary record.
func gapReport(runs []gapRun) *report {
	inst := section{key: "instances", title: lblGapInstances, rows: [][]cell{},
		cols: []column{
			{key: "instance", label: lblGapInstance},
			{key: "agents", label: lblGapAgents},
			{key: "jobs", label: lblGapJobs},
			{key: "sense", label: lblGapSense},
			{key: "value", label: lblGapValue, prec: 0},
			{key: "bound", label: lblGapBound, prec: 2},
			{key: "known_optimum", label: lblGapKnown, prec: 0},
			{key: "proven_optimal", label: lblGapProven},
			{key: "gap_percent", label: lblGapPercent, prec: 2},
			{key: "seconds", label: lblGapSeconds, prec: 3},
		}}
	proven, withKnown, reached := 0, 0, 0
	total := 0.0
	for _, r := range runs {
		sense := labelCell("min", lblGapMin)
		if r.maximize {
			sense = labelCell("max", lblGapMax)
		}
		known := nullCell()
		if r.hasKnown {
			known = floatCell(r.known)
			withKnown++
			if r.reachedKnown {
				reached++
			}
		}
		if r.proven {
			proven++
		}
		total += r.seconds
		inst.rows = append(inst.rows, []cell{textCell(r.name), intCell(r.agents), intCell(r.jobs), sense,
			floatCell(r.value), floatCell(r.bound), known, boolCell(r.proven), floatCell(r.relativeGapPc), floatCell(r.seconds)})
	}
	sum := section{key: "summary", title: lblGapSummary, record: true,
		cols: []column{
			{key: "instances", label: lblGapInstanceCount},
			{key: "proven_optimal", label: lblGapProvenCount},
			{key: "with_known_optimum", label: lblGapKnownCount},
			{key: "reached_known_optimum", label: lblGapReachedCount},
			{key: "seconds", label: lblGapTotalSeconds, prec: 3},
		},
		rows: [][]cell{{intCell(len(runs)), intCell(proven), intCell(withKnown), intCell(reached), floatCell(round4(total))}}}
	return &report{title: lblGapTitle, headings: true, sections: []section{inst, sum}}
}

// renderGap writes the GAP report in format f: a JSON array of the
// instance rows, the instance rows in CSV, or both sections in table and
// markdown.
func renderGap(w io.Writer, f Format, l Lang, r *report) error {
	switch f {
	case FormatJSON:
		return renderJSONArray(w, r.section("instances"))
	case FormatCSV:
		return renderCSV(w, &report{sections: []section{*r.section("instances")}})
	}
	return render(w, f, l, r)
}

// renderJSONArray writes the rows of s as a JSON array of objects, keys in
// column order, with the cells' JSON values of renderJSON.
func renderJSONArray(w io.Writer, s *section) error {
	var b bytes.Buffer
	if len(s.rows) == 0 {
		b.WriteString("[]\n")
	} else {
		b.WriteString("[")
		for ri, row := range s.rows {
			if ri > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n  {")
			for k, c := range s.cols {
				if k > 0 {
					b.WriteString(",")
				}
				b.WriteString("\n    ")
				jsonString(&b, c.key)
				b.WriteString(": ")
				jsonValue(&b, row[k])
			}
			b.WriteString("\n  }")
		}
		b.WriteString("\n]\n")
	}
	_, err := w.Write(b.Bytes())
	return err
}
