package scenarios

import (
	"errors"
	"fmt"
	"strings"

	"github.com/mutasi-asn/mutasi/scoring"
)

// Sentinel errors. The typed errors below unwrap to them; test with
// errors.Is.
var (
	// ErrSyntax reports malformed YAML or CSV.
	ErrSyntax = errors.New("scenarios: syntax error")
	// ErrUnknownField reports a YAML key or CSV column the schema does not
	// define.
	ErrUnknownField = errors.New("scenarios: unknown field")
	// ErrMissingField reports a required YAML key, CSV column or CSV cell
	// that is absent or empty.
	ErrMissingField = errors.New("scenarios: missing required field")
	// ErrDuplicateKey reports a YAML mapping key or CSV column given twice.
	ErrDuplicateKey = errors.New("scenarios: duplicate key")
	// ErrWrongType reports a value of the wrong YAML kind or type, such as a
	// list where a number is expected.
	ErrWrongType = errors.New("scenarios: wrong type")
	// ErrInvalidValue reports a value of the right type that is out of range
	// or not one of the allowed words.
	ErrInvalidValue = errors.New("scenarios: invalid value")
	// ErrInvalidDate reports a date not written as yyyy-mm-dd.
	ErrInvalidDate = errors.New("scenarios: invalid date")
	// ErrInvalidNIP reports an employee id that is not an 18-digit NIP.
	ErrInvalidNIP = errors.New("scenarios: invalid NIP")
	// ErrMultipleDocuments reports a YAML file holding more than one
	// document.
	ErrMultipleDocuments = errors.New("scenarios: more than one YAML document")
	// ErrEmptyDocument reports a YAML file with no document.
	ErrEmptyDocument = errors.New("scenarios: empty document")
	// ErrDuplicateID reports two units, positions or employees with one id.
	ErrDuplicateID = errors.New("scenarios: duplicate id")
	// ErrUnknownUnit reports a reference to a unit that is not defined.
	ErrUnknownUnit = errors.New("scenarios: unknown unit")
	// ErrUnknownPosition reports a reference to a position that is not
	// defined.
	ErrUnknownPosition = errors.New("scenarios: unknown position")
	// ErrUnknownEmployee reports a reference to an employee who is not
	// defined.
	ErrUnknownEmployee = errors.New("scenarios: unknown employee")
	// ErrExtendsCycle reports a chain of extends that returns to a file
	// already in it.
	ErrExtendsCycle = errors.New("scenarios: extends cycle")
	// ErrInclude reports an extends or CSV file that cannot be read.
	ErrInclude = errors.New("scenarios: cannot read included file")
	// ErrNotRegular reports an input that is not a regular file (a
	// folder, a named pipe, a device, a socket); it is refused before it
	// is opened. Errors wrapping it also wrap ErrInclude.
	ErrNotRegular = errors.New("scenarios: not a regular file")
	// ErrFileTooLarge reports an input file larger than MaxFileSize.
	// Errors wrapping it also wrap ErrInclude.
	ErrFileTooLarge = errors.New("scenarios: file too large")
	// ErrChange reports a changes entry that cannot be applied: it sets no
	// operation or several, or removes something that does not exist.
	ErrChange = errors.New("scenarios: invalid change")
	// ErrRaggedRow reports a CSV row whose number of cells differs from the
	// header's.
	ErrRaggedRow = errors.New("scenarios: ragged CSV row")
	// ErrTooComplex reports a YAML document whose aliases expand beyond the
	// decoding budget, or YAML files with more values than Load builds
	// (about 2 million).
	ErrTooComplex = errors.New("scenarios: document too complex")
	// ErrNotRepresentable reports a value the CSV writer cannot write so
	// that it reads back unchanged.
	ErrNotRepresentable = errors.New("scenarios: value not representable in CSV")
	// ErrAlternativesUnsupported reports a scenario whose k best plans
	// Instance.Alternatives cannot rank yet.
	ErrAlternativesUnsupported = errors.New("scenarios: alternative plans are not supported yet for this scenario")
)

// maxListed caps the errors an [ErrorList] prints.
const maxListed = 20

// ParseError reports malformed input at a place in a file: YAML syntax,
// unknown keys, wrong types, duplicate keys, CSV rows. Line and Column are
// 1-based; 0 means unknown. It prints as "file:line:col: message" and
// unwraps to Err, which wraps a sentinel such as [ErrUnknownField].
type ParseError struct {
	File   string
	Line   int
	Column int
	Err    error
}

func (e *ParseError) Error() string {
	return position(e.File, e.Line, e.Column) + e.Err.Error()
}

// Unwrap returns Err.
func (e *ParseError) Unwrap() error { return e.Err }

// ValidationError reports a well-formed value that breaks a rule of the
// schema: a duplicate id, a reference to an unknown unit, a value out of
// range. Field is the path of the value in the resolved scenario, such as
// "constraints.unit_floors[2].unit"; for a roster row it is the path of the
// list item, such as "workforce.employees[41].unit". File, Line and Column
// locate the value where it was written (0 when unknown). It prints as
// "file:line:col: field: message" and unwraps to Err.
type ValidationError struct {
	File   string
	Line   int
	Column int
	Field  string
	Value  any
	Err    error
}

func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString(position(e.File, e.Line, e.Column))
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns Err.
func (e *ValidationError) Unwrap() error { return e.Err }

func position(file string, line, col int) string {
	switch {
	case file == "" && line == 0:
		return ""
	case line == 0:
		return file + ": "
	case col == 0:
		return fmt.Sprintf("%s:%d: ", file, line)
	default:
		return fmt.Sprintf("%s:%d:%d: ", file, line, col)
	}
}

// ErrorList holds every error found in a scenario, in file, line and column
// order. Each element is a *ParseError or a *ValidationError. Load and Parse
// return an *ErrorList only when they found two or more errors; a single
// error is returned as itself. errors.Is and errors.As look into every
// element.
type ErrorList struct {
	Errs []error
}

func (l *ErrorList) Error() string {
	var b strings.Builder
	for i, err := range l.Errs {
		if i == maxListed {
			fmt.Fprintf(&b, "\nand %d more", len(l.Errs)-maxListed)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(err.Error())
	}
	return b.String()
}

// Unwrap returns the errors of the list.
func (l *ErrorList) Unwrap() []error { return l.Errs }

// msgf builds a message error that wraps sentinel: "sentinel text: detail"
// without the package prefix repeated.
func msgf(sentinel error, format string, args ...any) error {
	return &detailError{sentinel: sentinel, detail: fmt.Sprintf(format, args...)}
}

// detailError is a sentinel plus a detail. It prints the detail alone (the
// sentinel's text is implied by it) and unwraps to the sentinel and to the
// cause, if any (such as scoring.ErrUnknownValue).
type detailError struct {
	sentinel error
	cause    error
	detail   string
}

func (e *detailError) Error() string { return e.detail }
func (e *detailError) Unwrap() []error {
	if e.cause == nil {
		return []error{e.sentinel}
	}
	return []error{e.sentinel, e.cause}
}

// Warning sentinels; a *Warning unwraps to one of them.
var (
	// ErrNotProven reports a plan whose optimality is not proven: branch
	// and bound stopped at its node limit, and the warning gives the
	// proven bound and the gap.
	ErrNotProven = errors.New("scenarios: optimality not proven")
	// ErrOverride reports a pin that breaks a hard rule: the pin is kept,
	// as a reasoned manual override, and the rule ids are named.
	ErrOverride = errors.New("scenarios: manual override breaks a rule")
	// ErrReportOnly reports a post or rule the plan reports on without
	// planning it (open selection posts, rules that cannot be switched
	// off).
	ErrReportOnly = errors.New("scenarios: reported, not planned")
)

// ErrInfeasible reports a scenario whose hard rules cannot all hold; an
// *InfeasibleError unwraps to it.
var ErrInfeasible = errors.New("scenarios: no feasible plan")

// InfeasibleError explains, in the scenario's terms, why no plan exists: a
// unit floor that too few eligible people can meet, pinned employees who
// need more seats than their posts have, or plan-level constraints that
// cannot hold together (Conflict). It unwraps to ErrInfeasible.
type InfeasibleError struct {
	// Rule is unit-floor or capacity, or the rule of the first constraint
	// of Conflict.
	Rule scoring.RuleID `json:"rule"`
	// Unit and UnitName name the unit concerned (unit-floor).
	Unit     scoring.UnitID `json:"unit,omitempty"`
	UnitName string         `json:"unit_name,omitempty"`
	// Positions are the posts concerned, sorted.
	Positions []scoring.PositionID `json:"positions"`
	// Employees are the pinned employees of a capacity conflict, or the
	// employees of a conflict-of-interest pair in Conflict, sorted.
	Employees []scoring.EmployeeID `json:"employees,omitempty"`
	// Need is the floor (or the pinned people); Have the eligible people
	// (or the seats) there are. Both are 0 for a Conflict.
	Need int `json:"need"`
	Have int `json:"have"`
	// What names the people counted, such as "doctors".
	What string `json:"what,omitempty"`
	// profession is the text form of the floor's profession ("" for any),
	// for Why.
	profession string
	// Reason is the floor's reason from the scenario.
	Reason string `json:"reason,omitempty"`
	// Excluded counts, per rule, the qualified people it keeps out.
	Excluded []RuleCount `json:"excluded,omitempty"`
	// Why is the report as a code and arguments ([ReasonInfeasibleCapacity],
	// [ReasonInfeasibleFloor] or [ReasonInfeasibleConflict]), for
	// rendering in another language ([InfeasibleError.Text]); Error gives
	// its English text.
	Why Reason `json:"why"`
	// Conflict lists plan-level constraints that cannot hold together
	// with the scenario's other rules (pins, freezes, pair rules), in
	// schema order. With at most 32 side constraints in the last solve
	// the set is irreducible as far as bounded solves can tell: dropping
	// any one of them lets the rest hold. After them come the placements
	// the scenario holds fixed that take part ([ReasonLimitHeld]: a pin,
	// exclusion or freeze in or out of the constraints' posts, or held in
	// a move under a round-wide limit), so the report reads whole; they
	// are context, not part of the irreducible set.
	Conflict []ConflictingRule `json:"conflict,omitempty"`
}

// ConflictingRule is one constraint of an infeasible combination.
type ConflictingRule struct {
	Rule scoring.RuleID `json:"rule"`
	// Constraint states it in English, such as "at most 20% of a unit's
	// staff leave in one round (max_turnover_pct)": Why.String().
	Constraint string `json:"constraint"`
	// Why is the constraint as a code and arguments (the ReasonLimit
	// codes, such as [ReasonLimitTurnover]).
	Why Reason `json:"why"`
	// Unit, Positions and Employees are what it concerns; empty for a
	// round-wide constraint.
	Unit      scoring.UnitID       `json:"unit,omitempty"`
	Positions []scoring.PositionID `json:"positions,omitempty"`
	Employees []scoring.EmployeeID `json:"employees,omitempty"`
}

func (e *InfeasibleError) Error() string { return e.Text("en") }

// Text returns the report in English (lang "en" and other languages) or
// Indonesian ("id"): Why, then for a Conflict each constraint with its
// rule id (at most ten, then how many more).
func (e *InfeasibleError) Text(lang string) string {
	why := e.Why
	if why.Code == "" {
		why = e.reason()
	}
	if len(e.Conflict) == 0 {
		return why.Text(lang)
	}
	var b strings.Builder
	b.WriteString(why.Text(lang))
	b.WriteString(": ")
	for k, c := range e.Conflict {
		if k == 10 {
			more := "; and %d more"
			if lang == "id" {
				more = "; dan %d lainnya"
			}
			fmt.Fprintf(&b, more, len(e.Conflict)-10)
			break
		}
		if k > 0 {
			b.WriteString("; ")
		}
		text := c.Constraint
		if c.Why.Code != "" {
			text = c.Why.Text(lang)
		}
		fmt.Fprintf(&b, "%s (%s)", text, c.Rule)
	}
	return b.String()
}

// reason derives Why from the report's fields.
func (e *InfeasibleError) reason() Reason {
	switch {
	case len(e.Conflict) > 0:
		return newReason(ReasonInfeasibleConflict)
	case e.Rule == scoring.RuleCapacity:
		return newReason(ReasonInfeasibleCapacity, e.Need, strings.Join(idStrings(e.Positions), ", "), e.Have,
			strings.Join(idStrings(e.Employees), ", "))
	}
	excluded := make([]string, len(e.Excluded))
	for k, c := range e.Excluded {
		excluded[k] = fmt.Sprintf("%s %d", c.Rule, c.Count)
	}
	return newReason(ReasonInfeasibleFloor, e.UnitName, e.Need, e.profession, e.Have, strings.Join(excluded, ", "))
}

// idStrings returns ids as strings.
func idStrings[T ~string](ids []T) []string {
	out := make([]string, len(ids))
	for k, id := range ids {
		out[k] = string(id)
	}
	return out
}

// Unwrap returns ErrInfeasible.
func (e *InfeasibleError) Unwrap() error { return ErrInfeasible }
