package scoring

// PositionKind is the kind of a position (jenis jabatan, UU 20/2023 Pasal
// 13 and 18). Text forms: jpt, administrator, pengawas, pelaksana,
// functional. The zero value is not a kind and is rejected by validation.
type PositionKind uint8

// Position kinds. JPT, administrator and pengawas are managerial; pelaksana
// and functional (JF) are not.
const (
	KindJPT           PositionKind = iota + 1 // jabatan pimpinan tinggi (senior leadership; formerly eselon I–II)
	KindAdministrator                         // administrator (formerly eselon III)
	KindPengawas                              // pengawas, first-line supervisor (formerly eselon IV)
	KindPelaksana                             // pelaksana, executor/staff post
	KindFunctional                            // jabatan fungsional (JF), with a FunctionalGrade
)

var positionKindNames = []string{"", "jpt", "administrator", "pengawas", "pelaksana", "functional"}

// String returns the text form, such as "pelaksana".
func (k PositionKind) String() string { return enumName(positionKindNames, int(k), "PositionKind") }

var positionKindNamesID = []string{"", "JPT", "administrator", "pengawas", "pelaksana", "fungsional"}

// Label returns the kind for people: the text form (lang "en" and other
// languages) or the Indonesian name ("id"), such as "fungsional".
func (k PositionKind) Label(lang string) string {
	return enumLabel(positionKindNames, positionKindNamesID, int(k), "PositionKind", lang)
}

// Valid reports whether k is a defined kind.
func (k PositionKind) Valid() bool { return k >= KindJPT && k <= KindFunctional }

// IsManagerial reports whether k is a managerial kind (JPT, administrator or
// pengawas).
func (k PositionKind) IsManagerial() bool { return k >= KindJPT && k <= KindPengawas }

// ParsePositionKind parses a text form (see [PositionKind]); it also accepts
// "fungsional" and "jf" for functional. Other text gives an *EnumError.
func ParsePositionKind(s string) (PositionKind, error) {
	return parseEnum[PositionKind]("position kind", positionKindNames, s,
		map[string]PositionKind{"fungsional": KindFunctional, "jf": KindFunctional})
}

// JPTLevel is the level of a JPT post. Text forms: pratama, madya, utama.
// The zero value means "not a JPT post"; a JPT post must set it. In a
// regency only pratama occurs.
type JPTLevel uint8

// JPT levels, lowest first.
const (
	JPTPratama JPTLevel = iota + 1 // Sekda, heads of dinas and badan, Inspector, assistants
	JPTMadya
	JPTUtama
)

var jptLevelNames = []string{"", "pratama", "madya", "utama"}

// String returns "pratama", "madya" or "utama".
func (l JPTLevel) String() string { return enumName(jptLevelNames, int(l), "JPTLevel") }

// ParseJPTLevel parses "pratama", "madya" or "utama"; other text gives an
// *EnumError.
func ParseJPTLevel(s string) (JPTLevel, error) {
	return parseEnum[JPTLevel]("JPT level", jptLevelNames, s, nil)
}

// FunctionalTrack is the track of a functional post. Text forms: keahlian
// (expertise), keterampilan (skill).
type FunctionalTrack uint8

// Functional tracks.
const (
	TrackKeahlian     FunctionalTrack = iota + 1 // expertise track: ahli pertama … ahli utama
	TrackKeterampilan                            // skill track: pemula … penyelia
)

var trackNames = []string{"", "keahlian", "keterampilan"}

// String returns "keahlian" or "keterampilan".
func (t FunctionalTrack) String() string { return enumName(trackNames, int(t), "FunctionalTrack") }

// ParseFunctionalTrack parses "keahlian" or "keterampilan"; other text gives
// an *EnumError.
func ParseFunctionalTrack(s string) (FunctionalTrack, error) {
	return parseEnum[FunctionalTrack]("functional track", trackNames, s, nil)
}

// FunctionalGrade is the grade (jenjang) of a functional post; it
// determines the track. Text forms: ahli_pertama, ahli_muda, ahli_madya,
// ahli_utama (keahlian) and pemula, terampil, mahir, penyelia
// (keterampilan). The zero value means "not a functional post"; a functional
// post must set it.
type FunctionalGrade uint8

// Functional grades, each track lowest first.
const (
	AhliPertama FunctionalGrade = iota + 1
	AhliMuda
	AhliMadya
	AhliUtama
	Pemula
	Terampil
	Mahir
	Penyelia
)

var functionalGradeNames = []string{"", "ahli_pertama", "ahli_muda", "ahli_madya", "ahli_utama",
	"pemula", "terampil", "mahir", "penyelia"}

// String returns the text form, such as "ahli_muda".
func (g FunctionalGrade) String() string {
	return enumName(functionalGradeNames, int(g), "FunctionalGrade")
}

// Valid reports whether g is a defined grade.
func (g FunctionalGrade) Valid() bool { return g >= AhliPertama && g <= Penyelia }

// Track returns the track of g, or 0 for the zero grade.
func (g FunctionalGrade) Track() FunctionalTrack {
	switch {
	case g >= AhliPertama && g <= AhliUtama:
		return TrackKeahlian
	case g >= Pemula && g <= Penyelia:
		return TrackKeterampilan
	}
	return 0
}

// ParseFunctionalGrade parses a text form (see [FunctionalGrade]); it also
// accepts spaces instead of underscores ("ahli muda"). Other text gives an
// *EnumError.
func ParseFunctionalGrade(s string) (FunctionalGrade, error) {
	return parseEnum[FunctionalGrade]("functional grade", functionalGradeNames, s, map[string]FunctionalGrade{
		"ahli pertama": AhliPertama, "ahli muda": AhliMuda, "ahli madya": AhliMadya, "ahli utama": AhliUtama})
}

// Echelon is the legacy echelon (eselon) of a structural post, still used
// for rank bands (PP 100/2000 jo PP 13/2002). Text forms: II.a, II.b, III.a,
// III.b, IV.a, IV.b, V.a. The zero value means "no echelon".
type Echelon uint8

// Echelons, highest first.
const (
	EchelonIIa Echelon = iota + 1
	EchelonIIb
	EchelonIIIa
	EchelonIIIb
	EchelonIVa
	EchelonIVb
	EchelonVa
)

var echelonNames = []string{"", "II.a", "II.b", "III.a", "III.b", "IV.a", "IV.b", "V.a"}

// String returns the text form, such as "III.b".
func (e Echelon) String() string { return enumName(echelonNames, int(e), "Echelon") }

// ParseEchelon parses a text form (see [Echelon]); it also accepts "II/a"
// style. Other text gives an *EnumError.
func ParseEchelon(s string) (Echelon, error) {
	return parseEnum[Echelon]("echelon", echelonNames, s, map[string]Echelon{
		"ii/a": EchelonIIa, "ii/b": EchelonIIb, "iii/a": EchelonIIIa, "iii/b": EchelonIIIb,
		"iv/a": EchelonIVa, "iv/b": EchelonIVb, "v/a": EchelonVa})
}

// Profession is the regulated profession a post belongs to, used for
// certification, staffing floors (unit-floor) and the teachers' retirement
// age. Text forms: doctor, dentist, nurse, midwife, health_promotion,
// sanitarian, nutritionist, pharmacy, lab_technologist, teacher. The zero
// value means "no regulated profession".
type Profession uint8

// Professions: the nine puskesmas health-worker types (Permenkes 19/2024, before it 43/2019,
// domain §6.1) and teachers.
const (
	ProfessionDoctor          Profession = iota + 1 // dokter
	ProfessionDentist                               // dokter gigi
	ProfessionNurse                                 // perawat
	ProfessionMidwife                               // bidan
	ProfessionHealthPromotion                       // promosi kesehatan
	ProfessionSanitarian                            // sanitarian / kesehatan lingkungan
	ProfessionNutritionist                          // gizi
	ProfessionPharmacy                              // farmasi
	ProfessionLabTechnologist                       // ATLM, ahli teknologi laboratorium medik
	ProfessionTeacher                               // guru
)

var professionNames = []string{"", "doctor", "dentist", "nurse", "midwife", "health_promotion",
	"sanitarian", "nutritionist", "pharmacy", "lab_technologist", "teacher"}

// String returns the text form, such as "midwife".
func (p Profession) String() string { return enumName(professionNames, int(p), "Profession") }

var professionNamesID = []string{"", "dokter", "dokter gigi", "perawat", "bidan", "penyuluh kesehatan masyarakat",
	"sanitarian", "nutrisionis", "tenaga kefarmasian", "pranata laboratorium kesehatan", "guru"}

// Label returns the profession for people: the text form (lang "en" and
// other languages) or the Indonesian name ("id"), such as "bidan".
func (p Profession) Label(lang string) string {
	return enumLabel(professionNames, professionNamesID, int(p), "Profession", lang)
}

// ParseProfession parses a text form (see [Profession]); other text gives
// an *EnumError.
func ParseProfession(s string) (Profession, error) {
	return parseEnum[Profession]("profession", professionNames, s, nil)
}
