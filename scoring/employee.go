package scoring

import "time"

// EmployeeID identifies an employee by the 18-digit NIP (nomor induk
// pegawai) held as text; it is never parsed as a number, so leading zeros
// survive.
type EmployeeID string

// Employee is a civil servant (ASN: PNS, CPNS or PPPK) who may be placed.
// Dates are calendar dates: only their year, month and day (in their own
// location) are used. A zero time.Time means "not given" where the field's
// comment allows it.
type Employee struct {
	// ID is the NIP; it must be non-empty.
	ID EmployeeID
	// Name is the display name.
	Name string
	// Sex is recorded for equity reports only; it is never a scoring input.
	Sex Sex
	// BirthDate gives the age for the retirement age (BUP) and the JPT age
	// limit only; age is never a scoring input otherwise. Required; it must
	// not be after the plan date.
	BirthDate time.Time
	// Status is PNS, CPNS or PPPK; the zero value is rejected.
	Status EmploymentStatus
	// CPNSSince and PNSSince are the TMT of appointment as CPNS and as PNS;
	// zero means unknown.
	CPNSSince, PNSSince time.Time
	// Grade is the golongan/ruang; required for PNS and CPNS, optional
	// (zero) for PPPK.
	Grade Grade
	// GradeSince is the TMT of the current grade; zero means unknown.
	GradeSince time.Time
	// Education is the highest education; Education.Level is required.
	Education Education
	// Certifications lists professional certificates and completed
	// leadership training.
	Certifications []Certification
	// Profession is the employee's regulated profession (job family) when
	// it is not the current post's: the contracted job of a new PPPK
	// appointee, or the profession of a head of puskesmas. Zero means the
	// current post's profession (none for an unplaced employee: the
	// job-family rule then does not apply).
	Profession Profession
	// Position is the current post; empty means unplaced (new appointee,
	// returning from leave).
	Position PositionID
	// PositionSince is the TMT of the current post; required when Position
	// is set, and not before BirthDate.
	PositionSince time.Time
	// Unit is the current unit; empty means unplaced.
	Unit UnitID
	// UnitSince is the TMT in the current unit; zero means PositionSince.
	UnitSince time.Time
	// History lists earlier posts, for experience rules (3 years as
	// pengawas before administrator, and so on). The current post is not
	// repeated here.
	History []Stint
	// Ratings are the yearly SKP predicates; at most one per year.
	Ratings []Rating
	// Potential is the assessed potential score in (0, 100]; zero means not
	// assessed (the performance criterion then uses Rules.NeutralPerformance
	// when no talent box can be formed).
	Potential float64
	// Competence holds the assessed competency levels (1–5; 0 = not
	// assessed).
	Competence Profile
	// AssessedOn is the date of the competence assessment; zero means never
	// assessed. An assessment older than Rules.AssessmentValidityYears, or
	// none, gives the neutral competence value Rules.NeutralCompetence.
	AssessedOn time.Time
	// HomeKecamatan is the kecamatan of the employee's home; empty means
	// unknown (the home part of the preference criterion is then neutral).
	HomeKecamatan string
	// Wishes are ranked transfer wishes, first choice first (PP 11/2017
	// Pasal 190(6)).
	Wishes []Wish
	// Discipline is the latest disciplinary penalty; the zero value means
	// none.
	Discipline Discipline
	// Locks block moves while active (study leave, investigation).
	Locks []Lock
	// Exceptions waive employee-level move rules with a recorded reason
	// (PPK discretion, "kebutuhan organisasi").
	Exceptions []Exception
	// InTalentPool reports membership of the succession pool.
	InTalentPool bool
	// Relatives lists employees with a family tie, for the scenario's
	// conflict-of-interest rule.
	Relatives []EmployeeID
}

// Stint is one earlier post in an employee's history, from From up to (not
// including) To.
type Stint struct {
	Position        PositionID
	Unit            UnitID
	Kind            PositionKind    // required
	FunctionalGrade FunctionalGrade // for Kind functional
	From, To        time.Time       // both required, From ≤ To
}

// Certification is a professional certificate or completed training held by
// an employee.
type Certification struct {
	Kind CertKind
	// Until is the expiry date (exclusive); zero means no expiry. An STR
	// is valid for life (UU 17/2023 Pasal 260(4); PP 28/2024 Pasal 677(3)),
	// so its Until stays zero, except for one issued for education,
	// internship or adaptation (PP 28/2024 Pasal 677(4)). What expires is
	// the SIP, the licence to practise at one place, which is not modelled.
	Until time.Time
}

// CertKind is a kind of certification. Text forms: str (surat tanda
// registrasi of health workers, valid for life), teacher_certificate
// (sertifikat pendidik), pkp, pka, pkn (leadership training for pengawas,
// administrator, national leadership), jf_competency (functional competency
// certificate).
type CertKind uint8

// Certification kinds.
const (
	CertSTR                  CertKind = iota + 1 // STR, health-worker registration, for life (UU 17/2023 Pasal 260(4))
	CertTeacher                                  // sertifikat pendidik (UU 14/2005)
	CertPKP                                      // Pelatihan Kepemimpinan Pengawas
	CertPKA                                      // Pelatihan Kepemimpinan Administrator
	CertPKN                                      // Pelatihan Kepemimpinan Nasional
	CertFunctionalCompetency                     // uji kompetensi JF
	CertPrincipalTraining                        // pelatihan calon kepala sekolah (Permendikdasmen 7/2025)
)

var certNames = []string{"", "str", "teacher_certificate", "pkp", "pka", "pkn", "jf_competency", "principal_training"}

// String returns the text form, such as "str".
func (c CertKind) String() string { return enumName(certNames, int(c), "CertKind") }

var certNamesID = []string{"", "STR", "sertifikat pendidik", "PKP", "PKA", "PKN", "uji kompetensi JF", "pelatihan calon kepala sekolah"}

// Label returns the certification for people: the text form (lang "en"
// and other languages) or the Indonesian name ("id"), such as "sertifikat
// pendidik".
func (c CertKind) Label(lang string) string {
	return enumLabel(certNames, certNamesID, int(c), "CertKind", lang)
}

// ParseCertKind parses a text form (see [CertKind]); other text gives an
// *EnumError.
func ParseCertKind(s string) (CertKind, error) {
	return parseEnum[CertKind]("certification", certNames, s, nil)
}

// Rating is one year's SKP performance predicate (PermenPANRB 6/2022).
type Rating struct {
	Year      int
	Predicate Predicate
}

// Predicate is an SKP performance predicate. Text forms: sangat_baik, baik,
// butuh_perbaikan, kurang, sangat_kurang. The zero value is rejected.
type Predicate uint8

// Predicates, best first.
const (
	PredicateSangatBaik     Predicate = iota + 1 // very good: above expectations
	PredicateBaik                                // good: as expected
	PredicateButuhPerbaikan                      // needs improvement: below expectations
	PredicateKurang                              // poor: below expectations
	PredicateSangatKurang                        // very poor: below expectations
)

var predicateNames = []string{"", "sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"}

// String returns the text form, such as "sangat_baik".
func (p Predicate) String() string { return enumName(predicateNames, int(p), "Predicate") }

var predicateNamesID = []string{"", "sangat baik", "baik", "butuh perbaikan", "kurang", "sangat kurang"}

// Label returns the predicate for people: the text form (lang "en" and
// other languages) or as PermenPANRB 6/2022 writes it ("id"), such as
// "sangat baik".
func (p Predicate) Label(lang string) string {
	return enumLabel(predicateNames, predicateNamesID, int(p), "Predicate", lang)
}

// ParsePredicate parses a text form (see [Predicate]); it also accepts
// spaces instead of underscores. Other text gives an *EnumError.
func ParsePredicate(s string) (Predicate, error) {
	return parseEnum[Predicate]("SKP predicate", predicateNames, s, map[string]Predicate{
		"sangat baik": PredicateSangatBaik, "butuh perbaikan": PredicateButuhPerbaikan,
		"sangat kurang": PredicateSangatKurang})
}

// Discipline is a disciplinary penalty (hukuman disiplin, PP 94/2021).
type Discipline struct {
	// Level is the penalty's level; zero means none.
	Level DisciplineLevel
	// Penalty is the kind of a severe penalty, when recorded: it decides
	// which lower post the penalty imposes (rule demotion). Zero means not
	// recorded: a penalty of at least Rules.DemotionPenalty then allows any
	// lower post.
	Penalty PenaltyKind
	// Until is the end of the penalty (exclusive); zero means it does not
	// lapse by date.
	Until time.Time
}

// DisciplineLevel is the level of a disciplinary penalty. Text forms: none,
// light, moderate, severe. The zero value is DisciplineNone.
type DisciplineLevel uint8

// Discipline levels, least severe first.
const (
	DisciplineNone     DisciplineLevel = iota // no penalty
	DisciplineLight                           // ringan
	DisciplineModerate                        // sedang
	DisciplineSevere                          // berat
)

var disciplineNames = []string{"none", "light", "moderate", "severe"}

// String returns the text form, such as "moderate".
func (d DisciplineLevel) String() string { return enumName(disciplineNames, int(d), "DisciplineLevel") }

var disciplineNamesID = []string{"tidak ada", "ringan", "sedang", "berat"}

// Label returns the level for people: the text form (lang "en" and other
// languages) or the Indonesian name of PP 94/2021 ("id"), such as "sedang".
func (d DisciplineLevel) Label(lang string) string {
	return enumLabel(disciplineNames, disciplineNamesID, int(d), "DisciplineLevel", lang)
}

// ParseDisciplineLevel parses a text form (see [DisciplineLevel]), also
// ringan, sedang, berat; other text gives an *EnumError.
func ParseDisciplineLevel(s string) (DisciplineLevel, error) {
	return parseEnum[DisciplineLevel]("discipline level", disciplineNames, s, map[string]DisciplineLevel{
		"ringan": DisciplineLight, "sedang": DisciplineModerate, "berat": DisciplineSevere})
}

// Lock blocks moves of an employee while active (rule personal-lock).
type Lock struct {
	Kind LockKind
	// Until is the end of the lock (exclusive); zero means until lifted.
	Until time.Time
	// Reason is free text for the audit trail.
	Reason string
}

// LockKind is the kind of a lock. Text forms: study_leave (tugas belajar),
// investigation (under examination), other.
type LockKind uint8

// Lock kinds.
const (
	LockStudyLeave LockKind = iota + 1
	LockInvestigation
	LockOther
)

var lockNames = []string{"", "study_leave", "investigation", "other"}

// String returns the text form, such as "study_leave".
func (k LockKind) String() string { return enumName(lockNames, int(k), "LockKind") }

var lockNamesID = []string{"", "tugas belajar", "pemeriksaan", "lainnya"}

// Label returns the lock kind for people: the text form (lang "en" and
// other languages) or the Indonesian name ("id"), such as "tugas belajar".
func (k LockKind) Label(lang string) string {
	return enumLabel(lockNames, lockNamesID, int(k), "LockKind", lang)
}

// ParseLockKind parses a text form (see [LockKind]); other text gives an
// *EnumError.
func ParseLockKind(s string) (LockKind, error) {
	return parseEnum[LockKind]("lock kind", lockNames, s, nil)
}

// Wish is one ranked transfer wish: a unit or a specific position. Exactly
// one of Unit and Position is set.
type Wish struct {
	Unit     UnitID
	Position PositionID
}

// Exception waives one employee-level move rule for this employee, with the
// reason recorded for the audit trail. Only RuleMinTenure,
// RuleJPTProtection and RulePersonalLock may be waived; Reason must be
// non-empty.
type Exception struct {
	Rule   RuleID
	Reason string
}

// PenaltyKind is the kind of a severe disciplinary penalty (PP 94/2021
// Pasal 8(4)). Text forms: demotion (penurunan jabatan setingkat lebih
// rendah selama 12 bulan, (a)), release (pembebasan dari jabatan menjadi
// jabatan pelaksana selama 12 bulan, (b)), other. The zero value means not
// recorded.
type PenaltyKind uint8

// Penalty kinds.
const (
	PenaltyDemotion PenaltyKind = iota + 1 // one level lower for 12 months
	PenaltyRelease                         // released to a pelaksana post for 12 months
	PenaltyOther                           // any other penalty: imposes no lower post
)

var penaltyNames = []string{"", "demotion", "release", "other"}

// String returns the text form, such as "release".
func (k PenaltyKind) String() string { return enumName(penaltyNames, int(k), "PenaltyKind") }

var penaltyNamesID = []string{"", "penurunan jabatan", "pembebasan dari jabatan", "lainnya"}

// Label returns the kind for people: the text form (lang "en" and other
// languages) or the Indonesian name of PP 94/2021 ("id").
func (k PenaltyKind) Label(lang string) string {
	return enumLabel(penaltyNames, penaltyNamesID, int(k), "PenaltyKind", lang)
}

// ParsePenaltyKind parses a text form (see [PenaltyKind]); other text gives
// an *EnumError.
func ParsePenaltyKind(s string) (PenaltyKind, error) {
	return parseEnum[PenaltyKind]("penalty kind", penaltyNames, s, nil)
}
