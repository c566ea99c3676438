package scoring

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// roundTrip checks String and Parse on every value of an enum and rejects
// an unknown text with a typed error.
func roundTrip[T interface {
	~uint8
	String() string
}](t *testing.T, parse func(string) (T, error), first, last T, want []string) {
	t.Helper()
	var got []string
	for v := first; v <= last; v++ {
		got = append(got, v.String())
		p, err := parse(v.String())
		require.NoError(t, err)
		assert.Equal(t, v, p)
	}
	assert.Equal(t, want, got)
	_, err := parse("no-such-value")
	var ee *EnumError
	require.ErrorAs(t, err, &ee)
	assert.Equal(t, "no-such-value", ee.Text)
	assert.ErrorIs(t, err, ErrUnknownValue)
	_, err = parse("")
	assert.ErrorIs(t, err, ErrUnknownValue)
	assert.Contains(t, T(last+1).String(), "(") // out of range prints a placeholder, never panics
}

func TestEnumTextForms(t *testing.T) {
	roundTrip(t, ParseEducationLevel, EducationSD, EducationS3,
		[]string{"SD", "SMP", "SMA", "D1", "D2", "D3", "D4", "S1", "profesi", "S2", "S3"})
	roundTrip(t, ParseGrade, GradeIa, GradeIVe, []string{"I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c",
		"II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e"})
	roundTrip(t, ParsePositionKind, KindJPT, KindFunctional,
		[]string{"jpt", "administrator", "pengawas", "pelaksana", "functional"})
	roundTrip(t, ParseJPTLevel, JPTPratama, JPTUtama, []string{"pratama", "madya", "utama"})
	roundTrip(t, ParseFunctionalTrack, TrackKeahlian, TrackKeterampilan, []string{"keahlian", "keterampilan"})
	roundTrip(t, ParseFunctionalGrade, AhliPertama, Penyelia, []string{"ahli_pertama", "ahli_muda",
		"ahli_madya", "ahli_utama", "pemula", "terampil", "mahir", "penyelia"})
	roundTrip(t, ParseEchelon, EchelonIIa, EchelonVa, []string{"II.a", "II.b", "III.a", "III.b", "IV.a", "IV.b", "V.a"})
	roundTrip(t, ParseProfession, ProfessionDoctor, ProfessionTeacher, []string{"doctor", "dentist", "nurse",
		"midwife", "health_promotion", "sanitarian", "nutritionist", "pharmacy", "lab_technologist", "teacher"})
	roundTrip(t, ParseEmploymentStatus, StatusPNS, StatusPPPK, []string{"PNS", "CPNS", "PPPK"})
	roundTrip(t, ParseSex, SexMale, SexFemale, []string{"L", "P"})
	roundTrip(t, ParseUnitKind, UnitSetda, UnitUPTD, []string{"setda", "setwan", "inspektorat", "dinas", "badan",
		"hospital", "kecamatan", "kelurahan", "puskesmas", "pustu", "school_sd", "school_smp", "uptd"})
	roundTrip(t, ParseAreaClass, AreaUrban, AreaVeryRemote, []string{"urban", "rural", "remote", "very_remote"})
	roundTrip(t, ParseCertKind, CertSTR, CertPrincipalTraining,
		[]string{"str", "teacher_certificate", "pkp", "pka", "pkn", "jf_competency", "principal_training"})
	roundTrip(t, ParsePredicate, PredicateSangatBaik, PredicateSangatKurang,
		[]string{"sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"})
	roundTrip(t, ParseDisciplineLevel, DisciplineNone, DisciplineSevere, []string{"none", "light", "moderate", "severe"})
	roundTrip(t, ParseLockKind, LockStudyLeave, LockOther, []string{"study_leave", "investigation", "other"})
	roundTrip(t, ParseCompetency, CompIntegrity, CompPerekatBangsa, []string{"integrity", "cooperation",
		"communication", "results_orientation", "public_service", "developing_others", "managing_change",
		"decision_making", "perekat_bangsa"})
	roundTrip(t, ParseCompetenceMethod, MethodJPM, MethodProfileMatching, []string{"jpm", "profile_matching"})
	roundTrip(t, ParseJPMCategory, JPMMS, JPMKMS, []string{"MS", "MMS", "KMS"})
	roundTrip(t, ParseFieldRelation, FieldUnrelated, FieldExact, []string{"unrelated", "related", "exact"})
	roundTrip(t, ParseCriterion, CritEducation, CritPreference,
		[]string{"education", "competence", "tenure", "performance", "preference"})
}

func TestParseAliases(t *testing.T) {
	for text, want := range map[string]EducationLevel{"smk": EducationSMA, "SMA/SMK": EducationSMA,
		"SLTA": EducationSMA, "sltp": EducationSMP, " s1 ": EducationS1, "Profesi": EducationProfesi} {
		got, err := ParseEducationLevel(text)
		require.NoError(t, err, text)
		assert.Equal(t, want, got, text)
	}
	g, err := ParseGrade("III/A")
	require.NoError(t, err)
	assert.Equal(t, GradeIIIa, g)
	for _, bad := range []string{"IV/f", "III", "3a", "V/a"} {
		_, err := ParseGrade(bad)
		assert.ErrorIs(t, err, ErrUnknownValue, bad)
	}
	fg, err := ParseFunctionalGrade("ahli muda")
	require.NoError(t, err)
	assert.Equal(t, AhliMuda, fg)
	ec, err := ParseEchelon("III/b")
	require.NoError(t, err)
	assert.Equal(t, EchelonIIIb, ec)
	_, err = ParseEducationLevel("S4")
	var ee *EnumError
	require.True(t, errors.As(err, &ee))
	assert.Equal(t, "education level", ee.Enum)
	assert.EqualError(t, err, `scoring: unknown education level "S4"`)
}

func TestEducationRank(t *testing.T) {
	// SD < SMP < SMA < D1 < D2 < D3 < D4 = S1 < profesi < S2 < S3.
	want := []int{1, 2, 3, 4, 5, 6, 7, 7, 8, 9, 10}
	for l := EducationSD; l <= EducationS3; l++ {
		assert.Equal(t, want[l-1], l.Rank(), l.String())
	}
	assert.True(t, EducationD4.Meets(EducationS1))
	assert.True(t, EducationS1.Meets(EducationD4))
	assert.False(t, EducationD3.Meets(EducationD4))
	assert.True(t, EducationSD.Meets(0))
}

func TestGradeTitles(t *testing.T) {
	assert.Equal(t, "Penata Muda", GradeIIIa.Title())
	assert.Equal(t, "Pembina Utama", GradeIVe.Title())
	assert.Equal(t, "", Grade(0).Title())
	assert.Equal(t, 17, int(MaxGrade))
	assert.Equal(t, TrackKeterampilan, Mahir.Track())
	assert.Equal(t, TrackKeahlian, AhliUtama.Track())
	assert.True(t, KindPengawas.IsManagerial())
	assert.False(t, KindFunctional.IsManagerial())
}

func TestTaxonomy(t *testing.T) {
	tax := DefaultTaxonomy()
	require.NoError(t, tax.Validate())
	assert.Equal(t, FieldExact, tax.Relation("keperawatan", "keperawatan"))
	assert.Equal(t, FieldRelated, tax.Relation("kebidanan", "keperawatan"))
	assert.Equal(t, FieldUnrelated, tax.Relation("pgsd", "keperawatan"))
	assert.Equal(t, FieldUnrelated, tax.Relation("", ""))
	assert.Equal(t, FieldUnrelated, tax.Relation("unknown", "unknown_too"))
	// DefaultTaxonomy returns a fresh copy each time.
	tax["keperawatan"] = "changed"
	assert.Equal(t, Family("kesehatan"), DefaultTaxonomy()["keperawatan"])
	// A replacement taxonomy is used as given.
	s := fixture()
	s.Fields = Taxonomy{"keperawatan": "nakes", "kebidanan": "nakes", "pgsd": "guru", "kesehatan_masyarakat": "nakes"}
	e := nurse()
	e.Education.Field = "kebidanan"
	// The nurse post lists keperawatan only; kebidanan is related: 0.5 + 0.5·0.5 = 0.75.
	sc := explain(t, s, &e, "nurse")
	assert.InDelta(t, 0.75, sc.Components[CritEducation].Raw, 1e-12)
	e.Education.Field = "sosiologi" // not in the replacement
	_, err := s.Explain(&e, post(t, s, "nurse"))
	assert.ErrorIs(t, err, ErrUnknownField)
	s.Fields = Taxonomy{"x": ""}
	_, err = s.Explain(&e, post(t, s, "nurse"))
	assert.ErrorIs(t, err, ErrMissing)
}
