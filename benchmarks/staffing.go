package benchmarks

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mutasi-asn/mutasi/scenarios"
	"github.com/mutasi-asn/mutasi/scoring"
)

// ErrStaffing reports a staffing dataset [ReadStaffing] cannot map: an
// unknown adapter, a missing column or a malformed cell. (It belongs in
// errors.go with the package's other sentinels.)
var ErrStaffing = errors.New("benchmarks: invalid staffing dataset")

// The staffing dataset adapters of [ReadStaffing].
const (
	// AdapterIBMHR maps the IBM HR Analytics Employee Attrition &
	// Performance dataset (1,470 rows, 35 columns).
	AdapterIBMHR = "ibm-hr"
	// AdapterHRPromotion maps the WNS × Analytics Vidhya "HR Analytics /
	// employee promotion" training set (54,808 rows, 14 columns).
	AdapterHRPromotion = "hr-promotion"
)

// StaffingAdapters returns the adapter names ReadStaffing accepts.
func StaffingAdapters() []string { return []string{AdapterIBMHR, AdapterHRPromotion} }

// StaffingConfig configures [ReadStaffing].
type StaffingConfig struct {
	// Adapter is AdapterIBMHR or AdapterHRPromotion.
	Adapter string
	// Seed seeds what the adapter synthesizes (PCG, math/rand/v2).
	Seed uint64
	// PlanDate is the plan date; the zero value means 1 December 2025,
	// as for Generate. Ages and years are counted back from it.
	PlanDate time.Time
	// Rows, when positive, reads only the first Rows data rows.
	Rows int
}

// staffRow is one dataset row in the adapters' common terms.
type staffRow struct {
	id        int    // the dataset's employee number
	unit      string // unit ID
	unitName  string
	area      string // urban, rural, remote, very_remote
	dept      string // department key (fields of study)
	post      string // post key within the unit
	postName  string
	level     int    // 1 pelaksana … 5; see postOf
	education string // scoring level abbreviation
	field     string
	sex       string
	age       int
	service   int // years with the employer
	inRole    int // years in the current post
	ratings   []scenarios.Rating
	ability   float64 // 1–5, the competence level around which profiles are drawn
	talent    bool
	leaving   bool // left the employer: counts in the post's need, not in the workforce
	factor    float64
}

// ReadStaffing maps a staffing dataset (CSV with a header; a UTF-8 BOM
// and CRLF line endings are accepted) to a scenario of the same shape as
// [Generate]'s: scenario.yaml and its units, positions and employees
// rosters, on which the engine plans a redistribution. name labels the
// scenario and errors. The mapping is documented per adapter below; what
// the dataset lacks is synthesized from cfg.Seed, so the same file and
// config give the same bytes.
//
// # Common to both adapters
//
// Employees get a synthetic 18-digit NIP (birth date, CPNS month, sex and
// a sequence number), the name "Pegawai <employee number>" and status
// PNS. Birth date = plan date − age years − a seeded day of the year;
// CPNS date = plan date − years with the employer (moved forward to the
// 18th birthday when the data says otherwise), PNS a year later. Posts are
// pelaksana (level 1–2) or functional (jabatan fungsional) of grade ahli
// pertama (3), ahli muda (4) or ahli madya (5); a functional post asks for
// S1 and the rank band of its grade (III/a–III/b, III/c–III/d,
// IV/a–IV/c), and its competence standard is 3, 3 and 4 on the nine
// ASN competencies (Permenpan-RB 38/2017). Grades are set inside the band
// of the post held (pelaksana: from the education's entry grade, one step
// per 4 years of service, at most II/d for SMA, III/b for D3 and III/d for
// S1 and above), so nobody starts out of band. Competence profiles (nine
// factors, 1–5) are drawn around the row's ability with a seeded ±1 and
// assessed within the last two years. Wishes, locks, pins and penalties
// are not synthesized. Retirement ages are set to 60 for every post
// (the datasets' oldest employees are 60), and the plan date lies outside
// any election freeze.
//
// # ibm-hr (ibm_hr_attrition.csv)
//
//   - Department (Sales, Research & Development, Human Resources) → unit
//     (one dinas-like unit each, urban).
//   - JobRole and JobLevel → post: one position per (department, role,
//     level); levels 1–2 are pelaksana, 3–5 functional as above.
//   - Need: every row counts in its post's need; rows with Attrition=Yes
//     have left and are not in the workforce, so their seats are the
//     vacancies to fill (1,470 seats, 1,233 employees).
//   - Education 1–5 (Below College, College, Bachelor, Master, Doctor) →
//     SMA, D3, S1, S2, S3. EducationField → field of study: Life Sciences
//     → biologi, Medical → kedokteran, Marketing → manajemen, Technical
//     Degree → teknik_informatika, Human Resources → psikologi, Other →
//     ilmu_komunikasi. A post lists its department's fields as relevant
//     (scored, not required): Sales manajemen, akuntansi,
//     ekonomi_pembangunan; R&D biologi, kedokteran, farmasi,
//     teknik_informatika; HR psikologi, manajemen, administrasi_publik.
//   - YearsInCurrentRole → tenure in post; YearsAtCompany → years of service
//     (CPNS date, and tenure in the unit); Age → birth date; Gender → sex.
//   - PerformanceRating (3 or 4) → SKP of the last year (baik, sangat
//     baik); JobInvolvement 1–4 → the year before (kurang, butuh
//     perbaikan, baik, sangat baik). Ability = 1 + JobLevel × 0.5 +
//     (JobInvolvement − 2.5) × 0.4.
//
// # hr-promotion (hr_promotion_train.csv)
//
//   - department (9) × region (34) → unit (up to 306). Regions are ranked
//     by headcount: the 5 largest are urban, the next 19 rural, the next 7
//     remote and the rest very remote.
//   - Post: pelaksana below S1 or with less than 3 years of service;
//     otherwise functional ahli pertama (under 10 years), ahli muda (10–19)
//     or ahli madya (20 and more); one position per (unit, post).
//   - Need: the post's holders × 0.9 in urban units, × 1.0 rural, × 1.2
//     remote and × 1.3 very remote, rounded, at least 1: surplus in town,
//     shortage in remote units, as in the domain.
//   - education: Below Secondary → SMA, Bachelor's → S1, Master's & above
//     → S2, empty → D3. The dataset has no field of study: each
//     department has one (Sales & Marketing manajemen, Operations
//     manajemen, Technology teknik_informatika, Procurement akuntansi,
//     Analytics statistika, Finance akuntansi, HR psikologi, Legal
//     ilmu_hukum, R&D teknik_mesin) that 90 % of its staff hold, the rest
//     drawing another department's (seeded). Functional posts require
//     their department's field (rule accepted-field), which also keeps the
//     candidate lists sparse.
//   - length_of_service → years of service and tenure in unit; tenure in
//     post (absent) is drawn uniformly up to min(service, 8) years; age →
//     birth date; gender → sex.
//   - previous_year_rating 5, 4, 3, 2, 1 → SKP of the last year sangat
//     baik, baik, baik, butuh perbaikan, kurang (none when empty);
//     KPIs_met >80 % → sangat baik the year before, else baik;
//     awards_won → talent pool. Ability = 1 + (avg_training_score − 39) /
//     15.
//
// ReadStaffing returns an error wrapping ErrStaffing for an unknown
// adapter, missing columns, and malformed cells and employee ids given
// twice: a *ParseError naming the line, column and CSV column of each, or
// a *scenarios.ErrorList of them when there are several (at most 100:
// reading stops there); the reader's error otherwise. It takes O(n log n) time and O(n) memory
// for n rows.
func ReadStaffing(r io.Reader, name string, cfg StaffingConfig) (*Generated, error) {
	plan := defaultPlanDate
	if !cfg.PlanDate.IsZero() {
		y, m, d := cfg.PlanDate.Date()
		plan = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	var rows []staffRow
	var err error
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x5eed5eed))
	switch cfg.Adapter {
	case AdapterIBMHR:
		rows, err = readIBM(r, name, cfg.Rows)
	case AdapterHRPromotion:
		rows, err = readPromotion(r, name, cfg.Rows, rng)
	default:
		return nil, fmt.Errorf("%w: unknown adapter %q (want %s)", ErrStaffing, cfg.Adapter, strings.Join(StaffingAdapters(), " or "))
	}
	if err != nil {
		return nil, err
	}
	return staffScenario(rows, name, cfg, plan, rng)
}

// csvTable reads a CSV with a header and returns the column index of each
// wanted name and the data rows. It collects the errors of every row, each
// a *ParseError naming the line, column and CSV column, up to
// maxStaffingErrors.
type csvTable struct {
	name string
	r    *csv.Reader
	col  map[string]int
	line int
	errs []error
	ids  map[int]int // employee id → line, for duplicates
}

// maxStaffingErrors caps the errors one dataset collects; reading stops
// there.
const maxStaffingErrors = 100

func newCSVTable(r io.Reader, name string, want ...string) (*csvTable, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err != nil {
		return nil, csvError(name, 1, err)
	}
	t := &csvTable{name: name, r: cr, col: map[string]int{}, line: 1, ids: map[int]int{}}
	for k, h := range head {
		t.col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = k
	}
	var missing []string
	for _, w := range want {
		if _, ok := t.col[w]; !ok {
			missing = append(missing, strconv.Quote(w))
		}
	}
	if len(missing) > 0 {
		what := "column"
		if len(missing) > 1 {
			what = "columns"
		}
		return nil, &ParseError{File: name, Line: 1, Column: 1,
			Err: detailf(ErrStaffing, "missing %s %s (is this the right adapter?)", what, strings.Join(missing, ", "))}
	}
	return t, nil
}

// csvError turns an encoding/csv error into a *ParseError.
func csvError(name string, line int, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &ParseError{File: name, Line: pe.Line, Column: pe.Column, Err: detailf(ErrStaffing, "%v", pe.Err)}
	}
	return &ParseError{File: name, Line: line, Err: detailf(ErrStaffing, "%v", err)}
}

// next returns the next record, or nil at the end, after a malformed line
// (which it reports) or once maxStaffingErrors errors are collected.
func (t *csvTable) next() []string {
	if len(t.errs) >= maxStaffingErrors {
		return nil
	}
	rec, err := t.r.Read()
	if err == io.EOF {
		return nil
	}
	t.line++
	if err != nil {
		t.errs = append(t.errs, csvError(t.name, t.line, err))
		return nil
	}
	if line, _ := t.r.FieldPos(0); line > 0 {
		t.line = line
	}
	return rec
}

// fail reports a problem with column c of the current row.
func (t *csvTable) fail(c, format string, args ...any) {
	line, col := t.line, 0
	if k, ok := t.col[c]; ok {
		line, col = t.r.FieldPos(k)
	}
	t.errs = append(t.errs, &ParseError{File: t.name, Line: line, Column: col,
		Err: detailf(ErrStaffing, "column %s: "+format, append([]any{c}, args...)...)})
}

// err returns the errors collected: nil, the one error, or a
// *scenarios.ErrorList of them.
func (t *csvTable) err() error {
	switch len(t.errs) {
	case 0:
		return nil
	case 1:
		return t.errs[0]
	}
	return &scenarios.ErrorList{Errs: t.errs}
}

func (t *csvTable) text(rec []string, c string) string { return strings.TrimSpace(rec[t.col[c]]) }

func (t *csvTable) int(rec []string, c string, lo, hi int) (int, bool) {
	s := t.text(rec, c)
	v, err := strconv.Atoi(s)
	if err != nil || v < lo || v > hi {
		t.fail(c, "want an integer from %d to %d, got %q", lo, hi, clip([]byte(s)))
		return 0, false
	}
	return v, true
}

// intCol is one integer column to read into dst, within [lo, hi].
type intCol struct {
	dst    *int
	c      string
	lo, hi int
}

// ints reads every column of cols from rec, reporting each bad one, and
// returns whether all were good.
func (t *csvTable) ints(rec []string, cols ...intCol) bool {
	ok := true
	for _, f := range cols {
		v, good := t.int(rec, f.c, f.lo, f.hi)
		ok = ok && good
		*f.dst = v
	}
	return ok
}

// uniqueID reports an employee id already seen in column c, and records
// it otherwise.
func (t *csvTable) uniqueID(c string, id int) bool {
	if first, dup := t.ids[id]; dup {
		t.fail(c, "employee %d is already on line %d", id, first)
		return false
	}
	t.ids[id] = t.line
	return true
}

var ibmFields = map[string]string{
	"Life Sciences": "biologi", "Medical": "kedokteran", "Marketing": "manajemen",
	"Technical Degree": "teknik_informatika", "Human Resources": "psikologi", "Other": "ilmu_komunikasi",
}

var ibmDepts = map[string][2]string{ // key, unit name
	"Sales":                  {"SALES", "Dinas Penjualan (Sales)"},
	"Research & Development": {"RND", "Badan Riset dan Pengembangan (R&D)"},
	"Human Resources":        {"HR", "Badan Kepegawaian (Human Resources)"},
}

// readIBM reads ibm_hr_attrition.csv.
func readIBM(r io.Reader, name string, limit int) ([]staffRow, error) {
	t, err := newCSVTable(r, name, "Age", "Attrition", "Department", "Education", "EducationField", "EmployeeNumber",
		"Gender", "JobInvolvement", "JobLevel", "JobRole", "PerformanceRating", "YearsAtCompany", "YearsInCurrentRole")
	if err != nil {
		return nil, err
	}
	var rows []staffRow
	for limit <= 0 || len(rows) < limit {
		rec := t.next()
		if rec == nil {
			break
		}
		var s staffRow
		var edu, inv, perf int
		good := t.ints(rec, intCol{&s.age, "Age", 18, 70}, intCol{&edu, "Education", 1, 5},
			intCol{&s.id, "EmployeeNumber", 1, 1 << 30}, intCol{&inv, "JobInvolvement", 1, 4},
			intCol{&s.level, "JobLevel", 1, 5}, intCol{&perf, "PerformanceRating", 1, 5},
			intCol{&s.service, "YearsAtCompany", 0, 60}, intCol{&s.inRole, "YearsInCurrentRole", 0, 60})
		if s.id > 0 && !t.uniqueID("EmployeeNumber", s.id) {
			good = false
		}
		d, ok := ibmDepts[t.text(rec, "Department")]
		if !ok {
			t.fail("Department", "unknown department %q", t.text(rec, "Department"))
			good = false
		}
		if s.field, ok = ibmFields[t.text(rec, "EducationField")]; !ok {
			t.fail("EducationField", "unknown field %q", t.text(rec, "EducationField"))
			good = false
		}
		if !good {
			continue
		}
		s.dept, s.unit, s.unitName, s.area = d[0], d[0], d[1], "urban"
		s.education = [...]string{"SMA", "D3", "S1", "S2", "S3"}[edu-1]
		role := t.text(rec, "JobRole")
		s.post = fmt.Sprintf("%s-L%d", strings.ToUpper(strings.NewReplacer(" ", "-", "&", "").Replace(role)), s.level)
		s.postName = fmt.Sprintf("%s (level %d)", role, s.level)
		s.sex = "L"
		if t.text(rec, "Gender") == "Female" {
			s.sex = "P"
		}
		s.leaving = t.text(rec, "Attrition") == "Yes"
		y := defaultPlanDate.Year() - 1
		s.ratings = []scenarios.Rating{{Year: y - 1, Predicate: [...]string{"kurang", "butuh_perbaikan", "baik", "sangat_baik"}[inv-1]},
			{Year: y, Predicate: "baik"}}
		if perf >= 4 {
			s.ratings[1].Predicate = "sangat_baik"
		}
		s.ability = 1 + float64(s.level)*0.5 + (float64(inv)-2.5)*0.4
		s.factor = 1
		rows = append(rows, s)
	}
	if err := t.err(); err != nil {
		return nil, err
	}
	return rows, nil
}

var promotionDepts = map[string][2]string{ // key, field of study
	"Sales & Marketing": {"SM", "manajemen"}, "Operations": {"OPS", "manajemen"}, "Technology": {"TECH", "teknik_informatika"},
	"Procurement": {"PROC", "akuntansi"}, "Analytics": {"ANL", "statistika"}, "Finance": {"FIN", "akuntansi"},
	"HR": {"HR", "psikologi"}, "Legal": {"LEGAL", "ilmu_hukum"}, "R&D": {"RND", "teknik_mesin"},
}

// promotionFieldList are the departments' fields, in a fixed order, for
// drawing a mismatched one.
var promotionFieldList = []string{"akuntansi", "ilmu_hukum", "manajemen", "psikologi", "statistika", "teknik_informatika", "teknik_mesin"}

// readPromotion reads hr_promotion_train.csv.
func readPromotion(r io.Reader, name string, limit int, rng *rand.Rand) ([]staffRow, error) {
	const kpi = "KPIs_met >80%"
	t, err := newCSVTable(r, name, "employee_id", "department", "region", "education", "gender", "age",
		"previous_year_rating", "length_of_service", "awards_won", "avg_training_score")
	if err != nil {
		return nil, err
	}
	kpiCol, awardCol := "KPIs_met _greaterthan_80percent", "awards_won"
	if _, ok := t.col[kpiCol]; !ok {
		kpiCol = kpi // the Kaggle mirror's name
		if _, ok := t.col[kpiCol]; !ok {
			return nil, &ParseError{File: name, Line: 1, Column: 1,
				Err: detailf(ErrStaffing, "missing column %q", "KPIs_met _greaterthan_80percent")}
		}
	}
	var rows []staffRow
	for limit <= 0 || len(rows) < limit {
		rec := t.next()
		if rec == nil {
			break
		}
		var s staffRow
		var score, kpiMet, award int
		good := t.ints(rec, intCol{&s.id, "employee_id", 1, 1 << 30}, intCol{&s.age, "age", 18, 70},
			intCol{&s.service, "length_of_service", 0, 60}, intCol{&award, awardCol, 0, 1},
			intCol{&score, "avg_training_score", 0, 100}, intCol{&kpiMet, kpiCol, 0, 1})
		if s.id > 0 && !t.uniqueID("employee_id", s.id) {
			good = false
		}
		d, ok := promotionDepts[t.text(rec, "department")]
		if !ok {
			t.fail("department", "unknown department %q", t.text(rec, "department"))
			good = false
		}
		region := t.text(rec, "region")
		rn, err := strconv.Atoi(strings.TrimPrefix(region, "region_"))
		if err != nil || !strings.HasPrefix(region, "region_") {
			t.fail("region", "want region_<n>, got %q", region)
			good = false
		}
		var pr int
		if t.text(rec, "previous_year_rating") != "" {
			if pr, ok = t.int(rec, "previous_year_rating", 1, 5); !ok {
				good = false
			}
		}
		switch e := t.text(rec, "education"); e {
		case "Below Secondary":
			s.education = "SMA"
		case "Bachelor's":
			s.education = "S1"
		case "Master's & above":
			s.education = "S2"
		case "":
			s.education = "D3"
		default:
			t.fail("education", "unknown education %q", e)
			good = false
		}
		if !good {
			continue
		}
		s.dept = d[0]
		s.unit = fmt.Sprintf("%s-R%02d", d[0], rn)
		s.unitName = fmt.Sprintf("%s, region %d", t.text(rec, "department"), rn)
		s.field = d[1]
		if rng.Float64() >= 0.9 {
			s.field = promotionFieldList[rng.IntN(len(promotionFieldList))]
		}
		s.sex = "L"
		if t.text(rec, "gender") == "f" {
			s.sex = "P"
		}
		s.inRole = rng.IntN(min(s.service, 8) + 1)
		switch {
		case s.education == "SMA" || s.education == "D3" || s.service < 3:
			s.level = 1
		case s.service < 10:
			s.level = 3
		case s.service < 20:
			s.level = 4
		default:
			s.level = 5
		}
		s.post = fmt.Sprintf("L%d", s.level)
		y := defaultPlanDate.Year() - 1
		prev := "baik"
		if kpiMet == 1 {
			prev = "sangat_baik"
		}
		s.ratings = []scenarios.Rating{{Year: y - 1, Predicate: prev}}
		if pr > 0 {
			s.ratings = append(s.ratings, scenarios.Rating{Year: y, Predicate: [...]string{"kurang", "butuh_perbaikan", "baik", "baik", "sangat_baik"}[pr-1]})
		}
		s.talent = award == 1
		s.ability = 1 + float64(score-39)/15
		rows = append(rows, s)
	}
	if err := t.err(); err != nil {
		return nil, err
	}
	// Areas by region headcount.
	count := map[int]int{}
	regionOf := func(s *staffRow) int { n, _ := strconv.Atoi(s.unit[strings.LastIndex(s.unit, "-R")+2:]); return n }
	for k := range rows {
		count[regionOf(&rows[k])]++
	}
	regions := make([]int, 0, len(count))
	for rn := range count {
		regions = append(regions, rn)
	}
	slices.SortFunc(regions, func(a, b int) int {
		if c := cmp.Compare(count[b], count[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	area := map[int]string{}
	for k, rn := range regions {
		switch {
		case k < 5:
			area[rn] = "urban"
		case k < 24:
			area[rn] = "rural"
		case k < 31:
			area[rn] = "remote"
		default:
			area[rn] = "very_remote"
		}
	}
	for k := range rows {
		s := &rows[k]
		s.area = area[regionOf(s)]
		s.factor = map[string]float64{"urban": 0.9, "rural": 1, "remote": 1.2, "very_remote": 1.3}[s.area]
		s.unitName += " (" + s.area + ")"
	}
	return rows, nil
}

// The rank bands of the functional grades (levels 3–5) and the ceilings of
// pelaksana by education.
var (
	levelBand    = [6][2]string{3: {"III/a", "III/b"}, 4: {"III/c", "III/d"}, 5: {"IV/a", "IV/c"}}
	gradeOrder   = []string{"I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e"}
	competencies = []string{"communication", "cooperation", "decision_making", "developing_others", "integrity",
		"managing_change", "perekat_bangsa", "public_service", "results_orientation"}
	functionalName = [6]string{3: "ahli_pertama", 4: "ahli_muda", 5: "ahli_madya"}
	deptFieldsIBM  = map[string][]string{"SALES": {"manajemen", "akuntansi", "ekonomi_pembangunan"},
		"RND": {"biologi", "kedokteran", "farmasi", "teknik_informatika"}, "HR": {"psikologi", "manajemen", "administrasi_publik"}}
)

func gradeIndex(g string) int { return slices.Index(gradeOrder, g) }

// gradeOf returns the grade of a row: inside its post's band (functional)
// or from its education's entry grade (pelaksana).
func gradeOf(s *staffRow) string {
	if s.level >= 3 {
		lo, hi := gradeIndex(levelBand[s.level][0]), gradeIndex(levelBand[s.level][1])
		return gradeOrder[min(hi, lo+s.service/4)]
	}
	entry, ceil := "II/a", "II/d"
	switch s.education {
	case "D3":
		entry, ceil = "II/c", "III/b"
	case "S1", "S2", "S3":
		entry, ceil = "III/a", "III/d"
	}
	return gradeOrder[min(gradeIndex(ceil), gradeIndex(entry)+s.service/4)]
}

// staffScenario turns mapped rows into scenario files.
func staffScenario(rows []staffRow, name string, cfg StaffingConfig, plan time.Time, rng *rand.Rand) (*Generated, error) {
	if len(rows) == 0 {
		return nil, fmt.Errorf("%w: %s: no data rows", ErrStaffing, name)
	}
	type post struct {
		p       scenarios.Position
		holders int
		factor  float64
	}
	var units []scenarios.Unit
	unitSeen := map[string]bool{}
	posts := map[string]*post{}
	var postIDs []string
	var emps []scenarios.Employee
	nipSeq := map[string]int{}
	for k := range rows {
		s := &rows[k]
		if !unitSeen[s.unit] {
			unitSeen[s.unit] = true
			kind := "dinas"
			if strings.HasPrefix(s.unitName, "Badan") {
				kind = "badan"
			}
			units = append(units, scenarios.Unit{ID: scoring.UnitID(s.unit), Name: s.unitName, Kind: kind, Area: s.area})
		}
		pid := s.unit + "-" + s.post
		pp := posts[pid]
		if pp == nil {
			pp = &post{factor: s.factor}
			pp.p = scenarios.Position{ID: scoring.PositionID(pid), Unit: scoring.UnitID(s.unit), Kind: "pelaksana"}
			pp.p.Name = s.postName
			if s.postName == "" {
				pp.p.Name = "Pelaksana"
			}
			if s.level >= 3 {
				pp.p.Kind = "functional"
				pp.p.FunctionalGrade = functionalName[s.level]
				pp.p.MinEducation = "S1"
				pp.p.GradeMin, pp.p.GradeMax = levelBand[s.level][0], levelBand[s.level][1]
				std := 3
				if s.level == 5 {
					std = 4
				}
				pp.p.Standard = map[string]int{}
				for _, c := range competencies {
					pp.p.Standard[c] = std
				}
				if cfg.Adapter == AdapterIBMHR {
					pp.p.Relevant = deptFieldsIBM[s.dept]
				} else {
					pp.p.Fields = []string{promotionDeptField(s.dept)}
					if s.postName == "" {
						pp.p.Name = "Fungsional " + strings.ReplaceAll(functionalName[s.level], "_", " ")
					}
				}
			}
			posts[pid] = pp
			postIDs = append(postIDs, pid)
		}
		pp.holders++
		if s.leaving {
			continue
		}
		birth := plan.AddDate(-s.age, 0, -rng.IntN(365))
		cpns := plan.AddDate(-s.service, 0, -rng.IntN(180))
		if adult := birth.AddDate(18, 0, 1); cpns.Before(adult) {
			cpns = adult
		}
		pns := cpns.AddDate(1, 0, 0)
		if pns.After(plan) {
			pns = time.Time{}
		}
		since := plan.AddDate(-min(s.inRole, s.service), 0, -rng.IntN(180))
		if since.Before(cpns) {
			since = cpns
		}
		gradeSince := plan.AddDate(0, -rng.IntN(48), 0)
		if gradeSince.Before(cpns) {
			gradeSince = cpns
		}
		prefix := birth.Format("20060102") + cpns.Format("200601") + map[string]string{"L": "1", "P": "2"}[s.sex]
		nipSeq[prefix]++
		e := scenarios.Employee{
			NIP: scoring.EmployeeID(fmt.Sprintf("%s%03d", prefix, nipSeq[prefix]%1000)), Name: fmt.Sprintf("Pegawai %d", s.id),
			Sex: s.sex, BirthDate: birth, Status: "PNS", CPNSSince: cpns, PNSSince: pns, Grade: gradeOf(s), GradeSince: gradeSince,
			Education: s.education, Field: s.field, Unit: scoring.UnitID(s.unit), Position: scoring.PositionID(pid),
			PositionSince: since, UnitSince: cpns, Ratings: s.ratings, TalentPool: s.talent,
			AssessedOn: plan.AddDate(0, 0, -rng.IntN(700)), Competence: map[string]int{},
		}
		if pns.IsZero() {
			e.Status = "CPNS"
		}
		for _, c := range competencies {
			e.Competence[c] = int(min(5, max(1, math.Round(s.ability+rng.Float64()*2-1))))
		}
		emps = append(emps, e)
	}
	if len(nipSeq) > 0 {
		for _, n := range nipSeq {
			if n > 999 {
				return nil, fmt.Errorf("%w: %s: too many employees share a birth date and CPNS month", ErrStaffing, name)
			}
		}
	}
	slices.Sort(postIDs)
	positions := make([]scenarios.Position, 0, len(postIDs))
	seats := 0
	for _, id := range postIDs {
		pp := posts[id]
		pp.p.Needed = max(1, int(math.Round(float64(pp.holders)*pp.factor)))
		seats += pp.p.Needed
		positions = append(positions, pp.p)
	}
	slices.SortFunc(units, func(a, b scenarios.Unit) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(emps, func(a, b scenarios.Employee) int { return cmp.Compare(a.NIP, b.NIP) })
	out := &Generated{Units: len(units), Positions: len(positions), Employees: len(emps), Seats: seats}
	var ub, pb, eb bytes.Buffer
	if err := scenarios.WriteRoster(&ub, units, scenarios.Dialect{}); err != nil {
		return nil, err
	}
	if err := scenarios.WriteRoster(&pb, positions, scenarios.Dialect{}); err != nil {
		return nil, err
	}
	if err := scenarios.WriteRoster(&eb, emps, scenarios.Dialect{}); err != nil {
		return nil, err
	}
	f := func(x float64) *float64 { return &x }
	i := func(x int) *int { return &x }
	sc := scenarios.Scenario{
		Name: fmt.Sprintf("staffing-%s-seed-%d", cfg.Adapter, cfg.Seed),
		Description: fmt.Sprintf("%s mapped by benchmarks.ReadStaffing (adapter %s, seed %d): %d employees in %d units and %d positions (%d seats).",
			name, cfg.Adapter, cfg.Seed, len(emps), len(units), len(positions), seats),
		PlanDate:  plan,
		Workforce: scenarios.Workforce{UnitsCSV: "units.csv", PositionsCSV: "positions.csv", EmployeesCSV: "employees.csv"},
		Weights:   scenarios.Weights{Education: f(0.25), Competence: f(0.35), Tenure: f(0.15), Performance: f(0.15), Preference: f(0.10)},
		Scoring:   scenarios.ScoringOptions{CompetenceMethod: "jpm", ContinuityBonus: f(0.05)},
		Rules: scenarios.Rules{TenureMinYears: i(2), TenureMaxYears: i(5), RetirementHorizonMonths: i(12),
			RetirementAges: scenarios.RetirementAges{Administrative: i(60), Senior: i(60), Teacher: i(60), AhliUtama: i(65)}},
		Constraints: scenarios.Constraints{Rotation: "soft"},
	}
	yml, err := scenarios.Marshal(&sc)
	if err != nil {
		return nil, err
	}
	yml = bytes.ReplaceAll(yml, []byte(": !!float "), []byte(": "))
	out.Files = []File{{"employees.csv", eb.Bytes()}, {"positions.csv", pb.Bytes()}, {"scenario.yaml", yml}, {"units.csv", ub.Bytes()}}
	return out, nil
}

// promotionDeptField returns the field of study of an hr-promotion
// department key.
func promotionDeptField(dept string) string {
	for _, d := range promotionDepts {
		if d[0] == dept {
			return d[1]
		}
	}
	return ""
}
