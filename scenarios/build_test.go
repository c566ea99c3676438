package scenarios

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mutasi-asn/mutasi/scoring"
)

func TestBuildOrderAndSign(t *testing.T) {
	s := mustParse(t, tinyYAML)
	in, err := Build(s, nil, Options{})
	require.NoError(t, err)
	ids := make([]string, len(in.Employees))
	for i, e := range in.Employees {
		ids[i] = string(e.ID)
	}
	assert.True(t, sort.StringsAreSorted(ids), "rows by NIP")
	cols := make([]string, len(in.Scorer.Positions))
	for j, p := range in.Scorer.Positions {
		cols[j] = string(p.ID)
	}
	assert.True(t, sort.StringsAreSorted(cols), "columns by position ID")
	assert.Equal(t, []int{1, 1, 2}, in.Problem.Capacity) // MB-PERAWAT, PELEPAT-KEPALA, PELEPAT-PERAWAT

	// cost = −(round(fit·10⁶) + round(bonus·10⁶) for the current post +
	// round(penalty·criticality·10⁶)); bonus 0.05, penalty 2.
	i := in.rowOf["199001012015032001"]
	cur := in.colOf["PKM-MB-PERAWAT"]
	remote := in.colOf["PKM-PELEPAT-PERAWAT"]
	fitCur := in.Table.Fit(i, cur)
	fitRemote := in.Table.Fit(i, remote)
	require.False(t, math.IsNaN(fitRemote))
	assert.Equal(t, -float64(int64(math.Round(fitCur*1e6))+50000+2000000), in.cost(i, cur))
	// A move adds the rotation term: Siti is 6.75 years in post, due
	// (6.75 − 5)/3 = 0.5833…, times the tenure weight 0.15.
	due := int64(math.Round(0.15 * (scoring.Years(in.Employees[i].PositionSince, s.PlanDate) - 5) / 3 * 1e6))
	assert.Equal(t, -float64(int64(math.Round(fitRemote*1e6))+3000000+due), in.cost(i, remote)) // criticality 1.5
	// Nobody loses a post: the two nurses of the town post (1 seat) may
	// keep it over formation at bonus − over-formation penalty (cost
	// −(0.05 − 0.5)·10⁶); the head of Pelepat, alone in her post, must be
	// seated somewhere.
	for _, id := range []string{"199001012015032001", "199203152016031002"} {
		assert.Equal(t, 450000.0, in.Problem.Unassigned[in.rowOf[employeeID(id)]], id)
	}
	assert.True(t, math.IsInf(in.Problem.Unassigned[in.rowOf["198505052010011003"]], 1))
}

// TestBuildShuffleInvariant: the order of the rosters does not change the
// plan (rows and columns are sorted by ID).
func TestBuildShuffleInvariant(t *testing.T) {
	s := loadExample(t, "scenario.yaml")
	want := planBytes(t, s)
	r := rand.New(rand.NewPCG(1, 2))
	wf := &s.Workforce
	r.Shuffle(len(wf.Employees), func(a, b int) { wf.Employees[a], wf.Employees[b] = wf.Employees[b], wf.Employees[a] })
	r.Shuffle(len(wf.Positions), func(a, b int) { wf.Positions[a], wf.Positions[b] = wf.Positions[b], wf.Positions[a] })
	r.Shuffle(len(wf.Units), func(a, b int) { wf.Units[a], wf.Units[b] = wf.Units[b], wf.Units[a] })
	assert.True(t, bytes.Equal(want, planBytes(t, s)))
}

func planBytes(t *testing.T, s *Scenario) []byte {
	t.Helper()
	_, p := planOf(t, s)
	b, err := json.Marshal(p)
	require.NoError(t, err)
	return b
}

func TestBuildFreeze(t *testing.T) {
	s := mustParse(t, tinyYAML)
	s.Rules.Election = Election{CandidateDate: date2("2024-09-22"), InaugurationDate: date2("2025-05-26")}
	s.PlanDate = date2("2025-10-08") // window B
	in, err := Build(s, nil, Options{})
	require.NoError(t, err)
	require.True(t, in.freeze.active())
	head := in.rowOf["198505052010011003"]
	kepala := in.colOf["PKM-PELEPAT-KEPALA"]
	assert.Equal(t, fixFrozen, in.why[head])
	for _, id := range []scoring.EmployeeID{"199001012015032001", "199203152016031002"} {
		assert.False(t, in.isAllowed(in.rowOf[id], kepala), "nobody new into a covered post")
		assert.Contains(t, in.reasons(in.rowOf[id], kepala), scoring.RuleElectionFreeze)
	}
	in.candidatesOf(head, func(j int) { assert.Equal(t, kepala, j, "the head may only stay") })
	_, p := planOf(t, s)
	checkPlan(t, in, p)

	// Window boundaries are inclusive; the day after window B is free.
	s.PlanDate = date2("2025-11-26")
	in, _ = Build(s, nil, Options{})
	assert.True(t, in.freeze.active())
	s.PlanDate = date2("2025-11-27")
	in, _ = Build(s, nil, Options{})
	assert.False(t, in.freeze.active())

	// An approved employee may move; an acting head freezes every holder.
	s.PlanDate = date2("2025-10-08")
	s.Rules.Election.MinisterApproval = []scoring.EmployeeID{"198505052010011003"}
	in, _ = Build(s, nil, Options{})
	assert.Equal(t, fixNone, in.why[in.rowOf["198505052010011003"]])
	s.Rules.Election = Election{}
	s.Rules.ActingHead = true
	in, _ = Build(s, nil, Options{})
	require.NotNil(t, in.freeze.window)
	assert.Equal(t, "C", in.freeze.window.Name)
	for i := range in.Employees {
		assert.Equal(t, fixFrozen, in.why[i])
	}
	s.Rules.Disabled = []string{"acting-head"}
	in, _ = Build(s, nil, Options{})
	assert.Nil(t, in.freeze.window)
}

func date2(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestBuildPinsAndExclusions(t *testing.T) {
	s := mustParse(t, tinyYAML)
	s.Constraints.Pinned = []Pin{{Employee: "199203152016031002", Position: "PKM-PELEPAT-KEPALA", Reason: "acting head of puskesmas"}}
	s.Constraints.Excluded = []Exclusion{{Employee: "199001012015032001", Reason: "under examination"}}
	// The post's head keeps it (nobody loses a post for a pin) and may go
	// nowhere else (demotion): no plan, with both named.
	in, err := Build(s, nil, Options{})
	require.NoError(t, err)
	_, err = in.Plan(context.Background())
	var ie *InfeasibleError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, []employeeID{"198505052010011003", "199203152016031002"}, ie.Employees)
	// Under a restructuring policy the head may be released.
	s.Constraints.Policies = []Policy{{Policy: PolicyRestructuring, Reason: "merger of puskesmas posts"}}
	in, err = Build(s, nil, Options{})
	require.NoError(t, err)
	budi := in.rowOf["199203152016031002"]
	assert.True(t, math.IsInf(in.Problem.Unassigned[budi], 1), "a pinned employee must be placed")
	// Budi (D3, II/d) breaks rules for a kepala post: the pin holds, with
	// a warning per rule.
	var overrides []scoring.RuleID
	for _, w := range in.warnings {
		var pw *Warning
		if errors.As(w, &pw) && errors.Is(w, ErrOverride) {
			overrides = append(overrides, pw.Rule)
		}
	}
	assert.Contains(t, overrides, scoring.RuleMinEducation)
	siti := in.rowOf["199001012015032001"]
	in.candidatesOf(siti, func(j int) { assert.Equal(t, in.cur[siti], j) })
	p, err := in.Plan(context.Background())
	require.NoError(t, err)
	checkPlan(t, in, p)
	require.Len(t, p.Moves, 1)
	assert.True(t, p.Moves[0].Pinned)
	assert.Equal(t, "pinned: acting head of puskesmas", p.Moves[0].Reasons[0])
	require.Len(t, p.Unplaced, 1)
	assert.Equal(t, employeeID("198505052010011003"), p.Unplaced[0].Employee)
	// … and the plan says so loudly.
	require.True(t, slices.ContainsFunc(p.Warnings, func(w error) bool {
		ww, ok := w.(*Warning)
		return ok && ww.Why.Code == ReasonWarnReleased && ww.Why.Args[0] == 1
	}))
	require.Len(t, p.Held, 2)
}

func TestBuildFloorInfeasible(t *testing.T) {
	s := mustParse(t, tinyYAML)
	// Both nurses hold the town post (now 2 seats); Siti is pinned to
	// Pelepat and nobody else qualifies, so the town puskesmas cannot keep
	// its 2 nurses.
	s.Workforce.Positions[0].Needed = 2
	s.Constraints.Pinned = []Pin{{Employee: "199001012015032001", Position: "PKM-PELEPAT-PERAWAT", Reason: "team lead"}}
	s.Constraints.UnitFloors = []UnitFloor{{Unit: "PKM-MB", Profession: "nurse", Min: 2}}
	// A floor is a real minimum; when fewer people may be there it asks
	// for as many as may, and the plan warns naming it.
	in, err := Build(s, nil, Options{})
	require.NoError(t, err)
	assert.Equal(t, []int{1}, in.floorNeed)
	var w *Warning
	require.True(t, slices.ContainsFunc(in.warnings, func(x error) bool { return errors.As(x, &w) && w.Rule == scoring.RuleUnitFloor }))
	assert.Equal(t, ReasonInfeasibleFloor, w.Why.Code)
	assert.Equal(t, "Puskesmas Muara Bungo needs ≥ 2 nurses; 1 eligible nurse can move there: pinned 1", w.Why.String())
	assert.Equal(t, "Puskesmas Muara Bungo membutuhkan paling sedikit 2 perawat; hanya 1 perawat memenuhi syarat yang dapat dipindahkan ke sana; yang lain terhalang aturan: pinned 1", w.Why.Text("id"))
	p, err := in.Plan(context.Background())
	require.NoError(t, err)
	checkPlan(t, in, p)

	// A floor above the holders is a real minimum: 0 nurses at Pelepat
	// now, and the two town nurses may go there.
	s.Constraints.Pinned = nil
	s.Constraints.UnitFloors = []UnitFloor{{Unit: "PKM-PELEPAT", Profession: "nurse", Min: 2}}
	_, err = Build(s, nil, Options{})
	require.NoError(t, err)

	// Two holders for one seat: the floor keeps the seat filled (holders
	// above the seats are surplus), so it can hold.
	s.Workforce.Positions[0].Needed = 1
	s.Constraints.UnitFloors = []UnitFloor{{Unit: "PKM-MB", Profession: "nurse", Min: 3}}
	in, err = Build(s, nil, Options{})
	require.NoError(t, err)
	require.Len(t, in.limits, 1)
	p, err = in.Plan(context.Background())
	require.NoError(t, err)
	checkPlan(t, in, p)

	// Switched off, the floor is neither checked nor enforced.
	s.Rules.Disabled = []string{"unit-floor"}
	in, err = Build(s, nil, Options{})
	require.NoError(t, err)
	assert.Empty(t, in.limits)
	assert.Empty(t, in.Problem.Groups)
}

func TestBuildRotationHard(t *testing.T) {
	s := mustParse(t, tinyYAML)
	s.Constraints.Rotation = "hard"
	in, err := Build(s, nil, Options{})
	require.NoError(t, err)
	siti := in.rowOf["199001012015032001"] // 6.75 years in post
	assert.Equal(t, fixRotation, in.why[siti])
	// Staying is allowed (nobody loses a post for being due) at the cost
	// HardRotationPenalty, more than any move gains.
	assert.True(t, in.isAllowed(siti, in.cur[siti]))
	assert.Equal(t, -float64(in.value(siti, in.cur[siti], in.Table.Fit(siti, in.cur[siti]))), in.cost(siti, in.cur[siti]))
	budi := in.rowOf["199203152016031002"] // 4.4 years
	assert.Equal(t, fixNone, in.why[budi])
	_, p := planOf(t, s)
	checkPlan(t, in, p)
}

func TestBuildConstraintsEnforced(t *testing.T) {
	s := mustParse(t, tinyYAML)
	one, pct := 1, 50.0 // one of the two town nurses may leave
	s.Constraints = Constraints{
		UnitFloors:      []UnitFloor{{Unit: "PKM-PELEPAT", Profession: "nurse", Min: 1}},
		UnitCaps:        []UnitCap{{Unit: "PKM-MB", Max: 1}},
		MaxMoves:        &one,
		MaxTurnoverPct:  &pct,
		NoRemoteOutflow: true,
		Conflicts:       []Conflict{{Employees: []scoring.EmployeeID{"199001012015032001", "199203152016031002"}}},
	}
	in, p := planOf(t, s)
	for _, w := range p.Warnings {
		assert.NotErrorIs(t, w, ErrNotProven)
	}
	var rules []scoring.RuleID
	for _, l := range in.limits {
		rules = append(rules, l.rule)
	}
	assert.Equal(t, []scoring.RuleID{scoring.RuleUnitFloor, scoring.RuleUnitCap, scoring.RuleUnitCap,
		scoring.RuleUnitCap, scoring.RuleMaxMoves, scoring.RuleConflictOfInterest}, rules)
	assert.Equal(t, []string{"capacity", "conflict-of-interest", "max-moves", "unit-cap", "unit-floor"}, p.Manifest.Rules.Enforced)
	assert.Empty(t, p.Manifest.Rules.NotEnforced)
	assert.True(t, p.Manifest.Cert.Optimal)
	checkLimits(t, in, p)
}

// TestFreezeWindows checks domain §2.3 and §2.4: window A opens 6 months
// before the candidate decision (22 Sep 2024 → 22 Mar 2024) and closes at
// the term's end (or the inauguration when the end is unknown); window B
// runs 6 months from the inauguration; month arithmetic clamps.
func TestFreezeWindows(t *testing.T) {
	tests := []struct {
		name     string
		el       Election
		day      string
		want     string // window name, "" for none
		from, to string
	}{
		{"A opens", Election{CandidateDate: date2("2024-09-22"), InaugurationDate: date2("2025-05-26")}, "2024-03-22", "A", "2024-03-22", "2025-05-26"},
		{"before A", Election{CandidateDate: date2("2024-09-22"), InaugurationDate: date2("2025-05-26")}, "2024-03-21", "", "", ""},
		{"A to term end", Election{CandidateDate: date2("2024-09-22"), TermEnd: date2("2025-02-17")}, "2025-02-17", "A", "2024-03-22", "2025-02-17"},
		{"after term end", Election{CandidateDate: date2("2024-09-22"), TermEnd: date2("2025-02-17")}, "2025-02-18", "", "", ""},
		{"B", Election{InaugurationDate: date2("2025-05-26")}, "2025-10-08", "B", "2025-05-26", "2025-11-26"},
		{"after B", Election{InaugurationDate: date2("2025-05-26")}, "2025-12-01", "", "", ""},
		{"clamped", Election{CandidateDate: date2("2025-08-31")}, "2025-02-28", "A", "2025-02-28", "2025-08-31"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &Scenario{PlanDate: date2(tt.day), Rules: Rules{Election: tt.el}}
			f := resolveFreeze(s, nil)
			if tt.want == "" {
				assert.Nil(t, f.window)
				return
			}
			require.NotNil(t, f.window)
			assert.Equal(t, tt.want, f.window.Name)
			assert.Equal(t, tt.from, f.window.From.Format(time.DateOnly))
			assert.Equal(t, tt.to, f.window.To.Format(time.DateOnly))
			// Covered by default: JPT, administrator, pengawas, unit heads.
			assert.True(t, f.covered(&scoring.Position{Kind: scoring.KindPengawas}))
			assert.True(t, f.covered(&scoring.Position{Kind: scoring.KindFunctional, IsUnitHead: true}))
			assert.False(t, f.covered(&scoring.Position{Kind: scoring.KindPelaksana}))
		})
	}
}
