package scoring

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. The typed errors below unwrap to them; test with
// errors.Is, never with the message text.
var (
	// ErrUnknownValue reports text that is not a valid form of an enum.
	ErrUnknownValue = errors.New("scoring: unknown value")
	// ErrUnknownField reports a field of study that is not in the taxonomy.
	ErrUnknownField = errors.New("scoring: unknown field of study")
	// ErrUnknownReference reports an ID that names no known unit or
	// position.
	ErrUnknownReference = errors.New("scoring: unknown reference")
	// ErrDuplicateID reports two records with the same ID.
	ErrDuplicateID = errors.New("scoring: duplicate id")
	// ErrMissing reports a required value left at its zero value.
	ErrMissing = errors.New("scoring: missing value")
	// ErrInvalidValue reports an enum value outside its defined range, or a
	// field combination that is not allowed (a JPT level on a pelaksana
	// post, GradeMin above GradeMax…).
	ErrInvalidValue = errors.New("scoring: invalid value")
	// ErrGradeRange reports a grade outside I/a … IV/e.
	ErrGradeRange = errors.New("scoring: grade out of range")
	// ErrCompetenceLevel reports a competency level outside 1–5 (0 means
	// not assessed or not required and is allowed).
	ErrCompetenceLevel = errors.New("scoring: competence level outside 1-5")
	// ErrBirthAfterPlan reports a birth date after the plan date.
	ErrBirthAfterPlan = errors.New("scoring: birth date after plan date")
	// ErrStartBeforeBirth reports a start date (TMT) before the birth date,
	// or a stint ending before it starts.
	ErrStartBeforeBirth = errors.New("scoring: start date before birth date")
	// ErrNotWaivable reports an exception for a rule that cannot be waived
	// per employee, or without a reason.
	ErrNotWaivable = errors.New("scoring: rule cannot be waived")
	// ErrInvalidWeight reports a NaN, infinite or negative weight.
	ErrInvalidWeight = errors.New("scoring: invalid weight")
	// ErrInvalidRules reports an inconsistent rule parameter.
	ErrInvalidRules = errors.New("scoring: invalid rule parameter")
	// ErrNoPlanDate reports a Scorer whose AsOf is the zero time.
	ErrNoPlanDate = errors.New("scoring: plan date not set")
)

// EnumError reports text that is not a valid form of an enum. It unwraps to
// ErrUnknownValue.
type EnumError struct {
	// Enum names the enum, such as "education level".
	Enum string
	// Text is the rejected text.
	Text string
}

func (e *EnumError) Error() string {
	return fmt.Sprintf("scoring: unknown %s %q", e.Enum, e.Text)
}

// Unwrap returns ErrUnknownValue.
func (e *EnumError) Unwrap() error { return ErrUnknownValue }

// DataError reports a bad value in an employee, position or unit record. It
// names the record (exactly one of Employee, Position and Unit is set, or
// none for a table such as the taxonomy), the field (a snake_case path such
// as "education.level", "competence.levels[3]" or "position_since") and the
// value, and unwraps to a sentinel such as ErrCompetenceLevel.
type DataError struct {
	Employee EmployeeID
	Position PositionID
	Unit     UnitID
	Field    string
	Value    any
	Err      error
}

func (e *DataError) Error() string {
	var who string
	switch {
	case e.Employee != "":
		who = fmt.Sprintf("employee %q: ", e.Employee)
	case e.Position != "":
		who = fmt.Sprintf("position %q: ", e.Position)
	case e.Unit != "":
		who = fmt.Sprintf("unit %q: ", e.Unit)
	}
	msg := "<nil>"
	if e.Err != nil {
		msg = strings.TrimPrefix(e.Err.Error(), "scoring: ")
	}
	return fmt.Sprintf("scoring: %s%s %q: %s", who, e.Field, fmt.Sprint(e.Value), msg)
}

// Unwrap returns the sentinel.
func (e *DataError) Unwrap() error { return e.Err }

// WeightError reports an invalid weight. It unwraps to ErrInvalidWeight.
type WeightError struct {
	Criterion Criterion
	Value     float64
}

func (e *WeightError) Error() string {
	return fmt.Sprintf("scoring: invalid weight for %s: %v (must be finite and ≥ 0)", e.Criterion, e.Value)
}

// Unwrap returns ErrInvalidWeight.
func (e *WeightError) Unwrap() error { return ErrInvalidWeight }

// RulesError reports an invalid rule parameter, named by its YAML-style
// path (such as "min_tenure_years"). It unwraps to ErrInvalidRules.
type RulesError struct {
	Param string
	Value any
}

func (e *RulesError) Error() string {
	return fmt.Sprintf("scoring: invalid rule parameter %s: %v", e.Param, e.Value)
}

// Unwrap returns ErrInvalidRules.
func (e *RulesError) Unwrap() error { return ErrInvalidRules }
