package scoring

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkAt returns the rule ids e breaks for the post at the plan date.
func checkAt(t *testing.T, s *Scorer, asOf string, e *Employee, id PositionID) []RuleID {
	t.Helper()
	s.AsOf = date(asOf)
	vs, err := s.Check(e, post(t, s, id))
	require.NoError(t, err)
	for _, v := range vs {
		assert.Equal(t, e.ID, v.Employee)
		assert.Equal(t, id, v.Position)
		assert.NotEmpty(t, v.Detail)
	}
	return rules(vs)
}

func TestMinTenureBoundary(t *testing.T) {
	s := fixture()
	e := nurse()
	e.PositionSince = date("2023-10-08")
	// Exactly 2 years in post on the plan date: may move.
	assert.Empty(t, checkAt(t, s, "2025-10-08", &e, "nurse"))
	// One day short.
	assert.Equal(t, []RuleID{RuleMinTenure}, checkAt(t, s, "2025-10-07", &e, "nurse"))
	// 29 February: + 2 years is 28 Feb 2026.
	e.PositionSince = date("2024-02-29")
	assert.Empty(t, checkAt(t, s, "2026-02-28", &e, "nurse"))
	assert.Equal(t, []RuleID{RuleMinTenure}, checkAt(t, s, "2026-02-27", &e, "nurse"))
	// Month end: since 31 Aug 2023, eligible from 31 Aug 2025, not 30 Aug.
	e.PositionSince = date("2023-08-31")
	assert.Empty(t, checkAt(t, s, "2025-08-31", &e, "nurse"))
	assert.Equal(t, []RuleID{RuleMinTenure}, checkAt(t, s, "2025-08-30", &e, "nurse"))
	// A recorded exception waives the rule; the tenure criterion stays 0.
	e.Exceptions = []Exception{{Rule: RuleMinTenure, Reason: "kebutuhan organisasi"}}
	assert.Empty(t, checkAt(t, s, "2025-08-30", &e, "nurse"))
	assert.Zero(t, explain(t, s, &e, "nurse").Components[CritTenure].Raw)
}

func TestTenureCriterion(t *testing.T) {
	s := fixture()
	e := nurse()
	// The criterion is readiness only: 0 below the minimum tenure (waived
	// here so the pair stays eligible), TenureFlat after it, whatever the
	// years; how due a holder is to rotate is RotationDue, outside the fit.
	tests := []struct {
		since, unitSince string
		post             PositionID
		want, due        float64
	}{
		{"2024-10-08", "", "nurse", 0, 0},             // 1 year: below the minimum
		{"2023-10-08", "", "nurse", 0.5, 0},           // exactly 2 years: flat
		{"2020-10-08", "", "nurse", 0.5, 0},           // exactly 5 years: still flat, not yet due
		{"2019-04-08", "", "nurse", 0.5, 0.5},         // 6.5 years: due (6.5 − 5)/3 = 0.5
		{"2017-10-08", "", "nurse", 0.5, 1},           // 8 years: 5 + UrgencyYears 3
		{"2010-10-08", "", "nurse", 0.5, 1},           // capped at 1
		{"2023-10-08", "2015-10-08", "nurse", 0.5, 0}, // 2 years in post, 10 in the unit: post years count
	}
	for _, tt := range tests {
		e.PositionSince = date(tt.since)
		e.UnitSince = time.Time{}
		if tt.unitSince != "" {
			e.UnitSince = date(tt.unitSince)
		}
		e.Exceptions = []Exception{{Rule: RuleMinTenure, Reason: "test"}}
		sc := explain(t, s, &e, tt.post)
		assert.InDelta(t, tt.want, sc.Components[CritTenure].Raw, 1e-12, "since %s unit %s → %s", tt.since, tt.unitSince, tt.post)
		tab, err := s.Compile([]Employee{e})
		require.NoError(t, err)
		assert.InDelta(t, tt.due, tab.RotationDue(0), 1e-12, "due since %s", tt.since)
	}
}

func TestRetirementHorizonBoundary(t *testing.T) {
	s := fixture()
	e := nurse()
	// Born 20 Oct 1968: reaches 58 in Oct 2026 and retires 1 Nov 2026 (BUP
	// 58 for a nurse, administrative class). With 12 months required, plan
	// dates up to 1 Nov 2025 are fine.
	e.BirthDate = date("1968-10-20")
	e.PositionSince = date("2015-01-01")
	assert.Empty(t, checkAt(t, s, "2025-11-01", &e, "nurse"))
	assert.Equal(t, []RuleID{RuleRetirementHorizon}, checkAt(t, s, "2025-11-02", &e, "nurse"))
	// In the month of retirement itself, even with no horizon, the post is out.
	s.Rules.MinRemainingMonths = 0
	assert.Empty(t, checkAt(t, s, "2026-10-31", &e, "nurse"))
	assert.Equal(t, []RuleID{RuleRetirementHorizon}, checkAt(t, s, "2026-11-01", &e, "nurse"))
	// A teacher's BUP is 60: retires 1 Nov 2028, so a teaching post is fine
	// where a nurse post is not.
	s.Rules.MinRemainingMonths = 12
	e.Education.Field = "pgsd"
	e.Certifications = []Certification{{Kind: CertTeacher}}
	assert.Empty(t, checkAt(t, s, "2026-06-01", &e, "teacher"))
}

func TestJPTProtectionAndAge(t *testing.T) {
	s := fixture()
	e := nurse()
	e.Grade = GradeIVa // inside the kabid band III/d–IV/a
	e.Education = Education{Level: EducationS2, Field: "kesehatan_masyarakat"}
	e.Position, e.Unit, e.PositionSince = "kadis", "dinkes", date("2024-01-15")
	e.History = []Stint{{Kind: KindAdministrator, From: date("2018-01-01"), To: date("2024-01-15")}}
	e.Ratings = []Rating{{Year: 2024, Predicate: PredicateBaik}, {Year: 2025, Predicate: PredicateBaik}}
	// JPT to administrator is a demotion: without a penalty or a request it
	// is refused on its own.
	assert.Equal(t, []RuleID{RuleDemotion}, checkAt(t, s, "2026-06-01", &e, "kabid"))
	// A request on record isolates the protection rule below.
	own := Exception{Rule: RuleDemotion, Reason: "own request"}
	e.Exceptions = []Exception{own}
	// A head of dinas appointed 15 Jan 2024 is protected until 15 Jan 2026
	// (and, like everyone, may not move within 2 years either).
	assert.Equal(t, []RuleID{RuleMinTenure, RuleJPTProtection}, checkAt(t, s, "2026-01-14", &e, "kabid"))
	assert.Empty(t, checkAt(t, s, "2026-01-15", &e, "kabid"))
	// A waiver with a reason lifts only the waived rule.
	e.Exceptions = []Exception{own, {Rule: RuleJPTProtection, Reason: "no longer meets requirements"}}
	assert.Equal(t, []RuleID{RuleMinTenure}, checkAt(t, s, "2026-01-14", &e, "kabid"))
	s.Rules.JPTProtectYears = 3 // overridable: still waived
	assert.Equal(t, []RuleID{RuleMinTenure}, checkAt(t, s, "2026-01-14", &e, "kabid"))
	e.Exceptions = []Exception{own}
	assert.Equal(t, []RuleID{RuleJPTProtection}, checkAt(t, s, "2026-06-01", &e, "kabid"))

	// JPT age: at most 56 at appointment. Born 20 Oct 1968: 56 until 19 Oct 2025.
	s = fixture()
	e = nurse()
	e.BirthDate = date("1968-10-20")
	e.Grade = GradeIVa // one step below the II.b band IV/b–IV/c
	e.Position, e.Unit, e.PositionSince = "kabid", "dinkes", date("2015-01-01")
	e.History = nil
	e.Ratings = []Rating{{Year: 2023, Predicate: PredicateBaik}, {Year: 2024, Predicate: PredicateBaik}}
	assert.Empty(t, checkAt(t, s, "2025-10-19", &e, "kadis"))
	assert.Equal(t, []RuleID{RuleJPTAge}, checkAt(t, s, "2025-10-20", &e, "kadis"))
}

func TestGradeBand(t *testing.T) {
	s := fixture()
	e := nurse()
	e.Education = Education{Level: EducationS1, Field: "kesehatan_masyarakat"}
	e.History = []Stint{{Kind: KindPelaksana, From: date("2010-01-01"), To: date("2021-01-04")}}
	// kasi: eselon IV.a, band III/c–III/d, one step below allowed: III/b.
	for g, want := range map[Grade][]RuleID{
		GradeIIIa: {RuleGradeBand}, GradeIIIb: nil, GradeIIIc: nil, GradeIIId: nil, GradeIVa: {RuleGradeBand},
	} {
		e.Grade = g
		assert.Equal(t, want, checkAt(t, s, "2025-10-08", &e, "kasi"), "grade %s", g)
	}
	// Functional posts have no band by default: the jenjang belongs to the
	// person (domain §12.4).
	e = nurse()
	e.Grade = GradeIIc
	assert.Empty(t, checkAt(t, s, "2025-10-08", &e, "nurse"))
	e.Grade = GradeIVb
	assert.Empty(t, checkAt(t, s, "2025-10-08", &e, "nurse"))
	// With FunctionalBandsApply, ahli pertama III/a–III/b; II/d is one step below.
	s.Rules.FunctionalBandsApply = true
	e.Grade = GradeIId
	assert.Empty(t, checkAt(t, s, "2025-10-08", &e, "nurse"))
	e.Grade = GradeIIc
	assert.Equal(t, []RuleID{RuleGradeBand}, checkAt(t, s, "2025-10-08", &e, "nurse"))
	// PPPK without a grade are not checked [VERIFY PPPK scale]; a PPPK
	// staff member stays in the contracted job (pppk-job) unless waived.
	e.Status, e.Grade = StatusPPPK, 0
	assert.Equal(t, []RuleID{RulePPPKJob}, checkAt(t, s, "2025-10-08", &e, "nurse"))
	e.Exceptions = []Exception{{Rule: RulePPPKJob, Reason: "new contract as nurse"}}
	assert.Empty(t, checkAt(t, s, "2025-10-08", &e, "nurse"))
}

func TestManagerialExperience(t *testing.T) {
	s := fixture()
	e := nurse()
	e.Grade = GradeIIId
	e.Education.Field = "kesehatan_masyarakat"
	// Administrator needs 3 years as pengawas or equivalent (ahli muda).
	e.Position, e.PositionSince = "kasi", date("2023-10-08") // 2 years as pengawas now
	e.Exceptions = []Exception{{Rule: RuleMinTenure, Reason: "isolate the experience rule"}}
	e.History = []Stint{{Kind: KindFunctional, FunctionalGrade: AhliMuda, From: date("2021-10-08"), To: date("2022-10-08")}}
	// 1 year ahli muda + 2 years pengawas = exactly 3 years.
	assert.Empty(t, checkAt(t, s, "2025-10-08", &e, "kabid"))
	assert.Equal(t, []RuleID{RuleManagerialExperience}, checkAt(t, s, "2025-10-07", &e, "kabid"))
	// Pelaksana and ahli pertama time does not count for an administrator post.
	e.History[0].FunctionalGrade = AhliPertama
	assert.Equal(t, []RuleID{RuleManagerialExperience}, checkAt(t, s, "2025-10-08", &e, "kabid"))
	// Pengawas needs 4 years at pelaksana level or above: the nurse has
	// 2015-03-01 → 2021-01-04 as pelaksana plus 4.76 years now.
	e = nurse()
	e.Grade = GradeIIIc
	assert.Empty(t, checkAt(t, s, "2025-10-08", &e, "kasi"))
	e.History = nil
	e.PositionSince = date("2021-10-09")
	assert.Equal(t, []RuleID{RuleManagerialExperience}, checkAt(t, s, "2025-10-08", &e, "kasi"))
	e.PositionSince = date("2021-10-08")
	assert.Empty(t, checkAt(t, s, "2025-10-08", &e, "kasi"))
}

func TestDisciplinePerformanceLocksCertificates(t *testing.T) {
	s := fixture()
	e := nurse()
	e.Grade = GradeIIIb // inside both the nurse band and the kasi band (one step below)
	// A moderate penalty until 2026-01-01 blocks the pengawas post, not a
	// sideways nurse post.
	e.Discipline = Discipline{Level: DisciplineModerate, Until: date("2026-01-01")}
	assert.Equal(t, []RuleID{RuleDiscipline}, checkAt(t, s, "2025-10-08", &e, "kasi"))
	assert.Empty(t, checkAt(t, s, "2025-10-08", &e, "nurse"))
	e.Ratings = append(e.Ratings, Rating{Year: 2025, Predicate: PredicateBaik}) // for a plan in 2026
	assert.Empty(t, checkAt(t, s, "2026-01-01", &e, "kasi"))                    // lapsed (Until is exclusive)
	e.Discipline.Level = DisciplineLight
	assert.Empty(t, checkAt(t, s, "2025-10-08", &e, "kasi"))
	e.Discipline = Discipline{}

	// Performance minimum: Baik in 2023 and 2024 for a plan in 2025.
	e.Ratings = []Rating{{Year: 2023, Predicate: PredicateButuhPerbaikan}, {Year: 2024, Predicate: PredicateBaik}}
	assert.Equal(t, []RuleID{RulePerformanceMinimum}, checkAt(t, s, "2025-10-08", &e, "kasi"))
	e.Ratings = e.Ratings[1:] // 2023 missing
	assert.Equal(t, []RuleID{RulePerformanceMinimum}, checkAt(t, s, "2025-10-08", &e, "kasi"))
	assert.Empty(t, checkAt(t, s, "2025-10-08", &e, "nurse")) // not managerial
	e.Ratings = []Rating{{Year: 2023, Predicate: PredicateSangatBaik}, {Year: 2024, Predicate: PredicateBaik}}
	assert.Empty(t, checkAt(t, s, "2025-10-08", &e, "kasi"))

	// Locks: active until the exclusive end date.
	e.Locks = []Lock{{Kind: LockInvestigation, Until: date("2025-12-01")}}
	assert.Equal(t, []RuleID{RulePersonalLock}, checkAt(t, s, "2025-11-30", &e, "nurse"))
	assert.Empty(t, checkAt(t, s, "2025-12-01", &e, "nurse"))
	e.Locks = nil

	// Certificates: the STR must be valid on the plan date.
	e.Certifications = []Certification{{Kind: CertSTR, Until: date("2025-10-08")}}
	assert.Equal(t, []RuleID{RuleCertification}, checkAt(t, s, "2025-10-08", &e, "nurse"))
	assert.Empty(t, checkAt(t, s, "2025-10-07", &e, "nurse"))
}

func TestEducationRules(t *testing.T) {
	s := fixture()
	e := nurse()
	// D4 counts as S1.
	e.Education.Level = EducationD4
	assert.Empty(t, checkAt(t, s, "2025-10-08", &e, "nurse"))
	e.Education.Level = EducationD3
	assert.Equal(t, []RuleID{RuleMinEducation}, checkAt(t, s, "2025-10-08", &e, "nurse"))
	// The field must be accepted exactly: a midwife is related (kesehatan) but not accepted.
	e.Education = Education{Level: EducationS1, Field: "kebidanan"}
	assert.Equal(t, []RuleID{RuleAcceptedField}, checkAt(t, s, "2025-10-08", &e, "nurse"))
	e.Education.Field = ""
	assert.Equal(t, []RuleID{RuleAcceptedField}, checkAt(t, s, "2025-10-08", &e, "nurse"))
}

func TestCheckReportsEveryRule(t *testing.T) {
	s := fixture()
	e := nurse()
	e.BirthDate = date("1967-01-10") // 58 in Jan 2025: retired for BUP 58, past JPT age
	e.PositionSince = date("2025-01-01")
	e.Education = Education{Level: EducationD3, Field: "kebidanan"}
	e.Certifications = nil
	e.Grade = GradeIIa
	e.History = nil
	e.Discipline = Discipline{Level: DisciplineSevere}
	e.Ratings = nil
	e.Locks = []Lock{{Kind: LockStudyLeave}}
	got := checkAt(t, s, "2025-10-08", &e, "kadis")
	assert.Equal(t, []RuleID{RuleMinEducation, RuleGradeBand, RuleMinTenure, RuleManagerialExperience,
		RuleDiscipline, RulePersonalLock, RulePerformanceMinimum, RuleJPTAge}, got)
	got = checkAt(t, s, "2025-10-08", &e, "nurse")
	// Sideways to a functional post: no managerial, discipline or
	// performance rule; the nurse's BUP 58 has passed (retired 1 Feb 2025).
	assert.Equal(t, []RuleID{RuleMinEducation, RuleAcceptedField, RuleCertification,
		RuleRetirementHorizon, RuleMinTenure, RulePersonalLock}, got)
}

func TestRuleIDs(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	kebab := regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
	seen := map[RuleID]bool{}
	infos := RuleInfos()
	for k, in := range infos {
		assert.Regexp(t, kebab, string(in.ID))
		assert.False(t, seen[in.ID], "duplicate %s", in.ID)
		seen[in.ID] = true
		assert.NotEmpty(t, in.English, in.ID)
		assert.NotEmpty(t, in.Indonesian, in.ID)
		assert.NotEqual(t, in.English, in.Indonesian, in.ID)
		assert.NotEmpty(t, in.Basis, in.ID)
		assert.Equal(t, in.English, in.ID.Reason("en"))
		assert.Equal(t, in.Indonesian, in.ID.Reason("id"))
		assert.True(t, strings.Contains(string(doc), string(in.ID)), "%s not in doc.go", in.ID)
		if k < numPairRules {
			assert.True(t, in.Pair, in.ID)
		} else {
			assert.False(t, in.Pair, in.ID)
		}
		id, err := ParseRuleID(string(in.ID))
		require.NoError(t, err)
		assert.Equal(t, in.ID, id)
	}
	for _, id := range []RuleID{RuleMinEducation, RuleAcceptedField, RuleCertification, RuleGradeBand,
		RuleRetirementHorizon, RuleMinTenure, RuleManagerialExperience, RuleDiscipline, RuleJPTProtection,
		RulePersonalLock, RulePerformanceMinimum, RuleJPTAge, RuleCapacity, RuleMaxTenure, RuleElectionFreeze,
		RuleActingHead, RuleConflictOfInterest, RuleJurisdiction, RuleTenYearLock, RuleUnitFloor, RuleUnitCap,
		RuleMaxMoves} {
		assert.True(t, seen[id], "%s missing from the table", id)
	}
	assert.Len(t, seen, 26)
	_, err = ParseRuleID("rank-band")
	assert.ErrorIs(t, err, ErrUnknownValue)
}

// TestMoveKindRules: demotion, job-family and pppk-job, with the waivers
// the law allows (a severe penalty, an own request, alih fungsi).
func TestMoveKindRules(t *testing.T) {
	s := fixture()
	s.Positions = append(s.Positions,
		Position{ID: "kepsek", Unit: "sd-pelepat", Kind: KindFunctional, FunctionalGrade: AhliMadya,
			Profession: ProfessionTeacher, IsUnitHead: true, Fields: []Field{"pgsd"}, Needed: 1},
		Position{ID: "nurse-muda", Unit: "pkm-jujuhan", Kind: KindFunctional, FunctionalGrade: AhliMuda,
			Profession: ProfessionNurse, Fields: []Field{"keperawatan"}, Needed: 1})
	teacher := nurse()
	teacher.Education = Education{Level: EducationS1, Field: "pgsd"}
	teacher.Certifications = []Certification{{Kind: CertTeacher}}
	teacher.Position, teacher.Unit, teacher.PositionSince = "teacher", "sd-pelepat", date("2015-01-01")
	// A teacher into a clerk post is alih fungsi: refused without a policy.
	assert.Equal(t, []RuleID{RuleJobFamily}, checkAt(t, s, "2025-12-01", &teacher, "staff"))
	teacher.Exceptions = []Exception{{Rule: RuleJobFamily, Reason: "SKB 5 Menteri 2011: surplus PJOK teacher"}}
	assert.Empty(t, checkAt(t, s, "2025-12-01", &teacher, "staff"))

	// A principal into a teacher's post loses the head duty: a demotion,
	// unless a severe penalty imposes it or two terms (8 years) are over.
	head := teacher
	head.Exceptions = nil
	head.Position, head.PositionSince = "kepsek", date("2020-01-01")
	// Without the principal-candidate training she serves one term (4
	// years): after it, back to teaching is no demotion.
	assert.Empty(t, checkAt(t, s, "2025-12-01", &head, "teacher"))
	head.Certifications = []Certification{{Kind: CertTeacher}, {Kind: CertPrincipalTraining}}
	assert.Equal(t, []RuleID{RuleDemotion}, checkAt(t, s, "2025-12-01", &head, "teacher"))
	head.Discipline = Discipline{Level: DisciplineSevere}
	assert.Empty(t, checkAt(t, s, "2025-12-01", &head, "teacher"))
	// With its kind recorded, a severe penalty imposes only its own lower
	// post: (a) one level down, (b) a pelaksana post.
	head.Discipline = Discipline{Level: DisciplineSevere, Penalty: PenaltyRelease}
	assert.Equal(t, []RuleID{RuleDemotion}, checkAt(t, s, "2025-12-01", &head, "teacher"))
	head.Discipline = Discipline{Level: DisciplineSevere, Penalty: PenaltyDemotion}
	assert.Empty(t, checkAt(t, s, "2025-12-01", &head, "teacher")) // same rank, without the head duty: one level
	head.Discipline = Discipline{Level: DisciplineSevere, Penalty: PenaltyOther}
	assert.Equal(t, []RuleID{RuleDemotion}, checkAt(t, s, "2025-12-01", &head, "teacher"))
	head.Discipline = Discipline{Level: DisciplineModerate} // moderate penalties do not demote
	assert.Equal(t, []RuleID{RuleDemotion}, checkAt(t, s, "2025-12-01", &head, "teacher"))
	head.Discipline = Discipline{}
	head.PositionSince = date("2017-12-01")
	assert.Empty(t, checkAt(t, s, "2025-12-01", &head, "teacher"))

	// A teacher of III/b, 10 years a teacher, is not yet eligible for a
	// principal's post (III/c); at III/c with two Baik years she is.
	teacher.Exceptions = nil
	teacher.Grade = GradeIIIb
	assert.Equal(t, []RuleID{RulePrincipal}, checkAt(t, s, "2025-12-01", &teacher, "kepsek"))
	teacher.Grade = GradeIIIc
	teacher.Ratings = []Rating{{Year: 2023, Predicate: PredicateBaik}, {Year: 2024, Predicate: PredicateSangatBaik}}
	assert.Empty(t, checkAt(t, s, "2025-12-01", &teacher, "kepsek"))
	teacher.BirthDate = date("1968-01-01") // 57
	assert.Equal(t, []RuleID{RulePrincipal}, checkAt(t, s, "2025-12-01", &teacher, "kepsek"))

	// A nurse at ahli muda takes an ahli pertama nurse seat at her own
	// jenjang: no demotion; a midwife's seat is another profession.
	n := nurse()
	n.Position, n.Unit, n.PositionSince = "nurse-muda", "pkm-jujuhan", date("2015-01-01")
	assert.Empty(t, checkAt(t, s, "2025-12-01", &n, "nurse"))
	assert.Equal(t, []RuleID{RuleDemotion, RuleJobFamily}, checkAt(t, s, "2025-12-01", &n, "staff"))

	// A PPPK nurse moves between units only as a nurse at her grade.
	p := nurse()
	p.Status, p.Grade = StatusPPPK, 0
	p.Position, p.Unit, p.PositionSince = "nurse", "pkm-jujuhan", date("2015-01-01")
	assert.Equal(t, []RuleID{RulePPPKJob}, checkAt(t, s, "2025-12-01", &p, "nurse-muda"))
	// An unplaced PPPK with a contracted profession: only posts of it.
	p.Position, p.Unit, p.PositionSince, p.Profession = "", "", time.Time{}, ProfessionNurse
	assert.Empty(t, checkAt(t, s, "2025-12-01", &p, "nurse"))
	assert.Equal(t, []RuleID{RuleJobFamily, RulePPPKJob}, checkAt(t, s, "2025-12-01", &p, "staff"))
}
