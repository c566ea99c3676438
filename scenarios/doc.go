// Package scenarios reads what-if scenarios of a transfer round (mutasi) of
// a regency's civil servants (ASN): a YAML file, optionally extending
// another and naming CSV rosters, strictly checked and resolved into one
// [Scenario].
//
// [Load] reads a scenario from an [io/fs.FS] and [Parse] from a reader;
// [Marshal] writes one back. [ReadRoster] and [WriteRoster] read and write
// the CSV rosters of units, positions and employees. [Schema] returns the
// JSON Schema of the file format, and [DefaultExample] the embedded
// synthetic Bungo scenario.
//
// # File format
//
// A scenario is one YAML document (a second document is an error) whose keys
// are snake_case. Unknown keys, keys given twice, values of the wrong type,
// dates not written yyyy-mm-dd, duplicate ids and references to unknown
// units, positions or employees are errors. Every error names its file,
// line and column, and Load reports all errors of a scenario at once (the
// message lists the first 20, then "and N more"). Errors found while
// reading the files (syntax, keys, types) are reported before, and instead
// of, the errors found by checking the merged scenario (ids, references,
// values).
//
// Enumerated values use the text forms of package scoring: for example
// [scoring.ParseGrade] reads grade "III/a" and [scoring.ParseUnitKind]
// reads kind "puskesmas". The legal defaults (minimum tenure, retirement
// ages, JPM thresholds) belong to the scoring rules; an omitted value below
// takes that default, so that only deliberate overrides appear in a file.
//
// Top-level keys:
//
//	extends      string    base scenario this file overlays, relative to this file (see Merging)
//	name         string    required; short name shown in plans
//	description  string    free text
//	plan_date    date      required; effective date of the round: tenure,
//	                       retirement and freeze windows are measured at it
//	workforce    mapping   required; units, positions, employees (below)
//	weights      mapping   weights of the fit criteria
//	scoring      mapping   scoring choices
//	rules        mapping   legal parameters and the election calendar
//	constraints  mapping   plan-level constraints of the round
//	changes      list      what-if edits (see Changes)
//
// workforce:
//
//	units          list of units                     inline units
//	units_csv      string                            CSV roster of units, relative to this file
//	positions      list of positions                 inline positions
//	positions_csv  string                            CSV roster of positions
//	employees      list of employees                 inline employees
//	employees_csv  string                            CSV roster of employees
//
// Rows of a roster join the inline list of the same file.
//
// A unit (unit kerja: OPD, UPTD, puskesmas, school, kecamatan office):
//
//	id            string    required, unique among units
//	name          string    required
//	kind          enum      required: setda, setwan, inspektorat, dinas, badan, hospital
//	                        (rsud), kecamatan, kelurahan, puskesmas, pustu, school_sd,
//	                        school_smp, uptd
//	parent        unit id   the OPD above the unit; empty for an OPD
//	kecamatan     string    sub-district of the unit; empty means unknown
//	area          enum      required: urban, rural, remote, very_remote
//	inpatient     bool      puskesmas with inpatient care (rawat inap)
//	class_groups  int       a school's class groups (rombel)
//
// A position (one line of the job map, peta jabatan):
//
//	id                string    required, unique among positions
//	unit              unit id   required
//	name              string    required; nomenclature of the post
//	kind              enum      required: jpt, administrator, pengawas, pelaksana,
//	                            functional (fungsional)
//	jpt_level         enum      pratama, madya, utama; required for jpt
//	functional_grade  enum      ahli_pertama … ahli_utama, pemula … penyelia;
//	                            required for functional
//	echelon           enum      II.a … V.a; selects the grade band (grade-band)
//	job_class         int       kelas jabatan 1–17; 0 unknown
//	profession        enum      doctor, dentist, nurse, midwife, health_promotion,
//	                            sanitarian, nutritionist, pharmacy, lab_technologist, teacher
//	needed            int       required; seats from the workload analysis (ABK), ≥ 0
//	unit_head         bool      head of the unit, including kepala puskesmas and
//	                            kepala sekolah (election-freeze scope)
//	min_education     enum      SD, SMP, SMA, D1, D2, D3, D4, S1, profesi, S2, S3
//	                            (min-education); default by kind
//	fields            list      accepted fields of study (accepted-field); empty: any
//	relevant          list      further suitable fields (education criterion)
//	grade_min, grade_max enum   grade band I/a … IV/e, both or neither (grade-band)
//	standard          mapping   competency → required level 1–5 (competence criterion);
//	                            keys integrity, cooperation, communication,
//	                            results_orientation, public_service, developing_others,
//	                            managing_change, decision_making, perekat_bangsa, or
//	                            technical:NAME; default by kind and grade
//	core_factors      list      core competencies for profile matching
//	required_certs    list      str, teacher_certificate, pkp, pka, pkn, jf_competency
//	                            (certification)
//	criticality       number    weight of an unfilled seat, 0–100; default 1
//	open_selection    bool      JPT post filled by open selection: reported, not planned
//
// An employee (pegawai ASN):
//
//	nip               string    required; the 18-digit NIP, kept as text (quote it in YAML)
//	name              string    required
//	sex               enum      L or P; equity reports only, never a scoring input
//	birth_date        date      required; retirement date (retirement-horizon)
//	status            enum      required: PNS, CPNS, PPPK
//	cpns_since, pns_since date  TMT of appointment
//	grade             enum      I/a … IV/e; required for PNS and CPNS (grade-band)
//	grade_since       date      TMT of the grade
//	education         enum      required: SD … S3 as for min_education (min-education)
//	field             string    field of study, a key of the scoring taxonomy
//	unit              unit id   current unit; filled from position when empty
//	position          pos. id   current post; empty means unplaced
//	position_since    date      TMT of the post; required with position (min-tenure,
//	                            max-tenure)
//	unit_since        date      TMT in the unit; default position_since
//	certifications    list      {kind, until}: held credentials (certification)
//	competence        mapping   assessed levels 1–5, keys as for standard
//	assessed_on       date      date of the assessment; default: never assessed
//	ratings           list      {year, predicate}: SKP predicates sangat_baik, baik,
//	                            butuh_perbaikan, kurang, sangat_kurang
//	                            (performance-minimum)
//	potential         number    assessed potential in (0, 100]
//	discipline        enum      light, moderate, severe (discipline)
//	discipline_penalty enum     kind of a severe penalty: demotion, release, other (rule demotion)
//	discipline_until  date      end of the penalty; default open-ended
//	locks             list      {kind, until, reason}: study_leave, investigation,
//	                            other (personal-lock)
//	exceptions        list      {rule, reason}: waive min-tenure, jpt-protection or
//	                            personal-lock with a reason
//	home_kecamatan    string    kecamatan of the home (preference criterion)
//	wishes            list      unit or position ids, first choice first; an id
//	                            naming both means the unit
//	talent_pool       bool      member of the succession pool
//	relatives         list      NIPs with a family tie (conflict-of-interest)
//	profession        enum      the employee's profession when not the current post's
//	                            (a new PPPK's contracted job; job-family, pppk-job)
//
// Dates after the plan date are rejected for the TMT fields, as is a birth
// date after the plan date.
//
// weights (the fit criteria of package scoring; an omitted weight takes
// its default, 0 switches a criterion off; each between 0 and 100):
//
//	education 0.25, competence 0.35, tenure 0.15, performance 0.15, preference 0.10
//
// scoring:
//
//	competence_method  enum    jpm (default) or profile_matching
//	core_share         number  core-factor share of profile matching, 0–1; default 0.60
//	continuity_bonus   number  fit added for staying in the current post, 0–100; default 0
//	unfilled_penalty   number  cost of an unfilled seat against a fit of 1, 0–100; default 2
//	over_formation_penalty number  cost of a holder kept over a post's need, 0–100; default 0.5
//
// rules (omitted values take the defaults of package scoring):
//
//	tenure_min_years           int      min-tenure; default 2 (PP 11/2017 Pasal 190(3))
//	tenure_max_years           int      max-tenure; default 5 (same article)
//	retirement_horizon_months  int      retirement-horizon; default 12
//	jpt_protect_years          int      jpt-protection; default 2 (PP 11/2017 [VERIFY]; was UU 5/2014 Pasal 116)
//	assessment_validity_years  int      default 3
//	retirement_ages            mapping  BUP in years: administrative 58, senior (JPT,
//	                                    ahli madya) 60, teacher 60, ahli_utama 65
//	                                    (PP 11/2017 Pasal 239–240)
//	jpm_thresholds             mapping  ms 80, mms 68 (percent)
//	acting_head                bool     acting-head (PP 49/2008 Pasal 132A)
//	disabled                   list     rule ids switched off, such as max-tenure
//	election                   mapping  election-freeze (UU 10/2016 Pasal 71(2), 162(3)):
//	  candidate_date           date     candidate-pair decision; window A opens
//	                                    freeze_months before it
//	  term_end                 date     end of the incumbent's term; window A closes
//	  inauguration_date        date     window B runs freeze_months from it
//	  freeze_months            int      default 6
//	  freeze_scope             list     jpt, administrator, pengawas, unit_head
//	                                    (default all four)
//	  minister_approval_all    bool     blanket written approval of Mendagri
//	  minister_approval        list     NIPs whose moves Mendagri approved
//
// constraints:
//
//	unit_floors        list    {unit, profession, min, reason}: no move takes the unit
//	                           below min holders (of posts of the profession if
//	                           given); a unit already below may not lose any
//	                           (unit-floor, domain §9.5 rule 17)
//	unit_caps          list    {unit, profession, max, reason}: at most max (unit-cap)
//	max_moves          int     most moves in the round (max-moves); default no cap
//	max_turnover_pct   number  most of a unit's staff leaving, percent; default no cap
//	no_remote_outflow  bool    no net outflow from remote and very remote units
//	rotation           enum    the 5-year rotation (max-tenure): hard, soft (default), off
//	pinned             list    {employee, position, reason}: fixed in a post (the
//	                           current one when position is empty); reason required
//	excluded           list    {employee, reason}: out of the round, keeping the post
//	conflicts          list    {employees: [a, b], reason}: may not end in one unit or supervisory chain
//	                           (conflict-of-interest, PP 11/2017 Pasal 190(5)); a pair
//	                           already in two units of one chain may stay as it is
//	policies           list    {policy, employees, profession, reason}: explicit departures
//	                           from the lawful default, shown in the plan: alih_fungsi,
//	                           pppk_any_job, restructuring, jpt_by_plan (see [Policy])
//
// # Merging
//
// A file with extends overlays its base, which may itself extend another
// file; a cycle is an error naming the chain. The files merge from the root
// of the chain to the named file, by one rule: scalars replace, mappings
// merge key by key, lists of items with an id (units and positions by id,
// employees by nip) merge by id (an item with a new id is appended, an item
// with a known id merges into it), and other lists replace. Then the
// changes of every file apply in order, the root's first.
//
// # Changes
//
// Each changes entry sets exactly one operation:
//
//	add_positions      list of positions         ids must be new
//	remove_positions   list of position ids      holders become unplaced in the unit
//	set_needed         list of {position, needed} resize a post, change needs
//	add_employees      list of employees         such as a PPPK intake
//	add_employees_csv  string                    a roster of employees to add
//	remove_employees   list of {employee, reason} such as retirements (pensiun)
//	set_weights        weights                   the keys given replace
//	set_rules          rules                     the keys given replace
//	set_constraints    constraints               the keys given replace
//
// # Rosters
//
// A roster CSV has a header of yaml keys and one row per item; see
// [ReadRoster]. Spreadsheet exports load as saved: a UTF-8 byte-order mark,
// ';' separators with decimal commas ("3,5") and CRLF line ends. Multi-valued
// cells separate items with '|': "keperawatan|kebidanan" for lists,
// "integrity=3|technical:pedagogik=4" for mappings, "2023=baik|2024=sangat_baik"
// for ratings, "str=2030-01-01|pka" for certifications, "study_leave=2026-08-31"
// for locks and "min-tenure=kebutuhan organisasi" for exceptions.
//
// # Plans
//
// [Build] turns a loaded scenario into an [Instance]: every employee a row
// (ordered by NIP), every position a column with Needed seats (ordered by
// position ID), and cost = −round(value × [CostScale]) for each allowed
// pair, where value = fit + continuity_bonus (staying in the current post)
// + unfilled_penalty × criticality (the seat it fills) + the rotation term
// of a move (weights.tenure × how due the holder is to rotate); the
// Instance comment gives the whole encoding, rule by rule. The ranges of
// weights, continuity_bonus, unfilled_penalty, over_formation_penalty and
// criticality (each 0–100) keep every value within 5·100 + 100 + 100·100
// + 100 (rotation) + 10 (HardRotationPenalty) = 10 710, or 1.071e10 cost
// units, so the solver's sums over up to 840 000 employees stay below
// 2⁵³, where float64 holds every integer exactly, and the int64 encoding
// cannot wrap; a value outside its range is refused with its file, line
// and field.
//
// # The lawful default
//
// A plan is one a personnel agency (BKPSDM) may sign (domain §12), and
// every departure from it is a named policy with a reason:
//
//   - Nobody loses a post. A holder is seated (in the post or another) or
//     keeps the post over formation (kelebihan pegawai), which only a post
//     holding more people than it needs allows; such a post takes nobody
//     new. Holders over formation are listed for redistribution (posts of
//     their kind still short, and what keeps them out) or retraining (none
//     short). Policy restructuring lets holders lose their post.
//   - Move kinds are rules (package scoring): no demotion without a
//     penalty that imposes it, no change of job family (alih fungsi)
//     without policy alih_fungsi, a PPPK only in the contracted job
//     (pppk-job, or policy pppk_any_job), principals per Permendikdasmen
//     7/2025.
//   - JPT posts go to open selection (seleksi terbuka): the plan lists them
//     with a shortlist and never fills them (policy jpt_by_plan does).
//   - Unit floors are real minimums, warned about by name when they cannot
//     be met; caps never push a holder out of a post.
//
// The plan audits itself: its objective term by term before and after
// ([Breakdown]), every plan-level constraint with its figures and whether
// it binds ([LimitStatus]), and one definition of a move (a holder seated
// in another post; first placements apart). [Instance.Plan] solves it
// with package matching, certifies the optimum with [matching.Certify]
// (a failed certificate is an error, never a warning) and renders a
// [Plan]: moves with their reasons, stays, people without a seat, vacant
// seats, each unit's staffing against its needs by kind of post, vacancy
// chains, training needs, KPIs before and after, warnings and a
// [Manifest] (input hashes, effective weights and rules, solver settings,
// the certificate outcome and the plan's own hash; no timestamps).
// [Instance.Explain] answers "why me?" with exact margins (re-solving with
// the employee forced into each runner-up post) and [Compare] diffs two
// plans.
//
// # Reasons
//
// Every reason a plan or an explanation gives is a [Reason]: a stable
// kebab-case [ReasonCode] (rotation-due, remote-seat, wish, gain,
// surplus-holder, take-seat, …) with its arguments, rendered by
// [Reason.Text] in English ("rotation due (max-tenure): 6.2 years in
// post") or Indonesian ("rotasi jatuh tempo (max-tenure): 6,2 tahun pada
// jabatan"). The package prints nothing; it returns both forms. In JSON a
// plan carries each reason twice, and neither depends on a language: as
// English text in the fields it always had (a move's "reasons", an
// unplaced employee's "reason", an alternative's "text") and as
// {"code", "args"} objects beside them (a move's "why" list, "why" of the
// others), from which a reader renders its own language. The comment of
// each code lists its arguments. Free text from the scenario (a pin's or
// an exclusion's reason), IDs, names and NIPs are arguments and never
// translated.
//
// The infeasibility report is coded the same way: [InfeasibleError.Why]
// (infeasible-capacity, infeasible-floor, infeasible-conflict) and, for a
// conflict, each [ConflictingRule.Why] (limit-unit-floor, limit-unit-cap,
// limit-max-moves, …); [InfeasibleError.Text] renders it in either
// language and Error gives the English. A pair rule's violation
// (scoring.Violation) carries its facts, which scoring.Violation.Text
// renders the same way.
//
// The plan-level constraints (unit floors and caps, max_moves,
// max_turnover_pct, no_remote_outflow, conflicts and relatives) are
// enforced by the solver: floors, caps and the remote balance as column
// groups, the others as side constraints added lazily, as the plan breaks
// them. A unit floor is read as "no move takes a unit below its floor, and
// a unit already below it loses nobody"; Build rejects with an
// [InfeasibleError] a floor that no plan could meet, and Plan names the
// constraints that cannot hold together. With side constraints, branch
// and bound stops at Options.MaxNodes nodes; a plan it did not prove
// optimal carries a [Warning] unwrapping to [ErrNotProven] with its bound
// and gap, and [Instance.Explain] then marks its margins as not proven.
//
// # Example
//
// A complete scenario, with its roster inline:
//
//	name: pelepat-nurses
//	description: Move one urban nurse to Puskesmas Pelepat.
//	plan_date: 2025-12-01
//	workforce:
//	  units:
//	    - {id: DINKES, name: Dinas Kesehatan, kind: dinas, kecamatan: Pasar Muara Bungo, area: urban}
//	    - {id: PKM-MB, name: Puskesmas Muara Bungo, kind: puskesmas, parent: DINKES,
//	       kecamatan: Pasar Muara Bungo, area: urban, inpatient: true}
//	    - {id: PKM-PELEPAT, name: Puskesmas Pelepat, kind: puskesmas, parent: DINKES,
//	       kecamatan: Pelepat, area: remote}
//	  positions:
//	    - {id: PKM-MB-PERAWAT, unit: PKM-MB, name: Perawat Terampil, kind: functional,
//	       functional_grade: terampil, profession: nurse, needed: 1, fields: [keperawatan],
//	       required_certs: [str]}
//	    - {id: PKM-PELEPAT-PERAWAT, unit: PKM-PELEPAT, name: Perawat Terampil, kind: functional,
//	       functional_grade: terampil, profession: nurse, needed: 2, fields: [keperawatan],
//	       required_certs: [str], criticality: 1.5}
//	  employees:
//	    - nip: "199001012015032001"
//	      name: Siti Aminah
//	      birth_date: 1990-01-01
//	      status: PNS
//	      grade: III/a
//	      education: D3
//	      field: keperawatan
//	      position: PKM-MB-PERAWAT
//	      position_since: 2019-03-01
//	      certifications: [{kind: str}]
//	      ratings: [{year: 2023, predicate: baik}, {year: 2024, predicate: sangat_baik}]
//	    - {nip: "199203152016031002", name: Budi Saputra, birth_date: 1992-03-15, status: PNS,
//	       grade: II/d, education: D3, field: keperawatan, position: PKM-MB-PERAWAT,
//	       position_since: 2021-07-01, certifications: [{kind: str}], wishes: [PKM-MB]}
//	weights: {education: 0.25, competence: 0.35, tenure: 0.15, performance: 0.15, preference: 0.10}
//	scoring: {continuity_bonus: 0.05}
//	rules:
//	  tenure_min_years: 2
//	  election: {candidate_date: 2024-09-22, inauguration_date: 2025-05-26, freeze_months: 6}
//	constraints:
//	  max_moves: 1
//	  unit_floors: [{unit: PKM-PELEPAT, profession: nurse, min: 1, reason: Permenkes 19/2024}]
//	changes:
//	  - set_needed: [{position: PKM-PELEPAT-PERAWAT, needed: 3}]
package scenarios
