package benchmarks

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"math/bits"
	"path"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	"gonum.org/v1/gonum/mat"

	"github.com/mutasi-asn/mutasi/matching"
)

// MatrixFormat names a matrix file format; see the package documentation.
type MatrixFormat int

// The matrix file formats.
const (
	FormatAuto    MatrixFormat = iota // detect from the name and the first lines
	FormatLap                         // lap-ref: "ROWS COLS", then the rows
	FormatAssign                      // OR-Library dense: n, then n×n costs
	FormatAssignP                     // OR-Library sparse: n, then "i j cost" triples
	FormatCSV                         // one comma-separated row per line
)

var matrixFormatNames = [...]string{"auto", "lap", "assign", "assignp", "csv"}

// String returns the format's name as ParseMatrixFormat reads it.
func (f MatrixFormat) String() string {
	if f < 0 || int(f) >= len(matrixFormatNames) {
		return "MatrixFormat(" + strconv.Itoa(int(f)) + ")"
	}
	return matrixFormatNames[f]
}

// MatrixFormatNames returns the names ParseMatrixFormat accepts, in order.
func MatrixFormatNames() []string { return matrixFormatNames[:] }

// ParseMatrixFormat returns the format named s ("auto", "lap", "assign",
// "assignp" or "csv"), or an error unwrapping to ErrFormat.
func ParseMatrixFormat(s string) (MatrixFormat, error) {
	for i, n := range matrixFormatNames {
		if s == n {
			return MatrixFormat(i), nil
		}
	}
	return FormatAuto, fmt.Errorf("%w %q (want %s)", ErrFormat, s, strings.Join(matrixFormatNames[:], ", "))
}

// Matrix is a cost matrix read from a file. Exactly one of Dense and Sparse
// is set: Dense for the lap, assign and csv formats, Sparse for assignp. A
// dense file with no rows or no columns is returned as an empty Sparse,
// because a *mat.Dense cannot have a zero dimension.
type Matrix struct {
	Rows, Cols int              // the dimensions; either may be 0
	Format     MatrixFormat     // the format the file was read as (never FormatAuto)
	Dense      *mat.Dense       // the costs, +Inf for forbidden pairs; nil when Sparse is set
	Sparse     *matching.Sparse // CSR candidate lists, columns ascending; nil when Dense is set
}

// Problem returns the assignment problem of minimizing (or, with maximize,
// maximizing) m's total cost. The problem shares m's storage.
func (m *Matrix) Problem(maximize bool) *matching.Problem {
	p := &matching.Problem{Maximize: maximize}
	if m.Dense != nil {
		p.Cost = m.Dense
	} else {
		p.Candidates = m.Sparse
	}
	return p
}

// ReadMatrixFile opens name in fsys and reads it with ReadMatrix; errors
// name the file as name.
func ReadMatrixFile(fsys fs.FS, name string, f MatrixFormat) (*Matrix, error) {
	file, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	return ReadMatrix(file, name, f)
}

// ReadMatrix reads a cost matrix in format f from r; name is used in error
// messages and, with FormatAuto, for detection (see the package
// documentation).
//
// It returns a *ParseError for malformed input, or for input whose format
// cannot be detected (unwrapping to ErrFormat); an error unwrapping to
// ErrFormat for an unknown f; and read errors from r. It streams r once; its memory use is the result plus a 256 KiB
// buffer (plus O(pairs) indices for assignp). It runs in time linear in the
// input, plus O(k log k) per row of k unsorted triples. The result does not
// alias any caller memory.
func ReadMatrix(r io.Reader, name string, f MatrixFormat) (*Matrix, error) {
	s := newScanner(r, name)
	s.skipBOM()
	if f == FormatAuto {
		var err error
		if f, err = s.detect(); err != nil {
			return nil, err
		}
	}
	var m *Matrix
	var err error
	switch f {
	case FormatLap:
		m, err = s.readLap()
	case FormatAssign:
		m, err = s.readAssign()
	case FormatAssignP:
		m, err = s.readAssignP()
	case FormatCSV:
		m, err = s.readCSV()
	default:
		return nil, fmt.Errorf("%w: %v", ErrFormat, f)
	}
	if err != nil {
		return nil, err
	}
	m.Format = f
	return m, nil
}

const (
	bufSize       = 256 << 10 // scanner buffer; also the longest token
	maxUnsized    = 1 << 24   // values preallocated when the input size is unknown
	maxEmptyDim   = 1 << 20   // largest dimension of a matrix with no cells
	maxSparseFree = 1 << 20   // assignp: n may exceed the number of pairs up to this
)

// sepTable marks the bytes that end a token: ASCII white space, and the comma
// in CSV mode.
var (
	spaceSep = sepTable("")
	csvSep   = sepTable(",")
)

func sepTable(extra string) (t [256]bool) {
	for _, c := range []byte(" \t\r\n\v\f" + extra) {
		t[c] = true
	}
	return t
}

// scanner is a streaming tokenizer over a fixed buffer that tracks lines and
// columns. Tokens are slices of the buffer, valid until the next call.
type scanner struct {
	r         io.Reader
	name      string
	buf       []byte
	pos, end  int
	rerr      error // sticky read error; io.EOF at the end
	line      int   // line of buf[pos]
	base      int64 // input offset of buf[0]
	lineStart int64 // input offset of the start of the current line
	sep       *[256]bool
	size      int64 // input size in bytes, or -1 when unknown
	long      bool  // the last token filled the whole buffer
	tokLine   int   // line of the last token
}

func newScanner(r io.Reader, name string) *scanner {
	return &scanner{r: r, name: name, buf: make([]byte, bufSize), line: 1, sep: &spaceSep, size: inputSize(r)}
}

// inputSize returns the size of r's content when it can be known cheaply,
// else -1.
func inputSize(r io.Reader) int64 {
	switch v := r.(type) {
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := v.Stat(); err == nil && fi.Mode().IsRegular() {
			return fi.Size()
		}
	case interface{ Len() int }: // bytes.Reader, strings.Reader, bytes.Buffer: unread bytes
		return int64(v.Len())
	}
	return -1
}

// fill keeps buf[keep:end], moves it to the front and reads more. It returns
// false when no byte could be added (end of input or a read error).
func (s *scanner) fill(keep int) bool {
	if keep > 0 {
		n := copy(s.buf, s.buf[keep:s.end])
		s.base += int64(keep)
		s.pos -= keep
		s.end = n
	}
	if s.rerr != nil {
		return false
	}
	for empty := 0; s.end < len(s.buf); empty++ {
		if empty == 100 { // as bufio does with a reader that keeps returning nothing
			s.rerr = io.ErrNoProgress
			return false
		}
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		if err != nil {
			s.rerr = err
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
	return false // token longer than the buffer
}

// readErr returns the read error that stopped the scanner, if any (not
// io.EOF), naming the input unless the error already names a path.
func (s *scanner) readErr() error {
	if s.rerr == nil || s.rerr == io.EOF {
		return nil
	}
	var pe *fs.PathError
	if errors.As(s.rerr, &pe) {
		return s.rerr
	}
	return fmt.Errorf("%s: %w", s.name, s.rerr)
}

// skipBOM drops a leading UTF-8 byte order mark.
func (s *scanner) skipBOM() {
	for s.end < 3 && s.fill(0) {
	}
	if bytes.HasPrefix(s.buf[:s.end], []byte("\xef\xbb\xbf")) {
		s.pos = 3
		s.lineStart = 3
	}
}

// skip skips white space (not commas) and returns how many newlines it
// crossed and whether a byte follows.
func (s *scanner) skip() (nl int, more bool) {
	for {
		for s.pos < s.end {
			switch s.buf[s.pos] {
			case '\n':
				nl++
				s.line++
				s.pos++
				s.lineStart = s.base + int64(s.pos)
			case ' ', '\t', '\r', '\v', '\f':
				s.pos++
			default:
				return nl, true
			}
		}
		if !s.fill(s.pos) {
			return nl, false
		}
	}
}

// skipBlank skips spaces, tabs and carriage returns on the current line and
// returns the next byte, or -1 at the end of input.
func (s *scanner) skipBlank() int {
	for {
		for s.pos < s.end {
			switch c := s.buf[s.pos]; c {
			case ' ', '\t', '\r', '\v', '\f':
				s.pos++
			default:
				return int(c)
			}
		}
		if !s.fill(s.pos) {
			return -1
		}
	}
}

// token returns the run of non-separator bytes at pos (possibly empty) and
// its 1-based column.
func (s *scanner) token() ([]byte, int) {
	s.tokLine = s.line
	start := s.pos
	i := s.pos
	for {
		for ; i < s.end; i++ {
			if s.sep[s.buf[i]] {
				s.pos = i
				return s.buf[start:i], s.col(start)
			}
		}
		s.pos = i
		base := s.base
		ok := s.fill(start)
		shift := int(s.base - base) // fill moved buf[start:] to the front
		start -= shift
		i -= shift
		if !ok {
			s.long = s.rerr == nil
			s.pos = s.end
			return s.buf[start:s.end], s.col(start)
		}
	}
}

func (s *scanner) col(at int) int { return int(s.base + int64(at) - s.lineStart + 1) }

// headLines returns the non-blank lines among the first 64 lines of the
// input, without consuming them. A last line cut by the buffer's end (not
// by the end of input) is left out, unless it is the only line.
func (s *scanner) headLines() [][]byte {
	for s.rerr == nil && s.end < len(s.buf) && bytes.Count(s.buf[s.pos:s.end], []byte("\n")) < 64 {
		s.fill(0)
	}
	all := bytes.Split(s.buf[s.pos:s.end], []byte("\n"))
	if len(all) > 1 && s.rerr == nil {
		all = all[:len(all)-1]
	}
	var lines [][]byte
	for _, l := range all[:min(len(all), 64)] {
		if len(bytes.TrimSpace(l)) > 0 {
			lines = append(lines, l)
		}
	}
	return lines
}

// detect implements the detection rule of the package documentation.
func (s *scanner) detect() (MatrixFormat, error) {
	if strings.HasSuffix(strings.ToLower(s.name), ".csv") {
		return FormatCSV, nil
	}
	head := s.headLines()
	var first []byte
	if len(head) > 0 {
		first = head[0]
	}
	if bytes.IndexByte(first, ',') >= 0 {
		return FormatCSV, nil
	}
	f1 := bytes.Fields(first)
	allInts := func(ts [][]byte) bool {
		for _, t := range ts {
			if _, ok := parseIndex(t); !ok {
				return false
			}
		}
		return true
	}
	switch {
	case len(f1) == 2 && allInts(f1):
		return FormatLap, nil
	case len(f1) == 1 && allInts(f1):
		base := strings.ToLower(path.Base(s.name))
		switch {
		case strings.HasPrefix(base, "assignp"):
			return FormatAssignP, nil
		case strings.HasPrefix(base, "assign"):
			return FormatAssign, nil
		}
		n, _ := parseIndex(f1[0])
		if n == 3 || len(head) < 2 {
			return FormatAssign, nil
		}
		for _, l := range head[1:] {
			f := bytes.Fields(l)
			if len(f) != 3 {
				return FormatAssign, nil
			}
			i, ok1 := parseIndex(f[0])
			j, ok2 := parseIndex(f[1])
			if !ok1 || !ok2 || i < 1 || i > n || j < 1 || j > n {
				return FormatAssign, nil
			}
		}
		return FormatAssignP, nil
	}
	if err := s.readErr(); err != nil {
		return FormatAuto, err
	}
	if len(f1) == 0 {
		return FormatAuto, &ParseError{File: s.name, Line: 1, Err: detailf(ErrFormat, "empty file")}
	}
	return FormatAuto, &ParseError{File: s.name, Line: 1, Err: detailf(ErrFormat,
		"cannot tell the matrix format from the first line (want \"ROWS COLS\", a single n, or comma-separated values); name it with --input-format")}
}

func (s *scanner) errAt(line, col int, kind error, format string, args ...any) error {
	return &ParseError{File: s.name, Line: line, Column: col, Err: detailf(kind, format, args...)}
}

// number parses the token at pos as a cost.
func (s *scanner) number() (float64, error) {
	// Fast paths: "inf" (most of a sparse matrix written densely) or a plain
	// decimal, followed by a separator, all in the buffer.
	if b := s.buf[s.pos:s.end]; len(b) > 3 && b[0] == 'i' && b[1] == 'n' && b[2] == 'f' && s.sep[b[3]] {
		s.tokLine = s.line
		s.pos += 3
		return math.Inf(1), nil
	}
	if f, n, ok := scanDecimal(s.buf[s.pos:s.end]); ok && s.pos+n < s.end && s.sep[s.buf[s.pos+n]] {
		s.tokLine = s.line
		s.pos += n
		return f, nil
	}
	tok, col := s.token()
	if s.long {
		return 0, s.errAt(s.line, col, ErrNumber, "a token longer than %d bytes", bufSize)
	}
	v, ok := parseNumber(tok)
	if !ok {
		if len(tok) == 0 {
			return 0, s.errAt(s.line, col, ErrNumber, "empty field where a number should be")
		}
		return 0, s.errAt(s.line, col, ErrNumber, "%q is not a number", clip(tok))
	}
	if v != v {
		return 0, s.errAt(s.line, col, ErrNaN, "NaN is not a valid cost")
	}
	return v, nil
}

// index parses the token at pos as a non-negative integer.
func (s *scanner) index(what string, kind error) (int, int, error) {
	tok, col := s.token()
	v, ok := parseIndex(tok)
	if !ok {
		return 0, col, s.errAt(s.line, col, kind, "%s: %q is not a non-negative integer", what, clip(tok))
	}
	return v, col, nil
}

// plural returns "1 value" or "n values".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

func clip(b []byte) string {
	if len(b) > 40 {
		return string(b[:40]) + "…"
	}
	return string(b)
}

// header reads the integers of line 1 into dims; the line must hold exactly
// len(dims) of them.
func (s *scanner) header(what string, dims ...*int) error {
	line := 1
	for k, d := range dims {
		nl, more := s.skip()
		if k == 0 {
			line = s.line
		}
		if !more || (k > 0 && nl > 0) {
			if err := s.readErr(); err != nil {
				return err
			}
			return s.errAt(line, 0, ErrHeader, "the first line must be %q", what)
		}
		v, _, err := s.index("header", ErrHeader)
		if err != nil {
			return err
		}
		*d = v
	}
	if nl, more := s.skip(); more && nl == 0 {
		_, col := s.token()
		return s.errAt(line, col, ErrHeader, "the first line must be %q, found more", what)
	}
	return nil
}

// alloc returns an empty slice with capacity for the n values a header
// promised, capped by what the input's size can hold (two bytes a value).
func (s *scanner) alloc(n int) []float64 {
	c := n
	if s.size >= 0 {
		c = min(c, int(s.size/2)+1)
	} else {
		c = min(c, maxUnsized)
	}
	return make([]float64, 0, c)
}

// cells returns rows×cols or an error when it overflows.
func (s *scanner) cells(rows, cols int) (int, error) {
	if rows != 0 && cols > math.MaxInt/rows {
		return 0, s.errAt(1, 0, ErrHeader, "%d×%d is too large", rows, cols)
	}
	if (rows == 0 || cols == 0) && max(rows, cols) > maxEmptyDim {
		return 0, s.errAt(1, 0, ErrHeader, "an empty %d×%d matrix is too large", rows, cols)
	}
	return rows * cols, nil
}

func (s *scanner) dense(rows, cols int, data []float64) *Matrix {
	if rows == 0 || cols == 0 {
		return &Matrix{Rows: rows, Cols: cols, Sparse: &matching.Sparse{Rows: rows, Cols: cols, Start: make([]int, rows+1)}}
	}
	return &Matrix{Rows: rows, Cols: cols, Dense: mat.NewDense(rows, cols, data[:rows*cols:rows*cols])}
}

func (s *scanner) readLap() (*Matrix, error) {
	var rows, cols int
	if err := s.header("ROWS COLS", &rows, &cols); err != nil {
		return nil, err
	}
	n, err := s.cells(rows, cols)
	if err != nil {
		return nil, err
	}
	data := s.alloc(n)
	for i := 0; i < rows; i++ {
		rowLine := 0
		for j := 0; j < cols; j++ {
			nl, more := s.skip()
			if !more {
				if err := s.readErr(); err != nil {
					return nil, err
				}
				if j == 0 {
					return nil, s.errAt(s.tokLine, 0, ErrCount, "the file ends after %s, want %d", plural(i, "row"), rows)
				}
				return nil, s.errAt(rowLine, 0, ErrRagged, "row %d has %s, want %d", i+1, plural(j, "value"), cols)
			}
			if j == 0 {
				rowLine = s.line
			} else if nl > 0 {
				return nil, s.errAt(rowLine, 0, ErrRagged, "row %d has %s, want %d", i+1, plural(j, "value"), cols)
			}
			v, err := s.number()
			if err != nil {
				return nil, err
			}
			data = append(data, v)
		}
		if nl, more := s.skip(); more && nl == 0 {
			_, col := s.token()
			return nil, s.errAt(s.line, col, ErrRagged, "row %d has more than %d values", i+1, cols)
		}
	}
	if _, more := s.skip(); more {
		_, col := s.token()
		return nil, s.errAt(s.line, col, ErrCount, "more rows than the %d the header promises", rows)
	}
	if err := s.readErr(); err != nil {
		return nil, err
	}
	return s.dense(rows, cols, data), nil
}

func (s *scanner) readAssign() (*Matrix, error) {
	var n int
	if err := s.first(&n); err != nil {
		return nil, err
	}
	total, err := s.cells(n, n)
	if err != nil {
		return nil, err
	}
	data := s.alloc(total)
	for k := 0; k < total; k++ {
		if _, more := s.skip(); !more {
			if err := s.readErr(); err != nil {
				return nil, err
			}
			return nil, s.errAt(s.tokLine, 0, ErrCount, "the file ends after %s, want %d×%d = %d", plural(k, "cost"), n, n, total)
		}
		v, err := s.number()
		if err != nil {
			return nil, err
		}
		data = append(data, v)
	}
	if _, more := s.skip(); more {
		_, col := s.token()
		return nil, s.errAt(s.line, col, ErrCount, "more costs than the %d×%d = %d that n = %d promises", n, n, total, n)
	}
	if err := s.readErr(); err != nil {
		return nil, err
	}
	return s.dense(n, n, data), nil
}

// first reads the single-integer header of the OR-Library formats.
func (s *scanner) first(n *int) error {
	if _, more := s.skip(); !more {
		if err := s.readErr(); err != nil {
			return err
		}
		return s.errAt(1, 0, ErrHeader, "empty file: want the size n first")
	}
	v, _, err := s.index("size n", ErrHeader)
	*n = v
	return err
}

func (s *scanner) readAssignP() (*Matrix, error) {
	var n int
	if err := s.header("n", &n); err != nil {
		return nil, err
	}
	if n > math.MaxInt32 {
		return nil, s.errAt(1, 0, ErrHeader, "n = %d is too large", n)
	}
	var (
		col    []int
		cost   []float64
		rowOf  []int32
		lineOf []int32
		sorted = true // rows non-decreasing and columns strictly ascending so far
	)
	// The arrays start small; after sampleTriples triples they are resized
	// for the whole input, estimated from its size and the bytes read so far
	// (plus 5 %).
	const sampleTriples = 4096
	startOff := s.base + int64(s.pos)
	grow := func(c int) {
		col, cost = slices.Grow(col, c-len(col)), slices.Grow(cost, c-len(cost))
		rowOf, lineOf = slices.Grow(rowOf, c-len(rowOf)), slices.Grow(lineOf, c-len(lineOf))
	}
	grow(sampleTriples)
	prevRow, prevCol, prevLine := -1, -1, 0
	for first := true; ; first = false {
		nl, more := s.skip() // the header check consumed the first newline
		if !more {
			break
		}
		line := s.line
		if nl == 0 && !first {
			_, c := s.token()
			return nil, s.errAt(line, c, ErrCount, "more than 3 values on a line: want \"i j cost\"")
		}
		var ij [2]int
		for k, what := range [2]string{"row index i", "column index j"} {
			if k > 0 {
				if nl, more := s.skip(); !more || nl > 0 {
					return nil, s.errAt(line, 0, ErrCount, "incomplete triple: want \"i j cost\"")
				}
			}
			v, c, err := s.index(what, ErrNumber)
			if err != nil {
				return nil, err
			}
			if v < 1 || v > n {
				return nil, s.errAt(line, c, ErrIndex, "%s = %d is out of range 1..%d", what, v, n)
			}
			ij[k] = v - 1
		}
		if nl, more := s.skip(); !more || nl > 0 {
			return nil, s.errAt(line, 0, ErrCount, "incomplete triple: want \"i j cost\"")
		}
		v, err := s.number()
		if err != nil {
			return nil, err
		}
		i, j := ij[0], ij[1]
		if sorted {
			switch {
			case i == prevRow && j == prevCol:
				return nil, s.errAt(line, 0, ErrDuplicate, "pair (%d, %d) is listed twice, first on line %d", i+1, j+1, prevLine)
			case i < prevRow || i == prevRow && j < prevCol:
				sorted = false
			}
		}
		prevRow, prevCol, prevLine = i, j, line
		if len(col) == sampleTriples && s.size >= 0 {
			per := float64(s.base+int64(s.pos)-startOff) / sampleTriples
			grow(int(float64(s.size)/per*1.05) + sampleTriples)
		}
		col, cost = append(col, j), append(cost, v)
		rowOf, lineOf = append(rowOf, int32(i)), append(lineOf, int32(min(line, math.MaxInt32)))
	}
	if err := s.readErr(); err != nil {
		return nil, err
	}
	if n > max(maxSparseFree, len(col)) {
		return nil, s.errAt(1, 0, ErrHeader, "n = %d exceeds both %d and the %d pairs listed: such a problem cannot be feasible", n, maxSparseFree, len(col))
	}
	sp := &matching.Sparse{Rows: n, Cols: n, Start: make([]int, n+1)}
	for _, i := range rowOf {
		sp.Start[i+1]++
	}
	for i := 0; i < n; i++ {
		sp.Start[i+1] += sp.Start[i]
	}
	if !sorted {
		// Counting sort by row (stable: file order within a row), then sort
		// each row by column and look for duplicates.
		next := slices.Clone(sp.Start[:n])
		c2, v2, l2 := make([]int, len(col)), make([]float64, len(col)), make([]int32, len(col))
		for k, i := range rowOf {
			d := next[i]
			next[i]++
			c2[d], v2[d], l2[d] = col[k], cost[k], lineOf[k]
		}
		col, cost, lineOf = c2, v2, l2
		for i := 0; i < n; i++ {
			a, b := sp.Start[i], sp.Start[i+1]
			if err := s.sortRow(col[a:b], cost[a:b], lineOf[a:b], i); err != nil {
				return nil, err
			}
		}
	}
	// Drop pairs listed as +Inf: they are forbidden, like pairs not listed.
	w := 0
	for i := 0; i < n; i++ {
		a, b := sp.Start[i], sp.Start[i+1]
		sp.Start[i] = w
		for k := a; k < b; k++ {
			if !math.IsInf(cost[k], 1) {
				col[w], cost[w] = col[k], cost[k]
				w++
			}
		}
	}
	sp.Start[n] = w
	if cap(col) > w+w/8+1024 { // a poor estimate: give the spare room back
		col, cost = slices.Clone(col[:w]), slices.Clone(cost[:w])
	}
	sp.Col, sp.Cost = col[:w:w], cost[:w:w]
	return &Matrix{Rows: n, Cols: n, Sparse: sp}, nil
}

// sortRow sorts one row's entries by column and reports a duplicate column
// at the line of its later occurrence.
func (s *scanner) sortRow(col []int, cost []float64, line []int32, i int) error {
	if !slices.IsSorted(col) {
		perm := make([]int, len(col))
		for k := range perm {
			perm[k] = k
		}
		slices.SortStableFunc(perm, func(a, b int) int { return col[a] - col[b] })
		c, v, l := slices.Clone(col), slices.Clone(cost), slices.Clone(line)
		for k, p := range perm {
			col[k], cost[k], line[k] = c[p], v[p], l[p]
		}
	}
	for k := 1; k < len(col); k++ {
		if col[k] == col[k-1] {
			a, b := min(line[k], line[k-1]), max(line[k], line[k-1])
			return s.errAt(int(b), 0, ErrDuplicate, "pair (%d, %d) is listed twice, first on line %d", i+1, col[k]+1, a)
		}
	}
	return nil
}

func (s *scanner) readCSV() (*Matrix, error) {
	s.sep = &csvSep
	cols := -1
	rows := 0
	var data []float64
	for {
		if _, more := s.skip(); !more {
			break
		}
		line := s.line
		rowStart := s.base + int64(s.pos)
		fields := 0
		for {
			if c := s.skipBlank(); c == ',' || c == '\n' || c < 0 {
				return nil, s.errAt(line, s.col(s.pos), ErrNumber, "empty field where a number should be")
			}
			v, err := s.number()
			if err != nil {
				var pe *ParseError
				if rows == 0 && errors.As(err, &pe) && errors.Is(err, ErrNumber) {
					pe.Err = detailf(ErrNumber, "%v (a CSV matrix file has no header row)", pe.Err)
				}
				return nil, err
			}
			data = append(data, v)
			fields++
			c := s.skipBlank()
			if c == ',' {
				s.pos++
				continue
			}
			if c == '\n' || c < 0 {
				break
			}
			tok, col := s.token()
			return nil, s.errAt(line, col, ErrNumber, "%q after a number: want a comma or the end of the line", clip(tok))
		}
		switch {
		case cols < 0:
			cols = fields
			data = s.allocCSV(data, s.base+int64(s.pos)-rowStart)
		case fields != cols:
			return nil, s.errAt(line, 0, ErrRagged, "row %d has %s, want %d like row 1", rows+1, plural(fields, "value"), cols)
		}
		rows++
	}
	if err := s.readErr(); err != nil {
		return nil, err
	}
	if rows == 0 {
		return nil, s.errAt(s.line, 0, ErrCount, "no rows")
	}
	return s.dense(rows, cols, data), nil
}

// allocCSV moves the first row into a slice sized for the whole file,
// estimated from the input's size and the first row's width in bytes
// (plus 5 %). A wrong guess costs only an append's growth.
func (s *scanner) allocCSV(first []float64, rowBytes int64) []float64 {
	est := int64(maxUnsized)
	if s.size >= 0 {
		rows := float64(s.size)/float64(max(rowBytes, 1))*1.05 + 2
		est = min(int64(rows)*int64(len(first)), s.size/2+1)
	}
	data := make([]float64, len(first), max(est, int64(len(first))))
	copy(data, first)
	return data
}

// parseIndex parses a non-negative decimal integer of at most 18 digits.
func parseIndex(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 18 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// pow5 holds 5^0 … 5^27, the powers of five that fit in a uint64.
var pow5 = [...]uint64{1, 5, 25, 125, 625, 3125, 15625, 78125, 390625, 1953125, 9765625,
	48828125, 244140625, 1220703125, 6103515625, 30517578125, 152587890625, 762939453125,
	3814697265625, 19073486328125, 95367431640625, 476837158203125, 2384185791015625,
	11920928955078125, 59604644775390625, 298023223876953125, 1490116119384765625,
	7450580596923828125}

// parseNumber parses a decimal float, correctly rounded. A token of at most
// 19 significant digits with a power of ten in [−27, 27] is converted
// exactly with integer arithmetic: Clinger's fast path (one exact float
// operation) when the significand fits in 53 bits and the power in ±22,
// else m·10^k = m·5^k·2^k computed as a 128-bit product or quotient with a
// sticky bit and rounded to nearest even. This covers Python's repr output
// (17 digits, 0.12345678901234566). Anything else (more digits, larger
// exponents, inf, hex floats) goes to strconv.ParseFloat. It reports false
// for a malformed token or a finite number that overflows float64.
func parseNumber(b []byte) (float64, bool) {
	if f, n, ok := scanDecimal(b); ok && n == len(b) {
		return f, true
	}
	return parseSlow(b)
}

// scanDecimal parses the longest prefix of b shaped like a plain decimal
// ([sign] digits [. digits] [e [sign] digits]) and returns its value and
// length. It reports false when there is no such prefix or when the value
// needs strconv (see parseNumber).
func scanDecimal(b []byte) (float64, int, bool) {
	i := 0
	neg := false
	if i < len(b) && (b[i] == '-' || b[i] == '+') {
		neg = b[i] == '-'
		i++
	}
	// At most 19 digits in all, so that mant < 10^19 < 2^64; longer
	// numbers (rare: Python writes at most 17 significant digits) take the
	// slow path.
	var mant uint64
	nd, exp := 0, 0
	start := i
	mant, i, nd = digitRun(b, i, mant, nd)
	if nd < 0 {
		return 0, 0, false
	}
	digits := i > start
	if i < len(b) && b[i] == '.' {
		i++
		fs := i
		mant, i, nd = digitRun(b, i, mant, nd)
		if nd < 0 {
			return 0, 0, false
		}
		exp = fs - i
		digits = digits || i > fs
	}
	if !digits {
		return 0, 0, false
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		eneg := false
		if i < len(b) && (b[i] == '-' || b[i] == '+') {
			eneg = b[i] == '-'
			i++
		}
		e, ed := 0, 0
		for ; i < len(b) && b[i]-'0' <= 9; i++ {
			if e < 10000 {
				e = e*10 + int(b[i]-'0')
			}
			ed++
		}
		if ed == 0 {
			return 0, 0, false
		}
		if eneg {
			e = -e
		}
		exp += e
	}
	var f float64
	switch {
	case mant == 0:
	case mant <= 1<<53 && exp >= -22 && exp <= 22:
		f = float64(mant)
		if exp < 0 {
			f /= pow10[-exp]
		} else {
			f *= pow10[exp]
		}
	case exp < 0 && exp >= -27:
		f = divPow10(mant, -exp)
	case exp >= 0 && exp <= 27:
		f = mulPow10(mant, exp)
	default:
		return 0, 0, false
	}
	if neg {
		f = -f
	}
	return f, i, true
}

// digitRun accumulates the decimal digits of b from i into mant, eight at a
// time where it can (SWAR), and returns the new mant, the index after the
// digits and the running digit count nd; nd < 0 means more than 19 digits.
func digitRun(b []byte, i int, mant uint64, nd int) (uint64, int, int) {
	for i+8 <= len(b) && nd+8 <= 19 {
		v := binary.LittleEndian.Uint64(b[i:])
		if ((v+0x4646464646464646)|(v-0x3030303030303030))&0x8080808080808080 != 0 {
			break // not eight digits
		}
		v -= 0x3030303030303030
		v = (v * 10) + (v >> 8)
		v = ((v&0x000000FF000000FF)*(100+(1000000<<32)) + ((v>>16)&0x000000FF000000FF)*(1+(10000<<32))) >> 32
		mant = mant*100000000 + uint64(uint32(v))
		i += 8
		nd += 8
	}
	for ; i < len(b) && b[i]-'0' <= 9; i++ {
		if nd == 19 {
			return 0, i, -1
		}
		mant = mant*10 + uint64(b[i]-'0')
		nd++
	}
	return mant, i, nd
}

// divPow10 returns m / 10^k correctly rounded, for m > 0 and 1 ≤ k ≤ 27:
// m / 5^k as a quotient of at least 63 bits plus a sticky remainder, then
// scaled by 2^−k.
func divPow10(m uint64, k int) float64 {
	d := pow5[k]
	t := 65 - bits.Len64(d) // so that hi < 2^(len(d)−1) ≤ d
	lz := bits.LeadingZeros64(m)
	mm := m << lz
	q, r := bits.Div64(mm>>t, mm<<(64-t), d)
	return round53(q, r != 0, -(64-t)-lz-k)
}

// mulPow10 returns m · 10^k correctly rounded, for m > 0 and 0 ≤ k ≤ 27.
func mulPow10(m uint64, k int) float64 {
	hi, lo := bits.Mul64(m, pow5[k])
	if hi == 0 {
		return round53(lo, false, k)
	}
	s := bits.Len64(hi)
	q := hi<<(64-s) | lo>>s
	sticky := lo&(1<<s-1) != 0
	return round53(q, sticky, s+k)
}

// round53 returns (q + ε) · 2^e rounded to nearest even, where q > 0 and ε
// is a positive fraction below one when sticky is set, else zero.
func round53(q uint64, sticky bool, e int) float64 {
	n := bits.Len64(q)
	if n <= 53 { // exact; the callers pass sticky only with q ≥ 2^62
		return math.Ldexp(float64(q), e)
	}
	sh := uint(n - 53)
	mant := q >> sh
	rem := q & (1<<sh - 1)
	half := uint64(1) << (sh - 1)
	if rem > half || rem == half && (sticky || mant&1 == 1) {
		mant++
		if mant == 1<<53 {
			mant >>= 1
			sh++
		}
	}
	e += int(sh)
	if be := e + 52 + 1023; be >= 1 && be <= 2046 { // a normal float: build its bits
		return math.Float64frombits(uint64(be)<<52 | mant&(1<<52-1))
	}
	return math.Ldexp(float64(mant), e)
}

func parseSlow(b []byte) (float64, bool) {
	if len(b) == 0 {
		return 0, false
	}
	// The string shares b's bytes; ParseFloat neither keeps nor modifies it
	// (an error's copy aside, which is discarded).
	f, err := strconv.ParseFloat(unsafe.String(&b[0], len(b)), 64)
	if err != nil {
		return 0, false
	}
	return f, true
}
