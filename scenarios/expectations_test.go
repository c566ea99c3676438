package scenarios

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mutasi-asn/mutasi/scoring"
)

// Planner expectations (issue 13): what a BKPSDM head expects of a plan,
// each as a small scenario with its expected outcome. Every plan also
// passes checkPlan (nobody loses a post, capacity, rules, objective).

// schoolYAML: a town school with a principal (10 years in post), two
// teachers for one seat, a clerk at the kecamatan office and a vacant clerk
// seat of high criticality in a remote kecamatan, and a vacant JPT post.
const schoolYAML = `
name: school
plan_date: 2025-12-01
workforce:
  units:
    - {id: SDN-1, name: SD Negeri 1, kind: school_sd, kecamatan: Pasar Muara Bungo, area: urban}
    - {id: KEC-MMB, name: Kecamatan Muko-Muko, kind: kecamatan, kecamatan: Muko-Muko Bathin VII, area: very_remote}
    - {id: DISDIK, name: Dinas Pendidikan, kind: dinas, kecamatan: Pasar Muara Bungo, area: urban}
  positions:
    - {id: SDN-1-KEPSEK, unit: SDN-1, name: Kepala Sekolah, kind: functional, functional_grade: ahli_madya,
       profession: teacher, needed: 1, unit_head: true, fields: [pgsd], required_certs: [teacher_certificate]}
    - {id: SDN-1-GURU, unit: SDN-1, name: Guru Kelas, kind: functional, functional_grade: ahli_pertama,
       profession: teacher, needed: 1, fields: [pgsd], required_certs: [teacher_certificate]}
    - {id: KEC-MMB-ADM, unit: KEC-MMB, name: Pengadministrasi Umum, kind: pelaksana, needed: 1, criticality: 3}
    - {id: DISDIK-KEPALA, unit: DISDIK, name: Kepala Dinas, kind: jpt, jpt_level: pratama, echelon: II.b, needed: 1}
  employees:
    - {nip: "197501012000032001", name: Sri Kepala, birth_date: 1975-01-01, status: PNS, grade: IV/a,
       education: S1, field: pgsd, position: SDN-1-KEPSEK, position_since: 2019-07-01,
       certifications: [{kind: teacher_certificate}], ratings: [{year: 2023, predicate: baik}, {year: 2024, predicate: baik}]}
    - {nip: "198501012010032001", name: Ani Guru, birth_date: 1985-01-01, status: PNS, grade: III/b,
       education: S1, field: pgsd, position: SDN-1-GURU, position_since: 2015-07-01,
       certifications: [{kind: teacher_certificate}]}
    - {nip: "199001012015032001", name: Budi Guru, birth_date: 1990-01-01, status: PPPK,
       education: S1, field: pgsd, position: SDN-1-GURU, position_since: 2020-07-01,
       certifications: [{kind: teacher_certificate}]}
scoring: {continuity_bonus: 0.05}
`

func planYAML(t *testing.T, y string, edit func(s *Scenario)) (*Instance, *Plan) {
	t.Helper()
	s := mustParse(t, y)
	if edit != nil {
		edit(s)
	}
	in, err := Build(s, nil, Options{})
	require.NoError(t, err)
	p, err := in.Plan(context.Background())
	require.NoError(t, err)
	checkPlan(t, in, p)
	return in, p
}

func movedTo(p *Plan, id employeeID) scoring.PositionID {
	for _, m := range p.Moves {
		if m.Employee == id {
			return m.To
		}
	}
	return ""
}

func TestExpectSurplusTeacherStaysNotClerk(t *testing.T) {
	// Two teachers for one seat, a remote clerk seat worth 3 × 2: the
	// surplus teacher stays over formation; alih fungsi is not a side
	// effect of a fit score.
	_, p := planYAML(t, schoolYAML, nil)
	assert.Empty(t, p.Moves)
	assert.Empty(t, p.Unplaced, "nobody loses a post")
	over := 0
	for _, st := range p.Stays {
		if st.OverFormation {
			over++
			assert.Equal(t, scoring.PositionID("SDN-1-GURU"), st.Position)
		}
	}
	assert.Equal(t, 1, over)
	require.Len(t, p.Retraining, 1, "no teacher post is short: retraining list")
	assert.Equal(t, "teacher", p.Retraining[0].Kind)
	assert.Equal(t, 1, p.KPIs.After.OverFormation)
}

func TestExpectAlihFungsiOnlyByPolicy(t *testing.T) {
	// With an alih_fungsi policy for teachers, the surplus PNS teacher may
	// fill the remote clerk seat; the plan says so in a warning.
	_, p := planYAML(t, schoolYAML, func(s *Scenario) {
		s.Constraints.Policies = []Policy{{Policy: PolicyAlihFungsi, Profession: "teacher", Reason: "SKB 5 Menteri 2011"}}
	})
	require.Len(t, p.Moves, 1)
	assert.Equal(t, scoring.PositionID("KEC-MMB-ADM"), p.Moves[0].To)
	assert.NotEqual(t, employeeID("199001012015032001"), p.Moves[0].Employee, "a PPPK stays in the job of the contract")
	assert.True(t, slices.ContainsFunc(p.Warnings, func(w error) bool {
		return w.(*Warning).Why.Code == ReasonWarnPolicy
	}))
}

func TestExpectPrincipalNeverClerk(t *testing.T) {
	// Even with alih fungsi allowed for her, the principal is not demoted
	// into a clerk post: demotion needs a penalty.
	in, _ := planYAML(t, schoolYAML, func(s *Scenario) {
		s.Constraints.Policies = []Policy{{Policy: PolicyAlihFungsi, Employees: []employeeID{"197501012000032001"}, Reason: "test"}}
		s.Workforce.Employees = s.Workforce.Employees[:1] // only the principal
	})
	i, j := in.rowOf["197501012000032001"], in.colOf["KEC-MMB-ADM"]
	assert.Contains(t, in.reasons(i, j), scoring.RuleDemotion)
	assert.False(t, in.isAllowed(i, j))
}

func TestExpectJPTByOpenSelection(t *testing.T) {
	// A vacant JPT post is never filled by the plan: it is listed for open
	// selection with a shortlist (here the principal meets its rules).
	in, p := planYAML(t, schoolYAML, nil)
	require.Len(t, p.Selection, 1)
	assert.Equal(t, scoring.PositionID("DISDIK-KEPALA"), p.Selection[0].Position)
	for i := range in.Employees {
		assert.False(t, in.isAllowed(i, in.colOf["DISDIK-KEPALA"]))
	}
	// The jpt_by_plan policy lets the plan fill it.
	_, p = planYAML(t, schoolYAML, func(s *Scenario) {
		s.Constraints.Policies = []Policy{{Policy: PolicyJPTByPlan, Reason: "test"}}
	})
	assert.Empty(t, p.Selection)
}

func TestExpectSurplusNurseStays(t *testing.T) {
	// Two nurses for one town seat and no nurse post short anywhere: the
	// surplus nurse keeps her post (over formation), is not "without a
	// seat", and is on the retraining list.
	_, p := planYAML(t, tinyYAML, func(s *Scenario) {
		s.Workforce.Positions[1].Needed = 0 // Pelepat nurse posts abolished
	})
	assert.Empty(t, p.Unplaced)
	assert.Equal(t, 1, p.KPIs.After.OverFormation)
	require.Len(t, p.Retraining, 1)
	assert.Equal(t, "nurse", p.Retraining[0].Kind)
	// In Indonesian the over-formation label and the reasons are
	// translated (the plan's reasons carry both languages).
	assert.NotEmpty(t, Texts([]Reason{newReason(ReasonWarnRotationKept, 1, 5)}, "id"))
}

func TestExpectExcludedKeepsSeat(t *testing.T) {
	// An excluded employee keeps her post and its only seat: a newcomer
	// cannot take it from her.
	_, p := planYAML(t, tinyYAML, func(s *Scenario) {
		s.Workforce.Employees[2].Position = "" // Dewi unplaced: a candidate for the kepala seat
		s.Workforce.Employees[2].PositionSince = s.PlanDate
		s.Constraints.Excluded = []Exclusion{{Employee: "199001012015032001", Reason: "inspectorate"}}
	})
	for _, st := range p.Stays {
		if st.Employee == "199001012015032001" {
			assert.Equal(t, "excluded", st.Fixed)
			assert.False(t, st.OverFormation)
		}
	}
	assert.Empty(t, movedTo(p, "199001012015032001"))
}

// TestLimitFiguresIndependent re-derives the figures of the example plan's
// plan-level constraints from its moves and stays, apart from the code
// that wrote them: seated holders per floor and cap, moves against the
// limit, and whether each binds.
func TestLimitFiguresIndependent(t *testing.T) {
	in, p := planOf(t, loadExample(t, "scenario.yaml"))
	pos := map[scoring.PositionID]*scoring.Position{}
	for k := range in.Scorer.Positions {
		pos[in.Scorer.Positions[k].ID] = &in.Scorer.Positions[k]
	}
	seated := map[scoring.PositionID]int{}
	held := map[scoring.PositionID]int{}
	moves := 0
	for _, m := range p.Moves {
		seated[m.To]++
		if m.From != "" {
			moves++
			held[m.From]++
		}
	}
	for _, st := range p.Stays {
		held[st.Position]++
		if !st.OverFormation {
			seated[st.Position]++
		}
	}
	count := func(u scoring.UnitID, prof string, m map[scoring.PositionID]int) (n, seats int) {
		for id, q := range pos {
			if q.Unit == u && (prof == "" || q.Profession.String() == prof) {
				n += m[id]
				seats += q.Needed
			}
		}
		return n, seats
	}
	c := &in.Scenario.Constraints
	floors, caps := 0, 0
	for _, l := range p.Limits {
		switch {
		case l.Rule == scoring.RuleUnitFloor:
			f := c.UnitFloors[floors]
			floors++
			after, seats := count(f.Unit, f.Profession, seated)
			now, _ := count(f.Unit, f.Profession, held)
			want := fmt.Sprintf("%d %s now, %d seated after the plan, at least %d", now, plural(now, "holder"), after, min(f.Min, seats))
			assert.Equal(t, want, l.Figures, "floor %s %s", f.Unit, f.Profession)
			assert.Equal(t, after == min(f.Min, seats), l.Binds, "floor %s %s binds", f.Unit, f.Profession)
		case l.Rule == scoring.RuleUnitCap && l.Why.Code == ReasonLimitCap:
			f := c.UnitCaps[caps]
			caps++
			after, _ := count(f.Unit, f.Profession, seated)
			assert.Contains(t, l.Figures, fmt.Sprintf(", %d seated after the plan", after))
		case l.Rule == scoring.RuleMaxMoves:
			assert.Equal(t, fmt.Sprintf("%d moves", moves), l.Figures)
			assert.Equal(t, moves == *c.MaxMoves, l.Binds)
		}
	}
	assert.Equal(t, len(c.UnitFloors), floors)
	assert.Equal(t, len(c.UnitCaps), caps)
	assert.Equal(t, moves, p.KPIs.After.Moves, "one definition of a move")
}

// noEnglish asserts that Indonesian texts carry none of the English words
// the plan's own texts use (free text from the scenario aside).
func noEnglish(t *testing.T, texts ...string) {
	t.Helper()
	for _, s := range texts {
		for _, w := range []string{" the ", " seat", " post ", " moves", " holder", " without ", " policy "} {
			assert.NotContains(t, s, w, "Indonesian text with English: %q", s)
		}
	}
}

func TestExpectPrincipalRequirements(t *testing.T) {
	// The principal's post is vacant (she retired): a teacher of III/b may
	// not be planned into it (Permendikdasmen 7/2025: at least III/c); at
	// III/c with two Baik years she is, as a promotion.
	vacant := func(grade string) func(s *Scenario) {
		return func(s *Scenario) {
			s.Workforce.Employees = s.Workforce.Employees[1:2] // Ani Guru only
			e := &s.Workforce.Employees[0]
			e.Grade = grade
			e.Ratings = []Rating{{Year: 2023, Predicate: "baik"}, {Year: 2024, Predicate: "baik"}}
		}
	}
	in, p := planYAML(t, schoolYAML, vacant("III/b"))
	assert.Empty(t, p.Moves)
	i, j := in.rowOf["198501012010032001"], in.colOf["SDN-1-KEPSEK"]
	assert.Contains(t, in.reasons(i, j), scoring.RulePrincipal)
	_, p = planYAML(t, schoolYAML, vacant("III/c"))
	require.Len(t, p.Moves, 1)
	assert.Equal(t, MovePromotion, p.Moves[0].Kind)
	noEnglish(t, Texts(p.Moves[0].Why, "id")...)
}

func TestExpectPPPKAnyJobPolicy(t *testing.T) {
	// Only both policies together let the PPPK teacher fill the clerk seat
	// (leaving the contracted job and the profession); the plan says so.
	_, p := planYAML(t, schoolYAML, func(s *Scenario) {
		s.Workforce.Employees = s.Workforce.Employees[1:] // no principal needed
		s.Constraints.Pinned = []Pin{{Employee: "198501012010032001", Reason: "wali kelas"}}
		s.Constraints.Policies = []Policy{
			{Policy: PolicyAlihFungsi, Employees: []employeeID{"199001012015032001"}, Reason: "test"},
			{Policy: PolicyPPPKAnyJob, Employees: []employeeID{"199001012015032001"}, Reason: "new contract"},
		}
	})
	require.Equal(t, employeeID("199001012015032001"), p.Moves[0].Employee)
	assert.Equal(t, scoring.PositionID("KEC-MMB-ADM"), p.Moves[0].To)
	var pol []string
	for _, w := range p.Warnings {
		if ww, ok := w.(*Warning); ok && ww.Why.Code == ReasonWarnPolicy {
			pol = append(pol, ww.Why.Text("id"))
		}
	}
	require.Len(t, pol, 2)
	noEnglish(t, pol...)
}

func TestExpectCapNeverPushesOut(t *testing.T) {
	// A cap of 0 nurses on the town puskesmas, which holds 2: nobody loses
	// the post; the puskesmas takes nobody new.
	in, p := planYAML(t, tinyYAML, func(s *Scenario) {
		s.Workforce.Positions[1].Needed = 0 // no nurse post short elsewhere
		s.Constraints.UnitCaps = []UnitCap{{Unit: "PKM-MB", Profession: "nurse", Max: 0, Reason: "budget"}}
	})
	assert.Empty(t, p.Unplaced)
	assert.Empty(t, p.Moves)
	assert.False(t, in.isAllowed(in.rowOf["198505052010011003"], in.colOf["PKM-MB-PERAWAT"]))
}

func TestExpectConflictSupervisoryChain(t *testing.T) {
	// The husband heads the Dinas; his wife, a nurse in town, may not be
	// moved into a puskesmas under it (one supervisory chain), though she
	// may keep the post she has.
	y := strings.Replace(tinyYAML, "  units:\n", "  units:\n    - {id: DINKES, name: Dinas Kesehatan, kind: dinas, kecamatan: Rimbo Tengah, area: urban}\n", 1)
	y = strings.ReplaceAll(y, "kind: puskesmas, kecamatan", "kind: puskesmas, parent: DINKES, kecamatan")
	in, p := planYAML(t, y, func(s *Scenario) {
		s.Workforce.Positions = append(s.Workforce.Positions, Position{ID: "DINKES-KEPALA", Unit: "DINKES", Name: "Kepala Dinas",
			Kind: "jpt", JPTLevel: "pratama", Echelon: "II.b", Needed: 1, UnitHead: true})
		s.Workforce.Employees = append(s.Workforce.Employees, Employee{NIP: "197005051995031004", Name: "Hendra Putra",
			BirthDate: time.Date(1970, 5, 5, 0, 0, 0, 0, time.UTC), Status: "PNS", Grade: "IV/b", Education: "S2",
			Position: "DINKES-KEPALA", PositionSince: time.Date(2022, 2, 1, 0, 0, 0, 0, time.UTC)})
		s.Constraints.Conflicts = []Conflict{{Employees: []employeeID{"197005051995031004", "199001012015032001"}, Reason: "suami istri"}}
	})
	for _, m := range p.Moves {
		assert.NotEqual(t, employeeID("199001012015032001"), m.Employee, "moved into the chain of her husband's Dinas")
	}
	var conflict *LimitStatus
	for k := range p.Limits {
		if p.Limits[k].Rule == scoring.RuleConflictOfInterest {
			conflict = &p.Limits[k]
		}
	}
	require.NotNil(t, conflict)
	assert.Contains(t, conflict.Figures, "as now")
	assert.Contains(t, conflict.FiguresID, "seperti saat ini")
	_ = in
}

// TestExpectClerkPostRanksClerks: on the example, the best candidates for
// a remote clerk post (KEC-MMB-ADM, the example) are clerks: no
// principal, teacher, nurse or midwife is allowed into it (job-family,
// demotion), and among those allowed, a large over-qualification does not
// top the list.
func TestExpectClerkPostRanksClerks(t *testing.T) {
	in, _ := planOf(t, loadExample(t, "scenario.yaml"))
	j := in.colOf["KEC-MMB-ADM"]
	type cand struct {
		i   int
		fit float64
	}
	var cs []cand
	for i := range in.Employees {
		c := in.cur[i]
		if c < 0 || !in.isAllowed(i, j) {
			if c >= 0 && in.Scorer.Positions[c].Profession != 0 {
				assert.False(t, in.isAllowed(i, j), "%s (%s) allowed into a clerk post", in.Employees[i].ID, in.Scorer.Positions[c].ID)
			}
			continue
		}
		cs = append(cs, cand{i, in.Fit(i, j)})
	}
	require.NotEmpty(t, cs)
	slices.SortStableFunc(cs, func(a, b cand) int {
		switch {
		case a.fit > b.fit:
			return -1
		case a.fit < b.fit:
			return 1
		}
		return a.i - b.i
	})
	for _, c := range cs[:min(10, len(cs))] {
		p := in.Scorer.Positions[in.cur[c.i]]
		assert.Equal(t, scoring.KindPelaksana, p.Kind, "%s from %s in the top 10 of a clerk post", in.Employees[c.i].ID, p.ID)
		assert.Zero(t, p.Profession)
	}
}
