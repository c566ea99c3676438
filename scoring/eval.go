package scoring

import (
	"strings"
	"time"
)

// The pair loop: everything here runs on compiled data and must not
// allocate, except detail, which formats violations.

// mask returns the pair-rule bits row i breaks for column j (before
// disabling). The current post breaks none.
func (t *Table) mask(i int, e *cEmp, j int, p *cPos) uint32 {
	if int32(j) == e.curCol {
		return 0
	}
	m := e.move
	if e.eduRank < p.minEdu {
		m |= bitMinEducation
	}
	if p.accN > 0 && !t.accepts(e, p) {
		m |= bitAcceptedField
	}
	if p.certs&^e.certs != 0 {
		m |= bitCertification
	}
	if p.gradeHi != 0 && e.grade != 0 && (e.grade < p.gradeLo || e.grade > p.gradeHi) {
		m |= bitGradeBand
	}
	if e.retireOK&(1<<p.bup) == 0 {
		m |= bitRetirement
	}
	if p.expMon > 0 && e.expMon[p.expRank]+1e-9 < p.expMon {
		m |= bitExperience
	}
	if e.disc && (p.managerial || (e.curRank > 0 && p.rank > e.curRank)) {
		m |= bitDiscipline
	}
	if p.managerial && !e.perfOK {
		m |= bitPerformance
	}
	if p.jpt && !e.jptAgeOK {
		m |= bitJPTAge
	}
	if demotes(e, p) {
		m |= bitDemotion
	}
	if changesFamily(e, p) {
		m |= bitJobFamily
	}
	if leavesJob(e, p) {
		m |= bitPPPKJob
	}
	if p.principal && !e.headOK {
		m |= bitPrincipal
	}
	return m
}

// blocked reports whether the pair breaks an enabled rule: mask(…)&enabled
// != 0, computed with the most selective tests first and stopping at the
// first hit. It must agree with mask; TestFitRowMatchesSinglePair checks
// FitRow (blocked) against Check (mask) on every pair.
func (t *Table) blocked(e *cEmp, j int, p *cPos) bool {
	if int32(j) == e.curCol {
		return false
	}
	en := t.enabled
	switch {
	case e.move&en != 0,
		en&bitAcceptedField != 0 && p.accN > 0 && !t.accepts(e, p),
		en&bitCertification != 0 && p.certs&^e.certs != 0,
		en&bitMinEducation != 0 && e.eduRank < p.minEdu,
		en&bitGradeBand != 0 && p.gradeHi != 0 && e.grade != 0 && (e.grade < p.gradeLo || e.grade > p.gradeHi),
		en&bitRetirement != 0 && e.retireOK&(1<<p.bup) == 0,
		en&bitExperience != 0 && p.expMon > 0 && e.expMon[p.expRank]+1e-9 < p.expMon,
		en&bitDiscipline != 0 && e.disc && (p.managerial || (e.curRank > 0 && p.rank > e.curRank)),
		en&bitPerformance != 0 && p.managerial && !e.perfOK,
		en&bitJPTAge != 0 && p.jpt && !e.jptAgeOK,
		en&bitJobFamily != 0 && changesFamily(e, p),
		en&bitDemotion != 0 && demotes(e, p),
		en&bitPPPKJob != 0 && leavesJob(e, p),
		en&bitPrincipal != 0 && p.principal && !e.headOK:
		return true
	}
	return false
}

// demotes reports whether a move of e into p lowers e's post (rule
// demotion) without a penalty that imposes it: a lower career rank, or
// the same rank without the unit-head duty e holds now. A functional post
// of e's own profession ranks at e's own grade (the jenjang belongs to the
// person), so a doctor at ahli madya may take a "Dokter Ahli Pertama"
// seat.
func demotes(e *cEmp, p *cPos) bool {
	if !e.placed || e.demoteOK {
		return false
	}
	tr := p.rank
	if p.kind == int8(KindFunctional) && p.prof != 0 && p.prof == e.fam {
		tr = max(tr, e.curRank)
	}
	if !(tr < e.curRank || (tr == e.curRank && e.curHead && !p.unitHead)) {
		return false
	}
	if e.termsOver && p.prof == int8(ProfessionTeacher) {
		return false // a principal's terms are over: back to teaching
	}
	// A lower post: lawful only as the active penalty imposes it (PP
	// 94/2021 Pasal 8(4)): (a) one level lower, (b) a pelaksana post; a
	// severe penalty whose kind is not recorded allows any lower post.
	switch e.penalty {
	case 0:
		return true
	case -1:
		return false
	case int8(PenaltyDemotion):
		return tr < e.curRank-1
	case int8(PenaltyRelease):
		return p.kind != int8(KindPelaksana)
	}
	return true // PenaltyOther imposes no lower post
}

// changesFamily reports whether a move of e into p changes e's job family
// (rule job-family: alih fungsi) without an exception: a teacher, doctor,
// nurse, midwife or other health professional into an administrative post
// or another profession. An administrative employee may take a post of a
// profession they are qualified for (accepted-field and certification
// decide). A unit-head post without a profession of its own (kepala
// puskesmas) is left to its accepted fields; an employee without a known
// profession (administrative, or unplaced with none given) is not checked.
func changesFamily(e *cEmp, p *cPos) bool {
	if e.famOK || e.fam <= 0 || (p.unitHead && p.prof == 0) {
		return false
	}
	return p.prof != e.fam
}

// leavesJob reports whether a PPPK employee e would leave the job of the
// contract by moving into p (rule pppk-job): a placed PPPK only into a
// post of the same kind, profession, functional grade and head duty; an
// unplaced one only into a non-managerial post without a head duty, of
// the contracted profession when one is given.
func leavesJob(e *cEmp, p *cPos) bool {
	if !e.pppk || e.pppkOK {
		return false
	}
	if !e.placed {
		return p.managerial || p.unitHead || (e.fam >= 0 && p.prof != e.fam)
	}
	return p.kind != e.curKind || p.prof != e.fam || p.fg != e.curFG || p.unitHead != e.curHead
}

// accepts reports whether e's field is among p's accepted fields.
func (t *Table) accepts(e *cEmp, p *cPos) bool {
	for _, f := range t.fieldIDs[p.fieldOff : p.fieldOff+p.accN] {
		if f.field == e.field {
			return true
		}
	}
	return false
}

// relation returns how e's field relates to p's accepted and relevant
// fields; a post with no field list is an exact match for everyone.
func (t *Table) relation(e *cEmp, p *cPos) FieldRelation {
	if p.fieldN == 0 {
		return FieldExact
	}
	rel := FieldUnrelated
	for _, f := range t.fieldIDs[p.fieldOff : p.fieldOff+p.fieldN] {
		if f.field == e.field {
			return FieldExact
		}
		if f.family == e.family && e.family >= 0 {
			rel = FieldRelated
		}
	}
	return rel
}

// values returns the five criterion values in [0, 1].
func (t *Table) values(i int, e *cEmp, j int, p *cPos) (v [NumCriteria]float64) {
	if e.eduRank >= p.minEdu {
		v[CritEducation] = t.eduValue[t.relation(e, p)] - t.overQual[min(int(e.eduRank-p.minEdu), len(t.overQual)-1)]
	}
	v[CritCompetence], _ = t.competence(i, e, p)
	switch {
	case !e.placed:
		v[CritTenure] = 1
	case int32(j) == e.curCol:
		v[CritTenure] = 1 - e.tenMove
	default:
		v[CritTenure] = e.tenMove
	}
	if p.head {
		v[CritPerformance] = e.headVal
	} else {
		v[CritPerformance] = e.boxVal
	}
	wish, _ := t.wish(e, j, p)
	v[CritPreference] = t.rules.WishShare*wish + t.rules.HomeShare*t.home(e, p) + p.areaPart
	return v
}

// competence returns the competence criterion and the JPM percentage
// (−1 without a valid assessment).
func (t *Table) competence(i int, e *cEmp, p *cPos) (float64, float64) {
	r := &t.rules
	if !e.assessed {
		return r.NeutralCompetence, -1
	}
	var row []int8
	if t.nTech > 0 {
		row = t.tech[i*t.nTech : (i+1)*t.nTech]
	}
	reqs := t.techReqs[p.techOff : p.techOff+p.techN]
	num, sur := 0, 0 // levels met, levels above the requirement
	for k, req := range p.std {
		num += int(min(e.levels[k], req))
		if req > 0 {
			sur += max(0, int(e.levels[k]-req))
		}
	}
	tnum := 0
	for _, q := range reqs {
		tnum += int(min(row[q.idx], q.level))
		sur += max(0, int(row[q.idx]-q.level))
	}
	jpm := mix(float64(num)*p.manInv, p.manInv > 0, float64(tnum)*p.techInv, p.techInv > 0, p.techShare)
	pct := 100 * jpm
	if r.Method == MethodProfileMatching {
		var cs, ss float64
		for k, req := range p.std {
			if req == 0 {
				continue
			}
			w := r.GapWeights.weight(int(e.levels[k]) - int(req))
			if p.core&(1<<k) != 0 {
				cs += w
			} else {
				ss += w
			}
		}
		for _, q := range reqs {
			ss += r.GapWeights.weight(int(row[q.idx]) - int(q.level))
		}
		return combineFactors(cs, ss, int(p.coreN), int(p.secN), r.CoreShare, t.gwLo, t.gwHi), pct
	}
	if sur > 0 && p.reqSum > 0 {
		jpm *= 1 - r.SurplusPenalty*min(1, float64(sur)/float64(p.reqSum))
	}
	if pct < r.JPM.MMS {
		return jpm * r.KMSFactor, pct
	}
	return jpm, pct
}

// mix combines the managerial and technical JPM parts by the technical
// share when both exist; a post requiring neither matches fully.
func mix(man float64, hasMan bool, tech float64, hasTech bool, share float64) float64 {
	switch {
	case hasMan && hasTech:
		return share*tech + (1-share)*man
	case hasTech:
		return tech
	case hasMan:
		return man
	}
	return 1
}

// wish returns the wish part and the 1-based rank of the first wish naming
// column j or its unit (0 when none).
func (t *Table) wish(e *cEmp, j int, p *cPos) (float64, int) {
	for k, w := range t.wishes[e.wishOff : e.wishOff+e.wishN] {
		if w.col == int32(j) || w.unit == p.unit {
			if vals := t.rules.WishValues; k < len(vals) {
				return vals[k], k + 1
			}
			return 0, k + 1
		}
	}
	return 0, 0
}

// home returns the home part of the preference criterion.
func (t *Table) home(e *cEmp, p *cPos) float64 {
	r := &t.rules
	switch {
	case e.kec < 0 || p.kec < 0:
		return r.HomeUnknown
	case e.kec == p.kec:
		return r.HomeSame
	case t.adj[int(e.kec)*t.nKec+int(p.kec)]:
		return r.HomeNeighbour
	}
	return r.HomeFar
}

// measures returns the Component.Measure of each criterion.
func (t *Table) measures(i int, e *cEmp, j int, p *cPos) (m [NumCriteria]float64) {
	m[CritEducation] = float64(e.eduRank - p.minEdu)
	_, m[CritCompetence] = t.competence(i, e, p)
	m[CritTenure] = e.years
	m[CritPerformance] = float64(e.box)
	_, rank := t.wish(e, j, p)
	m[CritPreference] = float64(rank)
	return m
}

// facts returns the facts behind one violation, as [Violation.Facts]
// documents them per rule.
func (t *Table) facts(id RuleID, i, j int) []any {
	e, p := &t.src[i], &t.cols[j]
	ce, cp := &t.emps[i], &t.pos[j]
	r := &t.rules
	now := dateOf(t.asOf)
	date := func(x time.Time) string { return x.Format(time.DateOnly) }
	switch id {
	case RuleMinEducation:
		return []any{e.Education.Level, minEducation(r, p)}
	case RuleAcceptedField:
		return []any{string(e.Education.Field), joinFields(p.Fields)}
	case RuleCertification:
		var miss []any
		for _, k := range p.RequiredCerts {
			if ce.certs&(1<<k) == 0 {
				miss = append(miss, k)
			}
		}
		return miss
	case RuleGradeBand:
		b := gradeBand(r, p)
		return []any{e.Grade, b.Min, b.Max, r.GradeBandSlack}
	case RuleRetirementHorizon:
		age := r.bupAge(int(cp.bup))
		return []any{date(RetirementDate(e.BirthDate, age)), age, r.MinRemainingMonths, date(now)}
	case RuleMinTenure:
		return []any{ce.years, date(e.PositionSince), r.MinTenureYears}
	case RuleManagerialExperience:
		var x ExperienceRule
		for _, y := range r.Experience {
			if y.Kind == p.Kind {
				x = y
				break
			}
		}
		return []any{ce.expMon[cp.expRank] / 12, x.AtLeast, x.Years, p.Kind}
	case RuleDiscipline:
		until := ""
		if !e.Discipline.Until.IsZero() {
			until = date(e.Discipline.Until)
		}
		return []any{e.Discipline.Level, until}
	case RuleJPTProtection:
		return []any{date(e.PositionSince), r.JPTProtectYears}
	case RulePersonalLock:
		var ks []any
		for _, l := range e.Locks {
			if l.Until.IsZero() || t.asOf < dayOf(l.Until) {
				ks = append(ks, l.Kind)
			}
		}
		return ks
	case RulePerformanceMinimum:
		y := t.asOf.year()
		out := []any{r.MinPredicate}
		for yy := y - r.PerformanceYears; yy < y; yy++ {
			if pr := predicateIn(e.Ratings, yy); pr == 0 || pr > r.MinPredicate {
				out = append(out, yy, pr)
			}
		}
		return out
	case RuleJPTAge:
		return []any{int(Years(e.BirthDate, now)), date(now), r.JPTMaxAge}
	case RuleDemotion:
		return []any{string(e.Position), PositionKind(ce.curKind), string(p.ID), p.Kind}
	case RuleJobFamily:
		return []any{Profession(max(0, ce.fam)), p.Profession}
	case RulePPPKJob:
		return []any{string(e.Position), string(p.ID)}
	case RulePrincipal:
		return principalGaps(r, e, ce)
	}
	return nil
}

func joinFields(fs []Field) string {
	s := make([]string, len(fs))
	for k, f := range fs {
		s[k] = string(f)
	}
	return "[" + strings.Join(s, " ") + "]"
}
