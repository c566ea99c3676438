package scenarios

import (
	"math"
	"reflect"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// csvRowTag marks the node of a roster row decoded straight into its value
// (a csvRow). Such a node is a mapping without children until something
// needs its cells: merging, changes and error locations call
// loader.materialize, which gives it the cell nodes rowNode builds.
const csvRowTag = "!csvrow"

// csvRow is one roster row that read without error, already decoded.
//
// Building a yaml node per cell and decoding the nodes costs most of a
// large roster's load; a row decoded here gives the same value as its
// nodes would, and rows that would report an error (a bad cell, a wrong
// type, a missing required value) keep the node path, so that errors stay
// those of the generic decoder.
type csvRow struct {
	rs   *rosterSchema
	rec  []string // the cells as read
	pos  []int32  // their lines and columns, two per cell
	line int

	value   reflect.Value // of type rs.typ
	visits  int           // decoder.decode calls the row's nodes take
	content int           // len(Content) of the row's mapping node
	used    bool          // value handed to a kept decode
}

// fastRow decodes one row of cells rec straight into a value. It returns
// nil when any cell would report an error on the node path, or when a cell
// holds a type it does not decode, so that the caller builds the row's
// nodes instead.
func (rs *rosterSchema) fastRow(rec []string, pos []int32, line int) (*yaml.Node, *csvRow) {
	v := reflect.New(rs.typ).Elem()
	visits, content := 1, 0
	for i, cell := range rec {
		f := rs.cols[i]
		cell = strings.TrimSpace(cell)
		if cell == "" {
			if !f.omitempty {
				return nil, nil
			}
			continue
		}
		if hasControl(cell) {
			return nil, nil
		}
		n, ok := rs.decodeCell(cell, f.Type, v.Field(f.index))
		if !ok {
			return nil, nil
		}
		visits += n
		content += 2
	}
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: csvRowTag, Line: line, Column: 1}
	return n, &csvRow{rs: rs, rec: rec, pos: pos, line: line, value: v, visits: visits, content: content}
}

// decodeCell decodes one non-empty cell into v of type t, as cellNode and
// decoder.decode do together. It returns the decode calls the cell's
// nodes take, and false if either would report an error.
func (rs *rosterSchema) decodeCell(cell string, t reflect.Type, v reflect.Value) (int, bool) {
	kind := kindOf(t)
	if kind == cellScalar {
		return 1, rs.decodeScalar(cell, t, v)
	}
	n := strings.Count(cell, "|") + 1
	switch kind {
	case cellList:
		s := reflect.MakeSlice(t, n, n)
		i := 0
		for it := range strings.SplitSeq(cell, "|") {
			it = strings.TrimSpace(it)
			if it == "" || strings.Contains(it, "=") || !rs.decodeScalar(it, t.Elem(), s.Index(i)) {
				return 0, false
			}
			i++
		}
		v.Set(s)
		return 1 + n, true
	case cellMap:
		if t == reflect.TypeFor[map[string]int]() {
			return rs.decodeStringIntMap(cell, n, v)
		}
		if t.Key().Kind() != reflect.String {
			return 0, false
		}
		m := reflect.MakeMapWithSize(t, n)
		for it := range strings.SplitSeq(cell, "|") {
			k, val, ok := mapItem(it)
			if !ok {
				return 0, false
			}
			key := reflect.ValueOf(k).Convert(t.Key())
			if m.MapIndex(key).IsValid() {
				return 0, false
			}
			e := reflect.New(t.Elem()).Elem()
			if !rs.decodeScalar(val, t.Elem(), e) {
				return 0, false
			}
			m.SetMapIndex(key, e)
		}
		v.Set(m)
		return 1 + n, true
	default: // cellPairs
		fs := rs.pairFields(t.Elem())
		if len(fs) < 2 {
			return 0, false
		}
		s := reflect.MakeSlice(t, n, n)
		visits, i := 1, 0
		for it := range strings.SplitSeq(cell, "|") {
			it = strings.TrimSpace(it)
			a, b, ok := strings.Cut(it, "=")
			a, b = strings.TrimSpace(a), strings.TrimSpace(b)
			if it == "" || a == "" || (ok && b == "") || strings.Contains(b, "=") {
				return 0, false
			}
			e := s.Index(i)
			if !rs.decodeScalar(a, fs[0].Type, e.Field(fs[0].index)) {
				return 0, false
			}
			visits += 2
			if ok {
				if !rs.decodeScalar(b, fs[1].Type, e.Field(fs[1].index)) {
					return 0, false
				}
				visits++
			}
			// The item's fields beyond those written must be optional.
			for j, f := range fs {
				if !f.omitempty && j != 0 && (j != 1 || !ok) {
					return 0, false
				}
			}
			i++
		}
		v.Set(s)
		return visits, true
	}
}

// mapItem splits one "key=value" item of a mapping cell, trimmed; ok is
// false when the node path would report the item (empty, without "=", an
// empty key or value, or a second "=").
func mapItem(it string) (k, val string, ok bool) {
	it = strings.TrimSpace(it)
	k, val, ok = strings.Cut(it, "=")
	k, val = strings.TrimSpace(k), strings.TrimSpace(val)
	return k, val, it != "" && ok && k != "" && val != "" && !strings.Contains(val, "=")
}

// decodeStringIntMap is decodeCell's cellMap case for a map[string]int of
// n items (competence profiles: competence, standard, the most common
// mapping cells), without reflection per item.
func (rs *rosterSchema) decodeStringIntMap(cell string, n int, v reflect.Value) (int, bool) {
	m := make(map[string]int, n)
	for it := range strings.SplitSeq(cell, "|") {
		k, val, ok := mapItem(it)
		if !ok {
			return 0, false
		}
		if _, dup := m[k]; dup {
			return 0, false
		}
		i, err := strconv.ParseInt(val, 10, 32) // as decodeScalar
		if err != nil {
			return 0, false
		}
		m[k] = int(i)
	}
	v.Set(reflect.ValueOf(m))
	return 1 + n, true
}

// pairFields returns orderedFields(t), cached.
func (rs *rosterSchema) pairFields(t reflect.Type) []field {
	if fs, ok := rs.pairs[t]; ok {
		return fs
	}
	if rs.pairs == nil {
		rs.pairs = map[reflect.Type][]field{}
	}
	fs := orderedFields(t)
	rs.pairs[t] = fs
	return fs
}

// decodeScalar decodes one cell item s into v of type t, as
// decoder.decodeNode decodes a csvTag scalar, and reports whether it did
// so without error.
func (rs *rosterSchema) decodeScalar(s string, t reflect.Type, v reflect.Value) bool {
	switch {
	case t.Kind() == reflect.Pointer:
		p := reflect.New(t.Elem())
		if !rs.decodeScalar(s, t.Elem(), p.Elem()) {
			return false
		}
		v.Set(p)
	case t == timeType:
		tm, err := parseDate(s)
		if err != nil {
			return false
		}
		v.Set(reflect.ValueOf(tm))
	case t.Kind() == reflect.String:
		v.SetString(s)
	case t.Kind() == reflect.Int:
		i, err := strconv.ParseInt(s, 10, 32)
		if err != nil {
			return false
		}
		v.SetInt(i)
	case t.Kind() == reflect.Float64:
		if rs.decimalComma {
			s = strings.Replace(s, ",", ".", 1)
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return false
		}
		v.SetFloat(f)
	case t.Kind() == reflect.Bool:
		b, ok := parseBool(s)
		if !ok {
			return false
		}
		v.SetBool(b)
	default:
		return false // an error or a panic on the node path
	}
	return true
}

// materialize gives a csvRow's node its cell nodes, after which it is an
// ordinary mapping node. Other nodes are left alone.
func (l *loader) materialize(n *yaml.Node) {
	if n == nil || n.Tag != csvRowTag {
		return
	}
	r := l.rows[n]
	if r == nil {
		return
	}
	delete(l.rows, n)
	m := r.rs.rowNode(r.rec, r.pos, r.line, func(line, col int, err error) {
		l.add(&ParseError{File: l.fileOf[n], Line: line, Column: col, Err: err}) // never: the row read without error
	})
	n.Tag, n.Content = m.Tag, m.Content
}

// decodeRow decodes n into v if n is a csvRow's node that can hand over
// its value: one of v's type, within the budget, not yet handed to a kept
// decode. Otherwise it materializes n and returns false, and the caller
// decodes the nodes.
func (d *decoder) decodeRow(n *yaml.Node, v reflect.Value) bool {
	r := d.l.rows[n]
	if r == nil {
		return false
	}
	if r.rs.typ != v.Type() || d.budget < r.visits || (r.used && !d.discard) {
		d.l.materialize(n)
		return false
	}
	d.budget -= r.visits
	if !d.discard {
		v.Set(r.value)
		r.used = true
	}
	return true
}
