package benchmarks

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/mutasi-asn/mutasi/scenarios"
	"github.com/mutasi-asn/mutasi/scoring"
)

// Sizes accepted by [Generate].
const (
	// MinGenerateEmployees is the smallest workforce Generate builds.
	MinGenerateEmployees = 100
	// MaxGenerateEmployees is the largest workforce Generate builds.
	MaxGenerateEmployees = 100_000
	// DefaultGenerateEmployees is the size of GenerateConfig{}: one
	// regency, anchored on the 5,184 PNS of Kabupaten Bungo in January 2020
	// (domain §7.3, §7.6).
	DefaultGenerateEmployees = 5200
)

// ErrGenerateConfig reports a [GenerateConfig] that Generate cannot honour,
// such as a size outside [MinGenerateEmployees, MaxGenerateEmployees].
// (It belongs in errors.go with the package's other sentinels.)
var ErrGenerateConfig = errors.New("benchmarks: invalid generate config")

// GenerateConfig configures [Generate]. The zero value generates the default
// regency of DefaultGenerateEmployees employees with seed 0 on the default
// plan date.
type GenerateConfig struct {
	// Employees is the number of employees (pegawai ASN: PNS, CPNS and a
	// few PPPK), from MinGenerateEmployees to MaxGenerateEmployees; 0 means
	// DefaultGenerateEmployees.
	Employees int
	// Seed seeds the PCG stream (math/rand/v2) that draws everything; every
	// value, 0 included, is a valid seed.
	Seed uint64
	// PlanDate is the plan date of the round, which ages, tenure and
	// ratings are measured at; the zero value means 1 December 2025, just
	// after the post-inauguration freeze of the 2025 Bungo election closed
	// (domain §2.4). Only its calendar date is used.
	PlanDate time.Time
	// TurnoverPct, when above 0, caps the transfers out of each unit at
	// that percentage of its holders (constraints.max_turnover_pct); at
	// most 100. Off by default: with a few thousand employees a binding
	// cap per unit makes hundreds of side constraints, and their Lagrangian
	// branch and bound takes minutes or more (it does not scale there yet;
	// at 500 employees a 20 % cap plans in about 2.5 s).
	TurnoverPct float64
}

// File is one generated file: a name relative to the scenario folder and
// its bytes.
type File struct {
	Name string
	Data []byte
}

// Generated is a generated scenario: its files and a few counts.
type Generated struct {
	// Files are scenario.yaml, units.csv, positions.csv and employees.csv,
	// sorted by name. scenario.yaml names the three rosters.
	Files []File
	// Units, Positions and Employees count the roster rows; Seats is the
	// sum of the positions' needed headcounts.
	Units, Positions, Employees, Seats int
}

// File returns the data of the named file, or nil when there is none. The
// slice is the file's own: do not modify it.
func (g *Generated) File(name string) []byte {
	for _, f := range g.Files {
		if f.Name == name {
			return f.Data
		}
	}
	return nil
}

// FS returns the files as a read-only file system, for
// scenarios.Load(g.FS(), "scenario.yaml"). It shares the files' bytes: do
// not modify them while the file system is in use.
func (g *Generated) FS() fs.FS { return memFS(g.Files) }

// Generate builds a synthetic workforce of a regency modelled on Kabupaten
// Bungo, Jambi (domain §7) as a complete scenario: scenario.yaml and the
// units, positions and employees rosters it names. It writes nothing; the
// caller stores the files (or loads them through [Generated.FS]).
//
// # Units
//
// The regency has the 17 kecamatan of Bungo with their zones (the urban
// core of Pasar Muara Bungo, Rimbo Tengah and Bungo Dani; rural elsewhere;
// Pelepat, Limbur Lubuk Mengkuang and Bathin III Ulu remote and Muko-Muko
// Bathin VII very remote, as a modelling assumption) and a population of
// 381,272 × n/5,200. Its units scale with the size: the secretariats,
// dinas and badan of a typical regency (domain §7.4; all 30 from about
// 4,000 employees, fewer below), the RSUD (one more per 5,200 employees),
// the 17 kecamatan offices, the 12 kelurahan from 2,000 employees, about 20
// puskesmas per 5,200 employees (one per kecamatan first) and about 206 SD
// and 42 SMP per 5,200 employees, spread by population. A small regency
// has a leaner structure (fewer divisions, no section heads).
//
// # Positions
//
// Needs follow ABK-like rules: teachers from each school's class groups
// (rombel), one class teacher per rombel and subject teachers by weekly
// lesson hours against a 24-hour load; puskesmas staff from the Permenkes
// 43/2019 table (domain §6.1) plus nurses and village midwives for the
// population served; hospital staff from beds; structural posts from the
// OPD's structure; staff posts from a workload in hours per 1,000
// inhabitants over the 1,250 effective hours of a year. A functional post
// is one line per grade (jenjang) held, with the deficit on the entry
// grade and a surplus cut in proportion.
//
// # Employees
//
// The workforce follows the calibration table of domain §7.6 (measured by
// TestGenerateShares at 5,200): teachers 50 % and health workers 17.5 %
// exactly; golongan I ≈ 1 %, II ≈ 17 %, III ≈ 57 %, IV ≈ 25 %; S1/D4
// ≈ 60 %, D3 and SMA ≈ 15 % each, S2 ≈ 5 %, D1/D2 ≈ 3 %, SD/SMP ≈ 2 %;
// about 20 % less than 2 years in post and 30 % more than 5; 3–4 % within a
// year of retirement, about 70 % of them teachers; PNS teachers covering
// about 72 % of the teacher seats, at or above 100 % in the urban core and
// about 40 % in remote kecamatan; a fifth of rural staff living in the
// urban core and half of those teachers and health workers asking to move
// there; 5–10 % with a field of study their post does not accept. Grades
// start at the entry rank of the education and rise with the years of
// service, at most one step per 2 years, up to the regular ceiling or, in
// a functional or structural post, the top of the post's grade band
// (domain §5.4–§5.6). Competences, potential and SKP ratings derive from
// one latent ability. A few employees are PPPK, CPNS, unplaced (back from
// study leave), locked, under a disciplinary penalty or married to a
// colleague (a conflict-of-interest pair). Every date lies between the
// birth date + 18 years and the plan date, and nobody is past the
// retirement age of the post held. Below about 1,000 employees the fixed
// structure (OPD heads, kecamatan offices) tilts grades and education
// towards the top.
//
// The same config gives the same bytes on every machine. Generate returns
// an error wrapping ErrGenerateConfig for a size out of range. It takes
// O(n log n) time and O(n) memory for n employees.
func Generate(cfg GenerateConfig) (*Generated, error) {
	n := cfg.Employees
	if n == 0 {
		n = DefaultGenerateEmployees
	}
	if n < MinGenerateEmployees || n > MaxGenerateEmployees {
		return nil, fmt.Errorf("%w: employees must be between %d and %d, got %d",
			ErrGenerateConfig, MinGenerateEmployees, MaxGenerateEmployees, n)
	}
	if !(cfg.TurnoverPct >= 0 && cfg.TurnoverPct <= 100) {
		return nil, fmt.Errorf("%w: turnover percentage must be between 0 and 100, got %v", ErrGenerateConfig, cfg.TurnoverPct)
	}
	plan := defaultPlanDate
	if !cfg.PlanDate.IsZero() {
		y, m, d := cfg.PlanDate.Date()
		plan = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	g := &generator{
		r:    rand.New(rand.NewPCG(cfg.Seed, generatorStream)),
		n:    n,
		seed: cfg.Seed,
		plan: plan,
		s:    float64(n) / DefaultGenerateEmployees,
		seq:  map[string]int{},

		turnover: cfg.TurnoverPct,
	}
	g.buildUnits()
	g.buildJobs()
	g.staff()
	g.extras()
	return g.files()
}

// generatorStream is the second PCG word; it names this generator's stream.
const generatorStream = 0x6d75746173690007

// defaultPlanDate is the plan date of GenerateConfig{}.
var defaultPlanDate = time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)

// Calibration (domain §7.6, "ASSUMPTION — generator defaults, not data").
const (
	// bungoPopulation is the BPS mid-2024 estimate (Bungo Dalam Angka
	// 2025); the synthetic regency has bungoPopulation × n/5,200 people.
	bungoPopulation = 381_272
	// teacherShare and healthShare are the job-family shares of the
	// workforce: teachers 45–55 %, health 15–20 %.
	teacherShare = 0.50
	healthShare  = 0.175
	// pppkRecent is the share of PPPK among the teachers and health workers
	// appointed in the last 4 years (the 2025 intake: 983 passed, 86 % of
	// them teachers and health workers); PPPK are a few per cent of the
	// workforce, which counts PNS first.
	pppkRecent = 0.3
	// effectiveHours is the effective working time of a year (WKE,
	// PermenPANRB 1/2020), the denominator of every ABK need.
	effectiveHours = 1250
	// teachingLoad is a teacher's weekly load in lesson hours (24 JP,
	// PP 74/2008 Pasal 52(2)).
	teachingLoad = 24
	// sdPer5200, smpPer5200 and pkmPer5200 are the schools and puskesmas
	// of the 5,200-employee regency. §7.6 suggests ≈ 350 SD and ≈ 75 SMP;
	// with the ABK rules below they would need twice the teachers the
	// workforce holds, so the counts are calibrated on the other anchor:
	// PNS teachers cover ≈ 70–75 % of the teacher need.
	sdPer5200  = 206
	smpPer5200 = 42
	pkmPer5200 = 20
	// bedsPer5200 are the beds of the RSUD of the 5,200-employee regency.
	bedsPer5200 = 250
	// opdWorkload scales the OPD workloads of opdTable (hours a year per
	// 1,000 inhabitants) so that the technical and administrative staff
	// cover their needs.
	opdWorkload = 1.85
)

// areaPull is the relative staffing of service units (schools, puskesmas,
// kecamatan offices) by area class: surplus in the urban core, shortage in
// remote units (domain §7.3, §8). Indexed by scoring.AreaClass.
var areaPull = [5]float64{0, 2.05, 0.95, 0.68, 0.55}

// kecamatan of Bungo (domain §7.2): name, code, area class and a relative
// population weight. The urban core is real; the remote classes and the
// weights are modelling assumptions [VERIFY against Permenkes categories
// and BPS tables].
var kecamatanTable = []struct {
	name, code string
	area       scoring.AreaClass
	weight     float64
}{
	{"Pasar Muara Bungo", "PMB", scoring.AreaUrban, 9},
	{"Rimbo Tengah", "RTG", scoring.AreaUrban, 8},
	{"Bungo Dani", "BDN", scoring.AreaUrban, 6},
	{"Bathin III", "BT3", scoring.AreaRural, 7},
	{"Bathin III Ulu", "B3U", scoring.AreaRemote, 4},
	{"Tanah Tumbuh", "TTB", scoring.AreaRural, 6},
	{"Rantau Pandan", "RPD", scoring.AreaRural, 4},
	{"Jujuhan", "JJH", scoring.AreaRural, 6},
	{"Jujuhan Ilir", "JJI", scoring.AreaRural, 4},
	{"Tanah Sepenggal", "TSP", scoring.AreaRural, 6},
	{"Tanah Sepenggal Lintas", "TSL", scoring.AreaRural, 6},
	{"Limbur Lubuk Mengkuang", "LLM", scoring.AreaRemote, 5},
	{"Pelepat", "PLP", scoring.AreaRemote, 6},
	{"Pelepat Ilir", "PLI", scoring.AreaRural, 8},
	{"Muko-Muko Bathin VII", "MMB", scoring.AreaVeryRemote, 4},
	{"Bathin II Babeko", "B2B", scoring.AreaRural, 4},
	{"Bathin II Pelayang", "B2P", scoring.AreaRural, 3},
}

// kecamatanOrder is the order in which scarce units (puskesmas at small
// sizes) are spread over the kecamatan: zones interleaved, so that even a
// small regency has remote units.
var kecamatanOrder = []int{0, 5, 12, 1, 7, 14, 2, 3, 11, 9, 4, 13, 10, 6, 8, 15, 16}

// neighbourTable is an illustrative adjacency of the kecamatan, by code
// [VERIFY against a map], each pair once (the
// relation is symmetric).
var neighbourTable = [][2]string{
	{"PMB", "RTG"}, {"PMB", "BDN"}, {"RTG", "BDN"}, {"RTG", "BT3"}, {"RTG", "TSP"},
	{"BDN", "PLI"}, {"BDN", "TTB"}, {"BT3", "B3U"}, {"BT3", "LLM"}, {"TTB", "JJH"},
	{"TTB", "TSL"}, {"JJH", "JJI"}, {"RPD", "MMB"}, {"RPD", "PLP"}, {"PLP", "LLM"},
	{"PLP", "PLI"}, {"PLI", "B2B"}, {"B2B", "B2P"}, {"TSP", "TSL"}, {"JJI", "B2P"},
}

// kelurahanTable lists the 12 kelurahan of the urban core (domain §7.2) by
// kecamatan code; the mapping is an assumption [VERIFY].
var kelurahanTable = []struct{ name, kec string }{
	{"Pasir Putih", "RTG"}, {"Cadika", "RTG"}, {"Jaya Setia", "PMB"}, {"Tanjung Gedang", "PMB"},
	{"Bungo Timur", "PMB"}, {"Bungo Barat", "PMB"}, {"Batang Bungo", "PMB"}, {"Sungai Kerjan", "BDN"},
	{"Sungai Pinang", "BDN"}, {"Manggis", "BDN"}, {"Bungo Taman Agung", "BDN"}, {"Sungai Binjai", "BDN"},
}

// opd is an OPD (dinas, badan, secretariat) of the typical regency set
// (domain §7.4), in the order in which smaller regencies keep them.
type opd struct {
	id, name, kind, kec string
	bidang              int     // heads of division (kepala bidang/bagian)
	staff               float64 // staff workload, hours a year per 1,000 inhabitants
	jf                  []jfPost
}

// jfPost is a technical functional post of an OPD (keahlian track).
type jfPost struct {
	key, name string
	fields    []string
	hours     float64 // workload, hours a year per 1,000 inhabitants
}

var opdTable = []opd{
	{"SETDA", "Sekretariat Daerah", "setda", "RTG", 6, 95, []jfPost{
		{"ANALIS-KEBIJAKAN", "Analis Kebijakan", []string{"administrasi_publik", "ilmu_pemerintahan", "ilmu_hukum"}, 12},
		{"PERANCANG-PUU", "Perancang Peraturan Perundang-undangan", []string{"ilmu_hukum", "hukum_tata_negara"}, 5}}},
	{"DISDIKBUD", "Dinas Pendidikan dan Kebudayaan", "dinas", "RTG", 4, 60, nil},
	{"DINKES", "Dinas Kesehatan", "dinas", "PMB", 4, 45, []jfPost{
		{"EPIDEMIOLOG", "Epidemiolog Kesehatan", []string{"kesehatan_masyarakat"}, 6},
		{"ADMINKES", "Administrator Kesehatan", []string{"kesehatan_masyarakat", "administrasi_publik"}, 6}}},
	{"BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "badan", "RTG", 3, 35, []jfPost{
		{"ANALIS-SDM", "Analis SDM Aparatur", []string{"administrasi_publik", "psikologi", "manajemen"}, 9}}},
	{"BAPPEDA", "Badan Perencanaan Pembangunan Daerah", "badan", "RTG", 4, 25, []jfPost{
		{"PERENCANA", "Perencana", []string{"perencanaan_wilayah_kota", "ekonomi_pembangunan", "statistika"}, 10}}},
	{"BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah", "badan", "RTG", 4, 55, []jfPost{
		{"ANALIS-KEUANGAN", "Analis Pengelolaan Keuangan APBD", []string{"akuntansi", "keuangan_daerah", "manajemen"}, 10}}},
	{"INSPEKTORAT", "Inspektorat Daerah", "inspektorat", "RTG", 4, 15, []jfPost{
		{"AUDITOR", "Auditor", []string{"akuntansi", "ilmu_hukum", "teknik_sipil"}, 20},
		{"P2UPD", "Pengawas Penyelenggaraan Urusan Pemerintahan Daerah", []string{"ilmu_pemerintahan", "administrasi_publik"}, 8}}},
	{"DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", "dinas", "RTG", 4, 50, []jfPost{
		{"TEKNIK-JALAN", "Teknik Jalan dan Jembatan", []string{"teknik_sipil"}, 12},
		{"PENATA-RUANG", "Penata Ruang", []string{"perencanaan_wilayah_kota", "arsitektur"}, 4}}},
	{"SATPOLPP", "Dinas Satuan Polisi Pamong Praja dan Pemadam Kebakaran", "dinas", "PMB", 3, 120, nil},
	{"SETWAN", "Sekretariat DPRD", "setwan", "RTG", 3, 35, []jfPost{
		{"ANALIS-LEGISLATIF", "Analis Legislatif", []string{"ilmu_hukum", "ilmu_politik", "administrasi_publik"}, 5}}},
	{"BP2RD", "Badan Pengelola Pajak dan Retribusi Daerah", "badan", "PMB", 3, 45, nil},
	{"DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", "dinas", "RTG", 3, 45, []jfPost{
		{"ADMINDUK", "Administrator Database Kependudukan", []string{"teknik_informatika", "sistem_informasi"}, 6}}},
	{"DLH", "Dinas Lingkungan Hidup", "dinas", "RTG", 3, 60, []jfPost{
		{"PENGAWAS-LH", "Pengendali Dampak Lingkungan", []string{"teknik_lingkungan", "biologi", "kimia"}, 6}}},
	{"DPMD", "Dinas Pemberdayaan Masyarakat dan Dusun", "dinas", "RTG", 3, 25, nil},
	{"DINSOS", "Dinas Sosial", "dinas", "RTG", 3, 25, []jfPost{
		{"PEKSOS", "Pekerja Sosial", []string{"kesejahteraan_sosial", "sosiologi"}, 6}}},
	{"DISPERTAN", "Dinas Pertanian", "dinas", "RTG", 4, 30, []jfPost{
		{"PENYULUH-PERTANIAN", "Penyuluh Pertanian", []string{"agroteknologi", "agribisnis", "peternakan"}, 30},
		{"MEDIK-VETERINER", "Medik Veteriner", []string{"kedokteran_hewan"}, 3}}},
	{"DISHUB", "Dinas Perhubungan", "dinas", "PMB", 3, 40, nil},
	{"DISKOMINFO", "Dinas Komunikasi dan Informatika", "dinas", "RTG", 3, 20, []jfPost{
		{"PRANATA-KOMPUTER", "Pranata Komputer", []string{"teknik_informatika", "sistem_informasi"}, 6},
		{"PRANATA-HUMAS", "Pranata Hubungan Masyarakat", []string{"ilmu_komunikasi"}, 4}}},
	{"BPBD", "Badan Penanggulangan Bencana Daerah", "badan", "RTG", 3, 30, nil},
	{"KESBANGPOL", "Badan Kesatuan Bangsa dan Politik", "badan", "RTG", 2, 15, nil},
	{"DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "dinas", "RTG", 3, 20, nil},
	{"DISPERINDAGKOP", "Dinas Perindustrian, Perdagangan, Koperasi dan UKM", "dinas", "PMB", 3, 25, nil},
	{"DP3AP2KB", "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan KB", "dinas", "RTG", 3, 15, []jfPost{
		{"PENYULUH-KB", "Penyuluh Keluarga Berencana", []string{"kesehatan_masyarakat", "sosiologi", "kesejahteraan_sosial"}, 12}}},
	{"DISNAKERTRANS", "Dinas Tenaga Kerja dan Transmigrasi", "dinas", "RTG", 3, 15, nil},
	{"DISPERKIM", "Dinas Perumahan dan Kawasan Permukiman", "dinas", "RTG", 3, 20, nil},
	{"DISPORAPAR", "Dinas Pemuda, Olahraga dan Pariwisata", "dinas", "PMB", 3, 20, nil},
	{"DISPUSIP", "Dinas Perpustakaan dan Kearsipan", "dinas", "RTG", 2, 15, []jfPost{
		{"PUSTAKAWAN", "Pustakawan", []string{"ilmu_perpustakaan"}, 4},
		{"ARSIPARIS", "Arsiparis", []string{"kearsipan"}, 4}}},
	{"DKP", "Dinas Ketahanan Pangan", "dinas", "RTG", 3, 15, nil},
	{"DISKAN", "Dinas Perikanan", "dinas", "RTG", 2, 15, []jfPost{
		{"PENYULUH-PERIKANAN", "Penyuluh Perikanan", []string{"perikanan"}, 6}}},
	{"DISBUN", "Dinas Perkebunan", "dinas", "RTG", 3, 15, []jfPost{
		{"PENGAWAS-BENIH", "Pengawas Benih Tanaman", []string{"agroteknologi", "agribisnis"}, 5}}},
}

// Job families, counted by the profession of the post: teachers, the nine
// health professions, and everyone else (technical and administrative).
const (
	familyOther = iota
	familyTeacher
	familyHealth
)

func familyOf(profession string) int {
	switch profession {
	case "":
		return familyOther
	case "teacher":
		return familyTeacher
	}
	return familyHealth
}

// unitInfo is the generator's view of a unit.
type unitInfo struct {
	kec    int // index into kecamatanTable
	area   scoring.AreaClass
	kind   string
	rombel int
}

// job is one kind of post in one unit, before it is split into lines by
// functional grade: its ABK need and who may hold it.
type job struct {
	unit       int
	key, title string
	kind       string // position kind
	echelon    string
	jpt        bool
	profession string
	fields     []string
	certs      []string
	minEdu     string
	need       int
	head       bool
	prof       *profile
	structural bool    // managerial post: filled with probability fill
	fill       float64 // structural fill probability
	track      string  // functional track of the job; "" chooses by education
	holders    []int   // employees generated for it
}

// generator holds the state of one Generate call.
type generator struct {
	r    *rand.Rand
	n    int
	seed uint64
	plan time.Time
	s    float64 // size relative to the 5,200-employee regency

	turnover float64 // GenerateConfig.TurnoverPct

	units     []scenarios.Unit
	info      []unitInfo
	jobs      []*job
	positions []scenarios.Position
	employees []scenarios.Employee
	emps      []empInfo
	seq       map[string]int
	cons      scenarios.Constraints
}

// empInfo is what the generator remembers of an employee.
type empInfo struct {
	family int // job family of the post
}

func (g *generator) pop() float64 { return bungoPopulation * g.s }

func (g *generator) addUnit(id, name, kind, parent string, kec int, extra func(*scenarios.Unit)) int {
	k := kecamatanTable[kec]
	u := scenarios.Unit{ID: scoring.UnitID(id), Name: name, Kind: kind, Parent: scoring.UnitID(parent),
		Kecamatan: k.name, Area: k.area.String()}
	if extra != nil {
		extra(&u)
	}
	g.units = append(g.units, u)
	g.info = append(g.info, unitInfo{kec: kec, area: k.area, kind: kind, rombel: u.ClassGroups})
	return len(g.units) - 1
}

func kecIndex(code string) int {
	for i, k := range kecamatanTable {
		if k.code == code {
			return i
		}
	}
	panic("benchmarks: unknown kecamatan code " + code)
}

// spread apportions total units over the kecamatan by population weight
// (largest remainder, ties by kecamatanOrder); with fewer units than
// kecamatan it takes the kecamatan in kecamatanOrder.
func spread(total int) []int {
	out := make([]int, len(kecamatanTable))
	if total < len(kecamatanTable) {
		for _, k := range kecamatanOrder[:total] {
			out[k]++
		}
		return out
	}
	var sum float64
	for _, k := range kecamatanTable {
		sum += k.weight
	}
	rem := make([]float64, len(out))
	given := 0
	for i, k := range kecamatanTable {
		x := float64(total) * k.weight / sum
		out[i] = int(x)
		rem[i] = x - float64(out[i])
		given += out[i]
	}
	order := slices.Clone(kecamatanOrder)
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case rem[a] > rem[b]:
			return -1
		case rem[a] < rem[b]:
			return 1
		}
		return 0
	})
	for i := 0; given < total; i++ {
		out[order[i%len(order)]]++
		given++
	}
	return out
}

func idWidth(count int) int { return max(3, len(fmt.Sprint(count))) }

// buildUnits creates the units.
func (g *generator) buildUnits() {
	// OPDs: all 30 from about 4,000 employees; fewer below (the ones first
	// in opdTable), at least 4.
	nOPD := min(len(opdTable), max(4, int(math.Round(float64(len(opdTable))*math.Sqrt(g.s*1.3)))))
	for _, o := range opdTable[:nOPD] {
		g.addUnit(o.id, o.name, o.kind, "", kecIndex(o.kec), nil)
	}
	// Hospitals: the RSUD H. Hanafie, and one more (RSUD Pratama) per
	// 5,200 employees.
	nRS := max(1, int(math.Round(g.s)))
	rsKec := []int{0, 5, 3, 9, 13, 12, 7, 10}
	for i := range nRS {
		id, name, kec := "RSUD", "RSUD H. Hanafie Muara Bungo", 0
		if i > 0 {
			kec = rsKec[i%len(rsKec)]
			id = fmt.Sprintf("RSUD-%02d", i+1)
			name = fmt.Sprintf("RSUD Pratama %s %d", kecamatanTable[kec].name, i+1)
		}
		g.addUnit(id, name, "hospital", "", kec, func(u *scenarios.Unit) { u.Inpatient = true })
	}
	// The 17 kecamatan offices, under the Setda.
	for i, k := range kecamatanTable {
		g.addUnit("KEC-"+k.code, "Kecamatan "+k.name, "kecamatan", "SETDA", i, nil)
	}
	if g.n >= 2000 {
		for i, k := range kelurahanTable {
			kec := kecIndex(k.kec)
			g.addUnit(fmt.Sprintf("KEL-%02d", i+1), "Kelurahan "+k.name, "kelurahan", "KEC-"+k.kec, kec, nil)
		}
	}
	// Puskesmas: one per kecamatan first (in kecamatanOrder), the rest by
	// population; a third of the rural ones and the first urban one have
	// inpatient care.
	nPKM := max(1, int(math.Round(pkmPer5200*g.s)))
	perKec := make([]int, len(kecamatanTable))
	if nPKM <= len(kecamatanTable) {
		perKec = spread(nPKM)
	} else {
		extra := spread(nPKM - len(kecamatanTable))
		for i := range perKec {
			perKec[i] = 1 + extra[i]
		}
	}
	w := idWidth(nPKM)
	num := 0
	for _, k := range kecamatanOrder {
		for j := range perKec[k] {
			num++
			name := "Puskesmas " + kecamatanTable[k].name
			if j > 0 {
				name += fmt.Sprintf(" %d", j+1)
			}
			inpatient := g.r.IntN(3) == 0 || num == 1
			g.addUnit(fmt.Sprintf("PKM-%0*d", w, num), name, "puskesmas", "DINKES", k,
				func(u *scenarios.Unit) { u.Inpatient = inpatient })
		}
	}
	// Schools, numbered regency-wide as Bungo numbers them.
	g.schools("school_sd", "SDN", "SD Negeri", max(2, int(math.Round(sdPer5200*g.s))))
	g.schools("school_smp", "SMPN", "SMP Negeri", max(1, int(math.Round(smpPer5200*g.s))))
}

// schools adds count schools of one kind with their class groups.
func (g *generator) schools(kind, prefix, title string, count int) {
	per := spread(count)
	w := idWidth(count)
	num := 0
	for k := range kecamatanTable {
		for range per[k] {
			num++
			area := kecamatanTable[k].area
			var rombel int
			if kind == "school_sd" {
				switch area {
				case scoring.AreaUrban:
					rombel = []int{6, 12, 12, 18, 24}[g.r.IntN(5)]
				case scoring.AreaRural:
					rombel = []int{6, 6, 6, 7, 9, 12}[g.r.IntN(6)]
				default:
					rombel = 6
				}
			} else {
				switch area {
				case scoring.AreaUrban:
					rombel = 9 + 3*g.r.IntN(6)
				case scoring.AreaRural:
					rombel = 3 + 3*g.r.IntN(3)
				default:
					rombel = 3 + 3*g.r.IntN(2)
				}
			}
			g.addUnit(fmt.Sprintf("%s-%0*d", prefix, w, num), fmt.Sprintf("%s %d %s", title, num, kecamatanTable[k].name),
				kind, "DISDIKBUD", k, func(u *scenarios.Unit) { u.ClassGroups = rombel })
		}
	}
}

// abk returns the ABK need of a workload of hoursPerK hours a year per
// 1,000 inhabitants, scaled by share of the population: ceil(hours / WKE).
func (g *generator) abk(hoursPerK, share float64) int {
	return int(math.Ceil(g.pop() / 1000 * hoursPerK * share / effectiveHours))
}

func (g *generator) addJob(j *job) *job {
	g.jobs = append(g.jobs, j)
	return j
}

func (g *generator) structural(unit int, key, title, kind, echelon string, need int, head bool, p *profile) *job {
	minEdu := "S1"
	fill := 0.93
	switch kind {
	case "pengawas":
		minEdu = "D3"
	case "jpt":
		fill = 0.85 // ≈ 15 % of JPT pratama posts vacant (domain §7.6)
	}
	return g.addJob(&job{unit: unit, key: key, title: title, kind: kind, echelon: echelon, jpt: kind == "jpt",
		minEdu: minEdu, need: need, head: head, prof: p, structural: true, fill: fill})
}

func (g *generator) staffJob(unit int, key, title string, need int, p *profile) {
	if need > 0 {
		g.addJob(&job{unit: unit, key: key, title: title, kind: "pelaksana", need: need, prof: p})
	}
}

// buildJobs derives the jobs and their needs from ABK-like rules.
func (g *generator) buildJobs() {
	nOPD, kecPop := 0, 0.0
	for _, k := range kecamatanTable {
		kecPop += k.weight
	}
	for ui := range g.units {
		u, in := &g.units[ui], g.info[ui]
		popShare := kecamatanTable[in.kec].weight / kecPop // the kecamatan's share
		switch in.kind {
		case "setda", "setwan", "inspektorat", "dinas", "badan":
			g.opdJobs(ui, u, opdTable[nOPD])
			nOPD++
		case "hospital":
			g.hospitalJobs(ui)
		case "kecamatan":
			g.structural(ui, "CAMAT", "Camat", "administrator", "III.b", 1, true, profStructural)
			if g.n >= 1000 {
				g.structural(ui, "SEKCAM", "Sekretaris Camat", "pengawas", "IV.a", 1, false, profStructural)
			}
			if k := g.steps(2000, 4000); k > 0 {
				g.structural(ui, "KASI", "Kepala Seksi", "pengawas", "IV.b", k, false, profStructural)
			}
			g.staffJob(ui, "ADM", "Pengadministrasi Perkantoran", g.abk(250, popShare), profClerk)
			g.staffJob(ui, "OPR", "Operator Layanan Operasional", g.abk(120, popShare), profOperator)
			g.staffJob(ui, "UMUM", "Pengelola Umum Operasional", g.abk(75, popShare), profGeneral)
		case "kelurahan":
			g.structural(ui, "LURAH", "Lurah", "pengawas", "IV.a", 1, true, profStructural)
			g.staffJob(ui, "ADM", "Pengadministrasi Perkantoran", max(2, g.abk(10, 1.0/25)), profClerk)
		case "puskesmas":
			g.puskesmasJobs(ui, u.Inpatient)
		case "school_sd":
			g.sdJobs(ui, in.rombel)
		case "school_smp":
			g.smpJobs(ui, in.rombel)
		}
	}
}

// steps counts the thresholds the size has reached: a small regency has
// a leaner structure.
func (g *generator) steps(thresholds ...int) int {
	k := 0
	for _, t := range thresholds {
		if g.n >= t {
			k++
		}
	}
	return k
}

// bidang is the number of divisions of an OPD: all from about 4,000
// employees, fewer below.
func (g *generator) bidang(o opd) int {
	return max(1, min(o.bidang, int(math.Round(float64(o.bidang)*math.Sqrt(g.s*1.3)))))
}

func (g *generator) opdJobs(ui int, u *scenarios.Unit, o opd) {
	head, echelon := "Kepala "+u.Name, "II.b"
	switch o.id {
	case "SETDA":
		head, echelon = "Sekretaris Daerah", "II.a"
	case "SETWAN":
		head = "Sekretaris DPRD"
	case "INSPEKTORAT":
		head = "Inspektur Daerah"
	}
	g.structural(ui, "KEPALA", head, "jpt", echelon, 1, true, profJPT)
	if o.id == "SETDA" {
		asisten := []string{"Asisten Pemerintahan dan Kesejahteraan Rakyat", "Asisten Perekonomian dan Pembangunan", "Asisten Administrasi Umum"}
		for i, a := range asisten[:1+2*g.steps(2000)] {
			g.structural(ui, fmt.Sprintf("ASISTEN-%d", i+1), a, "jpt", "II.b", 1, false, profJPT)
		}
		if k := g.steps(2000, 3000, 4000); k > 0 {
			g.structural(ui, "STAF-AHLI", "Staf Ahli Bupati", "jpt", "II.b", k, false, profJPT)
		}
		g.structural(ui, "KABAG", "Kepala Bagian", "administrator", "III.a", g.bidang(o), false, profStructural)
	} else {
		g.structural(ui, "SEKRETARIS", "Sekretaris", "administrator", "III.a", 1, false, profStructural)
		g.structural(ui, "KABID", "Kepala Bidang", "administrator", "III.b", g.bidang(o), false, profStructural)
	}
	g.structural(ui, "KASUBBAG", "Kepala Subbagian Umum dan Kepegawaian", "pengawas", "IV.a", 1, false, profStructural)
	// Staff: the OPD's workload split over clerks, analysts, operators and
	// general staff.
	h := o.staff * opdWorkload
	g.staffJob(ui, "ADM", "Pengadministrasi Perkantoran", g.abk(h*0.40, 1), profClerk)
	g.staffJob(ui, "PENATA", "Penata Layanan Operasional", g.abk(h*0.25, 1), profAnalyst)
	g.staffJob(ui, "OPR", "Operator Layanan Operasional", g.abk(h*0.20, 1), profOperator)
	g.staffJob(ui, "UMUM", "Pengelola Umum Operasional", g.abk(h*0.15, 1), profGeneral)
	switch o.id {
	case "SATPOLPP":
		g.addJob(&job{unit: ui, key: "POLPP", title: "Polisi Pamong Praja", kind: "functional", track: "keterampilan",
			minEdu: "SMA", need: g.abk(70*opdWorkload, 1), prof: profPolPP})
		g.addJob(&job{unit: ui, key: "DAMKAR", title: "Analis Kebakaran", kind: "functional", track: "keterampilan",
			minEdu: "SMA", need: g.abk(25*opdWorkload, 1), prof: profPolPP})
	case "DISDIKBUD":
		g.addJob(&job{unit: ui, key: "PENGAWAS-SEKOLAH", title: "Pengawas Sekolah", kind: "functional", track: "keahlian",
			profession: "teacher", fields: []string{"pgsd", "pendidikan_matematika", "pendidikan_bahasa_indonesia", "pendidikan_ipa"},
			certs: []string{"teacher_certificate"}, minEdu: "S1", need: max(1, g.abk(4.5, 1)), prof: profSchoolInspector})
	}
	for _, jf := range o.jf {
		g.addJob(&job{unit: ui, key: jf.key, title: jf.name, kind: "functional", track: "keahlian",
			fields: jf.fields, minEdu: "S1", need: max(1, g.abk(jf.hours*opdWorkload, 1)), prof: technicalProfile(jf.fields)})
	}
}

func (g *generator) hospitalJobs(ui int) {
	nRS := max(1, int(math.Round(g.s)))
	beds := max(20.0, bedsPer5200*g.s/float64(nRS))
	need := func(per float64) int { return max(1, int(math.Ceil(beds/per))) }
	g.addJob(&job{unit: ui, key: "DIREKTUR", title: "Direktur", kind: "administrator", echelon: "III.a", minEdu: "S1",
		need: 1, head: true, prof: profDirector, structural: true, fill: 1})
	g.structural(ui, "KABID", "Kepala Bidang", "administrator", "III.b", 1+g.steps(2000), false, profStructural)
	g.structural(ui, "KASI", "Kepala Seksi", "pengawas", "IV.a", 1+g.steps(2000, 4000), false, profStructural)
	g.health(ui, "DOKTER-SPESIALIS", "Dokter Spesialis", "doctor", "keahlian", "S2", need(16), profSpecialist)
	g.health(ui, "DOKTER", "Dokter", "doctor", "keahlian", "profesi", need(14), profDoctor)
	g.health(ui, "DOKTER-GIGI", "Dokter Gigi", "dentist", "keahlian", "profesi", need(80), profDentist)
	g.health(ui, "PERAWAT", "Perawat", "nurse", "", "D3", need(1.6), profNurse)
	g.health(ui, "BIDAN", "Bidan", "midwife", "", "D3", need(10), profMidwife)
	g.health(ui, "FARMASI", "Asisten Apoteker", "pharmacy", "", "D3", need(20), healthProfile("farmasi"))
	g.health(ui, "ATLM", "Pranata Laboratorium Kesehatan", "lab_technologist", "", "D3", need(20), healthProfile("teknologi_laboratorium_medis"))
	g.health(ui, "NUTRISIONIS", "Nutrisionis", "nutritionist", "", "D3", need(40), healthProfile("gizi"))
	g.health(ui, "SANITARIAN", "Sanitarian", "sanitarian", "", "D3", need(100), healthProfile("kesehatan_lingkungan"))
	g.addJob(&job{unit: ui, key: "PEREKAM-MEDIS", title: "Perekam Medis", kind: "functional", track: "keterampilan",
		fields: []string{"rekam_medis"}, minEdu: "D3", need: need(25), prof: technicalProfile([]string{"rekam_medis"})})
	g.staffJob(ui, "ADM", "Pengadministrasi Perkantoran", need(9), profClerk)
	g.staffJob(ui, "UMUM", "Pengelola Umum Operasional", need(12), profGeneral)
}

func (g *generator) health(ui int, key, title, profession, track, minEdu string, need int, p *profile) {
	fields := p.fields[:1]
	g.addJob(&job{unit: ui, key: key, title: title, kind: "functional", profession: profession, track: track,
		fields: fields, certs: []string{"str"}, minEdu: minEdu, need: need, prof: p})
}

func (g *generator) puskesmasJobs(ui int, inpatient bool) {
	g.addJob(&job{unit: ui, key: "KEPALA", title: "Kepala", kind: "functional", track: "keahlian",
		fields: []string{"kesehatan_masyarakat", "kedokteran", "keperawatan"}, minEdu: "S1", need: 1, head: true,
		prof: profPKMHead, structural: true, fill: 0.95})
	// Permenkes 75/2014 → 43/2019 (domain §6.1): without / with inpatient
	// care; midwives also by catchment (bidan desa).
	doctors, nurses, midwives := 1, 5, 4
	if inpatient {
		doctors, nurses, midwives = 2, 8, 7
	}
	// Catchment: nurses for the population served, and a village midwife
	// (bidan desa) per dusun of about 2,500 people.
	catchment := g.pop() / math.Max(1, pkmPer5200*g.s)
	nurses += int(catchment / 5000)
	midwives = max(midwives, int(catchment/2500))
	g.health(ui, "DOKTER", "Dokter", "doctor", "keahlian", "profesi", doctors, profDoctor)
	g.health(ui, "DOKTER-GIGI", "Dokter Gigi", "dentist", "keahlian", "profesi", 1, profDentist)
	g.health(ui, "PERAWAT", "Perawat", "nurse", "", "D3", nurses, profNurse)
	g.health(ui, "BIDAN", "Bidan", "midwife", "", "D3", midwives, profMidwife)
	g.health(ui, "PROMKES", "Penyuluh Kesehatan Masyarakat", "health_promotion", "", "D3", 1, healthProfile("kesehatan_masyarakat"))
	g.health(ui, "SANITARIAN", "Sanitarian", "sanitarian", "", "D3", 1, healthProfile("kesehatan_lingkungan"))
	g.health(ui, "NUTRISIONIS", "Nutrisionis", "nutritionist", "", "D3", 1, healthProfile("gizi"))
	g.health(ui, "FARMASI", "Asisten Apoteker", "pharmacy", "", "D3", 1, healthProfile("farmasi"))
	g.health(ui, "ATLM", "Pranata Laboratorium Kesehatan", "lab_technologist", "", "D3", 1, healthProfile("teknologi_laboratorium_medis"))
	g.staffJob(ui, "ADM", "Pengadministrasi Perkantoran", 2, profClerk)
}

// teacherJob adds a teacher post: need from lesson hours (jp a week per
// class group) against the 24-hour load, or 1 per class group.
func (g *generator) teacherJob(ui int, key, title, field string, need int) {
	if need <= 0 {
		return
	}
	g.addJob(&job{unit: ui, key: key, title: title, kind: "functional", track: "keahlian", profession: "teacher",
		fields: []string{field}, certs: []string{"teacher_certificate"}, minEdu: "S1", need: need, prof: teacherProfile(field)})
}

func lessons(rombel, jp int) int { return (rombel*jp + teachingLoad - 1) / teachingLoad }

func (g *generator) sdJobs(ui, rombel int) {
	g.addJob(&job{unit: ui, key: "KEPSEK", title: "Kepala", kind: "functional", track: "keahlian", profession: "teacher",
		fields: []string{"pgsd"}, certs: []string{"teacher_certificate"}, minEdu: "S1", need: 1, head: true,
		prof: profPrincipalSD, structural: true, fill: 0.9})
	g.teacherJob(ui, "GURU-KELAS", "Guru Kelas", "pgsd", rombel)
	g.teacherJob(ui, "GURU-PAI", "Guru Pendidikan Agama Islam", "pendidikan_agama_islam", lessons(rombel, 4))
	g.teacherJob(ui, "GURU-PJOK", "Guru Pendidikan Jasmani", "pendidikan_jasmani", lessons(rombel, 4))
	g.staffJob(ui, "TU", "Pengadministrasi Sekolah", 1, profClerk)
}

// smpSubjects are the SMP subjects with their weekly lesson hours per class
// group (Kurikulum Merdeka, intracurricular).
var smpSubjects = []struct {
	key, title, field string
	jp                int
}{
	{"GURU-MTK", "Guru Matematika", "pendidikan_matematika", 5},
	{"GURU-BIND", "Guru Bahasa Indonesia", "pendidikan_bahasa_indonesia", 6},
	{"GURU-BING", "Guru Bahasa Inggris", "pendidikan_bahasa_inggris", 4},
	{"GURU-IPA", "Guru IPA", "pendidikan_ipa", 5},
	{"GURU-IPS", "Guru IPS", "pendidikan_ips", 4},
	{"GURU-PAI", "Guru Pendidikan Agama Islam", "pendidikan_agama_islam", 3},
	{"GURU-PJOK", "Guru Pendidikan Jasmani", "pendidikan_jasmani", 3},
	{"GURU-PPKN", "Guru Pendidikan Pancasila", "pendidikan_pancasila", 3},
	{"GURU-SENI", "Guru Seni Budaya", "pendidikan_seni", 3},
	{"GURU-INF", "Guru Informatika", "pendidikan_teknologi_informasi", 2},
}

func (g *generator) smpJobs(ui, rombel int) {
	g.addJob(&job{unit: ui, key: "KEPSEK", title: "Kepala", kind: "functional", track: "keahlian", profession: "teacher",
		fields: []string{"pendidikan_matematika", "pendidikan_bahasa_indonesia", "pendidikan_ipa", "pendidikan_ips"},
		certs:  []string{"teacher_certificate"}, minEdu: "S1", need: 1, head: true, prof: profPrincipalSMP, structural: true, fill: 0.95})
	for _, s := range smpSubjects {
		g.teacherJob(ui, s.key, s.title, s.field, lessons(rombel, s.jp))
	}
	// Guidance counsellors: one per 150 pupils, 32 pupils a class group.
	g.teacherJob(ui, "GURU-BK", "Guru Bimbingan dan Konseling", "bimbingan_konseling", (rombel*32+149)/150)
	g.staffJob(ui, "TU", "Pengadministrasi Sekolah", 1+rombel/9, profClerk)
}

// staff decides how many people hold each job (exactly the family targets)
// and generates them.
func (g *generator) staff() {
	unplaced := max(1, g.n/400)
	target := [3]int{}
	target[familyTeacher] = int(math.Round(float64(g.n) * teacherShare))
	target[familyHealth] = int(math.Round(float64(g.n) * healthShare))
	target[familyOther] = g.n - unplaced - target[familyTeacher] - target[familyHealth]
	// Structural posts are filled first, each with its probability; the
	// rest of each family's target is spread over the other jobs in
	// proportion to need × pull of the area, rounded systematically.
	// Systematic sampling per fill rate, so that e.g. 15 % of the JPT
	// seats are vacant whatever the size.
	counts := make([]int, len(g.jobs))
	acc := map[float64]float64{}
	for i, j := range g.jobs {
		if !j.structural {
			continue
		}
		f := familyOf(j.profession)
		a, ok := acc[j.fill]
		if !ok {
			a = g.r.Float64()
		}
		for range j.need {
			before := int(a)
			a += j.fill
			if int(a) > before && target[f] > 0 {
				counts[i]++
				target[f]--
			}
		}
		acc[j.fill] = a
	}
	for f := range target {
		var idx []int
		var want []float64
		sum := 0.0
		for i, j := range g.jobs {
			if j.structural || familyOf(j.profession) != f {
				continue
			}
			pull := areaPull[g.info[j.unit].area]
			switch g.info[j.unit].kind {
			case "setda", "setwan", "inspektorat", "dinas", "badan", "hospital":
				pull = areaPull[scoring.AreaUrban]
			}
			w := float64(j.need) * pull * (0.75 + 0.5*g.r.Float64())
			idx = append(idx, i)
			want = append(want, w)
			sum += w
		}
		if sum == 0 {
			continue
		}
		acc, prev := g.r.Float64(), 0
		for k, i := range idx {
			acc += want[k] / sum * float64(target[f])
			c := int(acc)
			counts[i] = c - prev
			prev = c
		}
	}
	for i, j := range g.jobs {
		for range counts[i] {
			g.person(j)
		}
	}
	for range unplaced {
		g.person(nil)
	}
	g.lines()
}

// Education mixes by cohort: weights for the levels of levelOrder.
var levelOrder = []scoring.EducationLevel{
	scoring.EducationSD, scoring.EducationSMP, scoring.EducationSMA, scoring.EducationD1, scoring.EducationD2,
	scoring.EducationD3, scoring.EducationD4, scoring.EducationS1, scoring.EducationProfesi, scoring.EducationS2,
	scoring.EducationS3,
}

// mix is a distribution over levelOrder.
type mix [11]float64

// profile says who holds a kind of post.
type profile struct {
	young, old  mix // education of those with < 15 and ≥ 15 years of service
	fields      []string
	misfit      []string // fields of the ~10 % who do not match
	misfitShare float64
	certs       []string
	minService  float64 // structural posts need years of service
	nearBUP     float64 // share within a year of retirement (BUP)
	service     [4]float64
}

// service classes: < 3, 3–10, 10–20, 20–36 years.
var (
	serviceYoung  = [4]float64{0.20, 0.30, 0.28, 0.22}
	serviceMiddle = [4]float64{0.12, 0.22, 0.33, 0.33}
	serviceOld    = [4]float64{0.08, 0.14, 0.30, 0.48}
)

var adminFields = []string{"administrasi_publik", "administrasi_negara", "manajemen", "akuntansi", "ilmu_pemerintahan",
	"ilmu_hukum", "ekonomi_pembangunan", "sosiologi", "ilmu_komunikasi", "teknik_informatika", "agribisnis",
	"sastra_indonesia", "perpajakan", "statistika"}

var (
	//                    SD    SMP   SMA   D1    D2    D3    D4    S1    prof  S2    S3
	profClerk      = &profile{young: mix{0, 0, .58, .04, .02, .17, .02, .17}, old: mix{.03, .06, .68, .04, .03, .10, .01, .05}, service: serviceMiddle, nearBUP: 0.025}
	profOperator   = &profile{young: mix{0, 0, .60, .04, .02, .20, .02, .12}, old: mix{.03, .05, .68, .05, .03, .12, .01, .03}, service: serviceMiddle, nearBUP: 0.025}
	profGeneral    = &profile{young: mix{.2, .25, .47, .04, 0, .04}, old: mix{.20, .25, .50, .03, 0, .02}, service: serviceMiddle, nearBUP: 0.03}
	profAnalyst    = &profile{young: mix{0, 0, 0, 0, 0, .05, .10, .78, 0, .07}, old: mix{0, 0, 0, 0, 0, .05, .05, .78, 0, .12}, fields: adminFields, service: serviceMiddle, nearBUP: 0.02}
	profPolPP      = &profile{young: mix{0, 0, .70, .05, .02, .10, .03, .10}, old: mix{0, .05, .75, .05, .02, .06, .02, .05}, service: serviceMiddle, nearBUP: 0.02}
	profStructural = &profile{young: mix{0, 0, 0, 0, 0, .08, .05, .72, 0, .15}, old: mix{0, 0, 0, 0, 0, .06, .04, .62, 0, .28},
		fields: []string{"administrasi_publik", "ilmu_pemerintahan", "manajemen", "ilmu_hukum", "akuntansi"},
		misfit: []string{"agroteknologi", "teknik_sipil", "pendidikan_ips", "kesehatan_masyarakat"}, misfitShare: 0.15,
		certs: []string{"pkp"}, minService: 10, service: serviceOld, nearBUP: 0.02}
	profJPT = &profile{young: mix{0, 0, 0, 0, 0, 0, 0, .45, 0, .50, .05}, old: mix{0, 0, 0, 0, 0, 0, 0, .40, 0, .55, .05},
		fields: profStructural.fields, misfit: profStructural.misfit, misfitShare: 0.15, certs: []string{"pkn"}, minService: 20,
		service: serviceOld, nearBUP: 0.03}
	profDirector   = &profile{young: mix{8: .5, 9: .5}, old: mix{8: .4, 9: .6}, fields: []string{"kedokteran"}, certs: []string{"str", "pka"}, minService: 14, service: serviceOld}
	profDoctor     = &profile{young: mix{8: 1}, old: mix{8: .85, 9: .15}, fields: []string{"kedokteran"}, certs: []string{"str"}, service: serviceYoung, nearBUP: 0.01}
	profSpecialist = &profile{young: mix{9: 1}, old: mix{9: 1}, fields: []string{"kedokteran"}, certs: []string{"str"}, minService: 4, service: serviceMiddle, nearBUP: 0.01}
	profDentist    = &profile{young: mix{8: 1}, old: mix{8: 1}, fields: []string{"kedokteran_gigi"}, certs: []string{"str"}, service: serviceYoung, nearBUP: 0.01}
	profNurse      = &profile{young: mix{0, 0, 0, 0, 0, .68, .04, .08, .20}, old: mix{0, 0, .08, 0, 0, .66, .04, .14, .08},
		fields: []string{"keperawatan"}, misfit: []string{"kebidanan", "kesehatan_masyarakat"}, misfitShare: 0.06, certs: []string{"str"}, service: serviceYoung, nearBUP: 0.015}
	profMidwife = &profile{young: mix{0, 0, 0, 0, 0, .78, .16, .04, .02}, old: mix{0, 0, 0, .08, 0, .80, .08, .04},
		fields: []string{"kebidanan"}, misfit: []string{"keperawatan"}, misfitShare: 0.05, certs: []string{"str"}, service: serviceYoung, nearBUP: 0.015}
	profPKMHead = &profile{young: mix{7: .6, 8: .3, 9: .1}, old: mix{7: .55, 8: .25, 9: .2},
		fields: []string{"kesehatan_masyarakat", "kedokteran", "keperawatan"}, misfit: []string{"kebidanan", "gizi"}, misfitShare: 0.2,
		certs: []string{"pkp"}, minService: 10, service: serviceOld, nearBUP: 0.02}
	profSchoolInspector = &profile{young: mix{7: .8, 9: .2}, old: mix{7: .75, 9: .25},
		fields: []string{"pgsd", "pendidikan_matematika", "pendidikan_bahasa_indonesia", "pendidikan_ipa"}, certs: []string{"teacher_certificate"},
		minService: 16, service: serviceOld, nearBUP: 0.06}
)

var teacherMisfit = []string{"pendidikan_ips", "pendidikan_pancasila", "paud", "pendidikan_bahasa_indonesia", "pgsd",
	"sastra_indonesia", "agribisnis", "matematika"}

// teacherProfile is the profile of a teacher of field.
func teacherProfile(field string) *profile {
	return &profile{
		young: mix{6: .03, 7: .93, 9: .04}, old: mix{2: .02, 4: .07, 5: .05, 6: .04, 7: .77, 9: .05},
		fields: []string{field}, misfit: teacherMisfit, misfitShare: 0.10, certs: []string{"teacher_certificate"},
		service: serviceMiddle, nearBUP: 0.052}
}

var (
	profPrincipalSD  = &profile{young: mix{7: .9, 9: .1}, old: mix{7: .85, 9: .15}, fields: []string{"pgsd"}, misfit: teacherMisfit, misfitShare: 0.1, certs: []string{"teacher_certificate"}, minService: 12, service: serviceOld, nearBUP: 0.05}
	profPrincipalSMP = &profile{young: mix{7: .85, 9: .15}, old: mix{7: .8, 9: .2}, fields: []string{"pendidikan_matematika", "pendidikan_bahasa_indonesia", "pendidikan_ipa", "pendidikan_ips"}, misfit: teacherMisfit, misfitShare: 0.1, certs: []string{"teacher_certificate"}, minService: 12, service: serviceOld, nearBUP: 0.05}
)

// healthProfile is the profile of a D3-level health worker of field.
func healthProfile(field string) *profile {
	return &profile{young: mix{5: .62, 6: .12, 7: .26}, old: mix{2: .05, 3: .05, 5: .66, 6: .08, 7: .16},
		fields: []string{field}, misfit: []string{"kesehatan_masyarakat", "biologi", "keperawatan"}, misfitShare: 0.08,
		certs: []string{"str"}, service: serviceYoung, nearBUP: 0.015}
}

// technicalProfile is the profile of a technical functional post.
func technicalProfile(fields []string) *profile {
	return &profile{young: mix{5: .05, 6: .05, 7: .80, 9: .10}, old: mix{5: .05, 6: .05, 7: .75, 9: .15},
		fields: fields, misfit: adminFields, misfitShare: 0.15, service: serviceMiddle, nearBUP: 0.02}
}

// profUnplaced: employees back from study leave without a post.
var profUnplaced = &profile{young: mix{7: .5, 9: .5}, old: mix{7: .5, 9: .5}, fields: adminFields, service: serviceMiddle}

// Entry rank and regular-promotion ceiling by education (PP 99/2000 jo
// PP 12/2002, domain §5.6), indexed by EducationLevel.
var (
	entryGrade = [12]scoring.Grade{0, scoring.GradeIa, scoring.GradeIc, scoring.GradeIIa, scoring.GradeIIa,
		scoring.GradeIIb, scoring.GradeIIc, scoring.GradeIIIa, scoring.GradeIIIa, scoring.GradeIIIb,
		scoring.GradeIIIb, scoring.GradeIIIc}
	ceilingGrade = [12]scoring.Grade{0, scoring.GradeIIa, scoring.GradeIIc, scoring.GradeIIIb, scoring.GradeIIIb,
		scoring.GradeIIIb, scoring.GradeIIIc, scoring.GradeIIId, scoring.GradeIIId, scoring.GradeIVa,
		scoring.GradeIVa, scoring.GradeIVb}
	// entryAge is the youngest age at which a holder of the level starts.
	entryAge = [12]float64{0, 18, 18, 18, 19, 20, 21, 22, 22, 24, 25, 29}
)

// echelonBands are the grade bands by echelon of the default rules.
var echelonBands = scoring.DefaultRules().EchelonBands

func (g *generator) years(t time.Time, y float64) time.Time {
	return t.AddDate(0, 0, -int(math.Round(y*365.25)))
}

func (g *generator) between(lo, hi float64) float64 { return lo + g.r.Float64()*(hi-lo) }

func (g *generator) pickLevel(m mix) scoring.EducationLevel {
	var sum float64
	for _, w := range m {
		sum += w
	}
	x := g.r.Float64() * sum
	for i, w := range m {
		if x < w {
			return levelOrder[i]
		}
		x -= w
	}
	for i := len(m) - 1; i >= 0; i-- {
		if m[i] > 0 {
			return levelOrder[i]
		}
	}
	return scoring.EducationSMA
}

func (g *generator) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

// bupOf is the retirement age (BUP) of a job's holders (domain §5.7):
// teachers and JPT 60, everyone else 58 (ahli madya 60 is not relied on).
func bupOf(j *job) float64 {
	if j != nil && (j.profession == "teacher" || j.kind == "jpt") {
		return 60
	}
	return 58
}

// person generates one employee for job j (nil: unplaced).
func (g *generator) person(j *job) {
	p := profUnplaced
	if j != nil {
		p = j.prof
	}
	r := g.r
	bup := bupOf(j)
	var age, service float64
	var edu scoring.EducationLevel
	var start float64
	if r.Float64() < p.nearBUP {
		// Within a year of retirement.
		age = bup - 0.02 - r.Float64()*0.96
		edu = g.pickLevel(p.old)
		start = entryAge[edu] + 0.1 + r.ExpFloat64()*3
		start = min(start, 35, age-max(p.minService, 15))
		start = max(start, entryAge[edu]+0.1)
		service = age - start
	} else {
		for try := 0; ; try++ {
			c := 0
			x := r.Float64()
			for c < 3 && x >= p.service[c] {
				x -= p.service[c]
				c++
			}
			lo := [4]float64{0.1, 3, 10, 20}[c]
			hi := [4]float64{3, 10, 20, 36}[c]
			service = max(g.between(lo, hi), p.minService+g.between(0, 6)*boolf(p.minService > 0))
			if service < 15 {
				edu = g.pickLevel(p.young)
			} else {
				edu = g.pickLevel(p.old)
			}
			start = entryAge[edu] + 0.1 + r.ExpFloat64()*3.5
			start = min(start, 35)
			age = start + service
			if age < bup-1 {
				break
			}
			if try > 20 {
				start = entryAge[edu] + 0.1
				service = bup - 1.05 - start
				age = bup - 1.05
				break
			}
		}
	}
	birth := g.years(g.plan, age)
	cpns := g.years(g.plan, service)
	// Grade: the entry rank of the education plus a step per 4–5 years
	// (regular), 3.8–5.2 in a functional post, 2.5–3.5 in a structural one;
	// capped by the ceiling of the education or, in a functional or
	// structural post, the top of its band; never more than one step per 2
	// years of service.
	kind := "pelaksana"
	if j != nil {
		kind = j.kind
	}
	per := g.between(4, 5)
	switch {
	case j != nil && j.structural && kind != "functional":
		per = g.between(2.5, 3.5)
	case kind == "functional":
		per = g.between(3.8, 5.2)
	}
	steps := int(service / per)
	if r.IntN(5) == 0 && steps > 0 {
		steps-- // a delayed promotion
	}
	limit := ceilingGrade[edu]
	track := ""
	if j != nil {
		switch {
		case kind == "functional":
			track = j.track
			if track == "" {
				track = "keterampilan"
				if edu.Rank() >= scoring.EducationS1.Rank() {
					track = "keahlian"
				}
			}
			if track == "keahlian" && edu.Rank() >= scoring.EducationS1.Rank() {
				limit = max(limit, scoring.GradeIVc)
			} else if track == "keterampilan" && edu.Rank() >= scoring.EducationD3.Rank() {
				limit = max(limit, scoring.GradeIIId)
			}
		case j.echelon != "":
			e, _ := scoring.ParseEchelon(j.echelon)
			limit = max(limit, echelonBands[e].Max)
		}
	}
	entry := entryGrade[edu]
	fast := entry + scoring.Grade(int(service/2))
	grade := min(entry+scoring.Grade(steps), limit, fast)
	if j != nil && j.echelon != "" {
		// Structural holders sit in their band, or one step below it.
		e, _ := scoring.ParseEchelon(j.echelon)
		b := echelonBands[e]
		if grade < b.Min-1 {
			grade = min(b.Min-1+scoring.Grade(r.IntN(2)), limit, fast)
		}
		grade = min(grade, b.Max)
	}
	grade = max(grade, entry)
	if service < 1 {
		grade = entry
	}
	sex := "L"
	if r.IntN(100) < 52 {
		sex = "P"
	}
	if j != nil && (j.profession == "midwife") {
		sex = "P"
	}
	e := scenarios.Employee{Name: g.name(sex), Sex: sex, BirthDate: birth, Education: edu.String()}
	fam := familyOther
	if j != nil {
		fam = familyOf(j.profession)
	}
	pppk := (fam == familyTeacher || fam == familyHealth) && !j.head && service < 4 && r.Float64() < pppkRecent
	switch {
	case pppk:
		e.Status = "PPPK"
		e.NIP = scoring.EmployeeID(g.nip(birth, fmt.Sprintf("%04d21", cpns.Year()), sex))
	default:
		e.Status = "PNS"
		e.CPNSSince = cpns
		if service < 1 {
			e.Status = "CPNS"
		} else {
			e.PNSSince = cpns.AddDate(1, 0, 0)
		}
		e.Grade = grade.String()
		steps := int(grade - entry)
		gs := g.between(0.1, math.Min(4, service))
		if steps == 0 {
			gs = service
		}
		e.GradeSince = g.years(g.plan, gs)
		e.NIP = scoring.EmployeeID(g.nip(birth, cpns.Format("200601"), sex))
	}
	// Field of study.
	if len(p.fields) > 0 {
		e.Field = g.pick(p.fields)
		if len(p.misfit) > 0 && r.Float64() < p.misfitShare {
			e.Field = g.pick(p.misfit)
		}
	} else if edu.Rank() >= scoring.EducationD3.Rank() {
		e.Field = g.pick(adminFields)
	}
	// Tenure in post: ~20 % under 2 years, ~30 % over 5 (domain §7.6).
	if j != nil {
		var ten float64
		switch x := r.Float64(); {
		case x < 0.13:
			ten = g.between(0.1, 1.95)
		case x < 0.64:
			ten = g.between(2.05, 4.95)
		default:
			ten = g.between(5.05, 12)
		}
		ten = math.Min(ten, service)
		e.PositionSince = g.years(g.plan, ten)
		if e.PositionSince.Before(cpns) || pppk {
			e.PositionSince = cpns // PPPK hold the post they were contracted for
		}
		if r.IntN(4) == 0 && ten < service-0.5 {
			e.UnitSince = g.years(e.PositionSince, g.between(0, math.Min(6, service-ten)))
			if e.UnitSince.Before(cpns) {
				e.UnitSince = cpns
			}
		}
	}
	// Certifications.
	for _, c := range p.certs {
		if c == "pkp" && j != nil { // leadership training by level
			c = map[string]string{"administrator": "pka", "jpt": "pkn"}[j.kind]
			if c == "" {
				c = "pkp"
			}
		}
		share := 0.9
		if c == "teacher_certificate" {
			share = 0.6 + 0.38*math.Min(1, service/12) // certification grows with seniority
		}
		if r.Float64() < share {
			cert := scenarios.Certification{Kind: c}
			if c == "str" && r.IntN(4) == 0 {
				cert.Until = g.plan.AddDate(0, r.IntN(60)-8, 0)
			}
			e.Certifications = append(e.Certifications, cert)
		}
	}
	g.assess(&e, j, cpns)
	g.employees = append(g.employees, e)
	g.emps = append(g.emps, empInfo{family: fam})
	if j != nil {
		j.holders = append(j.holders, len(g.employees)-1)
	}
}

func boolf(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

var competencyKeys = []string{"integrity", "cooperation", "communication", "results_orientation",
	"public_service", "developing_others", "managing_change", "decision_making", "perekat_bangsa"}

// assess draws the competence assessment, potential and SKP ratings from
// one latent ability, so that they agree with each other.
func (g *generator) assess(e *scenarios.Employee, j *job, appointed time.Time) {
	r := g.r
	ability := r.NormFloat64() * 0.8
	std := 1.5
	share := 0.55
	if j != nil {
		switch j.kind {
		case "jpt":
			std, share = 4, 0.95
		case "administrator":
			std, share = 3, 0.9
		case "pengawas":
			std, share = 2.3, 0.8
		case "functional":
			std = 2
		}
	}
	if r.Float64() < share {
		e.Competence = map[string]int{}
		for _, c := range competencyKeys {
			e.Competence[c] = clampInt(int(math.Round(std+ability+r.NormFloat64()*0.7)), 1, 5)
		}
		if j != nil && j.profession != "" {
			e.Competence["technical:"+j.profession] = clampInt(int(math.Round(3+ability+r.NormFloat64()*0.6)), 1, 5)
		}
		e.AssessedOn = g.years(g.plan, g.between(0.1, 4.5))
		if e.AssessedOn.Before(appointed) {
			e.AssessedOn = appointed
		}
		pot := math.Round(math.Max(5, math.Min(100, 65+14*ability+r.NormFloat64()*8))*2) / 2
		e.Potential = &pot
	}
	y := g.plan.Year()
	for year := max(y-2, appointed.Year()+1); year < y; year++ {
		x := ability + r.NormFloat64()*0.6
		pred := "baik"
		switch {
		case x > 1.1:
			pred = "sangat_baik"
		case x < -2.2:
			pred = "kurang"
		case x < -1.5:
			pred = "butuh_perbaikan"
		}
		if r.IntN(400) == 0 {
			pred = "sangat_kurang"
		}
		e.Ratings = append(e.Ratings, scenarios.Rating{Year: year, Predicate: pred})
	}
}

func clampInt(x, lo, hi int) int { return max(lo, min(hi, x)) }

var (
	maleNames   = []string{"Ahmad", "Budi", "Dedi", "Eko", "Fauzi", "Hendra", "Irwan", "Joko", "Rahmat", "Syaiful", "Taufik", "Yusuf", "Zulkifli", "Rizal", "Arif", "Darmawan", "Agus", "Bambang", "Hasan", "Iskandar", "Jufri", "Muhammad", "Nasrul", "Ridwan", "Sukri", "Wahyu", "Yudi", "Firdaus", "Herman", "Usman"}
	femaleNames = []string{"Ani", "Dewi", "Fitri", "Indah", "Lestari", "Mardiana", "Nurhayati", "Putri", "Rina", "Sari", "Siti", "Wahyuni", "Yulia", "Rosmiati", "Erni", "Hartati", "Aisyah", "Desi", "Elvi", "Fatimah", "Hasnah", "Leni", "Maimunah", "Nova", "Rahmawati", "Suryani", "Tuti", "Yusnidar", "Zubaidah", "Meri"}
	familyNames = []string{"Saputra", "Hidayat", "Putra", "Lubis", "Harahap", "Siregar", "Nasution", "Pratama", "Rahman", "Syahputra", "Kurniawan", "Wijaya", "Hasibuan", "Azhari", "Batubara", "Maulana", "Hamzah", "Anwar", "Sulaiman", "Ismail", "Yahya", "Effendi", "Nasir", "Rasyid", "Syafei", "Gunawan", "Setiawan", "Permana", "Hakim", "Ramadhan"}
)

func (g *generator) name(sex string) string {
	first := maleNames
	if sex == "P" {
		first = femaleNames
	}
	return g.pick(first) + " " + g.pick(familyNames)
}

// nip builds an 18-digit NIP: the birth date yyyymmdd, the appointment
// (CPNS TMT yyyymm, or for PPPK the year and 21), a sex digit and a
// 3-digit sequence (domain §9.1 [VERIFY]).
func (g *generator) nip(birth time.Time, appointed, sex string) string {
	d := "1"
	if sex == "P" {
		d = "2"
	}
	prefix := birth.Format("20060102") + appointed + d
	g.seq[prefix]++
	return fmt.Sprintf("%s%03d", prefix, g.seq[prefix])
}

// jenjangOf is the functional grade (jenjang) of a holder of grade gr on
// track: the grade whose band holds gr, clamped to the track.
func jenjangOf(track string, gr scoring.Grade) string {
	if track == "keahlian" {
		switch {
		case gr >= scoring.GradeIVa:
			return "ahli_madya"
		case gr >= scoring.GradeIIIc:
			return "ahli_muda"
		}
		return "ahli_pertama"
	}
	switch {
	case gr >= scoring.GradeIIIc:
		return "penyelia"
	case gr >= scoring.GradeIIIa:
		return "mahir"
	case gr >= scoring.GradeIIc:
		return "terampil"
	}
	return "pemula"
}

var jenjangCode = map[string]string{"ahli_pertama": "AP", "ahli_muda": "AMU", "ahli_madya": "AMA", "ahli_utama": "AU",
	"pemula": "PM", "terampil": "TR", "mahir": "MH", "penyelia": "PY"}

var jenjangTitle = map[string]string{"ahli_pertama": "Ahli Pertama", "ahli_muda": "Ahli Muda", "ahli_madya": "Ahli Madya",
	"ahli_utama": "Ahli Utama", "pemula": "Pemula", "terampil": "Terampil", "mahir": "Mahir", "penyelia": "Penyelia"}

// jenjangOrder lists the functional grades in the order lines are written.
var jenjangOrder = []string{"ahli_pertama", "ahli_muda", "ahli_madya", "ahli_utama", "pemula", "terampil", "mahir", "penyelia"}

// lines turns each job into positions: one per functional grade held or
// needed, with the need split as the holders are and the deficit on the
// entry grade; and places the holders.
func (g *generator) lines() {
	for _, j := range g.jobs {
		u := g.units[j.unit]
		base := scenarios.Position{Unit: u.ID, Kind: j.kind, Echelon: j.echelon, Profession: j.profession,
			UnitHead: j.head, MinEducation: j.minEdu, Fields: j.fields, RequiredCerts: j.certs}
		if j.jpt {
			base.JPTLevel = "pratama"
		}
		switch j.kind {
		case "jpt", "administrator", "pengawas":
			lvl := map[string]int{"jpt": 4, "administrator": 3, "pengawas": 2}[j.kind]
			base.Standard = map[string]int{}
			for _, c := range competencyKeys {
				base.Standard[c] = lvl
			}
		}
		if a := g.info[j.unit].area; a == scoring.AreaRemote || a == scoring.AreaVeryRemote {
			c := 1.5
			base.Criticality = &c
		}
		name := func(suffix string) string {
			if j.head || j.kind == "jpt" || (j.kind != "functional" && j.kind != "pelaksana") {
				if strings.Contains(j.title, u.Name) || j.kind == "jpt" && j.key == "KEPALA" {
					return j.title
				}
				return j.title + " " + u.Name
			}
			return strings.TrimSpace(j.title+" "+suffix) + " " + u.Name
		}
		if j.kind != "functional" {
			pos := base
			pos.ID = scoring.PositionID(string(u.ID) + "-" + j.key)
			pos.Name = name("")
			pos.Needed = j.need
			g.place(pos, j.holders)
			continue
		}
		// Functional: group the holders by jenjang.
		by := map[string][]int{}
		for _, h := range j.holders {
			e := &g.employees[h]
			gr, _ := scoring.ParseGrade(e.Grade)
			tr := j.track
			if tr == "" {
				tr = "keterampilan"
				if lv, _ := scoring.ParseEducationLevel(e.Education); lv.Rank() >= scoring.EducationS1.Rank() {
					tr = "keahlian"
				}
			}
			if gr == 0 { // PPPK: by education and years
				gr = entryGrade[level(e.Education)]
			}
			jj := jenjangOf(tr, gr)
			by[jj] = append(by[jj], h)
		}
		entry := "terampil"
		if j.track == "keahlian" {
			entry = "ahli_pertama"
		}
		if j.head {
			// One line for the head, at the holder's grade.
			jj := "ahli_muda"
			for _, k := range jenjangOrder {
				if len(by[k]) > 0 {
					jj = k
				}
			}
			pos := base
			pos.FunctionalGrade = jj
			pos.ID = scoring.PositionID(string(u.ID) + "-" + j.key)
			pos.Name = name("")
			pos.Needed = j.need
			g.place(pos, j.holders)
			continue
		}
		total := len(j.holders)
		need := map[string]int{}
		if j.need >= total {
			for k, hs := range by {
				need[k] = len(hs)
			}
			need[entry] += j.need - total
		} else {
			// Surplus: cut every line in proportion (largest remainder in
			// jenjangOrder).
			given := 0
			rem := map[string]float64{}
			for k, hs := range by {
				x := float64(len(hs)) * float64(j.need) / float64(total)
				need[k] = int(x)
				rem[k] = x - float64(need[k])
				given += need[k]
			}
			for given < j.need {
				best := ""
				for _, k := range jenjangOrder {
					if _, ok := rem[k]; ok && (best == "" || rem[k] > rem[best]) {
						best = k
					}
				}
				need[best]++
				rem[best] = -1
				given++
			}
		}
		for _, k := range jenjangOrder {
			hs := by[k]
			nd := need[k]
			if nd == 0 && len(hs) == 0 {
				continue
			}
			pos := base
			pos.FunctionalGrade = k
			if strings.HasPrefix(k, "ahli_") && pos.MinEducation != "" && level(pos.MinEducation).Rank() < scoring.EducationS1.Rank() {
				pos.MinEducation = "S1" // the expertise track needs a degree
			}
			pos.ID = scoring.PositionID(string(u.ID) + "-" + j.key + "-" + jenjangCode[k])
			pos.Name = name(jenjangTitle[k])
			pos.Needed = nd
			g.place(pos, hs)
		}
	}
}

// level parses an education level the generator wrote itself.
func level(s string) scoring.EducationLevel {
	l, err := scoring.ParseEducationLevel(s)
	if err != nil {
		panic("benchmarks: generator wrote an unknown education level " + s)
	}
	return l
}

// place adds a position and seats its holders in it.
func (g *generator) place(pos scenarios.Position, holders []int) {
	g.positions = append(g.positions, pos)
	for _, h := range holders {
		g.employees[h].Position = pos.ID
		g.employees[h].Unit = pos.Unit
	}
}

// extras adds homes and wishes, couples, locks, penalties, exceptions,
// pins and floors.
func (g *generator) extras() {
	r := g.r
	// Urban units by kind, for wishes.
	urban := map[string][]string{}
	for i, u := range g.units {
		if g.info[i].area == scoring.AreaUrban {
			k := u.Kind
			if k == "hospital" {
				k = "puskesmas"
			}
			urban[k] = append(urban[k], string(u.ID))
		}
	}
	opds := []string{}
	for i, u := range g.units {
		switch g.info[i].kind {
		case "setda", "setwan", "inspektorat", "dinas", "badan":
			opds = append(opds, string(u.ID))
		}
	}
	urbanKec := []string{kecamatanTable[0].name, kecamatanTable[1].name, kecamatanTable[2].name}
	unitIdx := map[scoring.UnitID]int{}
	for i, u := range g.units {
		unitIdx[u.ID] = i
	}
	for i := range g.employees {
		e := &g.employees[i]
		if e.Unit == "" {
			e.HomeKecamatan = g.pick(urbanKec)
			continue
		}
		ui := unitIdx[e.Unit]
		in := g.info[ui]
		e.HomeKecamatan = kecamatanTable[in.kec].name
		if in.area == scoring.AreaUrban {
			if r.IntN(4) == 0 {
				e.HomeKecamatan = g.pick(urbanKec)
			}
			continue
		}
		fam := g.emps[i].family
		if r.Float64() < 0.22 {
			// Lives in town: teachers and health workers often ask to move
			// there (domain §7.3, §7.6: ≥ 5 % of rural teachers and nakes).
			e.HomeKecamatan = g.pick(urbanKec)
			k := in.kind
			if k == "hospital" {
				k = "puskesmas"
			}
			if fam != familyOther && r.Float64() < 0.5 && len(urban[k]) > 0 {
				e.Wishes = append(e.Wishes, g.pick(urban[k]))
				if r.IntN(2) == 0 {
					if w := g.pick(urban[k]); w != e.Wishes[0] {
						e.Wishes = append(e.Wishes, w)
					}
				}
			} else if fam == familyOther && r.Float64() < 0.3 {
				e.Wishes = append(e.Wishes, g.pick(opds))
			}
		} else if r.Float64() < 0.03 {
			e.Wishes = append(e.Wishes, string(g.units[r.IntN(len(g.units))].ID))
		}
	}
	// Unplaced employees back from study leave.
	for i := range g.employees {
		e := &g.employees[i]
		switch x := r.Float64(); {
		case e.Unit != "" && x < 0.004:
			e.Locks = []scenarios.Lock{{Kind: "study_leave", Until: g.plan.AddDate(0, 1+r.IntN(24), 0)}}
		case e.Unit != "" && x < 0.005:
			e.Locks = []scenarios.Lock{{Kind: "investigation"}}
		case x < 0.015:
			e.Discipline = "light"
			e.DisciplineUntil = g.plan.AddDate(0, r.IntN(12)+1, 0)
		case x < 0.020:
			e.Discipline = "moderate"
			e.DisciplineUntil = g.plan.AddDate(0, r.IntN(12)+1, 0)
		case x < 0.022:
			e.Discipline = "severe"
		}
		if e.Unit != "" && r.Float64() < 0.002 && g.plan.Sub(e.PositionSince) < 2*365*24*time.Hour {
			e.Exceptions = []scenarios.Exception{{Rule: "min-tenure", Reason: "kebutuhan organisasi"}}
		}
		if e.Unit != "" && e.Competence != nil && e.Potential != nil && *e.Potential >= 80 && r.IntN(3) == 0 {
			e.TalentPool = true
		}
	}
	// Couples: about 1 % of the employees, married to a colleague in the
	// same kecamatan; they may not end in the same unit.
	byKec := map[string][]int{}
	for i := range g.employees {
		e := &g.employees[i]
		if e.Unit != "" && e.Sex == "L" {
			byKec[e.HomeKecamatan] = append(byKec[e.HomeKecamatan], i)
		}
	}
	taken := map[int]bool{}
	for i := range g.employees {
		e := &g.employees[i]
		if e.Unit == "" || e.Sex != "P" || r.Float64() >= 0.02 {
			continue
		}
		cands := byKec[e.HomeKecamatan]
		if len(cands) == 0 {
			continue
		}
		k := cands[r.IntN(len(cands))]
		if taken[k] || taken[i] || g.employees[k].Unit == e.Unit {
			continue
		}
		taken[k], taken[i] = true, true
		h := &g.employees[k]
		e.Relatives = append(e.Relatives, h.NIP)
		h.Relatives = append(h.Relatives, e.NIP)
		g.cons.Conflicts = append(g.cons.Conflicts, scenarios.Conflict{
			Employees: []scoring.EmployeeID{min(e.NIP, h.NIP), max(e.NIP, h.NIP)}, Reason: "married couple"})
	}
	slices.SortFunc(g.cons.Conflicts, func(a, b scenarios.Conflict) int {
		return strings.Compare(string(a.Employees[0]), string(b.Employees[0]))
	})
	// Staffing floors: the puskesmas doctor (Permenkes 19/2024) and one
	// teacher per class group in remote schools.
	for i, u := range g.units {
		in := g.info[i]
		switch {
		case in.kind == "puskesmas":
			g.cons.UnitFloors = append(g.cons.UnitFloors, scenarios.UnitFloor{Unit: u.ID, Profession: "doctor", Min: 1, Reason: "Permenkes 19/2024"})
		case (in.kind == "school_sd" || in.kind == "school_smp") && in.area >= scoring.AreaRemote:
			g.cons.UnitFloors = append(g.cons.UnitFloors, scenarios.UnitFloor{Unit: u.ID, Profession: "teacher", Min: in.rombel, Reason: "one teacher per class group"})
		}
	}
	// Pins and exclusions: the RSUD director (accreditation) and the
	// people under investigation.
	for i := range g.employees {
		e := &g.employees[i]
		if e.Position == "RSUD-DIREKTUR" {
			g.cons.Pinned = append(g.cons.Pinned, scenarios.Pin{Employee: e.NIP, Reason: "hospital accreditation in progress"})
		}
		if len(e.Locks) > 0 && e.Locks[0].Kind == "investigation" {
			g.cons.Excluded = append(g.cons.Excluded, scenarios.Exclusion{Employee: e.NIP, Reason: "under examination by the inspectorate"})
		}
	}
}

// files renders the scenario.
func (g *generator) files() (*Generated, error) {
	out := &Generated{Units: len(g.units), Positions: len(g.positions), Employees: len(g.employees)}
	for _, p := range g.positions {
		out.Seats += p.Needed
	}
	var units, positions, employees bytes.Buffer
	if err := scenarios.WriteRoster(&units, g.units, scenarios.Dialect{}); err != nil {
		return nil, err
	}
	if err := scenarios.WriteRoster(&positions, g.positions, scenarios.Dialect{}); err != nil {
		return nil, err
	}
	if err := scenarios.WriteRoster(&employees, g.employees, scenarios.Dialect{}); err != nil {
		return nil, err
	}
	f := func(x float64) *float64 { return &x }
	i := func(x int) *int { return &x }
	neighbours := map[string][]string{}
	for _, p := range neighbourTable {
		a, b := kecamatanTable[kecIndex(p[0])].name, kecamatanTable[kecIndex(p[1])].name
		neighbours[a] = append(neighbours[a], b)
	}
	g.cons.NoRemoteOutflow = true
	g.cons.Rotation = "soft"
	if g.turnover > 0 {
		g.cons.MaxTurnoverPct = f(g.turnover)
	}
	sc := scenarios.Scenario{
		Name: fmt.Sprintf("synthetic-bungo-%d-seed-%d", g.n, g.seed),
		Description: fmt.Sprintf("Synthetic Bungo-like regency: %d employees in %d units and %d positions (%d seats), "+
			"generated by benchmarks.Generate with seed %d; the people are fictional.", len(g.employees), len(g.units), len(g.positions), out.Seats, g.seed),
		PlanDate:  g.plan,
		Workforce: scenarios.Workforce{UnitsCSV: "units.csv", PositionsCSV: "positions.csv", EmployeesCSV: "employees.csv"},
		Weights:   scenarios.Weights{Education: f(0.25), Competence: f(0.35), Tenure: f(0.15), Performance: f(0.15), Preference: f(0.10)},
		Scoring:   scenarios.ScoringOptions{CompetenceMethod: "jpm", ContinuityBonus: f(0.05)},
		Rules: scenarios.Rules{TenureMinYears: i(2), TenureMaxYears: i(5), RetirementHorizonMonths: i(12),
			RetirementAges: scenarios.RetirementAges{Administrative: i(58), Senior: i(60), Teacher: i(60), AhliUtama: i(65)},
			Election: scenarios.Election{CandidateDate: time.Date(2024, 9, 22, 0, 0, 0, 0, time.UTC),
				InaugurationDate: time.Date(2025, 5, 26, 0, 0, 0, 0, time.UTC), FreezeMonths: i(6),
				FreezeScope: []string{"jpt", "administrator", "pengawas", "unit_head"}}},
		Constraints: g.cons,
		Neighbours:  neighbours,
	}
	yml, err := scenarios.Marshal(&sc)
	if err != nil {
		return nil, err
	}
	// Whole floats read back the same without their explicit tag.
	yml = bytes.ReplaceAll(yml, []byte(": !!float "), []byte(": "))
	head := fmt.Sprintf("# Synthetic Bungo: a regency modelled on Kabupaten Bungo, Jambi (domain §7), generated by\n"+
		"# benchmarks.Generate (employees %d, seed %d). The people are fictional; the shares follow the\n"+
		"# calibration table of domain §7.6. The kecamatan adjacency is illustrative [VERIFY against a map].\n", g.n, g.seed)
	out.Files = []File{
		{"employees.csv", employees.Bytes()},
		{"positions.csv", positions.Bytes()},
		{"scenario.yaml", append([]byte(head), yml...)},
		{"units.csv", units.Bytes()},
	}
	return out, nil
}

// memFS is a read-only in-memory file system of generated files.
type memFS []File

func (m memFS) Open(name string) (fs.File, error) {
	for _, f := range m {
		if f.Name == name {
			return &memFile{File: f, r: bytes.NewReader(f.Data)}, nil
		}
	}
	if name == "." {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

func (m memFS) ReadFile(name string) ([]byte, error) {
	for _, f := range m {
		if f.Name == name {
			return slices.Clone(f.Data), nil
		}
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

type memFile struct {
	File
	r *bytes.Reader
}

func (f *memFile) Stat() (fs.FileInfo, error) { return memInfo{f.File}, nil }
func (f *memFile) Read(p []byte) (int, error) { return f.r.Read(p) }
func (f *memFile) Close() error               { return nil }

type memInfo struct{ f File }

func (i memInfo) Name() string       { return i.f.Name }
func (i memInfo) Size() int64        { return int64(len(i.f.Data)) }
func (i memInfo) Mode() fs.FileMode  { return 0o444 }
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return false }
func (i memInfo) Sys() any           { return nil }
