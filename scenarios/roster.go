package scenarios

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// RosterItem is a type a CSV roster can hold: units, positions or
// employees.
type RosterItem interface {
	Unit | Position | Employee
}

// Dialect is how a roster CSV is written. The zero value writes what
// encoding/csv writes: ',' separators, decimal points, LF line ends and no
// byte-order mark.
type Dialect struct {
	// Semicolon separates cells with ';' and writes decimal commas ("3,5"),
	// as spreadsheets in the Indonesian locale do.
	Semicolon bool
	// BOM starts the file with a UTF-8 byte-order mark.
	BOM bool
	// CRLF ends lines with "\r\n".
	CRLF bool
}

// SpreadsheetDialect returns the dialect of a CSV saved by a spreadsheet in
// the Indonesian locale: ';' separators, decimal commas, a BOM and CRLF.
func SpreadsheetDialect() Dialect { return Dialect{Semicolon: true, BOM: true, CRLF: true} }

const bom = "\uFEFF"

// ReadRoster reads a roster CSV of units, positions or employees, named
// name in error messages.
//
// The first row is a header of column names: the yaml keys of T (such as
// nip, unit, birth_date), in any order and any letter case. Every required
// key must have a column, and a column no key names is an error. Cells are
// trimmed of surrounding spaces; an empty cell leaves an optional field
// unset and is an error for a required one. A cell may hold a line break
// (quoted) but no other control character except tab. The file may start with a UTF-8
// byte-order mark and may end lines with CRLF. The separator is ';' when the
// header holds more ';' than ',' and ',' otherwise; with ';' numbers may use
// a decimal comma ("3,5"). Dates are yyyy-mm-dd. Multi-valued cells hold
// items separated by '|':
//
//   - lists of words (fields, certifications, wishes, freeze scope):
//     "keperawatan|kebidanan";
//   - mappings (competence, standard): "integritas=3|kerja_sama=4";
//   - ratings: "2023=baik|2024=sangat_baik" (year=predicate);
//   - locks: "study_leave=2026-08-31|investigation" (kind=until, until
//     optional).
//
// Values are checked for type only: references between rosters and the
// allowed words are checked by Load. Errors are *ParseError values with the
// line and column of the cell: the header's for a missing or unknown
// column, the row's for a ragged row. ReadRoster returns every error, as an
// *ErrorList when there are several.
func ReadRoster[T RosterItem](r io.Reader, name string) ([]T, error) {
	return readRoster[T](r, name, true)
}

// readRoster is ReadRoster; fast decodes rows straight into their values
// (see csvRow), and false keeps the node path of every row.
func readRoster[T RosterItem](r io.Reader, name string, fast bool) ([]T, error) {
	data, err := readAtMost(r)
	if err != nil {
		return nil, &ParseError{File: name, Err: fmt.Errorf("%w: %w", ErrInclude, err)}
	}
	l := &loader{fileOf: map[*yaml.Node]string{}}
	if fast {
		l.rows = map[*yaml.Node]*csvRow{}
	}
	typ := reflect.TypeFor[T]()
	rows, errs := rosterNodes(data, name, typ, l.rows)
	for _, e := range errs {
		l.add(e)
	}
	out := make([]T, len(rows))
	d := decoder{l: l, required: true, budget: nodeBudget, file: name}
	for i, n := range rows {
		d.decode(n, reflect.ValueOf(&out[i]).Elem())
	}
	if err := l.err(); err != nil {
		return nil, err
	}
	return out, nil
}

// WriteRoster writes items as a roster CSV in dialect d that ReadRoster
// reads back to equal items. The header holds every required column and
// every optional column that has a value in some item, in the order of the
// schema. It returns ErrNotRepresentable, in a *ValidationError naming the
// item and field, for a value that would not read back unchanged: text with
// leading or trailing spaces, or a '|' or '=' inside a multi-valued cell.
func WriteRoster[T RosterItem](w io.Writer, items []T, d Dialect) error {
	typ := reflect.TypeFor[T]()
	fields := orderedFields(typ)
	var cols []field
	for _, f := range fields {
		use := !f.omitempty
		for i := 0; i < len(items) && !use; i++ {
			use = !isEmpty(reflect.ValueOf(&items[i]).Elem().Field(f.index))
		}
		if use {
			cols = append(cols, f)
		}
	}
	var buf bytes.Buffer
	if d.BOM {
		buf.WriteString(bom)
	}
	cw := csv.NewWriter(&buf)
	if d.Semicolon {
		cw.Comma = ';'
	}
	cw.UseCRLF = d.CRLF
	header := make([]string, len(cols))
	for i, c := range cols {
		header[i] = c.name
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	rec := make([]string, len(cols))
	for i := range items {
		v := reflect.ValueOf(&items[i]).Elem()
		for j, c := range cols {
			fv := v.Field(c.index)
			if c.omitempty && isEmpty(fv) {
				rec[j] = ""
				continue
			}
			s, err := formatCell(fv, d.Semicolon)
			if err != nil {
				return &ValidationError{Field: fmt.Sprintf("[%d].%s", i, c.name), Value: fv.Interface(), Err: err}
			}
			rec[j] = s
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// cellKind is how a field is written in one cell.
type cellKind int

const (
	cellScalar cellKind = iota
	cellList            // a|b
	cellMap             // k=v|k=v
	cellPairs           // list of two-field structs: a=b|c
)

func kindOf(t reflect.Type) cellKind {
	switch t.Kind() {
	case reflect.Map:
		return cellMap
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Struct && t.Elem() != timeType {
			return cellPairs
		}
		return cellList
	}
	return cellScalar
}

func formatCell(v reflect.Value, decimalComma bool) (string, error) {
	if isEmpty(v) && v.Kind() != reflect.Int {
		return "", nil
	}
	switch kindOf(v.Type()) {
	case cellList:
		parts := make([]string, v.Len())
		for i := range parts {
			s, err := formatScalar(v.Index(i), decimalComma)
			if err != nil {
				return "", err
			}
			if err := checkItem(s); err != nil {
				return "", err
			}
			parts[i] = s
		}
		return strings.Join(parts, "|"), nil
	case cellMap:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		parts := make([]string, len(keys))
		for i, k := range keys {
			val, err := formatScalar(v.MapIndex(k), decimalComma)
			if err != nil {
				return "", err
			}
			if err := checkItem(k.String()); err != nil {
				return "", err
			}
			parts[i] = k.String() + "=" + val
		}
		return strings.Join(parts, "|"), nil
	case cellPairs:
		parts := make([]string, v.Len())
		fs := orderedFields(v.Type().Elem())
		for i := range parts {
			item := v.Index(i)
			a, err := formatScalar(item.Field(fs[0].index), decimalComma)
			if err != nil {
				return "", err
			}
			if err := checkItem(a); err != nil {
				return "", err
			}
			b, err := formatScalar(item.Field(fs[1].index), decimalComma)
			if err != nil {
				return "", err
			}
			if b != "" {
				if err := checkItem(b); err != nil {
					return "", err
				}
			}
			for _, f := range fs[2:] {
				if !isEmpty(item.Field(f.index)) {
					return "", msgf(ErrNotRepresentable, "%s is YAML only", f.name)
				}
			}
			if b == "" {
				parts[i] = a
			} else {
				parts[i] = a + "=" + b
			}
		}
		return strings.Join(parts, "|"), nil
	}
	return formatScalar(v, decimalComma)
}

func checkItem(s string) error {
	if s == "" || strings.ContainsAny(s, "|=") {
		return msgf(ErrNotRepresentable, "item %q is empty or holds '|' or '='", s)
	}
	return nil
}

func formatScalar(v reflect.Value, decimalComma bool) (string, error) {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return "", nil
		}
		v = v.Elem()
	}
	var s string
	switch {
	case v.Type() == timeType:
		tm := v.Interface().(time.Time)
		if tm.IsZero() {
			return "", nil
		}
		s = tm.Format(time.DateOnly)
	case v.Kind() == reflect.String:
		s = v.String()
		if s != strings.TrimSpace(s) {
			return "", msgf(ErrNotRepresentable, "%q has surrounding spaces", s)
		}
	case v.Kind() == reflect.Int:
		s = strconv.FormatInt(v.Int(), 10)
	case v.Kind() == reflect.Float64:
		s = strconv.FormatFloat(v.Float(), 'f', -1, 64)
		if decimalComma {
			s = strings.Replace(s, ".", ",", 1)
		}
	case v.Kind() == reflect.Bool:
		s = strconv.FormatBool(v.Bool())
	default:
		panic("scenarios: unsupported roster type " + v.Type().String())
	}
	return s, nil
}

// rosterNodes reads a roster CSV into one yaml mapping node per row, each
// placed at its row's line, so that rows decode and merge like inline
// items. Errors are *ParseError values.
//
// With a non-nil lazy, a row that reads without error is decoded straight
// into its value and stands in the tree as a childless node recorded in
// lazy (see csvRow); other rows, and every row with a nil lazy, get their
// cell nodes.
func rosterNodes(data []byte, name string, typ reflect.Type, lazy map[*yaml.Node]*csvRow) ([]*yaml.Node, []error) {
	var errs []error
	fail := func(line, col int, err error) {
		errs = append(errs, &ParseError{File: name, Line: line, Column: col, Err: err})
	}
	if err := textError(name, data); err != nil {
		return nil, []error{err}
	}
	data = bytes.TrimPrefix(data, []byte(bom))
	firstLine, _, _ := bytes.Cut(data, []byte("\n"))
	sep := ','
	if bytes.Count(firstLine, []byte(";")) > bytes.Count(firstLine, []byte(",")) {
		sep = ';'
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = sep
	r.FieldsPerRecord = -1
	r.ReuseRecord = false
	header, err := r.Read()
	if err == io.EOF {
		fail(1, 1, msgf(ErrMissingField, "empty roster: a header row is required"))
		return nil, errs
	}
	if err != nil {
		fail(csvPos(err, 1))
		return nil, errs
	}
	fields := fieldsOf(typ)
	cols := make([]*field, len(header))
	seen := map[string]bool{}
	for i, h := range header {
		line, col := r.FieldPos(i)
		key := strings.ToLower(strings.TrimSpace(h))
		f, ok := fields[key]
		switch {
		case !ok:
			hint := ""
			if s := closest(key, fields); s != "" {
				hint = fmt.Sprintf(" (did you mean %q?)", s)
			}
			fail(line, col, msgf(ErrUnknownField, "unknown column %q%s", h, hint))
		case seen[key]:
			fail(line, col, msgf(ErrDuplicateKey, "column %q given twice", h))
		default:
			seen[key] = true
			cols[i] = &f
		}
	}
	for _, f := range orderedFields(typ) {
		if !f.omitempty && !seen[f.name] {
			fail(1, 1, msgf(ErrMissingField, "required column %q is missing", f.name))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	rs := &rosterSchema{typ: typ, cols: cols, decimalComma: sep == ';'}
	var rows []*yaml.Node
	var pos []int32 // cell positions of the rows, two per cell
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			fail(csvPos(err, 0))
			var pe *csv.ParseError
			if errors.As(err, &pe) && (pe.Err == csv.ErrQuote || pe.Err == csv.ErrBareQuote) {
				break // the reader cannot resynchronise after a quote error
			}
			continue
		}
		line, _ := r.FieldPos(0)
		if len(rec) != len(header) {
			if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
				continue // a blank line
			}
			fail(line, 1, msgf(ErrRaggedRow, "row has %d cells, the header has %d", len(rec), len(header)))
			continue
		}
		if lazy == nil {
			pos = pos[:0] // only rows taken as values keep their positions
		}
		if cap(pos)-len(pos) < 2*len(rec) {
			// A new chunk leaves the positions kept in place.
			pos = make([]int32, 0, max(2*len(rec), 1<<14))
		}
		start := len(pos)
		for i := range rec {
			cl, cc := r.FieldPos(i)
			pos = append(pos, int32(cl), int32(cc))
		}
		rp := pos[start:len(pos):len(pos)]
		if lazy != nil {
			if n, cr := rs.fastRow(rec, rp, line); n != nil {
				lazy[n] = cr
				rows = append(rows, n)
				continue
			}
		}
		rows = append(rows, rs.rowNode(rec, rp, line, fail))
	}
	return rows, errs
}

// rosterSchema is how the columns of one roster CSV decode.
type rosterSchema struct {
	typ          reflect.Type
	cols         []*field // by column
	decimalComma bool
	pairs        map[reflect.Type][]field // orderedFields of pair types
}

// rowNode returns the yaml mapping node of one row of cells rec, whose
// line and column are pos[2i], pos[2i+1], reporting bad cells to fail.
func (rs *rosterSchema) rowNode(rec []string, pos []int32, line int, fail func(line, col int, err error)) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line, Column: 1}
	for i, cell := range rec {
		f := rs.cols[i]
		cl, cc := int(pos[2*i]), int(pos[2*i+1])
		cell = strings.TrimSpace(cell)
		if cell == "" {
			if !f.omitempty {
				fail(cl, cc, msgf(ErrMissingField, "%s: required cell is empty", f.name))
				// A null keeps the decoder from reporting it again.
				m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: f.name, Line: cl, Column: cc},
					&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Line: cl, Column: cc})
			}
			continue
		}
		if hasControl(cell) {
			// A lone carriage return, say, would not survive a write.
			fail(cl, cc, msgf(ErrInvalidValue, "%s: control character in %q", f.name, cell))
			continue
		}
		v, err := cellNode(cell, f.Type, rs.decimalComma, cl, cc)
		if err != nil {
			fail(cl, cc, fmt.Errorf("%s: %w", f.name, err))
			continue
		}
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: f.name, Line: cl, Column: cc}, v)
	}
	return m
}

// hasControl reports whether a cell holds a control character other than
// tab and line feed.
func hasControl(cell string) bool {
	return strings.ContainsFunc(cell, func(r rune) bool { return r < ' ' && r != '\t' && r != '\n' || r == 0x7f })
}

func csvPos(err error, defLine int) (int, int, error) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Line, pe.Column, msgf(ErrSyntax, "%v", pe.Err)
	}
	return defLine, 0, msgf(ErrSyntax, "%v", err)
}

// cellNode turns one non-empty cell into a yaml node for field type t.
func cellNode(cell string, t reflect.Type, decimalComma bool, line, col int) (*yaml.Node, error) {
	scalar := func(s string, t reflect.Type) *yaml.Node {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if decimalComma && t.Kind() == reflect.Float64 {
			s = strings.Replace(s, ",", ".", 1)
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: csvTag, Value: s, Line: line, Column: col}
	}
	kind := kindOf(t)
	if kind == cellScalar {
		return scalar(cell, t), nil
	}
	items := strings.Split(cell, "|")
	for i, it := range items {
		items[i] = strings.TrimSpace(it)
		if items[i] == "" {
			return nil, msgf(ErrInvalidValue, "empty item in %q", cell)
		}
	}
	switch kind {
	case cellList:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: line, Column: col}
		for _, it := range items {
			if strings.Contains(it, "=") {
				return nil, msgf(ErrInvalidValue, "item %q: '=' is not allowed in a list", it)
			}
			n.Content = append(n.Content, scalar(it, t.Elem()))
		}
		return n, nil
	case cellMap:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line, Column: col}
		for _, it := range items {
			k, v, ok := strings.Cut(it, "=")
			k, v = strings.TrimSpace(k), strings.TrimSpace(v)
			if !ok || k == "" || v == "" || strings.Contains(v, "=") {
				return nil, msgf(ErrInvalidValue, "item %q: expected key=value", it)
			}
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k, Line: line, Column: col}, scalar(v, t.Elem()))
		}
		return n, nil
	default: // cellPairs
		fs := orderedFields(t.Elem())
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: line, Column: col}
		for _, it := range items {
			a, b, ok := strings.Cut(it, "=")
			a, b = strings.TrimSpace(a), strings.TrimSpace(b)
			if a == "" || (ok && b == "") || strings.Contains(b, "=") {
				return nil, msgf(ErrInvalidValue, "item %q: expected %s=%s", it, fs[0].name, fs[1].name)
			}
			m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line, Column: col}
			m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: fs[0].name}, scalar(a, fs[0].Type))
			if ok {
				m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: fs[1].name}, scalar(b, fs[1].Type))
			}
			n.Content = append(n.Content, m)
		}
		return n, nil
	}
}
