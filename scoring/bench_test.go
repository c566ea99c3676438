package scoring

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"
)

// workforce is a synthetic Bungo-size regency (domain §7.6 calibration:
// ~50 % teachers, ~18 % health, the rest technical and administrative;
// grades mostly III; about a fifth under 2 years in post).
type workforce struct {
	*Table
	scorer    *Scorer
	employees []Employee
}

var kecamatan = []string{"Pasar Muara Bungo", "Rimbo Tengah", "Bungo Dani", "Bathin III", "Bathin III Ulu",
	"Tanah Tumbuh", "Rantau Pandan", "Jujuhan", "Jujuhan Ilir", "Tanah Sepenggal", "Tanah Sepenggal Lintas",
	"Limbur Lubuk Mengkuang", "Pelepat", "Pelepat Ilir", "Muko-Muko Bathin VII", "Bathin II Babeko",
	"Bathin II Pelayang"}

var teacherFields = []Field{"pgsd", "pendidikan_matematika", "pendidikan_bahasa_indonesia",
	"pendidikan_bahasa_inggris", "pendidikan_ipa", "pendidikan_ips", "pendidikan_agama_islam", "pendidikan_jasmani"}

var adminFields = []Field{"ilmu_pemerintahan", "administrasi_publik", "akuntansi", "manajemen",
	"ilmu_hukum", "teknik_sipil", "teknik_informatika", "ekonomi_pembangunan", "agribisnis", "sosiologi"}

var techNames = []string{"pengelolaan_keuangan_daerah", "perencanaan_pembangunan", "pengadaan_barang_jasa",
	"pelayanan_kesehatan", "pembelajaran", "kearsipan", "hukum_daerah", "teknologi_informasi"}

// newWorkforce builds nEmp employees and nPos positions from a fixed seed.
func newWorkforce(nEmp, nPos int, seed uint64) *workforce {
	rng := rand.New(rand.NewPCG(seed, 0x6d75746173))
	asOf := time.Date(2025, 10, 8, 0, 0, 0, 0, time.UTC)
	date := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	rdate := func(from, to int) time.Time { // uniform date in [from, to) years
		return date(from+rng.IntN(to-from), 1+rng.IntN(12), 1+rng.IntN(28))
	}
	s := &Scorer{Weights: DefaultWeights(), Rules: DefaultRules(), AsOf: asOf,
		Neighbours: map[string][]string{}}
	for k := range kecamatan[:len(kecamatan)-1] {
		s.Neighbours[kecamatan[k]] = []string{kecamatan[k+1]}
	}
	area := func(k int) AreaClass {
		switch {
		case k < 3:
			return AreaUrban
		case k%5 == 0:
			return AreaRemote
		}
		return AreaRural
	}
	addUnit := func(id string, kind UnitKind, k int) UnitID {
		s.Units = append(s.Units, Unit{ID: UnitID(id), Kind: kind, Kecamatan: kecamatan[k], Area: area(k)})
		return UnitID(id)
	}
	var opds, schools, pkms []UnitID
	for k := range 36 {
		opds = append(opds, addUnit("opd-"+strconv.Itoa(k), UnitDinas, rng.IntN(3)))
	}
	for k := range 425 {
		schools = append(schools, addUnit("sch-"+strconv.Itoa(k), UnitSchoolSD, k%len(kecamatan)))
	}
	for k := range 20 {
		pkms = append(pkms, addUnit("pkm-"+strconv.Itoa(k), UnitPuskesmas, k%len(kecamatan)))
	}
	std := func(level int, tech bool) Profile {
		var p Profile
		for c := range p.Levels {
			p.Levels[c] = max(1, level+rng.IntN(2)-rng.IntN(2))
		}
		if tech {
			p.Technical = []TechnicalLevel{{Name: techNames[rng.IntN(len(techNames))], Level: 1 + rng.IntN(3)}}
		}
		return p
	}
	for j := range nPos {
		p := Position{ID: PositionID(fmt.Sprintf("pos-%05d", j)), Needed: 1}
		switch x := rng.IntN(100); {
		case j < max(1, nPos*36/5500): // ≈ 36 JPT pratama posts in a regency
			p.Unit, p.Kind, p.JPTLevel, p.Echelon = opds[j], KindJPT, JPTPratama, EchelonIIb
		case x < 3:
			p.Unit, p.Kind, p.Echelon = opds[rng.IntN(len(opds))], KindAdministrator, EchelonIIIb
			p.Standard = std(3, true)
		case x < 8:
			p.Unit, p.Kind, p.Echelon = opds[rng.IntN(len(opds))], KindPengawas, EchelonIVa
			p.IsUnitHead = rng.IntN(4) == 0
		case x < 30:
			p.Unit, p.Kind = opds[rng.IntN(len(opds))], KindPelaksana
			p.Relevant = []Field{adminFields[rng.IntN(len(adminFields))]}
		case x < 48:
			p.Unit, p.Kind, p.FunctionalGrade = pkms[rng.IntN(len(pkms))], KindFunctional, FunctionalGrade(1+rng.IntN(2))
			p.Fields = []Field{[]Field{"keperawatan", "kebidanan", "kedokteran", "farmasi"}[rng.IntN(4)]}
			p.RequiredCerts = []CertKind{CertSTR}
			p.Profession = ProfessionNurse
			p.Standard = std(2, true)
		default:
			p.Unit, p.Kind, p.FunctionalGrade = schools[rng.IntN(len(schools))], KindFunctional, FunctionalGrade(1+rng.IntN(3))
			p.Fields = []Field{teacherFields[rng.IntN(len(teacherFields))]}
			p.RequiredCerts = []CertKind{CertTeacher}
			p.Profession = ProfessionTeacher
			p.IsUnitHead = rng.IntN(10) == 0
		}
		s.Positions = append(s.Positions, p)
	}
	es := make([]Employee, nEmp)
	for i := range es {
		e := &es[i]
		cur := &s.Positions[i%nPos]
		birth := rdate(1966, 1998)
		e.ID = EmployeeID(fmt.Sprintf("%s2015%02d%04d", birth.Format("20060102"), 1+i%12, i)) // 18 digits
		e.BirthDate, e.Status = birth, StatusPNS
		e.Grade = Grade(7 + rng.IntN(9))
		e.Position, e.PositionSince = cur.ID, rdate(2014, 2026)
		if e.PositionSince.After(asOf) {
			e.PositionSince = asOf
		}
		switch {
		case len(cur.Fields) > 0:
			e.Education = Education{Level: EducationS1, Field: cur.Fields[0]}
		default:
			e.Education = Education{Level: EducationLevel(3 + rng.IntN(8)), Field: adminFields[rng.IntN(len(adminFields))]}
		}
		for _, c := range cur.RequiredCerts {
			e.Certifications = append(e.Certifications, Certification{Kind: c})
		}
		if rng.IntN(10) < 6 {
			e.AssessedOn = rdate(2022, 2026)
			if e.AssessedOn.After(asOf) {
				e.AssessedOn = asOf
			}
			e.Competence = std(2, true)
		}
		e.Ratings = []Rating{{Year: 2023, Predicate: Predicate(1 + rng.IntN(3))},
			{Year: 2024, Predicate: Predicate(1 + rng.IntN(3))}}
		e.Potential = float64(40 + rng.IntN(60))
		e.History = []Stint{{Kind: KindPelaksana, From: rdate(2000, 2008), To: rdate(2008, 2014)}}
		if rng.IntN(3) == 0 {
			e.History = append(e.History, Stint{Kind: KindPengawas, From: rdate(2008, 2011), To: rdate(2011, 2014)})
		}
		e.HomeKecamatan = kecamatan[rng.IntN(len(kecamatan))]
		for range rng.IntN(3) {
			if rng.IntN(2) == 0 {
				e.Wishes = append(e.Wishes, Wish{Unit: s.Units[rng.IntN(len(s.Units))].ID})
			} else {
				e.Wishes = append(e.Wishes, Wish{Position: s.Positions[rng.IntN(nPos)].ID})
			}
		}
		if rng.IntN(25) == 0 {
			e.Locks = []Lock{{Kind: LockStudyLeave, Until: date(2026, 7, 1)}}
		}
		if rng.IntN(25) == 0 {
			e.Discipline = Discipline{Level: DisciplineLevel(1 + rng.IntN(3)), Until: date(2026, 1+rng.IntN(12), 1)}
		}
	}
	return &workforce{scorer: s, employees: es}
}

var (
	benchOnce sync.Once
	benchWF   *workforce
	benchSink float64

	refMu       sync.Mutex
	refSum      []float64 // per-row results of the first FitAll run
	refEligible []int
)

// bungo returns the cached Bungo-size workforce, compiled.
func bungo(b *testing.B) (*workforce, *Table) {
	benchOnce.Do(func() { benchWF = compiled(b, newWorkforce(5200, 5500, 1)) })
	return benchWF, benchWF.Table
}

// compiled compiles wf and stores the Table in it.
func compiled(t testing.TB, wf *workforce) *workforce {
	tab, err := wf.scorer.Compile(wf.employees)
	if err != nil {
		t.Fatal(err)
	}
	wf.Table = tab
	return wf
}

// newTestWorkforce returns a compiled synthetic workforce for tests.
func newTestWorkforce(t testing.TB, nEmp, nPos int) *workforce {
	return compiled(t, newWorkforce(nEmp, nPos, uint64(nEmp*1000+nPos)))
}

// fitAll scores every pair with the given number of goroutines, each
// filling its own rows in its own buffer, and returns the number of
// eligible pairs and their total fit summed per row in row order.
func fitAll(t *Table, workers int, bufs [][]float64, rowSum []float64, rowEligible []int) {
	if workers == 1 { // no goroutine: the whole op allocates nothing
		fitRows(t, 0, 1, bufs[0], rowSum, rowEligible)
		return
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fitRows(t, w, workers, bufs[w], rowSum, rowEligible)
		}()
	}
	wg.Wait()
}

// fitRows fills rows first, first+step, … and writes each row's sum and
// eligible count into its fixed slot, so results do not depend on the
// number of workers.
func fitRows(t *Table, first, step int, buf, rowSum []float64, rowEligible []int) {
	for i := first; i < t.Rows(); i += step {
		row := t.FitRow(buf, i)
		s, n := 0.0, 0
		for _, v := range row {
			if !math.IsNaN(v) {
				s += v
				n++
			}
		}
		rowSum[i], rowEligible[i] = s, n
	}
}

// BenchmarkFitAll scores and checks every pair of a Bungo-size workforce
// (5,200 × 5,500 ≈ 28.6 M pairs) per op. The pair loop allocates nothing;
// the few allocations per op are the goroutines.
func BenchmarkFitAll(b *testing.B) {
	wf, t := bungo(b)
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("employees=%d/positions=%d/workers=%d", t.Rows(), t.Cols(), workers), func(b *testing.B) {
			bufs := make([][]float64, workers)
			for w := range bufs {
				bufs[w] = make([]float64, t.Cols())
			}
			rowSum := make([]float64, t.Rows())
			rowEligible := make([]int, t.Rows())
			b.ReportAllocs()
			for b.Loop() {
				fitAll(t, workers, bufs, rowSum, rowEligible)
			}
			b.StopTimer()
			// Correctness: the same bits with 1 or 2 workers, and spot checks
			// against the single-pair path.
			eligible := 0
			for i := range t.Rows() {
				eligible += rowEligible[i]
				benchSink += rowSum[i]
			}
			refMu.Lock()
			if refSum == nil {
				refSum, refEligible = slices.Clone(rowSum), slices.Clone(rowEligible)
			} else if !slices.Equal(refSum, rowSum) || !slices.Equal(refEligible, rowEligible) {
				b.Fatal("results depend on the number of workers")
			}
			refMu.Unlock()
			b.ReportMetric(float64(t.Rows()*t.Cols()), "pairs/op")
			b.ReportMetric(float64(eligible)/float64(t.Rows()*t.Cols())*100, "eligible-%")
			for _, i := range []int{0, 17, t.Rows() - 1} {
				row := t.FitRow(bufs[0], i)
				for _, j := range []int{0, 99, t.Cols() - 1} {
					got, err := wf.scorer.Fit(&wf.employees[i], &wf.scorer.Positions[j])
					if err != nil || !(got == row[j] || math.IsNaN(got) && math.IsNaN(row[j])) {
						b.Fatalf("pair (%d, %d): table %v, single %v (%v)", i, j, row[j], got, err)
					}
				}
			}
		})
	}
}

// BenchmarkCompile measures validation and precomputation of the workforce.
func BenchmarkCompile(b *testing.B) {
	wf, _ := bungo(b)
	b.Run(fmt.Sprintf("employees=%d/positions=%d", len(wf.employees), len(wf.scorer.Positions)), func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			t, err := wf.scorer.Compile(wf.employees)
			if err != nil {
				b.Fatal(err)
			}
			benchSink += float64(t.Rows())
		}
	})
}
