package scoring_test

import (
	"fmt"
	"math"
	"time"

	"github.com/mutasi-asn/mutasi/scoring"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// regency returns a scorer for a dinas in the urban core and a puskesmas in
// Jujuhan, with a pelaksana post, a nurse post and a head-of-section post.
func regency() *scoring.Scorer {
	return &scoring.Scorer{
		Weights: scoring.DefaultWeights(),
		AsOf:    day("2025-10-08"),
		Rules:   scoring.DefaultRules(),
		Units: []scoring.Unit{
			{ID: "dinkes", Kind: scoring.UnitDinas, Kecamatan: "Pasar Muara Bungo", Area: scoring.AreaUrban},
			{ID: "pkm-jujuhan", Kind: scoring.UnitPuskesmas, Kecamatan: "Jujuhan", Area: scoring.AreaRural},
		},
		Positions: []scoring.Position{
			{ID: "staff", Unit: "dinkes", Kind: scoring.KindPelaksana, Needed: 3},
			{ID: "nurse", Unit: "pkm-jujuhan", Kind: scoring.KindFunctional, FunctionalGrade: scoring.AhliPertama,
				Fields: []scoring.Field{"keperawatan"}, RequiredCerts: []scoring.CertKind{scoring.CertSTR},
				Standard: scoring.Profile{Levels: [scoring.NumCompetencies]int{2, 2, 2, 2, 2, 2, 2, 2, 2}}, Needed: 2},
			{ID: "kasi", Unit: "dinkes", Kind: scoring.KindPengawas, Echelon: scoring.EchelonIVa, Needed: 1},
		},
	}
}

// siti is a nurse working as staff at the dinas since January 2021 who
// wishes to go to the puskesmas in her home kecamatan.
func siti() scoring.Employee {
	return scoring.Employee{
		ID:             "199005202015032001",
		BirthDate:      day("1990-05-20"),
		Status:         scoring.StatusPNS,
		Grade:          scoring.GradeIIIa,
		Education:      scoring.Education{Level: scoring.EducationS1, Field: "keperawatan"},
		Certifications: []scoring.Certification{{Kind: scoring.CertSTR}},
		Position:       "staff",
		PositionSince:  day("2021-01-04"),
		Ratings:        []scoring.Rating{{Year: 2023, Predicate: scoring.PredicateBaik}, {Year: 2024, Predicate: scoring.PredicateSangatBaik}},
		Potential:      85,
		Competence:     scoring.Profile{Levels: [scoring.NumCompetencies]int{2, 2, 1, 2, 2, 1, 2, 2, 2}},
		AssessedOn:     day("2024-03-01"),
		HomeKecamatan:  "Jujuhan",
		Wishes:         []scoring.Wish{{Unit: "pkm-jujuhan"}},
	}
}

func ExampleScorer_Explain() {
	s := regency()
	e := siti()
	sc, err := s.Explain(&e, &s.Positions[1])
	if err != nil {
		panic(err)
	}
	for _, c := range sc.Components {
		fmt.Printf("%-12s raw %.4f × weight %.4f = %.4f (measure %.4f)\n", c.Criterion, c.Raw, c.Weight, c.Value, c.Measure)
	}
	fmt.Printf("total %.4f, eligible %v\n", sc.Total, sc.Eligible())
	// Output:
	// education    raw 1.0000 × weight 0.2500 = 0.2500 (measure 0.0000)
	// competence   raw 0.8889 × weight 0.3500 = 0.3111 (measure 88.8889)
	// tenure       raw 0.5000 × weight 0.1500 = 0.0750 (measure 4.7608)
	// performance  raw 1.0000 × weight 0.1500 = 0.1500 (measure 9.0000)
	// preference   raw 0.9500 × weight 0.1000 = 0.0950 (measure 1.0000)
	// total 0.8811, eligible true
}

func ExampleScorer_Check() {
	s := regency()
	e := siti()
	e.PositionSince = day("2024-02-29") // under two years in post
	e.Certifications = nil              // no STR
	vs, err := s.Check(&e, &s.Positions[1])
	if err != nil {
		panic(err)
	}
	for _, v := range vs {
		fmt.Printf("%s: %s\n  id: %s\n  rule: %s / %s\n", v.Rule, v.Detail, v.Text("id"), v.Rule.Reason("en"), v.Rule.Reason("id"))
	}
	// Output:
	// certification: missing or expired str
	//   id: sertifikasi tidak dimiliki atau kedaluwarsa: STR
	//   rule: required certification missing or expired / sertifikasi yang disyaratkan tidak dimiliki atau sudah tidak berlaku
	// min-tenure: 1.61 years in post since 2024-02-29, minimum 2
	//   id: 1,61 tahun pada jabatan sejak 2024-02-29, minimal 2 tahun
	//   rule: less than the minimum time in the current post / masa jabatan saat ini kurang dari batas minimal
}

// Fit is NaN for an ineligible pair. Staying in the current post (staff) is
// always eligible: 0.25·1 + 0.35·1 (level 1 standard met) + 0.15·(1 − 0.5)
// + 0.15·1 + 0.10·(0.3·0 far from home + 0.2·1 urban) = 0.8450.
func ExampleScorer_Fit() {
	s := regency()
	e := siti()
	for k := range s.Positions {
		fit, err := s.Fit(&e, &s.Positions[k])
		if err != nil {
			panic(err)
		}
		if math.IsNaN(fit) {
			vs, _ := s.Check(&e, &s.Positions[k])
			fmt.Printf("%-6s ineligible: %v\n", s.Positions[k].ID, vs)
			continue
		}
		fmt.Printf("%-6s %.4f\n", s.Positions[k].ID, fit)
	}
	// Output:
	// staff  0.7803
	// nurse  0.8811
	// kasi   ineligible: [grade-band: grade III/a outside band III/c–III/d (1 step(s) below allowed)]
}

func ExampleTable_FitRow() {
	s := regency()
	es := []scoring.Employee{siti()}
	t, err := s.Compile(es)
	if err != nil {
		panic(err)
	}
	row := make([]float64, t.Cols()) // reuse one buffer for every row
	for i := range t.Rows() {
		for j, fit := range t.FitRow(row, i) {
			fmt.Printf("%s → %s: %.4f\n", es[i].ID, s.Positions[j].ID, fit)
		}
	}
	// Output:
	// 199005202015032001 → staff: 0.7803
	// 199005202015032001 → nurse: 0.8811
	// 199005202015032001 → kasi: NaN
}

func ExampleAddMonths() {
	for _, c := range []struct {
		from string
		n    int
	}{{"2024-02-29", 24}, {"2025-08-31", -6}, {"2025-01-31", 1}} {
		fmt.Println(c.from, c.n, scoring.AddMonths(day(c.from), c.n).Format(time.DateOnly))
	}
	// Output:
	// 2024-02-29 24 2026-02-28
	// 2025-08-31 -6 2025-02-28
	// 2025-01-31 1 2025-02-28
}
