package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// Format is an output format (-f/--format).
type Format int

// The output formats.
const (
	FormatTable    Format = iota // aligned text columns, the default
	FormatCSV                    // encoding/csv with snake_case headers
	FormatJSON                   // one JSON object, two-space indent
	FormatMarkdown               // GitHub pipe tables
	FormatHTML                   // one self-contained HTML page
)

var formatNames = [...]string{"table", "csv", "json", "markdown", "html"}

// String returns the format's name.
func (f Format) String() string {
	if f < 0 || int(f) >= len(formatNames) {
		return fmt.Sprintf("Format(%d)", int(f))
	}
	return formatNames[f]
}

// Set implements pflag.Value; it rejects unknown names.
func (f *Format) Set(s string) error {
	for i, n := range formatNames {
		if s == n {
			*f = Format(i)
			return nil
		}
	}
	return fmt.Errorf("unknown format %q (want %s)", s, strings.Join(formatNames[:], ", "))
}

// Type implements pflag.Value.
func (f *Format) Type() string { return "format" }

// checkFormat returns a usage error unless f is one of the formats cmd
// supports.
func checkFormat(cmd string, f Format, allowed ...Format) error {
	for _, a := range allowed {
		if f == a {
			return nil
		}
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = a.String()
	}
	return usagef(cmd, "--format %s is not supported by %s (want %s)", f, cmd, strings.Join(names, " or "))
}

// The row model: every result is a report of sections, each a list of
// typed cells under column definitions. All five renderers draw the same
// report, so the formats cannot drift apart.

type cellKind int

const (
	kindText cellKind = iota
	kindInt
	kindFloat
	kindBool
	kindNull // no value: JSON null, an empty CSV field, "–" in tables
)

// cell is one typed value.
type cell struct {
	kind cellKind
	text string
	i    int
	f    float64
	b    bool
	lb   label     // a text cell shown translated in table, markdown and html
	tr   [2]string // or, when set, its text per language there (by Lang)
}

func textCell(s string) cell   { return cell{kind: kindText, text: s} }
func intCell(i int) cell       { return cell{kind: kindInt, i: i} }
func floatCell(f float64) cell { return cell{kind: kindFloat, f: f} }
func boolCell(b bool) cell     { return cell{kind: kindBool, b: b} }
func nullCell() cell           { return cell{kind: kindNull} }

// labelCell is a text cell holding a stable id (CSV and JSON) that people
// read translated (table, markdown, html).
func labelCell(id string, lb label) cell { return cell{kind: kindText, text: id, lb: lb} }

// transCell is a text cell whose machine text (CSV and JSON) is text and
// whose human text is en or id by language.
func transCell(text, en, id string) cell {
	return cell{kind: kindText, text: text, tr: [2]string{en, id}}
}

func (c cell) numeric() bool { return c.kind == kindInt || c.kind == kindFloat }

// column defines one column (or one field of a record).
type column struct {
	key   string // JSON key and CSV header: snake_case, never translated
	label label  // heading in table, markdown and html
	prec  int    // digits after the point of floats in table, markdown and html
}

// section is one table of a report.
type section struct {
	key    string // JSON key; "" puts a record's fields at the top level
	title  label  // heading in markdown and html (none: no heading)
	cols   []column
	rows   [][]cell
	record bool // a single row, shown as field/value pairs
	// textLeft aligns a record's text values left (numbers stay right).
	textLeft bool
	tuples   bool // JSON: each row as an array of values, not an object
}

// report is a result ready to render.
type report struct {
	title    label
	headings bool // table: print the title and each section's title above it
	sections []section
	warnings []string // also printed on stderr (unless -q); in JSON always
}

// section returns the section with the given key; it panics when there is
// none (a programming error).
func (r *report) section(key string) *section {
	for k := range r.sections {
		if r.sections[k].key == key {
			return &r.sections[k]
		}
	}
	panic(fmt.Sprintf("report: no section %q", key))
}

// render writes r in format f, with labels in language l.
func render(w io.Writer, f Format, l Lang, r *report) error {
	switch f {
	case FormatTable:
		return renderTable(w, l, r)
	case FormatCSV:
		return renderCSV(w, r)
	case FormatJSON:
		return renderJSON(w, r)
	case FormatMarkdown:
		return renderMarkdown(w, l, r)
	case FormatHTML:
		return renderHTML(w, l, r)
	}
	panic(fmt.Sprintf("render: unknown format %d", f))
}

// human formats a cell for people: fixed precision, translated booleans.
func (c cell) human(l Lang, prec int) string {
	switch c.kind {
	case kindInt:
		return strconv.Itoa(c.i)
	case kindFloat:
		switch {
		case math.IsInf(c.f, 1):
			return "inf"
		case math.IsInf(c.f, -1):
			return "-inf"
		}
		s := strconv.FormatFloat(c.f, 'f', prec, 64)
		if l == LangID {
			// Indonesian writes a decimal comma (0,7188), as the
			// reasons beside these columns do; CSV and JSON keep the point.
			s = strings.Replace(s, ".", ",", 1)
		}
		return s
	case kindBool:
		if c.b {
			return l.text(lblYes)
		}
		return l.text(lblNo)
	case kindNull:
		return l.text(lblMissing)
	}
	if c.lb != lblNone {
		return l.text(c.lb)
	}
	if c.tr != [2]string{} {
		return c.tr[l]
	}
	return c.text
}

// machine formats a cell for CSV: full precision (inf for infinities, as
// the matrix files write them), true/false, and an empty field for null.
func (c cell) machine() string {
	switch c.kind {
	case kindInt:
		return strconv.Itoa(c.i)
	case kindFloat:
		switch {
		case math.IsInf(c.f, 1):
			return "inf"
		case math.IsInf(c.f, -1):
			return "-inf"
		}
		return strconv.FormatFloat(c.f, 'g', -1, 64)
	case kindBool:
		return strconv.FormatBool(c.b)
	case kindNull:
		return ""
	}
	return c.text
}

// grid is a section laid out for people: a header and rows of strings, and
// which columns hold numbers.
type grid struct {
	head    []string
	rows    [][]string
	numeric []bool   // per column: numbers (right-aligned in markdown)
	cellNum [][]bool // per cell: right-aligned in table and html
}

func (s *section) grid(l Lang) grid {
	var g grid
	if s.record {
		g.head = []string{l.text(lblField), l.text(lblValue)}
		for k, c := range s.cols {
			var v cell
			if len(s.rows) > 0 {
				v = s.rows[0][k]
			}
			g.rows = append(g.rows, []string{l.text(c.label), v.human(l, c.prec)})
			g.cellNum = append(g.cellNum, []bool{false, !s.textLeft || v.numeric()}) // values align right
		}
		g.numeric = []bool{false, false}
		return g
	}
	g.numeric = make([]bool, len(s.cols))
	for k, c := range s.cols {
		g.head = append(g.head, l.text(c.label))
		if len(s.rows) > 0 {
			g.numeric[k] = s.rows[0][k].numeric()
		}
	}
	for _, row := range s.rows {
		out := make([]string, len(row))
		num := make([]bool, len(row))
		for k, v := range row {
			out[k] = v.human(l, s.cols[k].prec)
			num[k] = v.numeric()
		}
		g.rows = append(g.rows, out)
		g.cellNum = append(g.cellNum, num)
	}
	return g
}

// safeText makes text from the input safe to show on a terminal, on one
// line and out of tabwriter's way: line breaks and tabs become spaces;
// other control characters (C0, DEL, C1, such as ESC sequences and NUL)
// and the bidirectional overrides and isolates that reorder what a reader
// sees (U+202A–U+202E, U+2066–U+2069) are written as escapes (\x1b,
// \u202e); invalid UTF-8 becomes U+FFFD.
func safeText(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c >= 0x7f {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	s = strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\r\n", " ")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case r < ' ' || r == 0x7f:
			fmt.Fprintf(&b, "\\x%02x", r)
		case (r >= 0x80 && r < 0xa0) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069):
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// csvSafe keeps a spreadsheet from running a text cell as a formula: a
// cell that starts with =, +, -, @, a tab or a carriage return gets a
// leading apostrophe (OWASP's CSV injection rule).
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// renderTable writes aligned columns with text/tabwriter; numbers are padded
// on the left to their column's width so they line up on the right. A
// record is shown as field/value lines without a header.
func renderTable(w io.Writer, l Lang, r *report) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	if r.headings && r.title != lblNone {
		fmt.Fprintf(tw, "%s\n", safeText(l.text(r.title)))
	}
	for si := range r.sections {
		s := &r.sections[si]
		if si > 0 {
			fmt.Fprintln(tw)
		}
		if r.headings && s.title != lblNone {
			fmt.Fprintf(tw, "%s\n", safeText(l.text(s.title)))
			if len(s.rows) == 0 {
				fmt.Fprintf(tw, "(%s)\n", l.text(lblNoRows))
				continue
			}
		}
		g := s.grid(l)
		lines := g.rows
		if !s.record {
			lines = append([][]string{g.head}, g.rows...)
		}
		width := make([]int, len(g.head))
		for li, row := range lines {
			for k, v := range row {
				row[k] = safeText(v) // keep one cell on one line
				width[k] = max(width[k], utf8.RuneCountInString(row[k]))
			}
			lines[li] = row
		}
		for li, row := range lines {
			ri := li
			if !s.record {
				ri = li - 1
			}
			for k, v := range row {
				if ri >= 0 && g.cellNum[ri][k] {
					v = strings.Repeat(" ", width[k]-utf8.RuneCountInString(v)) + v
				}
				if k > 0 {
					fmt.Fprint(tw, "\t")
				}
				fmt.Fprint(tw, v)
			}
			fmt.Fprintln(tw)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return tw.Flush()
}

// renderCSV writes each section as a header of keys and its rows; several
// sections are separated by an empty line.
func renderCSV(w io.Writer, r *report) error {
	cw := csv.NewWriter(w)
	for si, s := range r.sections {
		if si > 0 {
			cw.Flush()
			if _, err := io.WriteString(w, "\n"); err != nil {
				return err
			}
		}
		head := make([]string, len(s.cols))
		for k, c := range s.cols {
			head[k] = c.key
		}
		if err := cw.Write(head); err != nil {
			return err
		}
		for _, row := range s.rows {
			rec := make([]string, len(row))
			for k, v := range row {
				rec[k] = v.machine()
				if v.kind == kindText {
					rec[k] = csvSafe(rec[k])
				}
			}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// jsonValue appends c as a JSON value.
func jsonValue(b *bytes.Buffer, c cell) {
	switch c.kind {
	case kindInt:
		b.WriteString(strconv.Itoa(c.i))
	case kindFloat:
		if math.IsInf(c.f, 0) || math.IsNaN(c.f) {
			b.WriteString("null")
			return
		}
		v, _ := json.Marshal(c.f)
		b.Write(v)
	case kindBool:
		b.WriteString(strconv.FormatBool(c.b))
	case kindNull:
		b.WriteString("null")
	default:
		jsonString(b, c.text)
	}
}

func jsonString(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	b.Truncate(b.Len() - 1)
}

// renderJSON writes one object: the fields of records with an empty key,
// then each other section under its key (a record as an object, a table as
// an array of objects, or of arrays when tuples is set), then "warnings".
// Keys keep the column order; indentation is two spaces, and a tuple stays
// on one line.
func renderJSON(w io.Writer, r *report) error {
	var b bytes.Buffer
	first := true
	key := func(k string, indent string) {
		if !first {
			b.WriteString(",")
		}
		first = false
		b.WriteString("\n" + indent)
		jsonString(&b, k)
		b.WriteString(": ")
	}
	object := func(cols []column, row []cell, indent string) {
		b.WriteString("{")
		for k, c := range cols {
			if k > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n" + indent + "  ")
			jsonString(&b, c.key)
			b.WriteString(": ")
			jsonValue(&b, row[k])
		}
		b.WriteString("\n" + indent + "}")
	}
	b.WriteString("{")
	for _, s := range r.sections {
		switch {
		case s.record && s.key == "":
			for k, c := range s.cols {
				key(c.key, "  ")
				jsonValue(&b, s.rows[0][k])
			}
		case s.record:
			key(s.key, "  ")
			object(s.cols, s.rows[0], "  ")
		default:
			key(s.key, "  ")
			if len(s.rows) == 0 {
				b.WriteString("[]")
				continue
			}
			b.WriteString("[")
			for ri, row := range s.rows {
				if ri > 0 {
					b.WriteString(",")
				}
				b.WriteString("\n    ")
				if !s.tuples {
					object(s.cols, row, "    ")
					continue
				}
				b.WriteString("[")
				for k, v := range row {
					if k > 0 {
						b.WriteString(", ")
					}
					jsonValue(&b, v)
				}
				b.WriteString("]")
			}
			b.WriteString("\n  ]")
		}
	}
	key("warnings", "  ")
	if len(r.warnings) == 0 {
		b.WriteString("[]")
	} else {
		b.WriteString("[")
		for k, wmsg := range r.warnings {
			if k > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n    ")
			jsonString(&b, wmsg)
		}
		b.WriteString("\n  ]")
	}
	b.WriteString("\n}\n")
	_, err := w.Write(b.Bytes())
	return err
}

// mdEscape escapes text for a GitHub pipe-table cell: backslashes, pipes
// and angle brackets (which GitHub would read as HTML); newlines become
// <br>.
func mdEscape(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	s = strings.ReplaceAll(s, "|", `\|`)
	s = strings.ReplaceAll(s, "<", "&lt;")
	s = strings.ReplaceAll(s, ">", "&gt;")
	s = strings.ReplaceAll(s, "\r\n", "<br>")
	return safeText(strings.ReplaceAll(s, "\n", "<br>"))
}

// renderMarkdown writes a heading and a GitHub pipe table per section;
// numeric columns are right-aligned.
func renderMarkdown(w io.Writer, l Lang, r *report) error {
	var b strings.Builder
	if r.title != lblNone {
		fmt.Fprintf(&b, "# %s\n\n", mdEscape(l.text(r.title)))
	}
	for si := range r.sections {
		s := &r.sections[si]
		if si > 0 {
			b.WriteString("\n")
		}
		if s.title != lblNone {
			fmt.Fprintf(&b, "## %s\n\n", mdEscape(l.text(s.title)))
			if r.headings && len(s.rows) == 0 {
				fmt.Fprintf(&b, "(%s)\n", mdEscape(l.text(lblNoRows)))
				continue
			}
		}
		g := s.grid(l)
		line := func(cells []string) {
			b.WriteString("|")
			for _, c := range cells {
				b.WriteString(" " + mdEscape(c) + " |")
			}
			b.WriteString("\n")
		}
		line(g.head)
		b.WriteString("|")
		for k := range g.head {
			if g.numeric[k] || (s.record && k == 1 && !s.textLeft) {
				b.WriteString(" ---: |")
			} else {
				b.WriteString(" --- |")
			}
		}
		b.WriteString("\n")
		for _, row := range g.rows {
			line(row)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// htmlPage is what the HTML template draws.
type htmlPage struct {
	Lang, Title string
	Sections    []htmlSection
	Warnings    []string
}

type htmlSection struct {
	Title string
	Head  []string
	Rows  [][]htmlCell
	Empty string // what the plan report shows instead of a table without rows
}

type htmlCell struct {
	Text string
	Num  bool
}

// htmlTemplate is a self-contained page: inline CSS, no scripts, no external
// assets; it prints cleanly.
const htmlTemplate = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#1b1b1b;line-height:1.4}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.5rem}
table{border-collapse:collapse;margin:.5rem 0}
th,td{border:1px solid #c8c8c8;padding:.2rem .6rem;text-align:left}
th{background:#f0f0f0}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.warnings{color:#8a4b00}
@media print{body{margin:0}th{background:none}}
</style>
</head>
<body>
<h1>{{.Title}}</h1>
{{- range .Sections}}
<section>
{{- if .Title}}
<h2>{{.Title}}</h2>
{{- end}}
<table>
<thead><tr>{{range .Head}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{- range .Rows}}
<tr>{{range .}}<td{{if .Num}} class="num"{{end}}>{{.Text}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
</section>
{{- end}}
{{- if .Warnings}}
<ul class="warnings">
{{- range .Warnings}}
<li>{{.}}</li>
{{- end}}
</ul>
{{- end}}
</body>
</html>
`

// renderHTML writes one self-contained page with a table per section.
func renderHTML(w io.Writer, l Lang, r *report) error {
	t, err := template.New("report").Parse(htmlTemplate)
	if err != nil {
		return err
	}
	page := htmlPage{Lang: l.String(), Title: l.text(r.title), Warnings: r.warnings}
	for si := range r.sections {
		s := &r.sections[si]
		g := s.grid(l)
		hs := htmlSection{Title: l.text(s.title), Head: g.head}
		for ri, row := range g.rows {
			cells := make([]htmlCell, len(row))
			for k, v := range row {
				cells[k] = htmlCell{Text: v, Num: g.cellNum[ri][k]}
			}
			hs.Rows = append(hs.Rows, cells)
		}
		page.Sections = append(page.Sections, hs)
	}
	return t.Execute(w, page)
}
