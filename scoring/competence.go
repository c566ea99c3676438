package scoring

// Competency is one of the nine non-technical competencies of PermenPANRB
// 38/2017: eight managerial ones and the socio-cultural Perekat Bangsa.
// Text forms: integrity, cooperation, communication, results_orientation,
// public_service, developing_others, managing_change, decision_making,
// perekat_bangsa. Technical competencies are named by free text instead
// (see [TechnicalLevel]).
type Competency uint8

// The nine competencies, in the order of PermenPANRB 38/2017. They index
// Profile.Levels.
const (
	CompIntegrity     Competency = iota // integritas
	CompCooperation                     // kerja sama
	CompCommunication                   // komunikasi
	CompResults                         // orientasi pada hasil
	CompPublicService                   // pelayanan publik
	CompDevelopment                     // pengembangan diri dan orang lain
	CompChange                          // mengelola perubahan
	CompDecision                        // pengambilan keputusan
	CompPerekatBangsa                   // perekat bangsa (socio-cultural)
)

// NumCompetencies is the number of non-technical competencies.
const NumCompetencies = 9

var competencyNames = []string{"integrity", "cooperation", "communication", "results_orientation",
	"public_service", "developing_others", "managing_change", "decision_making", "perekat_bangsa"}

// String returns the text form, such as "decision_making".
func (c Competency) String() string { return enumName(competencyNames, int(c), "Competency") }

var competencyNamesID = []string{"integritas", "kerja sama", "komunikasi", "orientasi pada hasil",
	"pelayanan publik", "pengembangan diri dan orang lain", "mengelola perubahan", "pengambilan keputusan",
	"perekat bangsa"}

// Label returns the competency's name for people: the text form (lang
// "en" and other languages) or its name in PermenPANRB 38/2017 ("id"),
// such as "pengambilan keputusan".
func (c Competency) Label(lang string) string {
	return enumLabel(competencyNames, competencyNamesID, int(c), "Competency", lang)
}

// ParseCompetency parses a text form (see [Competency]); other text gives an
// *EnumError.
func ParseCompetency(s string) (Competency, error) {
	return parseEnum[Competency]("competency", competencyNames, s, nil)
}

// Profile is a set of competency levels on the 1–5 scale of PermenPANRB
// 38/2017: an employee's assessed levels, or a post's required levels
// (standar kompetensi jabatan). Level 0 means "not assessed" (employee) or
// "not required" (post). Any other value outside 1–5 is rejected by the
// scorer with ErrCompetenceLevel.
type Profile struct {
	// Levels holds the nine non-technical competencies, indexed by
	// Competency.
	Levels [NumCompetencies]int
	// Technical holds technical competencies by name; names are unique
	// within a profile.
	Technical []TechnicalLevel
}

// TechnicalLevel is the level of one technical competency (kompetensi
// teknis), named by free text such as "pengelolaan_keuangan_daerah".
type TechnicalLevel struct {
	Name  string
	Level int
}

// IsZero reports whether p holds no level at all.
func (p *Profile) IsZero() bool {
	for _, l := range p.Levels {
		if l != 0 {
			return false
		}
	}
	return len(p.Technical) == 0
}

// technical returns the level of the named technical competency, or 0.
func (p *Profile) technical(name string) int {
	for _, t := range p.Technical {
		if t.Name == name {
			return t.Level
		}
	}
	return 0
}

// JPM returns the job–person match of actual against required as a
// fraction in [0, 1]: Σ min(actual_i, required_i) / Σ required_i over every
// competency (non-technical and technical) that required sets. Surplus is
// capped, neither rewarded nor penalised [VERIFY the capping convention,
// domain §3.3]; a competency missing from actual counts as level 0. It
// returns 1 when required sets nothing. Multiply by 100 for the JPM
// percentage that [JPMThresholds.Category] reads. O(n·m) in the numbers of
// technical entries.
func JPM(actual, required Profile) float64 {
	num, den := 0, 0
	for i, r := range required.Levels {
		if r > 0 {
			num += min(actual.Levels[i], r)
			den += r
		}
	}
	for _, t := range required.Technical {
		if t.Level > 0 {
			num += min(actual.technical(t.Name), t.Level)
			den += t.Level
		}
	}
	if den == 0 {
		return 1
	}
	return float64(num) / float64(den)
}

// JPMCategory is the band of a JPM percentage. Text forms: MS (memenuhi
// syarat, meets), MMS (masih memenuhi syarat, still meets), KMS (kurang
// memenuhi syarat, does not meet).
type JPMCategory uint8

// JPM categories, best first.
const (
	JPMMS  JPMCategory = iota + 1 // JPM ≥ MS threshold (80 %)
	JPMMMS                        // MMS threshold (68 %) ≤ JPM < MS threshold
	JPMKMS                        // JPM < MMS threshold
)

var jpmCategoryNames = []string{"", "MS", "MMS", "KMS"}

// String returns "MS", "MMS" or "KMS".
func (c JPMCategory) String() string { return enumName(jpmCategoryNames, int(c), "JPMCategory") }

// ParseJPMCategory parses "MS", "MMS" or "KMS"; other text gives an
// *EnumError.
func ParseJPMCategory(s string) (JPMCategory, error) {
	return parseEnum[JPMCategory]("JPM category", jpmCategoryNames, s, nil)
}

// JPMThresholds are the JPM band limits in percent.
type JPMThresholds struct {
	// MS is the lowest JPM percentage that is MS (default 80).
	MS float64
	// MMS is the lowest JPM percentage that is MMS (default 68); below it is
	// KMS.
	MMS float64
}

// DefaultJPMThresholds returns the named default bands: MS from 80 %, MMS
// from 68 % (domain §3.3; Berita Negara 35/2020 practice). A pass needs
// MMS or better.
func DefaultJPMThresholds() JPMThresholds { return JPMThresholds{MS: 80, MMS: 68} }

// Category returns the band of the JPM percentage pct (0–100).
func (t JPMThresholds) Category(pct float64) JPMCategory {
	switch {
	case pct >= t.MS:
		return JPMMS
	case pct >= t.MMS:
		return JPMMMS
	}
	return JPMKMS
}

// CompetenceMethod selects how the competence criterion is computed. Text
// forms: jpm, profile_matching.
type CompetenceMethod uint8

// Competence methods.
const (
	// MethodJPM scores the JPM fraction, with KMS results multiplied by
	// Rules.KMSFactor (the default method).
	MethodJPM CompetenceMethod = iota
	// MethodProfileMatching scores the gap-weight profile matching of
	// [ProfileMatch], which mildly penalises surplus.
	MethodProfileMatching
)

var methodNames = []string{"jpm", "profile_matching"}

// String returns "jpm" or "profile_matching".
func (m CompetenceMethod) String() string { return enumName(methodNames, int(m), "CompetenceMethod") }

// ParseCompetenceMethod parses "jpm" or "profile_matching"; other text gives
// an *EnumError.
func ParseCompetenceMethod(s string) (CompetenceMethod, error) {
	return parseEnum[CompetenceMethod]("competence method", methodNames, s, nil)
}

// GapWeights maps a gap (actual − required level, clamped to −4…+4) to a
// weight: entry gap+4. The default (Kusrini 2007, domain §3.4) is
// {1, 2, 3, 4, 5, 4.5, 3.5, 2.5, 1.5} for gaps −4 … +4: an exact match
// scores 5, a surplus of k loses k/2, a shortfall of k loses k.
type GapWeights [9]float64

// DefaultGapWeights returns the gap-weight table of domain §3.4.
func DefaultGapWeights() GapWeights { return GapWeights{1, 2, 3, 4, 5, 4.5, 3.5, 2.5, 1.5} }

// weight returns the weight of a gap, clamped to ±4.
func (g *GapWeights) weight(gap int) float64 { return g[max(-4, min(4, gap))+4] }

// span returns the smallest and largest weight, for normalisation.
func (g *GapWeights) span() (lo, hi float64) {
	lo, hi = g[0], g[0]
	for _, w := range g {
		lo, hi = min(lo, w), max(hi, w)
	}
	return lo, hi
}

// ProfileMatch returns the profile-matching score of actual against
// required, normalised to [0, 1]:
//
//	score = coreShare·NCF + (1 − coreShare)·NSF,   normalised (score − lo)/(hi − lo)
//
// where NCF and NSF are the mean gap weights of the core and secondary
// factors, lo and hi the smallest and largest weight of gw. Factors are the
// competencies (and technical competencies) that required sets; a factor is
// core when it is one of the nine and listed in core (technical factors are
// always secondary). When one group is empty the other takes the whole
// share; when required sets nothing the result is 1. A factor missing from
// actual counts as level 0. See domain §3.4 for a worked example
// (normalised 0.915).
func ProfileMatch(actual, required Profile, core []Competency, gw GapWeights, coreShare float64) float64 {
	var isCore [NumCompetencies]bool
	for _, c := range core {
		if int(c) < NumCompetencies {
			isCore[c] = true
		}
	}
	var cs, ss float64
	var cn, sn int
	for i, r := range required.Levels {
		if r == 0 {
			continue
		}
		w := gw.weight(actual.Levels[i] - r)
		if isCore[i] {
			cs, cn = cs+w, cn+1
		} else {
			ss, sn = ss+w, sn+1
		}
	}
	for _, t := range required.Technical {
		if t.Level > 0 {
			ss, sn = ss+gw.weight(actual.technical(t.Name)-t.Level), sn+1
		}
	}
	lo, hi := gw.span()
	return combineFactors(cs, ss, cn, sn, coreShare, lo, hi)
}

// combineFactors turns core and secondary weight sums into the normalised
// profile-matching score; shared by ProfileMatch and the compiled path.
func combineFactors(cs, ss float64, cn, sn int, coreShare, lo, hi float64) float64 {
	var score float64
	switch {
	case cn == 0 && sn == 0:
		return 1
	case cn == 0:
		score = ss / float64(sn)
	case sn == 0:
		score = cs / float64(cn)
	default:
		score = coreShare*cs/float64(cn) + (1-coreShare)*ss/float64(sn)
	}
	if hi <= lo {
		return 1
	}
	return (score - lo) / (hi - lo)
}
