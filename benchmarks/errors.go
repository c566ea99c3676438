package benchmarks

import (
	"errors"
	"fmt"
)

// Sentinel errors of the matrix file readers. A *ParseError unwraps to one
// of them; test with errors.Is.
var (
	// ErrFormat reports a file whose format cannot be detected, or an
	// unknown format name.
	ErrFormat = errors.New("benchmarks: unknown matrix file format")
	// ErrHeader reports a missing or invalid header (the dimensions).
	ErrHeader = errors.New("benchmarks: invalid header")
	// ErrNumber reports a word where a number should be, or a number out
	// of the range of float64.
	ErrNumber = errors.New("benchmarks: not a number")
	// ErrNaN reports a NaN cost.
	ErrNaN = errors.New("benchmarks: NaN cost")
	// ErrRagged reports a row with a different number of values than the
	// others (or than the header says).
	ErrRagged = errors.New("benchmarks: ragged row")
	// ErrCount reports a file with too few or too many values, rows or
	// triples.
	ErrCount = errors.New("benchmarks: wrong number of values")
	// ErrIndex reports a row or column index out of range in a triple.
	ErrIndex = errors.New("benchmarks: index out of range")
	// ErrDuplicate reports a pair listed twice in a triples file.
	ErrDuplicate = errors.New("benchmarks: duplicate pair")
	// ErrRange reports a GAP resource or capacity that is negative or
	// infinite.
	ErrRange = errors.New("benchmarks: value out of range")
)

// ErrGAPPlan reports a plan that is not a feasible solution of its GAP
// instance (GAP.Value): a job without an agent in range, or an agent over
// its capacity.
var ErrGAPPlan = errors.New("benchmarks: infeasible GAP plan")

// ParseError locates a problem in a matrix file, a GAP file or a staffing
// dataset. It prints as "file:line:col: message" (without ":col" when
// Column is 0) and unwraps to Err, which unwraps to one of the sentinels
// above or to ErrStaffing.
type ParseError struct {
	File   string
	Line   int // 1-based line number
	Column int // 1-based byte column, or 0 when not applicable
	Err    error
}

func (e *ParseError) Error() string {
	if e.Column > 0 {
		return fmt.Sprintf("%s:%d:%d: %v", e.File, e.Line, e.Column, e.Err)
	}
	return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
}

// Unwrap returns Err.
func (e *ParseError) Unwrap() error { return e.Err }

// detailError is a message that unwraps to a sentinel, so a ParseError reads
// "m.txt:3:9: ragged row: 3 values, want 4" and still matches ErrRagged.
type detailError struct {
	kind error
	msg  string
}

func (e *detailError) Error() string { return e.msg }
func (e *detailError) Unwrap() error { return e.kind }

func detailf(kind error, format string, args ...any) error {
	return &detailError{kind: kind, msg: fmt.Sprintf(format, args...)}
}
