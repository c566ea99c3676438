package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/mutasi-asn/mutasi/scenarios"
	"github.com/mutasi-asn/mutasi/scoring"
)

const scoreSynopsis = `Usage: mutasi score [flags] [SCENARIO] (--employee NIP | --position ID)

Ranks candidates by fit without solving: with --employee, the posts for one
employee; with --position, the employees for one post. Each line gives the
fit (the weighted sum of education, competence, tenure, performance and
preference), whether the pair is allowed in the plan, and the rules that
forbid it (the rule ids never change with --lang). Allowed pairs come
first, best fit first; ties go by ID. SCENARIO defaults to the embedded
Bungo example.
`

const scoreExample = `
Example:
  mutasi score --position PKM-PELEPAT-DOKTER --top 5
`

// scoreConfig holds the flags of mutasi score.
type scoreConfig struct {
	employee, position string
	top                int
	format             Format
	output             string
}

func runScore(_ context.Context, args []string, e env, g *globals) error {
	cfg := scoreConfig{top: 10}
	fs := newFlagSet("score")
	fs.StringVar(&cfg.employee, "employee", "", "rank the posts for the employee with this `NIP`")
	fs.StringVar(&cfg.position, "position", "", "rank the employees for the position with this `ID`")
	fs.IntVar(&cfg.top, "top", 10, "print the best `N` candidates")
	fs.VarP(&cfg.format, "format", "f", "output format: table, csv, json, markdown or html")
	fs.StringVarP(&cfg.output, "output", "o", "-", "write the result to `FILE` (atomically) instead of stdout")
	g.register(fs)
	if err := parse(fs, "score", args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			fmt.Fprintf(e.stdout, "%s\nFlags:\n%s%s", scoreSynopsis, fs.FlagUsages(), scoreExample)
		}
		return err
	}
	switch {
	case fs.NArg() > 1:
		return usagef("score", "score takes at most one SCENARIO, got %d arguments", fs.NArg())
	case (cfg.employee == "") == (cfg.position == ""):
		return usagef("score", "give exactly one of --employee and --position")
	case cfg.top < 1:
		return usagef("score", "--top must be at least 1")
	}
	path := fs.Arg(0)
	if err := checkOutput("score", cfg.output, path); err != nil {
		return err
	}
	in, err := openScenario(path, e.stdin)
	if err != nil {
		return err
	}
	inst, err := in.build(scenarios.Options{Version: e.version})
	if err != nil {
		return err
	}
	if err := checkOutput("score", cfg.output, in.inputPaths(inst.Files)...); err != nil {
		return err
	}
	var cands []candidate
	if cfg.employee != "" {
		i, ok := slices.BinarySearchFunc(inst.Employees, scoring.EmployeeID(cfg.employee), func(x scoring.Employee, id scoring.EmployeeID) int {
			return cmp.Compare(x.ID, id)
		})
		if !ok {
			return fmt.Errorf("%w: %q is not in scenario %q", scenarios.ErrUnknownEmployee, cfg.employee, inst.Scenario.Name)
		}
		for j := range inst.Scorer.Positions {
			cands = append(cands, scorePair(inst, i, j, false))
		}
	} else {
		j := slices.IndexFunc(inst.Scorer.Positions, func(p scoring.Position) bool { return string(p.ID) == cfg.position })
		if j < 0 {
			return fmt.Errorf("%w: %q is not in scenario %q", scenarios.ErrUnknownPosition, cfg.position, inst.Scenario.Name)
		}
		for i := range inst.Employees {
			cands = append(cands, scorePair(inst, i, j, true))
		}
	}
	slices.SortStableFunc(cands, func(a, b candidate) int {
		switch {
		case a.allowed != b.allowed:
			if a.allowed {
				return -1
			}
			return 1
		case a.fit != b.fit:
			return cmp.Compare(b.fit, a.fit)
		}
		return strings.Compare(a.id, b.id)
	})
	total := len(cands)
	if len(cands) > cfg.top {
		cands = cands[:cfg.top]
	}
	return writeReport(cfg.output, e, cfg.format, g.lang, scoreReport(inst, &cfg, cands, total, g.lang))
}

// candidate is one scored pair.
type candidate struct {
	id, name, unit string // of the candidate: a post or an employee
	current        bool   // the employee's current post
	fit            float64
	allowed        bool
	rules          []scoring.RuleID
	// details and detailsID say why each rule closes the pair, in English
	// and Indonesian.
	details, detailsID []string
}

// scorePair scores row i in column j; byPosition says which side is the
// candidate.
func scorePair(in *scenarios.Instance, i, j int, byPosition bool) candidate {
	emp, pos := &in.Employees[i], &in.Scorer.Positions[j]
	sc := in.Table.Explain(i, j)
	c := candidate{fit: math.Round(sc.Total*scenarios.CostScale) / scenarios.CostScale, allowed: allowedPair(in, i, j), current: emp.Position == pos.ID}
	if byPosition {
		c.id, c.name = string(emp.ID), emp.Name
		if emp.Position != "" {
			c.unit = string(emp.Position)
		}
	} else {
		c.id, c.name, c.unit = string(pos.ID), pos.Name, string(pos.Unit)
	}
	for _, v := range sc.Violations {
		c.rules = append(c.rules, v.Rule)
		c.details = append(c.details, v.Detail)
		c.detailsID = append(c.detailsID, v.Text("id"))
	}
	// Every scenario rule that closes the pair too: a pin, an exclusion,
	// an election freeze, a post without needed seats, over its formation
	// or filled by open selection.
	for _, x := range in.Closures(i, j) {
		c.rules, c.details, c.detailsID = append(c.rules, x.Rule), append(c.details, x.Why.Text("en")), append(c.detailsID, x.Why.Text("id"))
	}
	return c
}

// allowedPair reports whether the problem allows row i in column j.
func allowedPair(in *scenarios.Instance, i, j int) bool {
	if sp := in.Problem.Candidates; sp != nil {
		_, ok := slices.BinarySearch(sp.Col[sp.Start[i]:sp.Start[i+1]], j)
		return ok
	}
	return !math.IsInf(in.Problem.Cost.At(i, j), 1)
}

// scoreReport is the row model of a ranking.
func scoreReport(in *scenarios.Instance, cfg *scoreConfig, cands []candidate, total int, l Lang) *report {
	whoKey, whoLabel := "employee", lblNIP
	unitKey, unitLabel := "position", lblCurrentPost
	subject := cfg.position
	if cfg.employee != "" {
		whoKey, whoLabel, unitKey, unitLabel, subject = "position", lblPosition, "unit", lblUnit, cfg.employee
	}
	head := section{key: "score", record: true, textLeft: true,
		cols: []column{{key: "scenario", label: lblScenario}, {key: "for", label: lblFor},
			{key: "candidates", label: lblCandidates}, {key: "shown", label: lblShown}},
		rows: [][]cell{{textCell(in.Scenario.Name), textCell(subject), intCell(total), intCell(len(cands))}},
	}
	s := section{key: "candidates",
		cols: []column{{key: "rank", label: lblRank}, {key: whoKey, label: whoLabel}, {key: "name", label: lblName},
			{key: unitKey, label: unitLabel}, fitCol("fit", lblFit), {key: "current", label: lblCurrent},
			{key: "allowed", label: lblAllowed}, {key: "rules", label: lblRules}, {key: "reasons", label: lblReasons}},
		rows: [][]cell{}}
	for k, c := range cands {
		ids := make([]string, len(c.rules))
		for n, r := range c.rules {
			ids[n] = string(r)
		}
		reasons := nullCell()
		if len(ids) > 0 {
			en := strings.Join(c.details, "; ")
			reasons = transCell(en, en, strings.Join(c.detailsID, "; "))
		}
		s.rows = append(s.rows, []cell{intCell(k + 1), textCell(c.id), textCell(c.name), textOrNull(c.unit), floatCell(c.fit),
			boolCell(c.current), boolCell(c.allowed), textOrNull(strings.Join(ids, " ")), reasons})
	}
	return &report{title: lblScoreTitle, headings: true, sections: []section{head, s}}
}
