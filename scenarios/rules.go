package scenarios

import (
	"slices"
	"time"

	"github.com/mutasi-asn/mutasi/scoring"
)

// Scenario-level rules: the election freeze and acting-head windows, pins,
// exclusions and the hard 5-year rotation, which build.go encodes by
// forbidding pairs or forcing stays. The plan-level constraints (unit
// floors and caps, max moves, max turnover, no remote outflow,
// conflict-of-interest pairs) are compiled in constraints.go.

// Warning is a soft problem attached to a plan: a pin that overrides a
// rule, a post left to open selection, optimality not proven at the node
// limit. It prints as "rule-id: message" and unwraps to its sentinel.
type Warning struct {
	// Rule is the rule or constraint concerned.
	Rule scoring.RuleID
	// Message describes the problem in English, without a final period.
	Message string
	// Err is the sentinel: ErrOverride, ErrReportOnly or ErrNotProven.
	Err error
	// Why is Message as a code and arguments, for rendering in another
	// language ([Warning.Text]).
	Why Reason
}

func (w *Warning) Error() string { return string(w.Rule) + ": " + w.Message }

// Text returns the warning in English (lang "en", as Error) or
// Indonesian ("id"), the rule id first.
func (w *Warning) Text(lang string) string {
	if w.Why.Code == "" {
		return w.Error()
	}
	return string(w.Rule) + ": " + w.Why.Text(lang)
}

// newWarning returns a warning whose Message is the English text of its
// reason.
func newWarning(rule scoring.RuleID, sentinel error, why Reason) *Warning {
	return &Warning{Rule: rule, Err: sentinel, Why: why, Message: why.String()}
}

// Unwrap returns the sentinel.
func (w *Warning) Unwrap() error { return w.Err }

// DefaultFreezeMonths is the length of the election freeze windows: 6
// months before the candidate-pair decision and after the inauguration (UU
// 10/2016 Pasal 71(2) and 162(3)).
const DefaultFreezeMonths = 6

// Window is an election freeze window, both ends inclusive (domain §2.3,
// the conservative reading).
type Window struct {
	// Name is "A" (before the election), "B" (after the inauguration) or
	// "C" (acting head).
	Name     string    `json:"name"`
	From, To time.Time `json:"-"`
	// Basis cites the regulation.
	Basis string `json:"basis"`
}

// freeze holds the scenario rules resolved at the plan date.
type freeze struct {
	window      *Window // the window holding the plan date, nil if none
	actingHead  bool    // window C: every move of a placed employee needs approval
	approvedAll bool
	approved    map[employeeID]bool
	jpt, admin  bool
	pengawas    bool
	unitHead    bool
}

// windows returns the election freeze windows of s (A and B; C is the
// acting-head flag). Window A runs from CandidateDate − FreezeMonths to
// TermEnd; without a TermEnd it closes at the inauguration, and without
// that at the candidate date. Window B runs FreezeMonths from the
// inauguration.
func windows(s *Scenario) []Window {
	el := &s.Rules.Election
	months := DefaultFreezeMonths
	if el.FreezeMonths != nil {
		months = *el.FreezeMonths
	}
	var ws []Window
	if !el.CandidateDate.IsZero() {
		end := el.TermEnd
		if end.IsZero() {
			end = el.InaugurationDate
		}
		if end.IsZero() || end.Before(el.CandidateDate) {
			end = el.CandidateDate
		}
		ws = append(ws, Window{Name: "A", From: scoring.AddMonths(el.CandidateDate, -months), To: end,
			Basis: "UU 10/2016 Pasal 71(2)"})
	}
	if !el.InaugurationDate.IsZero() {
		ws = append(ws, Window{Name: "B", From: el.InaugurationDate, To: scoring.AddMonths(el.InaugurationDate, months),
			Basis: "UU 10/2016 Pasal 162(3)"})
	}
	return ws
}

// resolveFreeze returns the freeze state of s at its plan date. Rules
// switched off in rules.disabled (election-freeze, acting-head) are not
// applied.
func resolveFreeze(s *Scenario, disabled map[scoring.RuleID]bool) freeze {
	el := &s.Rules.Election
	f := freeze{approvedAll: el.MinisterApprovalAll, approved: map[employeeID]bool{}}
	for _, e := range el.MinisterApproval {
		f.approved[e] = true
	}
	day := s.PlanDate
	if !disabled[scoring.RuleElectionFreeze] {
		for _, w := range windows(s) {
			if !day.Before(w.From) && !day.After(w.To) {
				w := w
				f.window = &w
				break
			}
		}
	}
	if s.Rules.ActingHead && !disabled[scoring.RuleActingHead] {
		f.actingHead = true
		if f.window == nil {
			f.window = &Window{Name: "C", From: day, To: day, Basis: "PP 49/2008 Pasal 132A; UU 10/2016 Pasal 71(4)"}
		}
	}
	scope := el.FreezeScope
	if len(scope) == 0 {
		scope = []string{"jpt", "administrator", "pengawas", "unit_head"}
	}
	f.jpt = slices.Contains(scope, "jpt")
	f.admin = slices.Contains(scope, "administrator")
	f.pengawas = slices.Contains(scope, "pengawas")
	f.unitHead = slices.Contains(scope, "unit_head")
	return f
}

// active reports whether a freeze applies at the plan date.
func (f *freeze) active() bool { return f.window != nil && !f.approvedAll }

// covered reports whether post p is in the freeze scope.
func (f *freeze) covered(p *scoring.Position) bool {
	switch {
	case f.jpt && p.Kind == scoring.KindJPT,
		f.admin && p.Kind == scoring.KindAdministrator,
		f.pengawas && p.Kind == scoring.KindPengawas,
		f.unitHead && p.IsUnitHead:
		return true
	}
	return false
}

// rule returns the rule id that freezes moves: acting-head in window C,
// election-freeze otherwise.
func (f *freeze) rule() scoring.RuleID {
	if f.window != nil && f.window.Name == "C" {
		return scoring.RuleActingHead
	}
	return scoring.RuleElectionFreeze
}

// disabledRules returns the rule ids listed in rules.disabled.
func disabledRules(s *Scenario) map[scoring.RuleID]bool {
	m := map[scoring.RuleID]bool{}
	for _, id := range s.Rules.Disabled {
		m[scoring.RuleID(id)] = true
	}
	return m
}

// rotationOn reports whether the 5-year rotation (max-tenure) counts at
// all: soft (a move of a due holder is worth Weights.Tenure × how due) or
// hard (a due holder stays only when no lawful post is open).
func rotationOn(s *Scenario, disabled map[scoring.RuleID]bool) bool {
	return s.Constraints.Rotation != "off" && !disabled[scoring.RuleMaxTenure]
}

// rotationHard reports whether the 5-year rotation (max-tenure) is hard.
func rotationHard(s *Scenario, disabled map[scoring.RuleID]bool) bool {
	return s.Constraints.Rotation == "hard" && !disabled[scoring.RuleMaxTenure]
}

func reasonSuffix(r string) string {
	if r == "" {
		return ""
	}
	return " (" + r + ")"
}

// professionWord names holders of a profession, plural unless n is 1.
func professionWord(p scoring.Profession, n int) string {
	if p == 0 {
		if n == 1 {
			return "holder"
		}
		return "holders"
	}
	w := p.String()
	if n != 1 {
		w += "s"
	}
	return w
}

// professionText is a profession's text form, or "" for none (any
// profession).
func professionText(p scoring.Profession) string {
	if p == 0 {
		return ""
	}
	return p.String()
}

// plural returns word, with an s unless n is 1.
func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
