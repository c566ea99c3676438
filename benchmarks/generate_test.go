package benchmarks

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mutasi-asn/mutasi/scenarios"
	"github.com/mutasi-asn/mutasi/scoring"
	"github.com/stretchr/testify/require"
)

// generated caches one generated and loaded scenario per size, seed 1.
var generated = struct {
	sync.Mutex
	m map[int]*loadedGen
}{m: map[int]*loadedGen{}}

type loadedGen struct {
	gen *Generated
	s   *scenarios.Scenario
}

func loadGenerated(t testing.TB, n int) *loadedGen {
	t.Helper()
	generated.Lock()
	defer generated.Unlock()
	if lg, ok := generated.m[n]; ok {
		return lg
	}
	gen, err := Generate(GenerateConfig{Employees: n, Seed: 1})
	require.NoError(t, err)
	s, _, err := scenarios.Load(gen.FS(), "scenario.yaml")
	require.NoError(t, err)
	lg := &loadedGen{gen: gen, s: s}
	generated.m[n] = lg
	return lg
}

// Entry rank and regular-promotion ceiling by education, restated from
// domain §5.6 (PP 99/2000 jo PP 12/2002) independently of generate.go.
var testEducationRange = map[string][2]string{
	"SD": {"I/a", "II/a"}, "SMP": {"I/c", "II/c"}, "SMA": {"II/a", "III/b"}, "D1": {"II/a", "III/b"},
	"D2": {"II/b", "III/b"}, "D3": {"II/c", "III/c"}, "D4": {"III/a", "III/d"}, "S1": {"III/a", "III/d"},
	"profesi": {"III/b", "IV/a"}, "S2": {"III/b", "IV/a"}, "S3": {"III/c", "IV/b"},
}

func parseGrade(t testing.TB, s string) scoring.Grade {
	t.Helper()
	g, err := scoring.ParseGrade(s)
	require.NoError(t, err)
	return g
}

// years is the whole-and-fractional years from a to b.
func yearsBetween(a, b time.Time) float64 { return b.Sub(a).Hours() / 24 / 365.25 }

// shares are the measured distributions of a generated scenario.
type shares struct {
	employees                           int
	teachers, health                    float64 // of all employees
	golongan                            [5]float64
	sd, sma, d12, d3, s1, s2            float64 // education, of PNS and CPNS
	under2, over5                       float64 // of placed employees
	nearBUP, nearBUPTeachers            float64 // within a year of BUP; teachers' share of those
	teacherCover                        float64 // PNS/CPNS teachers ÷ teacher seats
	urbanTeacherCover, remoteTeacherCov float64
	ruralUrbanWish                      float64 // rural/remote teachers and nakes wishing an urban-core unit
	mismatch                            float64 // holders of posts with fields whose field is not listed
	jptVacant                           float64
	pppk                                float64
}

func measure(t testing.TB, s *scenarios.Scenario) shares {
	t.Helper()
	pos := map[scoring.PositionID]*scenarios.Position{}
	for i := range s.Workforce.Positions {
		pos[s.Workforce.Positions[i].ID] = &s.Workforce.Positions[i]
	}
	unit := map[scoring.UnitID]*scenarios.Unit{}
	for i := range s.Workforce.Units {
		unit[s.Workforce.Units[i].ID] = &s.Workforce.Units[i]
	}
	plan := s.PlanDate
	var m shares
	var graded, placed, teachers, health, near, nearT, ruralTN, ruralWish, withFields, mismatch, pppk int
	var gol [5]int
	edu := map[string]int{}
	teacherHeld := map[scoring.AreaClass]int{}
	teacherSeats := map[scoring.AreaClass]int{}
	for _, p := range s.Workforce.Positions {
		if p.Profession == "teacher" {
			a, _ := scoring.ParseAreaClass(unit[p.Unit].Area)
			teacherSeats[a] += p.Needed
		}
	}
	urbanKec := map[string]bool{}
	for _, u := range s.Workforce.Units {
		if u.Area == "urban" {
			urbanKec[u.Kecamatan] = true
		}
	}
	for _, e := range s.Workforce.Employees {
		if e.Status == "PPPK" {
			pppk++
		} else {
			graded++
			gr := parseGrade(t, e.Grade)
			switch {
			case gr <= scoring.GradeId:
				gol[1]++
			case gr <= scoring.GradeIId:
				gol[2]++
			case gr <= scoring.GradeIIId:
				gol[3]++
			default:
				gol[4]++
			}
			edu[e.Education]++
		}
		if e.Position == "" {
			continue
		}
		placed++
		p := pos[e.Position]
		u := unit[p.Unit]
		ten := yearsBetween(e.PositionSince, plan)
		if ten < 2 {
			m.under2++
		}
		if ten > 5 {
			m.over5++
		}
		bup := 58.0
		if p.Profession == "teacher" || p.Kind == "jpt" || p.FunctionalGrade == "ahli_madya" {
			bup = 60
		}
		if age := yearsBetween(e.BirthDate, plan); age >= bup-1 {
			near++
			if p.Profession == "teacher" {
				nearT++
			}
		}
		switch p.Profession {
		case "":
		case "teacher":
			teachers++
			if e.Status != "PPPK" {
				a, _ := scoring.ParseAreaClass(u.Area)
				teacherHeld[a]++
			}
		default:
			health++
		}
		if p.Profession != "" && u.Area != "urban" {
			ruralTN++
			for _, w := range e.Wishes {
				if wu, ok := unit[scoring.UnitID(w)]; ok && urbanKec[wu.Kecamatan] {
					ruralWish++
					break
				}
			}
		}
		if len(p.Fields) > 0 {
			withFields++
			if !slices.Contains(p.Fields, e.Field) {
				mismatch++
			}
		}
	}
	n := len(s.Workforce.Employees)
	m.employees = n
	m.teachers = float64(teachers) / float64(n)
	m.health = float64(health) / float64(n)
	for i := range gol {
		m.golongan[i] = float64(gol[i]) / float64(graded)
	}
	g := float64(graded)
	m.sd = float64(edu["SD"]+edu["SMP"]) / g
	m.sma = float64(edu["SMA"]) / g
	m.d12 = float64(edu["D1"]+edu["D2"]) / g
	m.d3 = float64(edu["D3"]) / g
	m.s1 = float64(edu["D4"]+edu["S1"]+edu["profesi"]) / g
	m.s2 = float64(edu["S2"]+edu["S3"]) / g
	m.under2 /= float64(placed)
	m.over5 /= float64(placed)
	m.nearBUP = float64(near) / float64(placed)
	m.nearBUPTeachers = float64(nearT) / float64(max(1, near))
	held, seats := 0, 0
	for a := range teacherSeats {
		held += teacherHeld[a]
		seats += teacherSeats[a]
	}
	m.teacherCover = float64(held) / float64(seats)
	m.urbanTeacherCover = float64(teacherHeld[scoring.AreaUrban]) / float64(max(1, teacherSeats[scoring.AreaUrban]))
	rh := teacherHeld[scoring.AreaRemote] + teacherHeld[scoring.AreaVeryRemote]
	rs := teacherSeats[scoring.AreaRemote] + teacherSeats[scoring.AreaVeryRemote]
	m.remoteTeacherCov = float64(rh) / float64(max(1, rs))
	m.ruralUrbanWish = float64(ruralWish) / float64(max(1, ruralTN))
	m.mismatch = float64(mismatch) / float64(max(1, withFields))
	m.pppk = float64(pppk) / float64(n)
	jpt, jptHeld := 0, 0
	heldBy := map[scoring.PositionID]int{}
	for _, e := range s.Workforce.Employees {
		heldBy[e.Position]++
	}
	for _, p := range s.Workforce.Positions {
		if p.Kind == "jpt" {
			jpt += p.Needed
			jptHeld += min(p.Needed, heldBy[p.ID])
		}
	}
	m.jptVacant = 1 - float64(jptHeld)/float64(max(1, jpt))
	return m
}

// shareRow is one line of the calibration table: measured value, target
// and tolerance band.
type shareRow struct {
	name     string
	got      float64
	target   string
	lo, hi   float64
	decimals int
}

func (m shares) rows() []shareRow {
	return []shareRow{
		{"teachers (of employees)", m.teachers, "45–55 %", 0.45, 0.55, 1},
		{"health workers", m.health, "15–20 %", 0.15, 0.20, 1},
		{"golongan I (of PNS/CPNS)", m.golongan[1], "≈ 1 %", 0.003, 0.03, 1},
		{"golongan II", m.golongan[2], "≈ 17 %", 0.13, 0.21, 1},
		{"golongan III", m.golongan[3], "≈ 57 %", 0.51, 0.63, 1},
		{"golongan IV", m.golongan[4], "≈ 25 %", 0.20, 0.30, 1},
		{"education S1/D4 (incl. profesi)", m.s1, "≈ 60 %", 0.54, 0.66, 1},
		{"education D3", m.d3, "≈ 15 %", 0.11, 0.19, 1},
		{"education SMA/SMK", m.sma, "≈ 15 %", 0.11, 0.19, 1},
		{"education S2/S3", m.s2, "≈ 5 %", 0.03, 0.08, 1},
		{"education D1/D2", m.d12, "≈ 3 %", 0.015, 0.05, 1},
		{"education SD/SMP", m.sd, "≈ 2 %", 0.01, 0.035, 1},
		{"under 2 years in post", m.under2, "≈ 20 %", 0.16, 0.24, 1},
		{"over 5 years in post", m.over5, "≈ 30 %", 0.25, 0.35, 1},
		{"within a year of BUP", m.nearBUP, "3–4 %", 0.025, 0.05, 1},
		{"teachers among those", m.nearBUPTeachers, "≈ 70 %", 0.55, 0.85, 1},
		{"PNS teachers ÷ teacher seats", m.teacherCover, "70–75 %", 0.65, 0.80, 1},
		{"  in the urban core", m.urbanTeacherCover, "≈ 100 % or more", 0.95, 1.6, 1},
		{"  in remote kecamatan", m.remoteTeacherCov, "shortage", 0.3, 0.7, 1},
		{"rural teachers/nakes wishing the urban core", m.ruralUrbanWish, "≥ 5 %", 0.05, 0.25, 1},
		{"field of study not accepted by the post", m.mismatch, "some (≈ 10 %)", 0.04, 0.2, 1},
		{"JPT seats vacant", m.jptVacant, "≈ 15 %", 0.05, 0.3, 1},
		{"PPPK", m.pppk, "a few", 0.005, 0.08, 1},
	}
}

// TestGenerateShares checks the calibration shares of domain §7.6 at
// 5,200 employees and logs the table.
func TestGenerateShares(t *testing.T) {
	lg := loadGenerated(t, 5200)
	m := measure(t, lg.s)
	var b strings.Builder
	fmt.Fprintf(&b, "%d employees, %d units, %d positions, %d seats\n", lg.gen.Employees, lg.gen.Units, lg.gen.Positions, lg.gen.Seats)
	fmt.Fprintf(&b, "| share | measured | target |\n|---|---:|---|\n")
	for _, r := range m.rows() {
		fmt.Fprintf(&b, "| %s | %.1f %% | %s |\n", r.name, 100*r.got, r.target)
	}
	t.Log("\n" + b.String())
	require.Equal(t, 5200, m.employees)
	for _, r := range m.rows() {
		require.GreaterOrEqual(t, r.got, r.lo, r.name)
		require.LessOrEqual(t, r.got, r.hi, r.name)
	}
}

// TestGenerateRecords checks that no record is impossible: dates in order
// (birth + 18 years ≤ CPNS start ≤ position start ≤ plan date), nobody past
// retirement, grades within the range of their education, no more than one
// promotion per 2 years of service.
func TestGenerateRecords(t *testing.T) {
	for _, n := range []int{100, 2000, 5200} {
		t.Run(fmt.Sprintf("employees=%d", n), func(t *testing.T) {
			s := loadGenerated(t, n).s
			pos := map[scoring.PositionID]*scenarios.Position{}
			for i := range s.Workforce.Positions {
				pos[s.Workforce.Positions[i].ID] = &s.Workforce.Positions[i]
			}
			rules := scoring.DefaultRules()
			plan := s.PlanDate
			for _, e := range s.Workforce.Employees {
				adult := e.BirthDate.AddDate(18, 0, 0)
				appointed := e.CPNSSince
				if e.Status == "PPPK" {
					require.Empty(t, e.Grade, e.NIP)
					appointed = e.PositionSince
				}
				for _, d := range []struct {
					name string
					t    time.Time
				}{{"cpns_since", e.CPNSSince}, {"pns_since", e.PNSSince}, {"grade_since", e.GradeSince},
					{"position_since", e.PositionSince}, {"unit_since", e.UnitSince}, {"assessed_on", e.AssessedOn}} {
					if d.t.IsZero() {
						continue
					}
					require.False(t, d.t.Before(adult), "%s: %s %s before birth + 18 years", e.NIP, d.name, d.t)
					require.False(t, d.t.After(plan), "%s: %s after the plan date", e.NIP, d.name)
					if !appointed.IsZero() && d.name != "cpns_since" {
						require.False(t, d.t.Before(appointed.AddDate(0, 0, -1)), "%s: %s before appointment", e.NIP, d.name)
					}
				}
				if e.Position != "" {
					require.False(t, e.PositionSince.IsZero(), e.NIP)
					if !e.UnitSince.IsZero() {
						require.False(t, e.UnitSince.After(e.PositionSince), e.NIP)
					}
				}
				for _, r := range e.Ratings {
					require.Less(t, r.Year, plan.Year(), e.NIP)
					require.GreaterOrEqual(t, r.Year, appointed.Year(), "%s: rated before appointment", e.NIP)
				}
				// Nobody past retirement: BUP of the current post.
				p := pos[e.Position]
				bup := rules.RetirementAges.Administrative
				if p != nil {
					k, _ := scoring.ParsePositionKind(p.Kind)
					fg, _ := scoring.ParseFunctionalGrade(p.FunctionalGrade)
					prof, _ := scoring.ParseProfession(p.Profession)
					bup = rules.RetirementAge(k, fg, prof)
				}
				require.Less(t, yearsBetween(e.BirthDate, plan), float64(bup), "%s: past retirement", e.NIP)
				if e.Status == "PPPK" {
					continue
				}
				// Grade within the education's range: at least the entry
				// rank; at most the regular ceiling, or the top of the
				// band of a functional or structural post held.
				rg, ok := testEducationRange[e.Education]
				require.True(t, ok, e.Education)
				gr := parseGrade(t, e.Grade)
				entry, ceiling := parseGrade(t, rg[0]), parseGrade(t, rg[1])
				require.GreaterOrEqual(t, gr, entry, "%s: %s below the entry rank of %s", e.NIP, e.Grade, e.Education)
				top := ceiling
				if p != nil {
					if fg, err := scoring.ParseFunctionalGrade(p.FunctionalGrade); err == nil {
						top = max(top, rules.FunctionalBands[fg].Max)
					}
					if ec, err := scoring.ParseEchelon(p.Echelon); err == nil {
						top = max(top, rules.EchelonBands[ec].Max)
					}
				}
				require.LessOrEqual(t, gr, top, "%s: %s above the range of %s in %s", e.NIP, e.Grade, e.Education, e.Position)
				service := yearsBetween(e.CPNSSince, plan)
				require.LessOrEqual(t, float64(gr-entry), service/2+0.01, "%s: %s after %.1f years of service from %s", e.NIP, e.Grade, service, e.Education)
				require.Equal(t, e.Status == "CPNS", e.PNSSince.IsZero(), e.NIP)
			}
		})
	}
}

// TestGenerateDeterministic checks same seed → same bytes and different
// seed → different bytes.
func TestGenerateDeterministic(t *testing.T) {
	a, err := Generate(GenerateConfig{Employees: 800, Seed: 7})
	require.NoError(t, err)
	b, err := Generate(GenerateConfig{Employees: 800, Seed: 7})
	require.NoError(t, err)
	c, err := Generate(GenerateConfig{Employees: 800, Seed: 8})
	require.NoError(t, err)
	require.Equal(t, len(a.Files), len(b.Files))
	var names []string
	for i := range a.Files {
		names = append(names, a.Files[i].Name)
		require.Equal(t, a.Files[i].Name, b.Files[i].Name)
		require.True(t, bytes.Equal(a.Files[i].Data, b.Files[i].Data), a.Files[i].Name)
	}
	require.Equal(t, []string{"employees.csv", "positions.csv", "scenario.yaml", "units.csv"}, names)
	require.False(t, bytes.Equal(a.File("employees.csv"), c.File("employees.csv")))
	require.False(t, bytes.Equal(a.File("scenario.yaml"), c.File("scenario.yaml")))
}

// TestGenerateLoads loads the output from a directory, as the CLI writes
// it, and compiles it in scoring.
func TestGenerateLoads(t *testing.T) {
	for _, n := range []int{100, 2000} {
		t.Run(fmt.Sprintf("employees=%d", n), func(t *testing.T) {
			gen := loadGenerated(t, n).gen
			dir := t.TempDir()
			for _, f := range gen.Files {
				require.NoError(t, os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644))
			}
			s, files, err := scenarios.Load(os.DirFS(dir), "scenario.yaml")
			require.NoError(t, err)
			require.Len(t, files, 4)
			require.Len(t, s.Workforce.Employees, n)
			require.Equal(t, gen.Employees, n)
			require.Len(t, s.Workforce.Units, gen.Units)
			require.Len(t, s.Workforce.Positions, gen.Positions)
			compileInScoring(t, s)
		})
	}
}

func TestGenerateConfig(t *testing.T) {
	for _, n := range []int{-1, 1, 99, 100_001} {
		_, err := Generate(GenerateConfig{Employees: n})
		require.ErrorIs(t, err, ErrGenerateConfig, n)
	}
	for _, pct := range []float64{-1, 100.5, math.NaN(), math.Inf(1)} {
		_, err := Generate(GenerateConfig{Employees: 100, TurnoverPct: pct})
		require.ErrorIs(t, err, ErrGenerateConfig, pct)
	}
	// A turnover cap is off by default, and set when asked for.
	for _, pct := range []float64{0, 20} {
		g, err := Generate(GenerateConfig{Employees: 100, TurnoverPct: pct})
		require.NoError(t, err)
		s, _, err := scenarios.Load(g.FS(), "scenario.yaml")
		require.NoError(t, err)
		if pct == 0 {
			require.Nil(t, s.Constraints.MaxTurnoverPct)
		} else {
			require.NotNil(t, s.Constraints.MaxTurnoverPct)
			require.Equal(t, pct, *s.Constraints.MaxTurnoverPct)
		}
	}
	// Sizes at the edges, and the plan date's time of day is ignored.
	g, err := Generate(GenerateConfig{Employees: 100, PlanDate: time.Date(2026, 3, 1, 15, 4, 5, 0, time.FixedZone("WIB", 7*3600))})
	require.NoError(t, err)
	s, _, err := scenarios.Load(g.FS(), "scenario.yaml")
	require.NoError(t, err)
	require.Equal(t, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), s.PlanDate)
	require.Len(t, s.Workforce.Employees, 100)
	// The file system reports missing files as fs.ErrNotExist.
	_, err = g.FS().Open("nope.csv")
	require.True(t, errors.Is(err, os.ErrNotExist))
}

// compileInScoring converts a loaded scenario into scoring's types and
// compiles it, as scenarios/example_gen_test.go does for the example.
func compileInScoring(t *testing.T, s *scenarios.Scenario) (*scoring.Scorer, []scoring.Employee) {
	t.Helper()
	must := func(err error) {
		t.Helper()
		require.NoError(t, err)
	}
	sc := scoring.Scorer{Weights: scoring.DefaultWeights(), AsOf: s.PlanDate, Rules: scoring.DefaultRules(), Neighbours: s.Neighbours}
	for _, u := range s.Workforce.Units {
		k, err := scoring.ParseUnitKind(u.Kind)
		must(err)
		a, err := scoring.ParseAreaClass(u.Area)
		must(err)
		sc.Units = append(sc.Units, scoring.Unit{ID: u.ID, Name: u.Name, Kind: k, Parent: u.Parent, Kecamatan: u.Kecamatan,
			Area: a, Inpatient: u.Inpatient, ClassGroups: u.ClassGroups})
	}
	for _, p := range s.Workforce.Positions {
		k, err := scoring.ParsePositionKind(p.Kind)
		must(err)
		sp := scoring.Position{ID: p.ID, Name: p.Name, Unit: p.Unit, Kind: k, IsUnitHead: p.UnitHead, Needed: p.Needed,
			Standard: testProfile(t, p.Standard)}
		if p.JPTLevel != "" {
			sp.JPTLevel, err = scoring.ParseJPTLevel(p.JPTLevel)
			must(err)
		}
		if p.FunctionalGrade != "" {
			sp.FunctionalGrade, err = scoring.ParseFunctionalGrade(p.FunctionalGrade)
			must(err)
		}
		if p.Echelon != "" {
			sp.Echelon, err = scoring.ParseEchelon(p.Echelon)
			must(err)
		}
		if p.Profession != "" {
			sp.Profession, err = scoring.ParseProfession(p.Profession)
			must(err)
		}
		if p.MinEducation != "" {
			sp.MinEducation, err = scoring.ParseEducationLevel(p.MinEducation)
			must(err)
		}
		for _, f := range p.Fields {
			sp.Fields = append(sp.Fields, scoring.Field(f))
		}
		for _, c := range p.RequiredCerts {
			ck, err := scoring.ParseCertKind(c)
			must(err)
			sp.RequiredCerts = append(sp.RequiredCerts, ck)
		}
		if p.Criticality != nil {
			sp.Criticality = *p.Criticality
		}
		sc.Positions = append(sc.Positions, sp)
	}
	var es []scoring.Employee
	for _, e := range s.Workforce.Employees {
		st, err := scoring.ParseEmploymentStatus(e.Status)
		must(err)
		lv, err := scoring.ParseEducationLevel(e.Education)
		must(err)
		se := scoring.Employee{ID: e.NIP, Name: e.Name, BirthDate: e.BirthDate, Status: st, CPNSSince: e.CPNSSince,
			PNSSince: e.PNSSince, GradeSince: e.GradeSince, Position: e.Position, PositionSince: e.PositionSince,
			Unit: e.Unit, UnitSince: e.UnitSince, Competence: testProfile(t, e.Competence), AssessedOn: e.AssessedOn,
			HomeKecamatan: e.HomeKecamatan, InTalentPool: e.TalentPool, Relatives: e.Relatives,
			Education: scoring.Education{Level: lv, Field: scoring.Field(e.Field)}}
		if e.Sex != "" {
			se.Sex, err = scoring.ParseSex(e.Sex)
			must(err)
		}
		if e.Grade != "" {
			se.Grade, err = scoring.ParseGrade(e.Grade)
			must(err)
		}
		for _, c := range e.Certifications {
			ck, err := scoring.ParseCertKind(c.Kind)
			must(err)
			se.Certifications = append(se.Certifications, scoring.Certification{Kind: ck, Until: c.Until})
		}
		for _, r := range e.Ratings {
			pr, err := scoring.ParsePredicate(r.Predicate)
			must(err)
			se.Ratings = append(se.Ratings, scoring.Rating{Year: r.Year, Predicate: pr})
		}
		if e.Potential != nil {
			se.Potential = *e.Potential
		}
		if e.Discipline != "" {
			se.Discipline.Level, err = scoring.ParseDisciplineLevel(e.Discipline)
			must(err)
			se.Discipline.Until = e.DisciplineUntil
		}
		for _, l := range e.Locks {
			lk, err := scoring.ParseLockKind(l.Kind)
			must(err)
			se.Locks = append(se.Locks, scoring.Lock{Kind: lk, Until: l.Until, Reason: l.Reason})
		}
		for _, x := range e.Exceptions {
			id, err := scoring.ParseRuleID(x.Rule)
			must(err)
			se.Exceptions = append(se.Exceptions, scoring.Exception{Rule: id, Reason: x.Reason})
		}
		for _, w := range e.Wishes {
			se.Wishes = append(se.Wishes, scoring.Wish{Unit: scoring.UnitID(w)})
		}
		es = append(es, se)
	}
	tab, err := sc.Compile(es)
	require.NoError(t, err)
	require.Equal(t, len(es), tab.Rows())
	return &sc, es
}

// TestGenerateHoldersEligible checks that most employees meet the hard
// rules of the post they hold (a few do not: mismatched fields, missing
// certificates, old diplomas), and logs the violations by rule.
func TestGenerateHoldersEligible(t *testing.T) {
	sc, es := compileInScoring(t, loadGenerated(t, 2000).s)
	// The current post breaks no rule by definition: check each holder
	// against a twin of their post instead.
	n := len(sc.Positions)
	twin := map[scoring.PositionID]int{}
	for j := range n {
		p := sc.Positions[j]
		twin[p.ID] = len(sc.Positions)
		p.ID += "-TWIN"
		sc.Positions = append(sc.Positions, p)
	}
	tab, err := sc.Compile(es)
	require.NoError(t, err)
	byRule := map[scoring.RuleID]int{}
	bad, placed := 0, 0
	for i, e := range es {
		j, ok := twin[e.Position]
		if !ok {
			continue
		}
		placed++
		broke := false
		for _, v := range tab.Check(i, j) {
			switch v.Rule {
			case scoring.RuleMinTenure, scoring.RuleJPTProtection, scoring.RulePersonalLock:
				continue // rules on moving at all, not on the post
			}
			byRule[v.Rule]++
			broke = true
		}
		if broke {
			bad++
		}
	}
	t.Logf("%d of %d holders would break a rule entering a post like their own: %v", bad, placed, byRule)
	require.Less(t, float64(bad)/float64(placed), 0.30)
}

func testProfile(t *testing.T, m map[string]int) scoring.Profile {
	var p scoring.Profile
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if name, ok := strings.CutPrefix(k, "technical:"); ok {
			p.Technical = append(p.Technical, scoring.TechnicalLevel{Name: name, Level: m[k]})
			continue
		}
		c, err := scoring.ParseCompetency(k)
		require.NoError(t, err)
		p.Levels[c] = m[k]
	}
	return p
}

// generateSink keeps benchmark results alive.
var generateSink *Generated

func BenchmarkGenerate(b *testing.B) {
	for _, n := range []int{500, 5200, 20_000, 100_000} {
		b.Run(fmt.Sprintf("employees=%d", n), func(b *testing.B) {
			if n > 20_000 && testing.Short() {
				b.Skip("skipped under -short")
			}
			b.ReportAllocs()
			for b.Loop() {
				g, err := Generate(GenerateConfig{Employees: n, Seed: 1})
				if err != nil {
					b.Fatal(err)
				}
				generateSink = g
			}
			b.StopTimer()
			if generateSink.Employees != n {
				b.Fatalf("generated %d employees, want %d", generateSink.Employees, n)
			}
		})
	}
}
