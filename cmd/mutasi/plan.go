package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/mutasi-asn/mutasi/matching"
	"github.com/mutasi-asn/mutasi/scenarios"
	"github.com/mutasi-asn/mutasi/scoring"
)

const planSynopsis = `Usage: mutasi plan [flags] [SCENARIO]

Plans a transfer round: loads SCENARIO (a YAML file; without it, the
embedded Bungo example; '-' reads a self-contained scenario from stdin),
builds the assignment problem under the hard rules and solves it exactly;
the optimum is certified before it is printed. The plan lists the moves
(employee NIP, name, from, to, fit before and after, the reasons), the KPIs
before and after, each unit's staffing against its needs, the seats left
vacant, the employees left without a seat, the vacancy chains, the training
needs, the warnings and the manifest (input hashes, effective weights and
rules, version, the plan's own hash).

Formats: table and markdown print every section; csv prints the moves, or
the section --section names (objective, limits, redistribution, …); json
prints the whole plan (top-level keys scenario, plan_date, objective,
breakdown, moves, stays, unplaced, held, redistribution, retraining, limits,
selection, vacancies, units, chains, training, kpis, manifest, warnings);
html writes one self-contained, printable report with charts.
The same inputs give byte-identical output.

--lang id writes the labels and the reasons (why each move, why nobody
got a seat) in Indonesian in table, markdown and html. CSV and JSON do not
change with --lang: their reasons are English text, and JSON adds each
reason as a stable code with its arguments (a move's "why" list, an
unplaced employee's "why"), for example {"code": "rotation-due",
"args": [6.2]}.

--alternatives K prints the K best plans instead (fewer when fewer
exist): rank 1 is the certified optimal plan, and the others follow in
order of objective; among plans of equal objective, those that change
fewer placements come first. For each plan it prints its rank,
objective, difference from the best and number of moves, then every
employee it places differently from the best plan (current post, post in
the best plan, post in this plan, both fits). csv prints those
differences; json prints scenario, plan_date, objective, alternatives
(each with rank, objective, difference, moves, changes and its own
warnings), manifest and warnings. With side constraints (move limit,
turnover, conflicts) each part of the ranking is a branch and bound
within --max-nodes, at most 2(K-1) times --max-nodes nodes in all: a
rank not proven says so in a warning, json marks it "not_proven" with
the "bound" it is proven against, and the other formats add a bound
column.

Every constraint of the scenario (unit floors and caps, the move limit,
the turnover cap, the remote balance, conflicts) is enforced by the
solver. With side constraints (move limit, turnover, conflicts) branch and
bound stops after --max-nodes nodes; a plan it did not prove optimal says
so in a warning with its bound and gap.

Warnings (optimality not proven, pins that override rules, posts left to
open selection) go to stderr as "mutasi: warning: …" unless -q, and
always into the plan.

Exit codes: 0 planned (warnings included), 1 invalid scenario or failure,
2 usage error, 3 infeasible: the hard rules cannot all hold; the report
(the rule, the unit and posts, the people counted) is still printed in the
chosen format.
`

const planExample = `
Examples:
  mutasi plan
  mutasi plan --lang id --format html -o plan.html bungo/scenario.yaml
  mutasi plan --alternatives 3 bungo/scenario.yaml
`

// planConfig holds the flags of mutasi plan.
type planConfig struct {
	format Format
	output string
	stats  bool
	limits searchLimits
	// alternatives is K of --alternatives: print the K best plans (0: the
	// plan).
	alternatives int
	// section is the section --format csv prints (--section).
	section string
}

// csvSections are the plan's sections --section may name for CSV.
var csvSections = []string{"moves", "kpis", "objective", "units", "units_by_kind", "vacancies", "unplaced", "held",
	"limits", "redistribution", "retraining", "selection", "chains", "training", "warnings"}

func runPlan(ctx context.Context, args []string, e env, g *globals) error {
	var cfg planConfig
	fs := newFlagSet("plan")
	fs.VarP(&cfg.format, "format", "f", "output format: table, csv, json, markdown or html")
	fs.StringVarP(&cfg.output, "output", "o", "-", "write the plan to `FILE` (atomically) instead of stdout")
	fs.BoolVar(&cfg.stats, "stats", false, "write one JSON line of sizes and timings to stderr")
	fs.IntVar(&cfg.alternatives, "alternatives", 0, "print the `K` best plans and how each differs from the best, instead of the plan")
	fs.StringVar(&cfg.section, "section", "moves", "with --format csv, the `SECTION` to print: "+strings.Join(csvSections, ", "))
	cfg.limits.register(fs)
	g.register(fs)
	if err := parse(fs, "plan", args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			fmt.Fprintf(e.stdout, "%s\nFlags:\n%s%s", planSynopsis, fs.FlagUsages(), planExample)
		}
		return err
	}
	if fs.NArg() > 1 {
		return usagef("plan", "plan takes at most one SCENARIO, got %d arguments", fs.NArg())
	}
	if fs.Changed("alternatives") && (cfg.alternatives < 1 || cfg.alternatives > maxAlternatives) {
		return usagef("plan", "--alternatives must be between 1 and %d, got %d", maxAlternatives, cfg.alternatives)
	}
	if err := cfg.limits.check("plan"); err != nil {
		return err
	}
	if !slices.Contains(csvSections, cfg.section) {
		return usagef("plan", "--section must be one of %s, got %q", strings.Join(csvSections, ", "), cfg.section)
	}
	if fs.Changed("section") && cfg.format != FormatCSV {
		return usagef("plan", "--section applies to --format csv only")
	}
	path := fs.Arg(0)
	if err := checkOutput("plan", cfg.output, path); err != nil {
		return err
	}
	var st planStats
	t0 := e.now()
	res, err := solveScenario(ctx, path, cfg.limits, e, g)
	st.add(res)
	var ie *scenarios.InfeasibleError
	if err == nil || errors.As(err, &ie) {
		// The rosters and bases are inputs too.
		if oerr := checkOutput("plan", cfg.output, res.input.inputPaths(res.files)...); oerr != nil {
			return oerr
		}
	}
	switch {
	case errors.As(err, &ie):
		werr := writeOutput(cfg.output, e, func(w io.Writer) error {
			if cfg.format == FormatJSON {
				return writeJSON(w, infeasibleJSON{Infeasible: ie, Message: ie.Error(), Warnings: []string{}})
			}
			return render(w, cfg.format, g.lang, infeasibleReport(ie, g.lang))
		})
		if werr != nil {
			return werr
		}
		return err
	case err != nil:
		return err
	}
	p := res.plan
	for _, w := range p.Warnings {
		warnf(e, g, "%s", w.Error())
	}
	t1 := e.now()
	if cfg.alternatives > 0 {
		rp, aerr := res.inst.AlternativesFrom(ctx, p, cfg.alternatives)
		switch {
		case errors.Is(aerr, scenarios.ErrAlternativesUnsupported):
			return &hintError{err: aerr, hint: "plan without --alternatives for the optimal plan"}
		case aerr != nil && ctx.Err() != nil && errors.Is(aerr, ctx.Err()):
			return fmt.Errorf("interrupted: %w", aerr)
		case aerr != nil:
			return aerr
		}
		for _, w := range rp.Warnings {
			warnf(e, g, "%s", w.Error())
		}
		t1 = e.now()
		err = writeOutput(cfg.output, e, func(w io.Writer) error { return renderAlternatives(w, cfg.format, g.lang, rp) })
	} else {
		err = writeOutput(cfg.output, e, func(w io.Writer) error { return renderPlan(w, cfg.format, cfg.section, g.lang, res.inst, p) })
	}
	if err != nil {
		return err
	}
	t2 := e.now()
	st.RenderSeconds = seconds(t2.Sub(t1))
	st.TotalSeconds = seconds(t2.Sub(t0))
	if cfg.stats {
		line, err := json.Marshal(st)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "%s\n", line)
	}
	return nil
}

// planned is a solved scenario and the times its steps took.
type planned struct {
	input           scenarioInput
	files           []scenarios.File
	inst            *scenarios.Instance
	plan            *scenarios.Plan
	load, build, sv time.Duration
}

// solveScenario loads, builds and plans the scenario at path ("" for the
// embedded example) within the branch-and-bound limits lim of each solve,
// with progress on stderr when it is a terminal. The result holds what was
// reached, also on error.
func solveScenario(ctx context.Context, path string, lim searchLimits, e env, g *globals) (*planned, error) {
	res := &planned{}
	in, err := openScenario(path, e.stdin)
	if err != nil {
		return res, err
	}
	res.input = in
	t0 := e.now()
	s, files, err := in.load()
	t1 := e.now()
	res.load = t1.Sub(t0)
	if err != nil {
		return res, err
	}
	res.files = files
	prog := newProgress(e, g, "solving", "employees placed")
	opt := scenarios.Options{Version: e.version, MaxNodes: lim.maxNodes, Gap: lim.gap}
	if prog.on {
		opt.Progress, opt.Search = prog.update, prog.search
	}
	inst, err := scenarios.Build(s, files, opt)
	t2 := e.now()
	res.build = t2.Sub(t1)
	if err != nil {
		return res, in.relocate(err)
	}
	res.inst = inst
	p, err := inst.Plan(ctx)
	prog.done()
	res.sv = e.now().Sub(t2)
	switch {
	case err == nil:
	case ctx.Err() != nil && errors.Is(err, ctx.Err()):
		return res, fmt.Errorf("interrupted: %w", err)
	case errors.Is(err, matching.ErrNodeLimit):
		return res, lim.nodeLimitError(err)
	default:
		return res, err
	}
	res.plan = p
	return res, nil
}

// planStats is the --stats line: sizes and timings, never part of the plan.
type planStats struct {
	Scenario      string  `json:"scenario"`
	Units         int     `json:"units"`
	Positions     int     `json:"positions"`
	Employees     int     `json:"employees"`
	Seats         int     `json:"seats"`
	AllowedPairs  int     `json:"allowed_pairs"`
	Algorithm     string  `json:"algorithm"`
	Moves         int     `json:"moves"`
	LoadSeconds   float64 `json:"load_seconds"`
	BuildSeconds  float64 `json:"build_seconds"`
	SolveSeconds  float64 `json:"solve_seconds"`
	RenderSeconds float64 `json:"render_seconds"`
	TotalSeconds  float64 `json:"total_seconds"`
}

func (st *planStats) add(res *planned) {
	st.LoadSeconds, st.BuildSeconds, st.SolveSeconds = seconds(res.load), seconds(res.build), seconds(res.sv)
	if in := res.inst; in != nil {
		st.Scenario = in.Scenario.Name
		st.Units, st.Positions, st.Employees = len(in.Scorer.Units), len(in.Scorer.Positions), len(in.Employees)
		for _, c := range in.Problem.Capacity {
			st.Seats += c
		}
		st.AllowedPairs = in.Pairs()
		st.Algorithm = "sparse"
		if in.Dense() {
			st.Algorithm = "dense"
		}
	}
	if res.plan != nil {
		st.Moves = len(res.plan.Moves)
	}
}

// seconds rounds a duration to microseconds, in seconds.
func seconds(d time.Duration) float64 { return float64(d.Microseconds()) / 1e6 }

// renderPlan writes plan p in format f: the plan struct in JSON, one
// section in CSV (the moves unless section names another), the HTML
// report, or every section in table and markdown.
func renderPlan(w io.Writer, f Format, key string, l Lang, in *scenarios.Instance, p *scenarios.Plan) error {
	switch f {
	case FormatJSON:
		return writeJSON(w, p)
	case FormatHTML:
		return renderPlanHTML(w, l, in, p)
	case FormatCSV:
		return renderCSV(w, &report{sections: []section{*planReport(p, l).section(key)}})
	}
	return render(w, f, l, planReport(p, l))
}

// writeJSON writes v as JSON with a two-space indent and a final newline.
func writeJSON(w io.Writer, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	data = append(data, '\n')
	_, err = w.Write(data)
	return err
}

// fitCol is a column of fit values, shown at 4 digits.
func fitCol(key string, lb label) column { return column{key: key, label: lb, prec: 4} }

// textOrNull is a text cell, or null for "".
func textOrNull[T ~string](s T) cell {
	if s == "" {
		return nullCell()
	}
	return textCell(string(s))
}

// reasonsCell is a cell of reasons joined by "; ": English in CSV and JSON
// (the same text as the plan's JSON text fields), the language of --lang in
// table, markdown and html.
func reasonsCell(rs ...scenarios.Reason) cell {
	en := strings.Join(scenarios.Texts(rs, "en"), "; ")
	return transCell(en, en, strings.Join(scenarios.Texts(rs, "id"), "; "))
}

// moveKindLabel translates a move kind.
func moveKindLabel(k scenarios.MoveKind) label {
	switch k {
	case scenarios.MovePromotion:
		return lblPromotion
	case scenarios.MoveDemotion:
		return lblDemotion
	case scenarios.MovePlacement:
		return lblPlacement
	}
	return lblRotation
}

// kpiRow is one indicator before and after.
type kpiRow struct {
	key           string
	label         label
	before, after float64
	integer       bool
}

func kpiRows(k *scenarios.KPIs) []kpiRow {
	b, a := &k.Before, &k.After
	return []kpiRow{
		{"staff", lblKPIStaff, float64(b.Staff), float64(a.Staff), true},
		{"total_fit", lblKPITotalFit, b.TotalFit, a.TotalFit, false},
		{"mean_fit", lblKPIMeanFit, b.MeanFit, a.MeanFit, false},
		{"field_match_share", lblKPIFieldMatch, b.FieldMatchShare, a.FieldMatchShare, false},
		{"jpm_ms_share", lblKPIJPM, b.JPMShare, a.JPMShare, false},
		{"unmet_need", lblKPIUnmet, float64(b.UnmetNeed), float64(a.UnmetNeed), true},
		{"unmet_weighted", lblKPIUnmetWeighted, b.UnmetWeighted, a.UnmetWeighted, false},
		{"moves", lblKPIMoves, float64(b.Moves), float64(a.Moves), true},
		{"placements", lblKPIPlacements, float64(b.Placements), float64(a.Placements), true},
		{"unplaced", lblKPIUnplaced, float64(b.Unplaced), float64(a.Unplaced), true},
		{"over_formation", lblKPIOverFormation, float64(b.OverFormation), float64(a.OverFormation), true},
		{"remote_needed", lblKPIRemoteNeeded, float64(b.RemoteNeeded), float64(a.RemoteNeeded), true},
		{"remote_filled", lblKPIRemoteFilled, float64(b.RemoteFilled), float64(a.RemoteFilled), true},
		{"remote_share", lblKPIRemoteShare, b.RemoteShare, a.RemoteShare, false},
	}
}

// numCell is an int cell for whole indicators, else a float cell.
func numCell(x float64, integer bool) cell {
	if integer {
		return intCell(int(x))
	}
	return floatCell(x)
}

// round6 rounds a difference of figures exact at 10⁻⁶ back onto that grid.
func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }

// round4 rounds a difference of rounded figures, so that it prints
// without binary noise.
func round4(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 6, 64), 64)
	return v
}

// planReport is the row model of a plan.
func planReport(p *scenarios.Plan, l Lang) *report {
	r := &report{title: lblPlanTitle, headings: true, warnings: warningTexts(p.Warnings)}
	m := &p.Manifest
	r.sections = append(r.sections, section{
		key: "plan", record: true, textLeft: true,
		cols: []column{
			{key: "scenario", label: lblScenario},
			{key: "plan_date", label: lblPlanDate},
			{key: "objective", label: lblObjective, prec: 4},
			{key: "moves", label: lblKPIMoves},
			{key: "placements", label: lblKPIPlacements},
			{key: "stays", label: lblStays},
			{key: "over_formation", label: lblOverFormationShort},
			{key: "unplaced", label: lblKPIUnplaced},
			{key: "vacant_seats", label: lblVacantSeats},
			{key: "certified", label: lblCertified},
			{key: "gap", label: lblOptimalityGap, prec: 4},
		},
		rows: [][]cell{{textCell(p.Scenario), textCell(p.PlanDate), floatCell(p.Objective), intCell(p.KPIs.After.Moves),
			intCell(p.KPIs.After.Placements), intCell(len(p.Stays)), intCell(p.KPIs.After.OverFormation), intCell(len(p.Unplaced)), intCell(vacantSeats(p)), boolCell(m.Cert.Passed && m.Cert.Optimal),
			floatCell(m.Cert.Gap)}},
	})

	kpis := section{key: "kpis", title: lblKPIs,
		cols: []column{{key: "indicator", label: lblIndicator}, fitCol("before", lblBefore), fitCol("after", lblAfter), fitCol("change", lblChange)}}
	for _, k := range kpiRows(&p.KPIs) {
		kpis.rows = append(kpis.rows, []cell{textCell(l.text(k.label)), numCell(k.before, k.integer), numCell(k.after, k.integer),
			numCell(round4(k.after-k.before), k.integer)})
	}
	r.sections = append(r.sections, kpis, objectiveSection(&p.Breakdown, l))

	moves := section{key: "moves", title: lblMoves,
		cols: []column{
			{key: "employee", label: lblNIP}, {key: "name", label: lblName},
			{key: "from", label: lblFrom}, {key: "to", label: lblTo}, {key: "kind", label: lblKind},
			fitCol("fit_before", lblFitBefore), fitCol("fit_after", lblFitAfter),
			{key: "reasons", label: lblReasons},
		}, rows: [][]cell{}}
	for _, mv := range p.Moves {
		before := floatCell(mv.FitBefore)
		if mv.From == "" {
			before = nullCell()
		}
		moves.rows = append(moves.rows, []cell{textCell(string(mv.Employee)), textCell(mv.Name), textOrNull(mv.From), textCell(string(mv.To)),
			labelCell(string(mv.Kind), moveKindLabel(mv.Kind)), before, floatCell(mv.FitAfter), reasonsCell(mv.Why...)})
	}
	r.sections = append(r.sections, moves)

	units := section{key: "units", title: lblUnitStaffing,
		cols: []column{
			{key: "unit", label: lblUnit}, {key: "name", label: lblName}, {key: "area", label: lblArea},
			{key: "needed", label: lblNeeded}, {key: "before", label: lblBefore}, {key: "after", label: lblAfter},
			{key: "shortage_before", label: lblShortageBefore}, {key: "shortage_after", label: lblShortageAfter},
			{key: "surplus_before", label: lblSurplusBefore}, {key: "surplus_after", label: lblSurplusAfter},
		}}
	byKind := section{key: "units_by_kind", title: lblStaffingByKind,
		cols: []column{
			{key: "unit", label: lblUnit}, {key: "kind", label: lblKindOfPost},
			{key: "needed", label: lblNeeded}, {key: "before", label: lblBefore}, {key: "after", label: lblAfter},
			{key: "shortage_before", label: lblShortageBefore}, {key: "shortage_after", label: lblShortageAfter},
			{key: "surplus_before", label: lblSurplusBefore}, {key: "surplus_after", label: lblSurplusAfter},
		}}
	for _, u := range p.Units {
		units.rows = append(units.rows, []cell{textCell(string(u.Unit)), textCell(u.Name), enumCell(u.Area, areaLabel), intCell(u.Needed),
			intCell(u.Before.Holders), intCell(u.After.Holders), intCell(u.Before.Shortage), intCell(u.After.Shortage),
			intCell(u.Before.Surplus), intCell(u.After.Surplus)})
		for _, k := range u.ByKind {
			if k.Before.Shortage+k.Before.Surplus+k.After.Shortage+k.After.Surplus == 0 {
				continue // staffed to need before and after
			}
			byKind.rows = append(byKind.rows, []cell{textCell(string(u.Unit)), enumCell(k.Kind, kindOfPostLabel), intCell(k.Needed),
				intCell(k.Before.Holders), intCell(k.After.Holders), intCell(k.Before.Shortage), intCell(k.After.Shortage),
				intCell(k.Before.Surplus), intCell(k.After.Surplus)})
		}
	}
	r.sections = append(r.sections, units, byKind)

	vac := section{key: "vacancies", title: lblVacancies,
		cols: []column{{key: "position", label: lblPosition}, {key: "name", label: lblName}, {key: "unit", label: lblUnit},
			{key: "needed", label: lblNeeded}, {key: "vacant", label: lblVacantSeats}, {key: "criticality", label: lblCriticality, prec: 2},
			{key: "eligible", label: lblEligibleCount}}}
	for _, v := range p.Vacancies {
		vac.rows = append(vac.rows, []cell{textCell(string(v.Position)), textCell(v.Name), textCell(string(v.Unit)), intCell(v.Needed),
			intCell(v.Seats), floatCell(v.Criticality), intCell(v.Eligible)})
	}
	r.sections = append(r.sections, vac)

	un := section{key: "unplaced", title: lblUnplacedTitle,
		cols: []column{{key: "employee", label: lblNIP}, {key: "name", label: lblName}, {key: "position", label: lblCurrentPost},
			{key: "eligible", label: lblEligiblePosts}, {key: "reason", label: lblReason}}}
	for _, u := range p.Unplaced {
		un.rows = append(un.rows, []cell{textCell(string(u.Employee)), textCell(u.Name), textOrNull(u.Position), intCell(u.Eligible), reasonsCell(u.Why)})
	}
	hd := section{key: "held", title: lblHeld, cols: []column{{key: "employee", label: lblNIP}, {key: "name", label: lblName},
		{key: "position", label: lblPosition}, {key: "rule", label: lblRule}, {key: "reason", label: lblReason}}, rows: [][]cell{}}
	for _, h := range p.Held {
		hd.rows = append(hd.rows, []cell{textCell(string(h.Employee)), textCell(h.Name), textOrNull(h.Position), textCell(string(h.Rule)), textCell(h.Reason)})
	}
	r.sections = append(r.sections, un, hd, limitsSection(p.Limits), surplusSection("redistribution", lblRedistribution, p.Redistribution),
		surplusSection("retraining", lblRetraining, p.Retraining), selectionSection(p.Selection))

	ch := section{key: "chains", title: lblChains,
		cols: []column{{key: "length", label: lblLength}, {key: "cycle", label: lblCycle}, {key: "opens", label: lblOpens},
			{key: "steps", label: lblSteps}, {key: "fills", label: lblFills}}}
	for _, c := range p.Chains {
		ch.rows = append(ch.rows, []cell{intCell(c.Length), boolCell(c.Cycle), textOrNull(c.Opens), textCell(chainSteps(c)), textOrNull(c.Fills)})
	}
	r.sections = append(r.sections, ch)

	tr := section{key: "training", title: lblTraining,
		cols: []column{{key: "employee", label: lblNIP}, {key: "position", label: lblPosition}, {key: "assessed", label: lblAssessed},
			{key: "gaps", label: lblGaps}}}
	for _, t := range p.Training {
		if t.Assessed && len(t.Gaps) == 0 {
			continue // meets the standard
		}
		en := gapText(t, LangEN)
		tr.rows = append(tr.rows, []cell{textCell(string(t.Employee)), textCell(string(t.Position)), boolCell(t.Assessed),
			transCell(en, en, gapText(t, LangID))})
	}
	r.sections = append(r.sections, tr)

	ws := section{key: "warnings", title: lblWarnings, cols: []column{{key: "warning", label: lblWarning}}}
	for _, w := range p.Warnings {
		en, id := warningText(w, LangEN), warningText(w, LangID)
		ws.rows = append(ws.rows, []cell{transCell(en, en, id)})
	}
	r.sections = append(r.sections, ws)
	r.sections = append(r.sections, manifestSections(m)...)
	return r
}

// vacantSeats counts the seats a plan leaves unfilled.
func vacantSeats(p *scenarios.Plan) int {
	n := 0
	for _, v := range p.Vacancies {
		n += v.Seats
	}
	return n
}

// chainSteps writes a chain as "NIP → seat" steps.
func chainSteps(c scenarios.Chain) string {
	parts := make([]string, len(c.Employees))
	for k := range c.Employees {
		parts[k] = fmt.Sprintf("%s → %s", c.Employees[k], c.Seats[k])
	}
	return strings.Join(parts, "; ")
}

// gapText lists a training need's gaps, or says that an assessment comes
// first.
func gapText(t scenarios.TrainingNeed, l Lang) string {
	if !t.Assessed {
		return l.text(lblAssessFirst)
	}
	parts := make([]string, len(t.Gaps))
	for k, g := range t.Gaps {
		parts[k] = fmt.Sprintf("%s %d→%d", competencyLabel(g.Competency, l), g.Have, g.Need)
	}
	return strings.Join(parts, ", ")
}

// competencyLabel names a gap's competency in language l: a
// non-technical competency by its name in PermenPANRB 38/2017, a technical
// one ("technical:NAME") by its free-text name.
func competencyLabel(name string, l Lang) string {
	if l != LangID {
		return name
	}
	if tech, ok := strings.CutPrefix(name, "technical:"); ok {
		return "teknis " + tech
	}
	if c, err := scoring.ParseCompetency(name); err == nil {
		return c.Label("id")
	}
	return name
}

// warningText returns a warning in language l: a scenario warning's own
// translation, any other error's English text.
func warningText(w error, l Lang) string {
	var sw *scenarios.Warning
	if errors.As(w, &sw) {
		return sw.Text(l.String())
	}
	return w.Error()
}

// warningTextsIn returns the warnings in language l (html report).
func warningTextsIn(ws []error, l Lang) []string {
	out := make([]string, len(ws))
	for k, w := range ws {
		out[k] = warningText(w, l)
	}
	return out
}

// warningTexts returns the warnings in English (stderr, JSON).
func warningTexts(ws []error) []string { return warningTextsIn(ws, LangEN) }

// manifestSections are the manifest as a record and its input files.
// enumCell is a cell holding an enum's text form (CSV and JSON) that
// people read as label(text, lang) (table, markdown, html).
func enumCell(text string, label func(string, string) string) cell {
	return transCell(text, label(text, "en"), label(text, "id"))
}

// areaLabel names an area class (a text form such as very_remote) in
// language lang.
func areaLabel(text, lang string) string {
	if a, err := scoring.ParseAreaClass(text); err == nil {
		return a.Label(lang)
	}
	return text
}

// kindOfPostLabel names what a staffing line groups by, a profession or
// else a kind of post (text forms), in language lang.
func kindOfPostLabel(text, lang string) string {
	if p, err := scoring.ParseProfession(text); err == nil {
		return p.Label(lang)
	}
	if k, err := scoring.ParsePositionKind(text); err == nil {
		return k.Label(lang)
	}
	return text
}

// manifestSections is the manifest and its input files. The manifest's
// values are English in CSV and JSON, and worded in the report's language
// in the table, markdown and html.
func manifestSections(m *scenarios.Manifest) []section {
	w := m.Weights
	r := m.Rules
	// comma writes a number as Indonesian does.
	comma := func(s string) string { return strings.Replace(s, ".", ",", 1) }
	yn := func(b bool) string {
		if b {
			return "ya"
		}
		return "tidak"
	}
	weightsEN := fmt.Sprintf("education %s, competence %s, tenure %s, performance %s, preference %s",
		fmtF(w.Education), fmtF(w.Competence), fmtF(w.Tenure), fmtF(w.Performance), fmtF(w.Preference))
	weightsID := fmt.Sprintf("%s %s, %s %s, %s %s, %s %s, %s %s",
		scoring.CritEducation.Label("id"), comma(fmtF(w.Education)), scoring.CritCompetence.Label("id"), comma(fmtF(w.Competence)),
		scoring.CritTenure.Label("id"), comma(fmtF(w.Tenure)), scoring.CritPerformance.Label("id"), comma(fmtF(w.Performance)),
		scoring.CritPreference.Label("id"), comma(fmtF(w.Preference)))
	rulesEN := fmt.Sprintf("tenure %d–%d years, retirement horizon %d months, rotation %s, continuity bonus %s, unfilled penalty %s, competence %s, freeze window %s",
		r.TenureMinYears, r.TenureMaxYears, r.RetirementHorizonMonths, r.Rotation, fmtF(r.ContinuityBonus),
		fmtF(r.UnfilledPenalty), r.CompetenceMethod, orNone(r.FreezeWindow))
	rulesID := fmt.Sprintf("masa jabatan %d–%d tahun, sisa masa kerja sebelum BUP minimal %d bulan, rotasi %s, bonus kesinambungan %s, penalti formasi kosong %s, metode kompetensi %s, masa larangan %s",
		r.TenureMinYears, r.TenureMaxYears, r.RetirementHorizonMonths, r.Rotation, comma(fmtF(r.ContinuityBonus)),
		comma(fmtF(r.UnfilledPenalty)), r.CompetenceMethod, orNone(r.FreezeWindow))
	solverEN := fmt.Sprintf("%s, %d×%d, %d seats, %d allowed pairs, cost scale %s, max nodes %d", m.Solver.Algorithm, m.Solver.Rows,
		m.Solver.Cols, m.Solver.Seats, m.Solver.Pairs, fmtF(m.Solver.CostScale), m.Solver.MaxNodes)
	solverID := fmt.Sprintf("%s, %d×%d, %d formasi, %d pasangan yang diizinkan, skala biaya %s, batas simpul %d", m.Solver.Algorithm, m.Solver.Rows,
		m.Solver.Cols, m.Solver.Seats, m.Solver.Pairs, fmtF(m.Solver.CostScale), m.Solver.MaxNodes)
	certEN := fmt.Sprintf("checked %t, passed %t, method %s, optimal %t, objective %.4f, bound %.4f, gap %.4f", m.Cert.Checked, m.Cert.Passed,
		m.Cert.Method, m.Cert.Optimal, m.Cert.Objective, m.Cert.Bound, m.Cert.Gap)
	certID := fmt.Sprintf("diperiksa %s, lolos %s, metode %s, optimal %s, nilai tujuan %s, batas %s, selisih %s", yn(m.Cert.Checked), yn(m.Cert.Passed),
		m.Cert.Method, yn(m.Cert.Optimal), comma(fmt.Sprintf("%.4f", m.Cert.Objective)), comma(fmt.Sprintf("%.4f", m.Cert.Bound)),
		comma(fmt.Sprintf("%.4f", m.Cert.Gap)))
	rec := section{key: "manifest", title: lblManifest, record: true, textLeft: true,
		cols: []column{
			{key: "version", label: lblVersion},
			{key: "plan_hash", label: lblPlanHash},
			{key: "weights", label: lblWeights},
			{key: "rules", label: lblRulesTitle},
			{key: "enforced", label: lblEnforced},
			{key: "not_enforced", label: lblNotEnforced},
			{key: "solver", label: lblSolver},
			{key: "certificate", label: lblCertificate},
		},
		rows: [][]cell{{
			textCell(m.Version), textCell(m.PlanHash),
			transCell(weightsEN, weightsEN, weightsID),
			transCell(rulesEN, rulesEN, rulesID),
			textCell(orNone(strings.Join(r.Enforced, ", "))),
			textCell(orNone(strings.Join(r.NotEnforced, ", "))),
			transCell(solverEN, solverEN, solverID),
			transCell(certEN, certEN, certID),
		}},
	}
	in := section{key: "inputs", title: lblInputs, cols: []column{{key: "path", label: lblFile}, {key: "sha256", label: lblSHA256}}}
	for _, f := range m.Inputs {
		in.rows = append(in.rows, []cell{textCell(f.Path), textCell(f.SHA256)})
	}
	return []section{rec, in}
}

func fmtF(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

func orNone(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// infeasibleJSON is the JSON report of an infeasible scenario.
type infeasibleJSON struct {
	Infeasible *scenarios.InfeasibleError `json:"infeasible"`
	Message    string                     `json:"message"`
	Warnings   []string                   `json:"warnings"`
}

// infeasibleReport is the row model of an infeasible scenario: the rule,
// the unit and posts, the counts and the rules that keep people out.
func infeasibleReport(ie *scenarios.InfeasibleError, l Lang) *report {
	ids := make([]string, len(ie.Positions))
	for k, p := range ie.Positions {
		ids[k] = string(p)
	}
	emps := make([]string, len(ie.Employees))
	for k, p := range ie.Employees {
		emps[k] = string(p)
	}
	rec := section{key: "infeasible", record: true, textLeft: true,
		cols: []column{
			{key: "rule", label: lblRule},
			{key: "message", label: lblMessage},
			{key: "unit", label: lblUnit},
			{key: "unit_name", label: lblName},
			{key: "positions", label: lblPositions},
			{key: "employees", label: lblEmployees},
			{key: "need", label: lblNeed},
			{key: "have", label: lblHave},
			{key: "reason", label: lblReason},
		},
		rows: [][]cell{{textCell(string(ie.Rule)), transCell(ie.Error(), ie.Error(), ie.Text("id")), textOrNull(ie.Unit), textOrNull(ie.UnitName),
			textOrNull(strings.Join(ids, ", ")), textOrNull(strings.Join(emps, ", ")), intCell(ie.Need), intCell(ie.Have), textOrNull(ie.Reason)}},
	}
	r := &report{title: lblInfeasibleTitle, headings: true, sections: []section{rec}}
	if len(ie.Conflict) > 0 {
		cs := section{key: "conflict", title: lblConflicting,
			cols: []column{{key: "rule", label: lblRule}, {key: "constraint", label: lblConstraint}, {key: "unit", label: lblUnit}}}
		for _, c := range ie.Conflict {
			cs.rows = append(cs.rows, []cell{textCell(string(c.Rule)), transCell(c.Constraint, c.Why.Text("en"), c.Why.Text("id")),
				textOrNull(c.Unit)})
		}
		r.sections = append(r.sections, cs)
	}
	if len(ie.Excluded) > 0 {
		ex := section{key: "excluded", title: lblExcludedBy,
			cols: []column{{key: "rule", label: lblRule}, {key: "reason", label: lblReason}, {key: "count", label: lblCount}}}
		for _, c := range ie.Excluded {
			ex.rows = append(ex.rows, []cell{textCell(string(c.Rule)), textCell(ruleReason(c.Rule, l)), intCell(c.Count)})
		}
		r.sections = append(r.sections, ex)
	}
	return r
}

// ruleReason is a rule's reason in language l, or its id for rules
// outside the catalogue.
func ruleReason(r scoring.RuleID, l Lang) string {
	return r.Reason(l.String())
}

// objectiveSection breaks the objective into its terms, before and after.
func objectiveSection(b *scenarios.Breakdown, l Lang) section {
	sec := section{key: "objective", title: lblObjectiveTitle,
		// Six decimals: the terms are exact multiples of 10⁻⁶ (integer costs),
		// so the printed terms add up exactly to the printed total.
		cols: []column{{key: "term", label: lblTerm}, {key: "before", label: lblBefore, prec: 6},
			{key: "after", label: lblAfter, prec: 6}, {key: "change", label: lblChange, prec: 6}}}
	x, y := &b.Before, &b.After
	for _, t := range []struct {
		key    string
		lb     label
		bf, af float64
	}{
		{"fit_stayers", lblTermFitStayers, x.FitStayers, y.FitStayers},
		{"fit_movers", lblTermFitMovers, x.FitMovers, y.FitMovers},
		{"continuity", lblTermContinuity, x.Continuity, y.Continuity},
		{"seats", lblTermSeats, x.Seats, y.Seats},
		{"over_formation", lblTermOverFormation, x.OverFormation, y.OverFormation},
		{"rotation_due", lblTermRotationDue, x.RotationDue, y.RotationDue},
		{"rotation_held", lblTermRotationHeld, x.RotationHeld, y.RotationHeld},
		{"total", lblTermTotal, x.Total, y.Total},
	} {
		sec.rows = append(sec.rows, []cell{labelCell(t.key, t.lb), floatCell(t.bf), floatCell(t.af), floatCell(round6(t.af - t.bf))})
	}
	return sec
}

// surplusSection lists holders over formation with their best shortage
// posts.
func surplusSection(key string, title label, ss []scenarios.Surplus) section {
	sec := section{key: key, title: title,
		cols: []column{{key: "employee", label: lblNIP}, {key: "name", label: lblName}, {key: "position", label: lblCurrentPost},
			{key: "kind", label: lblKindOfPost}, {key: "options", label: lblOptions}}, rows: [][]cell{}}
	for _, sp := range ss {
		sec.rows = append(sec.rows, []cell{textCell(string(sp.Employee)), textCell(sp.Name), textCell(string(sp.Position)),
			enumCell(sp.Kind, kindOfPostLabel), transCell(optionsText(sp.Options, LangEN), optionsText(sp.Options, LangEN), optionsText(sp.Options, LangID))})
	}
	return sec
}

// optionsText writes shortage posts as "POST 0.6500 (rule, rule)".
func optionsText(os []scenarios.SurplusOption, l Lang) string {
	parts := make([]string, len(os))
	for k, o := range os {
		why := l.text(lblAllowedByRules)
		if len(o.Blocked) > 0 {
			ids := make([]string, len(o.Blocked))
			for x, r := range o.Blocked {
				ids[x] = string(r)
			}
			why = strings.Join(ids, ", ")
		}
		parts[k] = fmt.Sprintf("%s %s (%s)", o.Position, l.decimal(o.Fit, 4), why)
	}
	return strings.Join(parts, "; ")
}

// selectionSection lists the open-selection posts and their shortlists.
func selectionSection(ps []scenarios.SelectionPost) section {
	sec := section{key: "selection", title: lblSelection,
		cols: []column{{key: "position", label: lblPosition}, {key: "name", label: lblName}, {key: "unit", label: lblUnit},
			{key: "seats", label: lblSeats}, {key: "shortlist", label: lblShortlist}}, rows: [][]cell{}}
	for _, p := range ps {
		en, id := shortlistText(p.Shortlist, LangEN), shortlistText(p.Shortlist, LangID)
		sec.rows = append(sec.rows, []cell{textCell(string(p.Position)), textCell(p.Name), textCell(string(p.Unit)), intCell(p.Seats),
			transCell(en, en, id)})
	}
	return sec
}

func shortlistText(cs []scenarios.Candidate, l Lang) string {
	parts := make([]string, len(cs))
	for k, c := range cs {
		parts[k] = fmt.Sprintf("%s %s %s", c.Employee, l.decimal(c.Fit, 4), c.Position)
	}
	return strings.Join(parts, "; ")
}

// limitsSection lists the plan-level constraints with their figures and
// whether each binds.
func limitsSection(ls []scenarios.LimitStatus) section {
	sec := section{key: "limits", title: lblLimits,
		cols: []column{{key: "rule", label: lblRule}, {key: "constraint", label: lblConstraint},
			{key: "figures", label: lblFigures}, {key: "binds", label: lblBinds}}, rows: [][]cell{}}
	for _, l := range ls {
		sec.rows = append(sec.rows, []cell{textCell(string(l.Rule)), reasonsCell(l.Why), transCell(l.Figures, l.Figures, l.FiguresID),
			boolCell(l.Binds)})
	}
	return sec
}
