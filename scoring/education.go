package scoring

// EducationLevel is the highest completed level of formal education
// (pendidikan terakhir, from the ijazah). Levels are ordered
//
//	SD < SMP < SMA < D1 < D2 < D3 < D4 = S1 < profesi < S2 < S3
//
// where D4 (diploma IV) and S1 (sarjana) are distinct values that compare
// equal for eligibility: see [EducationLevel.Rank], the one place that says
// so. The zero value is not a level; it means "not given" and is rejected by
// validation. Text forms (String and ParseEducationLevel) are the official
// abbreviations: SD, SMP, SMA, D1, D2, D3, D4, S1, profesi, S2, S3.
// ParseEducationLevel ignores case and also accepts SMK, SMA/SMK and SLTA
// for SMA, and SLTP for SMP.
type EducationLevel uint8

// Education levels, lowest first (PP 99/2000 jo PP 12/2002; domain §5.6).
const (
	EducationSD      EducationLevel = iota + 1 // sekolah dasar, primary
	EducationSMP                               // lower secondary (SLTP)
	EducationSMA                               // upper secondary, general or vocational (SMA/SMK, SLTA)
	EducationD1                                // diploma I
	EducationD2                                // diploma II
	EducationD3                                // diploma III (akademi, sarjana muda)
	EducationD4                                // diploma IV (sarjana terapan); ranks with S1
	EducationS1                                // sarjana, bachelor
	EducationProfesi                           // professional degree: dokter, apoteker, Ners
	EducationS2                                // magister, master
	EducationS3                                // doktor, doctorate
)

var educationNames = []string{"", "SD", "SMP", "SMA", "D1", "D2", "D3", "D4", "S1", "profesi", "S2", "S3"}

var educationAliases = map[string]EducationLevel{
	"smk": EducationSMA, "sma/smk": EducationSMA, "slta": EducationSMA, "sltp": EducationSMP,
}

// String returns the official abbreviation, such as "S1" or "D4".
func (l EducationLevel) String() string { return enumName(educationNames, int(l), "EducationLevel") }

// Valid reports whether l is one of the defined levels.
func (l EducationLevel) Valid() bool { return l >= EducationSD && l <= EducationS3 }

// ParseEducationLevel parses an official abbreviation (see [EducationLevel]).
// It returns an *EnumError, which unwraps to ErrUnknownValue, for any other
// text, including the empty string.
func ParseEducationLevel(s string) (EducationLevel, error) {
	return parseEnum[EducationLevel]("education level", educationNames, s, educationAliases)
}

// Rank returns the level's rank for eligibility and scoring: 1 for SD up to
// 10 for S3, with D4 and S1 sharing rank 7. This is the only place in the
// package where "D4 counts as S1" is decided.
func (l EducationLevel) Rank() int {
	if l >= EducationS1 {
		return int(l) - 1
	}
	return int(l)
}

// Meets reports whether l satisfies a minimum of min, comparing ranks (so D4
// meets S1 and S1 meets D4). Every level meets the zero minimum.
func (l EducationLevel) Meets(min EducationLevel) bool { return l.Rank() >= min.Rank() }

// Education is an employee's highest education: its level and field of
// study.
type Education struct {
	// Level is the highest completed level; the zero value is rejected.
	Level EducationLevel
	// Field is the field of study (jurusan), a key of the scorer's
	// [Taxonomy]. The empty Field means "no specific field" (usual for SD,
	// SMP and general SMA); it is unrelated to every field, so it passes no
	// accepted-field list.
	Field Field
}

// Field is a field of study (jurusan, program studi) as a snake_case code,
// for example "keperawatan" or "pendidikan_matematika". A Field must be a key
// of the scorer's [Taxonomy]; an unknown Field is an error, never a silent
// "unrelated".
type Field string

// Family is a family of related fields (rumpun ilmu) as a snake_case code,
// for example "kesehatan" or "pendidikan".
type Family string

// Taxonomy maps each known field of study to its family (rumpun). Two
// different fields of the same family are related; fields of different
// families are unrelated. [DefaultTaxonomy] returns the shipped table; a
// scenario may replace it entirely.
type Taxonomy map[Field]Family

// FieldRelation is how an employee's field relates to a post's field.
// Text forms: exact, related, unrelated.
type FieldRelation uint8

// Field relations, weakest first.
const (
	FieldUnrelated FieldRelation = iota // different families, or an empty field
	FieldRelated                        // same family (rumpun), different field
	FieldExact                          // the same field
)

var fieldRelationNames = []string{"unrelated", "related", "exact"}

// String returns "exact", "related" or "unrelated".
func (r FieldRelation) String() string {
	return enumName(fieldRelationNames, int(r), "FieldRelation")
}

// ParseFieldRelation parses "exact", "related" or "unrelated"; other text
// gives an *EnumError.
func ParseFieldRelation(s string) (FieldRelation, error) {
	return parseEnum[FieldRelation]("field relation", fieldRelationNames, s, nil)
}

// Relation returns how have relates to want: FieldExact when they are equal
// and non-empty, FieldRelated when both are in t and share a family,
// FieldUnrelated otherwise, including when either is empty or not in t.
// (The Scorer rejects fields missing from its taxonomy before scoring.)
func (t Taxonomy) Relation(have, want Field) FieldRelation {
	if have == "" || want == "" {
		return FieldUnrelated
	}
	if have == want {
		return FieldExact
	}
	fh, ok1 := t[have]
	fw, ok2 := t[want]
	if ok1 && ok2 && fh == fw {
		return FieldRelated
	}
	return FieldUnrelated
}

// Validate checks that every field and family code is non-empty. It returns
// a *DataError with Field "taxonomy" wrapping ErrMissing otherwise.
func (t Taxonomy) Validate() error {
	for f, fam := range t {
		if f == "" || fam == "" {
			return &DataError{Field: "taxonomy", Value: string(f), Err: ErrMissing}
		}
	}
	return nil
}

// DefaultTaxonomy returns a fresh copy of the shipped field-of-study table:
// common fields of regency civil servants grouped into rumpun families
// (kesehatan, pendidikan, sosial_politik, ekonomi, hukum, teknik, mipa,
// pertanian, humaniora, agama). It is seed data for synthetic runs, not an
// official list [VERIFY against the Kemendikbudristek rumpun ilmu and
// Bungo's job map]; scenarios may replace it.
func DefaultTaxonomy() Taxonomy {
	t := Taxonomy{}
	add := func(fam Family, fields ...Field) {
		for _, f := range fields {
			t[f] = fam
		}
	}
	add("kesehatan", "kedokteran", "kedokteran_gigi", "keperawatan", "kebidanan", "farmasi",
		"kesehatan_masyarakat", "gizi", "kesehatan_lingkungan", "teknologi_laboratorium_medis",
		"rekam_medis", "fisioterapi")
	add("pendidikan", "pgsd", "pendidikan_matematika", "pendidikan_bahasa_indonesia",
		"pendidikan_bahasa_inggris", "pendidikan_ipa", "pendidikan_ips", "pendidikan_agama_islam",
		"pendidikan_jasmani", "pendidikan_pancasila", "bimbingan_konseling", "paud",
		"pendidikan_seni", "pendidikan_teknologi_informasi")
	add("sosial_politik", "ilmu_pemerintahan", "administrasi_publik", "administrasi_negara",
		"sosiologi", "ilmu_komunikasi", "kesejahteraan_sosial", "ilmu_politik")
	add("ekonomi", "akuntansi", "manajemen", "ekonomi_pembangunan", "perpajakan", "keuangan_daerah")
	add("hukum", "ilmu_hukum", "hukum_tata_negara")
	add("teknik", "teknik_sipil", "arsitektur", "perencanaan_wilayah_kota", "teknik_lingkungan",
		"teknik_elektro", "teknik_mesin", "teknik_informatika", "sistem_informasi")
	add("mipa", "matematika", "statistika", "fisika", "kimia", "biologi")
	add("pertanian", "agroteknologi", "agribisnis", "peternakan", "perikanan", "kehutanan",
		"kedokteran_hewan")
	add("humaniora", "sastra_indonesia", "sastra_inggris", "ilmu_perpustakaan", "kearsipan", "psikologi")
	add("agama", "syariah", "ushuluddin", "dakwah")
	return t
}
