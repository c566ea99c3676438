package scoring

import (
	"math"
	"strconv"
	"time"
)

// Rules holds every legal number and policy table the scorer uses. Each
// field is one named default from [DefaultRules] with its source; the
// scenario YAML overrides them (keys are the snake_case of the field
// names). Values marked [VERIFY] are unconfirmed against the official text
// and are data for that reason. A zero Rules is not usable: start from
// DefaultRules and change fields.
type Rules struct {
	// MinTenureYears is the minimum time in post before a move (rule
	// min-tenure). Default 2: PP 11/2017 Pasal 190(3), "paling singkat 2
	// (dua) tahun"; Peraturan BKN 5/2019 Pasal 2(3). The 6 months the head
	// of BKN announced in July 2025 for requested transfers is not yet in a
	// regulation [VERIFY].
	MinTenureYears int
	// RotationYears is the rotation point: after it the tenure criterion
	// rises with urgency to move. Default 5: PP 11/2017 Pasal 190(3),
	// "paling lama 5 (lima) tahun".
	RotationYears int
	// UrgencyYears is how many years past RotationYears the tenure
	// criterion takes to rise from TenureFlat to 1. Default 3 (policy).
	UrgencyYears float64
	// TenureFlat is the tenure criterion between MinTenureYears and
	// RotationYears. Default 0.5 (policy).
	TenureFlat float64

	// RetirementAges are the retirement ages (BUP) by target post; see
	// [RetirementAges]. PP 11/2017 Pasal 239–240; UU 14/2005 Pasal 40(4).
	RetirementAges RetirementAges
	// MinRemainingMonths is the least number of months an appointee must be
	// able to serve in the target post before its BUP (rule
	// retirement-horizon). Default 12 (domain §9.4 suggestion).
	MinRemainingMonths int

	// JPTProtectYears is the protection period of a JPT official after
	// appointment (rule jpt-protection). Default 2: PP 11/2017 as amended
	// [VERIFY article]; first set by UU 5/2014 Pasal 116(1), which UU
	// 20/2023 revoked without an equivalent article found. SE MenPAN-RB
	// 19/2023 lets the PPK rotate earlier on performance grounds.
	JPTProtectYears int
	// JPTMaxAge is the oldest age at which someone may be appointed to a
	// JPT pratama post (rule jpt-age). Default 56: PP 17/2020.
	JPTMaxAge int

	// Experience lists the experience needed before managerial posts (rule
	// managerial-experience). Default: administrator ≥ 3 years as pengawas
	// or equivalent; pengawas ≥ 4 years as pelaksana or equivalent; JPT ≥ 2
	// years as administrator or equivalent (PP 11/2017 Pasal 54 as amended
	// by PP 17/2020).
	Experience []ExperienceRule
	// Equivalent maps each functional grade to the structural kind it ranks
	// with, for experience, promotion and discipline (penyetaraan,
	// PermenPANRB 17/2021 [VERIFY]); indexed by FunctionalGrade. Default:
	// ahli_utama → jpt, ahli_madya → administrator, ahli_muda → pengawas,
	// every other grade → pelaksana.
	Equivalent [Penyelia + 1]PositionKind

	// MinEducation is the default minimum education by kind of post, used
	// when Position.MinEducation is zero (rule min-education).
	MinEducation MinEducation
	// LevelShare is the share of the level part in the education
	// criterion; the field part has 1 − LevelShare. Default 0.5 (domain
	// §9.6: "meets level (0/1) plus field match"). The level part is 1 at
	// the minimum and up to OverQualFreeSteps ranks above it, then falls by
	// OverQualStep per rank, down to OverQualFloor: a mild penalty for large
	// over-qualification (domain §12.5).
	LevelShare float64
	// OverQualFreeSteps, OverQualStep and OverQualFloor shape the
	// over-qualification penalty of the education criterion's level part.
	// Default 2 ranks free (SMA → D3 for a SMA post), 0.15 per rank beyond,
	// floor 0.5 (policy; profile matching's gap table penalises a surplus
	// the same way, domain §3.4).
	OverQualFreeSteps           int
	OverQualStep, OverQualFloor float64
	// SurplusPenalty is the competence criterion's penalty for surplus
	// competence under MethodJPM: the JPM is multiplied by 1 − SurplusPenalty ×
	// min(1, Σ surplus levels / Σ required levels). Default 0.1 (policy:
	// mild; the JPM itself stops at the requirement, domain §12.5).
	SurplusPenalty float64
	// RelatedField is the field part for a field of the same family
	// (rumpun). Default 0.5 (domain §9.6).
	RelatedField float64
	// UnrelatedField is the field part for an unrelated field. Default 0.
	UnrelatedField float64

	// GradeBandSlack is how many grade steps below a band's minimum are
	// still allowed (rule grade-band). Default 1: PP 100/2000 Pasal 5
	// ("satu tingkat di bawah jenjang pangkat terendah").
	GradeBandSlack int
	// EchelonBands are the grade bands by echelon, indexed by Echelon (PP
	// 100/2000 jo PP 13/2002, domain §5.4).
	EchelonBands [EchelonVa + 1]GradeBand
	// FunctionalBands are the grade bands by functional grade, indexed by
	// FunctionalGrade (PermenPANRB 1/2023 practice, domain §5.5 [VERIFY]).
	FunctionalBands [Penyelia + 1]GradeBand

	// Method selects the competence criterion: JPM (default) or profile
	// matching.
	Method CompetenceMethod
	// JPM holds the category thresholds in percent. Default MS 80, MMS 68
	// (domain §3.3, Berita Negara 35/2020 practice).
	JPM JPMThresholds
	// KMSFactor multiplies the competence criterion of a KMS result under
	// MethodJPM: a strong penalty below the pass mark. Default 0.5 (policy).
	KMSFactor float64
	// GapWeights is the profile-matching gap table. Default
	// DefaultGapWeights() (Kusrini 2007, domain §3.4).
	GapWeights GapWeights
	// CoreShare is the weight of the core factors in profile matching.
	// Default 0.60 (domain §3.4; 0.70 also appears).
	CoreShare float64
	// CoreFactors are the default core factors when a post lists none.
	// Default integrity, results orientation, managing change, decision
	// making (domain §3.4 illustration [VERIFY per post kind]).
	CoreFactors []Competency
	// StandardLevel gives the required level of each of the nine
	// competencies for a post whose Standard is empty (domain §3.2 [VERIFY
	// against the PermenPANRB 38/2017 Lampiran]).
	StandardLevel StandardLevels
	// TechnicalShare is the share of technical competencies in the JPM when
	// the standard has both kinds, indexed by FunctionalGrade (index 0 for
	// posts that are not functional). Default ahli_madya 0.40, ahli_muda
	// 0.50, ahli_pertama 0.60 (Berita Negara 35/2020); ahli_utama 0.40, the
	// skill track 0.60 and other posts 0.50 by extension [VERIFY].
	TechnicalShare [Penyelia + 1]float64
	// AssessmentValidityYears is how long a competence assessment counts.
	// Default 3 [VERIFY]; older assessments give NeutralCompetence.
	AssessmentValidityYears int
	// NeutralCompetence is the competence criterion without a valid
	// assessment. Default 0.5: neither rewarded nor punished for a missing
	// assessment.
	NeutralCompetence float64

	// Talent holds the potential thresholds (0–100) between low, medium and
	// high. Default 60 / 80 (common tool practice, not regulation; domain
	// §4).
	Talent TalentThresholds
	// Grid numbers the nine boxes: Grid[performance][potential], each axis
	// 0 low/below, 1 medium/as expected, 2 high/above. Default PermenPANRB
	// 3/2020 numbering (domain §4): 9 = above expectations and high
	// potential, 1 = below and low.
	Grid [3][3]int
	// BoxValue is the performance criterion by box, indexed 1–9 (index 0
	// unused). Default (box − 1)/8.
	BoxValue [10]float64
	// HeadBoxValue replaces BoxValue for unit-head, JPT and administrator
	// posts, favouring the top boxes 7–9. Default: (box − 1)/8 for boxes
	// 7–9, half of it for boxes 1–6 (domain §4, "prefer boxes 7–9 for
	// unit-head and strategic posts").
	HeadBoxValue [10]float64
	// NeutralPerformance is the performance criterion when no box can be
	// formed (no SKP or no potential). Default 0.5.
	NeutralPerformance float64
	// PerformanceYears and MinPredicate: a managerial appointee needs a
	// predicate of at least MinPredicate in each of the PerformanceYears
	// years before the plan year (rule performance-minimum). Default 2
	// years, Baik (PP 11/2017 Pasal 54).
	PerformanceYears int
	MinPredicate     Predicate

	// DisciplineBlock is the lowest active penalty level that blocks
	// promotion and managerial appointment (rule discipline). Default
	// moderate (PP 94/2021 Pasal 8).
	DisciplineBlock DisciplineLevel
	// DemotionPenalty is the lowest active penalty level that may impose a
	// lower post (rule demotion). Default severe: PP 94/2021 Pasal 8(4)
	// lists demotion (penurunan jabatan setingkat lebih rendah) and release
	// from the post (pembebasan dari jabatan) among the severe penalties.
	DemotionPenalty DisciplineLevel
	// PrincipalMinGrade and PrincipalMaxAge are a principal's lowest PNS
	// grade and oldest age at appointment (rule principal). Default III/c
	// and 56: Permendikdasmen 7/2025 Pasal 7 (III/b when no III/c
	// candidate exists is not modelled [VERIFY]).
	PrincipalMinGrade Grade
	PrincipalMaxAge   int
	// PrincipalMaxYears is how long a principal (a unit-head post of the
	// teacher profession) holds the post before returning to teaching:
	// two terms of four years (Permendikdasmen 7/2025). After it, a move
	// back to a teacher's post is not a demotion. Default 8; 0 switches the
	// exception off.
	PrincipalMaxYears int
	// PrincipalTermYears is one principal's term: a principal without the
	// principal-candidate training (CertPrincipalTraining) serves one term
	// only, so the return to teaching comes after it. Default 4
	// (Permendikdasmen 7/2025 [VERIFY articles 16–27]); 0 applies
	// PrincipalMaxYears to everyone.
	PrincipalTermYears int
	// FunctionalBandsApply applies FunctionalBands to functional posts in
	// rule grade-band. Default false: a functional grade (jenjang) belongs
	// to the person and follows their credit-point career; the formation
	// need is for the profession at the unit, so grade bands bind
	// structural posts only (domain §12.4).
	FunctionalBandsApply bool

	// WishValues is the wish part of the preference criterion by rank of
	// the matching wish (first wish first); wishes past the end score 0.
	// Default 1, 0.75, 0.5 (policy).
	WishValues []float64
	// WishShare, HomeShare and AreaShare split the preference criterion
	// into wish, home-kecamatan and area parts; they should sum to 1.
	// Default 0.5, 0.3, 0.2 (policy; preference is a tie-breaker).
	WishShare, HomeShare, AreaShare float64
	// HomeSame, HomeNeighbour and HomeFar are the home part for a target
	// unit in the home kecamatan, a neighbouring one, or farther. Default
	// 1, 0.5, 0; HomeUnknown (default 0.5) when either kecamatan is unknown.
	HomeSame, HomeNeighbour, HomeFar, HomeUnknown float64
	// AreaValue is the area part by the target unit's area class, indexed by
	// AreaClass (index 0 unused): how much people typically prefer the
	// area. Default urban 1, rural 0.75, remote 0.5, very_remote 0.25
	// (policy; the scenario's remote-area weighting counteracts it).
	AreaValue [NumAreaClasses + 1]float64

	// Disabled lists pair rules switched off (severity "off" in the
	// scenario): they neither make pairs ineligible nor appear in Check.
	Disabled []RuleID
}

// RetirementAges are the retirement ages (BUP) in years (PP 11/2017 Pasal
// 239–240; domain §5.7). Which applies depends on the target post.
type RetirementAges struct {
	// Administrative: administrator, pengawas, pelaksana, and JF ahli
	// pertama, ahli muda and the skill track. Default 58.
	Administrative int
	// Senior: JPT and JF ahli madya. Default 60.
	Senior int
	// AhliUtama: JF ahli utama. Default 65.
	AhliUtama int
	// Teacher: posts with Profession teacher, whatever their kind. Default
	// 60 (UU 14/2005 Pasal 40(4)).
	Teacher int
}

// ExperienceRule requires Years years in posts ranking at least AtLeast
// before a post of kind Kind.
type ExperienceRule struct {
	Kind    PositionKind
	AtLeast PositionKind
	Years   int
}

// MinEducation is the default minimum education per kind of post (PP
// 11/2017 Pasal 54; domain §5.2).
type MinEducation struct {
	JPT, Administrator, Pengawas EducationLevel // default S1, S1, D3
	Pelaksana                    EducationLevel // default SMA [VERIFY Pasal 54(3)]
	Keahlian, Keterampilan       EducationLevel // functional tracks: default S1, D3 [VERIFY]
}

// GradeBand is an inclusive range of grades.
type GradeBand struct{ Min, Max Grade }

// StandardLevels are the default required levels of the nine managerial
// and socio-cultural competencies by kind of post (domain §3.2).
type StandardLevels struct {
	JPT           [JPTUtama + 1]int // by JPTLevel; default pratama 4, madya 5, utama 5
	Administrator int               // default 3
	Pengawas      int               // default 2
	Pelaksana     int               // default 1
	Functional    [Penyelia + 1]int // by FunctionalGrade; default ahli 1–4, skill track 1
}

// TalentThresholds split the potential score (0–100) into low (< Medium),
// medium (< High) and high.
type TalentThresholds struct{ Medium, High float64 }

// DefaultRules returns a fresh Rules holding every documented default.
func DefaultRules() Rules {
	r := Rules{
		MinTenureYears:     2,
		RotationYears:      5,
		UrgencyYears:       3,
		TenureFlat:         0.5,
		RetirementAges:     RetirementAges{Administrative: 58, Senior: 60, AhliUtama: 65, Teacher: 60},
		MinRemainingMonths: 12,
		JPTProtectYears:    2,
		JPTMaxAge:          56,
		Experience: []ExperienceRule{
			{Kind: KindJPT, AtLeast: KindAdministrator, Years: 2},
			{Kind: KindAdministrator, AtLeast: KindPengawas, Years: 3},
			{Kind: KindPengawas, AtLeast: KindPelaksana, Years: 4},
		},
		MinEducation: MinEducation{JPT: EducationS1, Administrator: EducationS1, Pengawas: EducationD3,
			Pelaksana: EducationSMA, Keahlian: EducationS1, Keterampilan: EducationD3},
		LevelShare:        0.5,
		OverQualFreeSteps: 2, OverQualStep: 0.15, OverQualFloor: 0.5, SurplusPenalty: 0.1,
		RelatedField:   0.5,
		UnrelatedField: 0,
		GradeBandSlack: 1,
		Method:         MethodJPM,
		JPM:            DefaultJPMThresholds(),
		KMSFactor:      0.5,
		GapWeights:     DefaultGapWeights(),
		CoreShare:      0.60,
		CoreFactors:    []Competency{CompIntegrity, CompResults, CompChange, CompDecision},
		StandardLevel: StandardLevels{
			JPT:           [JPTUtama + 1]int{0, 4, 5, 5},
			Administrator: 3, Pengawas: 2, Pelaksana: 1,
			Functional: [Penyelia + 1]int{0, 1, 2, 3, 4, 1, 1, 1, 1},
		},
		TechnicalShare:          [Penyelia + 1]float64{0.5, 0.6, 0.5, 0.4, 0.4, 0.6, 0.6, 0.6, 0.6},
		AssessmentValidityYears: 3,
		NeutralCompetence:       0.5,
		Talent:                  TalentThresholds{Medium: 60, High: 80},
		Grid:                    [3][3]int{{1, 3, 6}, {2, 5, 8}, {4, 7, 9}},
		NeutralPerformance:      0.5,
		PerformanceYears:        2,
		MinPredicate:            PredicateBaik,
		DisciplineBlock:         DisciplineModerate,
		DemotionPenalty:         DisciplineSevere,
		PrincipalMaxYears:       8,
		PrincipalTermYears:      4,
		PrincipalMinGrade:       GradeIIIc,
		PrincipalMaxAge:         56,
		WishValues:              []float64{1, 0.75, 0.5},
		WishShare:               0.5,
		HomeShare:               0.3,
		AreaShare:               0.2,
		HomeSame:                1,
		HomeNeighbour:           0.5,
		HomeFar:                 0,
		HomeUnknown:             0.5,
		AreaValue:               [NumAreaClasses + 1]float64{0, 1, 0.75, 0.5, 0.25},
	}
	r.Equivalent = [Penyelia + 1]PositionKind{0, KindPelaksana, KindPengawas, KindAdministrator, KindJPT,
		KindPelaksana, KindPelaksana, KindPelaksana, KindPelaksana}
	r.EchelonBands = [EchelonVa + 1]GradeBand{{},
		{GradeIVc, GradeIVd}, {GradeIVb, GradeIVc}, {GradeIVa, GradeIVb}, {GradeIIId, GradeIVa},
		{GradeIIIc, GradeIIId}, {GradeIIIb, GradeIIIc}, {GradeIIIa, GradeIIIb}}
	r.FunctionalBands = [Penyelia + 1]GradeBand{{},
		{GradeIIIa, GradeIIIb}, {GradeIIIc, GradeIIId}, {GradeIVa, GradeIVc}, {GradeIVd, GradeIVe},
		{GradeIIa, GradeIIb}, {GradeIIc, GradeIId}, {GradeIIIa, GradeIIIb}, {GradeIIIc, GradeIIId}}
	for b := 1; b <= 9; b++ {
		v := float64(b-1) / 8
		r.BoxValue[b] = v
		if b < 7 {
			v /= 2
		}
		r.HeadBoxValue[b] = v
	}
	return r
}

// RetirementAge returns the retirement age (BUP) that applies in a post of
// kind k with functional grade g and profession p (see [RetirementAges]).
func (r *Rules) RetirementAge(k PositionKind, g FunctionalGrade, p Profession) int {
	return r.bupAge(retirementClass(k, g, p))
}

// Rank returns the career rank of a post of kind k and functional grade g:
// 1 pelaksana, 2 pengawas, 3 administrator, 4 JPT, functional grades by
// Equivalent; 0 if unknown. The demotion rule compares these ranks; a
// plan's move kind (promotion, rotation, demotion) uses the same ones.
func (r *Rules) Rank(k PositionKind, g FunctionalGrade) int {
	if k == KindFunctional && g.Valid() {
		k = r.Equivalent[g]
	}
	switch k {
	case KindPelaksana:
		return 1
	case KindPengawas:
		return 2
	case KindAdministrator:
		return 3
	case KindJPT:
		return 4
	}
	return 0
}

// Validate checks that the parameters are consistent: years and months not
// negative, shares and values finite in [0, 1], thresholds ordered, tables
// holding valid values. It returns a *RulesError (unwrapping to
// ErrInvalidRules) naming the first bad parameter.
func (r *Rules) Validate() error {
	bad := func(name string, v any) error { return &RulesError{Param: name, Value: v} }
	unit := func(v float64) bool { return !math.IsNaN(v) && v >= 0 && v <= 1 }
	for _, c := range []struct {
		name string
		v    int
	}{{"min_tenure_years", r.MinTenureYears}, {"rotation_years", r.RotationYears},
		{"min_remaining_months", r.MinRemainingMonths}, {"jpt_protect_years", r.JPTProtectYears},
		{"jpt_max_age", r.JPTMaxAge}, {"grade_band_slack", r.GradeBandSlack},
		{"over_qual_free_steps", r.OverQualFreeSteps},
		{"principal_max_years", r.PrincipalMaxYears}, {"principal_max_age", r.PrincipalMaxAge},
		{"principal_term_years", r.PrincipalTermYears},
		{"assessment_validity_years", r.AssessmentValidityYears}, {"performance_years", r.PerformanceYears},
		{"retirement_ages.administrative", r.RetirementAges.Administrative},
		{"retirement_ages.senior", r.RetirementAges.Senior},
		{"retirement_ages.ahli_utama", r.RetirementAges.AhliUtama},
		{"retirement_ages.teacher", r.RetirementAges.Teacher}} {
		if c.v < 0 {
			return bad(c.name, c.v)
		}
	}
	if r.RotationYears < r.MinTenureYears {
		return bad("rotation_years", r.RotationYears)
	}
	if math.IsNaN(r.UrgencyYears) || r.UrgencyYears <= 0 || math.IsInf(r.UrgencyYears, 0) {
		return bad("urgency_years", r.UrgencyYears)
	}
	for _, c := range []struct {
		name string
		v    float64
	}{{"tenure_flat", r.TenureFlat}, {"level_share", r.LevelShare}, {"related_field", r.RelatedField},
		{"unrelated_field", r.UnrelatedField}, {"kms_factor", r.KMSFactor}, {"core_share", r.CoreShare},
		{"neutral_competence", r.NeutralCompetence}, {"neutral_performance", r.NeutralPerformance},
		{"wish_share", r.WishShare}, {"home_share", r.HomeShare}, {"area_share", r.AreaShare},
		{"home_same", r.HomeSame}, {"home_neighbour", r.HomeNeighbour}, {"home_far", r.HomeFar},
		{"home_unknown", r.HomeUnknown}, {"over_qual_step", r.OverQualStep}, {"over_qual_floor", r.OverQualFloor},
		{"surplus_penalty", r.SurplusPenalty}} {
		if !unit(c.v) {
			return bad(c.name, c.v)
		}
	}
	if s := r.WishShare + r.HomeShare + r.AreaShare; math.Abs(s-1) > 1e-9 {
		return bad("wish_share+home_share+area_share", s)
	}
	if r.UnrelatedField > r.RelatedField {
		return bad("unrelated_field", r.UnrelatedField)
	}
	if math.IsNaN(r.JPM.MS) || math.IsNaN(r.JPM.MMS) || r.JPM.MMS < 0 || r.JPM.MMS > r.JPM.MS || r.JPM.MS > 100 {
		return bad("jpm_thresholds", r.JPM)
	}
	if math.IsNaN(r.Talent.Medium) || math.IsNaN(r.Talent.High) || r.Talent.Medium < 0 ||
		r.Talent.Medium > r.Talent.High || r.Talent.High > 100 {
		return bad("talent_thresholds", r.Talent)
	}
	for i, w := range r.GapWeights {
		if math.IsNaN(w) || math.IsInf(w, 0) {
			return bad("competence.gap_weights["+strconv.Itoa(i)+"]", w)
		}
	}
	if lo, hi := r.GapWeights.span(); hi <= lo {
		return bad("competence.gap_weights", r.GapWeights)
	}
	if r.Method > MethodProfileMatching {
		return bad("competence.method", r.Method)
	}
	for _, c := range r.CoreFactors {
		if c >= NumCompetencies {
			return bad("competence.core_factors", c)
		}
	}
	for _, v := range r.TechnicalShare {
		if !unit(v) {
			return bad("technical_share", r.TechnicalShare)
		}
	}
	seen := [10]bool{}
	for _, row := range r.Grid {
		for _, b := range row {
			if b < 1 || b > 9 || seen[b] {
				return bad("talent_grid", r.Grid)
			}
			seen[b] = true
		}
	}
	for b := 1; b <= 9; b++ {
		if !unit(r.BoxValue[b]) || !unit(r.HeadBoxValue[b]) {
			return bad("box_values", b)
		}
	}
	for a := AreaUrban; a <= AreaVeryRemote; a++ {
		if !unit(r.AreaValue[a]) {
			return bad("area_values."+a.String(), r.AreaValue[a])
		}
	}
	for _, v := range r.WishValues {
		if !unit(v) {
			return bad("wish_values", r.WishValues)
		}
	}
	for _, e := range r.Experience {
		if !e.Kind.Valid() || !e.AtLeast.Valid() || e.Years < 0 {
			return bad("experience", e)
		}
	}
	for g := AhliPertama; g <= Penyelia; g++ {
		if k := r.Equivalent[g]; k == KindFunctional || !k.Valid() {
			return bad("equivalent."+g.String(), k)
		}
		if b := r.FunctionalBands[g]; !validBand(b) {
			return bad("functional_bands."+g.String(), b)
		}
	}
	for e := EchelonIIa; e <= EchelonVa; e++ {
		if b := r.EchelonBands[e]; !validBand(b) {
			return bad("echelon_bands."+e.String(), b)
		}
	}
	for _, l := range []EducationLevel{r.MinEducation.JPT, r.MinEducation.Administrator,
		r.MinEducation.Pengawas, r.MinEducation.Pelaksana, r.MinEducation.Keahlian, r.MinEducation.Keterampilan} {
		if l != 0 && !l.Valid() {
			return bad("min_education", l)
		}
	}
	levels := append([]int{r.StandardLevel.Administrator, r.StandardLevel.Pengawas, r.StandardLevel.Pelaksana},
		r.StandardLevel.Functional[1:]...)
	levels = append(levels, r.StandardLevel.JPT[1:]...)
	for _, l := range levels {
		if l < 0 || l > 5 {
			return bad("standard_levels", l)
		}
	}
	if r.MinPredicate > PredicateSangatKurang {
		return bad("min_predicate", r.MinPredicate)
	}
	if r.DisciplineBlock > DisciplineSevere {
		return bad("discipline_block", r.DisciplineBlock)
	}
	for _, id := range r.Disabled {
		if in, ok := id.Info(); !ok || !in.Pair {
			return bad("disabled", id)
		}
	}
	return nil
}

// validBand reports whether b is empty (no band) or a valid ordered range.
func validBand(b GradeBand) bool {
	return b == (GradeBand{}) || (b.Min.Valid() && b.Max.Valid() && b.Min <= b.Max)
}

// PrincipalTermsOver reports whether e, holding cur, is a principal whose
// terms are over at the plan date asOf, so that a return to a teacher's
// post is not a demotion (Permendikdasmen 7/2025): PrincipalMaxYears in
// the post (two terms), or PrincipalTermYears (one term) without the
// principal-candidate training. It is false for any other post.
func (r *Rules) PrincipalTermsOver(e *Employee, cur *Position, asOf time.Time) bool {
	if cur == nil || !cur.IsUnitHead || cur.Profession != ProfessionTeacher || r.PrincipalMaxYears <= 0 {
		return false
	}
	return !AddMonths(e.PositionSince, 12*r.PrincipalYears(e, asOf)).After(asOf)
}

// PrincipalYears returns how long e may serve as a principal at asOf:
// PrincipalMaxYears, or PrincipalTermYears without the principal-candidate
// training.
func (r *Rules) PrincipalYears(e *Employee, asOf time.Time) int {
	if r.PrincipalTermYears > 0 && !holds(e, CertPrincipalTraining, asOf) {
		return min(r.PrincipalMaxYears, r.PrincipalTermYears)
	}
	return r.PrincipalMaxYears
}

// holds reports whether e holds a certification of kind k valid at asOf.
func holds(e *Employee, k CertKind, asOf time.Time) bool {
	for _, c := range e.Certifications {
		if c.Kind == k && (c.Until.IsZero() || asOf.Before(c.Until)) {
			return true
		}
	}
	return false
}
