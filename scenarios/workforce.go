package scenarios

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mutasi-asn/mutasi/scoring"
)

// This file turns the text forms of a loaded [Scenario] into the domain
// types of package scoring. Load has already checked every value, so a
// parse failure here means the Scenario was built by hand; it is reported
// as a *ValidationError naming the field.

// converter collects the first conversion error.
type converter struct{ err error }

func (c *converter) fail(path string, value any, err error) {
	if c.err == nil {
		c.err = &ValidationError{Field: path, Value: value, Err: &detailError{sentinel: ErrInvalidValue, cause: err, detail: err.Error()}}
	}
}

// parse runs f on s unless s is empty, recording an error at path.
func parse[T any](c *converter, path, s string, f func(string) (T, error)) T {
	var zero T
	if s == "" {
		return zero
	}
	v, err := f(s)
	if err != nil {
		c.fail(path, s, err)
		return zero
	}
	return v
}

// scorerOf returns the Scorer of s: effective weights and rules, and the
// units, positions (sorted by ID) and neighbour table. It does not set
// Positions' order beyond sorting, nor compile anything.
func scorerOf(s *Scenario) (scoring.Scorer, error) {
	c := &converter{}
	sc := scoring.Scorer{
		Weights:    effectiveWeights(&s.Weights),
		AsOf:       s.PlanDate,
		Rules:      effectiveRules(c, s),
		Neighbours: s.Neighbours,
	}
	for i := range s.Workforce.Units {
		sc.Units = append(sc.Units, convertUnit(c, i, &s.Workforce.Units[i]))
	}
	slices.SortFunc(sc.Units, func(a, b scoring.Unit) int { return strings.Compare(string(a.ID), string(b.ID)) })
	for i := range s.Workforce.Positions {
		sc.Positions = append(sc.Positions, convertPosition(c, i, &s.Workforce.Positions[i]))
	}
	slices.SortFunc(sc.Positions, func(a, b scoring.Position) int { return strings.Compare(string(a.ID), string(b.ID)) })
	return sc, c.err
}

// employeesOf converts the employees of s, sorted by NIP, and returns how
// many each policy of s covers (applyPolicies).
func employeesOf(s *Scenario) ([]scoring.Employee, []int, error) {
	c := &converter{}
	units := map[unitID]bool{}
	for _, u := range s.Workforce.Units {
		units[u.ID] = true
	}
	positions := map[positionID]bool{}
	for _, p := range s.Workforce.Positions {
		positions[p.ID] = true
	}
	es := make([]scoring.Employee, len(s.Workforce.Employees))
	for i := range s.Workforce.Employees {
		es[i] = convertEmployee(c, i, &s.Workforce.Employees[i], units, positions)
	}
	slices.SortFunc(es, func(a, b scoring.Employee) int { return strings.Compare(string(a.ID), string(b.ID)) })
	if c.err != nil {
		return es, nil, c.err
	}
	return es, applyPolicies(s, es), nil
}

// applyPolicies turns the alih_fungsi and pppk_any_job policies into
// exceptions of the employees they cover (rules job-family and pppk-job),
// with the policy's reason. An alih_fungsi policy without employees covers
// every employee of its profession: the employee's own, or the current
// post's. It returns how many employees each policy covers, in the order
// of s.Constraints.Policies (0 for a policy of the whole round).
func applyPolicies(s *Scenario, es []scoring.Employee) []int {
	covers := make([]int, len(s.Constraints.Policies))
	if len(covers) == 0 {
		return covers
	}
	prof := map[positionID]string{}
	for _, p := range s.Workforce.Positions {
		prof[p.ID] = p.Profession
	}
	for k, pol := range s.Constraints.Policies {
		var rule scoring.RuleID
		switch pol.Policy {
		case PolicyAlihFungsi:
			rule = scoring.RuleJobFamily
		case PolicyPPPKAnyJob:
			rule = scoring.RulePPPKJob
		default:
			continue
		}
		for i := range es {
			e := &es[i]
			covered := slices.Contains(pol.Employees, e.ID)
			if len(pol.Employees) == 0 {
				switch rule {
				case scoring.RuleJobFamily:
					p := prof[e.Position]
					if e.Profession != 0 {
						p = e.Profession.String()
					}
					covered = p != "" && p == pol.Profession
				case scoring.RulePPPKJob:
					covered = e.Status == scoring.StatusPPPK
				}
			}
			if covered {
				e.Exceptions = append(e.Exceptions, scoring.Exception{Rule: rule, Reason: pol.Policy + ": " + pol.Reason})
				covers[k]++
			}
		}
	}
	return covers
}

// effectiveWeights returns the default weights with the scenario's
// overrides.
func effectiveWeights(w *Weights) scoring.Weights {
	out := scoring.DefaultWeights()
	set := func(dst *float64, src *float64) {
		if src != nil {
			*dst = *src
		}
	}
	set(&out.Education, w.Education)
	set(&out.Competence, w.Competence)
	set(&out.Tenure, w.Tenure)
	set(&out.Performance, w.Performance)
	set(&out.Preference, w.Preference)
	return out
}

// effectiveRules returns scoring.DefaultRules with the scenario's
// overrides. Pair rules listed in rules.disabled are switched off in the
// scorer; scenario rule ids there are read by the scenario layer.
func effectiveRules(c *converter, s *Scenario) scoring.Rules {
	r := scoring.DefaultRules()
	in := &s.Rules
	setInt := func(dst *int, src *int) {
		if src != nil {
			*dst = *src
		}
	}
	setInt(&r.MinTenureYears, in.TenureMinYears)
	setInt(&r.RotationYears, in.TenureMaxYears)
	setInt(&r.MinRemainingMonths, in.RetirementHorizonMonths)
	setInt(&r.JPTProtectYears, in.JPTProtectYears)
	setInt(&r.AssessmentValidityYears, in.AssessmentValidityYears)
	setInt(&r.RetirementAges.Administrative, in.RetirementAges.Administrative)
	setInt(&r.RetirementAges.Senior, in.RetirementAges.Senior)
	setInt(&r.RetirementAges.Teacher, in.RetirementAges.Teacher)
	setInt(&r.RetirementAges.AhliUtama, in.RetirementAges.AhliUtama)
	if in.JPMThresholds.MS != nil {
		r.JPM.MS = *in.JPMThresholds.MS
	}
	if in.JPMThresholds.MMS != nil {
		r.JPM.MMS = *in.JPMThresholds.MMS
	}
	if r.RotationYears < r.MinTenureYears {
		// A stricter minimum than the rotation point: the rotation point
		// follows it (tenure_max_years is validated against an explicit
		// tenure_min_years only).
		r.RotationYears = r.MinTenureYears
	}
	r.Method = parse(c, "scoring.competence_method", s.Scoring.CompetenceMethod, scoring.ParseCompetenceMethod)
	if s.Scoring.CoreShare != nil {
		r.CoreShare = *s.Scoring.CoreShare
	}
	for i, id := range in.Disabled {
		rid := parse(c, fmt.Sprintf("rules.disabled[%d]", i), id, scoring.ParseRuleID)
		if info, ok := rid.Info(); ok && info.Pair && !slices.Contains(r.Disabled, rid) {
			r.Disabled = append(r.Disabled, rid)
		}
	}
	return r
}

func convertUnit(c *converter, i int, u *Unit) scoring.Unit {
	p := fmt.Sprintf("workforce.units[%d]", i)
	return scoring.Unit{
		ID:          u.ID,
		Name:        u.Name,
		Kind:        parse(c, p+".kind", u.Kind, scoring.ParseUnitKind),
		Parent:      u.Parent,
		Kecamatan:   u.Kecamatan,
		Area:        parse(c, p+".area", u.Area, scoring.ParseAreaClass),
		Inpatient:   u.Inpatient,
		ClassGroups: u.ClassGroups,
	}
}

func convertPosition(c *converter, i int, in *Position) scoring.Position {
	p := fmt.Sprintf("workforce.positions[%d]", i)
	out := scoring.Position{
		ID:              in.ID,
		Name:            in.Name,
		Unit:            in.Unit,
		Kind:            parse(c, p+".kind", in.Kind, scoring.ParsePositionKind),
		JPTLevel:        parse(c, p+".jpt_level", in.JPTLevel, scoring.ParseJPTLevel),
		FunctionalGrade: parse(c, p+".functional_grade", in.FunctionalGrade, scoring.ParseFunctionalGrade),
		Echelon:         parse(c, p+".echelon", in.Echelon, scoring.ParseEchelon),
		JobClass:        in.JobClass,
		Profession:      parse(c, p+".profession", in.Profession, scoring.ParseProfession),
		IsUnitHead:      in.UnitHead,
		MinEducation:    parse(c, p+".min_education", in.MinEducation, scoring.ParseEducationLevel),
		GradeMin:        parse(c, p+".grade_min", in.GradeMin, scoring.ParseGrade),
		GradeMax:        parse(c, p+".grade_max", in.GradeMax, scoring.ParseGrade),
		Standard:        profileOf(c, p+".standard", in.Standard),
		Needed:          in.Needed,
		OpenSelection:   in.OpenSelection,
	}
	for _, f := range in.Fields {
		out.Fields = append(out.Fields, scoring.Field(f))
	}
	for _, f := range in.Relevant {
		out.Relevant = append(out.Relevant, scoring.Field(f))
	}
	for k, f := range in.CoreFactors {
		out.CoreFactors = append(out.CoreFactors, parse(c, fmt.Sprintf("%s.core_factors[%d]", p, k), f, scoring.ParseCompetency))
	}
	for k, f := range in.RequiredCerts {
		out.RequiredCerts = append(out.RequiredCerts, parse(c, fmt.Sprintf("%s.required_certs[%d]", p, k), f, scoring.ParseCertKind))
	}
	if in.Criticality != nil {
		out.Criticality = *in.Criticality
	}
	return out
}

// profileOf converts a competence mapping (the nine competencies or
// "technical:NAME") into a Profile; technical entries are sorted by name.
func profileOf(c *converter, path string, m map[string]int) scoring.Profile {
	var pr scoring.Profile
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if name, ok := strings.CutPrefix(k, "technical:"); ok {
			pr.Technical = append(pr.Technical, scoring.TechnicalLevel{Name: name, Level: m[k]})
			continue
		}
		comp := parse(c, path+"."+k, k, scoring.ParseCompetency)
		pr.Levels[comp] = m[k]
	}
	return pr
}

func convertEmployee(c *converter, i int, in *Employee, units map[unitID]bool, positions map[positionID]bool) scoring.Employee {
	p := fmt.Sprintf("workforce.employees[%d]", i)
	out := scoring.Employee{
		ID:            in.NIP,
		Name:          in.Name,
		Sex:           parse(c, p+".sex", in.Sex, scoring.ParseSex),
		BirthDate:     in.BirthDate,
		Status:        parse(c, p+".status", in.Status, scoring.ParseEmploymentStatus),
		CPNSSince:     in.CPNSSince,
		PNSSince:      in.PNSSince,
		Grade:         parse(c, p+".grade", in.Grade, scoring.ParseGrade),
		GradeSince:    in.GradeSince,
		Education:     scoring.Education{Level: parse(c, p+".education", in.Education, scoring.ParseEducationLevel), Field: scoring.Field(in.Field)},
		Position:      in.Position,
		PositionSince: in.PositionSince,
		Unit:          in.Unit,
		UnitSince:     in.UnitSince,
		Competence:    profileOf(c, p+".competence", in.Competence),
		AssessedOn:    in.AssessedOn,
		HomeKecamatan: in.HomeKecamatan,
		InTalentPool:  in.TalentPool,
		Profession:    parse(c, p+".profession", in.Profession, scoring.ParseProfession),
		Relatives:     slices.Clone(in.Relatives),
		Discipline: scoring.Discipline{
			Level:   parse(c, p+".discipline", in.Discipline, scoring.ParseDisciplineLevel),
			Until:   in.DisciplineUntil,
			Penalty: parse(c, p+".discipline_penalty", in.DisciplinePenalty, scoring.ParsePenaltyKind),
		},
	}
	if in.Position == "" {
		out.Unit = "" // an unplaced employee has no unit
	}
	if in.Potential != nil {
		out.Potential = *in.Potential
	}
	for k, ct := range in.Certifications {
		out.Certifications = append(out.Certifications, scoring.Certification{
			Kind: parse(c, fmt.Sprintf("%s.certifications[%d].kind", p, k), ct.Kind, scoring.ParseCertKind), Until: ct.Until})
	}
	for k, r := range in.Ratings {
		out.Ratings = append(out.Ratings, scoring.Rating{Year: r.Year,
			Predicate: parse(c, fmt.Sprintf("%s.ratings[%d].predicate", p, k), r.Predicate, scoring.ParsePredicate)})
	}
	for k, l := range in.Locks {
		out.Locks = append(out.Locks, scoring.Lock{Kind: parse(c, fmt.Sprintf("%s.locks[%d].kind", p, k), l.Kind, scoring.ParseLockKind),
			Until: l.Until, Reason: l.Reason})
	}
	for _, x := range in.Exceptions {
		out.Exceptions = append(out.Exceptions, scoring.Exception{Rule: scoring.RuleID(x.Rule), Reason: x.Reason})
	}
	for _, w := range in.Wishes {
		// An id naming both a unit and a position means the unit.
		switch {
		case units[unitID(w)]:
			out.Wishes = append(out.Wishes, scoring.Wish{Unit: unitID(w)})
		case positions[positionID(w)]:
			out.Wishes = append(out.Wishes, scoring.Wish{Position: positionID(w)})
		default:
			c.fail(p+".wishes", w, ErrUnknownUnit)
		}
	}
	return out
}
