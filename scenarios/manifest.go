package scenarios

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/mutasi-asn/mutasi/scoring"
)

// Manifest records what a plan was computed from, for audit and appeal:
// the input files and their SHA-256, the effective weights and rules, the
// mutasi version (given by the caller), the solver settings, the
// certificate outcome and the plan's own hash. It holds no timestamp or
// hostname, so the same inputs give the same bytes.
type Manifest struct {
	Version  string          `json:"version"`
	Inputs   []InputFile     `json:"inputs"`
	Weights  ManifestWeights `json:"weights"`
	Rules    ManifestRules   `json:"rules"`
	Solver   SolverSettings  `json:"solver"`
	Cert     Certificate     `json:"certificate"`
	PlanHash string          `json:"plan_hash"`
}

// InputFile is one input file and the lowercase hex SHA-256 of its bytes.
type InputFile struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
}

// ManifestWeights are the effective criterion weights.
type ManifestWeights struct {
	Education   float64 `json:"education"`
	Competence  float64 `json:"competence"`
	Tenure      float64 `json:"tenure"`
	Performance float64 `json:"performance"`
	Preference  float64 `json:"preference"`
}

// ManifestRules are the effective legal parameters and scenario rules.
type ManifestRules struct {
	TenureMinYears          int        `json:"tenure_min_years"`
	TenureMaxYears          int        `json:"tenure_max_years"`
	RetirementHorizonMonths int        `json:"retirement_horizon_months"`
	JPTProtectYears         int        `json:"jpt_protect_years"`
	AssessmentValidityYears int        `json:"assessment_validity_years"`
	RetirementAges          [4]int     `json:"retirement_ages"` // administrative, senior, teacher, ahli_utama
	JPMThresholds           [2]float64 `json:"jpm_thresholds"`  // ms, mms
	CompetenceMethod        string     `json:"competence_method"`
	CoreShare               float64    `json:"core_share"`
	ContinuityBonus         float64    `json:"continuity_bonus"`
	UnfilledPenalty         float64    `json:"unfilled_penalty"`
	Rotation                string     `json:"rotation"`
	Disabled                []string   `json:"disabled"`
	// FreezeWindow is the election freeze window holding the plan date
	// ("A", "B", "C"), empty when none.
	FreezeWindow string `json:"freeze_window"`
	// Enforced lists the scenario rule ids the solver enforces: capacity,
	// the freeze, a hard rotation and every plan-level constraint present
	// (unit-floor, unit-cap, max-moves, conflict-of-interest). NotEnforced
	// lists those present but only checked afterwards: none, every
	// constraint of the schema is enforced; the field stays for readers of
	// older manifests.
	Enforced    []string `json:"enforced"`
	NotEnforced []string `json:"not_enforced"`
}

// SolverSettings describe the assignment problem and solver.
type SolverSettings struct {
	Algorithm string  `json:"algorithm"` // dense or sparse
	Rows      int     `json:"rows"`
	Cols      int     `json:"cols"`
	Seats     int     `json:"seats"`
	Pairs     int     `json:"pairs"`
	CostScale float64 `json:"cost_scale"`
	Tolerance float64 `json:"tolerance"`
	// MaxNodes is the branch-and-bound node limit of each solve with side
	// constraints (Options.MaxNodes, or DefaultMaxNodes).
	MaxNodes int `json:"max_nodes"`
}

// Certificate records what was proven about the plan. A plan exists only
// when every check passed: the plan meets every constraint (re-derived
// from the plan, independently of the solver), and Method says how its
// value was bounded:
//   - "duals": matching.Certify accepted the dual potentials (no group or
//     side constraint binds): the plan is optimal;
//   - "flow": groups bind (floors, caps, the remote balance) and the
//     min-cost flow's optimality is not re-checked independently;
//   - "lagrangian": side constraints (turnover, max moves, conflicts);
//     Bound comes from the Lagrangian relaxation inside branch and bound
//     (Fisher 1981). Optimal is true when the search closed (Bound equals
//     Objective); otherwise it stopped at the node limit and Gap is the
//     value no plan can add.
//
// Objective, Bound and Gap are in fit units (values to maximize: Bound ≥
// Objective).
type Certificate struct {
	Checked   bool    `json:"checked"`
	Passed    bool    `json:"passed"`
	Method    string  `json:"method"`
	Optimal   bool    `json:"optimal"`
	Objective float64 `json:"objective"`
	Bound     float64 `json:"bound"`
	Gap       float64 `json:"gap"`
	// Groups and SideConstraints count the groups and side constraints of
	// the last solve.
	Groups          int `json:"groups"`
	SideConstraints int `json:"side_constraints"`
}

// seal fills the manifest and the plan hash: the SHA-256 of the plan's
// JSON with an empty plan_hash.
func (p *Plan) seal(in *Instance, cert Certificate) error {
	s := in.Scenario
	m := Manifest{Version: in.Options.Version, Inputs: []InputFile{}}
	if m.Version == "" {
		m.Version = "devel"
	}
	for _, f := range in.Files {
		m.Inputs = append(m.Inputs, InputFile(f))
	}
	slices.SortFunc(m.Inputs, func(a, b InputFile) int {
		if a.Path < b.Path {
			return -1
		}
		if a.Path > b.Path {
			return 1
		}
		return 0
	})
	w := in.Scorer.Weights
	m.Weights = ManifestWeights{w.Education, w.Competence, w.Tenure, w.Performance, w.Preference}
	r := &in.Scorer.Rules
	mr := ManifestRules{
		TenureMinYears: r.MinTenureYears, TenureMaxYears: r.RotationYears,
		RetirementHorizonMonths: r.MinRemainingMonths, JPTProtectYears: r.JPTProtectYears,
		AssessmentValidityYears: r.AssessmentValidityYears,
		RetirementAges:          [4]int{r.RetirementAges.Administrative, r.RetirementAges.Senior, r.RetirementAges.Teacher, r.RetirementAges.AhliUtama},
		JPMThresholds:           [2]float64{r.JPM.MS, r.JPM.MMS},
		CompetenceMethod:        r.Method.String(), CoreShare: r.CoreShare,
		ContinuityBonus: float64(in.bonus) / CostScale, UnfilledPenalty: DefaultUnfilledPenalty,
		Rotation: s.Constraints.Rotation, Disabled: []string{}, Enforced: []string{}, NotEnforced: []string{},
	}
	if s.Scoring.UnfilledPenalty != nil {
		mr.UnfilledPenalty = *s.Scoring.UnfilledPenalty
	}
	if mr.Rotation == "" {
		mr.Rotation = "soft"
	}
	mr.Disabled = append(mr.Disabled, s.Rules.Disabled...)
	slices.Sort(mr.Disabled)
	mr.Disabled = slices.Compact(mr.Disabled)
	if in.freeze.window != nil {
		mr.FreezeWindow = in.freeze.window.Name
	}
	enforced := []scoring.RuleID{scoring.RuleCapacity}
	if in.freeze.window != nil {
		enforced = append(enforced, in.freeze.rule())
	}
	if rotationHard(s, in.disabled) {
		enforced = append(enforced, scoring.RuleMaxTenure)
	}
	for _, l := range in.limits {
		enforced = append(enforced, l.rule)
	}
	for _, id := range enforced {
		if !slices.Contains(mr.Enforced, string(id)) {
			mr.Enforced = append(mr.Enforced, string(id))
		}
	}
	slices.Sort(mr.Enforced)
	m.Rules = mr
	seats := 0
	for _, c := range in.Problem.Capacity {
		seats += c
	}
	alg := "sparse"
	if in.Dense() {
		alg = "dense"
	}
	tol := in.Options.Tolerance
	if tol <= 0 {
		tol = 1e-9
	}
	m.Solver = SolverSettings{Algorithm: alg, Rows: len(in.Employees), Cols: len(in.Scorer.Positions),
		Seats: seats, Pairs: in.pairs, CostScale: CostScale, Tolerance: tol, MaxNodes: in.maxNodes()}
	m.Cert = cert
	p.Manifest = m
	data, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("scenarios: encoding the plan: %w", err)
	}
	sum := sha256.Sum256(data)
	p.Manifest.PlanHash = hex.EncodeToString(sum[:])
	return nil
}
