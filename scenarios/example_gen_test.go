package scenarios

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"text/template"
	"time"

	"github.com/mutasi-asn/mutasi/scoring"
	"github.com/stretchr/testify/require"
)

// regenExample rewrites example/ from the generator below:
//
//	go test ./scenarios -run TestGenerateExample -regen-example
var regenExample = flag.Bool("regen-example", false, "rewrite the embedded example from its generator")

// exampleSeed fixes the generator's PCG stream; changing it changes every
// committed example file.
const exampleSeed = 20251201

// examplePlanDate is the example's plan date: after the post-inauguration
// freeze of the 2025 Bungo election closed (c. 26 Nov 2025, domain §2.4).
var examplePlanDate = time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)

// TestGenerateExample checks that the committed example equals the
// generator's output, and rewrites it under -regen-example.
func TestGenerateExample(t *testing.T) {
	files := generateExample()
	if *regenExample {
		for name, data := range files {
			require.NoError(t, os.WriteFile(filepath.Join("example", name), data, 0o644))
		}
		return
	}
	for name, data := range files {
		got, err := os.ReadFile(filepath.Join("example", name))
		require.NoError(t, err, "run: go test ./scenarios -run TestGenerateExample -regen-example")
		require.Equal(t, string(data), string(got), "example/%s is stale: run go test ./scenarios -run TestGenerateExample -regen-example", name)
	}
}

// kecamatan of the example: real names (domain §7.2); the area classes
// beyond the urban core are a modelling assumption.
var exKecamatan = []struct {
	name, code, area string
}{
	{"Pasar Muara Bungo", "PMB", "urban"},
	{"Rimbo Tengah", "RTG", "urban"},
	{"Bungo Dani", "BDN", "urban"},
	{"Tanah Tumbuh", "TTB", "rural"},
	{"Jujuhan", "JJH", "rural"},
	{"Rantau Pandan", "RPD", "rural"},
	{"Bathin III", "BT3", "rural"},
	{"Pelepat", "PLP", "remote"},
	{"Limbur Lubuk Mengkuang", "LLM", "remote"},
	{"Muko-Muko Bathin VII", "MMB", "very_remote"},
}

func kecOf(code string) (name, area string) {
	for _, k := range exKecamatan {
		if k.code == code {
			return k.name, k.area
		}
	}
	panic(code)
}

// gen is the example generator's state.
type gen struct {
	r         *rand.Rand
	units     []Unit
	positions []Position
	employees []Employee
	seq       map[string]int // NIP prefix → last sequence number
}

func (g *gen) unit(id, name, kind, parent, kec string, extra func(*Unit)) {
	kname, area := kecOf(kec)
	u := Unit{ID: unitID(id), Name: name, Kind: kind, Parent: unitID(parent), Kecamatan: kname, Area: area}
	if extra != nil {
		extra(&u)
	}
	g.units = append(g.units, u)
}

// post describes a position template and how to staff it.
type post struct {
	suffix, name, kind, grade, profession string
	needed                                int
	unitHead                              bool
	fields                                []string
	certs                                 []string
	minEdu                                string
	echelon                               string
	jpt                                   string
}

func (g *gen) pos(u Unit, p post) *Position {
	pos := Position{
		ID: positionID(string(u.ID) + "-" + p.suffix), Unit: u.ID, Name: p.name + " " + u.Name,
		Kind: p.kind, FunctionalGrade: p.grade, Profession: p.profession, Needed: p.needed,
		UnitHead: p.unitHead, Fields: p.fields, RequiredCerts: p.certs, MinEducation: p.minEdu,
		Echelon: p.echelon, JPTLevel: p.jpt,
	}
	if p.kind == "jpt" || p.kind == "administrator" || p.kind == "pengawas" {
		lvl := map[string]int{"jpt": 4, "administrator": 3, "pengawas": 2}[p.kind]
		pos.Standard = map[string]int{"integrity": lvl, "cooperation": lvl, "communication": lvl,
			"results_orientation": lvl, "public_service": lvl, "developing_others": lvl,
			"managing_change": lvl, "decision_making": lvl, "perekat_bangsa": lvl}
	}
	if u.Area == "remote" || u.Area == "very_remote" {
		c := 1.5
		pos.Criticality = &c
	}
	g.positions = append(g.positions, pos)
	return &g.positions[len(g.positions)-1]
}

// fill staffs a position: factor × needed holders (rounded at random).
func (g *gen) fill(p *Position, factor float64, profile staffProfile) {
	want := float64(p.Needed) * factor
	n := int(want)
	if g.r.Float64() < want-float64(n) {
		n++
	}
	for range n {
		g.employee(p, profile)
	}
}

// staffProfile says who holds a kind of post.
type staffProfile struct {
	education []string // drawn uniformly
	fields    []string // the matching fields; a mismatch draws from misfit
	misfit    []string
	certs     []string
	teacher   bool
	pppkShare float64
	minAge    int
}

func (g *gen) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

func (g *gen) date(from time.Time, minYears, maxYears float64) time.Time {
	days := int((minYears + g.r.Float64()*(maxYears-minYears)) * 365.25)
	return from.AddDate(0, 0, -days)
}

// nip builds an 18-digit NIP: birth date yyyymmdd, CPNS TMT yyyymm, sex
// digit, 3-digit sequence (domain §9.1 [VERIFY]).
func (g *gen) nip(birth, cpns time.Time, sex string) string {
	d := "1"
	if sex == "P" {
		d = "2"
	}
	prefix := birth.Format("20060102") + cpns.Format("200601") + d
	g.seq[prefix]++
	return fmt.Sprintf("%s%03d", prefix, g.seq[prefix])
}

func (g *gen) employee(p *Position, sp staffProfile) *Employee {
	r := g.r
	sex := "L"
	if r.IntN(100) < 55 || p.Profession == "midwife" { // midwives are women
		sex = "P"
	}
	// Age: 24–57, with 4 % close to retirement (BUP 58; 60 for teachers,
	// JPT and ahli madya). Heads of units (principals, heads of
	// puskesmas) are PNS of at least 40 (Permendikdasmen 7/2025: III/c).
	minAge := max(sp.minAge, 24)
	if p.UnitHead {
		minAge = max(minAge, 40)
		sp.pppkShare = 0
	}
	age := float64(minAge) + r.Float64()*float64(57-minAge)
	bup := 58.0
	if sp.teacher || p.Kind == "jpt" || p.FunctionalGrade == "ahli_madya" {
		bup = 60
	}
	if r.IntN(100) < 4 {
		age = bup - 0.1 - r.Float64()*0.8
	}
	birth := g.date(examplePlanDate, age, age)
	status := "PNS"
	if r.Float64() < sp.pppkShare {
		status = "PPPK"
	}
	service := math.Max(0.5, age-23-r.Float64()*4)
	cpns := g.date(examplePlanDate, service, service)
	if status == "PNS" && service < 1.2 {
		status = "CPNS"
	}
	edu := g.pick(sp.education)
	e := Employee{
		NIP: employeeID(g.nip(birth, cpns, sex)), Name: g.name(sex), Sex: sex, BirthDate: birth,
		Status: status, Education: edu, Unit: p.Unit, Position: p.ID,
	}
	if status != "PPPK" {
		e.CPNSSince = cpns
		if status == "PNS" {
			e.PNSSince = cpns.AddDate(1, 0, 0)
		}
		e.Grade = g.grade(edu, service)
		e.GradeSince = g.date(examplePlanDate, 0.2, math.Min(4, service))
	}
	// Field of study: 12 % mismatched.
	if len(sp.fields) > 0 {
		e.Field = g.pick(sp.fields)
		if len(sp.misfit) > 0 && r.IntN(100) < 12 {
			e.Field = g.pick(sp.misfit)
		}
	}
	// Tenure in post: 20 % under 2 years, 30 % over 5 (domain §7.6).
	var ten float64
	switch x := r.IntN(100); {
	case x < 20:
		ten = 0.2 + r.Float64()*1.7
	case x < 62:
		ten = 2.1 + r.Float64()*2.8
	default:
		ten = 5.2 + r.Float64()*7
	}
	ten = math.Min(ten, service)
	e.PositionSince = g.date(examplePlanDate, ten, ten)
	if r.IntN(100) < 30 {
		e.UnitSince = g.date(e.PositionSince, 0, 4)
	}
	// Certificates: 85 % hold theirs (heads of schools always); an STR is
	// valid for life (UU 17/2023 Pasal 260(4)), so it has no end date.
	for _, c := range sp.certs {
		if r.IntN(100) < 85 || p.UnitHead {
			e.Certifications = append(e.Certifications, Certification{Kind: c})
		}
	}
	if p.UnitHead && sp.teacher && r.IntN(100) < 60 {
		// Principals who passed the principal-candidate training may serve
		// two terms; the others one (Permendikdasmen 7/2025).
		e.Certifications = append(e.Certifications, Certification{Kind: "principal_training"})
	}
	if gr, err := scoring.ParseGrade(e.Grade); p.UnitHead && err == nil && gr < scoring.GradeIIIc {
		e.Grade = "III/c" // a principal or head of puskesmas is at least III/c
	}
	// Competence assessment for 60 %.
	if r.IntN(100) < 60 {
		e.Competence = map[string]int{}
		for _, c := range []string{"integrity", "cooperation", "communication", "results_orientation",
			"public_service", "developing_others", "managing_change", "decision_making", "perekat_bangsa"} {
			e.Competence[c] = 1 + r.IntN(4)
		}
		if p.Profession != "" {
			e.Competence["technical:"+p.Profession] = 2 + r.IntN(3)
		}
		e.AssessedOn = g.date(examplePlanDate, 0.2, 4)
		pot := float64(80+r.IntN(112)) / 2
		e.Potential = &pot
	}
	preds := []string{"sangat_baik", "baik", "baik", "baik", "baik", "butuh_perbaikan"}
	for y := 2023; y <= 2024; y++ {
		e.Ratings = append(e.Ratings, Rating{Year: y, Predicate: g.pick(preds)})
	}
	// Home: mostly the unit's kecamatan; a quarter of the staff of rural
	// and remote units live in the urban core and 40 % of those ask to
	// move there (domain §7.6: ≥ 5 % of rural teachers and nakes).
	u := g.unitOf(p.Unit)
	e.HomeKecamatan = u.Kecamatan
	if u.Area != "urban" && r.IntN(100) < 25 {
		e.HomeKecamatan = g.pick([]string{"Pasar Muara Bungo", "Rimbo Tengah", "Bungo Dani"})
		if r.IntN(100) < 40 && (sp.teacher || p.Profession != "") {
			if sp.teacher {
				e.Wishes = []string{g.pick([]string{"SDN-01-PMB", "SDN-05-RTG", "SMPN-01-PMB"})}
			} else {
				e.Wishes = []string{g.pick([]string{"PKM-MUARA-BUNGO", "RSUD"})}
			}
		}
	}
	// A share of the town staff come from the remote kecamatan and ask to
	// serve at home (atas permintaan sendiri, PP 11/2017 Pasal 190(6)):
	// wishes a plan can grant where those units are short.
	if u.Area == "urban" && r.IntN(100) < 12 && (sp.teacher || p.Profession != "" || p.Kind == "pelaksana") {
		k := g.pick([]string{"PLP", "LLM", "MMB", "TTB"})
		e.HomeKecamatan, _ = kecOf(k)
		switch {
		case sp.teacher && p.Kind == "functional":
			e.Wishes = []string{g.pick(map[string][]string{"PLP": {"SDN-120-PLP", "SMPN-15-PLP"}, "LLM": {"SDN-151-LLM"},
				"MMB": {"SDN-176-MMB", "SMPN-22-MMB"}, "TTB": {"SDN-41-TTB", "SMPN-07-TTB"}}[k])}
		case p.Profession != "":
			e.Wishes = []string{map[string]string{"PLP": "PKM-PELEPAT", "LLM": "PKM-LUBUK-MENGKUANG",
				"MMB": "PKM-MUKO-MUKO", "TTB": "PKM-TANAH-TUMBUH"}[k]}
		default:
			e.Wishes = []string{"KEC-" + k}
		}
	}
	if r.IntN(100) < 6 {
		e.TalentPool = true
	}
	g.employees = append(g.employees, e)
	return &g.employees[len(g.employees)-1]
}

var (
	exMaleNames   = []string{"Ahmad", "Budi", "Dedi", "Eko", "Fauzi", "Hendra", "Irwan", "Joko", "Rahmat", "Syaiful", "Taufik", "Yusuf", "Zulkifli", "Rizal", "Arif", "Darmawan"}
	exFemaleNames = []string{"Ani", "Dewi", "Fitri", "Indah", "Lestari", "Mardiana", "Nurhayati", "Putri", "Rina", "Sari", "Siti", "Wahyuni", "Yulia", "Rosmiati", "Erni", "Hartati"}
	exFamilyNames = []string{"Saputra", "Hidayat", "Putra", "Lubis", "Harahap", "Siregar", "Nasution", "Pratama", "Rahman", "Syahputra", "Kurniawan", "Wijaya", "Hasibuan", "Azhari", "Fitriani", "Maulana"}
)

func (g *gen) name(sex string) string {
	first := exMaleNames
	if sex == "P" {
		first = exFemaleNames
	}
	return g.pick(first) + " " + g.pick(exFamilyNames)
}

// grade draws a golongan from the entry grade of the education (domain
// §5.6) plus one step per four years of service, capped at the ceiling.
func (g *gen) grade(edu string, service float64) string {
	band := map[string][2]scoring.Grade{
		"SMA": {scoring.GradeIIa, scoring.GradeIIIb}, "D3": {scoring.GradeIIc, scoring.GradeIIIc},
		"D4": {scoring.GradeIIIa, scoring.GradeIIId}, "S1": {scoring.GradeIIIa, scoring.GradeIIId},
		"profesi": {scoring.GradeIIIb, scoring.GradeIVa}, "S2": {scoring.GradeIIIb, scoring.GradeIVb},
	}[edu]
	entry, ceil := band[0], band[1]
	gr := entry + scoring.Grade(service/4)
	if g.r.IntN(100) < 15 {
		gr++ // promoted in a structural or functional post beyond the regular ceiling
	}
	return min(gr, ceil+1, scoring.GradeIVc).String()
}

func (g *gen) unitOf(id unitID) Unit {
	for _, u := range g.units {
		if u.ID == id {
			return u
		}
	}
	panic(id)
}

// Staffing profiles of the example.
var (
	spAdmin = staffProfile{education: []string{"SMA", "SMA", "D3", "S1", "S1"},
		fields: []string{"administrasi_publik", "manajemen", "akuntansi", "ilmu_pemerintahan"},
		misfit: []string{"pgsd", "agribisnis", "sastra_inggris"}, pppkShare: 0.1}
	spStructural = staffProfile{education: []string{"S1", "S1", "S2"},
		fields: []string{"administrasi_publik", "ilmu_pemerintahan", "manajemen", "ilmu_hukum"},
		misfit: []string{"agroteknologi", "teknik_sipil"}, certs: []string{"pka"}, minAge: 38}
	spTeacherSD = staffProfile{education: []string{"S1", "S1", "S1", "D4"}, fields: []string{"pgsd"},
		misfit: []string{"pendidikan_ips", "paud", "pendidikan_bahasa_indonesia"}, certs: []string{"teacher_certificate"},
		teacher: true, pppkShare: 0.25}
	spNurse = staffProfile{education: []string{"D3", "D3", "S1", "profesi"}, fields: []string{"keperawatan"},
		misfit: []string{"kesehatan_masyarakat", "kebidanan"}, certs: []string{"str"}, pppkShare: 0.2}
	spMidwife = staffProfile{education: []string{"D3", "D3", "D4"}, fields: []string{"kebidanan"},
		misfit: []string{"keperawatan"}, certs: []string{"str"}, pppkShare: 0.2}
	spDoctor = staffProfile{education: []string{"profesi"}, fields: []string{"kedokteran"},
		certs: []string{"str"}, minAge: 27}
)

func subjectTeacher(field string) staffProfile {
	sp := spTeacherSD
	sp.fields = []string{field}
	sp.misfit = []string{"pgsd", "pendidikan_ips", "pendidikan_bahasa_indonesia", "pendidikan_matematika"}
	return sp
}

func healthProfile(field, edu string) staffProfile {
	return staffProfile{education: []string{edu, "D3", "S1"}, fields: []string{field},
		misfit: []string{"kesehatan_masyarakat", "biologi"}, certs: []string{"str"}, pppkShare: 0.15}
}

// supply is the staffing factor of service posts by area: surplus in the
// urban core, shortage in remote units (domain §7.3, §8).
func supply(area string) float64 {
	switch area {
	case "urban":
		return 1.3
	case "rural":
		return 0.85
	case "remote":
		return 0.6
	}
	return 0.45
}

// generateExample builds the example's files.
func generateExample() map[string][]byte {
	g := &gen{r: rand.New(rand.NewPCG(exampleSeed, 0x6d75746173690001)), seq: map[string]int{}}

	// OPDs in the urban core.
	g.unit("SETDA", "Sekretariat Daerah", "setda", "", "RTG", nil)
	g.unit("BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "badan", "", "RTG", nil)
	g.unit("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", "badan", "", "RTG", nil)
	g.unit("DINKES", "Dinas Kesehatan", "dinas", "", "PMB", nil)
	g.unit("DISDIKBUD", "Dinas Pendidikan dan Kebudayaan", "dinas", "", "RTG", nil)
	g.unit("RSUD", "RSUD H. Hanafie Muara Bungo", "hospital", "", "PMB", func(u *Unit) { u.Inpatient = true })
	for _, k := range []string{"PMB", "TTB", "PLP", "LLM", "MMB"} {
		name, _ := kecOf(k)
		g.unit("KEC-"+k, "Kecamatan "+name, "kecamatan", "SETDA", k, nil)
	}
	pkm := []struct{ id, name, kec string }{
		{"PKM-MUARA-BUNGO", "Puskesmas Muara Bungo", "PMB"},
		{"PKM-RIMBO-TENGAH", "Puskesmas Rimbo Tengah", "RTG"},
		{"PKM-TANAH-TUMBUH", "Puskesmas Tanah Tumbuh", "TTB"},
		{"PKM-AIR-GEMURUH", "Puskesmas Air Gemuruh", "BT3"},
		{"PKM-PELEPAT", "Puskesmas Pelepat", "PLP"},
		{"PKM-LUBUK-MENGKUANG", "Puskesmas Lubuk Mengkuang", "LLM"},
		{"PKM-MUKO-MUKO", "Puskesmas Muko-Muko Bathin VII", "MMB"},
	}
	for _, p := range pkm {
		inpatient := p.id == "PKM-TANAH-TUMBUH" || p.id == "PKM-MUARA-BUNGO"
		g.unit(p.id, p.name, "puskesmas", "DINKES", p.kec, func(u *Unit) { u.Inpatient = inpatient })
	}
	sd := []struct {
		id, name, kec string
		rombel        int
	}{
		{"SDN-01-PMB", "SD Negeri 1 Muara Bungo", "PMB", 18},
		{"SDN-05-RTG", "SD Negeri 5 Rimbo Tengah", "RTG", 18},
		{"SDN-12-BDN", "SD Negeri 12 Bungo Dani", "BDN", 12},
		{"SDN-41-TTB", "SD Negeri 41 Tanah Tumbuh", "TTB", 6},
		{"SDN-77-JJH", "SD Negeri 77 Jujuhan", "JJH", 6},
		{"SDN-88-RPD", "SD Negeri 88 Rantau Pandan", "RPD", 6},
		{"SDN-120-PLP", "SD Negeri 120 Pelepat", "PLP", 6},
		{"SDN-151-LLM", "SD Negeri 151 Limbur Lubuk Mengkuang", "LLM", 6},
		{"SDN-176-MMB", "SD Negeri 176 Muko-Muko Bathin VII", "MMB", 6},
	}
	for _, s := range sd {
		g.unit(s.id, s.name, "school_sd", "DISDIKBUD", s.kec, func(u *Unit) { u.ClassGroups = s.rombel })
	}
	smp := []struct {
		id, name, kec string
		rombel        int
	}{
		{"SMPN-01-PMB", "SMP Negeri 1 Muara Bungo", "PMB", 24},
		{"SMPN-07-TTB", "SMP Negeri 7 Tanah Tumbuh", "TTB", 9},
		{"SMPN-15-PLP", "SMP Negeri 15 Pelepat", "PLP", 6},
		{"SMPN-22-MMB", "SMP Negeri 22 Muko-Muko Bathin VII", "MMB", 6},
	}
	for _, s := range smp {
		g.unit(s.id, s.name, "school_smp", "DISDIKBUD", s.kec, func(u *Unit) { u.ClassGroups = s.rombel })
	}

	// Positions and their holders, unit by unit in the order above.
	nUnits := len(g.units)
	for i := 0; i < nUnits; i++ {
		u := g.units[i]
		_, area := u.Kind, u.Area
		switch u.Kind {
		case "setda", "badan", "dinas":
			head := g.pos(u, post{suffix: "KEPALA", name: "Kepala", kind: "jpt", jpt: "pratama", echelon: "II.b", needed: 1, unitHead: true, minEdu: "S1"})
			secretary := "Sekretaris"
			if u.ID == "SETDA" {
				head.Name, head.Echelon = "Sekretaris Daerah", "II.a"
				secretary = "Asisten Pemerintahan"
			}
			if u.ID == "BAPPEDA" {
				// One of the 2024-style eselon II vacancies (domain §7.3).
			} else {
				g.fill(head, 1, spStructural)
			}
			g.fill(g.pos(u, post{suffix: "SEKRETARIS", name: secretary, kind: "administrator", echelon: "III.a", needed: 1, minEdu: "S1"}), 1, spStructural)
			g.fill(g.pos(u, post{suffix: "KABID", name: "Kepala Bidang", kind: "administrator", echelon: "III.b", needed: 2, minEdu: "S1"}), 1, spStructural)
			g.fill(g.pos(u, post{suffix: "KASUBBAG", name: "Kepala Subbagian Umum", kind: "pengawas", echelon: "IV.a", needed: 1, minEdu: "D3"}), 1, spStructural)
			g.fill(g.pos(u, post{suffix: "ADM", name: "Pengadministrasi Perkantoran", kind: "pelaksana", needed: 10}), 1.2, spAdmin)
			switch u.ID {
			case "BKPSDM":
				sp := spStructural
				sp.minAge, sp.certs = 25, nil
				g.fill(g.pos(u, post{suffix: "ANALIS-SDM", name: "Analis SDM Aparatur Ahli Muda", kind: "functional", grade: "ahli_muda", needed: 4,
					fields: []string{"administrasi_publik", "psikologi", "manajemen"}, minEdu: "S1"}), 0.75, sp)
			case "BAPPEDA":
				sp := spStructural
				sp.minAge, sp.certs = 25, nil
				sp.fields = []string{"perencanaan_wilayah_kota", "ekonomi_pembangunan", "statistika"}
				g.fill(g.pos(u, post{suffix: "PERENCANA", name: "Perencana Ahli Muda", kind: "functional", grade: "ahli_muda", needed: 4,
					fields: []string{"perencanaan_wilayah_kota", "ekonomi_pembangunan", "statistika"}, minEdu: "S1"}), 0.5, sp)
			case "DINKES":
				g.fill(g.pos(u, post{suffix: "EPIDEMIOLOG", name: "Epidemiolog Kesehatan Ahli Pertama", kind: "functional", grade: "ahli_pertama", needed: 2,
					fields: []string{"kesehatan_masyarakat"}, minEdu: "S1"}), 1, healthProfile("kesehatan_masyarakat", "S1"))
			case "DISDIKBUD":
				g.fill(g.pos(u, post{suffix: "PENGAWAS-SEKOLAH", name: "Pengawas Sekolah Ahli Madya", kind: "functional", grade: "ahli_madya", needed: 3,
					fields: []string{"pgsd", "pendidikan_matematika", "pendidikan_bahasa_indonesia"}, minEdu: "S1"}), 1, subjectTeacher("pgsd"))
			}
		case "hospital":
			g.fill(g.pos(u, post{suffix: "DIREKTUR", name: "Direktur", kind: "administrator", echelon: "III.a", needed: 1, unitHead: true, minEdu: "S1"}), 1, spDoctor)
			g.fill(g.pos(u, post{suffix: "DOKTER", name: "Dokter Ahli Pertama", kind: "functional", grade: "ahli_pertama", profession: "doctor", needed: 8,
				fields: []string{"kedokteran"}, certs: []string{"str"}, minEdu: "profesi"}), 1.1, spDoctor)
			g.fill(g.pos(u, post{suffix: "PERAWAT", name: "Perawat Terampil", kind: "functional", grade: "terampil", profession: "nurse", needed: 45,
				fields: []string{"keperawatan"}, certs: []string{"str"}, minEdu: "D3"}), 1.25, spNurse)
			g.fill(g.pos(u, post{suffix: "BIDAN", name: "Bidan Terampil", kind: "functional", grade: "terampil", profession: "midwife", needed: 8,
				fields: []string{"kebidanan"}, certs: []string{"str"}, minEdu: "D3"}), 1.2, spMidwife)
			g.fill(g.pos(u, post{suffix: "FARMASI", name: "Asisten Apoteker Terampil", kind: "functional", grade: "terampil", profession: "pharmacy", needed: 4,
				fields: []string{"farmasi"}, certs: []string{"str"}, minEdu: "D3"}), 1, healthProfile("farmasi", "D3"))
			g.fill(g.pos(u, post{suffix: "ADM", name: "Pengadministrasi Perkantoran", kind: "pelaksana", needed: 12}), 1.1, spAdmin)
		case "kecamatan":
			g.fill(g.pos(u, post{suffix: "CAMAT", name: "Camat", kind: "administrator", echelon: "III.b", needed: 1, unitHead: true, minEdu: "S1"}), 1, spStructural)
			g.fill(g.pos(u, post{suffix: "KASI", name: "Kepala Seksi", kind: "pengawas", echelon: "IV.a", needed: 2, minEdu: "D3"}), 1, spStructural)
			g.fill(g.pos(u, post{suffix: "ADM", name: "Pengadministrasi Perkantoran", kind: "pelaksana", needed: 6}), supply(area)*1.1, spAdmin)
		case "puskesmas":
			f := supply(area)
			head := g.pos(u, post{suffix: "KEPALA", name: "Kepala", kind: "functional", grade: "ahli_muda", needed: 1, unitHead: true,
				fields: []string{"kesehatan_masyarakat", "kedokteran", "keperawatan"}, minEdu: "S1"})
			g.fill(head, 1, healthProfile("kesehatan_masyarakat", "S1"))
			doctors := 1
			nurses, midwives := 5, 4
			if u.Inpatient {
				doctors, nurses, midwives = 2, 8, 7 // Permenkes 75/2014 with inpatient care (domain §6.1)
			}
			g.fill(g.pos(u, post{suffix: "DOKTER", name: "Dokter Ahli Pertama", kind: "functional", grade: "ahli_pertama", profession: "doctor", needed: doctors,
				fields: []string{"kedokteran"}, certs: []string{"str"}, minEdu: "profesi"}), f, spDoctor)
			g.fill(g.pos(u, post{suffix: "PERAWAT", name: "Perawat Terampil", kind: "functional", grade: "terampil", profession: "nurse", needed: nurses,
				fields: []string{"keperawatan"}, certs: []string{"str"}, minEdu: "D3"}), f, spNurse)
			g.fill(g.pos(u, post{suffix: "BIDAN", name: "Bidan Terampil", kind: "functional", grade: "terampil", profession: "midwife", needed: midwives,
				fields: []string{"kebidanan"}, certs: []string{"str"}, minEdu: "D3"}), f, spMidwife)
			for _, h := range []struct{ suffix, name, prof, field string }{
				{"PROMKES", "Penyuluh Kesehatan Masyarakat Terampil", "health_promotion", "kesehatan_masyarakat"},
				{"SANITARIAN", "Sanitarian Terampil", "sanitarian", "kesehatan_lingkungan"},
				{"NUTRISIONIS", "Nutrisionis Terampil", "nutritionist", "gizi"},
				{"FARMASI", "Asisten Apoteker Terampil", "pharmacy", "farmasi"},
				{"ATLM", "Pranata Laboratorium Kesehatan Terampil", "lab_technologist", "teknologi_laboratorium_medis"},
			} {
				g.fill(g.pos(u, post{suffix: h.suffix, name: h.name, kind: "functional", grade: "terampil", profession: h.prof, needed: 1,
					fields: []string{h.field}, certs: []string{"str"}, minEdu: "D3"}), f, healthProfile(h.field, "D3"))
			}
			g.fill(g.pos(u, post{suffix: "ADM", name: "Pengadministrasi Perkantoran", kind: "pelaksana", needed: 3}), 1, spAdmin)
		case "school_sd":
			f := supply(area)
			g.fill(g.pos(u, post{suffix: "KEPSEK", name: "Kepala Sekolah", kind: "functional", grade: "ahli_madya", profession: "teacher", needed: 1, unitHead: true,
				fields: []string{"pgsd"}, certs: []string{"teacher_certificate"}, minEdu: "S1"}), 1, spTeacherSD)
			g.fill(g.pos(u, post{suffix: "GURU-KELAS", name: "Guru Kelas Ahli Pertama", kind: "functional", grade: "ahli_pertama", profession: "teacher", needed: u.ClassGroups,
				fields: []string{"pgsd"}, certs: []string{"teacher_certificate"}, minEdu: "S1"}), f, spTeacherSD)
			g.fill(g.pos(u, post{suffix: "GURU-PAI", name: "Guru Pendidikan Agama Islam Ahli Pertama", kind: "functional", grade: "ahli_pertama", profession: "teacher", needed: 1,
				fields: []string{"pendidikan_agama_islam"}, certs: []string{"teacher_certificate"}, minEdu: "S1"}), f, subjectTeacher("pendidikan_agama_islam"))
			g.fill(g.pos(u, post{suffix: "GURU-PJOK", name: "Guru Pendidikan Jasmani Ahli Pertama", kind: "functional", grade: "ahli_pertama", profession: "teacher", needed: 1,
				fields: []string{"pendidikan_jasmani"}, certs: []string{"teacher_certificate"}, minEdu: "S1"}), f, subjectTeacher("pendidikan_jasmani"))
		case "school_smp":
			f := supply(area)
			g.fill(g.pos(u, post{suffix: "KEPSEK", name: "Kepala Sekolah", kind: "functional", grade: "ahli_madya", profession: "teacher", needed: 1, unitHead: true,
				fields: []string{"pendidikan_matematika", "pendidikan_bahasa_indonesia", "pendidikan_ipa"}, certs: []string{"teacher_certificate"}, minEdu: "S1"}), 1, subjectTeacher("pendidikan_ipa"))
			per := max(1, u.ClassGroups/6)
			for _, s := range []struct{ suffix, name, field string }{
				{"GURU-MTK", "Guru Matematika Ahli Pertama", "pendidikan_matematika"},
				{"GURU-BIND", "Guru Bahasa Indonesia Ahli Pertama", "pendidikan_bahasa_indonesia"},
				{"GURU-BING", "Guru Bahasa Inggris Ahli Pertama", "pendidikan_bahasa_inggris"},
				{"GURU-IPA", "Guru IPA Ahli Pertama", "pendidikan_ipa"},
				{"GURU-IPS", "Guru IPS Ahli Pertama", "pendidikan_ips"},
				{"GURU-PAI", "Guru Pendidikan Agama Islam Ahli Pertama", "pendidikan_agama_islam"},
				{"GURU-PJOK", "Guru Pendidikan Jasmani Ahli Pertama", "pendidikan_jasmani"},
			} {
				g.fill(g.pos(u, post{suffix: s.suffix, name: s.name, kind: "functional", grade: "ahli_pertama", profession: "teacher", needed: per * 2,
					fields: []string{s.field}, certs: []string{"teacher_certificate"}, minEdu: "S1"}), f, subjectTeacher(s.field))
			}
			g.fill(g.pos(u, post{suffix: "TU", name: "Pengadministrasi Tata Usaha", kind: "pelaksana", needed: 2}), 1, spAdmin)
		}
	}

	// Special cases: two returning from study leave without a post, a
	// couple of locks and discipline cases.
	for i := range 2 {
		e := g.employee(&g.positions[0], spTeacherSD)
		e.Unit, e.Position, e.PositionSince, e.UnitSince = "", "", time.Time{}, time.Time{}
		e.Status = "PNS"
		if e.Grade == "" {
			e.Grade = "III/b"
			e.CPNSSince = e.BirthDate.AddDate(25+i, 0, 0)
			e.PNSSince = e.CPNSSince.AddDate(1, 0, 0)
		}
	}
	byPos := func(id string, k int) *Employee {
		for i := range g.employees {
			if g.employees[i].Position == positionID(id) {
				if k == 0 {
					return &g.employees[i]
				}
				k--
			}
		}
		panic(id)
	}
	study := byPos("RSUD-DOKTER", 1)
	study.Locks = []Lock{{Kind: "study_leave", Until: time.Date(2026, 8, 31, 0, 0, 0, 0, time.UTC)}}
	invest := byPos("DINKES-KASUBBAG", 0)
	invest.Locks = []Lock{{Kind: "investigation"}}
	disc1 := byPos("SDN-05-RTG-GURU-KELAS", 2)
	disc1.Discipline, disc1.DisciplineUntil = "moderate", time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	disc2 := byPos("KEC-PMB-ADM", 0)
	disc2.Discipline = "severe"
	exc := byPos("PKM-PELEPAT-KEPALA", 0)
	exc.PositionSince = examplePlanDate.AddDate(-1, -2, 0)
	exc.Exceptions = []Exception{{Rule: "min-tenure", Reason: "kebutuhan organisasi: kepala puskesmas definitif untuk akreditasi"}}
	spouseA := byPos("SDN-01-PMB-GURU-KELAS", 0)
	spouseB := byPos("PKM-MUARA-BUNGO-BIDAN", 0)
	spouseA.Relatives = []employeeID{spouseB.NIP}
	spouseB.Relatives = []employeeID{spouseA.NIP}

	// Retirements inside the plan year, for the PPPK overlay.
	var retiring []*Employee
	for i := range g.employees {
		e := &g.employees[i]
		bup := 58
		if p := g.positionOf(e.Position); p != nil && (p.Profession == "teacher" || p.Kind == "jpt" || p.FunctionalGrade == "ahli_madya") {
			bup = 60
		}
		special := e.Position == "RSUD-DIREKTUR" || e.NIP == invest.NIP || e.NIP == spouseA.NIP || e.NIP == spouseB.NIP ||
			e.NIP == study.NIP || e.NIP == disc2.NIP // named by the scenario: they stay in the workforce
		if !special && e.Position != "" && e.BirthDate.AddDate(bup, 0, 0).Before(examplePlanDate.AddDate(0, 4, 0)) && len(retiring) < 4 {
			retiring = append(retiring, e)
		}
	}

	// A new PPPK intake (domain §7.3: the 2025 round was mostly teachers
	// and health staff).
	intake := &gen{r: rand.New(rand.NewPCG(exampleSeed, 0x6d75746173690002)), seq: g.seq, units: g.units}
	var newcomers []Employee
	for i := range 24 {
		sp := spTeacherSD
		if i%3 == 2 {
			sp = spNurse
		}
		sp.pppkShare = 1
		holder := &Position{ID: "", Unit: "DISDIKBUD"}
		if i%3 == 2 {
			holder.Unit = "DINKES"
		}
		e := intake.employee(holder, sp)
		e.Unit, e.Position, e.PositionSince, e.UnitSince, e.Competence, e.AssessedOn, e.Potential, e.Ratings, e.Wishes = "", "", time.Time{}, time.Time{}, nil, time.Time{}, nil, nil, nil
		e.Status, e.Grade, e.GradeSince, e.CPNSSince, e.PNSSince = "PPPK", "", time.Time{}, time.Time{}, time.Time{}
		e.BirthDate = intake.date(examplePlanDate, 23, 34)
		// The NIP encodes the birth date, the TMT of the contract and the
		// sex (domain §9.1 [VERIFY for PPPK]); the contracted job is the
		// profession of the intake.
		e.NIP = employeeID(intake.nip(e.BirthDate, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), e.Sex))
		e.Profession = "teacher"
		if i%3 == 2 {
			e.Profession = "nurse"
		}
		newcomers = append(newcomers, *e)
	}

	files := map[string][]byte{}
	write := func(name string, f func(*bytes.Buffer) error) {
		var b bytes.Buffer
		if err := f(&b); err != nil {
			panic(err)
		}
		files[name] = b.Bytes()
	}
	sheet := Dialect{Semicolon: true, BOM: true}
	write("units.csv", func(b *bytes.Buffer) error { return WriteRoster(b, g.units, Dialect{}) })
	write("positions.csv", func(b *bytes.Buffer) error { return WriteRoster(b, g.positions, sheet) })
	write("employees.csv", func(b *bytes.Buffer) error { return WriteRoster(b, g.employees, sheet) })
	write("pppk-intake.csv", func(b *bytes.Buffer) error { return WriteRoster(b, newcomers, sheet) })

	data := map[string]any{
		"Employees": len(g.employees), "Units": len(g.units), "Positions": len(g.positions),
		"Study": study.NIP, "Invest": invest.NIP, "Disc": disc2.NIP, "SpouseA": spouseA.NIP, "SpouseB": spouseB.NIP,
		"Head": byPos("RSUD-DIREKTUR", 0).NIP, "Retiring": retiring, "Intake": len(newcomers),
	}
	for name, tmpl := range exampleTemplates {
		write(name, func(b *bytes.Buffer) error {
			return template.Must(template.New(name).Parse(tmpl)).Execute(b, data)
		})
	}
	return files
}

func (g *gen) positionOf(id positionID) *Position {
	for i := range g.positions {
		if g.positions[i].ID == id {
			return &g.positions[i]
		}
	}
	return nil
}

var exampleTemplates = map[string]string{
	"scenario.yaml": `# Synthetic Bungo: a transfer round for a regency modelled on Kabupaten Bungo, Jambi.
# Generated by scenarios/example_gen_test.go (seed 20251201); the people are fictional.
# {{.Units}} units, {{.Positions}} positions, {{.Employees}} employees: teachers and nurses pile up in the
# urban core (Pasar Muara Bungo, Rimbo Tengah, Bungo Dani) while remote puskesmas and schools are short.
name: bungo-2025-12
description: >-
  Mutasi round of December 2025 after the post-inauguration freeze closed:
  rebalance teachers and health workers from the urban core to remote units.
plan_date: 2025-12-01
workforce:
  units_csv: units.csv
  positions_csv: positions.csv
  employees_csv: employees.csv
weights:
  education: 0.25
  competence: 0.35
  tenure: 0.15
  performance: 0.15
  preference: 0.10
scoring:
  competence_method: jpm
  continuity_bonus: 0.05
  unfilled_penalty: 2
rules:
  tenure_min_years: 2
  tenure_max_years: 5
  retirement_horizon_months: 12
  retirement_ages: {administrative: 58, senior: 60, teacher: 60, ahli_utama: 65}
  jpm_thresholds: {ms: 80, mms: 68}
  election:
    candidate_date: 2024-09-22
    inauguration_date: 2025-05-26
    freeze_months: 6
    freeze_scope: [jpt, administrator, pengawas, unit_head]
neighbours:   # illustrative adjacency of the example's kecamatan [VERIFY against a map]
  Pasar Muara Bungo: [Rimbo Tengah, Bungo Dani]
  Rimbo Tengah: [Bungo Dani, Bathin III]
  Tanah Tumbuh: [Jujuhan, Bathin III]
  Rantau Pandan: [Muko-Muko Bathin VII, Pelepat]
  Pelepat: [Limbur Lubuk Mengkuang]
constraints:
  max_moves: 60
  max_turnover_pct: 20
  no_remote_outflow: true
  rotation: soft
  unit_floors:
    - {unit: PKM-PELEPAT, profession: doctor, min: 1, reason: Permenkes 19/2024}
    - {unit: PKM-LUBUK-MENGKUANG, profession: doctor, min: 1, reason: Permenkes 19/2024}
    - {unit: PKM-MUKO-MUKO, profession: doctor, min: 1, reason: Permenkes 19/2024}
    - {unit: PKM-PELEPAT, profession: nurse, min: 3}
    - {unit: SDN-176-MMB, profession: teacher, min: 5, reason: one teacher per rombel}
  unit_caps:
    - {unit: RSUD, profession: nurse, max: 40, reason: ward capacity}
  pinned:
    - {employee: "{{.Head}}", reason: hospital accreditation in progress}
  excluded:
    - {employee: "{{.Invest}}", reason: under examination by the inspectorate}
  conflicts:
    - {employees: ["{{.SpouseA}}", "{{.SpouseB}}"], reason: married couple}
`,
	"whatif-pppk-intake.yaml": `# What if the {{.Intake}} PPPK appointees of the next intake join and this year's retirements leave?
extends: scenario.yaml
name: bungo-2025-12-pppk
description: New PPPK teachers and nurses to place, retirements by April 2026 removed.
changes:
  - add_employees_csv: pppk-intake.csv
  - remove_employees:
{{- range .Retiring}}
      - {employee: "{{.NIP}}", reason: pensiun}
{{- end}}
  - set_needed:
      - {position: SDN-176-MMB-GURU-KELAS, needed: 7}
      - {position: PKM-MUKO-MUKO-PERAWAT, needed: 6}
`,
	"whatif-strict-tenure.yaml": `# What if the minimum tenure were 3 years and the 5-year rotation were enforced?
extends: scenario.yaml
name: bungo-2025-12-strict-tenure
description: Minimum tenure 3 years; everyone past 5 years in post must move.
changes:
  - set_rules: {tenure_min_years: 3}
  - set_constraints: {rotation: hard, max_moves: 120}
`,
	"whatif-election-freeze.yaml": `# What if the round were held on 8 October 2025, as the real first round was,
# inside the 6-month freeze after the 26 May 2025 inauguration (UU 10/2016 Pasal 162(3))?
extends: scenario.yaml
name: bungo-2025-10-freeze
description: Round inside the post-inauguration freeze; no Mendagri approval.
plan_date: 2025-10-08
rules:
  election:
    minister_approval_all: false
`,
}

func TestExampleShape(t *testing.T) {
	s, _, err := Load(DefaultExample(), "scenario.yaml")
	require.NoError(t, err)
	var under2, over5, nearRetire, mismatch int
	for _, e := range s.Workforce.Employees {
		if e.Position == "" {
			continue
		}
		y := examplePlanDate.Sub(e.PositionSince).Hours() / 24 / 365.25
		if y < 2 {
			under2++
		}
		if y > 5 {
			over5++
		}
		if examplePlanDate.Sub(e.BirthDate).Hours()/24/365.25 > 57 {
			nearRetire++
		}
		for _, p := range s.Workforce.Positions {
			if p.ID == e.Position && len(p.Fields) > 0 && !slices.Contains(p.Fields, e.Field) {
				mismatch++
			}
		}
	}
	n := len(s.Workforce.Employees)
	t.Logf("units %d, positions %d, employees %d; under 2 years %d, over 5 years %d, near retirement %d, field mismatch %d",
		len(s.Workforce.Units), len(s.Workforce.Positions), n, under2, over5, nearRetire, mismatch)
	// The brief: about 600 employees and about 30 units; ~20 % under 2
	// years and ~30 % over 5 years in post.
	require.InDelta(t, 600, n, 100)
	require.InDelta(t, 30, len(s.Workforce.Units), 5)
	require.InDelta(t, 0.20, float64(under2)/float64(n), 0.06)
	require.InDelta(t, 0.30, float64(over5)/float64(n), 0.08)
	require.Positive(t, nearRetire)
	require.Positive(t, mismatch)
	require.False(t, strings.Contains(fmt.Sprint(s.Workforce.Units), "PMB-"), "unit ids are stable")
}

// TestExampleCompilesInScoring converts the example into scoring's types,
// the way build.go will, and checks that scoring accepts every record: the
// two packages share one vocabulary.
func TestExampleCompilesInScoring(t *testing.T) {
	for _, name := range []string{"scenario.yaml", "whatif-pppk-intake.yaml", "whatif-strict-tenure.yaml", "whatif-election-freeze.yaml"} {
		s, _, err := Load(DefaultExample(), name)
		require.NoError(t, err)
		sc := scoring.Scorer{Weights: scoring.DefaultWeights(), AsOf: s.PlanDate, Rules: scoring.DefaultRules(), Neighbours: s.Neighbours}
		for _, u := range s.Workforce.Units {
			sc.Units = append(sc.Units, scoring.Unit{ID: u.ID, Name: u.Name, Kind: must(scoring.ParseUnitKind(u.Kind)),
				Parent: u.Parent, Kecamatan: u.Kecamatan, Area: must(scoring.ParseAreaClass(u.Area)), Inpatient: u.Inpatient, ClassGroups: u.ClassGroups})
		}
		for _, p := range s.Workforce.Positions {
			sp := scoring.Position{ID: p.ID, Name: p.Name, Unit: p.Unit, Kind: must(scoring.ParsePositionKind(p.Kind)),
				JobClass: p.JobClass, IsUnitHead: p.UnitHead, Needed: p.Needed, OpenSelection: p.OpenSelection, Standard: profile(p.Standard)}
			sp.JPTLevel = opt(p.JPTLevel, scoring.ParseJPTLevel)
			sp.FunctionalGrade = opt(p.FunctionalGrade, scoring.ParseFunctionalGrade)
			sp.Echelon = opt(p.Echelon, scoring.ParseEchelon)
			sp.Profession = opt(p.Profession, scoring.ParseProfession)
			sp.MinEducation = opt(p.MinEducation, scoring.ParseEducationLevel)
			sp.GradeMin, sp.GradeMax = opt(p.GradeMin, scoring.ParseGrade), opt(p.GradeMax, scoring.ParseGrade)
			for _, f := range p.Fields {
				sp.Fields = append(sp.Fields, scoring.Field(f))
			}
			for _, c := range p.RequiredCerts {
				sp.RequiredCerts = append(sp.RequiredCerts, must(scoring.ParseCertKind(c)))
			}
			if p.Criticality != nil {
				sp.Criticality = *p.Criticality
			}
			sc.Positions = append(sc.Positions, sp)
		}
		var es []scoring.Employee
		for _, e := range s.Workforce.Employees {
			se := scoring.Employee{ID: e.NIP, Name: e.Name, BirthDate: e.BirthDate, Status: must(scoring.ParseEmploymentStatus(e.Status)),
				CPNSSince: e.CPNSSince, PNSSince: e.PNSSince, GradeSince: e.GradeSince, Position: e.Position, PositionSince: e.PositionSince,
				Unit: e.Unit, UnitSince: e.UnitSince, Competence: profile(e.Competence), AssessedOn: e.AssessedOn,
				HomeKecamatan: e.HomeKecamatan, InTalentPool: e.TalentPool, Relatives: e.Relatives}
			se.Sex = opt(e.Sex, scoring.ParseSex)
			se.Grade = opt(e.Grade, scoring.ParseGrade)
			se.Education = scoring.Education{Level: must(scoring.ParseEducationLevel(e.Education)), Field: scoring.Field(e.Field)}
			for _, c := range e.Certifications {
				se.Certifications = append(se.Certifications, scoring.Certification{Kind: must(scoring.ParseCertKind(c.Kind)), Until: c.Until})
			}
			for _, r := range e.Ratings {
				se.Ratings = append(se.Ratings, scoring.Rating{Year: r.Year, Predicate: must(scoring.ParsePredicate(r.Predicate))})
			}
			if e.Potential != nil {
				se.Potential = *e.Potential
			}
			se.Discipline = scoring.Discipline{Level: opt(e.Discipline, scoring.ParseDisciplineLevel), Until: e.DisciplineUntil}
			for _, l := range e.Locks {
				se.Locks = append(se.Locks, scoring.Lock{Kind: must(scoring.ParseLockKind(l.Kind)), Until: l.Until, Reason: l.Reason})
			}
			for _, x := range e.Exceptions {
				se.Exceptions = append(se.Exceptions, scoring.Exception{Rule: must(scoring.ParseRuleID(x.Rule)), Reason: x.Reason})
			}
			for _, w := range e.Wishes {
				se.Wishes = append(se.Wishes, scoring.Wish{Unit: unitID(w)})
			}
			es = append(es, se)
		}
		tab, err := sc.Compile(es)
		require.NoError(t, err, name)
		require.Equal(t, len(es), tab.Rows())
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func opt[T any](s string, parse func(string) (T, error)) T {
	var zero T
	if s == "" {
		return zero
	}
	return must(parse(s))
}

func profile(m map[string]int) scoring.Profile {
	var p scoring.Profile
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if name, ok := strings.CutPrefix(k, "technical:"); ok {
			p.Technical = append(p.Technical, scoring.TechnicalLevel{Name: name, Level: m[k]})
			continue
		}
		p.Levels[must(scoring.ParseCompetency(k))] = m[k]
	}
	return p
}
