package scoring

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A higher education level never lowers the education criterion, for any
// post, field and over-qualification; eligibility under min-education never
// turns off either.
func TestEducationMonotone(t *testing.T) {
	s := fixture()
	for _, field := range []Field{"keperawatan", "kebidanan", "pgsd", ""} {
		for _, p := range s.Positions {
			prev, prevOK := -1.0, false
			for l := EducationSD; l <= EducationS3; l++ {
				e := nurse()
				e.Education = Education{Level: l, Field: field}
				sc := explain(t, s, &e, p.ID)
				v := sc.Components[CritEducation].Raw
				ok := !hasRule(sc.Violations, RuleMinEducation)
				assert.GreaterOrEqual(t, v, prev, "post %s field %q level %s", p.ID, field, l)
				assert.False(t, prevOK && !ok, "post %s: %s lost eligibility", p.ID, l)
				prev, prevOK = v, ok
			}
		}
	}
	// Over-qualification: S3 for a pelaksana post (minimum SMA) scores the
	// same as SMA: the criterion saturates at the minimum.
	e := nurse()
	e.Education.Level = EducationS3
	high := explain(t, s, &e, "staff").Components[CritEducation]
	e.Education.Level = EducationSMA
	low := explain(t, s, &e, "staff").Components[CritEducation]
	assert.Equal(t, low.Raw, high.Raw)
	assert.Equal(t, 7.0, high.Measure) // S3 rank 10 − SMA rank 3
}

// More years in post (and in the unit) never lower the tenure criterion of a
// move and never turn a pair ineligible.
func TestTenureMonotone(t *testing.T) {
	s := fixture()
	for _, target := range []PositionID{"nurse", "kasi"} {
		prev, prevOK := -1.0, false
		for d := 0; d <= 12*365; d += 11 {
			e := nurse()
			e.Grade = GradeIIIb
			e.PositionSince = planDate.AddDate(0, 0, -d)
			e.UnitSince = e.PositionSince.AddDate(0, 0, -d/2)
			sc := explain(t, s, &e, target)
			v := sc.Components[CritTenure].Raw
			ok := !hasRule(sc.Violations, RuleMinTenure)
			require.GreaterOrEqual(t, v, prev, "%s after %d days", target, d)
			require.False(t, prevOK && !ok, "%s after %d days", target, d)
			prev, prevOK = v, ok
		}
		assert.Equal(t, 1.0, prev)
	}
}

func hasRule(vs []Violation, id RuleID) bool {
	for _, v := range vs {
		if v.Rule == id {
			return true
		}
	}
	return false
}
