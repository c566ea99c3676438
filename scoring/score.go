package scoring

// Criterion is one of the five fit criteria. Text forms: education,
// competence, tenure, performance, preference.
type Criterion uint8

// The criteria, in the fixed order of Score.Components.
const (
	CritEducation   Criterion = iota // level meets the minimum, field relevance
	CritCompetence                   // JPM or profile matching against the standard
	CritTenure                       // readiness to move given time in post and unit
	CritPerformance                  // talent box from SKP and potential
	CritPreference                   // wishes, home kecamatan, area
)

// NumCriteria is the number of criteria.
const NumCriteria = 5

var criterionNames = []string{"education", "competence", "tenure", "performance", "preference"}
var criterionNamesID = []string{"pendidikan", "kompetensi", "masa jabatan", "kinerja", "preferensi"}

// String returns the text form, such as "competence".
func (c Criterion) String() string { return enumName(criterionNames, int(c), "Criterion") }

// Label returns the criterion's label in English (lang "en") or Indonesian
// ("id"); other languages give the English label.
func (c Criterion) Label(lang string) string {
	if lang == "id" {
		return enumName(criterionNamesID, int(c), "Criterion")
	}
	return c.String()
}

// ParseCriterion parses a text form (see [Criterion]); other text gives an
// *EnumError.
func ParseCriterion(s string) (Criterion, error) {
	return parseEnum[Criterion]("criterion", criterionNames, s, nil)
}

// Component is one criterion's part of a score.
type Component struct {
	Criterion Criterion
	// Raw is the criterion value in [0, 1] before weighting.
	Raw float64
	// Weight is the criterion's weight.
	Weight float64
	// Value is the contribution Weight·Raw; the Values of a Score sum to its
	// Total exactly.
	Value float64
	// Measure is the underlying quantity, for explanations: education,
	// rank steps above the post's minimum (negative below); competence, the
	// JPM percentage (0–100); tenure, years in the current post; performance,
	// the talent box 1–9 (0 when unknown); preference, the rank 1… of the
	// matching wish (0 when none).
	Measure float64
}

// Score is the explainable fit of one employee for one position.
type Score struct {
	// Total is the sum of the components' Values, added in criterion
	// order; it is the value Fit returns for an eligible pair.
	Total float64
	// Components holds one entry per criterion, in criterion order.
	Components []Component
	// Violations lists every enabled hard rule the pair breaks, in rule
	// order; empty means the pair is eligible.
	Violations []Violation
}

// Eligible reports whether the pair breaks no enabled hard rule.
func (s *Score) Eligible() bool { return len(s.Violations) == 0 }
