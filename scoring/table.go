package scoring

import (
	"math"
	"slices"
)

// Bits of the pair-rule mask, in the order of ruleTable.
const (
	bitMinEducation uint32 = 1 << iota
	bitAcceptedField
	bitCertification
	bitGradeBand
	bitRetirement
	bitMinTenure
	bitExperience
	bitDiscipline
	bitJPTProtection
	bitLock
	bitPerformance
	bitJPTAge
	bitDemotion
	bitJobFamily
	bitPPPKJob
	bitPrincipal
	numPairRules = iota
)

// Retirement classes: which RetirementAges field applies to a post.
const (
	bupAdministrative = iota
	bupSenior
	bupAhliUtama
	bupTeacher
	numBUP
)

// Table is the compiled, read-only form of a workforce (rows) against a job
// map (columns) for one Scorer: per-employee and per-position facts
// precomputed at the plan date, so that scoring a pair is arithmetic on
// flat data. Build it with [Scorer.Compile]. A Table is safe for concurrent
// use.
type Table struct {
	w       [NumCriteria]float64
	enabled uint32
	rules   Rules
	asOf    day
	fields  Taxonomy
	units   []Unit

	src  []Employee // rows, aliasing the caller's slice
	cols []Position // columns, aliasing the caller's slice
	emps []cEmp
	pos  []cPos

	nTech    int
	tech     []int8 // row-major rows × nTech assessed technical levels
	techReqs []techReq
	fieldIDs []fieldRef
	wishes   []cWish
	nKec     int
	adj      []bool // nKec × nKec

	eduValue   [3]float64  // education criterion by FieldRelation, level met
	overQual   [10]float64 // deduction from eduValue by rank steps above the minimum (last entry for 9 and more)
	gwLo, gwHi float64     // smallest and largest gap weight
}

type techReq struct {
	idx   int32
	level int8
}

type fieldRef struct{ field, family int32 }

type cWish struct{ col, unit int32 }

// cEmp holds one employee's precomputed facts.
type cEmp struct {
	eduRank        int8
	grade          int8
	curRank        int8
	box            int8
	placed         bool
	assessed       bool
	perfOK         bool
	jptAgeOK       bool
	principalAgeOK bool
	headOK         bool  // meets Permendikdasmen 7/2025 for a principal's post
	retireOK       uint8 // bit per retirement class
	move           uint32
	disc           bool
	demoteOK       bool // an exception (own request) waives demotion
	termsOver      bool // a principal whose terms are over: back to a teacher's post is not a demotion
	penalty        int8 // an active penalty that may impose a lower post: 0 none, its PenaltyKind, or -1 when its kind is not recorded
	curHead        bool // the current post heads a unit
	pppk           bool // on a PPPK contract
	curKind        int8 // kind of the current post (0 when unplaced)
	curFG          int8 // functional grade of the current post
	fam            int8 // the employee's profession (job family): 0 administrative, −1 unknown
	famOK          bool // an exception (alih fungsi) waives job-family
	pppkOK         bool // an exception waives pppk-job
	field          int32
	family         int32
	certs          uint32
	curCol         int32
	curUnit        int32
	kec            int32
	wishOff        int32
	wishN          int32
	levels         [NumCompetencies]int8
	expMon         [5]float64 // months in posts of rank ≥ r, r = 1…4
	tenMove        float64    // tenure value of a move (staying: 1 − tenMove)
	years          float64    // years in the current post
	boxVal         float64
	headVal        float64
}

// cPos holds one position's precomputed facts.
type cPos struct {
	unit       int32
	kec        int32
	minEdu     int8
	gradeLo    int8
	gradeHi    int8 // 0: no band
	rank       int8
	expRank    int8
	bup        uint8
	managerial bool
	head       bool
	jpt        bool
	unitHead   bool // Position.IsUnitHead
	principal  bool // a principal's post: a unit head of the teacher profession (rule principal)
	kind       int8
	fg         int8
	prof       int8 // Position.Profession
	certs      uint32
	fieldOff   int32
	accN       int32 // accepted fields come first
	fieldN     int32
	techOff    int32
	techN      int32
	coreN      int32
	secN       int32
	core       uint16
	std        [NumCompetencies]int8
	expMon     float64
	reqSum     int32   // Σ required levels, non-technical and technical
	manInv     float64 // 1/Σ required non-technical levels, 0 if none
	techInv    float64 // 1/Σ required technical levels, 0 if none
	techShare  float64
	areaPart   float64 // AreaShare·AreaValue[area]
}

// compile validates and compiles es against cols.
func (s *Scorer) compile(es []Employee, cols []Position) (*Table, error) {
	if s.AsOf.IsZero() {
		return nil, ErrNoPlanDate
	}
	if err := s.Weights.Validate(); err != nil {
		return nil, err
	}
	if err := s.Rules.Validate(); err != nil {
		return nil, err
	}
	tax := s.Fields
	if tax == nil {
		tax = DefaultTaxonomy()
	}
	if err := tax.Validate(); err != nil {
		return nil, err
	}
	r := &s.Rules
	t := &Table{
		w: s.Weights.array(), rules: *r, asOf: dayOf(s.AsOf), fields: tax, units: s.Units,
		src: es, cols: cols, enabled: 1<<numPairRules - 1,
	}
	for _, id := range r.Disabled {
		for b := range numPairRules {
			if ruleTable[b].ID == id {
				t.enabled &^= 1 << b
			}
		}
	}
	fv := [3]float64{r.UnrelatedField, r.RelatedField, 1}
	for i := range fv {
		t.eduValue[i] = r.LevelShare + (1-r.LevelShare)*fv[i]
	}
	t.gwLo, t.gwHi = r.GapWeights.span()
	for k := range t.overQual {
		part := 1 - r.OverQualStep*float64(max(0, k-r.OverQualFreeSteps))
		t.overQual[k] = r.LevelShare * (1 - max(r.OverQualFloor, min(1, part)))
	}

	// Units and kecamatan.
	unitIdx := make(map[UnitID]int32, len(s.Units))
	for k := range s.Units {
		u := &s.Units[k]
		if err := validateUnit(u); err != nil {
			return nil, err
		}
		if _, dup := unitIdx[u.ID]; dup {
			return nil, &DataError{Unit: u.ID, Field: "id", Value: u.ID, Err: ErrDuplicateID}
		}
		unitIdx[u.ID] = int32(k)
	}
	for k := range s.Units {
		if p := s.Units[k].Parent; p != "" {
			if _, ok := unitIdx[p]; !ok {
				return nil, &DataError{Unit: s.Units[k].ID, Field: "parent", Value: p, Err: ErrUnknownReference}
			}
		}
	}
	kecIdx := t.kecamatan(s)

	// Field and family codes.
	fieldIdx, famIdx := codes(tax)

	// Positions: a lookup of the whole job map for current posts and wishes.
	byID := make(map[PositionID]int, len(s.Positions))
	for k := range s.Positions {
		id := s.Positions[k].ID
		if _, dup := byID[id]; dup {
			return nil, &DataError{Position: id, Field: "id", Value: id, Err: ErrDuplicateID}
		}
		byID[id] = k
	}
	colIdx := make(map[PositionID]int32, len(cols))
	techIdx := map[string]int32{}
	t.pos = make([]cPos, len(cols))
	for j := range cols {
		p := &cols[j]
		if err := validatePosition(p, tax, unitIdx); err != nil {
			return nil, err
		}
		if _, dup := colIdx[p.ID]; dup {
			return nil, &DataError{Position: p.ID, Field: "id", Value: p.ID, Err: ErrDuplicateID}
		}
		colIdx[p.ID] = int32(j)
		t.compilePosition(&t.pos[j], p, unitIdx[p.Unit], kecIdx, fieldIdx, famIdx, techIdx)
	}
	t.nTech = len(techIdx)

	// Employees.
	t.emps = make([]cEmp, len(es))
	t.tech = make([]int8, len(es)*t.nTech)
	seen := make(map[EmployeeID]struct{}, len(es))
	for i := range es {
		e := &es[i]
		if _, dup := seen[e.ID]; dup {
			return nil, &DataError{Employee: e.ID, Field: "id", Value: e.ID, Err: ErrDuplicateID}
		}
		seen[e.ID] = struct{}{}
		var cur *Position
		if e.Position != "" {
			k, ok := byID[e.Position]
			if !ok {
				return nil, &DataError{Employee: e.ID, Field: "position", Value: e.Position, Err: ErrUnknownReference}
			}
			cur = &s.Positions[k]
			if _, inCols := colIdx[cur.ID]; !inCols {
				if err := validatePosition(cur, tax, unitIdx); err != nil {
					return nil, err
				}
			}
		}
		if err := validateEmployee(e, t.asOf, tax, unitIdx, byID, kecIdx, cur); err != nil {
			return nil, err
		}
		t.compileEmployee(i, e, cur, unitIdx, colIdx, kecIdx, fieldIdx, famIdx, techIdx)
	}
	return t, nil
}

// kecamatan indexes every kecamatan named by a unit or the neighbour table,
// in sorted order, and fills the adjacency matrix.
func (t *Table) kecamatan(s *Scorer) map[string]int32 {
	var names []string
	for k := range s.Units {
		if n := s.Units[k].Kecamatan; n != "" {
			names = append(names, n)
		}
	}
	for a, bs := range s.Neighbours {
		names = append(names, a)
		names = append(names, bs...)
	}
	slices.Sort(names)
	names = slices.Compact(names)
	if len(names) > 0 && names[0] == "" {
		names = names[1:]
	}
	idx := make(map[string]int32, len(names))
	for k, n := range names {
		idx[n] = int32(k)
	}
	t.nKec = len(names)
	t.adj = make([]bool, t.nKec*t.nKec)
	for a, bs := range s.Neighbours {
		for _, b := range bs {
			ia, ok1 := idx[a]
			ib, ok2 := idx[b]
			if ok1 && ok2 {
				t.adj[int(ia)*t.nKec+int(ib)] = true
				t.adj[int(ib)*t.nKec+int(ia)] = true
			}
		}
	}
	return idx
}

// codes numbers the fields and families of tax in sorted order.
func codes(tax Taxonomy) (map[Field]int32, map[Family]int32) {
	fs := make([]Field, 0, len(tax))
	var fams []Family
	for f, fam := range tax {
		fs = append(fs, f)
		fams = append(fams, fam)
	}
	slices.Sort(fs)
	slices.Sort(fams)
	fams = slices.Compact(fams)
	fi := make(map[Field]int32, len(fs))
	for k, f := range fs {
		fi[f] = int32(k)
	}
	ai := make(map[Family]int32, len(fams))
	for k, f := range fams {
		ai[f] = int32(k)
	}
	return fi, ai
}

func (t *Table) compilePosition(c *cPos, p *Position, unit int32, kecIdx map[string]int32,
	fieldIdx map[Field]int32, famIdx map[Family]int32, techIdx map[string]int32) {
	r := &t.rules
	u := &t.units[unit]
	c.unit = unit
	c.kec = -1
	if k, ok := kecIdx[u.Kecamatan]; ok {
		c.kec = k
	}
	c.areaPart = r.AreaShare * r.AreaValue[u.Area]
	c.minEdu = int8(minEducation(r, p).Rank())
	if b := gradeBand(r, p); b.Max != 0 {
		c.gradeLo = int8(max(int(GradeIa), int(b.Min)-r.GradeBandSlack))
		c.gradeHi = int8(b.Max)
	}
	c.rank = int8(r.Rank(p.Kind, p.FunctionalGrade))
	c.managerial = p.Kind.IsManagerial()
	c.jpt = p.Kind == KindJPT
	c.unitHead = p.IsUnitHead
	c.principal = p.IsUnitHead && p.Profession == ProfessionTeacher
	c.kind, c.fg, c.prof = int8(p.Kind), int8(p.FunctionalGrade), int8(p.Profession)
	c.head = p.IsUnitHead || p.Kind == KindJPT || p.Kind == KindAdministrator
	c.bup = uint8(retirementClass(p.Kind, p.FunctionalGrade, p.Profession))
	for _, k := range p.RequiredCerts {
		c.certs |= 1 << k
	}
	for _, x := range r.Experience {
		if x.Kind == p.Kind {
			c.expRank = int8(r.Rank(x.AtLeast, 0))
			c.expMon = float64(12 * x.Years)
			break
		}
	}
	// Fields: accepted first, then relevant ones not already accepted.
	c.fieldOff = int32(len(t.fieldIDs))
	add := func(fs []Field) {
		for _, f := range fs {
			ref := fieldRef{fieldIdx[f], famIdx[t.fields[f]]}
			if !slices.Contains(t.fieldIDs[c.fieldOff:], ref) {
				t.fieldIDs = append(t.fieldIDs, ref)
			}
		}
	}
	add(p.Fields)
	c.accN = int32(len(t.fieldIDs)) - c.fieldOff
	add(p.Relevant)
	c.fieldN = int32(len(t.fieldIDs)) - c.fieldOff

	// Competency standard.
	std := p.Standard
	if std.IsZero() {
		l := standardLevel(r, p)
		for i := range std.Levels {
			std.Levels[i] = l
		}
	}
	core := p.CoreFactors
	if len(core) == 0 {
		core = r.CoreFactors
	}
	for _, f := range core {
		c.core |= 1 << f
	}
	man := 0
	for i, l := range std.Levels {
		c.std[i] = int8(l)
		man += l
		if l > 0 {
			if c.core&(1<<i) != 0 {
				c.coreN++
			} else {
				c.secN++
			}
		}
	}
	if man > 0 {
		c.manInv = 1 / float64(man)
		c.reqSum += int32(man)
	}
	c.techOff = int32(len(t.techReqs))
	tech := 0
	for _, tl := range std.Technical {
		if tl.Level == 0 {
			continue
		}
		k, ok := techIdx[tl.Name]
		if !ok {
			k = int32(len(techIdx))
			techIdx[tl.Name] = k
		}
		t.techReqs = append(t.techReqs, techReq{k, int8(tl.Level)})
		tech += tl.Level
		c.secN++
	}
	c.techN = int32(len(t.techReqs)) - c.techOff
	if tech > 0 {
		c.techInv = 1 / float64(tech)
		c.reqSum += int32(tech)
	}
	if p.Kind == KindFunctional {
		c.techShare = r.TechnicalShare[p.FunctionalGrade]
	} else {
		c.techShare = r.TechnicalShare[0]
	}
}

// minEducation returns the post's minimum education, explicit or by kind.
func minEducation(r *Rules, p *Position) EducationLevel {
	if p.MinEducation != 0 {
		return p.MinEducation
	}
	m := &r.MinEducation
	switch p.Kind {
	case KindJPT:
		return m.JPT
	case KindAdministrator:
		return m.Administrator
	case KindPengawas:
		return m.Pengawas
	case KindPelaksana:
		return m.Pelaksana
	}
	if p.FunctionalGrade.Track() == TrackKeterampilan {
		return m.Keterampilan
	}
	return m.Keahlian
}

// gradeBand returns the post's band before slack: explicit, by echelon, by
// functional grade, or none.
func gradeBand(r *Rules, p *Position) GradeBand {
	switch {
	case p.GradeMax != 0:
		return GradeBand{p.GradeMin, p.GradeMax}
	case p.Echelon != 0:
		return r.EchelonBands[p.Echelon]
	case p.Kind == KindFunctional && r.FunctionalBandsApply:
		return r.FunctionalBands[p.FunctionalGrade]
	}
	return GradeBand{}
}

// standardLevel returns the default required level for the post's kind.
func standardLevel(r *Rules, p *Position) int {
	s := &r.StandardLevel
	switch p.Kind {
	case KindJPT:
		return s.JPT[p.JPTLevel]
	case KindAdministrator:
		return s.Administrator
	case KindPengawas:
		return s.Pengawas
	case KindPelaksana:
		return s.Pelaksana
	}
	return s.Functional[p.FunctionalGrade]
}

// retirementClass returns which RetirementAges field applies to a post:
// teachers first, then JPT and JF ahli madya (senior), JF ahli utama, and
// everyone else (administrative).
func retirementClass(k PositionKind, g FunctionalGrade, p Profession) int {
	switch {
	case p == ProfessionTeacher:
		return bupTeacher
	case k == KindJPT:
		return bupSenior
	case k == KindFunctional && g == AhliUtama:
		return bupAhliUtama
	case k == KindFunctional && g == AhliMadya:
		return bupSenior
	}
	return bupAdministrative
}

func (r *Rules) bupAge(class int) int {
	switch class {
	case bupSenior:
		return r.RetirementAges.Senior
	case bupAhliUtama:
		return r.RetirementAges.AhliUtama
	case bupTeacher:
		return r.RetirementAges.Teacher
	}
	return r.RetirementAges.Administrative
}

func (t *Table) compileEmployee(i int, e *Employee, cur *Position, unitIdx map[UnitID]int32,
	colIdx map[PositionID]int32, kecIdx map[string]int32, fieldIdx map[Field]int32,
	famIdx map[Family]int32, techIdx map[string]int32) {
	r := &t.rules
	c := &t.emps[i]
	now := t.asOf
	birth := dayOf(e.BirthDate)
	c.eduRank = int8(e.Education.Level.Rank())
	c.grade = int8(e.Grade)
	c.field, c.family = -1, -1
	if e.Education.Field != "" {
		c.field = fieldIdx[e.Education.Field]
		c.family = famIdx[t.fields[e.Education.Field]]
	}
	for _, ct := range e.Certifications {
		if ct.Until.IsZero() || now < dayOf(ct.Until) {
			c.certs |= 1 << ct.Kind
		}
	}
	c.curCol, c.curUnit, c.kec = -1, -1, -1
	c.pppk = e.Status == StatusPPPK
	c.fam = -1
	if e.Profession != 0 {
		c.fam = int8(e.Profession)
	}
	if k, ok := kecIdx[e.HomeKecamatan]; ok {
		c.kec = k
	}

	// Retirement horizon and JPT age.
	horizon := addMonths(now, r.MinRemainingMonths)
	for b := range numBUP {
		ret := birth.retirement(r.bupAge(b))
		if now < ret && horizon <= ret {
			c.retireOK |= 1 << b
		}
	}
	c.jptAgeOK = !birth.atLeastYears(r.JPTMaxAge+1, now)
	c.principalAgeOK = !birth.atLeastYears(r.PrincipalMaxAge+1, now)

	// Experience from history.
	for _, s := range e.History {
		rk := r.Rank(s.Kind, s.FunctionalGrade)
		to := min(dayOf(s.To), now)
		m := 12 * dayOf(s.From).yearsTo(to)
		for k := 1; k <= rk; k++ {
			c.expMon[k] += m
		}
	}

	// Current post: tenure, experience, employee-level move rules.
	c.tenMove = 1
	if cur != nil {
		c.placed = true
		if j, ok := colIdx[cur.ID]; ok {
			c.curCol = j
		}
		c.curUnit = unitIdx[cur.Unit]
		c.curRank = int8(r.Rank(cur.Kind, cur.FunctionalGrade))
		c.curHead = cur.IsUnitHead
		c.curKind, c.curFG = int8(cur.Kind), int8(cur.FunctionalGrade)
		if c.fam < 0 {
			c.fam = int8(cur.Profession)
		}
		since := dayOf(e.PositionSince)
		c.years = since.yearsTo(now)
		for k := 1; k <= int(c.curRank); k++ {
			c.expMon[k] += 12 * c.years
		}
		minOK := since.atLeastYears(r.MinTenureYears, now)
		c.tenMove = tenureValue(r, minOK)
		if !minOK && !waived(e, RuleMinTenure) {
			c.move |= bitMinTenure
		}
		if cur.Kind == KindJPT && !since.atLeastYears(r.JPTProtectYears, now) && !waived(e, RuleJPTProtection) {
			c.move |= bitJPTProtection
		}
	}
	for _, l := range e.Locks {
		if (l.Until.IsZero() || now < dayOf(l.Until)) && !waived(e, RulePersonalLock) {
			c.move |= bitLock
		}
	}
	d := e.Discipline
	active := d.Level != DisciplineNone && (d.Until.IsZero() || now < dayOf(d.Until))
	c.disc = active && d.Level >= r.DisciplineBlock
	c.famOK, c.pppkOK = waived(e, RuleJobFamily), waived(e, RulePPPKJob)
	c.demoteOK = waived(e, RuleDemotion)
	if active && d.Level >= r.DemotionPenalty {
		c.penalty = -1
		if d.Penalty != 0 {
			c.penalty = int8(d.Penalty)
		}
	}
	c.termsOver = r.PrincipalTermsOver(e, cur, dateOf(now))

	// Performance: the minimum for managerial posts and the talent box.
	year := now.year()
	c.perfOK = true
	for y := year - r.PerformanceYears; y < year; y++ {
		p := predicateIn(e.Ratings, y)
		if p == 0 || p > r.MinPredicate {
			c.perfOK = false
		}
	}
	c.headOK = principalOK(r, e, c)
	c.box = int8(talentBox(r, e, year))
	if c.box > 0 {
		c.boxVal, c.headVal = r.BoxValue[c.box], r.HeadBoxValue[c.box]
	} else {
		c.boxVal, c.headVal = r.NeutralPerformance, r.NeutralPerformance
	}

	// Competence.
	c.assessed = !e.AssessedOn.IsZero() && !dayOf(e.AssessedOn).atLeastYears(r.AssessmentValidityYears, now)
	for k, l := range e.Competence.Levels {
		c.levels[k] = int8(l)
	}
	row := t.tech[i*t.nTech : (i+1)*t.nTech]
	for _, tl := range e.Competence.Technical {
		if k, ok := techIdx[tl.Name]; ok {
			row[k] = int8(tl.Level)
		}
	}

	// Wishes.
	c.wishOff = int32(len(t.wishes))
	for _, w := range e.Wishes {
		cw := cWish{col: -2, unit: -2}
		if w.Position != "" {
			if j, ok := colIdx[w.Position]; ok {
				cw.col = j
			}
		} else {
			cw.unit = unitIdx[w.Unit]
		}
		t.wishes = append(t.wishes, cw)
	}
	c.wishN = int32(len(t.wishes)) - c.wishOff
}

// tenureValue is the tenure criterion of a move: 0 before the minimum,
// TenureFlat after it. It does not rise past the rotation point: being due
// to rotate is a reason to move, not suitability for the target post
// (domain §12.6); see [Table.RotationDue].
func tenureValue(r *Rules, minOK bool) float64 {
	if !minOK {
		return 0
	}
	return r.TenureFlat
}

// urgency is how due a holder of years in post is to rotate: 0 up to the
// rotation point, rising linearly to 1 over UrgencyYears.
func urgency(r *Rules, years float64) float64 {
	x := (years - float64(r.RotationYears)) / r.UrgencyYears
	return math.Max(0, math.Min(1, x))
}

// RotationDue returns how due employee i is to rotate, in [0, 1]: 0 for an
// unplaced employee and up to Rules.RotationYears in post (PP 11/2017
// Pasal 190(3)), then rising linearly to 1 over Rules.UrgencyYears. It is
// not part of the fit (domain §12.6): the scenarios package values a move
// of a due holder with it, as its own objective term.
func (t *Table) RotationDue(i int) float64 {
	if !t.emps[i].placed {
		return 0
	}
	return urgency(&t.rules, t.emps[i].years)
}

// waived reports whether e holds an exception for rule.
func waived(e *Employee, rule RuleID) bool {
	for _, x := range e.Exceptions {
		if x.Rule == rule {
			return true
		}
	}
	return false
}

// predicateIn returns the SKP predicate for year y, or 0.
func predicateIn(rs []Rating, y int) Predicate {
	for _, r := range rs {
		if r.Year == y {
			return r.Predicate
		}
	}
	return 0
}

// talentBox returns the nine-box of e from its latest SKP up to year and
// its potential, or 0 when either is missing.
func talentBox(r *Rules, e *Employee, year int) int {
	best := -1
	for k, rt := range e.Ratings {
		if rt.Year <= year && (best < 0 || rt.Year > e.Ratings[best].Year) {
			best = k
		}
	}
	if best < 0 || e.Potential == 0 {
		return 0
	}
	perf := 0
	switch e.Ratings[best].Predicate {
	case PredicateSangatBaik:
		perf = 2
	case PredicateBaik:
		perf = 1
	}
	pot := 0
	switch {
	case e.Potential >= r.Talent.High:
		pot = 2
	case e.Potential >= r.Talent.Medium:
		pot = 1
	}
	return r.Grid[perf][pot]
}

func (d day) year() int { return int(d) / 10000 }

// principalOK reports whether e meets the requirements of a principal's
// post (Permendikdasmen 7/2025 Pasal 7): S1/D-IV, a teacher's certificate,
// a PNS grade of at least Rules.PrincipalMinGrade (a PPPK's own scale is
// not checked here: pppk-job keeps a PPPK in the contracted job), SKP of at
// least Rules.MinPredicate for Rules.PerformanceYears years, no active
// moderate or severe penalty, and at most Rules.PrincipalMaxAge years old
// at the plan date. Called after perfOK, disc and the age flags are set.
func principalOK(r *Rules, e *Employee, c *cEmp) bool {
	return len(principalGaps(r, e, c)) == 0
}

// principalGaps lists the principal's requirements e does not meet, as
// facts (see Violation.Facts for rule principal).
func principalGaps(r *Rules, e *Employee, c *cEmp) []any {
	var gaps []any
	if int(c.eduRank) < EducationS1.Rank() {
		gaps = append(gaps, "education", e.Education.Level)
	}
	if c.certs&(1<<CertTeacher) == 0 {
		gaps = append(gaps, "certificate", CertTeacher)
	}
	if e.Status != StatusPPPK && e.Grade < r.PrincipalMinGrade {
		gaps = append(gaps, "grade", e.Grade)
	}
	if !c.perfOK {
		gaps = append(gaps, "performance", r.MinPredicate)
	}
	if c.disc {
		gaps = append(gaps, "discipline", e.Discipline.Level)
	}
	if !c.principalAgeOK {
		gaps = append(gaps, "age", r.PrincipalMaxAge)
	}
	return gaps
}
