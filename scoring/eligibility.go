package scoring

import (
	"fmt"
	"strings"
)

// RuleID is the stable kebab-case id of a hard rule. Ids never change once
// released; they appear in explanations, infeasibility reports, YAML
// overrides (rules.<rule-id>) and JSON. Pair rules are checked by
// [Scorer.Check]; scenario rules share the type and the id set but are
// checked by the scenarios package.
type RuleID string

// Pair rules: checked for one employee and one target position by the
// Scorer. None applies to the employee's current position (staying is
// neither an appointment nor a move).
const (
	// RuleMinEducation: the education level is below the post's minimum
	// (PP 11/2017 Pasal 54; PP 17/2020).
	RuleMinEducation RuleID = "min-education"
	// RuleAcceptedField: the post accepts only certain fields of study and
	// the employee's is not one of them (profession rules: doctor, nurse,
	// midwife, subject teacher).
	RuleAcceptedField RuleID = "accepted-field"
	// RuleCertification: a certification the post requires is missing or
	// expired (STR, sertifikat pendidik; UU 17/2023, UU 14/2005).
	RuleCertification RuleID = "certification"
	// RuleGradeBand: the grade is outside the post's band, allowing
	// Rules.GradeBandSlack steps below it (PP 100/2000 Pasal 5 jo PP 13/2002;
	// PermenPANRB 1/2023).
	RuleGradeBand RuleID = "grade-band"
	// RuleRetirementHorizon: the employee would reach the retirement age
	// (BUP) of the target post within Rules.MinRemainingMonths (PP 11/2017
	// Pasal 239–240; UU 14/2005 Pasal 40(4)).
	RuleRetirementHorizon RuleID = "retirement-horizon"
	// RuleMinTenure: less than Rules.MinTenureYears in the current post and
	// no recorded exception (PP 11/2017 Pasal 190(3); Peraturan BKN 5/2019
	// Pasal 2(3)).
	RuleMinTenure RuleID = "min-tenure"
	// RuleManagerialExperience: not enough years at the required level
	// before a managerial post (PP 11/2017 Pasal 54 as amended by PP
	// 17/2020).
	RuleManagerialExperience RuleID = "managerial-experience"
	// RuleDiscipline: an active moderate or severe penalty blocks promotion
	// and managerial appointment (PP 94/2021; PP 11/2017 requirements).
	RuleDiscipline RuleID = "discipline"
	// RuleJPTProtection: a JPT official may not be replaced within
	// Rules.JPTProtectYears of appointment (PP 11/2017 [VERIFY article];
	// first UU 5/2014 Pasal 116(1), revoked by UU 20/2023).
	RuleJPTProtection RuleID = "jpt-protection"
	// RulePersonalLock: an active lock (study leave, investigation) blocks
	// moves (agency decision).
	RulePersonalLock RuleID = "personal-lock"
	// RulePerformanceMinimum: a managerial post needs SKP of at least
	// Rules.MinPredicate in each of the last Rules.PerformanceYears years
	// (PP 11/2017 Pasal 54).
	RulePerformanceMinimum RuleID = "performance-minimum"
	// RuleJPTAge: a JPT pratama appointee must be at most Rules.JPTMaxAge
	// years old (PP 17/2020).
	RuleJPTAge RuleID = "jpt-age"
	// RuleDemotion: a move to a lower post (a lower career rank, or the same
	// rank without the unit-head duty held now) is a disciplinary penalty
	// (PP 94/2021 Pasal 8(4)): allowed only when an active penalty of at
	// least Rules.DemotionPenalty imposes it, or an exception records the
	// employee's own request. A principal past Rules.PrincipalMaxYears in the
	// post returns to teaching without a demotion (Permendikdasmen 7/2025).
	RuleDemotion RuleID = "demotion"
	// RuleJobFamily: teachers, doctors, nurses, midwives and other health
	// professionals stay in their profession; a move into an administrative
	// post or another profession is alih fungsi, its own procedure, allowed
	// only by an exception (scenario policy alih_fungsi) with a reason.
	RuleJobFamily RuleID = "job-family"
	// RulePPPKJob: a PPPK employee is appointed to one job under a contract
	// and may move between units only in that job (SE BKN 1/SE/I/2021;
	// KemenPAN-RB 2025 [VERIFY]); anything else needs an exception
	// (scenario policy pppk_any_job).
	RulePPPKJob RuleID = "pppk-job"
	// RulePrincipal: a principal's post (a unit-head post of the teacher
	// profession) needs S1/D-IV, a teacher's certificate, a PNS grade of at
	// least Rules.PrincipalMinGrade, SKP of at least Rules.MinPredicate in
	// the last Rules.PerformanceYears years, no active moderate or severe
	// penalty and an age of at most Rules.PrincipalMaxAge (Permendikdasmen
	// 7/2025 Pasal 7).
	RulePrincipal RuleID = "principal"
)

// Scenario rules: same id space, checked by the scenarios package.
const (
	// RuleCapacity: a position holds at most Needed people (PermenPANRB
	// 1/2020, ABK).
	RuleCapacity RuleID = "capacity"
	// RuleMaxTenure: more than 5 years in post is due to move (PP 11/2017
	// Pasal 190(3)).
	RuleMaxTenure RuleID = "max-tenure"
	// RuleElectionFreeze: no change to covered posts in an election window
	// without Mendagri approval (UU 10/2016 Pasal 71(2), 162(3)).
	RuleElectionFreeze RuleID = "election-freeze"
	// RuleActingHead: an acting head may not transfer without Mendagri
	// approval (PP 49/2008 Pasal 132A; UU 10/2016 Pasal 71(4)).
	RuleActingHead RuleID = "acting-head"
	// RuleConflictOfInterest: relatives not in the same unit or
	// supervisory chain (PP 11/2017 Pasal 190(5)).
	RuleConflictOfInterest RuleID = "conflict-of-interest"
	// RuleJurisdiction: moves stay inside the regency (PP 11/2017 Pasal
	// 192–193).
	RuleJurisdiction RuleID = "jurisdiction"
	// RuleTenYearLock: self-requested inter-agency moves within 10 years of
	// PNS appointment (PermenPANRB 6/2024 Pasal 59).
	RuleTenYearLock RuleID = "ten-year-lock"
	// RuleUnitFloor: no unit below its staffing floor (Permenkes 19/2024;
	// SKB 5 Menteri 2011).
	RuleUnitFloor RuleID = "unit-floor"
	// RuleUnitCap: at most a share of a unit's staff moves in one round
	// (scenario policy, max_turnover_pct).
	RuleUnitCap RuleID = "unit-cap"
	// RuleMaxMoves: at most a number of moves in the plan (scenario
	// policy).
	RuleMaxMoves RuleID = "max-moves"
)

// RuleInfo describes a rule for reports.
type RuleInfo struct {
	ID RuleID
	// Pair reports a rule the Scorer checks per (employee, position) pair;
	// false for scenario rules.
	Pair bool
	// Basis cites the regulation or policy.
	Basis string
	// English and Indonesian give the reason as a short phrase without a
	// final period.
	English, Indonesian string
}

// ruleTable lists every rule in a fixed order: pair rules first, then
// scenario rules.
var ruleTable = [...]RuleInfo{
	{RuleMinEducation, true, "PP 11/2017 Pasal 54; PP 17/2020",
		"education level below the post's minimum",
		"tingkat pendidikan di bawah syarat minimal jabatan"},
	{RuleAcceptedField, true, "profession rules (UU 17/2023, UU 14/2005)",
		"field of study not accepted for the post",
		"bidang/jurusan pendidikan tidak sesuai syarat jabatan"},
	{RuleCertification, true, "UU 17/2023 Pasal 260(4), PP 28/2024 Pasal 677(3) (STR for life); UU 14/2005 (sertifikat pendidik)",
		"required certification missing or expired",
		"sertifikasi yang disyaratkan tidak dimiliki atau sudah tidak berlaku"},
	{RuleGradeBand, true, "PP 100/2000 Pasal 5 jo PP 13/2002; PermenPANRB 1/2023",
		"grade outside the post's grade band",
		"pangkat/golongan di luar rentang jabatan"},
	{RuleRetirementHorizon, true, "PP 11/2017 Pasal 239–240; UU 14/2005 Pasal 40(4)",
		"retirement age reached too soon after the placement",
		"batas usia pensiun tercapai terlalu dekat setelah penempatan"},
	{RuleMinTenure, true, "PP 11/2017 Pasal 190(3); Peraturan BKN 5/2019 Pasal 2(3)",
		"less than the minimum time in the current post",
		"masa jabatan saat ini kurang dari batas minimal"},
	{RuleManagerialExperience, true, "PP 11/2017 Pasal 54 as amended by PP 17/2020",
		"not enough experience for the managerial post",
		"pengalaman jabatan belum cukup untuk jabatan manajerial"},
	{RuleDiscipline, true, "PP 94/2021 Pasal 8; PP 11/2017",
		"active disciplinary penalty blocks promotion or managerial appointment",
		"hukuman disiplin yang masih berlaku menghalangi promosi atau jabatan manajerial"},
	{RuleJPTProtection, true, "PP 11/2017 [VERIFY article]; SE MenPAN-RB 19/2023 (UU 5/2014 Pasal 116(1) revoked by UU 20/2023)",
		"JPT official within the protection period after appointment",
		"pejabat pimpinan tinggi masih dalam masa perlindungan setelah pelantikan"},
	{RulePersonalLock, true, "agency decision (tugas belajar, pemeriksaan)",
		"employee is locked in place (study leave or investigation)",
		"pegawai sedang dikunci (tugas belajar atau pemeriksaan)"},
	{RulePerformanceMinimum, true, "PP 11/2017 Pasal 54",
		"performance rating below the minimum for a managerial post",
		"predikat kinerja di bawah syarat minimal jabatan manajerial"},
	{RuleJPTAge, true, "PP 17/2020",
		"above the age limit for a JPT appointment",
		"melebihi batas usia pengangkatan jabatan pimpinan tinggi"},
	{RuleDemotion, true, "PP 94/2021 Pasal 8(4)",
		"move to a lower post without a penalty that imposes it",
		"penurunan jabatan tanpa hukuman disiplin yang menjatuhkannya"},
	{RuleJobFamily, true, "alih fungsi procedure; SKB 5 Menteri 2011 (teachers); UU 17/2023 (health workers)",
		"change of profession (alih fungsi) not allowed by the scenario",
		"alih fungsi jabatan tidak diizinkan oleh skenario"},
	{RulePPPKJob, true, "SE BKN 1/SE/I/2021; KemenPAN-RB 2025 [VERIFY]",
		"PPPK employee outside the job of the contract",
		"PPPK di luar jabatan sesuai perjanjian kerja"},
	{RulePrincipal, true, "Permendikdasmen 7/2025 Pasal 7",
		"principal's requirements not met",
		"persyaratan kepala sekolah tidak terpenuhi"},
	{RuleCapacity, false, "PermenPANRB 1/2020 (ABK)",
		"position already holds its needed number of people",
		"jabatan sudah terisi sesuai kebutuhan"},
	{RuleMaxTenure, false, "PP 11/2017 Pasal 190(3)",
		"more than the maximum time in post",
		"masa jabatan melebihi batas maksimal"},
	{RuleElectionFreeze, false, "UU 10/2016 Pasal 71(2), 162(3); SE Mendagri 100.2.1.3/1575/SJ",
		"covered post changed in an election freeze without ministerial approval",
		"penggantian pejabat pada masa larangan pilkada tanpa persetujuan Mendagri"},
	{RuleActingHead, false, "Permendagri 4/2023 Pasal 15; PP 49/2008 Pasal 132A; UU 10/2016 Pasal 71(4)",
		"move by an acting regional head without ministerial approval",
		"mutasi oleh penjabat kepala daerah tanpa persetujuan Mendagri"},
	{RuleConflictOfInterest, false, "PP 11/2017 Pasal 190(5)",
		"relatives in the same unit or supervisory chain",
		"hubungan keluarga dalam unit atau garis pengawasan yang sama"},
	{RuleJurisdiction, false, "PP 11/2017 Pasal 192–193",
		"move outside the regency's jurisdiction",
		"mutasi di luar kewenangan kabupaten"},
	{RuleTenYearLock, false, "PermenPANRB 6/2024 Pasal 59",
		"self-requested move within ten years of appointment",
		"permintaan pindah sebelum sepuluh tahun sejak pengangkatan"},
	{RuleUnitFloor, false, "Permenkes 19/2024 (replaced Permenkes 43/2019) [VERIFY table]; SKB 5 Menteri 2011",
		"unit would fall below its staffing floor",
		"unit kerja akan berada di bawah jumlah minimal tenaga"},
	{RuleUnitCap, false, "scenario policy (max_turnover_pct)",
		"too many moves out of one unit in one round",
		"terlalu banyak mutasi dari satu unit kerja dalam satu periode"},
	{RuleMaxMoves, false, "scenario policy",
		"too many moves in the plan",
		"jumlah mutasi dalam rencana melebihi batas"},
}

// RuleInfos returns the description of every rule id, pair rules first, in a
// fixed order. The result is a fresh slice the caller may keep.
func RuleInfos() []RuleInfo { return append([]RuleInfo(nil), ruleTable[:]...) }

// Info returns the description of r and whether r is a known rule id.
func (r RuleID) Info() (RuleInfo, bool) {
	for _, in := range ruleTable {
		if in.ID == r {
			return in, true
		}
	}
	return RuleInfo{}, false
}

// Reason returns the rule's reason in English (lang "en") or Indonesian
// ("id"); an unknown rule or language gives the id itself.
func (r RuleID) Reason(lang string) string {
	in, ok := r.Info()
	switch {
	case !ok:
		return string(r)
	case lang == "id":
		return in.Indonesian
	case lang == "en":
		return in.English
	}
	return string(r)
}

// ParseRuleID returns r as a RuleID if it is a known rule id, or an
// *EnumError.
func ParseRuleID(s string) (RuleID, error) {
	if _, ok := RuleID(s).Info(); ok {
		return RuleID(s), nil
	}
	return "", &EnumError{Enum: "rule id", Text: s}
}

// Violation is one broken rule for one pair. Employee and Position name the
// pair (Position is empty for an employee-level scenario rule). Detail
// gives the facts in English, for example "D3 below minimum S1" or
// "1.50 years in post since 2024-06-01, minimum 2"; Text renders them in
// English or Indonesian, and Rule.Reason gives the rule's reason.
type Violation struct {
	Rule     RuleID
	Employee EmployeeID
	Position PositionID
	// Detail is Text("en").
	Detail string
	// Facts are the values behind the text, by rule (enums keep their
	// type; dates are yyyy-mm-dd strings; years are float64):
	//
	//	min-education          level, minimum (EducationLevel)
	//	accepted-field         field ("" for none), the accepted fields ("[a b]")
	//	certification          the missing or expired certifications (CertKind…)
	//	grade-band             grade, band minimum, band maximum (Grade), steps allowed below (int)
	//	retirement-horizon     retirement date, BUP age (int), months required (int), plan date
	//	min-tenure             years in post, since, minimum years (int)
	//	managerial-experience  years, at the level of (PositionKind), years required (int), for (PositionKind)
	//	discipline             level (DisciplineLevel), until ("" when it does not lapse by date)
	//	jpt-protection         in the post since, years protected (int)
	//	personal-lock          the active lock kinds (LockKind…)
	//	performance-minimum    minimum (Predicate), then per failing year: year (int), predicate (Predicate; 0 for none)
	//	jpt-age                age (int), at, limit (int)
	//	demotion               current post (string), its kind (PositionKind), target post (string), its kind (PositionKind)
	//	job-family             the employee's profession, the post's (Profession; 0 for administrative)
	//	pppk-job               current post (string; "" when unplaced), target post (string)
	//	principal              pairs of a requirement not met (string: education, certificate, grade, performance, discipline, age) and its value
	//
	// Violations built outside the Scorer may leave Facts nil; Text then
	// returns Detail.
	Facts []any
}

// String returns "rule-id: detail".
func (v Violation) String() string { return string(v.Rule) + ": " + v.Detail }

// Text returns the facts of the violation in English (lang "en" and other
// languages) or Indonesian ("id"), without the rule id. Indonesian writes
// decimals with a comma (1,50 tahun) and names enums in Indonesian
// (tugas belajar, sangat baik); ids, dates and grades are kept as they
// are.
func (v Violation) Text(lang string) string {
	if v.Facts == nil {
		return v.Detail
	}
	id := lang == "id"
	// pick chooses the English or the Indonesian format.
	pick := func(en, in string) string {
		if id {
			return in
		}
		return en
	}
	f := make([]any, len(v.Facts))
	for k, a := range v.Facts {
		f[k] = factText(a, id)
	}
	list := func(sep string) string {
		s := make([]string, len(f))
		for k, a := range f {
			s[k] = fmt.Sprint(a)
		}
		return strings.Join(s, sep)
	}
	arg := func(k int) any {
		if k < len(f) {
			return f[k]
		}
		return ""
	}
	switch v.Rule {
	case RuleMinEducation:
		return fmt.Sprintf(pick("%s below minimum %s", "pendidikan %s di bawah syarat minimal %s"), arg(0), arg(1))
	case RuleAcceptedField:
		field := arg(0)
		if field == "" {
			field = pick("none", "tidak ada")
		}
		return fmt.Sprintf(pick("field %s not in accepted fields %s", "bidang %s tidak termasuk bidang yang diterima %s"), field, arg(1))
	case RuleCertification:
		return pick("missing or expired ", "sertifikasi tidak dimiliki atau kedaluwarsa: ") + list(", ")
	case RuleGradeBand:
		return fmt.Sprintf(pick("grade %s outside band %s–%s (%d step(s) below allowed)",
			"golongan %s di luar rentang %s–%s (toleransi %d tingkat di bawah rentang)"), arg(0), arg(1), arg(2), arg(3))
	case RuleRetirementHorizon:
		return fmt.Sprintf(pick("retires %s at BUP %d, less than %d months after %s",
			"pensiun %s pada BUP %d tahun, kurang dari %d bulan setelah %s"), arg(0), arg(1), arg(2), arg(3))
	case RuleMinTenure:
		return fmt.Sprintf(pick("%.2f years in post since %s, minimum %d", "%.2f tahun pada jabatan sejak %s, minimal %d tahun"),
			arg(0), arg(1), arg(2))
	case RuleManagerialExperience:
		return fmt.Sprintf(pick("%.2f years as %s or equivalent, %d required for %s",
			"%.2f tahun sebagai %s atau setara, disyaratkan %d tahun untuk jabatan %s"), arg(0), arg(1), arg(2), arg(3))
	case RuleDiscipline:
		until := pick("no end date", "tanpa tanggal berakhir")
		if d := arg(1); d != "" {
			until = fmt.Sprintf(pick("until %s", "sampai %s"), d)
		}
		return fmt.Sprintf(pick("active %s penalty (%s) blocks a managerial post or promotion",
			"hukuman disiplin tingkat %s yang masih berlaku (%s) menghalangi jabatan manajerial atau promosi"), arg(0), until)
	case RuleJPTProtection:
		return fmt.Sprintf(pick("JPT since %s, protected for %d years", "menduduki JPT sejak %s, dilindungi selama %d tahun"), arg(0), arg(1))
	case RulePersonalLock:
		return pick("active lock: ", "penguncian aktif: ") + list(", ")
	case RulePerformanceMinimum:
		var bad []string
		for k := 1; k+1 < len(v.Facts); k += 2 {
			if p, ok := v.Facts[k+1].(Predicate); ok && p == 0 {
				bad = append(bad, fmt.Sprintf(pick("no SKP for %d", "tidak ada SKP tahun %d"), f[k]))
			} else {
				bad = append(bad, fmt.Sprintf("SKP %d %s", f[k], f[k+1]))
			}
		}
		return strings.Join(bad, "; ") + pick(", minimum ", ", minimal ") + fmt.Sprint(arg(0))
	case RuleJPTAge:
		return fmt.Sprintf(pick("age %d at %s, limit %d", "usia %d tahun pada %s, batas %d tahun"), arg(0), arg(1), arg(2))
	case RuleDemotion:
		return fmt.Sprintf(pick("from %s post %s to %s post %s lowers the post; no penalty imposes it",
			"dari jabatan %s %s ke jabatan %s %s menurunkan jabatan tanpa hukuman disiplin"), arg(1), arg(0), arg(3), arg(2))
	case RuleJobFamily:
		fam := func(k int) any {
			if p, ok := v.Facts[k].(Profession); ok && p == 0 {
				return pick("administrative", "administrasi")
			}
			return arg(k)
		}
		return fmt.Sprintf(pick("profession %s to %s (alih fungsi) without a policy allowing it",
			"profesi %s ke %s (alih fungsi) tanpa kebijakan yang mengizinkannya"), fam(0), fam(1))
	case RulePrincipal:
		var parts []string
		for k := 0; k+1 < len(v.Facts); k += 2 {
			val := f[k+1]
			switch v.Facts[k] {
			case "education":
				parts = append(parts, fmt.Sprintf(pick("education %s below S1/D-IV", "pendidikan %s di bawah S1/D-IV"), val))
			case "certificate":
				parts = append(parts, pick("no teacher's certificate", "tidak memiliki sertifikat pendidik"))
			case "grade":
				parts = append(parts, fmt.Sprintf(pick("grade %s below the minimum", "golongan %s di bawah syarat minimal"), val))
			case "performance":
				parts = append(parts, fmt.Sprintf(pick("SKP below %s in the last years", "SKP di bawah %s pada tahun-tahun terakhir"), val))
			case "discipline":
				parts = append(parts, fmt.Sprintf(pick("active %s penalty", "hukuman disiplin tingkat %s masih berlaku"), val))
			case "age":
				parts = append(parts, fmt.Sprintf(pick("older than %d", "berusia lebih dari %d tahun"), val))
			}
		}
		return strings.Join(parts, "; ")
	case RulePPPKJob:
		from := arg(0)
		if from == "" {
			from = pick("the contracted job", "jabatan sesuai perjanjian kerja")
		}
		return fmt.Sprintf(pick("PPPK contract for %s; %s is another job", "perjanjian kerja PPPK untuk %s; %s jabatan lain"), from, arg(1))
	}
	return v.Detail
}

// factText prepares one fact for Text: an enum by its Indonesian label
// when id is set, a float64 with a decimal comma when id is set.
func factText(a any, id bool) any {
	switch x := a.(type) {
	case interface{ Label(string) string }:
		if id {
			return x.Label("id")
		}
		return fmt.Sprint(a)
	case float64:
		return decimal{x, id}
	}
	return a
}

// decimal is a float64 fact that prints under %f with a decimal comma
// when comma is set, as Indonesian writes numbers.
type decimal struct {
	v     float64
	comma bool
}

// Format implements fmt.Formatter.
func (d decimal) Format(s fmt.State, verb rune) {
	t := fmt.Sprintf(fmt.FormatString(s, verb), d.v)
	if d.comma {
		t = strings.Replace(t, ".", ",", 1)
	}
	fmt.Fprint(s, t)
}
