package scoring

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// date parses yyyy-mm-dd or panics.
func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// planDate is the plan date of the fixtures: Bungo's round of 8 Oct 2025.
var planDate = date("2025-10-08")

// fixture returns a small regency: a dinas in the urban core, a puskesmas
// in Jujuhan (rural) and a school in Pelepat (remote), and one post of each
// kind.
func fixture() *Scorer {
	return &Scorer{
		Weights: DefaultWeights(),
		AsOf:    planDate,
		Rules:   DefaultRules(),
		Units: []Unit{
			{ID: "dinkes", Kind: UnitDinas, Kecamatan: "Pasar Muara Bungo", Area: AreaUrban},
			{ID: "pkm-jujuhan", Kind: UnitPuskesmas, Parent: "dinkes", Kecamatan: "Jujuhan", Area: AreaRural},
			{ID: "sd-pelepat", Kind: UnitSchoolSD, Kecamatan: "Pelepat", Area: AreaRemote},
		},
		Neighbours: map[string][]string{"Jujuhan": {"Jujuhan Ilir"}, "Pasar Muara Bungo": {"Rimbo Tengah"}},
		Positions: []Position{
			{ID: "staff", Unit: "dinkes", Kind: KindPelaksana, Needed: 3},
			{ID: "nurse", Unit: "pkm-jujuhan", Kind: KindFunctional, FunctionalGrade: AhliPertama,
				Profession: ProfessionNurse, Fields: []Field{"keperawatan"}, RequiredCerts: []CertKind{CertSTR},
				Standard: Profile{Levels: [NumCompetencies]int{2, 2, 2, 2, 2, 2, 2, 2, 2}}, Needed: 2},
			{ID: "kasi", Unit: "dinkes", Kind: KindPengawas, Echelon: EchelonIVa,
				Relevant: []Field{"kesehatan_masyarakat"}, Needed: 1},
			{ID: "kabid", Unit: "dinkes", Kind: KindAdministrator, Echelon: EchelonIIIb, Needed: 1},
			{ID: "kadis", Unit: "dinkes", Kind: KindJPT, JPTLevel: JPTPratama, Echelon: EchelonIIb, Needed: 1},
			{ID: "teacher", Unit: "sd-pelepat", Kind: KindFunctional, FunctionalGrade: AhliPertama,
				Profession: ProfessionTeacher, Fields: []Field{"pgsd"}, RequiredCerts: []CertKind{CertTeacher}, Needed: 4},
		},
	}
}

// post returns the fixture position with the given id.
func post(t testing.TB, s *Scorer, id PositionID) *Position {
	t.Helper()
	for k := range s.Positions {
		if s.Positions[k].ID == id {
			return &s.Positions[k]
		}
	}
	t.Fatalf("no position %q", id)
	return nil
}

// nurse returns a nurse working as staff at the dinas who wishes to go to
// the puskesmas in her home kecamatan.
func nurse() Employee {
	return Employee{
		ID:             "199005202015032001",
		Name:           "Siti",
		Sex:            SexFemale,
		BirthDate:      date("1990-05-20"),
		Status:         StatusPNS,
		Grade:          GradeIIIa,
		Education:      Education{Level: EducationS1, Field: "keperawatan"},
		Certifications: []Certification{{Kind: CertSTR}},
		Position:       "staff",
		PositionSince:  date("2021-01-04"),
		Unit:           "dinkes",
		History:        []Stint{{Kind: KindPelaksana, From: date("2015-03-01"), To: date("2021-01-04")}},
		Ratings:        []Rating{{Year: 2023, Predicate: PredicateBaik}, {Year: 2024, Predicate: PredicateSangatBaik}},
		Potential:      85,
		Competence:     Profile{Levels: [NumCompetencies]int{2, 2, 1, 2, 2, 1, 2, 2, 2}},
		AssessedOn:     date("2024-03-01"),
		HomeKecamatan:  "Jujuhan",
		Wishes:         []Wish{{Unit: "pkm-jujuhan"}},
	}
}

// explain is Scorer.Explain that fails the test on error.
func explain(t testing.TB, s *Scorer, e *Employee, id PositionID) Score {
	t.Helper()
	sc, err := s.Explain(e, post(t, s, id))
	require.NoError(t, err)
	return sc
}

// rules returns the rule ids of vs.
func rules(vs []Violation) []RuleID {
	var ids []RuleID
	for _, v := range vs {
		ids = append(ids, v.Rule)
	}
	return ids
}
