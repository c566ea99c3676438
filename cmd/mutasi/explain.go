package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/pflag"

	"github.com/mutasi-asn/mutasi/scenarios"
	"github.com/mutasi-asn/mutasi/scoring"
)

const explainSynopsis = `Usage: mutasi explain [flags] [SCENARIO] --employee NIP

Explains one employee's outcome in the optimal plan of SCENARIO (without
it, the embedded Bungo example): the current and the planned post with the
score breakdown of each (criterion, raw value, weight, contribution), the
next best posts with the exact margin by which each lost (the fit the
employee would need for an optimal plan to give them the post, and whose
seat it is), and the rules that closed the other posts. Under side
constraints (move limit, turnover, conflicts) the margin's lower bound
comes from the Lagrangian prices of the plan's solve and the plan found
with the post forced from an exact solve over a neighbourhood of the
employee (everyone the plan moves, the post's holders, who could take the
seat left); when the plan is proven, the margins printed that these do
not prove are re-solved over the whole scenario within --max-nodes. A
margin is exact only when proven; otherwise the text gives the bounds it
proved and says "not proven".

--lang id writes the labels, criteria, rule reasons and the sentence of
each next best post in Indonesian. --format json prints the explanation
object, the same whatever --lang: score objects hold "total" and
"components", each with "criterion", "raw", "weight" and "contribution";
each alternative holds its sentence in English ("text") and as a stable
code with arguments ("why", such as {"code": "take-seat", "args": [0.015,
"Kepala Sekolah", "SMP Negeri 1", "198004112003092001"]}).
`

const explainExample = `
Example:
  mutasi explain --employee 196904291995052001
`

// explainConfig holds the flags of mutasi explain.
type explainConfig struct {
	employee string
	top      int
	format   Format
	output   string
	limits   searchLimits
}

func runExplain(ctx context.Context, args []string, e env, g *globals) error {
	cfg := explainConfig{top: scenarios.DefaultAlternatives}
	fs := newFlagSet("explain")
	fs.StringVar(&cfg.employee, "employee", "", "the employee's `NIP` (required)")
	fs.IntVar(&cfg.top, "top", scenarios.DefaultAlternatives, "list the `K` next best posts")
	fs.VarP(&cfg.format, "format", "f", "output format: table, csv, json, markdown or html")
	fs.StringVarP(&cfg.output, "output", "o", "-", "write the result to `FILE` (atomically) instead of stdout")
	cfg.limits.register(fs)
	g.register(fs)
	if err := parse(fs, "explain", args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			fmt.Fprintf(e.stdout, "%s\nFlags:\n%s%s", explainSynopsis, fs.FlagUsages(), explainExample)
		}
		return err
	}
	switch {
	case fs.NArg() > 1:
		return usagef("explain", "explain takes at most one SCENARIO, got %d arguments", fs.NArg())
	case cfg.employee == "":
		return usagef("explain", "--employee is required")
	case cfg.top < 1:
		return usagef("explain", "--top must be at least 1")
	}
	if err := cfg.limits.check("explain"); err != nil {
		return err
	}
	path := fs.Arg(0)
	if err := checkOutput("explain", cfg.output, path); err != nil {
		return err
	}
	res, err := solveScenario(ctx, path, cfg.limits, e, g)
	if err != nil {
		return err
	}
	if err := checkOutput("explain", cfg.output, res.input.inputPaths(res.files)...); err != nil {
		return err
	}
	x, err := res.inst.Explain(ctx, res.plan, scoring.EmployeeID(cfg.employee), cfg.top)
	switch {
	case err == nil:
	case ctx.Err() != nil:
		return fmt.Errorf("interrupted: %w", err)
	case errors.Is(err, scenarios.ErrUnknownEmployee):
		return &hintError{err, "mutasi score --position ID lists the employees by NIP"}
	default:
		return err
	}
	return writeOutput(cfg.output, e, func(w io.Writer) error {
		if cfg.format == FormatJSON {
			return writeJSON(w, x)
		}
		return render(w, cfg.format, g.lang, explainReport(x, g.lang))
	})
}

// outcomeLabel translates an explanation's outcome.
func outcomeLabel(s string) label {
	switch s {
	case "moves":
		return lblOutcomeMoves
	case "placed":
		return lblOutcomePlaced
	case "stays":
		return lblOutcomeStays
	case "over-formation":
		return lblOutcomeOver
	}
	return lblOutcomeUnplaced
}

// excludedReason is the reason of a rule that closed posts to the
// employee, in language l: the catalogue's reason, or for the scenario's
// own reasons outside it (a pin or an exclusion, open selection) their
// text.
func excludedReason(r scoring.RuleID, l Lang) string {
	switch r {
	case "pinned":
		return l.text(lblClosedByPin)
	case "open-selection":
		return scenarios.Reason{Code: scenarios.ReasonOpenSelection}.Text(l.String())
	}
	return ruleReason(r, l)
}

// heldCell is what held the employee in place: the scenario's pin or
// exclusion, translated, or a rule id, which never changes with the
// language; null when nothing did.
func heldCell(fixed string) cell {
	switch fixed {
	case "":
		return nullCell()
	case "pinned":
		return labelCell(fixed, lblHeldPinned)
	case "excluded":
		return labelCell(fixed, lblHeldExcluded)
	}
	return textCell(fixed)
}

// postText names a post: "Name at Unit (ID)".
func postText(p *scenarios.PostScore, l Lang) cell {
	if p == nil {
		return nullCell()
	}
	return textCell(fmt.Sprintf("%s %s %s (%s)", p.Name, l.text(lblAt), p.UnitName, p.Position))
}

// criterionLabel translates a criterion name.
func criterionLabel(name string, l Lang) string {
	c, err := scoring.ParseCriterion(name)
	if err != nil {
		return name
	}
	return c.Label(l.String())
}

// scoreSection is the breakdown of one score, with a total row.
func scoreSection(key string, title label, sc *scenarios.Score, l Lang) section {
	s := section{key: key, title: title,
		cols: []column{{key: "criterion", label: lblCriterion}, fitCol("raw", lblRaw), fitCol("weight", lblWeight),
			fitCol("contribution", lblContribution)}}
	for _, c := range sc.Components {
		s.rows = append(s.rows, []cell{textCell(criterionLabel(c.Criterion, l)), floatCell(c.Raw), floatCell(c.Weight), floatCell(c.Contribution)})
	}
	s.rows = append(s.rows, []cell{textCell(l.text(lblTotal)), nullCell(), nullCell(), floatCell(sc.Total)})
	for k, v := range sc.Violations {
		vd := sc.Violated[k]
		s.rows = append(s.rows, []cell{textCell(l.text(lblOverrides)), nullCell(), nullCell(),
			transCell(v, v, string(vd.Rule)+": "+vd.Text("id"))})
	}
	return s
}

// explainReport is the row model of an explanation (table, csv, markdown,
// html; JSON prints the explanation itself).
func explainReport(x *scenarios.Explanation, l Lang) *report {
	r := &report{title: lblExplainTitle, headings: true}
	fixed := heldCell(x.Fixed)
	r.sections = append(r.sections, section{key: "employee", record: true, textLeft: true,
		cols: []column{{key: "employee", label: lblNIP}, {key: "name", label: lblName}, {key: "outcome", label: lblOutcome},
			{key: "fixed", label: lblFixed}, {key: "current", label: lblCurrentPost}, {key: "planned", label: lblPlannedPost}},
		rows: [][]cell{{textCell(string(x.Employee)), textCell(x.Name), labelCell(x.Outcome, outcomeLabel(x.Outcome)), fixed,
			postText(x.Current, l), postText(x.Planned, l)}},
	})
	if x.Current != nil {
		r.sections = append(r.sections, scoreSection("current", lblCurrentScore, &x.Current.Score, l))
	}
	if x.Planned != nil && (x.Current == nil || x.Planned.Position != x.Current.Position) {
		r.sections = append(r.sections, scoreSection("planned", lblPlannedScore, &x.Planned.Score, l))
	}
	alt := section{key: "alternatives", title: lblAlternatives,
		cols: []column{{key: "position", label: lblPosition}, {key: "name", label: lblName}, {key: "unit", label: lblUnit},
			fitCol("fit", lblFit), fitCol("margin", lblMargin), {key: "holder", label: lblHolder}, {key: "text", label: lblExplanation}},
		rows: [][]cell{}}
	for _, a := range x.Alternatives {
		alt.rows = append(alt.rows, []cell{textCell(string(a.Position)), textCell(a.Name), textCell(a.UnitName),
			floatCell(a.Score.Total), floatCell(a.Margin), textOrNull(a.Holder), reasonsCell(a.Why)})
	}
	r.sections = append(r.sections, alt)
	ex := section{key: "excluded", title: lblExcludedBy,
		cols: []column{{key: "rule", label: lblRule}, {key: "reason", label: lblReason}, {key: "posts", label: lblPositions}}, rows: [][]cell{}}
	for _, c := range x.Excluded {
		ex.rows = append(ex.rows, []cell{textCell(string(c.Rule)), textCell(excludedReason(c.Rule, l)), intCell(c.Count)})
	}
	r.sections = append(r.sections, ex)
	return r
}
