package matching

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Typed errors below unwrap to them; test with errors.Is.
var (
	// ErrInfeasible reports that no assignment satisfies the problem.
	ErrInfeasible = errors.New("matching: no feasible assignment")
	// ErrInvalidCost reports a NaN cost, or a −Inf cost when minimizing.
	ErrInvalidCost = errors.New("matching: invalid cost")
	// ErrCertificate reports that an assignment failed its optimality
	// certificate.
	ErrCertificate = errors.New("matching: certificate check failed")
	// ErrUnsupported reports a problem feature that is not supported yet.
	ErrUnsupported = errors.New("matching: not supported yet")
	// ErrNodeLimit reports that branch and bound reached Solver.MaxNodes
	// before finding any feasible assignment (with one, Solve returns it
	// with its bound instead).
	ErrNodeLimit = errors.New("matching: node limit reached before a feasible assignment was found")
	// ErrInvalidArgument reports an argument outside the range the solver
	// handles: a nil Problem, a NaN, infinite or negative tolerance, a
	// negative node limit, or capacities whose sum overflows int.
	ErrInvalidArgument = errors.New("matching: invalid argument")
)

// maxListed caps the items an error message lists.
const maxListed = 10

// InfeasibleError explains why a problem has no feasible assignment with a
// Hall's-condition witness.
//
// When Transposed is false, Rows is a set of rows that must all be placed
// but whose allowed columns Cols offer only Seats < len(Rows) seats.
// When Transposed is true (more rows than seats and Unassigned nil, so every
// seat must be filled), Cols is a set of columns whose Seats seats must all be
// filled but only the rows Rows, fewer than Seats, may take them.
// Rows and Cols are sorted ascending and hold the whole witness; the message
// lists at most 10 of each.
type InfeasibleError struct {
	Rows       []int
	Cols       []int
	Seats      int
	Transposed bool
	// Groups and Side name the group and side constraints of a conflict
	// (indices into Problem.Groups, ascending; names from Problem.Side).
	// When Groups is set, Rows and Cols are empty. Side lists side
	// constraints that cannot hold together with the problem's other
	// rules; with at most 32 side constraints the set is irreducible
	// (dropping any one makes the rest feasible, as far as solves of
	// 10 000 nodes can tell).
	Groups []int
	Side   []string
}

func (e *InfeasibleError) Error() string {
	if len(e.Groups) > 0 || len(e.Side) > 0 {
		msg := "matching: no feasible assignment: "
		if len(e.Groups) > 0 {
			msg += "groups " + listInts(e.Groups)
			if len(e.Side) > 0 {
				msg += " and "
			}
		}
		if len(e.Side) > 0 {
			msg += "side constraints " + listStrings(e.Side)
		}
		return msg + " cannot hold"
	}
	if e.Transposed {
		return fmt.Sprintf("matching: no feasible assignment: %d seats in columns %s must be filled but only %d rows may take them: %s",
			e.Seats, listInts(e.Cols), len(e.Rows), listInts(e.Rows))
	}
	return fmt.Sprintf("matching: no feasible assignment: %d rows must be placed but their allowed columns offer only %d seats: rows %s; columns %s",
		len(e.Rows), e.Seats, listInts(e.Rows), listInts(e.Cols))
}

// Unwrap returns ErrInfeasible.
func (e *InfeasibleError) Unwrap() error { return ErrInfeasible }

// CostError reports a NaN cost, or a −Inf cost when minimizing, at (Row,
// Col). Col is -1 for an entry of Problem.Unassigned.
type CostError struct {
	Row, Col int
	Value    float64
}

func (e *CostError) Error() string {
	if e.Col < 0 {
		return fmt.Sprintf("matching: invalid cost: Unassigned[%d] is %v", e.Row, e.Value)
	}
	return fmt.Sprintf("matching: invalid cost: cost[%d][%d] is %v", e.Row, e.Col, e.Value)
}

// Unwrap returns ErrInvalidCost.
func (e *CostError) Unwrap() error { return ErrInvalidCost }

// CertificateError reports the first check of Certify that failed. Row and
// Col locate it (-1 when not applicable) and Slack is by how much it failed.
type CertificateError struct {
	Check    string
	Row, Col int
	Slack    float64
}

func (e *CertificateError) Error() string {
	return fmt.Sprintf("matching: certificate check failed: %s (row %d, col %d, off by %g)", e.Check, e.Row, e.Col, e.Slack)
}

// Unwrap returns ErrCertificate.
func (e *CertificateError) Unwrap() error { return ErrCertificate }

// ArgumentError reports an argument of Solve, KBest, Within, KBestFrom,
// Lexicographic or Certify outside its range: Name names it (such as
// "Solver.Tolerance" or "Problem.Capacity"), Value holds it and Want says
// what is accepted.
type ArgumentError struct {
	Name  string
	Value any
	Want  string
}

func (e *ArgumentError) Error() string {
	return fmt.Sprintf("matching: invalid argument: %s is %v, want %s", e.Name, e.Value, e.Want)
}

// Unwrap returns ErrInvalidArgument.
func (e *ArgumentError) Unwrap() error { return ErrInvalidArgument }

// listStrings formats at most maxListed quoted strings, then "and N more".
func listStrings(xs []string) string {
	var b strings.Builder
	b.WriteByte('[')
	for k, x := range xs {
		if k == maxListed {
			fmt.Fprintf(&b, " and %d more", len(xs)-maxListed)
			break
		}
		if k > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%q", x)
	}
	b.WriteByte(']')
	return b.String()
}

// listInts formats at most maxListed integers, then "and N more".
func listInts(xs []int) string {
	var b strings.Builder
	b.WriteByte('[')
	for k, x := range xs {
		if k == maxListed {
			fmt.Fprintf(&b, " and %d more", len(xs)-maxListed)
			break
		}
		if k > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprint(&b, x)
	}
	b.WriteByte(']')
	return b.String()
}
