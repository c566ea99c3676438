package scoring

import (
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBadInput(t *testing.T) {
	tests := []struct {
		name     string
		employee func(*Employee)
		position func(*Position)
		unit     func(*Unit)
		wantErr  error
		field    string // DataError.Field
		who      string // "employee", "position" or "unit"
	}{
		{name: "unknown education level", employee: func(e *Employee) { e.Education.Level = 12 },
			wantErr: ErrInvalidValue, field: "education.level", who: "employee"},
		{name: "missing education level", employee: func(e *Employee) { e.Education.Level = 0 },
			wantErr: ErrMissing, field: "education.level", who: "employee"},
		{name: "unknown field", employee: func(e *Employee) { e.Education.Field = "astrologi" },
			wantErr: ErrUnknownField, field: "education.field", who: "employee"},
		{name: "grade out of range", employee: func(e *Employee) { e.Grade = 18 },
			wantErr: ErrGradeRange, field: "grade", who: "employee"},
		{name: "PNS without grade", employee: func(e *Employee) { e.Grade = 0 },
			wantErr: ErrMissing, field: "grade", who: "employee"},
		{name: "competence level 6", employee: func(e *Employee) { e.Competence.Levels[CompDecision] = 6 },
			wantErr: ErrCompetenceLevel, field: "competence.levels.decision_making", who: "employee"},
		{name: "competence level −1", employee: func(e *Employee) {
			e.Competence.Technical = []TechnicalLevel{{Name: "x", Level: -1}}
		}, wantErr: ErrCompetenceLevel, field: "competence.technical[0].level", who: "employee"},
		{name: "birth after plan date", employee: func(e *Employee) { e.BirthDate = date("2025-10-09") },
			wantErr: ErrBirthAfterPlan, field: "birth_date", who: "employee"},
		{name: "missing birth date", employee: func(e *Employee) { e.BirthDate = date("0001-01-01") },
			wantErr: ErrMissing, field: "birth_date", who: "employee"},
		{name: "start before birth", employee: func(e *Employee) { e.PositionSince = date("1990-05-19") },
			wantErr: ErrStartBeforeBirth, field: "position_since", who: "employee"},
		{name: "history before birth", employee: func(e *Employee) { e.History[0].From = date("1980-01-01") },
			wantErr: ErrStartBeforeBirth, field: "history[0].from", who: "employee"},
		{name: "stint ends before it starts", employee: func(e *Employee) { e.History[0].To = date("2015-01-01") },
			wantErr: ErrInvalidValue, field: "history[0].to", who: "employee"},
		{name: "missing TMT", employee: func(e *Employee) { e.PositionSince = date("0001-01-01") },
			wantErr: ErrMissing, field: "position_since", who: "employee"},
		{name: "unknown current post", employee: func(e *Employee) { e.Position = "nope" },
			wantErr: ErrUnknownReference, field: "position", who: "employee"},
		{name: "unit disagrees with post", employee: func(e *Employee) { e.Unit = "pkm-jujuhan" },
			wantErr: ErrInvalidValue, field: "unit", who: "employee"},
		{name: "unknown home kecamatan", employee: func(e *Employee) { e.HomeKecamatan = "Jujuhan Ulu" },
			wantErr: ErrUnknownReference, field: "home_kecamatan", who: "employee"},
		{name: "wish names nothing", employee: func(e *Employee) { e.Wishes = []Wish{{}} },
			wantErr: ErrInvalidValue, field: "wishes[0]", who: "employee"},
		{name: "wish for unknown unit", employee: func(e *Employee) { e.Wishes = []Wish{{Unit: "mars"}} },
			wantErr: ErrUnknownReference, field: "wishes[0].unit", who: "employee"},
		{name: "duplicate SKP year", employee: func(e *Employee) { e.Ratings[1].Year = 2023 },
			wantErr: ErrDuplicateID, field: "ratings[1].year", who: "employee"},
		{name: "potential NaN", employee: func(e *Employee) { e.Potential = math.NaN() },
			wantErr: ErrInvalidValue, field: "potential", who: "employee"},
		{name: "exception without reason", employee: func(e *Employee) {
			e.Exceptions = []Exception{{Rule: RuleMinTenure}}
		}, wantErr: ErrNotWaivable, field: "exceptions[0].reason", who: "employee"},
		{name: "exception for a qualification", employee: func(e *Employee) {
			e.Exceptions = []Exception{{Rule: RuleMinEducation, Reason: "please"}}
		}, wantErr: ErrNotWaivable, field: "exceptions[0].rule", who: "employee"},
		{name: "post: unknown accepted field", position: func(p *Position) { p.Fields = []Field{"keperawatan", "ners"} },
			wantErr: ErrUnknownField, field: "fields[1]", who: "position"},
		{name: "post: standard level 7", position: func(p *Position) { p.Standard.Levels[CompIntegrity] = 7 },
			wantErr: ErrCompetenceLevel, field: "standard.levels.integrity", who: "position"},
		{name: "post: grade max out of range", position: func(p *Position) { p.GradeMin, p.GradeMax = GradeIIIa, 20 },
			wantErr: ErrGradeRange, field: "grade_max", who: "position"},
		{name: "post: grade band reversed", position: func(p *Position) { p.GradeMin, p.GradeMax = GradeIIIb, GradeIIIa },
			wantErr: ErrInvalidValue, field: "grade_min", who: "position"},
		{name: "post: functional without grade", position: func(p *Position) { p.FunctionalGrade = 0 },
			wantErr: ErrMissing, field: "functional_grade", who: "position"},
		{name: "post: unknown unit", position: func(p *Position) { p.Unit = "mars" },
			wantErr: ErrUnknownReference, field: "unit", who: "position"},
		{name: "unit: no area class", unit: func(u *Unit) { u.Area = 0 },
			wantErr: ErrMissing, field: "area", who: "unit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := fixture()
			e := nurse()
			p := post(t, s, "nurse")
			if tt.employee != nil {
				tt.employee(&e)
			}
			if tt.position != nil {
				tt.position(p)
			}
			if tt.unit != nil {
				tt.unit(&s.Units[1])
			}
			for _, call := range []func() error{
				func() error { _, err := s.Fit(&e, p); return err },
				func() error { _, err := s.Explain(&e, p); return err },
				func() error { _, err := s.Check(&e, p); return err },
				func() error { _, err := s.Compile([]Employee{e}); return err },
			} {
				err := call()
				require.ErrorIs(t, err, tt.wantErr)
				var de *DataError
				require.ErrorAs(t, err, &de)
				assert.Equal(t, tt.field, de.Field)
				switch tt.who {
				case "employee":
					assert.Equal(t, e.ID, de.Employee)
				case "position":
					assert.Equal(t, PositionID("nurse"), de.Position)
				case "unit":
					assert.Equal(t, UnitID("pkm-jujuhan"), de.Unit)
				}
				assert.Contains(t, err.Error(), tt.field)
			}
		})
	}
}

func TestDataErrorMessage(t *testing.T) {
	s := fixture()
	e := nurse()
	e.Education.Level = 0
	_, err := s.Fit(&e, post(t, s, "nurse"))
	assert.EqualError(t, err, `scoring: employee "199005202015032001": education.level "": missing value`)
	e = nurse()
	e.Competence.Levels[CompDecision] = 6
	_, err = s.Fit(&e, post(t, s, "nurse"))
	assert.EqualError(t, err, `scoring: employee "199005202015032001": competence.levels.decision_making "6": competence level outside 1-5`)
}

func TestDuplicateIDs(t *testing.T) {
	s := fixture()
	e := nurse()
	_, err := s.Compile([]Employee{e, e})
	assert.ErrorIs(t, err, ErrDuplicateID)
	s.Positions = append(s.Positions, s.Positions[0])
	_, err = s.Compile([]Employee{e})
	assert.ErrorIs(t, err, ErrDuplicateID)
	s = fixture()
	s.Units = append(s.Units, s.Units[0])
	_, err = s.Compile([]Employee{e})
	assert.ErrorIs(t, err, ErrDuplicateID)
}

func TestScorerConfigErrors(t *testing.T) {
	e := nurse()
	s := fixture()
	s.AsOf = date("0001-01-01")
	_, err := s.Fit(&e, post(t, s, "nurse"))
	assert.ErrorIs(t, err, ErrNoPlanDate)

	for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), -0.1} {
		s := fixture()
		s.Weights.Tenure = bad
		_, err := s.Fit(&e, post(t, s, "nurse"))
		var we *WeightError
		require.ErrorAs(t, err, &we)
		assert.Equal(t, CritTenure, we.Criterion)
		assert.ErrorIs(t, err, ErrInvalidWeight)
	}
	assert.NoError(t, Weights{}.Validate())
	assert.NoError(t, DefaultWeights().Validate())
	w := DefaultWeights()
	assert.InDelta(t, 1, w.Education+w.Competence+w.Tenure+w.Performance+w.Preference, 1e-12)

	for name, mutate := range map[string]func(*Rules){
		"rotation_years":                   func(r *Rules) { r.RotationYears = 1 },
		"jpm_thresholds":                   func(r *Rules) { r.JPM = JPMThresholds{MS: 60, MMS: 70} },
		"core_share":                       func(r *Rules) { r.CoreShare = 1.5 },
		"wish_share+home_share+area_share": func(r *Rules) { r.WishShare = 0.9 },
		"talent_grid":                      func(r *Rules) { r.Grid[0][0] = 9 },
		"min_tenure_years":                 func(r *Rules) { r.MinTenureYears = -1 },
		"echelon_bands.IV.a":               func(r *Rules) { r.EchelonBands[EchelonIVa] = GradeBand{GradeIIId, GradeIIIc} },
		"urgency_years":                    func(r *Rules) { r.UrgencyYears = 0 },
	} {
		r := DefaultRules()
		mutate(&r)
		err := r.Validate()
		var re *RulesError
		require.ErrorAs(t, err, &re, name)
		assert.Equal(t, name, re.Param)
		assert.True(t, errors.Is(err, ErrInvalidRules))
	}
	var zero Rules
	assert.Error(t, zero.Validate(), "the zero Rules is not usable")
	r := DefaultRules()
	require.NoError(t, r.Validate())
}
