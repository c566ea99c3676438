package scoring

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The worked example of domain §3.4: an administrator post with standard 3
// on all nine competencies; core factors integrity, results orientation,
// managing change, decision making.
func TestDomainWorkedExample(t *testing.T) {
	req := Profile{Levels: [NumCompetencies]int{3, 3, 3, 3, 3, 3, 3, 3, 3}}
	act := Profile{Levels: [NumCompetencies]int{3, 4, 3, 2, 3, 3, 2, 3, 3}}
	// JPM: Σ min = 3+3+3+2+3+3+2+3+3 = 25 over 27: 92.6 % → MS.
	assert.InDelta(t, 25.0/27, JPM(act, req), 1e-15)
	assert.Equal(t, JPMMS, DefaultRules().JPM.Category(100*JPM(act, req)))
	// Profile matching: gaps 0,+1,0,−1,0,0,−1,0,0 → weights 5,4.5,5,4,5,5,4,5,5.
	// NCF = (5 + 4 + 4 + 5)/4 = 4.5; NSF = (4.5 + 5 + 5 + 5 + 5)/5 = 4.9;
	// 0.6·4.5 + 0.4·4.9 = 4.66; normalised (4.66 − 1)/4 = 0.915.
	core := []Competency{CompIntegrity, CompResults, CompChange, CompDecision}
	assert.InDelta(t, 0.915, ProfileMatch(act, req, core, DefaultGapWeights(), 0.6), 1e-12)
}

func TestJPMAndProfileEdges(t *testing.T) {
	var empty Profile
	full := Profile{Levels: [NumCompetencies]int{5, 5, 5, 5, 5, 5, 5, 5, 5}}
	assert.Equal(t, 1.0, JPM(empty, empty), "nothing required")
	assert.Equal(t, 0.0, JPM(empty, full), "nothing assessed")
	assert.Equal(t, 1.0, JPM(full, Profile{Levels: [NumCompetencies]int{1}}), "surplus is capped")
	// Technical by name: 2 of 4 required.
	req := Profile{Technical: []TechnicalLevel{{"a", 4}}}
	assert.Equal(t, 0.5, JPM(Profile{Technical: []TechnicalLevel{{"a", 2}, {"b", 5}}}, req))
	// Profile matching: a surplus of 4 (1.5) scores above a shortfall of 4 (1).
	one := Profile{Levels: [NumCompetencies]int{1, 1, 1, 1, 1, 1, 1, 1, 1}}
	assert.InDelta(t, 0.125, ProfileMatch(full, one, nil, DefaultGapWeights(), 0.6), 1e-12) // (1.5−1)/4
	assert.InDelta(t, 0, ProfileMatch(one, full, nil, DefaultGapWeights(), 0.6), 1e-12)
	assert.Equal(t, 1.0, ProfileMatch(one, empty, nil, DefaultGapWeights(), 0.6))
}

func TestJPMCategoryBoundaries(t *testing.T) {
	th := DefaultRules().JPM
	assert.Equal(t, JPMMS, th.Category(80))
	assert.Equal(t, JPMMMS, th.Category(79.999))
	assert.Equal(t, JPMMMS, th.Category(68))
	assert.Equal(t, JPMKMS, th.Category(67.999))
	// Thresholds are data.
	assert.Equal(t, JPMMS, JPMThresholds{MS: 75, MMS: 60}.Category(76))
}
