package scoring

import (
	"math"
	"time"
)

// Scorer rates the fit of employees for positions at a plan date. Its
// fields are configuration; set them, then call its methods. The methods
// do not modify the Scorer or its slices and are safe for concurrent use
// as long as nobody modifies them.
//
// A Scorer's zero value is not ready: AsOf must be set and Rules must be a
// valid set (start from [DefaultRules]).
type Scorer struct {
	// Weights are the criterion weights; the zero value scores every pair 0.
	Weights Weights
	// AsOf is the plan date (Scenario.PlanDate): every tenure, age and
	// validity is measured on it. The zero time is rejected with
	// ErrNoPlanDate.
	AsOf time.Time
	// Rules holds the legal numbers and policy tables; see [DefaultRules].
	Rules Rules
	// Fields is the field-of-study taxonomy; nil means [DefaultTaxonomy].
	Fields Taxonomy
	// Units are the units of the regency: the units of the positions and of
	// the employees' current posts must be among them.
	Units []Unit
	// Positions is the job map. It holds every employee's current post, and
	// its order is the column order of the Table that Compile returns.
	Positions []Position
	// Neighbours lists, for a kecamatan, the kecamatan bordering it; the
	// relation is made symmetric (an entry either way counts). Nil means no
	// neighbour is known, so every other kecamatan is far.
	Neighbours map[string][]string
}

// Fit returns the fit of e for p: the weighted sum of the five criteria,
// or NaN when the pair breaks an enabled hard rule (use Check or Explain for
// the reasons). The current position of e is always eligible.
//
// Fit validates the Scorer, e and p and returns a *DataError,
// *WeightError, *RulesError or ErrNoPlanDate for bad input. It costs
// O(len(Positions) + len(Units)) to look up the units and e's current post;
// to score many pairs, use [Scorer.Compile] and [Table.FitRow].
func (s *Scorer) Fit(e *Employee, p *Position) (float64, error) {
	t, err := s.compile([]Employee{*e}, []Position{*p})
	if err != nil {
		return math.NaN(), err
	}
	return t.Fit(0, 0), nil
}

// Explain returns the score of e for p with its breakdown: one Component per
// criterion, in criterion order, whose Values sum exactly to Total (Total is
// computed as that sum), and every enabled hard rule the pair breaks. Total
// is given even when the pair is ineligible. Errors as for [Scorer.Fit].
// The returned slices are new and owned by the caller.
func (s *Scorer) Explain(e *Employee, p *Position) (Score, error) {
	t, err := s.compile([]Employee{*e}, []Position{*p})
	if err != nil {
		return Score{}, err
	}
	return t.Explain(0, 0), nil
}

// Check returns every enabled hard rule e breaks for p, in rule order (nil
// when the pair is eligible). Errors as for [Scorer.Fit].
func (s *Scorer) Check(e *Employee, p *Position) ([]Violation, error) {
	t, err := s.compile([]Employee{*e}, []Position{*p})
	if err != nil {
		return nil, err
	}
	return t.Check(0, 0), nil
}

// Compile validates the Scorer and es and precomputes everything the pair
// loop needs, returning a Table whose rows are es (in order) and whose
// columns are s.Positions (in order). It returns the first validation error
// found: a *DataError naming the employee, position or unit and the field,
// a *WeightError, a *RulesError, or ErrNoPlanDate.
//
// The Table keeps pointers into es and s.Positions for explanations; do not
// modify them while the Table is in use. Compile takes
// O(E·(h + T) + P·(f + T) + U + K²) time for E employees with h history
// entries, P positions with f fields, U units, K kecamatan and T distinct
// technical competencies required by some post.
func (s *Scorer) Compile(es []Employee) (*Table, error) {
	return s.compile(es, s.Positions)
}

// Rows returns the number of employees (rows).
func (t *Table) Rows() int { return len(t.emps) }

// Cols returns the number of positions (columns).
func (t *Table) Cols() int { return len(t.pos) }

// Fit returns the fit of row i for column j, or NaN when the pair breaks an
// enabled hard rule. It panics if i or j is out of range. It does not
// allocate.
func (t *Table) Fit(i, j int) float64 {
	e, p := &t.emps[i], &t.pos[j]
	if t.blocked(e, j, p) {
		return math.NaN()
	}
	return t.total(t.values(i, e, j, p))
}

// FitRow writes the fit of row i for every column into dst[j], NaN for an
// ineligible pair, and returns dst[:Cols()]. dst must have length at least
// Cols(); FitRow panics otherwise, and if i is out of range. It does not
// allocate, so the scenario builder can fill a cost row per employee in a
// reused buffer. Rows are independent: several goroutines may fill
// different rows concurrently. O(Cols·(9 + T_j + w)) for T_j technical
// requirements per post and w wishes.
func (t *Table) FitRow(dst []float64, i int) []float64 {
	dst = dst[:len(t.pos)]
	e := &t.emps[i]
	nan := math.NaN()
	if e.move&t.enabled != 0 {
		// Locked in place (min-tenure, jpt-protection, personal-lock): every
		// column but the current post is ineligible.
		for j := range dst {
			dst[j] = nan
		}
		if c := e.curCol; c >= 0 {
			dst[c] = t.total(t.values(i, e, int(c), &t.pos[c]))
		}
		return dst
	}
	for j := range t.pos {
		p := &t.pos[j]
		if t.blocked(e, j, p) {
			dst[j] = nan
			continue
		}
		dst[j] = t.total(t.values(i, e, j, p))
	}
	return dst
}

// Explain returns the breakdown of row i for column j, as [Scorer.Explain].
func (t *Table) Explain(i, j int) Score {
	e, p := &t.emps[i], &t.pos[j]
	v := t.values(i, e, j, p)
	m := t.measures(i, e, j, p)
	sc := Score{Components: make([]Component, NumCriteria)}
	for c := range NumCriteria {
		val := float64(t.w[c] * v[c]) // the conversion forbids fusing into an FMA
		sc.Components[c] = Component{Criterion: Criterion(c), Raw: v[c], Weight: t.w[c], Value: val, Measure: m[c]}
		sc.Total += val
	}
	sc.Violations = t.Check(i, j)
	return sc
}

// Check returns every enabled hard rule row i breaks for column j, in rule
// order, or nil when the pair is eligible.
func (t *Table) Check(i, j int) []Violation {
	e, p := &t.emps[i], &t.pos[j]
	m := t.mask(i, e, j, p) & t.enabled
	if m == 0 {
		return nil
	}
	var vs []Violation
	for b := range numPairRules {
		if m&(1<<b) != 0 {
			id := ruleTable[b].ID
			v := Violation{Rule: id, Employee: t.src[i].ID, Position: t.cols[j].ID, Facts: t.facts(id, i, j)}
			v.Detail = v.Text("en")
			vs = append(vs, v)
		}
	}
	return vs
}

// total adds the weighted values in criterion order; Explain adds the same
// products in the same order, so both give identical bits. The explicit
// float64 conversions round each product, so no platform fuses them into
// an FMA and the two sums cannot differ.
func (t *Table) total(v [NumCriteria]float64) float64 {
	var s float64
	for c := range NumCriteria {
		s += float64(t.w[c] * v[c])
	}
	return s
}
