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
//     rumpun, UnrelatedField otherwise. Over-qualification is mildly
//     penalised (domain §12.5): the level part is 1 at the minimum and up
//     to Rules.OverQualFreeSteps ranks above it, then falls by
//     Rules.OverQualStep per rank, to Rules.OverQualFloor, so a large
//     surplus (S2 for a post asking SMA) is not a perfect fit. Up to the
//     free ranks a higher level never lowers the criterion; the surplus is
//     visible in Component.Measure (rank steps above the minimum).
//   - competence: MethodJPM (default) scores the job–person match
//     (Σ min(actual, required) / Σ required), combining technical and
//     managerial parts by Rules.TechnicalShare, times 1 − Rules.SurplusPenalty ×
//     min(1, Σ surplus levels / Σ required) (a mild penalty for surplus
//     competence); a KMS result (below Rules.JPM.MMS percent) is multiplied
//     by Rules.KMSFactor. MethodProfileMatching scores the gap-weight
//     method instead. Without a valid assessment (none, or older than
//     Rules.AssessmentValidityYears) the value is Rules.NeutralCompetence.
//   - tenure: readiness to move. For a move: 0 below Rules.MinTenureYears
//     in post, Rules.TenureFlat after it; for the current post (staying)
//     1 minus that; unplaced employees score 1. It does not rise past the
//     rotation point: being due to rotate is a reason to move, not
//     suitability for a post (domain §12.6). [Table.RotationDue] gives how
//     due a holder is (0 up to Rules.RotationYears, then rising to 1 over
//     Rules.UrgencyYears), and the scenarios package values a due holder's
//     move with it as its own objective term, weighted by Weights.Tenure.
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
//	certification          UU 17/2023 Pasal 260(4); PP 28/2024; UU 14/2005    every required certificate valid at the plan date
//	grade-band             PP 100/2000 Pasal 5 jo PP 13/2002; PermenPANRB 1/2023  min − slack ≤ grade ≤ max
//	retirement-horizon     PP 11/2017 Pasal 239–240; UU 14/2005 Pasal 40(4)  plan date + MinRemainingMonths ≤ retirement date
//	min-tenure             PP 11/2017 Pasal 190(3)                            PositionSince + 2 years ≤ plan date
//	managerial-experience  PP 11/2017 Pasal 54, PP 17/2020                    years at the required rank
//	discipline             PP 94/2021 Pasal 8                                 no active moderate/severe penalty for a managerial post or promotion
//	jpt-protection         PP 11/2017 [VERIFY article]; SE MenPAN-RB 19/2023  a JPT holder stays 2 years
//	personal-lock          agency decision                                    no active study-leave or investigation lock
//	performance-minimum    PP 11/2017 Pasal 54                                SKP ≥ Baik in the last 2 years for a managerial post
//	jpt-age                PP 17/2020                                         age ≤ 56 for a JPT appointment
//	demotion               PP 94/2021 Pasal 8(4)                              no lower rank (or loss of a unit-head duty) without a severe penalty or own request
//	job-family             alih fungsi procedure; SKB 5 Menteri 2011          a teacher or health professional stays in the profession unless alih fungsi is allowed
//	pppk-job               SE BKN 1/SE/I/2021 [VERIFY]                        a PPPK moves only within the job of the contract
//	principal              Permendikdasmen 7/2025 Pasal 7                     S1, teacher's certificate, PNS ≥ III/c, SKP Baik 2 years, no penalty, age ≤ 56
//
// Scenario rules share the [RuleID] type: capacity, max-tenure,
// election-freeze, acting-head, conflict-of-interest, jurisdiction,
// ten-year-lock, unit-floor, unit-cap, max-moves. [RuleInfos] lists all of
// them with English and Indonesian reasons.
//
// The regulations behind the scenario rules:
//
//	id                     regulation
//	max-tenure             PP 11/2017 Pasal 190(3); Peraturan BKN 5/2019 Pasal 2(3)
//	election-freeze        UU 10/2016 Pasal 71(2), 162(3); SE Mendagri 100.2.1.3/1575/SJ
//	acting-head            Permendagri 4/2023 Pasal 15; PP 49/2008 Pasal 132A; UU 10/2016 Pasal 71(4)
//	conflict-of-interest   PP 11/2017 Pasal 190(5)
//	jurisdiction           PP 11/2017 Pasal 192–193
//	ten-year-lock          PermenPANRB 6/2024 Pasal 59
//	unit-floor             Permenkes 19/2024 (replaced Permenkes 43/2019); SKB 5 Menteri 2011
//
// # Law in force (checked 2026-12)
//
// Every citation above was checked in December 2026 against secondary
// sources (news summaries, official summaries, public article texts; the
// README lists them with addresses); [VERIFY] marks what still needs the
// official text.
//
//   - ASN law. UU 20/2023 (77 Pasal, in force 31 October 2023) replaced
//     UU 5/2014. Talent mobility is UU 20/2023 Pasal 46: by qualification,
//     competence, performance and need, within one agency, between agencies
//     or outside, through talent management on the merit system. It has no
//     article found that carries the 2-year JPT protection of UU 5/2014
//     Pasal 116(1); the rule is applied from PP 11/2017 (still in force as
//     the implementing regulation) [VERIFY article], and SE MenPAN-RB
//     19/2023 lets the PPK rotate a JPT official earlier on performance
//     grounds. A revision of UU 20/2023 was proposed in DPR Komisi II in
//     November 2025 [VERIFY status].
//   - Discipline. PP 94/2021 Pasal 8: light penalties are reprimands;
//     moderate ones cut the performance allowance by 25 % for 6, 9 or 12
//     months; severe ones (Pasal 8(4)) are (a) penurunan jabatan setingkat
//     lebih rendah selama 12 bulan, (b) pembebasan dari jabatannya menjadi
//     jabatan pelaksana selama 12 bulan, (c) pemberhentian dengan hormat
//     tidak atas permintaan sendiri sebagai PNS. Lowering a post one level
//     and release to a pelaksana post are therefore penalty kinds, each for
//     12 months; a plan may lower a post only to carry out (a) or (b). A
//     demotion of rank (pangkat) is no longer a penalty kind under PP
//     94/2021.
//   - Health certificates. The STR is valid for life: UU 17/2023 Pasal
//     260(4) and PP 28/2024 Pasal 677(3), except during education,
//     internship or adaptation (Pasal 677(4)); UU 17/2023 Pasal 261 lists
//     when it lapses (death, deactivation or revocation). What expires is
//     the SIP, the licence to practise at one place (at most three places;
//     Permenkes 13/2025 Pasal 149), renewed every 5 years [VERIFY article]:
//     a move to another facility needs a new SIP, which is procedure, not
//     eligibility.
//   - Principals. Permendikdasmen 7/2025 (set 8 May 2025, replacing
//     Permendikbudristek 40/2021) Pasal 7(1): S-1 or D-IV from an
//     accredited programme; sertifikat pendidik; a PNS at least penata
//     III/c; a PPPK at least Guru Ahli Pertama with 8 years as a teacher;
//     performance at least "Baik" for the last 2 years; 2 years of
//     managerial experience in education; never given a moderate or severe
//     penalty; not a suspect, defendant or convict; at most 56 at
//     assignment; an integrity pact. Pasal 7(2): III/b, or a PPPK with 4
//     years, only when mapping data show no candidate of Pasal 7(1)(c)–(d).
//     Candidates pass the principal-candidate training (without its
//     certificate, one term only) and are assigned by the PPK on the advice
//     of a tim pertimbangan of 5 to 9 people (Pasal 16–22 [VERIFY
//     article]); terms are 4 years, at most 2 in a row at one school, with
//     a rotation to another school after at least 2 years (Pasal 23–27
//     [VERIFY article]).
//   - Acting heads. Permendagri 4/2023 Pasal 15(2)(a) bars a Pj head from
//     transferring ASN and Pasal 15(3) allows it with written approval of
//     the Minister of Home Affairs. PP 49/2008 Pasal 132A (Pj and Plt) is
//     still cited by the ministry though its parent law was replaced
//     [VERIFY status]. UU 10/2016 Pasal 71(4) extends the election freeze
//     to a Pj.
//   - Election freezes. UU 10/2016 Pasal 71(2) (6 months before the
//     candidate date to the end of the term) and Pasal 162(3) (6 months
//     after the inauguration) stand; SE Mendagri 100.2.1.3/1575/SJ (2024)
//     applies them to JPT, administrator and pengawas posts and to heads
//     of puskesmas and schools.
//   - Time in post. PP 11/2017 Pasal 190(3) and Peraturan BKN 5/2019
//     Pasal 2(3) keep 2 to 5 years. The head of BKN announced on 1 July
//     2025 that a transfer may be asked for after 6 months instead of 2
//     years; no rule carrying it was found [VERIFY], so the default stays 2.
//   - PPPK. KepmenPAN-RB 16/2025 (November 2025, as reported) allows a
//     PPPK to move within one agency with a recommendation of the Minister
//     [VERIFY text, and whether the job must stay the same]; moving to
//     another agency is still not a PPPK right. The default is: within the
//     regency, in the same job.
//   - Puskesmas. Permenkes 19/2024 replaced Permenkes 43/2019 (and 44/2016)
//     and adds epidemiologists, clinical psychologists, physiotherapists
//     and dental therapists to the staff requirements; its staffing table
//     was not found [VERIFY], so floors stay scenario data.
//   - Teachers. The 2011 joint regulation of five ministers (SKB 5
//     Menteri, No. 05/X/PB/2011 and others) on placing and evening out PNS
//     teachers; its technical guide allows alih fungsi of surplus teachers
//     after training [VERIFY that it still stands].
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
// teacher_certificate pkp pka pkn jf_competency principal_training; Predicate sangat_baik baik
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
