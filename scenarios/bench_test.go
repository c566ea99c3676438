package scenarios

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/require"
)

// sinkPlan keeps benchmark results alive.
var sinkPlan *Plan

// benchInputs caches the synthetic file systems by size.
var benchInputs sync.Map

// BenchmarkPlan measures YAML + CSV to a certified plan (Load, Build,
// Plan) on a seeded synthetic Bungo-size workforce built outside the
// timer, without side constraints.
func BenchmarkPlan(b *testing.B) {
	for _, n := range []int{500, 5200} {
		b.Run(fmt.Sprintf("employees=%d", n), func(b *testing.B) {
			fsys := benchFS(b, n)
			b.ReportAllocs()
			var in *Instance
			for b.Loop() {
				s, files, err := Load(fsys, "scenario.yaml")
				if err != nil {
					b.Fatal(err)
				}
				in, err = Build(s, files, Options{Version: "bench"})
				if err != nil {
					b.Fatal(err)
				}
				sinkPlan, err = in.Plan(context.Background())
				if err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(in.Pairs()), "pairs")
			b.ReportMetric(float64(len(sinkPlan.Moves)), "moves")
			if !sinkPlan.Manifest.Cert.Passed {
				b.Fatal("plan not certified")
			}
		})
	}
}

func benchFS(b *testing.B, n int) fs.FS {
	if v, ok := benchInputs.Load(n); ok {
		return v.(fs.FS)
	}
	fsys := syntheticFS(b, n, 20251201)
	benchInputs.Store(n, fsys)
	return fsys
}

// TestSyntheticScenario checks that the benchmark's generator writes a
// scenario that loads, builds and plans (small size).
func TestSyntheticScenario(t *testing.T) {
	fsys := syntheticFS(t, 300, 1)
	s, files, err := Load(fsys, "scenario.yaml")
	require.NoError(t, err)
	in, err := Build(s, files, Options{})
	require.NoError(t, err)
	p, err := in.Plan(context.Background())
	require.NoError(t, err)
	checkPlan(t, in, p)
}

// syntheticFS writes a Bungo-like regency of about n employees: 17
// kecamatan, 30 OPD, n/250 puskesmas and n/15 schools, staff piled up in
// the urban kecamatan, as scenario.yaml plus CSV rosters in the
// spreadsheet dialect.
func syntheticFS(tb testing.TB, n int, seed uint64) fs.FS {
	r := rand.New(rand.NewPCG(seed, 0xb0))
	kec := []string{"Pasar Muara Bungo", "Rimbo Tengah", "Bungo Dani", "Bathin III", "Tanah Tumbuh", "Jujuhan",
		"Jujuhan Ilir", "Tanah Sepenggal", "Tanah Sepenggal Lintas", "Limbur Lubuk Mengkuang", "Rantau Pandan",
		"Muko-Muko Bathin VII", "Bathin II Babeko", "Bathin III Ulu", "Pelepat", "Pelepat Ilir", "Bathin II Pelayang"}
	area := func(k int) string {
		switch {
		case k < 3:
			return "urban"
		case k < 9:
			return "rural"
		case k < 14:
			return "remote"
		}
		return "very_remote"
	}
	f := func(x float64) *float64 { return &x }
	d := func(y, m, day int) time.Time { return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC) }
	var units []Unit
	var positions []Position
	type seat struct {
		pos    int
		urban  bool
		fields []string
		cert   string
		grade  []string
		edu    string
	}
	var seats []seat
	addPos := func(p Position, sk seat) {
		positions = append(positions, p)
		sk.pos = len(positions) - 1
		for range p.Needed {
			seats = append(seats, sk)
		}
	}
	gradeAdm := []string{"II/a", "II/b", "II/c", "III/a", "III/b"}
	nOPD := 30
	for k := range nOPD {
		id := unitID(fmt.Sprintf("OPD-%02d", k))
		kk := k % 17
		if k < 20 {
			kk = k % 3
		}
		units = append(units, Unit{ID: id, Name: fmt.Sprintf("Dinas %d", k), Kind: "dinas", Kecamatan: kec[kk], Area: area(kk)})
		u := area(kk) == "urban"
		addPos(Position{ID: positionID(id + "-KEPALA"), Unit: id, Name: "Kepala Dinas", Kind: "jpt", JPTLevel: "pratama", Echelon: "II.b", Needed: 1, UnitHead: true},
			seat{urban: u, grade: []string{"IV/b", "IV/c"}, edu: "S2"})
		addPos(Position{ID: positionID(id + "-SEKRETARIS"), Unit: id, Name: "Sekretaris", Kind: "administrator", Echelon: "III.a", Needed: 1},
			seat{urban: u, grade: []string{"IV/a", "IV/b"}, edu: "S1"})
		for b := range 3 {
			addPos(Position{ID: positionID(fmt.Sprintf("%s-KABID-%d", id, b)), Unit: id, Name: "Kepala Bidang", Kind: "administrator", Echelon: "III.b", Needed: 1},
				seat{urban: u, grade: []string{"III/d", "IV/a"}, edu: "S1"})
			addPos(Position{ID: positionID(fmt.Sprintf("%s-KASI-%d", id, b)), Unit: id, Name: "Kepala Seksi", Kind: "pengawas", Echelon: "IV.a", Needed: 2},
				seat{urban: u, grade: []string{"III/b", "III/c", "III/d"}, edu: "S1"})
		}
		for b := range 4 {
			addPos(Position{ID: positionID(fmt.Sprintf("%s-PELAKSANA-%d", id, b)), Unit: id, Name: "Pengadministrasi", Kind: "pelaksana", Needed: 4 + r.IntN(8)},
				seat{urban: u, grade: gradeAdm, edu: "SMA"})
		}
		addPos(Position{ID: positionID(id + "-ANALIS"), Unit: id, Name: "Analis Kebijakan Ahli Pertama", Kind: "functional", FunctionalGrade: "ahli_pertama",
			Needed: 2 + r.IntN(4), Fields: []string{"administrasi_publik", "ilmu_pemerintahan", "manajemen"}},
			seat{urban: u, fields: []string{"administrasi_publik", "ilmu_pemerintahan", "manajemen"}, grade: []string{"III/a", "III/b"}, edu: "S1"})
	}
	nPKM := max(2, n/250)
	for k := range nPKM {
		kk := k % 17
		id := unitID(fmt.Sprintf("PKM-%02d", k))
		units = append(units, Unit{ID: id, Name: fmt.Sprintf("Puskesmas %s %d", kec[kk], k), Kind: "puskesmas", Parent: "OPD-00", Kecamatan: kec[kk], Area: area(kk)})
		u := area(kk) == "urban"
		crit := f(1 + float64(kk/5)*0.5)
		addPos(Position{ID: positionID(id + "-KEPALA"), Unit: id, Name: "Kepala Puskesmas", Kind: "functional", FunctionalGrade: "ahli_muda", Needed: 1, UnitHead: true,
			Fields: []string{"kedokteran", "kesehatan_masyarakat", "keperawatan"}},
			seat{urban: u, fields: []string{"kesehatan_masyarakat"}, grade: []string{"III/c", "III/d"}, edu: "S1"})
		addPos(Position{ID: positionID(id + "-DOKTER"), Unit: id, Name: "Dokter Ahli Pertama", Kind: "functional", FunctionalGrade: "ahli_pertama", Profession: "doctor",
			Needed: 2, Fields: []string{"kedokteran"}, RequiredCerts: []string{"str"}, Criticality: crit},
			seat{urban: u, fields: []string{"kedokteran"}, cert: "str", grade: []string{"III/a", "III/b"}, edu: "profesi"})
		addPos(Position{ID: positionID(id + "-PERAWAT"), Unit: id, Name: "Perawat Terampil", Kind: "functional", FunctionalGrade: "terampil", Profession: "nurse",
			Needed: 6 + r.IntN(6), Fields: []string{"keperawatan"}, RequiredCerts: []string{"str"}, Criticality: crit},
			seat{urban: u, fields: []string{"keperawatan"}, cert: "str", grade: []string{"II/c", "II/d"}, edu: "D3"})
		addPos(Position{ID: positionID(id + "-BIDAN"), Unit: id, Name: "Bidan Terampil", Kind: "functional", FunctionalGrade: "terampil", Profession: "midwife",
			Needed: 4 + r.IntN(5), Fields: []string{"kebidanan"}, RequiredCerts: []string{"str"}, Criticality: crit},
			seat{urban: u, fields: []string{"kebidanan"}, cert: "str", grade: []string{"II/c", "II/d"}, edu: "D3"})
	}
	nSch := max(4, n/15)
	for k := range nSch {
		kk := r.IntN(17)
		id := unitID(fmt.Sprintf("SDN-%03d", k))
		units = append(units, Unit{ID: id, Name: fmt.Sprintf("SD Negeri %d", k), Kind: "school_sd", Parent: "OPD-01", Kecamatan: kec[kk], Area: area(kk), ClassGroups: 6})
		u := area(kk) == "urban"
		crit := f(1 + float64(kk/5)*0.5)
		addPos(Position{ID: positionID(id + "-KEPSEK"), Unit: id, Name: "Kepala Sekolah", Kind: "functional", FunctionalGrade: "ahli_muda", Profession: "teacher",
			Needed: 1, UnitHead: true, Fields: []string{"pgsd", "pendidikan_matematika"}, RequiredCerts: []string{"teacher_certificate"}},
			seat{urban: u, fields: []string{"pgsd"}, cert: "teacher_certificate", grade: []string{"III/c", "III/d"}, edu: "S1"})
		addPos(Position{ID: positionID(id + "-GURU"), Unit: id, Name: "Guru Kelas Ahli Pertama", Kind: "functional", FunctionalGrade: "ahli_pertama", Profession: "teacher",
			Needed: 5 + r.IntN(4), Fields: []string{"pgsd"}, Relevant: []string{"pendidikan_matematika", "pendidikan_ipa"}, Criticality: crit},
			seat{urban: u, fields: []string{"pgsd", "pendidikan_matematika", "pendidikan_ipa"}, grade: []string{"III/a", "III/b"}, edu: "S1"})
		addPos(Position{ID: positionID(id + "-PJOK"), Unit: id, Name: "Guru PJOK", Kind: "functional", FunctionalGrade: "ahli_pertama", Profession: "teacher",
			Needed: 1, Fields: []string{"pendidikan_jasmani"}, Criticality: crit},
			seat{urban: u, fields: []string{"pendidikan_jasmani"}, grade: []string{"III/a", "III/b"}, edu: "S1"})
	}
	// Staff: urban seats are filled 1.3×, others 0.7×, drawn until n.
	var pool []seat
	for _, sk := range seats {
		p := 0.7
		if sk.urban {
			p = 1.3
		}
		for p > 0 {
			if r.Float64() < p {
				pool = append(pool, sk)
			}
			p--
		}
	}
	r.Shuffle(len(pool), func(a, b int) { pool[a], pool[b] = pool[b], pool[a] })
	preds := []string{"sangat_baik", "baik", "baik", "baik", "butuh_perbaikan"}
	comps := []string{"integrity", "cooperation", "communication", "results_orientation", "public_service",
		"developing_others", "managing_change", "decision_making", "perekat_bangsa"}
	var emps []Employee
	for k := range n {
		sk := pool[k%len(pool)]
		birth := d(1967+r.IntN(32), 1+r.IntN(12), 1+r.IntN(28))
		e := Employee{
			NIP:       employeeID(fmt.Sprintf("%04d%02d%02d201501%04d", birth.Year(), int(birth.Month()), birth.Day(), k)),
			Name:      fmt.Sprintf("Pegawai %d", k),
			BirthDate: birth, Status: "PNS",
			Grade:         sk.grade[r.IntN(len(sk.grade))],
			Education:     sk.edu,
			Ratings:       []Rating{{Year: 2023, Predicate: preds[r.IntN(5)]}, {Year: 2024, Predicate: preds[r.IntN(5)]}},
			HomeKecamatan: units[r.IntN(len(units))].Kecamatan,
		}
		if len(sk.fields) > 0 {
			e.Field = sk.fields[r.IntN(len(sk.fields))]
		} else {
			e.Field = []string{"administrasi_publik", "manajemen", "akuntansi", "ilmu_hukum"}[r.IntN(4)]
		}
		if sk.cert != "" {
			e.Certifications = []Certification{{Kind: sk.cert}}
		}
		if r.IntN(2) == 0 {
			e.Potential = f(float64(40 + r.IntN(60)))
		}
		if r.IntN(2) == 0 {
			e.Competence = map[string]int{}
			for _, c := range comps {
				e.Competence[c] = 1 + r.IntN(4)
			}
			e.AssessedOn = d(2023+r.IntN(2), 1+r.IntN(12), 1)
		}
		if k < len(pool) || r.IntN(4) != 0 {
			e.Position = positions[sk.pos].ID
			since := d(2008+r.IntN(18), 1+r.IntN(12), 1)
			if since.After(d(2025, 11, 1)) {
				since = d(2025, 11, 1)
			}
			if min18 := birth.AddDate(19, 0, 0); since.Before(min18) {
				since = min18
			}
			e.PositionSince = since
		}
		emps = append(emps, e)
	}
	var ub, pb, eb bytes.Buffer
	require.NoError(tb, WriteRoster(&ub, units, SpreadsheetDialect()))
	require.NoError(tb, WriteRoster(&pb, positions, SpreadsheetDialect()))
	require.NoError(tb, WriteRoster(&eb, emps, SpreadsheetDialect()))
	yaml := `name: synthetic-bungo
description: Seeded synthetic regency for the plan benchmark.
plan_date: 2025-12-01
workforce:
  units_csv: units.csv
  positions_csv: positions.csv
  employees_csv: employees.csv
scoring:
  continuity_bonus: 0.05
`
	return fstest.MapFS{
		"scenario.yaml": {Data: []byte(yaml)},
		"units.csv":     {Data: ub.Bytes()},
		"positions.csv": {Data: pb.Bytes()},
		"employees.csv": {Data: eb.Bytes()},
	}
}
