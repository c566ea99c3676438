package scoring

// PositionID identifies a position: one line of the job map (peta jabatan).
type PositionID string

// Position is one line of a unit's job map (jabatan in the peta jabatan):
// a post with Needed seats (the ABK headcount). Fields left at their zero
// value take the documented default from [Rules] where one exists.
type Position struct {
	// ID is the position's unique identifier; it must be non-empty.
	ID PositionID
	// Name is the display name (nomenclature per Peraturan BKN 9/2022).
	Name string
	// Unit is the unit the post belongs to; it must name a known unit.
	Unit UnitID
	// Kind is the kind of post; the zero value is rejected.
	Kind PositionKind
	// JPTLevel is the level of a JPT post; required when Kind is KindJPT and
	// must be zero otherwise.
	JPTLevel JPTLevel
	// FunctionalGrade is the grade (jenjang) of a functional post; required
	// when Kind is KindFunctional and must be zero otherwise.
	FunctionalGrade FunctionalGrade
	// Echelon is the legacy echelon of a structural post; zero means none.
	// It selects the grade band when GradeMin and GradeMax are zero.
	Echelon Echelon
	// JobClass is the job class (kelas jabatan) 1–17; 0 means unknown.
	JobClass int
	// Profession is the regulated profession of the post, if any; it drives
	// the teachers' retirement age and the scenario's staffing floors.
	Profession Profession
	// IsUnitHead reports a post heading a unit, including kepala puskesmas
	// and kepala sekolah (election-freeze scope; favours the top talent
	// boxes in the performance criterion).
	IsUnitHead bool
	// MinEducation is the minimum education level (rule min-education).
	// Zero means the default for the kind from Rules.MinEducation.
	MinEducation EducationLevel
	// Fields are the accepted fields of study (rule accepted-field): a
	// doctor's, nurse's or subject teacher's post lists only the right
	// field(s). Empty means any field is accepted. Each must be a key of the
	// scorer's Taxonomy.
	Fields []Field
	// Relevant are further fields that suit the post without being required;
	// the education criterion scores an employee's field against Fields and
	// Relevant together. When both are empty every field scores as exact.
	Relevant []Field
	// GradeMin and GradeMax bound the grade of an appointee (rule
	// grade-band; Rules.GradeBandSlack steps below GradeMin are allowed).
	// Both zero means the band comes from Rules.EchelonBands for the
	// Echelon, or Rules.FunctionalBands for the FunctionalGrade, or no band.
	// Set both or neither.
	GradeMin, GradeMax Grade
	// Standard is the competency standard (standar kompetensi jabatan,
	// PermenPANRB 38/2017): the required level 1–5 per competency. A zero
	// Standard (no level set) means the default for the kind and grade from
	// Rules.StandardLevel applied to all nine managerial and socio-cultural
	// competencies.
	Standard Profile
	// CoreFactors are the core factors for profile matching (the rest are
	// secondary). Empty means Rules.CoreFactors.
	CoreFactors []Competency
	// RequiredCerts are the certifications the post requires (rule
	// certification), such as CertSTR for a nurse's post. Empty means none.
	RequiredCerts []CertKind
	// Needed is the number of seats (kebutuhan from ABK). Zero means the
	// post is in the map but has no seat.
	Needed int
	// Criticality weights unmet need for the scenario layer (school,
	// puskesmas, remote, vacant managerial post). Zero means 1 (normal).
	Criticality float64
	// OpenSelection reports a JPT post filled through open selection; the
	// scenario reports it instead of solving it.
	OpenSelection bool
}
