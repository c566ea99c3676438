package scenarios

import (
	"slices"
	"time"

	"github.com/mutasi-asn/mutasi/scoring"
)

// The id types of the scenario are scoring's, so that ids flow into scoring
// without conversion.
type (
	unitID     = scoring.UnitID
	positionID = scoring.PositionID
	employeeID = scoring.EmployeeID
)

// Scenario is one resolved scenario: the workforce of a regency on a plan
// date, the weights and rules that score it, and the constraints of one
// transfer round. [Load] returns it with extends merged, CSV rosters read
// and changes applied, so that Extends, the *_csv fields and Changes are
// empty.
//
// Enumerated values (education level, grade, position kind, status, area
// class, …) are kept in their text forms as written; [Load] checks them.
// Pointer fields are optional: nil means the documented default, which the
// scoring rules supply.
type Scenario struct {
	// Extends names the base scenario this file overlays, relative to
	// this file. Empty in a resolved scenario.
	Extends string `yaml:"extends,omitempty"`
	// Name is a short name for the scenario, shown in plans.
	Name string `yaml:"name"`
	// Description is free text.
	Description string `yaml:"description,omitempty"`
	// PlanDate is the effective date of the round (tanggal efektif): the
	// date tenure, retirement and freeze windows are measured at.
	PlanDate time.Time `yaml:"plan_date"`
	// Workforce holds the units, positions and employees.
	Workforce Workforce `yaml:"workforce"`
	// Weights weighs the fit criteria. Nil fields take the defaults.
	Weights Weights `yaml:"weights,omitempty"`
	// Scoring holds the scoring choices.
	Scoring ScoringOptions `yaml:"scoring,omitempty"`
	// Rules holds the legal parameters and the election calendar.
	Rules Rules `yaml:"rules,omitempty"`
	// Constraints holds the plan-level constraints of the round.
	Constraints Constraints `yaml:"constraints,omitempty"`
	// Neighbours lists, for a kecamatan, the kecamatan bordering it, for
	// the home-distance part of the preference criterion; the relation is
	// symmetric. Nil means every other kecamatan is far.
	Neighbours map[string][]string `yaml:"neighbours,omitempty"`
	// Changes lists the what-if edits applied after merging. Empty in a
	// resolved scenario.
	Changes []Change `yaml:"changes,omitempty"`
}

// Workforce is the regency's organisation and staff.
type Workforce struct {
	// Units lists the units (OPD, UPTD, puskesmas, schools, kecamatan).
	Units []Unit `yaml:"units,omitempty"`
	// UnitsCSV names a CSV roster of units, relative to the YAML file.
	UnitsCSV string `yaml:"units_csv,omitempty"`
	// Positions lists the positions (jabatan), one formation line each.
	Positions []Position `yaml:"positions,omitempty"`
	// PositionsCSV names a CSV roster of positions.
	PositionsCSV string `yaml:"positions_csv,omitempty"`
	// Employees lists the employees (pegawai ASN).
	Employees []Employee `yaml:"employees,omitempty"`
	// EmployeesCSV names a CSV roster of employees.
	EmployeesCSV string `yaml:"employees_csv,omitempty"`
}

// Unit is one unit (unit kerja): an OPD such as a dinas or badan, or a unit
// below one such as a puskesmas (UPTD) or school. Unrelated to gonum's unit
// package.
type Unit struct {
	// ID identifies the unit; unique among units.
	ID unitID `yaml:"id"`
	// Name is the official name.
	Name string `yaml:"name"`
	// Kind is the type of unit: setda, setwan, inspektorat, dinas, badan,
	// hospital (rsud), kecamatan, kelurahan, puskesmas, pustu, school_sd,
	// school_smp, uptd (scoring.ParseUnitKind).
	Kind string `yaml:"kind"`
	// Parent is the OPD the unit belongs to; empty for an OPD.
	Parent unitID `yaml:"parent,omitempty"`
	// Kecamatan is the sub-district the unit lies in, one of the 17;
	// empty means unknown.
	Kecamatan string `yaml:"kecamatan,omitempty"`
	// Area is the area class: urban (perkotaan), rural (perdesaan), remote
	// (terpencil) or very_remote (sangat terpencil).
	Area string `yaml:"area"`
	// Inpatient marks a puskesmas with inpatient care (rawat inap).
	Inpatient bool `yaml:"inpatient,omitempty"`
	// ClassGroups is a school's number of class groups (rombel); 0 for
	// other units or when unknown.
	ClassGroups int `yaml:"class_groups,omitempty"`
}

// Position is one line of a unit's job map (peta jabatan): a post and the
// number of people it needs.
type Position struct {
	// ID identifies the position; unique among positions.
	ID positionID `yaml:"id"`
	// Unit is the unit the position belongs to.
	Unit unitID `yaml:"unit"`
	// Name is the nomenclature of the post (nama jabatan).
	Name string `yaml:"name"`
	// Kind is jpt, administrator, pengawas, pelaksana or functional
	// (fungsional) (scoring.ParsePositionKind).
	Kind string `yaml:"kind"`
	// JPTLevel is pratama, madya or utama for a jpt post; empty otherwise.
	JPTLevel string `yaml:"jpt_level,omitempty"`
	// FunctionalGrade is the grade (jenjang) of a functional post:
	// ahli_pertama … ahli_utama or pemula … penyelia. Empty otherwise.
	FunctionalGrade string `yaml:"functional_grade,omitempty"`
	// Echelon is the legacy echelon of a structural post ("III.b"); empty
	// means none.
	Echelon string `yaml:"echelon,omitempty"`
	// JobClass is the job class (kelas jabatan) 1–17; 0 means unknown.
	JobClass int `yaml:"job_class,omitempty"`
	// Profession is the regulated profession of the post (doctor, nurse,
	// midwife, teacher, …); empty means none. Unit floors count by it.
	Profession string `yaml:"profession,omitempty"`
	// Needed is the headcount from the workload analysis (kebutuhan, ABK):
	// the number of seats.
	Needed int `yaml:"needed"`
	// UnitHead marks the head of the unit (kepala), including heads of
	// puskesmas and school principals; such posts fall under the election
	// freeze.
	UnitHead bool `yaml:"unit_head,omitempty"`
	// MinEducation is the lowest education level accepted (SD … S3).
	// Empty means the default for the kind.
	MinEducation string `yaml:"min_education,omitempty"`
	// Fields lists the accepted fields of study (rumpun ilmu). Empty means
	// any field.
	Fields []string `yaml:"fields,omitempty"`
	// Relevant lists further fields that suit the post without being
	// required.
	Relevant []string `yaml:"relevant,omitempty"`
	// GradeMin and GradeMax bound the holder's grade (golongan, "III/a").
	// Set both or neither; empty means the band of the echelon or grade.
	GradeMin string `yaml:"grade_min,omitempty"`
	GradeMax string `yaml:"grade_max,omitempty"` // see GradeMin
	// Standard is the competency standard: competency → required level
	// 1–5 (PermenPANRB 38/2017). Keys are the nine competencies
	// (integrity, cooperation, …) or "technical:NAME". Empty means the
	// default for the kind and grade.
	Standard map[string]int `yaml:"standard,omitempty"`
	// CoreFactors lists the core competencies for profile matching.
	CoreFactors []string `yaml:"core_factors,omitempty"`
	// RequiredCerts lists the certifications a holder needs (str,
	// teacher_certificate, pkp, pka, pkn, jf_competency).
	RequiredCerts []string `yaml:"required_certs,omitempty"`
	// Criticality weighs an unfilled seat; nil means 1.
	Criticality *float64 `yaml:"criticality,omitempty"`
	// OpenSelection marks a JPT post filled through open selection; it is
	// reported, not planned.
	OpenSelection bool `yaml:"open_selection,omitempty"`
}

// Employee is one civil servant (pegawai ASN).
type Employee struct {
	// NIP is the 18-digit staff number (Nomor Induk Pegawai), kept as text;
	// it identifies the employee.
	NIP employeeID `yaml:"nip"`
	// Name is the employee's name.
	Name string `yaml:"name"`
	// Sex is L or P, for equity reports only; never a scoring input.
	Sex string `yaml:"sex,omitempty"`
	// BirthDate determines the retirement date (BUP).
	BirthDate time.Time `yaml:"birth_date"`
	// Status is PNS, CPNS or PPPK.
	Status string `yaml:"status"`
	// CPNSSince and PNSSince are the TMT of appointment; zero means
	// unknown.
	CPNSSince time.Time `yaml:"cpns_since,omitempty"`
	PNSSince  time.Time `yaml:"pns_since,omitempty"`
	// Grade is the civil-service grade (golongan/ruang) such as "III/a";
	// empty is allowed for PPPK only.
	Grade string `yaml:"grade,omitempty"`
	// GradeSince is the TMT of the grade; zero means unknown.
	GradeSince time.Time `yaml:"grade_since,omitempty"`
	// Education is the highest education level (SD, SMP, SMA, D1 … D4, S1,
	// profesi, S2, S3).
	Education string `yaml:"education"`
	// Field is the field of study (rumpun ilmu / jurusan), a key of the
	// field taxonomy such as keperawatan.
	Field string `yaml:"field,omitempty"`
	// Profession is the employee's regulated profession when it is not the
	// current post's: the contracted job of a new PPPK appointee, the
	// profession of a head of puskesmas. Empty means the current post's
	// (job-family, pppk-job).
	Profession string `yaml:"profession,omitempty"`
	// Unit is the current unit; empty means unplaced, or the unit of
	// Position when that is set. An unplaced employee has no unit.
	Unit unitID `yaml:"unit,omitempty"`
	// Position is the current position; empty means unplaced.
	Position positionID `yaml:"position,omitempty"`
	// PositionSince is the TMT of the current position; required when
	// Position is set.
	PositionSince time.Time `yaml:"position_since,omitempty"`
	// UnitSince is the TMT in the current unit; zero means PositionSince.
	UnitSince time.Time `yaml:"unit_since,omitempty"`
	// Certifications lists held credentials and their expiry.
	Certifications []Certification `yaml:"certifications,omitempty"`
	// Competence holds assessed levels 1–5 by competency: the nine
	// competencies (integrity, …) or "technical:NAME".
	Competence map[string]int `yaml:"competence,omitempty"`
	// AssessedOn is the date of the competence assessment; zero means never
	// assessed.
	AssessedOn time.Time `yaml:"assessed_on,omitempty"`
	// Ratings are the yearly SKP predicates.
	Ratings []Rating `yaml:"ratings,omitempty"`
	// Potential is the assessed potential in (0, 100]; nil means
	// unassessed.
	Potential *float64 `yaml:"potential,omitempty"`
	// Discipline is the latest disciplinary penalty (hukuman disiplin):
	// light, moderate or severe. Empty means none.
	Discipline string `yaml:"discipline,omitempty"`
	// DisciplinePenalty is the kind of a severe penalty (PP 94/2021 Pasal
	// 8(4)): demotion (one level lower), release (to a pelaksana post) or
	// other; empty means not recorded (rule demotion).
	DisciplinePenalty string `yaml:"discipline_penalty,omitempty"`
	// DisciplineUntil is the end of the penalty; zero means it does not
	// lapse by date.
	DisciplineUntil time.Time `yaml:"discipline_until,omitempty"`
	// Locks block moves until a date (tugas belajar, investigation).
	Locks []Lock `yaml:"locks,omitempty"`
	// Exceptions waive min-tenure, jpt-protection or personal-lock for
	// this employee, with a reason (PPK discretion).
	Exceptions []Exception `yaml:"exceptions,omitempty"`
	// HomeKecamatan is the kecamatan the employee lives in: the kecamatan
	// of a unit or one named in Scenario.Neighbours.
	HomeKecamatan string `yaml:"home_kecamatan,omitempty"`
	// Wishes lists requested target units or positions, most wanted first
	// (atas permintaan sendiri, PP 11/2017 Pasal 190(6)). An id naming
	// both a unit and a position means the unit.
	Wishes []string `yaml:"wishes,omitempty"`
	// TalentPool marks a member of the succession pool.
	TalentPool bool `yaml:"talent_pool,omitempty"`
	// Relatives lists employees with a family tie (conflict of interest).
	Relatives []employeeID `yaml:"relatives,omitempty"`
}

// Certification is one held credential.
type Certification struct {
	// Kind is str, teacher_certificate, pkp, pka, pkn, jf_competency or
	// principal_training.
	Kind string `yaml:"kind"`
	// Until is the expiry date (exclusive); zero means no expiry.
	Until time.Time `yaml:"until,omitempty"`
}

// Rating is one yearly performance predicate (SKP).
type Rating struct {
	// Year is the appraisal year.
	Year int `yaml:"year"`
	// Predicate is sangat_baik, baik, butuh_perbaikan, kurang or
	// sangat_kurang.
	Predicate string `yaml:"predicate"`
}

// Lock blocks an employee's move until a date.
type Lock struct {
	// Kind is study_leave (tugas belajar), investigation or other.
	Kind string `yaml:"kind"`
	// Until is the end of the lock (exclusive); zero means until lifted.
	Until time.Time `yaml:"until,omitempty"`
	// Reason is free text for the audit trail; YAML only (a CSV cell holds
	// kind=until).
	Reason string `yaml:"reason,omitempty"`
}

// Exception waives one employee-level rule with a recorded reason.
type Exception struct {
	// Rule is min-tenure, jpt-protection or personal-lock.
	Rule string `yaml:"rule"`
	// Reason is required.
	Reason string `yaml:"reason"`
}

// Weights weighs the fit criteria: a nil field takes the default weight; an
// explicit 0 switches the criterion off.
type Weights struct {
	// Education weighs education level and field; default 0.25.
	Education *float64 `yaml:"education,omitempty"`
	// Competence weighs JPM or profile matching; default 0.35.
	Competence *float64 `yaml:"competence,omitempty"`
	// Tenure weighs time in post; default 0.15.
	Tenure *float64 `yaml:"tenure,omitempty"`
	// Performance weighs SKP and potential; default 0.15.
	Performance *float64 `yaml:"performance,omitempty"`
	// Preference weighs wishes and home distance; default 0.10.
	Preference *float64 `yaml:"preference,omitempty"`
}

// ScoringOptions holds the scoring choices.
type ScoringOptions struct {
	// CompetenceMethod is jpm or profile_matching; empty means jpm.
	CompetenceMethod string `yaml:"competence_method,omitempty"`
	// CoreShare is the core-factor share of profile matching; nil means
	// 0.60.
	CoreShare *float64 `yaml:"core_share,omitempty"`
	// ContinuityBonus is added to the fit of staying in the current post;
	// nil means 0.
	ContinuityBonus *float64 `yaml:"continuity_bonus,omitempty"`
	// UnfilledPenalty is the cost of one unfilled seat relative to a fit of
	// 1; nil means 2.
	UnfilledPenalty *float64 `yaml:"unfilled_penalty,omitempty"`
	// OverFormationPenalty is the cost of one holder kept over a post's
	// needed headcount (kelebihan pegawai), relative to a fit of 1; nil
	// means 0.5. It makes moving surplus staff to a shortage worth more
	// than moving anyone else there.
	OverFormationPenalty *float64 `yaml:"over_formation_penalty,omitempty"`
}

// Rules holds the legal parameters. Nil fields take the defaults of the
// scoring rules, each citing its regulation.
type Rules struct {
	// TenureMinYears is the minimum time in post before a move; nil means
	// 2 (PP 11/2017 Pasal 190(3)).
	TenureMinYears *int `yaml:"tenure_min_years,omitempty"`
	// TenureMaxYears is the time in post after which a move is due; nil
	// means 5 (same article).
	TenureMaxYears *int `yaml:"tenure_max_years,omitempty"`
	// RetirementHorizonMonths is the least time a person must be able to
	// hold a new post before retirement; nil means 12.
	RetirementHorizonMonths *int `yaml:"retirement_horizon_months,omitempty"`
	// JPTProtectYears is the JPT protection period; nil means 2
	// (PP 11/2017 [VERIFY article]; UU 5/2014 Pasal 116, revoked by UU 20/2023).
	JPTProtectYears *int `yaml:"jpt_protect_years,omitempty"`
	// AssessmentValidityYears is how long a competence assessment counts;
	// nil means 3 [VERIFY].
	AssessmentValidityYears *int `yaml:"assessment_validity_years,omitempty"`
	// RetirementAges overrides the retirement ages (BUP).
	RetirementAges RetirementAges `yaml:"retirement_ages,omitempty"`
	// JPMThresholds overrides the JPM band thresholds.
	JPMThresholds JPMThresholds `yaml:"jpm_thresholds,omitempty"`
	// ActingHead is true while an acting regional head (Pj/Plt) is the
	// appointing authority (PP 49/2008 Pasal 132A).
	ActingHead bool `yaml:"acting_head,omitempty"`
	// Election is the election calendar (UU 10/2016 Pasal 71, 162).
	Election Election `yaml:"election,omitempty"`
	// Disabled lists rule ids switched off for the round, such as
	// max-tenure; each must be a rule id of the scoring rules.
	Disabled []string `yaml:"disabled,omitempty"`
}

// RetirementAges are the retirement ages (BUP, PP 11/2017 Pasal 239–240) in
// years. Nil fields take the defaults.
type RetirementAges struct {
	// Administrative covers administrator, pengawas, pelaksana and the
	// lower JF grades; nil means 58.
	Administrative *int `yaml:"administrative,omitempty"`
	// Senior covers JPT and JF ahli madya; nil means 60.
	Senior *int `yaml:"senior,omitempty"`
	// Teacher covers guru (UU 14/2005 Pasal 40(4)); nil means 60.
	Teacher *int `yaml:"teacher,omitempty"`
	// AhliUtama covers JF ahli utama; nil means 65.
	AhliUtama *int `yaml:"ahli_utama,omitempty"`
}

// JPMThresholds are the job-person-match band thresholds in percent.
type JPMThresholds struct {
	// MS is the lowest JPM that meets the standard; nil means 80.
	MS *float64 `yaml:"ms,omitempty"`
	// MMS is the lowest JPM that still meets it; nil means 68.
	MMS *float64 `yaml:"mms,omitempty"`
}

// Election is the regional-election calendar that freezes transfers
// (UU 10/2016 Pasal 71(2) and 162(3)). Zero dates mean no such event.
type Election struct {
	// CandidateDate is the candidate-pair decision (penetapan paslon);
	// window A opens FreezeMonths before it.
	CandidateDate time.Time `yaml:"candidate_date,omitempty"`
	// TermEnd is the end of the incumbent's term; window A closes then.
	TermEnd time.Time `yaml:"term_end,omitempty"`
	// InaugurationDate is the new head's inauguration (pelantikan); window
	// B runs FreezeMonths from it.
	InaugurationDate time.Time `yaml:"inauguration_date,omitempty"`
	// FreezeMonths is the length of both windows; nil means 6.
	FreezeMonths *int `yaml:"freeze_months,omitempty"`
	// FreezeScope lists the frozen post kinds: jpt, administrator,
	// pengawas, unit_head. Empty means all four.
	FreezeScope []string `yaml:"freeze_scope,omitempty"`
	// MinisterApprovalAll is a blanket written approval by the Minister of
	// Home Affairs (Mendagri) for the whole round.
	MinisterApprovalAll bool `yaml:"minister_approval_all,omitempty"`
	// MinisterApproval lists the employees whose moves the Minister
	// approved.
	MinisterApproval []employeeID `yaml:"minister_approval,omitempty"`
}

// Constraints holds the plan-level constraints of a round.
type Constraints struct {
	// UnitFloors are staffing minimums (unit-floor).
	UnitFloors []UnitFloor `yaml:"unit_floors,omitempty"`
	// UnitCaps are staffing maximums (unit-cap).
	UnitCaps []UnitCap `yaml:"unit_caps,omitempty"`
	// MaxMoves caps the moves of the round (max-moves); nil means no cap.
	MaxMoves *int `yaml:"max_moves,omitempty"`
	// MaxTurnoverPct caps the share of a unit's staff leaving in the round,
	// in percent; nil means no cap.
	MaxTurnoverPct *float64 `yaml:"max_turnover_pct,omitempty"`
	// NoRemoteOutflow forbids a net outflow of staff from remote and very
	// remote units.
	NoRemoteOutflow bool `yaml:"no_remote_outflow,omitempty"`
	// Rotation is the severity of the 5-year rotation (max-tenure): hard,
	// soft or off; empty means soft.
	Rotation string `yaml:"rotation,omitempty"`
	// Pinned fixes employees in a position (their current one when
	// Position is empty).
	Pinned []Pin `yaml:"pinned,omitempty"`
	// Excluded takes employees out of the round; they keep their post.
	Excluded []Exclusion `yaml:"excluded,omitempty"`
	// Conflicts lists conflict-of-interest pairs that may not share a unit
	// (PP 11/2017 Pasal 190(5)).
	Conflicts []Conflict `yaml:"conflicts,omitempty"`
	// Policies are the round's explicit departures from the lawful
	// default, each with a reason; every one shows in the plan.
	Policies []Policy `yaml:"policies,omitempty"`
}

// Policy is an explicit departure from the lawful default of a round,
// with a reason that the plan shows:
//
//   - alih_fungsi: the employees listed (or, without a list, every holder
//     of the profession given) may change job family (rule job-family),
//     such as surplus subject teachers under SKB 5 Menteri 2011;
//   - pppk_any_job: the PPPK employees listed (or every PPPK) may leave
//     the job of their contract (rule pppk-job);
//   - restructuring: holders may be left without a post (dibebaskan dari
//     jabatan) instead of keeping it as over-formation; reported loudly;
//   - jpt_by_plan: JPT posts are filled by the plan instead of by open
//     selection (seleksi terbuka).
type Policy struct {
	// Policy is the policy's name (see [Policy]).
	Policy string `yaml:"policy"`
	// Employees restricts alih_fungsi and pppk_any_job to these NIPs.
	Employees []employeeID `yaml:"employees,omitempty"`
	// Profession restricts alih_fungsi to the holders of a profession
	// when Employees is empty.
	Profession string `yaml:"profession,omitempty"`
	// Reason is required: the decision or regulation behind the policy.
	Reason string `yaml:"reason"`
}

// Policy names.
const (
	PolicyAlihFungsi    = "alih_fungsi"
	PolicyPPPKAnyJob    = "pppk_any_job"
	PolicyRestructuring = "restructuring"
	PolicyJPTByPlan     = "jpt_by_plan"
)

// policy returns the scenario's policy of that name, or nil.
func (s *Scenario) policy(name string) *Policy {
	for k := range s.Constraints.Policies {
		if s.Constraints.Policies[k].Policy == name {
			return &s.Constraints.Policies[k]
		}
	}
	return nil
}

// UnitFloor is a staffing floor (rule unit-floor): no move takes the unit
// below Min holders, optionally counting only holders of posts of one
// profession; a unit already below its floor may not lose any.
type UnitFloor struct {
	// Unit is the unit the floor applies to.
	Unit unitID `yaml:"unit"`
	// Profession restricts the count to posts of one profession (doctor,
	// nurse, midwife, teacher, …); empty counts every holder.
	Profession string `yaml:"profession,omitempty"`
	// Min is the floor; 0 makes the floor void.
	Min int `yaml:"min"`
	// Reason cites the source (Permenkes 19/2024, …); empty means none.
	Reason string `yaml:"reason,omitempty"`
}

// UnitCap allows at most Max holders in a unit, optionally counting only
// holders of posts of one profession (rule unit-cap).
type UnitCap struct {
	// Unit is the unit the cap applies to.
	Unit unitID `yaml:"unit"`
	// Profession restricts the count as for UnitFloor.
	Profession string `yaml:"profession,omitempty"`
	// Max is the cap; 0 allows no holder.
	Max int `yaml:"max"`
	// Reason cites the source; empty means none.
	Reason string `yaml:"reason,omitempty"`
}

// Pin fixes an employee in a position for the round.
type Pin struct {
	// Employee is the NIP of the pinned employee.
	Employee employeeID `yaml:"employee"`
	// Position is the post to hold; empty means the current one.
	Position positionID `yaml:"position,omitempty"`
	// Reason is required; it is shown in the plan.
	Reason string `yaml:"reason"`
}

// Exclusion takes an employee out of the round.
type Exclusion struct {
	// Employee is the NIP of the excluded employee.
	Employee employeeID `yaml:"employee"`
	// Reason is required; it is shown in the plan.
	Reason string `yaml:"reason"`
}

// Conflict is a conflict-of-interest pair: two employees who may not end in
// the same unit.
type Conflict struct {
	// Employees holds exactly two different NIPs.
	Employees []employeeID `yaml:"employees"`
	// Reason is free text (married couple, …); empty means none.
	Reason string `yaml:"reason,omitempty"`
}

// Change is one what-if edit. Exactly one field is set. Changes apply in
// order after the extends chain is merged.
type Change struct {
	// AddPositions adds positions; their ids must be new.
	AddPositions []Position `yaml:"add_positions,omitempty"`
	// RemovePositions abolishes positions; their holders become unplaced
	// (their position, unit and TMT are cleared).
	RemovePositions []positionID `yaml:"remove_positions,omitempty"`
	// SetNeeded changes the headcount of positions (resize, change needs).
	SetNeeded []NeededChange `yaml:"set_needed,omitempty"`
	// AddEmployees adds employees, such as a new PPPK intake.
	AddEmployees []Employee `yaml:"add_employees,omitempty"`
	// AddEmployeesCSV adds the employees of a CSV roster, relative to the
	// YAML file.
	AddEmployeesCSV string `yaml:"add_employees_csv,omitempty"`
	// RemoveEmployees removes employees, such as retirements.
	RemoveEmployees []Removal `yaml:"remove_employees,omitempty"`
	// SetWeights replaces the weights it sets.
	SetWeights *Weights `yaml:"set_weights,omitempty"`
	// SetRules replaces the rules it sets.
	SetRules *Rules `yaml:"set_rules,omitempty"`
	// SetConstraints replaces the constraints it sets.
	SetConstraints *Constraints `yaml:"set_constraints,omitempty"`
}

// NeededChange sets one position's headcount.
type NeededChange struct {
	// Position is the position to resize.
	Position positionID `yaml:"position"`
	// Needed is its new number of seats.
	Needed int `yaml:"needed"`
}

// Removal removes one employee from the workforce.
type Removal struct {
	// Employee is the NIP of the employee who leaves.
	Employee employeeID `yaml:"employee"`
	// Reason is pensiun (retirement), mutasi_keluar, meninggal, … free text.
	Reason string `yaml:"reason,omitempty"`
}

// File is one input file of a scenario and the SHA-256 of its bytes, for
// the plan's manifest.
type File struct {
	// Path is the file's path in the file system given to Load.
	Path string
	// SHA256 is the lowercase hex SHA-256 of the file's bytes.
	SHA256 string
}

// DropPlanConstraints removes the plan-level constraints from s in place:
// unit floors and caps, max_moves, max_turnover_pct, no_remote_outflow,
// the conflict pairs, and (by disabling conflict-of-interest) the
// conflicts the employees' relatives imply. The pair rules, seats, pins,
// exclusions and freeze windows stay. A ranking baseline such as greedy
// keeps only those, so an optimum compared with it must be planned
// without the rest; tests that enumerate plausible plans by brute force
// use it too.
func (s *Scenario) DropPlanConstraints() {
	c := &s.Constraints
	c.UnitFloors, c.UnitCaps, c.MaxMoves, c.MaxTurnoverPct, c.NoRemoteOutflow, c.Conflicts = nil, nil, nil, nil, false, nil
	if !slices.Contains(s.Rules.Disabled, string(scoring.RuleConflictOfInterest)) {
		s.Rules.Disabled = append(s.Rules.Disabled, string(scoring.RuleConflictOfInterest))
	}
}
