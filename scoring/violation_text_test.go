package scoring

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestViolationText pins the facts of every pair rule in English (the
// texts plans carried before facts existed) and in hand-written
// Indonesian: decimal comma, enums by their Indonesian names, ids, dates
// and grades kept.
func TestViolationText(t *testing.T) {
	tests := []struct {
		rule   RuleID
		facts  []any
		en, id string
	}{
		{RuleMinEducation, []any{EducationD3, EducationS1}, "D3 below minimum S1", "pendidikan D3 di bawah syarat minimal S1"},
		{RuleAcceptedField, []any{"", "[keperawatan]"}, "field none not in accepted fields [keperawatan]",
			"bidang tidak ada tidak termasuk bidang yang diterima [keperawatan]"},
		{RuleAcceptedField, []any{"hukum", "[kedokteran gizi]"}, "field hukum not in accepted fields [kedokteran gizi]",
			"bidang hukum tidak termasuk bidang yang diterima [kedokteran gizi]"},
		{RuleCertification, []any{CertSTR, CertTeacher}, "missing or expired str, teacher_certificate",
			"sertifikasi tidak dimiliki atau kedaluwarsa: STR, sertifikat pendidik"},
		{RuleGradeBand, []any{GradeIIc, GradeIIIa, GradeIIId, 0}, "grade II/c outside band III/a–III/d (0 step(s) below allowed)",
			"golongan II/c di luar rentang III/a–III/d (toleransi 0 tingkat di bawah rentang)"},
		{RuleRetirementHorizon, []any{"2026-03-01", 58, 12, "2025-12-01"}, "retires 2026-03-01 at BUP 58, less than 12 months after 2025-12-01",
			"pensiun 2026-03-01 pada BUP 58 tahun, kurang dari 12 bulan setelah 2025-12-01"},
		{RuleMinTenure, []any{1.6055, "2024-02-29", 2}, "1.61 years in post since 2024-02-29, minimum 2",
			"1,61 tahun pada jabatan sejak 2024-02-29, minimal 2 tahun"},
		{RuleManagerialExperience, []any{2.5, KindPengawas, 3, KindAdministrator},
			"2.50 years as pengawas or equivalent, 3 required for administrator",
			"2,50 tahun sebagai pengawas atau setara, disyaratkan 3 tahun untuk jabatan administrator"},
		{RuleManagerialExperience, []any{0.0, KindFunctional, 2, KindJPT}, "0.00 years as functional or equivalent, 2 required for jpt",
			"0,00 tahun sebagai fungsional atau setara, disyaratkan 2 tahun untuk jabatan JPT"},
		{RuleDiscipline, []any{DisciplineModerate, "2026-06-01"}, "active moderate penalty (until 2026-06-01) blocks a managerial post or promotion",
			"hukuman disiplin tingkat sedang yang masih berlaku (sampai 2026-06-01) menghalangi jabatan manajerial atau promosi"},
		{RuleDiscipline, []any{DisciplineSevere, ""}, "active severe penalty (no end date) blocks a managerial post or promotion",
			"hukuman disiplin tingkat berat yang masih berlaku (tanpa tanggal berakhir) menghalangi jabatan manajerial atau promosi"},
		{RuleJPTProtection, []any{"2024-01-15", 2}, "JPT since 2024-01-15, protected for 2 years", "menduduki JPT sejak 2024-01-15, dilindungi selama 2 tahun"},
		{RulePersonalLock, []any{LockStudyLeave, LockInvestigation}, "active lock: study_leave, investigation",
			"penguncian aktif: tugas belajar, pemeriksaan"},
		{RulePerformanceMinimum, []any{PredicateBaik, 2023, Predicate(0), 2024, PredicateButuhPerbaikan},
			"no SKP for 2023; SKP 2024 butuh_perbaikan, minimum baik",
			"tidak ada SKP tahun 2023; SKP 2024 butuh perbaikan, minimal baik"},
		{RuleJPTAge, []any{57, "2025-12-01", 56}, "age 57 at 2025-12-01, limit 56", "usia 57 tahun pada 2025-12-01, batas 56 tahun"},
		{RuleDemotion, []any{"SETDA-SEK", KindAdministrator, "KEC-ADM", KindPelaksana},
			"from administrator post SETDA-SEK to pelaksana post KEC-ADM lowers the post; no penalty imposes it",
			"dari jabatan administrator SETDA-SEK ke jabatan pelaksana KEC-ADM menurunkan jabatan tanpa hukuman disiplin"},
		{RuleJobFamily, []any{ProfessionTeacher, Profession(0)}, "profession teacher to administrative (alih fungsi) without a policy allowing it",
			"profesi guru ke administrasi (alih fungsi) tanpa kebijakan yang mengizinkannya"},
		{RuleJobFamily, []any{ProfessionNurse, ProfessionMidwife}, "profession nurse to midwife (alih fungsi) without a policy allowing it",
			"profesi perawat ke bidan (alih fungsi) tanpa kebijakan yang mengizinkannya"},
		{RulePPPKJob, []any{"", "KEC-ADM"}, "PPPK contract for the contracted job; KEC-ADM is another job",
			"perjanjian kerja PPPK untuk jabatan sesuai perjanjian kerja; KEC-ADM jabatan lain"},
		{RulePrincipal, []any{"grade", GradeIIIb, "certificate", CertTeacher, "age", 56},
			"grade III/b below the minimum; no teacher's certificate; older than 56",
			"golongan III/b di bawah syarat minimal; tidak memiliki sertifikat pendidik; berusia lebih dari 56 tahun"},
		{RulePrincipal, []any{"education", EducationD3, "performance", PredicateBaik, "discipline", DisciplineModerate},
			"education D3 below S1/D-IV; SKP below baik in the last years; active moderate penalty",
			"pendidikan D3 di bawah S1/D-IV; SKP di bawah baik pada tahun-tahun terakhir; hukuman disiplin tingkat sedang masih berlaku"},
		{RulePPPKJob, []any{"SD-GURU", "SD-KEPSEK"}, "PPPK contract for SD-GURU; SD-KEPSEK is another job",
			"perjanjian kerja PPPK untuk SD-GURU; SD-KEPSEK jabatan lain"},
	}
	covered := map[RuleID]bool{}
	for _, tc := range tests {
		v := Violation{Rule: tc.rule, Facts: tc.facts}
		assert.Equal(t, tc.en, v.Text("en"), tc.rule)
		assert.Equal(t, tc.en, v.Text("jv"), "other languages give English")
		assert.Equal(t, tc.id, v.Text("id"), tc.rule)
		covered[tc.rule] = true
	}
	for _, in := range RuleInfos() {
		if in.Pair {
			assert.True(t, covered[in.ID], "pair rule %s has no text test", in.ID)
		}
	}
	// Without facts, Text falls back to Detail in every language.
	v := Violation{Rule: RuleMinTenure, Detail: "written by hand"}
	assert.Equal(t, "written by hand", v.Text("id"))
}

// TestScorerViolationFacts: the Scorer's violations carry facts whose
// English text is Detail, and whose Indonesian text differs.
func TestScorerViolationFacts(t *testing.T) {
	s := fixture()
	e := nurse()
	e.PositionSince = date("2025-01-01")
	s.AsOf = date("2025-10-07")
	vs, err := s.Check(&e, post(t, s, "nurse"))
	assert.NoError(t, err)
	assert.NotEmpty(t, vs)
	for _, v := range vs {
		assert.NotEmpty(t, v.Facts, v.Rule)
		assert.Equal(t, v.Detail, v.Text("en"))
		assert.NotEqual(t, v.Detail, v.Text("id"))
		assert.NotContains(t, v.Text("id"), "%!")
	}
}

// TestLabels: every value of the enums people read has an Indonesian
// label, and English labels are the stable text forms.
func TestLabels(t *testing.T) {
	type labeler interface {
		String() string
		Label(string) string
	}
	var all []labeler
	for c := range Competency(NumCompetencies) {
		all = append(all, c)
	}
	for a := AreaUrban; a <= AreaVeryRemote; a++ {
		all = append(all, a)
	}
	for k := KindJPT; k <= KindFunctional; k++ {
		all = append(all, k)
	}
	for p := ProfessionDoctor; p <= ProfessionTeacher; p++ {
		all = append(all, p)
	}
	for c := CertSTR; c <= CertFunctionalCompetency; c++ {
		all = append(all, c)
	}
	for p := PredicateSangatBaik; p <= PredicateSangatKurang; p++ {
		all = append(all, p)
	}
	for d := DisciplineNone; d <= DisciplineSevere; d++ {
		all = append(all, d)
	}
	for k := LockStudyLeave; k <= LockOther; k++ {
		all = append(all, k)
	}
	for _, x := range all {
		assert.Equal(t, x.String(), x.Label("en"))
		id := x.Label("id")
		assert.NotEmpty(t, id)
		assert.NotContains(t, id, "(", "%v has no Indonesian label", x)
		assert.NotContains(t, id, "_", "%v", x)
	}
	assert.Equal(t, "pengambilan keputusan", CompDecision.Label("id"))
	assert.Equal(t, "sangat terpencil", AreaVeryRemote.Label("id"))
	assert.Equal(t, "bidan", ProfessionMidwife.Label("id"))
}
