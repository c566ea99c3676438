package main

import (
	"cmp"
	"fmt"
	"html/template"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/mutasi-asn/mutasi/scenarios"
	"github.com/mutasi-asn/mutasi/scoring"
)

// The HTML report of a plan: one self-contained page (inline CSS and SVG,
// no external assets, a two-line script that opens every explanation
// before printing). Every figure is computed here, in Go, from the plan
// and its instance, so the page is byte-identical for the same inputs.

// htmlReport is what the report template draws.
type htmlReport struct {
	Lang     string
	Title    string
	L        map[string]string // translated labels by short name
	Summary  [][2]string       // label, value
	KPIs     []htmlKPI
	Staffing htmlChart
	Fits     htmlChart
	Units    htmlSection
	Chains   []htmlChain
	Moves    []htmlMove
	// Objective holds the objective's terms before and after.
	Objective htmlSection
	// Tail are the tables after the moves, in order: vacancies, people
	// without a post, people held by the scenario, plan-level constraints, the redistribution and
	// retraining lists, the open-selection shortlists, training needs.
	Tail     []htmlTable
	Warnings []string
	Manifest [][2]string
	Inputs   [][2]string
}

type htmlKPI struct {
	Name, Before, After, Change string
	Trend                       string // "up", "down" or ""
}

// htmlTable is a table section with its element id.
type htmlTable struct {
	ID string
	htmlSection
}

// htmlChart is an inline SVG chart: its size, bars, lines and texts.
type htmlChart struct {
	ID            string
	Width, Height int
	Label         string    // aria-label
	Grid          []svgLine // drawn below the bars
	Bars          []svgRect
	Lines         []svgLine // drawn above the bars
	Texts         []svgText
	Legend        []svgLegend
}

type svgRect struct {
	X, Y, W, H string
	Class      string
	Title      string
}

type svgLine struct {
	X1, Y1, X2, Y2 string
	Class          string
}

type svgText struct {
	X, Y   string
	Anchor string
	Class  string
	Text   string
}

type svgLegend struct {
	Class, Text string
}

type htmlChain struct {
	Length int
	Cycle  bool
	Opens  string
	Steps  []string
	Fills  string
}

type htmlMove struct {
	NIP, Name, From, To, Kind string
	FitBefore, FitAfter       string
	Gain                      string
	Reasons                   []string
	Components                [][4]string // criterion, before, after, change
}

// renderPlanHTML writes plan p of instance in (nil: no breakdowns or fit
// chart) as one self-contained HTML page in language l.
func renderPlanHTML(w io.Writer, l Lang, in *scenarios.Instance, p *scenarios.Plan) error {
	t, err := template.New("plan").Parse(planHTMLTemplate)
	if err != nil {
		return err
	}
	return t.Execute(w, buildHTMLReport(l, in, p))
}

// htmlLabels are the labels the template uses, by short name.
var htmlLabels = map[string]label{
	"kpis": lblKPIs, "indicator": lblIndicator, "before": lblBefore, "after": lblAfter, "change": lblChange,
	"staffingChart": lblStaffingChart, "fitChart": lblFitDistribution, "units": lblUnitStaffing,
	"chains": lblChains, "moves": lblMoves, "nip": lblNIP, "name": lblName, "from": lblFrom, "to": lblTo,
	"kind": lblKind, "fitBefore": lblFitBefore, "fitAfter": lblFitAfter, "reasons": lblReasons,
	"details": lblDetails, "criterion": lblCriterion, "vacancies": lblVacancies, "unplaced": lblUnplacedTitle,
	"training": lblTraining, "warnings": lblWarnings, "manifest": lblManifest, "inputs": lblInputs,
	"file": lblFile, "sha": lblSHA256, "cycle": lblCycle, "opens": lblOpens, "fills": lblFills,
	"length": lblLength, "none": lblMissing, "empty": lblNoRows,
}

func buildHTMLReport(l Lang, in *scenarios.Instance, p *scenarios.Plan) *htmlReport {
	r := &htmlReport{Lang: l.String(), Title: fmt.Sprintf("%s: %s (%s)", l.text(lblPlanTitle), p.Scenario, p.PlanDate),
		L: map[string]string{}, Warnings: warningTextsIn(p.Warnings, l)}
	for k, lb := range htmlLabels {
		r.L[k] = l.text(lb)
	}
	pr := planReport(p, l)
	r.Summary = recordPairs(pr.section("plan"), l)
	for _, k := range kpiRows(&p.KPIs) {
		prec := 4
		if k.integer {
			prec = 0
		}
		d := round4(k.after - k.before)
		kp := htmlKPI{Name: l.text(k.label), Before: fmtPrec(k.before, prec), After: fmtPrec(k.after, prec), Change: fmtSigned(d, prec)}
		switch {
		case d > 0:
			kp.Trend = "up"
		case d < 0:
			kp.Trend = "down"
		}
		r.KPIs = append(r.KPIs, kp)
	}
	r.Staffing = staffingChart(p, l)
	r.Fits = fitChart(in, p, l)
	r.Units = sectionHTML(pr.section("units"), l)
	for _, c := range p.Chains {
		hc := htmlChain{Length: c.Length, Cycle: c.Cycle, Opens: string(c.Opens), Fills: string(c.Fills)}
		for k := range c.Employees {
			hc.Steps = append(hc.Steps, fmt.Sprintf("%s → %s", c.Employees[k], c.Seats[k]))
		}
		r.Chains = append(r.Chains, hc)
	}
	for _, m := range p.Moves {
		hm := htmlMove{NIP: string(m.Employee), Name: m.Name, From: orNone(string(m.From)), To: string(m.To),
			Kind: l.text(moveKindLabel(m.Kind)), FitAfter: fmtPrec(m.FitAfter, 4), Reasons: scenarios.Texts(m.Why, l.String())}
		hm.FitBefore = l.text(lblMissing)
		if m.From != "" {
			hm.FitBefore = fmtPrec(m.FitBefore, 4)
			hm.Gain = fmtSigned(round4(m.FitAfter-m.FitBefore), 4)
		}
		hm.Components = moveComponents(in, m, l)
		r.Moves = append(r.Moves, hm)
	}
	r.Objective = sectionHTML(pr.section("objective"), l)
	for _, key := range []string{"vacancies", "unplaced", "held", "limits", "redistribution", "retraining", "selection", "training"} {
		r.Tail = append(r.Tail, htmlTable{ID: key, htmlSection: sectionHTML(pr.section(key), l)})
	}
	ms := manifestSections(&p.Manifest)
	r.Manifest = recordPairs(&ms[0], l)
	for _, f := range p.Manifest.Inputs {
		r.Inputs = append(r.Inputs, [2]string{f.Path, f.SHA256})
	}
	return r
}

// recordPairs turns a record section into label/value pairs.
func recordPairs(s *section, l Lang) [][2]string {
	g := s.grid(l)
	out := make([][2]string, len(g.rows))
	for k, row := range g.rows {
		out[k] = [2]string{row[0], row[1]}
	}
	return out
}

// sectionHTML lays out a table section for the template.
func sectionHTML(s *section, l Lang) htmlSection {
	g := s.grid(l)
	hs := htmlSection{Title: l.text(s.title), Head: g.head, Empty: l.text(lblNoRows)}
	for ri, row := range g.rows {
		cells := make([]htmlCell, len(row))
		for k, v := range row {
			cells[k] = htmlCell{Text: v, Num: g.cellNum[ri][k]}
		}
		hs.Rows = append(hs.Rows, cells)
	}
	return hs
}

func fmtPrec(x float64, prec int) string {
	if prec == 0 {
		return fmt.Sprintf("%d", int(math.Round(x)))
	}
	return fmt.Sprintf("%.*f", prec, x)
}

func fmtSigned(x float64, prec int) string {
	if prec == 0 {
		if n := int(math.Round(x)); n != 0 {
			return fmt.Sprintf("%+d", n)
		}
		return "0"
	}
	s := fmt.Sprintf("%+.*f", prec, x)
	if strings.Trim(s, "+-0.") == "" {
		return fmt.Sprintf("%.*f", prec, 0.0) // no sign on a zero change
	}
	return s
}

// px formats a coordinate.
func px(x float64) string { return fmt.Sprintf("%.1f", x) }

// staffingChart draws one row per unit: the holders before and after as
// two bars, the needed headcount as a tick across them.
func staffingChart(p *scenarios.Plan, l Lang) htmlChart {
	const (
		labelW = 300.0 // unit names
		barW   = 420.0 // the longest bar
		rowH   = 30.0
		top    = 10.0
	)
	c := htmlChart{ID: "staffing-chart", Label: l.text(lblStaffingChart),
		Legend: []svgLegend{{"before", l.text(lblBefore)}, {"after", l.text(lblAfter)}, {"need", l.text(lblNeeded)}}}
	peak := 1
	for _, u := range p.Units {
		peak = max(peak, u.Needed, u.Before.Holders, u.After.Holders)
	}
	scale := barW / float64(peak)
	for k, u := range p.Units {
		y := top + float64(k)*rowH
		name := u.Name
		if len([]rune(name)) > 42 {
			name = string([]rune(name)[:41]) + "…"
		}
		c.Texts = append(c.Texts, svgText{X: px(labelW - 6), Y: px(y + 17), Anchor: "end", Class: "label", Text: name})
		c.Bars = append(c.Bars,
			svgRect{X: px(labelW), Y: px(y + 3), W: px(float64(u.Before.Holders) * scale), H: "11", Class: "before",
				Title: fmt.Sprintf("%s: %s %d, %s %d", u.Name, l.text(lblBefore), u.Before.Holders, l.text(lblNeeded), u.Needed)},
			svgRect{X: px(labelW), Y: px(y + 14), W: px(float64(u.After.Holders) * scale), H: "11", Class: "after",
				Title: fmt.Sprintf("%s: %s %d, %s %d", u.Name, l.text(lblAfter), u.After.Holders, l.text(lblNeeded), u.Needed)})
		x := labelW + float64(u.Needed)*scale
		c.Lines = append(c.Lines, svgLine{X1: px(x), Y1: px(y + 1), X2: px(x), Y2: px(y + 27), Class: "need"})
		c.Texts = append(c.Texts, svgText{X: px(labelW + barW + 8), Y: px(y + 17), Anchor: "start", Class: "value",
			Text: fmt.Sprintf("%d → %d / %d", u.Before.Holders, u.After.Holders, u.Needed)})
	}
	c.Width = int(labelW + barW + 110)
	c.Height = int(top + float64(len(p.Units))*rowH + 10)
	return c
}

// fitBins is the number of bins of the fit histogram, over [0, 1].
const fitBins = 10

// staffFits returns the fit of every employee in a post before the plan
// and of every employee in a seat after it.
func staffFits(in *scenarios.Instance, p *scenarios.Plan) (before, after []float64) {
	for _, s := range p.Stays {
		before = append(before, s.Fit)
		after = append(after, s.Fit)
	}
	for _, m := range p.Moves {
		if m.From != "" {
			before = append(before, m.FitBefore)
		}
		after = append(after, m.FitAfter)
	}
	if in == nil {
		return before, after
	}
	col := make(map[scoring.PositionID]int, len(in.Scorer.Positions))
	for j := range in.Scorer.Positions {
		col[in.Scorer.Positions[j].ID] = j
	}
	for _, u := range p.Unplaced {
		if u.Position == "" {
			continue
		}
		i, ok := slices.BinarySearchFunc(in.Employees, u.Employee, func(e scoring.Employee, id scoring.EmployeeID) int { return cmp.Compare(e.ID, id) })
		if j, okj := col[u.Position]; ok && okj {
			before = append(before, in.Table.Explain(i, j).Total)
		}
	}
	return before, after
}

// fitChart draws the fit distribution before and after as paired bars per
// bin of width 0.1, as shares of the staff counted.
func fitChart(in *scenarios.Instance, p *scenarios.Plan, l Lang) htmlChart {
	const (
		left   = 50.0
		binW   = 64.0
		plotH  = 200.0
		top    = 12.0
		bottom = 40.0
	)
	c := htmlChart{ID: "fit-chart", Label: l.text(lblFitDistribution),
		Legend: []svgLegend{{"before", l.text(lblBefore)}, {"after", l.text(lblAfter)}}}
	before, after := staffFits(in, p)
	hist := func(fs []float64) []float64 {
		h := make([]float64, fitBins)
		for _, f := range fs {
			b := min(fitBins-1, max(0, int(math.Floor(f*fitBins+1e-9))))
			h[b]++
		}
		for k := range h {
			if len(fs) > 0 {
				h[k] /= float64(len(fs))
			}
		}
		return h
	}
	hb, ha := hist(before), hist(after)
	peak := 0.05
	for k := range hb {
		peak = max(peak, hb[k], ha[k])
	}
	peak = math.Ceil(peak*10) / 10
	base := top + plotH
	for t := 0.0; t <= peak+1e-9; t += peak / 4 {
		y := base - t/peak*plotH
		c.Grid = append(c.Grid, svgLine{X1: px(left), Y1: px(y), X2: px(left + binW*fitBins), Y2: px(y), Class: "grid"})
		c.Texts = append(c.Texts, svgText{X: px(left - 6), Y: px(y + 4), Anchor: "end", Class: "axis", Text: fmt.Sprintf("%.0f%%", t*100)})
	}
	for k := range fitBins {
		x := left + float64(k)*binW
		lo, hi := float64(k)/fitBins, float64(k+1)/fitBins
		for n, v := range []float64{hb[k], ha[k]} {
			cls, what, count := "before", lblBefore, len(before)
			if n == 1 {
				cls, what, count = "after", lblAfter, len(after)
			}
			h := v / peak * plotH
			c.Bars = append(c.Bars, svgRect{X: px(x + 6 + float64(n)*26), Y: px(base - h), W: "26", H: px(h), Class: cls,
				Title: fmt.Sprintf("%s–%s: %s %s%% (%d)", l.decimal(lo, 1), l.decimal(hi, 1), l.text(what), l.decimal(v*100, 1),
					int(math.Round(v*float64(count))))})
		}
		c.Texts = append(c.Texts, svgText{X: px(x + binW/2), Y: px(base + 16), Anchor: "middle", Class: "axis", Text: l.decimal(lo, 1)})
	}
	c.Texts = append(c.Texts, svgText{X: px(left + binW*fitBins/2), Y: px(base + 34), Anchor: "middle", Class: "axis",
		Text: fmt.Sprintf("%s (%s: %d %s, %s: %d)", l.text(lblFit), l.text(lblBefore), len(before), l.text(lblStaff), l.text(lblAfter), len(after))})
	c.Width = int(left + binW*fitBins + 20)
	c.Height = int(base + bottom)
	return c
}

// moveComponents is the score breakdown of a move, before and after.
func moveComponents(in *scenarios.Instance, m scenarios.Move, l Lang) [][4]string {
	if in == nil {
		return nil
	}
	i, ok := slices.BinarySearchFunc(in.Employees, m.Employee, func(e scoring.Employee, id scoring.EmployeeID) int { return cmp.Compare(e.ID, id) })
	if !ok {
		return nil
	}
	colOf := func(id scoring.PositionID) int {
		return slices.IndexFunc(in.Scorer.Positions, func(p scoring.Position) bool { return p.ID == id })
	}
	to := colOf(m.To)
	if to < 0 {
		return nil
	}
	after := in.Table.Explain(i, to)
	var before *scoring.Score
	if m.From != "" {
		if from := colOf(m.From); from >= 0 {
			sc := in.Table.Explain(i, from)
			before = &sc
		}
	}
	out := make([][4]string, 0, len(after.Components)+1)
	for k, c := range after.Components {
		row := [4]string{c.Criterion.Label(l.String()), l.text(lblMissing), fmtPrec(c.Value, 4), l.text(lblMissing)}
		if before != nil {
			b := before.Components[k].Value
			row[1], row[3] = fmtPrec(b, 4), fmtSigned(round4(c.Value-b), 4)
		}
		out = append(out, row)
	}
	return out
}

// planHTMLTemplate is the report page. The only script opens every
// <details> before printing, so that the explanations are on paper too.
const planHTMLTemplate = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
:root{--before:#9aa9b8;--after:#1f6f8b;--need:#c0392b;--ink:#1b1b1b;--muted:#5f6b76}
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:var(--ink);line-height:1.4}
h1{font-size:1.5rem;margin-bottom:.25rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
th,td{border:1px solid #c8c8c8;padding:.2rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.summary td:first-child{color:var(--muted)}
svg{max-width:100%;height:auto;font-size:11px}
svg .before{fill:var(--before)}svg .after{fill:var(--after)}
svg .need{stroke:var(--need);stroke-width:2}svg .grid{stroke:#e3e3e3}
svg .label,svg .value,svg .axis{fill:var(--ink)}
.legend span{display:inline-block;margin-right:1rem;font-size:.85rem}
.legend i{display:inline-block;width:.9rem;height:.9rem;margin-right:.3rem;vertical-align:-2px}
.legend .before{background:var(--before)}.legend .after{background:var(--after)}.legend .need{background:var(--need);width:.25rem}
details summary{cursor:pointer;color:var(--muted)}
details ul{margin:.3rem 0;padding-left:1.2rem}
.chains li{margin:.15rem 0}
.warnings li{color:#8a4b00}
footer{margin-top:3rem;border-top:1px solid #ccc;padding-top:.5rem;font-size:.8rem;color:var(--muted)}
footer table{font-size:.8rem}
code{font-size:.85em}
@media print{body{margin:0;max-width:none}th{background:none}h2{break-after:avoid}tr,svg{break-inside:avoid}details summary{display:none}}
</style>
</head>
<body>
<header>
<h1>{{.Title}}</h1>
<table class="summary">
{{- range .Summary}}
<tr><td>{{index . 0}}</td><td class="num">{{index . 1}}</td></tr>
{{- end}}
</table>
</header>
<section id="kpis">
<h2>{{.L.kpis}}</h2>
<table>
<thead><tr><th>{{.L.indicator}}</th><th>{{.L.before}}</th><th>{{.L.after}}</th><th>{{.L.change}}</th></tr></thead>
<tbody>
{{- range .KPIs}}
<tr><td>{{.Name}}</td><td class="num">{{.Before}}</td><td class="num">{{.After}}</td><td class="num{{if .Trend}} {{.Trend}}{{end}}">{{.Change}}</td></tr>
{{- end}}
</tbody>
</table>
</section>
<section id="objective">
<h2>{{.Objective.Title}}</h2>
{{template "table" .Objective}}
</section>
{{- with .Staffing}}
<section id="staffing">
<h2>{{$.L.staffingChart}}</h2>
{{template "chart" .}}
</section>
{{- end}}
{{- with .Fits}}
<section id="fits">
<h2>{{$.L.fitChart}}</h2>
{{template "chart" .}}
</section>
{{- end}}
<section id="units">
<h2>{{.Units.Title}}</h2>
{{template "table" .Units}}
</section>
<section id="chains">
<h2>{{.L.chains}}</h2>
{{- if not .Chains}}
<p class="empty">{{.L.empty}}</p>
{{- end}}
<ol class="chains">
{{- range .Chains}}
<li>{{if .Cycle}}↻ {{end}}{{if .Opens}}{{$.L.opens}} <code>{{.Opens}}</code>: {{end}}{{range $k, $s := .Steps}}{{if $k}} · {{end}}{{$s}}{{end}}{{if .Fills}} ({{$.L.fills}} <code>{{.Fills}}</code>){{end}}</li>
{{- end}}
</ol>
</section>
<section id="moves">
<h2>{{.L.moves}}</h2>
{{- if not .Moves}}
<p class="empty">{{.L.empty}}</p>
{{- end}}
<table>
<thead><tr><th>{{.L.nip}}</th><th>{{.L.name}}</th><th>{{.L.from}}</th><th>{{.L.to}}</th><th>{{.L.kind}}</th><th>{{.L.fitBefore}}</th><th>{{.L.fitAfter}}</th><th>{{.L.reasons}}</th></tr></thead>
<tbody>
{{- range .Moves}}
<tr><td>{{.NIP}}</td><td>{{.Name}}</td><td>{{.From}}</td><td>{{.To}}</td><td>{{.Kind}}</td><td class="num">{{.FitBefore}}</td><td class="num">{{.FitAfter}}{{if .Gain}} ({{.Gain}}){{end}}</td>
<td><details><summary>{{$.L.details}}</summary>
<ul>{{range .Reasons}}<li>{{.}}</li>{{end}}</ul>
{{- if .Components}}
<table><thead><tr><th>{{$.L.criterion}}</th><th>{{$.L.before}}</th><th>{{$.L.after}}</th><th>{{$.L.change}}</th></tr></thead><tbody>
{{- range .Components}}<tr><td>{{index . 0}}</td><td class="num">{{index . 1}}</td><td class="num">{{index . 2}}</td><td class="num">{{index . 3}}</td></tr>{{end}}
</tbody></table>
{{- end}}
</details></td></tr>
{{- end}}
</tbody>
</table>
</section>
{{- range .Tail}}
<section id="{{.ID}}">
<h2>{{.Title}}</h2>
{{template "table" .}}
</section>
{{- end}}
{{- if .Warnings}}
<section id="warnings">
<h2>{{.L.warnings}}</h2>
<ul class="warnings">
{{- range .Warnings}}
<li>{{.}}</li>
{{- end}}
</ul>
</section>
{{- end}}
<footer id="manifest">
<h2>{{.L.manifest}}</h2>
<table>
{{- range .Manifest}}
<tr><td>{{index . 0}}</td><td>{{index . 1}}</td></tr>
{{- end}}
</table>
<table>
<thead><tr><th>{{.L.file}}</th><th>{{.L.sha}}</th></tr></thead>
<tbody>
{{- range .Inputs}}
<tr><td>{{index . 0}}</td><td><code>{{index . 1}}</code></td></tr>
{{- end}}
</tbody>
</table>
</footer>
<script>
window.addEventListener("beforeprint", function () { document.querySelectorAll("details").forEach(function (d) { d.open = true; }); });
</script>
</body>
</html>
{{- define "chart"}}
<p class="legend">{{range .Legend}}<span><i class="{{.Class}}"></i>{{.Text}}</span>{{end}}</p>
<svg id="{{.ID}}" xmlns="http://www.w3.org/2000/svg" width="{{.Width}}" height="{{.Height}}" viewBox="0 0 {{.Width}} {{.Height}}" role="img" aria-label="{{.Label}}">
{{- range .Grid}}
<line x1="{{.X1}}" y1="{{.Y1}}" x2="{{.X2}}" y2="{{.Y2}}" class="{{.Class}}"/>
{{- end}}
{{- range .Bars}}
<rect x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}" class="{{.Class}}"><title>{{.Title}}</title></rect>
{{- end}}
{{- range .Lines}}
<line x1="{{.X1}}" y1="{{.Y1}}" x2="{{.X2}}" y2="{{.Y2}}" class="{{.Class}}"/>
{{- end}}
{{- range .Texts}}
<text x="{{.X}}" y="{{.Y}}" text-anchor="{{.Anchor}}" class="{{.Class}}">{{.Text}}</text>
{{- end}}
</svg>
{{- end}}
{{- define "table"}}
{{- if .Rows}}
<table>
<thead><tr>{{range .Head}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{- range .Rows}}
<tr>{{range .}}<td{{if .Num}} class="num"{{end}}>{{.Text}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
{{- else}}
<p class="empty">{{.Empty}}</p>
{{- end}}
{{- end}}
`
