package scoring

import "math"

// Weights are the criterion weights of the fit score: Total = Σ weight ×
// criterion value, each value in [0, 1]. A zero weight switches a criterion
// off. The zero Weights value is valid and scores every pair 0.
type Weights struct {
	Education   float64
	Competence  float64
	Tenure      float64
	Performance float64
	Preference  float64
}

// DefaultWeights returns the suggested weights of domain §9.6, which sum to
// 1 so that a fit lies in [0, 1]:
//
//   - Competence 0.35, the largest: PP 11/2017 Pasal 190(4) rests a move on
//     the fit between competence and the post's requirements.
//   - Education 0.25: qualification is the second test of Pasal 190(4) and
//     the most reliable datum in most rosters.
//   - Tenure 0.15 and Performance 0.15: the 2–5 year window and the talent
//     box steer who moves, but must not outweigh fit to the post.
//   - Preference 0.10: a wish (Pasal 190(6)) or home area acts as a
//     tie-breaker, never as a reason on its own.
//
// These are suggestions, not regulation; scenarios override them.
func DefaultWeights() Weights {
	return Weights{Education: 0.25, Competence: 0.35, Tenure: 0.15, Performance: 0.15, Preference: 0.10}
}

// Of returns the weight of criterion c (0 for an unknown criterion).
func (w Weights) Of(c Criterion) float64 {
	switch c {
	case CritEducation:
		return w.Education
	case CritCompetence:
		return w.Competence
	case CritTenure:
		return w.Tenure
	case CritPerformance:
		return w.Performance
	case CritPreference:
		return w.Preference
	}
	return 0
}

// array returns the weights in criterion order.
func (w Weights) array() [NumCriteria]float64 {
	return [NumCriteria]float64{w.Education, w.Competence, w.Tenure, w.Performance, w.Preference}
}

// Validate returns a *WeightError (unwrapping to ErrInvalidWeight) for the
// first weight, in criterion order, that is NaN, infinite or negative.
func (w Weights) Validate() error {
	for c, v := range w.array() {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			return &WeightError{Criterion: Criterion(c), Value: v}
		}
	}
	return nil
}
