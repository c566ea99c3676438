package scoring

// Grade is a civil-service grade (golongan/ruang) from I/a (1) to IV/e
// (17), ordered so that a higher value is a higher grade. The zero value
// means "no grade" (allowed only for PPPK employees, whose own scale I–XVII
// is not mapped yet [VERIFY]). Text form: "III/a" (Roman golongan, slash,
// lower-case ruang); ParseGrade also accepts an upper-case ruang ("III/A")
// and surrounding spaces. Source: domain §5.3.
type Grade uint8

// Grades, lowest first.
const (
	GradeIa   Grade = iota + 1 // I/a Juru Muda
	GradeIb                    // I/b Juru Muda Tingkat I
	GradeIc                    // I/c Juru
	GradeId                    // I/d Juru Tingkat I
	GradeIIa                   // II/a Pengatur Muda
	GradeIIb                   // II/b Pengatur Muda Tingkat I
	GradeIIc                   // II/c Pengatur
	GradeIId                   // II/d Pengatur Tingkat I
	GradeIIIa                  // III/a Penata Muda
	GradeIIIb                  // III/b Penata Muda Tingkat I
	GradeIIIc                  // III/c Penata
	GradeIIId                  // III/d Penata Tingkat I
	GradeIVa                   // IV/a Pembina
	GradeIVb                   // IV/b Pembina Tingkat I
	GradeIVc                   // IV/c Pembina Utama Muda
	GradeIVd                   // IV/d Pembina Utama Madya
	GradeIVe                   // IV/e Pembina Utama
)

// MaxGrade is the highest grade, IV/e.
const MaxGrade = GradeIVe

var gradeNames = []string{"",
	"I/a", "I/b", "I/c", "I/d",
	"II/a", "II/b", "II/c", "II/d",
	"III/a", "III/b", "III/c", "III/d",
	"IV/a", "IV/b", "IV/c", "IV/d", "IV/e"}

var gradeTitles = []string{"",
	"Juru Muda", "Juru Muda Tingkat I", "Juru", "Juru Tingkat I",
	"Pengatur Muda", "Pengatur Muda Tingkat I", "Pengatur", "Pengatur Tingkat I",
	"Penata Muda", "Penata Muda Tingkat I", "Penata", "Penata Tingkat I",
	"Pembina", "Pembina Tingkat I", "Pembina Utama Muda", "Pembina Utama Madya", "Pembina Utama"}

// String returns the grade as "III/a".
func (g Grade) String() string { return enumName(gradeNames, int(g), "Grade") }

// Title returns the rank title (pangkat), such as "Penata Muda" for III/a,
// or "" for an invalid grade.
func (g Grade) Title() string {
	if !g.Valid() {
		return ""
	}
	return gradeTitles[g]
}

// Valid reports whether g is between I/a and IV/e.
func (g Grade) Valid() bool { return g >= GradeIa && g <= GradeIVe }

// ParseGrade parses "I/a" … "IV/e". Other text, such as "IV/f", "III" or "",
// gives an *EnumError that unwraps to ErrUnknownValue.
func ParseGrade(s string) (Grade, error) {
	return parseEnum[Grade]("grade", gradeNames, s, nil)
}
