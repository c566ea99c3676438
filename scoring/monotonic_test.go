package scoring

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Up to Rules.OverQualFreeSteps ranks above a post's minimum, a higher
// education level never lowers the education criterion; beyond, the level
// part falls mildly (OverQualStep per rank, down to OverQualFloor), so a
// large over-qualification is not a perfect fit (domain §12.5).
// Eligibility under min-education never turns off with a higher level.
func TestEducationMonotone(t *testing.T) {
	s := fixture()
	r := &s.Rules
	for _, field := range []Field{"keperawatan", "kebidanan", "pgsd", ""} {
		for _, p := range s.Positions {
			min := minEducation(r, &p).Rank()
			prev, prevOK := -1.0, false
			for l := EducationSD; l <= EducationS3; l++ {
				e := nurse()
				e.Education = Education{Level: l, Field: field}
				sc := explain(t, s, &e, p.ID)
				v := sc.Components[CritEducation].Raw
				ok := !hasRule(sc.Violations, RuleMinEducation)
				if l.Rank() <= min+r.OverQualFreeSteps {
					assert.GreaterOrEqual(t, v, prev, "post %s field %q level %s", p.ID, field, l)
				} else {
					assert.LessOrEqual(t, v, prev+1e-12, "post %s field %q level %s", p.ID, field, l)
					assert.GreaterOrEqual(t, v, r.LevelShare*r.OverQualFloor-1e-12, "floor")
				}
				assert.False(t, prevOK && !ok, "post %s: %s lost eligibility", p.ID, l)
				prev, prevOK = v, ok
			}
		}
	}
	// Over-qualification: S3 (rank 10) for a pelaksana post (minimum SMA,
	// rank 3) is 7 ranks above, 5 beyond the 2 free: level part
	// max(0.5, 1 − 5·0.15) = 0.5, so the criterion loses 0.5·0.5 = 0.25.
	e := nurse()
	e.Education.Level = EducationS3
	high := explain(t, s, &e, "staff").Components[CritEducation]
	e.Education.Level = EducationSMA
	low := explain(t, s, &e, "staff").Components[CritEducation]
	assert.InDelta(t, low.Raw-0.25, high.Raw, 1e-12)
	assert.Equal(t, 7.0, high.Measure) // S3 rank 10 − SMA rank 3
	e.Education.Level = EducationD3    // 3 ranks above, 1 beyond the free 2: −0.5·0.15
	assert.InDelta(t, low.Raw-0.075, explain(t, s, &e, "staff").Components[CritEducation].Raw, 1e-12)
}

// Surplus competence lowers the JPM-based criterion mildly: at most by
// Rules.SurplusPenalty.
func TestCompetenceSurplus(t *testing.T) {
	s := fixture()
	e := nurse() // levels 2,2,1,2,2,1,2,2,2 against the nurse standard of 2 each
	base := explain(t, s, &e, "nurse").Components[CritCompetence].Raw
	e.Competence = Profile{Levels: [NumCompetencies]int{5, 5, 5, 5, 5, 5, 5, 5, 5}}
	over := explain(t, s, &e, "nurse").Components[CritCompetence].Raw
	// JPM 1 (capped at the standard), surplus 27/18 ≥ 1: 1 − 0.1.
	assert.InDelta(t, 0.9, over, 1e-12)
	assert.Greater(t, over, base-0.2)
	s.Rules.SurplusPenalty = 0
	assert.InDelta(t, 1.0, explain(t, s, &e, "nurse").Components[CritCompetence].Raw, 1e-12)
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
		assert.Equal(t, s.Rules.TenureFlat, prev) // flat: years past the rotation point are RotationDue
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
