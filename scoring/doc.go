// Package scoring models the people, posts and units of a regency's civil
// service and rates how well each person fits each post, with hard
// eligibility rules that name the regulation they come from.
//
// The domain model is [Employee] (a civil servant, identified by the NIP),
// [Position] (one line of a unit's job map, with Needed seats) and [Unit]
// (an OPD, UPTD, school or puskesmas). A [Scorer] holds the plan date, the
// [Weights], the [Rules] (every legal number, overridable) and the tables
// (units, positions, field taxonomy, kecamatan neighbours). It offers
//
//   - [Scorer.Fit]: the total fit of one pair, NaN when ineligible;
//   - [Scorer.Explain]: the breakdown by criterion plus every broken rule;
//   - [Scorer.Check]: every broken rule;
//   - [Scorer.Compile] and [Table.FitRow]: the hot path, one employee
//     against every position on flat precomputed data, with no allocation.
//
// # Criteria
//
// Each criterion is a value in [0, 1] before weighting; the fit is
// Total = Σ weight·value, added in criterion order, so Explain's
// contributions sum to Total exactly. Higher is better (the scenarios
// package turns fit into cost).
//
//   - education: LevelShare·meets + (1 − LevelShare)·field, where meets is 1
//     when the level's [EducationLevel.Rank] reaches the post's minimum (0
//     otherwise, and then the whole criterion is 0), and field is 1 for an
//     exact field (or a post with no field list), RelatedField for the same
//     rumpun, UnrelatedField otherwise. Over-qualification: a level above
//     the minimum earns no extra credit and no penalty: the criterion
//     saturates at the minimum. This is the documented effect, chosen so
//     that a higher level never lowers the criterion (monotonicity); the
//     domain brief's suggested "small penalty for large over-qualification"
//     is deliberately not applied because it would break that guarantee.
//     The surplus is visible in Component.Measure (rank steps above the
//     minimum), and profile matching mildly penalises surplus competence.
//   - competence: MethodJPM (default) scores the job–person match
//     (Σ min(actual, required) / Σ required), combining technical and
//     managerial parts by Rules.TechnicalShare; a KMS result (below
//     Rules.JPM.MMS percent) is multiplied by Rules.KMSFactor.
//     MethodProfileMatching scores the gap-weight method instead. Without a
//     valid assessment (none, or older than Rules.AssessmentValidityYears)
//     the value is Rules.NeutralCompetence.
//   - tenure: readiness to move. For a move: 0 below Rules.MinTenureYears
//     in post, Rules.TenureFlat up to Rules.RotationYears, then rising
//     linearly to 1 over Rules.UrgencyYears. Years in the unit replace
//     years in post for the rise when the target is in another unit. For
//     the current post (staying) the value is 1 minus that. Unplaced
//     employees score 1. More years never lower the value of a move.
//   - performance: the nine-box talent box from the latest SKP predicate
//     and the potential score (Rules.Grid), valued by Rules.BoxValue, or
//     Rules.HeadBoxValue for unit-head, JPT and administrator posts.
//   - preference: WishShare·wish + HomeShare·home + AreaShare·area: the
//     rank of a wish naming the post or its unit, the distance from the
//     home kecamatan (same, neighbouring, far), and the area class.
//
// Protected attributes (sex, religion, origin, marital status…) are never
// inputs; age enters only through the retirement age and the JPT age limit.
//
// # Hard rules
//
// Pair rules are checked per (employee, target position); none applies to
// the employee's current position, since staying is neither an appointment
// nor a move. Employee-level move rules (min-tenure, jpt-protection,
// personal-lock) and the move-kind rules (demotion, job-family, pppk-job)
// may be waived by an [Exception] with a reason ([Waivable]).
//
//	id                     regulation                                         check
//	min-education          PP 11/2017 Pasal 54; PP 17/2020                    level rank ≥ post minimum (D4 = S1)
//	accepted-field         profession rules                                   field in Position.Fields when set
//	certification          UU 17/2023 (STR); UU 14/2005                       every required certificate valid at the plan date
//	grade-band             PP 100/2000 Pasal 5 jo PP 13/2002; PermenPANRB 1/2023  min − slack ≤ grade ≤ max
//	retirement-horizon     PP 11/2017 Pasal 239–240; UU 14/2005 Pasal 40(4)  plan date + MinRemainingMonths ≤ retirement date
//	min-tenure             PP 11/2017 Pasal 190(3)                            PositionSince + 2 years ≤ plan date
//	managerial-experience  PP 11/2017 Pasal 54, PP 17/2020                    years at the required rank
//	discipline             PP 94/2021                                         no active moderate/severe penalty for a managerial post or promotion
//	jpt-protection         UU 5/2014 Pasal 116(1) [VERIFY]                    a JPT holder stays 2 years
//	personal-lock          agency decision                                    no active study-leave or investigation lock
//	performance-minimum    PP 11/2017 Pasal 54                                SKP ≥ Baik in the last 2 years for a managerial post
//	jpt-age                PP 17/2020                                         age ≤ 56 for a JPT appointment
//	demotion               PP 94/2021 Pasal 8(4)                              no lower rank (or loss of a unit-head duty) without a severe penalty or own request
//	job-family             alih fungsi procedure; SKB 5 Menteri 2011          a teacher or health professional stays in the profession unless alih fungsi is allowed
//	pppk-job               SE BKN 1/SE/I/2021 [VERIFY]                        a PPPK moves only within the job of the contract
//
// Scenario rules share the [RuleID] type: capacity, max-tenure,
// election-freeze, acting-head, conflict-of-interest, jurisdiction,
// ten-year-lock, unit-floor, unit-cap, max-moves. [RuleInfos] lists all of
// them with English and Indonesian reasons.
//
// # Dates
//
// All rules are evaluated at Scorer.AsOf, the plan date; the package never
// reads the clock. "n years since" means [AddMonths](since, 12n) ≤ AsOf,
// where AddMonths clamps to the month's end (29 Feb 2024 + 2 years = 28 Feb
// 2026). The retirement date is the first of the month after the BUP
// birthday ([RetirementDate]).
//
// # Text forms
//
// Enums print and parse as the official abbreviations or snake_case words
// used in YAML and CSV: EducationLevel SD SMP SMA D1 D2 D3 D4 S1 profesi S2
// S3; Grade I/a … IV/e; PositionKind jpt administrator pengawas pelaksana
// functional; JPTLevel pratama madya utama; FunctionalGrade ahli_pertama
// ahli_muda ahli_madya ahli_utama pemula terampil mahir penyelia; Echelon
// II.a … V.a; EmploymentStatus PNS CPNS PPPK; Sex L P; UnitKind setda setwan
// inspektorat dinas badan hospital kecamatan kelurahan puskesmas pustu
// school_sd school_smp uptd; AreaClass urban rural remote very_remote;
// Profession doctor dentist nurse midwife health_promotion sanitarian
// nutritionist pharmacy lab_technologist teacher; CertKind str
// teacher_certificate pkp pka pkn jf_competency; Predicate sangat_baik baik
// butuh_perbaikan kurang sangat_kurang; DisciplineLevel none light moderate
// severe; LockKind study_leave investigation other; Competency integrity
// cooperation communication results_orientation public_service
// developing_others managing_change decision_making perekat_bangsa;
// CompetenceMethod jpm profile_matching; JPMCategory MS MMS KMS; Criterion
// education competence tenure performance preference.
//
// # Glossary
//
//	ASN          state civil workforce: PNS plus PPPK                   Employee
//	PNS / CPNS   civil servant / probationary candidate                 StatusPNS, StatusCPNS
//	PPPK         government employee on a work contract                 StatusPPPK
//	NIP          18-digit staff number, kept as text                    EmployeeID
//	mutasi       change of duties and/or location                       (scenarios.Move)
//	jabatan      position, one line of the job map (peta jabatan)       Position
//	kebutuhan    needed headcount from workload analysis (ABK)          Position.Needed
//	unit kerja   work unit; OPD = regional agency; UPTD                 Unit
//	JPT          senior leadership post (pratama in a regency)          KindJPT, JPTLevel
//	administrator, pengawas, pelaksana  middle, first-line, staff       KindAdministrator, KindPengawas, KindPelaksana
//	JF, jenjang  functional post and its grade                          KindFunctional, FunctionalGrade
//	eselon       legacy echelon, used for rank bands                    Echelon
//	golongan/ruang, pangkat  grade and its title                        Grade, Grade.Title
//	TMT          effective start date                                   PositionSince, UnitSince, GradeSince
//	BUP          retirement age                                         Rules.RetirementAges, RetirementDate
//	pendidikan, jurusan, rumpun  education level, field, family         EducationLevel, Field, Family, Taxonomy
//	kompetensi   managerial, socio-cultural, technical competence       Competency, Profile
//	standar kompetensi jabatan  required levels of a post               Position.Standard
//	JPM          job–person match; MS / MMS / KMS bands                 JPM, JPMCategory
//	SKP          yearly performance rating with a predicate             Rating, Predicate
//	potensial, kotak talenta  potential, nine-box talent box            Employee.Potential, Rules.Grid
//	hukuman disiplin  disciplinary penalty                              Discipline
//	tugas belajar  study leave (a lock)                                 Lock, LockStudyLeave
//	kecamatan    sub-district                                           Unit.Kecamatan, Employee.HomeKecamatan
//	daerah terpencil  remote area                                       AreaClass
//	STR, sertifikat pendidik  health registration, teacher certificate  CertSTR, CertTeacher
//	PKP/PKA/PKN  leadership training for pengawas/administrator/JPT     CertPKP, CertPKA, CertPKN
package scoring
