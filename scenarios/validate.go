package scenarios

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/mutasi-asn/mutasi/scoring"
)

// The largest weight, continuity bonus, unfilled (and over-formation)
// penalty and criticality. A pair's value is at most Σ weights + bonus +
// penalty × criticality + the rotation term (≤ the tenure weight) +
// HardRotationPenalty = 5·100 + 100 + 100·100 + 100 + 10 = 10 710 fit
// units, 1.071e10 cost units after build's ×10⁶, so the solver's sums over
// up to 840 000 employees stay
// below 2⁵³, where float64 holds every integer exactly (issue 15: a
// criticality of 1e13 wrapped int64 and gave a certified nonsense plan).
const (
	maxWeight      = 100
	maxBonus       = 100
	maxPenalty     = 100
	maxCriticality = 100
)

// validator checks a decoded scenario: ids, references and values. Every
// error is a *ValidationError located through locs.
type validator struct {
	locate func(path string) loc
	add    func(error)
	tax    scoring.Taxonomy

	kecamatan map[string]bool   // known kecamatan: of units and in neighbours
	units     map[unitID]string // id → path of the defining item
	positions map[positionID]int
	employees map[employeeID]string
}

// validate checks s and reports each problem through add. It also fills in
// an employee's unit from the position when the unit is empty.
func validate(s *Scenario, locate func(path string) loc, add func(error)) {
	v := &validator{locate: locate, add: add, tax: scoring.DefaultTaxonomy(),
		units: map[unitID]string{}, positions: map[positionID]int{}, employees: map[employeeID]string{}}
	v.top(s)
	v.unitList(s.Workforce.Units)
	v.neighbours(s)
	v.positionList(s.Workforce.Positions)
	v.employeeList(s)
	v.weights(&s.Weights)
	v.scoring(&s.Scoring)
	v.rules(&s.Rules)
	v.constraints(&s.Constraints)
}

// fail reports err at path, located at path or, failing that, at its
// nearest written parent.
func (v *validator) fail(path string, value any, err error) {
	l := v.locate(path)
	v.add(&ValidationError{File: l.file, Line: l.line, Column: l.column, Field: path, Value: value, Err: err})
}

// enum checks s with a scoring parse function; empty s passes unless
// required.
func (v *validator) enum(path, s string, required bool, parse func(string) error) {
	if s == "" {
		if required {
			v.fail(path, s, msgf(ErrMissingField, "a value is required"))
		}
		return
	}
	if err := parse(s); err != nil {
		var ee *scoring.EnumError
		if errors.As(err, &ee) {
			v.fail(path, s, &detailError{sentinel: ErrInvalidValue, cause: err,
				detail: fmt.Sprintf("unknown %s %q", ee.Enum, ee.Text)})
			return
		}
		v.fail(path, s, &detailError{sentinel: ErrInvalidValue, cause: err, detail: err.Error()})
	}
}

func p1[T any](f func(string) (T, error)) func(string) error {
	return func(s string) error { _, err := f(s); return err }
}

func oneOf(what string, allowed ...string) func(string) error {
	return func(s string) error {
		for _, a := range allowed {
			if s == a {
				return nil
			}
		}
		return fmt.Errorf("%s must be one of %s, not %q", what, strings.Join(allowed, ", "), s)
	}
}

// id checks an id: non-empty, no surrounding spaces, no control
// characters and no '|' or '=' (which CSV cells use as separators).
func (v *validator) id(path, id string) bool {
	switch {
	case id == "":
		v.fail(path, id, msgf(ErrMissingField, "an id is required"))
	case id != strings.TrimSpace(id) || strings.ContainsAny(id, "|=") || strings.ContainsFunc(id, func(r rune) bool { return r < ' ' || r == 0x7f }):
		v.fail(path, id, msgf(ErrInvalidValue, "id %q has surrounding spaces, control characters, '|' or '='", id))
	default:
		return true
	}
	return false
}

func (v *validator) nonEmpty(path, s string) {
	if strings.TrimSpace(s) == "" {
		v.fail(path, s, msgf(ErrMissingField, "a value is required"))
	}
}

func (v *validator) rangeF(path string, x, lo, hi float64) {
	if x < lo || x > hi {
		v.fail(path, x, msgf(ErrInvalidValue, "must be between %v and %v, got %v", lo, hi, x))
	}
}

func (v *validator) field(path, f string) {
	if f == "" {
		return
	}
	if _, ok := v.tax[scoring.Field(f)]; !ok {
		v.fail(path, f, &detailError{sentinel: ErrInvalidValue, cause: scoring.ErrUnknownField,
			detail: fmt.Sprintf("unknown field of study %q", f)})
	}
}

func (v *validator) unitRef(path string, id unitID) {
	if id == "" {
		return
	}
	if _, ok := v.units[id]; !ok {
		v.fail(path, id, msgf(ErrUnknownUnit, "unknown unit %q", id))
	}
}

func (v *validator) positionRef(path string, id positionID) {
	if id == "" {
		return
	}
	if _, ok := v.positions[id]; !ok {
		v.fail(path, id, msgf(ErrUnknownPosition, "unknown position %q", id))
	}
}

func (v *validator) employeeRef(path string, id employeeID) bool {
	if _, ok := v.employees[id]; !ok {
		v.fail(path, id, msgf(ErrUnknownEmployee, "unknown employee %q", id))
		return false
	}
	return true
}

func (v *validator) where(path string) string {
	l := v.locate(path)
	if l.line == 0 {
		return l.file
	}
	return fmt.Sprintf("%s:%d", l.file, l.line)
}

func (v *validator) top(s *Scenario) {
	v.nonEmpty("name", s.Name)
	if s.PlanDate.IsZero() {
		v.fail("plan_date", nil, msgf(ErrMissingField, "a plan date is required"))
	}
}

func (v *validator) unitList(us []Unit) {
	for i := range us {
		u := &us[i]
		p := fmt.Sprintf("workforce.units[%d]", i)
		if v.id(p+".id", string(u.ID)) {
			if first, dup := v.units[u.ID]; dup {
				v.fail(p+".id", u.ID, msgf(ErrDuplicateID, "unit %q is already defined at %s", u.ID, v.where(first)))
			} else {
				v.units[u.ID] = p + ".id"
			}
		}
		v.nonEmpty(p+".name", u.Name)
		v.enum(p+".kind", u.Kind, true, p1(scoring.ParseUnitKind))
		v.enum(p+".area", u.Area, true, p1(scoring.ParseAreaClass))
		if u.ClassGroups < 0 {
			v.fail(p+".class_groups", u.ClassGroups, msgf(ErrInvalidValue, "must not be negative"))
		}
	}
	for i := range us {
		p := fmt.Sprintf("workforce.units[%d].parent", i)
		if us[i].Parent == us[i].ID && us[i].ID != "" {
			v.fail(p, us[i].Parent, msgf(ErrInvalidValue, "unit %q is its own parent", us[i].ID))
			continue
		}
		v.unitRef(p, us[i].Parent)
	}
}

// neighbours checks the kecamatan neighbour table and collects the known
// kecamatan.
func (v *validator) neighbours(s *Scenario) {
	v.kecamatan = map[string]bool{}
	for _, u := range s.Workforce.Units {
		if u.Kecamatan != "" {
			v.kecamatan[u.Kecamatan] = true
		}
	}
	keys := make([]string, 0, len(s.Neighbours))
	for k := range s.Neighbours {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v.nonEmpty("neighbours", k)
		v.kecamatan[k] = true
		for i, n := range s.Neighbours[k] {
			v.nonEmpty(fmt.Sprintf("neighbours.%s[%d]", k, i), n)
			v.kecamatan[n] = true
		}
	}
}

func (v *validator) positionList(ps []Position) {
	for i := range ps {
		pos := &ps[i]
		p := fmt.Sprintf("workforce.positions[%d]", i)
		if v.id(p+".id", string(pos.ID)) {
			if first, dup := v.positions[pos.ID]; dup {
				v.fail(p+".id", pos.ID, msgf(ErrDuplicateID, "position %q is already defined at %s",
					pos.ID, v.where(fmt.Sprintf("workforce.positions[%d].id", first))))
			} else {
				v.positions[pos.ID] = i
			}
		}
		v.unitRef(p+".unit", pos.Unit)
		v.nonEmpty(p+".name", pos.Name)
		v.enum(p+".kind", pos.Kind, true, p1(scoring.ParsePositionKind))
		kind, _ := scoring.ParsePositionKind(pos.Kind)
		v.enum(p+".jpt_level", pos.JPTLevel, kind == scoring.KindJPT, p1(scoring.ParseJPTLevel))
		v.enum(p+".functional_grade", pos.FunctionalGrade, kind == scoring.KindFunctional, p1(scoring.ParseFunctionalGrade))
		if pos.JPTLevel != "" && kind != scoring.KindJPT && kind != 0 {
			v.fail(p+".jpt_level", pos.JPTLevel, msgf(ErrInvalidValue, "jpt_level is only for jpt posts"))
		}
		if pos.FunctionalGrade != "" && kind != scoring.KindFunctional && kind != 0 {
			v.fail(p+".functional_grade", pos.FunctionalGrade, msgf(ErrInvalidValue, "functional_grade is only for functional posts"))
		}
		v.enum(p+".echelon", pos.Echelon, false, p1(scoring.ParseEchelon))
		if pos.JobClass < 0 || pos.JobClass > 17 {
			v.fail(p+".job_class", pos.JobClass, msgf(ErrInvalidValue, "job class must be between 1 and 17, got %d", pos.JobClass))
		}
		v.enum(p+".profession", pos.Profession, false, p1(scoring.ParseProfession))
		if pos.Needed < 0 {
			v.fail(p+".needed", pos.Needed, msgf(ErrInvalidValue, "needed must not be negative, got %d", pos.Needed))
		}
		v.enum(p+".min_education", pos.MinEducation, false, p1(scoring.ParseEducationLevel))
		for j, f := range pos.Fields {
			v.field(fmt.Sprintf("%s.fields[%d]", p, j), f)
		}
		for j, f := range pos.Relevant {
			v.field(fmt.Sprintf("%s.relevant[%d]", p, j), f)
		}
		v.enum(p+".grade_min", pos.GradeMin, false, p1(scoring.ParseGrade))
		v.enum(p+".grade_max", pos.GradeMax, false, p1(scoring.ParseGrade))
		if (pos.GradeMin == "") != (pos.GradeMax == "") {
			v.fail(p+".grade_min", pos.GradeMin, msgf(ErrInvalidValue, "set both grade_min and grade_max or neither"))
		} else if lo, err1 := scoring.ParseGrade(pos.GradeMin); err1 == nil {
			if hi, err2 := scoring.ParseGrade(pos.GradeMax); err2 == nil && lo > hi {
				v.fail(p+".grade_min", pos.GradeMin, msgf(ErrInvalidValue, "grade_min %s is above grade_max %s", lo, hi))
			}
		}
		v.profile(p+".standard", pos.Standard)
		for j, c := range pos.CoreFactors {
			v.enum(fmt.Sprintf("%s.core_factors[%d]", p, j), c, true, p1(scoring.ParseCompetency))
		}
		for j, c := range pos.RequiredCerts {
			v.enum(fmt.Sprintf("%s.required_certs[%d]", p, j), c, true, p1(scoring.ParseCertKind))
		}
		if pos.Criticality != nil {
			v.rangeF(p+".criticality", *pos.Criticality, 0, maxCriticality)
		}
	}
}

// profile checks a competence mapping: the nine competencies or
// "technical:NAME", levels 1–5.
func (v *validator) profile(path string, m map[string]int) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		p := path + "." + k
		if name, ok := strings.CutPrefix(k, "technical:"); ok {
			if strings.TrimSpace(name) == "" {
				v.fail(p, k, msgf(ErrInvalidValue, "technical competency %q has no name", k))
			}
		} else {
			v.enum(p, k, true, p1(scoring.ParseCompetency))
		}
		if l := m[k]; l < 1 || l > 5 {
			v.fail(p, l, &detailError{sentinel: ErrInvalidValue, cause: scoring.ErrCompetenceLevel,
				detail: fmt.Sprintf("competence level must be between 1 and 5, got %d", l)})
		}
	}
}

// isNIP reports whether s is 18 decimal digits.
func isNIP(s string) bool {
	if len(s) != 18 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func (v *validator) employeeList(s *Scenario) {
	es := s.Workforce.Employees
	for i := range es {
		p := fmt.Sprintf("workforce.employees[%d].nip", i)
		id := es[i].NIP
		if !isNIP(string(id)) {
			v.fail(p, id, msgf(ErrInvalidNIP, "NIP %q is not 18 digits", id))
			continue
		}
		if first, dup := v.employees[id]; dup {
			v.fail(p, id, msgf(ErrDuplicateID, "employee %q is already defined at %s", id, v.where(first)))
			continue
		}
		v.employees[id] = p
	}
	for i := range es {
		e := &es[i]
		p := fmt.Sprintf("workforce.employees[%d]", i)
		v.nonEmpty(p+".name", e.Name)
		v.enum(p+".sex", e.Sex, false, p1(scoring.ParseSex))
		v.enum(p+".status", e.Status, true, p1(scoring.ParseEmploymentStatus))
		status, _ := scoring.ParseEmploymentStatus(e.Status)
		v.enum(p+".grade", e.Grade, status == scoring.StatusPNS || status == scoring.StatusCPNS, p1(scoring.ParseGrade))
		v.enum(p+".education", e.Education, true, p1(scoring.ParseEducationLevel))
		v.field(p+".field", e.Field)
		if !e.BirthDate.IsZero() && !s.PlanDate.IsZero() && e.BirthDate.After(s.PlanDate) {
			v.fail(p+".birth_date", date(e.BirthDate), &detailError{sentinel: ErrInvalidValue, cause: scoring.ErrBirthAfterPlan,
				detail: "birth date is after the plan date"})
		}
		for _, d := range []struct {
			key string
			t   time.Time
		}{{"cpns_since", e.CPNSSince}, {"pns_since", e.PNSSince}, {"grade_since", e.GradeSince},
			{"position_since", e.PositionSince}, {"unit_since", e.UnitSince}} {
			if !d.t.IsZero() && !s.PlanDate.IsZero() && d.t.After(s.PlanDate) {
				v.fail(p+"."+d.key, date(d.t), msgf(ErrInvalidValue, "%s %s is after the plan date", d.key, date(d.t)))
			}
			if !d.t.IsZero() && d.t.Before(e.BirthDate) {
				v.fail(p+"."+d.key, date(d.t), &detailError{sentinel: ErrInvalidValue, cause: scoring.ErrStartBeforeBirth,
					detail: d.key + " is before the birth date"})
			}
		}
		v.unitRef(p+".unit", e.Unit)
		v.positionRef(p+".position", e.Position)
		if e.Position == "" && e.Unit != "" {
			v.fail(p+".unit", e.Unit, msgf(ErrInvalidValue, "an employee without a position is unplaced and has no unit"))
		}
		if e.HomeKecamatan != "" && !v.kecamatan[e.HomeKecamatan] {
			v.fail(p+".home_kecamatan", e.HomeKecamatan, msgf(ErrInvalidValue,
				"home kecamatan %q is not the kecamatan of a unit or in neighbours", e.HomeKecamatan))
		}
		if e.Position != "" {
			if j, ok := v.positions[e.Position]; ok {
				pu := s.Workforce.Positions[j].Unit
				switch {
				case e.Unit == "":
					e.Unit = pu
				case e.Unit != pu:
					v.fail(p+".unit", e.Unit, msgf(ErrInvalidValue, "unit %q differs from the unit %q of position %q", e.Unit, pu, e.Position))
				}
			}
			if e.PositionSince.IsZero() {
				v.fail(p+".position", e.Position, msgf(ErrMissingField, "position_since is required when position is set"))
			}
		}
		for j, c := range e.Certifications {
			v.enum(fmt.Sprintf("%s.certifications[%d].kind", p, j), c.Kind, true, p1(scoring.ParseCertKind))
		}
		v.profile(p+".competence", e.Competence)
		years := map[int]bool{}
		for j, r := range e.Ratings {
			rp := fmt.Sprintf("%s.ratings[%d]", p, j)
			v.enum(rp+".predicate", r.Predicate, true, p1(scoring.ParsePredicate))
			if r.Year < 1950 || r.Year > 2200 {
				v.fail(rp+".year", r.Year, msgf(ErrInvalidValue, "year %d is out of range", r.Year))
			}
			if years[r.Year] {
				v.fail(rp+".year", r.Year, msgf(ErrDuplicateKey, "two ratings for %d", r.Year))
			}
			years[r.Year] = true
		}
		if e.Potential != nil && (*e.Potential <= 0 || *e.Potential > 100) {
			v.fail(p+".potential", *e.Potential, msgf(ErrInvalidValue, "potential must be in (0, 100], got %v", *e.Potential))
		}
		v.enum(p+".discipline", e.Discipline, false, p1(scoring.ParseDisciplineLevel))
		v.enum(p+".profession", e.Profession, false, p1(scoring.ParseProfession))
		v.enum(p+".discipline_penalty", e.DisciplinePenalty, false, p1(scoring.ParsePenaltyKind))
		for j, l := range e.Locks {
			v.enum(fmt.Sprintf("%s.locks[%d].kind", p, j), l.Kind, true, p1(scoring.ParseLockKind))
		}
		for j, x := range e.Exceptions {
			xp := fmt.Sprintf("%s.exceptions[%d]", p, j)
			v.enum(xp+".rule", x.Rule, true, oneOf("an exception's rule", string(scoring.RuleMinTenure),
				string(scoring.RuleJPTProtection), string(scoring.RulePersonalLock), string(scoring.RuleDemotion),
				string(scoring.RuleJobFamily), string(scoring.RulePPPKJob)))
			v.nonEmpty(xp+".reason", x.Reason)
		}
		for j, w := range e.Wishes {
			if _, ok := v.units[unitID(w)]; ok {
				continue
			}
			if _, ok := v.positions[positionID(w)]; ok {
				continue
			}
			v.fail(fmt.Sprintf("%s.wishes[%d]", p, j), w, msgf(ErrUnknownUnit, "wish %q names no unit or position", w))
		}
		for j, r := range e.Relatives {
			rp := fmt.Sprintf("%s.relatives[%d]", p, j)
			if r == e.NIP {
				v.fail(rp, r, msgf(ErrInvalidValue, "an employee is not their own relative"))
				continue
			}
			v.employeeRef(rp, r)
		}
	}
}

func date(t time.Time) string { return t.Format(time.DateOnly) }

func (v *validator) weights(w *Weights) {
	for _, f := range []struct {
		key string
		x   *float64
	}{{"education", w.Education}, {"competence", w.Competence}, {"tenure", w.Tenure},
		{"performance", w.Performance}, {"preference", w.Preference}} {
		if f.x != nil {
			v.rangeF("weights."+f.key, *f.x, 0, maxWeight)
		}
	}
}

func (v *validator) scoring(o *ScoringOptions) {
	v.enum("scoring.competence_method", o.CompetenceMethod, false, p1(scoring.ParseCompetenceMethod))
	if o.CoreShare != nil {
		v.rangeF("scoring.core_share", *o.CoreShare, 0, 1)
	}
	if o.ContinuityBonus != nil {
		v.rangeF("scoring.continuity_bonus", *o.ContinuityBonus, 0, maxBonus)
	}
	if o.UnfilledPenalty != nil {
		v.rangeF("scoring.unfilled_penalty", *o.UnfilledPenalty, 0, maxPenalty)
	}
	if o.OverFormationPenalty != nil {
		v.rangeF("scoring.over_formation_penalty", *o.OverFormationPenalty, 0, maxPenalty)
	}
}

func (v *validator) rules(r *Rules) {
	ints := []struct {
		key    string
		x      *int
		lo, hi int
	}{{"tenure_min_years", r.TenureMinYears, 0, 40}, {"tenure_max_years", r.TenureMaxYears, 0, 40},
		{"retirement_horizon_months", r.RetirementHorizonMonths, 0, 600}, {"jpt_protect_years", r.JPTProtectYears, 0, 40},
		{"assessment_validity_years", r.AssessmentValidityYears, 0, 40}}
	for _, f := range ints {
		if f.x != nil {
			v.rangeF("rules."+f.key, float64(*f.x), float64(f.lo), float64(f.hi))
		}
	}
	if r.TenureMinYears != nil && r.TenureMaxYears != nil && *r.TenureMaxYears < *r.TenureMinYears {
		v.fail("rules.tenure_max_years", *r.TenureMaxYears, msgf(ErrInvalidValue, "tenure_max_years is below tenure_min_years"))
	}
	for i, id := range r.Disabled {
		v.enum(fmt.Sprintf("rules.disabled[%d]", i), id, true, p1(scoring.ParseRuleID))
	}
	for _, a := range []struct {
		key string
		x   *int
	}{{"administrative", r.RetirementAges.Administrative}, {"senior", r.RetirementAges.Senior},
		{"teacher", r.RetirementAges.Teacher}, {"ahli_utama", r.RetirementAges.AhliUtama}} {
		if a.x != nil {
			v.rangeF("rules.retirement_ages."+a.key, float64(*a.x), 40, 80)
		}
	}
	t := r.JPMThresholds
	if t.MS != nil {
		v.rangeF("rules.jpm_thresholds.ms", *t.MS, 0, 100)
	}
	if t.MMS != nil {
		v.rangeF("rules.jpm_thresholds.mms", *t.MMS, 0, 100)
		if t.MS != nil && *t.MMS > *t.MS {
			v.fail("rules.jpm_thresholds.mms", *t.MMS, msgf(ErrInvalidValue, "mms is above ms"))
		}
	}
	el := &r.Election
	if !el.CandidateDate.IsZero() && !el.TermEnd.IsZero() && el.TermEnd.Before(el.CandidateDate) {
		v.fail("rules.election.term_end", date(el.TermEnd), msgf(ErrInvalidValue, "term_end is before candidate_date"))
	}
	if el.FreezeMonths != nil {
		v.rangeF("rules.election.freeze_months", float64(*el.FreezeMonths), 0, 60)
	}
	for i, s := range el.FreezeScope {
		v.enum(fmt.Sprintf("rules.election.freeze_scope[%d]", i), s, true,
			oneOf("a freeze scope", "jpt", "administrator", "pengawas", "unit_head"))
	}
	for i, e := range el.MinisterApproval {
		v.employeeRef(fmt.Sprintf("rules.election.minister_approval[%d]", i), e)
	}
}

func (v *validator) constraints(c *Constraints) {
	for i, f := range c.UnitFloors {
		p := fmt.Sprintf("constraints.unit_floors[%d]", i)
		v.unitRef(p+".unit", f.Unit)
		v.enum(p+".profession", f.Profession, false, p1(scoring.ParseProfession))
		if f.Min < 0 {
			v.fail(p+".min", f.Min, msgf(ErrInvalidValue, "min must not be negative"))
		}
	}
	for i, f := range c.UnitCaps {
		p := fmt.Sprintf("constraints.unit_caps[%d]", i)
		v.unitRef(p+".unit", f.Unit)
		v.enum(p+".profession", f.Profession, false, p1(scoring.ParseProfession))
		if f.Max < 0 {
			v.fail(p+".max", f.Max, msgf(ErrInvalidValue, "max must not be negative"))
		}
	}
	if c.MaxMoves != nil && *c.MaxMoves < 0 {
		v.fail("constraints.max_moves", *c.MaxMoves, msgf(ErrInvalidValue, "max_moves must not be negative"))
	}
	if c.MaxTurnoverPct != nil {
		v.rangeF("constraints.max_turnover_pct", *c.MaxTurnoverPct, 0, 100)
	}
	v.enum("constraints.rotation", c.Rotation, false, oneOf("rotation", "hard", "soft", "off"))
	held := map[employeeID]string{}
	for i, pin := range c.Pinned {
		p := fmt.Sprintf("constraints.pinned[%d]", i)
		if v.employeeRef(p+".employee", pin.Employee) {
			if first, dup := held[pin.Employee]; dup {
				v.fail(p+".employee", pin.Employee, msgf(ErrDuplicateID, "employee %q is already pinned or excluded at %s", pin.Employee, v.where(first)))
			}
			held[pin.Employee] = p + ".employee"
		}
		v.positionRef(p+".position", pin.Position)
		v.nonEmpty(p+".reason", pin.Reason)
	}
	for i, x := range c.Excluded {
		p := fmt.Sprintf("constraints.excluded[%d]", i)
		if v.employeeRef(p+".employee", x.Employee) {
			if first, dup := held[x.Employee]; dup {
				v.fail(p+".employee", x.Employee, msgf(ErrDuplicateID, "employee %q is already pinned or excluded at %s", x.Employee, v.where(first)))
			}
			held[x.Employee] = p + ".employee"
		}
		v.nonEmpty(p+".reason", x.Reason)
	}
	for i, cf := range c.Conflicts {
		p := fmt.Sprintf("constraints.conflicts[%d].employees", i)
		if len(cf.Employees) != 2 {
			v.fail(p, cf.Employees, msgf(ErrInvalidValue, "a conflict names exactly 2 employees, got %d", len(cf.Employees)))
			continue
		}
		if cf.Employees[0] == cf.Employees[1] {
			v.fail(p, cf.Employees, msgf(ErrInvalidValue, "a conflict names 2 different employees"))
			continue
		}
		for j, e := range cf.Employees {
			v.employeeRef(fmt.Sprintf("%s[%d]", p, j), e)
		}
	}
	seen := map[string]string{}
	for i, pol := range c.Policies {
		p := fmt.Sprintf("constraints.policies[%d]", i)
		v.enum(p+".policy", pol.Policy, true, oneOf("a policy", PolicyAlihFungsi, PolicyPPPKAnyJob, PolicyRestructuring, PolicyJPTByPlan))
		v.nonEmpty(p+".reason", pol.Reason)
		v.enum(p+".profession", pol.Profession, false, p1(scoring.ParseProfession))
		for j, e := range pol.Employees {
			v.employeeRef(fmt.Sprintf("%s.employees[%d]", p, j), e)
		}
		switch pol.Policy {
		case PolicyAlihFungsi:
			if len(pol.Employees) == 0 && pol.Profession == "" {
				v.fail(p+".employees", nil, msgf(ErrInvalidValue, "alih_fungsi names the employees or the profession it covers"))
			}
		case PolicyRestructuring, PolicyJPTByPlan:
			if len(pol.Employees) > 0 || pol.Profession != "" {
				v.fail(p+".employees", pol.Employees, msgf(ErrInvalidValue, "%s covers the whole round: no employees or profession", pol.Policy))
			}
			if first, dup := seen[pol.Policy]; dup {
				v.fail(p+".policy", pol.Policy, msgf(ErrDuplicateID, "policy %s is already set at %s", pol.Policy, v.where(first)))
			}
			seen[pol.Policy] = p + ".policy"
		case PolicyPPPKAnyJob:
			if pol.Profession != "" {
				v.fail(p+".profession", pol.Profession, msgf(ErrInvalidValue, "pppk_any_job covers employees, not a profession"))
			}
		}
	}
}
