package scoring

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExplainHandComputed(t *testing.T) {
	s := fixture()
	e := nurse()
	sc := explain(t, s, &e, "nurse")
	require.Empty(t, sc.Violations)
	want := []struct {
		raw, measure float64
	}{
		// education: S1 meets the ahli_pertama minimum S1 (rank 7 − 7 = 0
		// steps above), exact field keperawatan: 0.5 + 0.5·1 = 1.
		{1, 0},
		// competence: levels 2,2,1,2,2,1,2,2,2 against 2 on all nine:
		// Σ min = 16, Σ required = 18, JPM = 16/18 = 0.8889 (88.9 % ≥ 80: MS,
		// no KMS factor).
		{16.0 / 18, 1600.0 / 18},
		// tenure: in post since 2021-01-04; to 2025-10-04 is 57 months, then 4
		// of October's 31 days: (57 + 4/31)/12 = 4.7608 years. Past the
		// 2-year minimum, before the 5-year rotation point: TenureFlat 0.5.
		{0.5, (57 + 4.0/31) / 12},
		// performance: latest SKP 2024 sangat_baik (above expectations),
		// potential 85 ≥ 80 (high): box 9, value (9 − 1)/8 = 1.
		{1, 9},
		// preference: first wish is the puskesmas's unit (1), home Jujuhan is
		// the puskesmas's kecamatan (1), rural area 0.75:
		// 0.5·1 + 0.3·1 + 0.2·0.75 = 0.95; wish rank 1.
		{0.95, 1},
	}
	require.Len(t, sc.Components, NumCriteria)
	for c, w := range want {
		assert.Equal(t, Criterion(c), sc.Components[c].Criterion)
		assert.InDelta(t, w.raw, sc.Components[c].Raw, 1e-12, "raw %s", Criterion(c))
		assert.InDelta(t, w.measure, sc.Components[c].Measure, 1e-12, "measure %s", Criterion(c))
	}
	// Total = 0.25·1 + 0.35·16/18 + 0.15·0.5 + 0.15·1 + 0.10·0.95
	//       = 0.25 + 0.311111 + 0.075 + 0.15 + 0.095 = 0.881111.
	assert.InDelta(t, 0.25+0.35*16/18+0.075+0.15+0.095, sc.Total, 1e-12)
}

func TestStayingInCurrentPost(t *testing.T) {
	s := fixture()
	e := nurse()
	// The current post is always eligible, even when e would fail its rules
	// as a newcomer: here she is an S1 nurse in a pelaksana post, and a
	// study-leave lock and a fresh start would block any move.
	e.PositionSince = date("2025-01-01")
	e.Locks = []Lock{{Kind: LockStudyLeave}}
	sc := explain(t, s, &e, "staff")
	assert.Empty(t, sc.Violations)
	// Tenure of staying is 1 − (tenure of a move) = 1 − 0 = 1 under 2 years.
	assert.Equal(t, 1.0, sc.Components[CritTenure].Raw)
	other := explain(t, s, &e, "nurse")
	assert.Equal(t, []RuleID{RuleMinTenure, RulePersonalLock}, rules(other.Violations))
}

func TestComponentsSumToTotal(t *testing.T) {
	wf := newTestWorkforce(t, 60, 40)
	for i := range wf.Rows() {
		for j := range wf.Cols() {
			sc := wf.Explain(i, j)
			var sum float64
			for _, c := range sc.Components {
				assert.Equal(t, float64(c.Weight*c.Raw), c.Value)
				sum += c.Value
			}
			require.Equal(t, sum, sc.Total, "pair %d,%d", i, j) // exact, not InDelta
			fit := wf.Fit(i, j)
			if sc.Eligible() {
				require.Equal(t, sc.Total, fit)
			} else {
				require.True(t, math.IsNaN(fit))
			}
		}
	}
}

func TestZeroWeightContributesNothing(t *testing.T) {
	for c := range NumCriteria {
		s := fixture()
		w := s.Weights.array()
		w[c] = 0
		s.Weights = Weights{w[0], w[1], w[2], w[3], w[4]}
		e := nurse()
		sc := explain(t, s, &e, "nurse")
		assert.Zero(t, sc.Components[c].Value, "criterion %s", Criterion(c))
		assert.Zero(t, sc.Components[c].Weight)
		assert.NotZero(t, sc.Components[c].Raw, "the raw value is still reported")
		// The total is the full one minus exactly that contribution.
		full := explain(t, fixture(), &e, "nurse")
		assert.InDelta(t, full.Total-full.Components[c].Value, sc.Total, 1e-15)
	}
}

func TestScalingWeightsKeepsArgmax(t *testing.T) {
	wf := newTestWorkforce(t, 80, 60)
	for _, k := range []float64{0.001, 0.5, 3, 1000} {
		s2 := *wf.scorer
		w := s2.Weights
		s2.Weights = Weights{k * w.Education, k * w.Competence, k * w.Tenure, k * w.Performance, k * w.Preference}
		t2, err := s2.Compile(wf.employees)
		require.NoError(t, err)
		a, b := make([]float64, wf.Cols()), make([]float64, wf.Cols())
		for i := range wf.Rows() {
			ra, rb := wf.FitRow(a, i), t2.FitRow(b, i)
			assert.Equal(t, argmax(ra), argmax(rb), "row %d, scale %v", i, k)
			for j := range ra {
				if !math.IsNaN(ra[j]) {
					assert.InDelta(t, k*ra[j], rb[j], 1e-9*max(1, k))
				}
			}
		}
	}
}

// argmax returns the first index of the largest non-NaN value, or −1.
func argmax(xs []float64) int {
	best := -1
	for j, x := range xs {
		if !math.IsNaN(x) && (best < 0 || x > xs[best]) {
			best = j
		}
	}
	return best
}

func TestFitRowMatchesSinglePair(t *testing.T) {
	wf := newTestWorkforce(t, 30, 25)
	buf := make([]float64, wf.Cols()+5) // longer is fine
	for i := range wf.Rows() {
		row := wf.FitRow(buf, i)
		require.Len(t, row, wf.Cols())
		for j := range row {
			got, err := wf.scorer.Fit(&wf.employees[i], &wf.scorer.Positions[j])
			require.NoError(t, err)
			if math.IsNaN(row[j]) {
				assert.True(t, math.IsNaN(got))
				vs, err := wf.scorer.Check(&wf.employees[i], &wf.scorer.Positions[j])
				require.NoError(t, err)
				assert.NotEmpty(t, vs)
				assert.Equal(t, wf.Check(i, j), vs)
			} else {
				assert.Equal(t, row[j], got)
			}
		}
	}
	assert.Panics(t, func() { wf.FitRow(make([]float64, wf.Cols()-1), 0) })
}

func TestFitRowDoesNotAllocate(t *testing.T) {
	wf := newTestWorkforce(t, 20, 50)
	buf := make([]float64, wf.Cols())
	allocs := testing.AllocsPerRun(20, func() {
		for i := range wf.Rows() {
			wf.FitRow(buf, i)
		}
	})
	assert.Zero(t, allocs)
}

func TestProfileMatchingMethod(t *testing.T) {
	s := fixture()
	s.Rules.Method = MethodProfileMatching
	e := nurse()
	sc := explain(t, s, &e, "nurse")
	// Standard 2 on all nine; default core factors integrity, results
	// orientation, managing change, decision making (indices 0, 3, 6, 7).
	// Gaps: 0,0,−1,0,0,−1,0,0,0. Core weights 5,5,5,5: NCF = 5. Secondary
	// (cooperation, communication, public service, development, perekat
	// bangsa) weights 5,4,5,4,5: NSF = 23/5 = 4.6. Score 0.6·5 + 0.4·4.6 =
	// 4.84, normalised (4.84 − 1)/4 = 0.96. The JPM measure stays 88.9 %.
	assert.InDelta(t, 0.96, sc.Components[CritCompetence].Raw, 1e-12)
	assert.InDelta(t, 1600.0/18, sc.Components[CritCompetence].Measure, 1e-12)
}

func TestCompetenceKMSAndNeutral(t *testing.T) {
	s := fixture()
	e := nurse()
	// All ones against 2: JPM = 9/18 = 50 % < 68 (KMS): 0.5 × KMSFactor 0.5 = 0.25.
	e.Competence = Profile{Levels: [NumCompetencies]int{1, 1, 1, 1, 1, 1, 1, 1, 1}}
	sc := explain(t, s, &e, "nurse")
	assert.InDelta(t, 0.25, sc.Components[CritCompetence].Raw, 1e-12)
	// 12/18 = 66.7 % is still KMS; 13/18 = 72.2 % is MMS and unpenalised.
	e.Competence.Levels = [NumCompetencies]int{2, 2, 2, 1, 1, 1, 1, 1, 1}
	assert.InDelta(t, 12.0/18*0.5, explain(t, s, &e, "nurse").Components[CritCompetence].Raw, 1e-12)
	e.Competence.Levels = [NumCompetencies]int{2, 2, 2, 2, 1, 1, 1, 1, 1}
	assert.InDelta(t, 13.0/18, explain(t, s, &e, "nurse").Components[CritCompetence].Raw, 1e-12)
	// An assessment 3 years old (2022-10-08) has expired on 2025-10-08: neutral 0.5, measure −1.
	e.AssessedOn = date("2022-10-08")
	sc = explain(t, s, &e, "nurse")
	assert.Equal(t, 0.5, sc.Components[CritCompetence].Raw)
	assert.Equal(t, -1.0, sc.Components[CritCompetence].Measure)
	// One day younger it still counts.
	e.AssessedOn = date("2022-10-09")
	assert.InDelta(t, 13.0/18, explain(t, s, &e, "nurse").Components[CritCompetence].Raw, 1e-12)
}

func TestTechnicalShare(t *testing.T) {
	s := fixture()
	p := post(t, s, "nurse")
	p.Standard.Technical = []TechnicalLevel{{Name: "asuhan_keperawatan", Level: 3}}
	e := nurse()
	e.Competence.Technical = []TechnicalLevel{{Name: "asuhan_keperawatan", Level: 2}, {Name: "unused", Level: 5}}
	// Managerial JPM 16/18, technical 2/3; ahli_pertama technical share 0.6:
	// 0.6·2/3 + 0.4·16/18 = 0.4 + 0.35556 = 0.75556 (75.6 %: MMS).
	sc := explain(t, s, &e, "nurse")
	want := 0.6*2/3 + 0.4*16/18
	assert.InDelta(t, want, sc.Components[CritCompetence].Raw, 1e-12)
	assert.InDelta(t, 100*want, sc.Components[CritCompetence].Measure, 1e-12)
}

func TestPreferenceParts(t *testing.T) {
	s := fixture()
	e := nurse()
	e.Wishes = []Wish{{Position: "kasi"}, {Position: "teacher"}, {Unit: "sd-pelepat"}}
	e.HomeKecamatan = "Rimbo Tengah"
	// kasi: wish 1 (1.0), home neighbour of Pasar Muara Bungo (0.5), urban (1):
	// 0.5·1 + 0.3·0.5 + 0.2·1 = 0.85.
	sc := explain(t, s, &e, "kasi")
	assert.InDelta(t, 0.85, sc.Components[CritPreference].Raw, 1e-12)
	assert.Equal(t, 1.0, sc.Components[CritPreference].Measure)
	// teacher: wish 2 (0.75) comes before the unit wish 3; Pelepat is far
	// (0), remote (0.5): 0.5·0.75 + 0 + 0.2·0.5 = 0.475.
	sc = explain(t, s, &e, "teacher")
	assert.InDelta(t, 0.475, sc.Components[CritPreference].Raw, 1e-12)
	assert.Equal(t, 2.0, sc.Components[CritPreference].Measure)
	// Unknown home: 0.3·HomeUnknown 0.5; nurse post: no wish, rural 0.75:
	// 0 + 0.15 + 0.15 = 0.3.
	e.HomeKecamatan = ""
	sc = explain(t, s, &e, "nurse")
	assert.InDelta(t, 0.3, sc.Components[CritPreference].Raw, 1e-12)
}

func TestPerformanceBoxes(t *testing.T) {
	s := fixture()
	e := nurse()
	tests := []struct {
		name      string
		predicate Predicate
		potential float64
		post      PositionID
		box       int
		want      float64
	}{
		{"box 9 staff", PredicateSangatBaik, 85, "nurse", 9, 1},
		// Baik (as expected) and 60 ≤ potential < 80 (medium): box 5, 4/8.
		{"box 5 staff", PredicateBaik, 60, "nurse", 5, 0.5},
		// The same box 5 in a head post (administrator) is halved: 0.25.
		{"box 5 head", PredicateBaik, 79.9, "kabid", 5, 0.25},
		// Box 7 (above expectations, medium) keeps its full value in a head post: 6/8.
		{"box 7 head", PredicateSangatBaik, 70, "kabid", 7, 0.75},
		// Kurang (below) and potential 59 (low): box 1, 0.
		{"box 1", PredicateKurang, 59, "nurse", 1, 0},
		// No potential: neutral 0.5, box 0.
		{"unknown", PredicateBaik, 0, "nurse", 0, 0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e.Ratings = []Rating{{Year: 2024, Predicate: tt.predicate}, {Year: 2020, Predicate: PredicateSangatKurang}}
			e.Potential = tt.potential
			sc := explain(t, s, &e, tt.post)
			assert.InDelta(t, tt.want, sc.Components[CritPerformance].Raw, 1e-12)
			assert.Equal(t, float64(tt.box), sc.Components[CritPerformance].Measure)
		})
	}
}

func TestDisabledRule(t *testing.T) {
	s := fixture()
	e := nurse()
	e.Certifications = nil
	vs, err := s.Check(&e, post(t, s, "nurse"))
	require.NoError(t, err)
	assert.Equal(t, []RuleID{RuleCertification}, rules(vs))
	s.Rules.Disabled = []RuleID{RuleCertification}
	vs, err = s.Check(&e, post(t, s, "nurse"))
	require.NoError(t, err)
	assert.Empty(t, vs)
	fit, err := s.Fit(&e, post(t, s, "nurse"))
	require.NoError(t, err)
	assert.False(t, math.IsNaN(fit))
	// A scenario rule cannot be disabled here.
	s.Rules.Disabled = []RuleID{RuleUnitFloor}
	_, err = s.Check(&e, post(t, s, "nurse"))
	assert.ErrorIs(t, err, ErrInvalidRules)
}

// FitRow's early-exit test (blocked) must agree with Check (mask) on every
// pair, with every rule enabled and with each rule disabled in turn.
func TestFitRowAgreesWithCheck(t *testing.T) {
	nEmp, nPos := 150, 400
	if testing.Short() {
		nEmp, nPos = 60, 120
	}
	wf := newWorkforce(nEmp, nPos, 7)
	for b := -1; b < numPairRules; b++ {
		s := *wf.scorer
		if b >= 0 {
			s.Rules.Disabled = []RuleID{ruleTable[b].ID}
		}
		tab, err := s.Compile(wf.employees)
		require.NoError(t, err)
		buf := make([]float64, tab.Cols())
		for i := range tab.Rows() {
			row := tab.FitRow(buf, i)
			for j := range row {
				vs := tab.Check(i, j)
				require.Equal(t, len(vs) > 0, math.IsNaN(row[j]), "pair %d,%d disabled %d: %v", i, j, b, vs)
				if b >= 0 {
					require.False(t, hasRule(vs, ruleTable[b].ID))
				}
			}
		}
	}
}
