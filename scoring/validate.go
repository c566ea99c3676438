package scoring

import (
	"math"
	"strconv"
	"time"
)

// validateUnit checks one unit record.
func validateUnit(u *Unit) error {
	bad := func(field string, v any, err error) error {
		return &DataError{Unit: u.ID, Field: field, Value: v, Err: err}
	}
	switch {
	case u.ID == "":
		return bad("id", u.ID, ErrMissing)
	case u.Kind == 0:
		return bad("kind", u.Kind, ErrMissing)
	case u.Kind > UnitUPTD:
		return bad("kind", u.Kind, ErrInvalidValue)
	case u.Area == 0:
		return bad("area", u.Area, ErrMissing)
	case u.Area > AreaVeryRemote:
		return bad("area", u.Area, ErrInvalidValue)
	case u.ClassGroups < 0:
		return bad("class_groups", u.ClassGroups, ErrInvalidValue)
	}
	for k, f := range u.Floors {
		if f.Profession == 0 || f.Profession > ProfessionTeacher || f.Min < 0 {
			return bad("floors["+strconv.Itoa(k)+"]", f, ErrInvalidValue)
		}
	}
	return nil
}

// validateProfile checks competency levels and technical names of a
// profile; field is the path prefix ("competence" or "standard").
func validateProfile(p *Profile, field string, bad func(string, any, error) error) error {
	for k, l := range p.Levels {
		if l < 0 || l > 5 {
			return bad(field+".levels."+Competency(k).String(), l, ErrCompetenceLevel)
		}
	}
	for k, t := range p.Technical {
		f := field + ".technical[" + strconv.Itoa(k) + "]"
		if t.Name == "" {
			return bad(f+".name", t.Name, ErrMissing)
		}
		if t.Level < 0 || t.Level > 5 {
			return bad(f+".level", t.Level, ErrCompetenceLevel)
		}
		for _, u := range p.Technical[:k] {
			if u.Name == t.Name {
				return bad(f+".name", t.Name, ErrDuplicateID)
			}
		}
	}
	return nil
}

// validatePosition checks one position record.
func validatePosition(p *Position, tax Taxonomy, units map[UnitID]int32) error {
	bad := func(field string, v any, err error) error {
		return &DataError{Position: p.ID, Field: field, Value: v, Err: err}
	}
	switch {
	case p.ID == "":
		return bad("id", p.ID, ErrMissing)
	case p.Unit == "":
		return bad("unit", p.Unit, ErrMissing)
	case p.Kind == 0:
		return bad("kind", p.Kind, ErrMissing)
	case !p.Kind.Valid():
		return bad("kind", p.Kind, ErrInvalidValue)
	case p.Kind == KindJPT && p.JPTLevel == 0:
		return bad("jpt_level", p.JPTLevel, ErrMissing)
	case p.JPTLevel > JPTUtama || (p.Kind != KindJPT && p.JPTLevel != 0):
		return bad("jpt_level", p.JPTLevel, ErrInvalidValue)
	case p.Kind == KindFunctional && p.FunctionalGrade == 0:
		return bad("functional_grade", p.FunctionalGrade, ErrMissing)
	case p.FunctionalGrade > Penyelia || (p.Kind != KindFunctional && p.FunctionalGrade != 0):
		return bad("functional_grade", p.FunctionalGrade, ErrInvalidValue)
	case p.Echelon > EchelonVa:
		return bad("echelon", p.Echelon, ErrInvalidValue)
	case p.JobClass < 0 || p.JobClass > 17:
		return bad("job_class", p.JobClass, ErrInvalidValue)
	case p.Profession > ProfessionTeacher:
		return bad("profession", p.Profession, ErrInvalidValue)
	case p.MinEducation > EducationS3:
		return bad("min_education", p.MinEducation, ErrInvalidValue)
	case p.GradeMin > MaxGrade:
		return bad("grade_min", p.GradeMin, ErrGradeRange)
	case p.GradeMax > MaxGrade:
		return bad("grade_max", p.GradeMax, ErrGradeRange)
	case (p.GradeMin == 0) != (p.GradeMax == 0):
		return bad("grade_min", p.GradeMin, ErrMissing)
	case p.GradeMin > p.GradeMax:
		return bad("grade_min", p.GradeMin, ErrInvalidValue)
	case p.Needed < 0:
		return bad("needed", p.Needed, ErrInvalidValue)
	case math.IsNaN(p.Criticality) || math.IsInf(p.Criticality, 0) || p.Criticality < 0:
		return bad("criticality", p.Criticality, ErrInvalidValue)
	}
	if _, ok := units[p.Unit]; !ok {
		return bad("unit", p.Unit, ErrUnknownReference)
	}
	for k, f := range p.Fields {
		if _, ok := tax[f]; !ok {
			return bad("fields["+strconv.Itoa(k)+"]", f, ErrUnknownField)
		}
	}
	for k, f := range p.Relevant {
		if _, ok := tax[f]; !ok {
			return bad("relevant["+strconv.Itoa(k)+"]", f, ErrUnknownField)
		}
	}
	for k, c := range p.CoreFactors {
		if c >= NumCompetencies {
			return bad("core_factors["+strconv.Itoa(k)+"]", c, ErrInvalidValue)
		}
	}
	for k, c := range p.RequiredCerts {
		if c == 0 || c > CertPrincipalTraining {
			return bad("required_certs["+strconv.Itoa(k)+"]", c, ErrInvalidValue)
		}
	}
	return validateProfile(&p.Standard, "standard", bad)
}

// validateEmployee checks one employee record at the plan date now; cur is
// the current post (nil when unplaced).
func validateEmployee(e *Employee, now day, tax Taxonomy, units map[UnitID]int32,
	positions map[PositionID]int, kec map[string]int32, cur *Position) error {
	bad := func(field string, v any, err error) error {
		return &DataError{Employee: e.ID, Field: field, Value: v, Err: err}
	}
	birth := dayOf(e.BirthDate)
	date := func(field string, t time.Time) error {
		if !t.IsZero() && dayOf(t) < birth {
			return bad(field, t.Format(time.DateOnly), ErrStartBeforeBirth)
		}
		return nil
	}
	switch {
	case e.ID == "":
		return bad("id", e.ID, ErrMissing)
	case e.BirthDate.IsZero():
		return bad("birth_date", "", ErrMissing)
	case birth > now:
		return bad("birth_date", e.BirthDate.Format(time.DateOnly), ErrBirthAfterPlan)
	case e.Status == 0:
		return bad("status", e.Status, ErrMissing)
	case e.Status > StatusPPPK:
		return bad("status", e.Status, ErrInvalidValue)
	case e.Sex > SexFemale:
		return bad("sex", e.Sex, ErrInvalidValue)
	case e.Grade > MaxGrade:
		return bad("grade", int(e.Grade), ErrGradeRange)
	case e.Grade == 0 && e.Status != StatusPPPK:
		return bad("grade", "", ErrMissing)
	case e.Education.Level == 0:
		return bad("education.level", "", ErrMissing)
	case e.Education.Level > EducationS3:
		return bad("education.level", int(e.Education.Level), ErrInvalidValue)
	case math.IsNaN(e.Potential) || e.Potential < 0 || e.Potential > 100:
		return bad("potential", e.Potential, ErrInvalidValue)
	case e.Discipline.Level > DisciplineSevere:
		return bad("discipline.level", e.Discipline.Level, ErrInvalidValue)
	case e.Position != "" && e.PositionSince.IsZero():
		return bad("position_since", "", ErrMissing)
	case e.Position == "" && e.Unit != "":
		return bad("position", "", ErrMissing)
	}
	if f := e.Education.Field; f != "" {
		if _, ok := tax[f]; !ok {
			return bad("education.field", f, ErrUnknownField)
		}
	}
	for _, d := range []struct {
		field string
		t     time.Time
	}{{"position_since", e.PositionSince}, {"unit_since", e.UnitSince}, {"cpns_since", e.CPNSSince},
		{"pns_since", e.PNSSince}, {"grade_since", e.GradeSince}, {"assessed_on", e.AssessedOn}} {
		if err := date(d.field, d.t); err != nil {
			return err
		}
	}
	if cur != nil && e.Unit != "" && e.Unit != cur.Unit {
		return bad("unit", e.Unit, ErrInvalidValue)
	}
	if e.HomeKecamatan != "" {
		if _, ok := kec[e.HomeKecamatan]; !ok {
			return bad("home_kecamatan", e.HomeKecamatan, ErrUnknownReference)
		}
	}
	for k, c := range e.Certifications {
		if c.Kind == 0 || c.Kind > CertPrincipalTraining {
			return bad("certifications["+strconv.Itoa(k)+"].kind", c.Kind, ErrInvalidValue)
		}
	}
	for k, s := range e.History {
		f := "history[" + strconv.Itoa(k) + "]"
		switch {
		case !s.Kind.Valid():
			return bad(f+".kind", s.Kind, ErrInvalidValue)
		case s.Kind == KindFunctional && !s.FunctionalGrade.Valid():
			return bad(f+".functional_grade", s.FunctionalGrade, ErrInvalidValue)
		case s.From.IsZero():
			return bad(f+".from", "", ErrMissing)
		case s.To.IsZero():
			return bad(f+".to", "", ErrMissing)
		case dayOf(s.To) < dayOf(s.From):
			return bad(f+".to", s.To.Format(time.DateOnly), ErrInvalidValue)
		}
		if err := date(f+".from", s.From); err != nil {
			return err
		}
	}
	for k, r := range e.Ratings {
		f := "ratings[" + strconv.Itoa(k) + "]"
		if r.Predicate == 0 || r.Predicate > PredicateSangatKurang {
			return bad(f+".predicate", r.Predicate, ErrInvalidValue)
		}
		for _, q := range e.Ratings[:k] {
			if q.Year == r.Year {
				return bad(f+".year", r.Year, ErrDuplicateID)
			}
		}
	}
	if err := validateProfile(&e.Competence, "competence", bad); err != nil {
		return err
	}
	for k, w := range e.Wishes {
		f := "wishes[" + strconv.Itoa(k) + "]"
		switch {
		case (w.Unit == "") == (w.Position == ""):
			return bad(f, w, ErrInvalidValue)
		case w.Unit != "":
			if _, ok := units[w.Unit]; !ok {
				return bad(f+".unit", w.Unit, ErrUnknownReference)
			}
		default:
			if _, ok := positions[w.Position]; !ok {
				return bad(f+".position", w.Position, ErrUnknownReference)
			}
		}
	}
	for k, l := range e.Locks {
		if l.Kind == 0 || l.Kind > LockOther {
			return bad("locks["+strconv.Itoa(k)+"].kind", l.Kind, ErrInvalidValue)
		}
	}
	for k, x := range e.Exceptions {
		f := "exceptions[" + strconv.Itoa(k) + "]"
		switch {
		case !Waivable(x.Rule):
			return bad(f+".rule", x.Rule, ErrNotWaivable)
		case x.Reason == "":
			return bad(f+".reason", "", ErrNotWaivable)
		}
	}
	return nil
}

// Waivable reports whether an employee's exception may waive rule r: the
// employee-level move rules min-tenure, jpt-protection and personal-lock,
// and the move-kind rules demotion (the employee's own request),
// job-family (alih fungsi) and pppk-job.
func Waivable(r RuleID) bool {
	switch r {
	case RuleMinTenure, RuleJPTProtection, RulePersonalLock, RuleDemotion, RuleJobFamily, RulePPPKJob:
		return true
	}
	return false
}
