package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/pflag"

	"github.com/mutasi-asn/mutasi/scenarios"
)

const compareSynopsis = `Usage: mutasi compare [flags] BASE WHATIF

Plans two scenarios, typically a base and a what-if overlay of it, and
prints their differences: the moves added (in the what-if only), removed
(in the base only) and changed (to another post), the KPI deltas (after the
moves) and the churn, the share of staff whose outcome differs.

Formats: table and markdown print every section; csv prints the differing
moves; json prints the comparison object (keys base, whatif, added,
removed, changed, kpis, staff, differ, churn).
`

const compareExample = `
Example:
  mutasi compare bungo/scenario.yaml bungo/whatif-pppk-intake.yaml
`

// compareConfig holds the flags of mutasi compare.
type compareConfig struct {
	format Format
	output string
	limits searchLimits
}

func runCompare(ctx context.Context, args []string, e env, g *globals) error {
	var cfg compareConfig
	fs := newFlagSet("compare")
	fs.VarP(&cfg.format, "format", "f", "output format: table, csv, json, markdown or html")
	fs.StringVarP(&cfg.output, "output", "o", "-", "write the result to `FILE` (atomically) instead of stdout")
	cfg.limits.register(fs)
	g.register(fs)
	if err := parse(fs, "compare", args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			fmt.Fprintf(e.stdout, "%s\nFlags:\n%s%s", compareSynopsis, fs.FlagUsages(), compareExample)
		}
		return err
	}
	if fs.NArg() != 2 {
		return usagef("compare", "compare takes two scenarios, BASE and WHATIF, got %d arguments", fs.NArg())
	}
	if err := cfg.limits.check("compare"); err != nil {
		return err
	}
	if fs.Arg(0) == "-" && fs.Arg(1) == "-" {
		return usagef("compare", "stdin ('-') can be read only once")
	}
	if err := checkOutput("compare", cfg.output, fs.Arg(0), fs.Arg(1)); err != nil {
		return err
	}
	var plans [2]*scenarios.Plan
	var inputs []string
	for k := range plans {
		res, err := solveScenario(ctx, fs.Arg(k), cfg.limits, e, g)
		if err != nil {
			return err
		}
		plans[k] = res.plan
		inputs = append(inputs, res.input.inputPaths(res.files)...)
	}
	if err := checkOutput("compare", cfg.output, inputs...); err != nil {
		return err
	}
	c := scenarios.Compare(plans[0], plans[1])
	return writeOutput(cfg.output, e, func(w io.Writer) error {
		switch cfg.format {
		case FormatJSON:
			return writeJSON(w, c)
		case FormatCSV:
			return renderCSV(w, &report{sections: []section{*compareReport(c, g.lang).section("moves")}})
		}
		return render(w, cfg.format, g.lang, compareReport(c, g.lang))
	})
}

// compareReport is the row model of a comparison.
func compareReport(c *scenarios.Comparison, l Lang) *report {
	r := &report{title: lblCompareTitle, headings: true}
	r.sections = append(r.sections, section{key: "comparison", record: true, textLeft: true,
		cols: []column{{key: "base", label: lblBase}, {key: "whatif", label: lblWhatIf}, {key: "added", label: lblAdded},
			{key: "removed", label: lblRemoved}, {key: "changed", label: lblChanged}, {key: "staff", label: lblEmployeesCompared},
			{key: "differ", label: lblDiffer}, {key: "churn", label: lblChurn, prec: 4}},
		rows: [][]cell{{textCell(c.Base), textCell(c.WhatIf), intCell(len(c.Added)), intCell(len(c.Removed)), intCell(len(c.Changed)),
			intCell(c.Staff), intCell(c.Differ), floatCell(c.Churn)}},
	})
	labels := map[string]label{}
	integer := map[string]bool{}
	for _, k := range kpiRows(&scenarios.KPIs{}) {
		labels[k.key], integer[k.key] = k.label, k.integer
	}
	kp := section{key: "kpis", title: lblKPIDeltas,
		cols: []column{{key: "indicator", label: lblIndicator}, fitCol("base", lblBase), fitCol("whatif", lblWhatIf), fitCol("delta", lblChange)}}
	for _, d := range c.KPIs {
		name := d.Name
		if lb, ok := labels[d.Name]; ok {
			name = l.text(lb)
		}
		in := integer[d.Name]
		kp.rows = append(kp.rows, []cell{textCell(name), numCell(d.Base, in), numCell(d.WhatIf, in), numCell(d.Delta, in)})
	}
	r.sections = append(r.sections, kp)
	mv := section{key: "moves", title: lblMoveChanges,
		cols: []column{{key: "change", label: lblChangeKind}, {key: "employee", label: lblNIP}, {key: "from", label: lblFrom},
			{key: "base_to", label: lblBaseTo}, {key: "whatif_to", label: lblWhatIfTo},
			fitCol("base_fit", lblBaseFit), fitCol("whatif_fit", lblWhatIfFit)},
		rows: [][]cell{}}
	for _, m := range c.Added {
		mv.rows = append(mv.rows, []cell{labelCell("added", lblAdded), textCell(string(m.Employee)), textOrNull(m.From), nullCell(),
			textCell(string(m.To)), nullCell(), floatCell(m.FitAfter)})
	}
	for _, m := range c.Removed {
		mv.rows = append(mv.rows, []cell{labelCell("removed", lblRemoved), textCell(string(m.Employee)), textOrNull(m.From), textCell(string(m.To)),
			nullCell(), floatCell(m.FitAfter), nullCell()})
	}
	for _, m := range c.Changed {
		mv.rows = append(mv.rows, []cell{labelCell("changed", lblChanged), textCell(string(m.Employee)), textOrNull(m.From), textCell(string(m.BaseTo)),
			textCell(string(m.WhatIfTo)), floatCell(m.BaseFit), floatCell(m.WhatIfFit)})
	}
	r.sections = append(r.sections, mv)
	return r
}
