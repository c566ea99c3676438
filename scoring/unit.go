package scoring

// UnitID identifies a unit (unit kerja): an OPD, UPTD, school, puskesmas and
// so on. (Not to be confused with gonum's unrelated "unit" package.)
type UnitID string

// Unit is a work unit (OPD, unit kerja or UPTD) of the regency: a dinas,
// badan, kecamatan office, puskesmas, school or hospital. Units form a tree
// through Parent (Dinas Kesehatan → UPTD Puskesmas).
type Unit struct {
	// ID is the unit's unique identifier; it must be non-empty.
	ID UnitID
	// Name is the display name.
	Name string
	// Kind is the type of unit; the zero value is rejected.
	Kind UnitKind
	// Parent is the parent OPD; empty for a top-level OPD.
	Parent UnitID
	// Kecamatan is the sub-district the unit lies in, as a name or code that
	// matches Employee.HomeKecamatan and the scorer's neighbour table. Empty
	// means unknown; the home-distance part of the preference criterion is
	// then neutral.
	Kecamatan string
	// Area is the area class (daerah terpencil classification); the zero
	// value is rejected.
	Area AreaClass
	// Inpatient reports a puskesmas with inpatient care (changes staffing
	// minimums, Permenkes 19/2024).
	Inpatient bool
	// ClassGroups is a school's number of class groups (rombel); 0 for other
	// units or when unknown.
	ClassGroups int
	// Floors are the unit's staffing floors by profession, read by the
	// scenario's unit-floor rule; nil means none.
	Floors []StaffingFloor
}

// StaffingFloor is a minimum headcount of one profession in a unit
// (Permenkes 19/2024 for puskesmas; per-school teacher floors).
type StaffingFloor struct {
	Profession Profession
	Min        int
}

// UnitKind is the type of a unit. Text forms: setda, setwan, inspektorat,
// dinas, badan, hospital, kecamatan, kelurahan, puskesmas, pustu,
// school_sd, school_smp, uptd. The zero value is rejected by validation.
type UnitKind uint8

// Unit kinds.
const (
	UnitSetda       UnitKind = iota + 1 // sekretariat daerah
	UnitSetwan                          // sekretariat DPRD
	UnitInspektorat                     // inspektorat
	UnitDinas                           // dinas
	UnitBadan                           // badan
	UnitHospital                        // RSUD
	UnitKecamatan                       // kecamatan office
	UnitKelurahan                       // kelurahan office
	UnitPuskesmas                       // UPTD puskesmas, community health centre
	UnitPustu                           // puskesmas pembantu, auxiliary health post
	UnitSchoolSD                        // primary school
	UnitSchoolSMP                       // lower secondary school
	UnitUPTD                            // other UPTD
)

var unitKindNames = []string{"", "setda", "setwan", "inspektorat", "dinas", "badan", "hospital",
	"kecamatan", "kelurahan", "puskesmas", "pustu", "school_sd", "school_smp", "uptd"}

// String returns the text form, such as "puskesmas".
func (k UnitKind) String() string { return enumName(unitKindNames, int(k), "UnitKind") }

// ParseUnitKind parses a text form (see [UnitKind]); it also accepts "rsud"
// for hospital. Other text gives an *EnumError.
func ParseUnitKind(s string) (UnitKind, error) {
	return parseEnum[UnitKind]("unit kind", unitKindNames, s, map[string]UnitKind{"rsud": UnitHospital})
}

// AreaClass is a unit's area classification. Text forms: urban (perkotaan,
// the urban core), rural (perdesaan), remote (terpencil), very_remote
// (sangat terpencil). The zero value is rejected by validation.
type AreaClass uint8

// Area classes, from the urban core outwards.
const (
	AreaUrban AreaClass = iota + 1
	AreaRural
	AreaRemote
	AreaVeryRemote
)

// NumAreaClasses is the number of area classes; tables indexed by
// AreaClass have NumAreaClasses+1 entries (index 0 unused).
const NumAreaClasses = 4

var areaNames = []string{"", "urban", "rural", "remote", "very_remote"}

// String returns the text form, such as "remote".
func (a AreaClass) String() string { return enumName(areaNames, int(a), "AreaClass") }

var areaNamesID = []string{"", "perkotaan", "perdesaan", "terpencil", "sangat terpencil"}

// Label returns the area class for people: the text form (lang "en" and
// other languages) or the Indonesian name ("id"), such as "terpencil".
func (a AreaClass) Label(lang string) string {
	return enumLabel(areaNames, areaNamesID, int(a), "AreaClass", lang)
}

// ParseAreaClass parses a text form (see [AreaClass]); other text gives an
// *EnumError.
func ParseAreaClass(s string) (AreaClass, error) {
	return parseEnum[AreaClass]("area class", areaNames, s, nil)
}
