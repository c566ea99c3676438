package scenarios

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/mutasi-asn/mutasi/scoring"
)

// The scenario oracle: for tiny random scenarios (at most 7 employees) it
// enumerates every placement, filters it by every rule, checked pair by
// pair through scoring.Scorer.Check and the scenario rules re-derived here
// from the YAML fields (not from build.go), and takes the best value. The
// plan's objective must equal it, and the plan must be infeasible exactly
// when the oracle finds no placement. This proves that build.go encodes
// the rules correctly.

func TestScenarioOracle(t *testing.T) {
	n := 300
	if testing.Short() {
		n = 60
	}
	for seed := range n {
		s := randomScenario(uint64(seed))
		// Round-trip through the YAML reader, so the scenario is valid.
		y, err := Marshal(s)
		require.NoError(t, err)
		s, err = Parse(bytesReader(y), "oracle.yaml")
		require.NoError(t, err, "seed %d:\n%s", seed, y)
		in, err := Build(s, nil, Options{})
		if errors.Is(err, ErrInfeasible) {
			// Build rejects a floor no plan can meet: the oracle must
			// agree, run on the instance without the floors.
			plain := *s
			plain.Constraints.UnitFloors = nil
			in, err = Build(&plain, nil, Options{})
			require.NoError(t, err, "seed %d", seed)
			_, feasible := oracle(t, in, s)
			require.False(t, feasible, "seed %d: Build rejects a floor the oracle meets:\n%s", seed, y)
			continue
		}
		require.NoError(t, err, "seed %d", seed)
		best, feasible := oracle(t, in, s)
		p, err := in.Plan(context.Background())
		if !feasible {
			require.ErrorIs(t, err, ErrInfeasible, "seed %d: the oracle finds no plan:\n%s", seed, y)
			continue
		}
		require.NoError(t, err, "seed %d:\n%s", seed, y)
		require.InDelta(t, best, p.Objective, 1e-5, "seed %d:\n%s", seed, y)
		require.True(t, p.Manifest.Cert.Optimal, "seed %d", seed)
		checkPlan(t, in, p)
		checkLimits(t, in, p)
	}
}

// oracle returns the best total value of any placement of in's employees
// allowed by the rules of s and whether one exists.
func oracle(t *testing.T, in *Instance, s *Scenario) (float64, bool) {
	sc := &in.Scorer
	ps := sc.Positions
	es := in.Employees
	bonus, pen, overPen := 0.0, DefaultUnfilledPenalty, DefaultOverFormationPenalty
	if s.Scoring.ContinuityBonus != nil {
		bonus = *s.Scoring.ContinuityBonus
	}
	if s.Scoring.UnfilledPenalty != nil {
		pen = *s.Scoring.UnfilledPenalty
	}
	if s.Scoring.OverFormationPenalty != nil {
		overPen = *s.Scoring.OverFormationPenalty
	}
	// Holders now, and the posts that take nobody new: over their
	// formation, or in a unit at or above a cap.
	held := make([]int, len(ps))
	for i := range es {
		for j := range ps {
			if ps[j].ID == es[i].Position {
				held[j]++
			}
		}
	}
	closedNew := make([]bool, len(ps))
	for j := range ps {
		closedNew[j] = held[j] > ps[j].Needed
	}
	if !slices.Contains(s.Rules.Disabled, "unit-cap") {
		for _, f := range s.Constraints.UnitCaps {
			n := 0
			for j := range ps {
				if ps[j].Unit == f.Unit && (f.Profession == "" || ps[j].Profession.String() == f.Profession) {
					n += held[j]
				}
			}
			for j := range ps {
				if n >= f.Max && ps[j].Unit == f.Unit && (f.Profession == "" || ps[j].Profession.String() == f.Profession) {
					closedNew[j] = true
				}
			}
		}
	}

	// Election freeze, from the YAML fields (domain §2.3).
	el := s.Rules.Election
	inWindow := func(from, to time.Time) bool { return !s.PlanDate.Before(from) && !s.PlanDate.After(to) }
	window := false
	if !el.CandidateDate.IsZero() {
		end := el.TermEnd
		if end.IsZero() {
			end = el.InaugurationDate
		}
		window = window || inWindow(scoring.AddMonths(el.CandidateDate, -6), end)
	}
	if !el.InaugurationDate.IsZero() {
		window = window || inWindow(el.InaugurationDate, scoring.AddMonths(el.InaugurationDate, 6))
	}
	acting := s.Rules.ActingHead
	frozen := (window || acting) && !el.MinisterApprovalAll
	approved := map[scoring.EmployeeID]bool{}
	for _, id := range el.MinisterApproval {
		approved[id] = true
	}
	covered := func(p *scoring.Position) bool {
		return p.Kind == scoring.KindJPT || p.Kind == scoring.KindAdministrator || p.Kind == scoring.KindPengawas || p.IsUnitHead
	}
	pins := map[scoring.EmployeeID]scoring.PositionID{}
	pinned := map[scoring.EmployeeID]bool{}
	for _, p := range s.Constraints.Pinned {
		pinned[p.Employee] = true
		pins[p.Employee] = p.Position
	}
	excluded := map[scoring.EmployeeID]bool{}
	for _, x := range s.Constraints.Excluded {
		excluded[x.Employee] = true
	}

	// options[i] lists (column, value) pairs; column -1 is "no seat".
	type opt struct {
		col int
		val float64
	}
	options := make([][]opt, len(es))
	for i := range es {
		e := &es[i]
		cur := -1
		for j := range ps {
			if ps[j].ID == e.Position {
				cur = j
			}
		}
		if pinned[e.ID] {
			target := pins[e.ID]
			if target == "" {
				target = e.Position
			}
			if target == "" {
				options[i] = []opt{{-1, 0}}
				continue
			}
			for j := range ps {
				if ps[j].ID == target {
					sco, err := sc.Explain(e, &ps[j])
					require.NoError(t, err)
					v := value(sco.Total, j == cur, bonus, pen, ps[j].Criticality)
					if j != cur && cur >= 0 {
						v += rotationValue(in, e) // a pinned move of a due holder is still a rotation
					}
					options[i] = []opt{{j, v}}
				}
			}
			continue
		}
		onlyStay := excluded[e.ID] || (frozen && cur >= 0 && !approved[e.ID] && (acting || covered(&ps[cur])))
		rotate := s.Constraints.Rotation == "hard" && cur >= 0 && !onlyStay && !locked(e, s.PlanDate) &&
			scoring.Years(e.PositionSince, s.PlanDate) >= float64(in.Scorer.Rules.RotationYears)
		rot := 0.0
		if rotate {
			rot = HardRotationPenalty // stays only if nothing lawful is open
		}
		// Nobody loses a post: a holder without a seat keeps the post over
		// formation, which only a post over its formation allows.
		switch {
		case cur < 0:
			options[i] = []opt{{-1, 0}}
		case held[cur] > ps[cur].Needed:
			options[i] = []opt{{-1, bonus - overPen - rot}}
		default:
			options[i] = nil
		}
		for j := range ps {
			p := &ps[j]
			if p.Needed == 0 || (onlyStay && j != cur) {
				continue
			}
			if j != cur {
				if p.OpenSelection || (frozen && covered(p) && !approved[e.ID]) || closedNew[j] {
					continue
				}
				vs, err := sc.Check(e, p)
				require.NoError(t, err)
				if len(vs) > 0 {
					continue
				}
			}
			sco, err := sc.Explain(e, p)
			require.NoError(t, err)
			v := value(sco.Total, j == cur, bonus, pen, p.Criticality)
			if j == cur {
				v -= rot
			} else if cur >= 0 {
				v += rotationValue(in, e)
			}
			options[i] = append(options[i], opt{j, v})
		}
	}
	may := func(i, j int) bool {
		for _, o := range options[i] {
			if o.col == j {
				return true
			}
		}
		return false
	}
	// Depth-first enumeration with capacities; the plan-level constraints
	// are checked on each complete placement.
	load := make([]int, len(ps))
	col := make([]int, len(es))
	best, found := math.Inf(-1), false
	var dfs func(i int, acc float64)
	dfs = func(i int, acc float64) {
		if i == len(es) {
			if len(brokenLimits(s, ps, es, col, may)) > 0 {
				return
			}
			if acc > best {
				best = acc
			}
			found = true
			return
		}
		for _, o := range options[i] {
			col[i] = o.col
			if o.col >= 0 {
				if load[o.col] == ps[o.col].Needed {
					continue
				}
				load[o.col]++
			}
			dfs(i+1, acc+o.val)
			if o.col >= 0 {
				load[o.col]--
			}
		}
	}
	dfs(0, 0)
	return best, found
}

func value(fit float64, stay bool, bonus, pen, crit float64) float64 {
	if crit == 0 {
		crit = 1
	}
	v := fit + pen*crit
	if stay {
		v += bonus
	}
	return v
}

// locked reports an active personal lock without an exception.
func locked(e *scoring.Employee, day time.Time) bool {
	for _, x := range e.Exceptions {
		if x.Rule == scoring.RulePersonalLock {
			return false
		}
	}
	for _, l := range e.Locks {
		if l.Until.IsZero() || day.Before(l.Until) {
			return true
		}
	}
	return false
}

// randomScenario returns a tiny scenario: 2 units, 3–4 positions, 3–7
// employees, with random rules.
func randomScenario(seed uint64) *Scenario {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	d := func(y, m, day int) time.Time { return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC) }
	f := func(x float64) *float64 { return &x }
	s := &Scenario{Name: fmt.Sprintf("oracle-%d", seed), PlanDate: d(2025, 12, 1)}
	s.Workforce.Units = []Unit{
		{ID: "OPD", Name: "Dinas", Kind: "dinas", Kecamatan: "Rimbo Tengah", Area: "urban"},
		{ID: "PKM", Name: "Puskesmas", Kind: "puskesmas", Parent: "OPD", Kecamatan: "Pelepat", Area: pick("rural", "remote")},
	}
	all := []Position{
		{ID: "P-PELAKSANA", Unit: "OPD", Name: "Pengadministrasi", Kind: "pelaksana"},
		{ID: "P-PERAWAT", Unit: "PKM", Name: "Perawat Terampil", Kind: "functional", FunctionalGrade: "terampil",
			Profession: "nurse", Fields: []string{"keperawatan"}, RequiredCerts: []string{"str"}},
		{ID: "P-KASUBAG", Unit: "OPD", Name: "Kepala Subbagian", Kind: "pengawas", Echelon: "IV.a"},
		{ID: "P-KEPALA", Unit: "PKM", Name: "Kepala Puskesmas", Kind: "functional", FunctionalGrade: "ahli_pertama",
			UnitHead: true, Fields: []string{"keperawatan", "kesehatan_masyarakat"}},
	}
	np := 3 + r.IntN(2)
	r.Shuffle(len(all), func(a, b int) { all[a], all[b] = all[b], all[a] })
	for _, p := range all[:np] {
		p.Needed = r.IntN(3)
		if r.IntN(3) == 0 {
			p.Criticality = f(float64(r.IntN(3)) * 0.75)
		}
		if p.Kind == "pengawas" && r.IntN(5) == 0 {
			p.OpenSelection = true
		}
		s.Workforce.Positions = append(s.Workforce.Positions, p)
	}
	ne := 3 + r.IntN(5)
	for k := range ne {
		e := Employee{
			NIP:       employeeID(fmt.Sprintf("19%02d0101201501%04d", 60+r.IntN(38), k)),
			Name:      fmt.Sprintf("Pegawai %d", k),
			BirthDate: d(1966+r.IntN(32), 1+r.IntN(12), 1+r.IntN(28)),
			Status:    "PNS",
			Grade:     pick("II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d"),
			Education: pick("SMA", "D3", "S1"),
			Field:     pick("keperawatan", "kesehatan_masyarakat", "ilmu_pemerintahan", ""),
		}
		if r.IntN(2) == 0 {
			e.Certifications = []Certification{{Kind: "str"}}
		}
		e.Ratings = []Rating{{Year: 2023, Predicate: pick("baik", "sangat_baik", "kurang")}, {Year: 2024, Predicate: pick("baik", "sangat_baik")}}
		if r.IntN(2) == 0 {
			e.Potential = f(float64(40 + r.IntN(60)))
		}
		if r.IntN(6) != 0 {
			p := s.Workforce.Positions[r.IntN(np)]
			e.Position = p.ID
			e.PositionSince = d(2014+r.IntN(11), 1+r.IntN(12), 1)
			if e.PositionSince.Before(e.BirthDate.AddDate(18, 0, 0)) {
				e.PositionSince = e.BirthDate.AddDate(18, 0, 0)
			}
		}
		if r.IntN(8) == 0 {
			e.Locks = []Lock{{Kind: "study_leave", Until: d(2026, 6, 1)}}
		}
		if r.IntN(3) == 0 {
			e.Competence = map[string]int{"integrity": 1 + r.IntN(5), "cooperation": 1 + r.IntN(5)}
			e.AssessedOn = d(2024, 1, 1)
		}
		e.NIP = employeeID(fmt.Sprintf("%s%02d", string(e.NIP)[:16], k))
		s.Workforce.Employees = append(s.Workforce.Employees, e)
	}
	es := s.Workforce.Employees
	switch r.IntN(4) {
	case 0: // inside window B
		s.Rules.Election = Election{CandidateDate: d(2024, 9, 22), InaugurationDate: d(2025, 5, 26)}
		s.PlanDate = d(2025, 10, 8)
		if r.IntN(2) == 0 {
			s.Rules.Election.MinisterApproval = []employeeID{es[r.IntN(ne)].NIP}
		}
	case 1:
		s.Rules.ActingHead = r.IntN(2) == 0
	}
	if r.IntN(3) == 0 {
		s.Constraints.Rotation = "hard"
	}
	if r.IntN(3) == 0 {
		k := r.IntN(ne)
		pin := Pin{Employee: es[k].NIP, Reason: "test"}
		if r.IntN(3) != 0 {
			pin.Position = s.Workforce.Positions[r.IntN(np)].ID
		}
		s.Constraints.Pinned = []Pin{pin}
		if r.IntN(3) == 0 {
			x := (k + 1) % ne
			s.Constraints.Excluded = []Exclusion{{Employee: es[x].NIP, Reason: "test"}}
		}
	}
	randomConstraints(r, s)
	s.Scoring.ContinuityBonus = f([]float64{0, 0.05, 0.3}[r.IntN(3)])
	s.Scoring.UnfilledPenalty = f([]float64{0, 2}[r.IntN(2)])
	if r.IntN(3) == 0 {
		three := 3
		s.Rules.TenureMinYears = &three
	}
	return s
}

// randomConstraints adds plan-level constraints to s, each alone or
// combined: floors and caps (all holders or nurses), max moves, max
// turnover, no remote outflow, a conflict pair or relatives; about a third
// of the scenarios get none.
func randomConstraints(r *rand.Rand, s *Scenario) {
	c := &s.Constraints
	es := s.Workforce.Employees
	unit := func() unitID { return []unitID{"OPD", "PKM"}[r.IntN(2)] }
	prof := func() string { return []string{"", "nurse"}[r.IntN(2)] }
	if r.IntN(3) == 0 {
		return
	}
	if r.IntN(3) == 0 {
		c.UnitFloors = append(c.UnitFloors, UnitFloor{Unit: unit(), Profession: prof(), Min: r.IntN(4)})
	}
	if r.IntN(3) == 0 {
		c.UnitCaps = append(c.UnitCaps, UnitCap{Unit: unit(), Profession: prof(), Max: r.IntN(3)})
	}
	if r.IntN(3) == 0 {
		k := r.IntN(3)
		c.MaxMoves = &k
	}
	if r.IntN(3) == 0 {
		pct := []float64{0, 25, 50}[r.IntN(3)]
		c.MaxTurnoverPct = &pct
	}
	if r.IntN(4) == 0 {
		c.NoRemoteOutflow = true
	}
	if r.IntN(3) == 0 && len(es) >= 2 {
		a, b := r.IntN(len(es)), r.IntN(len(es)-1)
		if b >= a {
			b++
		}
		if r.IntN(2) == 0 {
			c.Conflicts = []Conflict{{Employees: []employeeID{es[a].NIP, es[b].NIP}, Reason: "test"}}
		} else {
			es[a].Relatives = []employeeID{es[b].NIP}
		}
	}
}

// brokenLimits returns the plan-level constraints of s that the placement
// col (a column of ps per employee of es, -1 for no seat) breaks, derived
// from the YAML fields alone: floors, caps and the remote balance count
// the employees seated in the posts (a floor asks for min(min, holders
// now, seats)), max_moves counts holders seated in another post,
// max_turnover_pct counts a unit's holders seated in another unit, and a
// conflict pair may not end in one unit (a holder without a seat stays in
// the unit of the post). Rules in rules.disabled are skipped.
func brokenLimits(s *Scenario, ps []scoring.Position, es []scoring.Employee, col []int, may func(i, j int) bool) []string {
	off := map[string]bool{}
	for _, d := range s.Rules.Disabled {
		off[d] = true
	}
	area := map[unitID]string{}
	for _, u := range s.Workforce.Units {
		area[u.ID] = u.Area
	}
	cur := make([]int, len(es))
	for i := range es {
		cur[i] = -1
		for j := range ps {
			if ps[j].ID == es[i].Position {
				cur[i] = j
			}
		}
	}
	// count returns the holders now, the seats and the seated after over
	// the posts that match.
	count := func(match func(p *scoring.Position) bool) (held, seats, seated int) {
		for j := range ps {
			if !match(&ps[j]) {
				continue
			}
			seats += ps[j].Needed
			for i := range es {
				if cur[i] == j {
					held++
				}
				if col[i] == j {
					seated++
				}
			}
		}
		return held, seats, seated
	}
	inUnit := func(u unitID, prof string) func(p *scoring.Position) bool {
		return func(p *scoring.Position) bool {
			return p.Unit == u && (prof == "" || p.Profession.String() == prof)
		}
	}
	var out []string
	c := &s.Constraints
	if !off["unit-floor"] {
		for _, f := range c.UnitFloors {
			// A real minimum: min(min, seats), or as many as may be
			// there (rows allowed into the posts).
			match := inUnit(f.Unit, f.Profession)
			_, seats, seated := count(match)
			eligible := 0
			for i := range es {
				for j := range ps {
					if match(&ps[j]) && may(i, j) {
						eligible++
						break
					}
				}
			}
			if seated < min(f.Min, seats, eligible) {
				out = append(out, "unit-floor")
			}
		}
	}
	if !off["unit-cap"] {
		for _, f := range c.UnitCaps {
			// Nobody loses a post to a cap: the seats its holders fill now
			// stay allowed.
			kept := 0
			for j := range ps {
				if inUnit(f.Unit, f.Profession)(&ps[j]) {
					h := 0
					for i := range es {
						if cur[i] == j {
							h++
						}
					}
					kept += min(h, ps[j].Needed)
				}
			}
			if _, _, seated := count(inUnit(f.Unit, f.Profession)); seated > max(f.Max, kept) {
				out = append(out, "unit-cap")
			}
		}
		if c.NoRemoteOutflow {
			held, seats, seated := count(func(p *scoring.Position) bool {
				return area[p.Unit] == "remote" || area[p.Unit] == "very_remote"
			})
			if seated < min(held, seats) {
				out = append(out, "no-remote-outflow")
			}
		}
		if c.MaxTurnoverPct != nil {
			for _, u := range s.Workforce.Units {
				staff, left := 0, 0
				for i := range es {
					if cur[i] >= 0 && ps[cur[i]].Unit == u.ID {
						staff++
						if col[i] >= 0 && ps[col[i]].Unit != u.ID {
							left++
						}
					}
				}
				if float64(left) > *c.MaxTurnoverPct/100*float64(staff)+1e-9 {
					out = append(out, "max-turnover")
				}
			}
		}
	}
	if c.MaxMoves != nil && !off["max-moves"] {
		moves := 0
		for i := range es {
			if cur[i] >= 0 && col[i] >= 0 && col[i] != cur[i] {
				moves++
			}
		}
		if moves > *c.MaxMoves {
			out = append(out, "max-moves")
		}
	}
	if !off["conflict-of-interest"] {
		end := func(id employeeID) unitID {
			for i := range es {
				if es[i].ID == id {
					switch {
					case col[i] >= 0:
						return ps[col[i]].Unit
					case cur[i] >= 0:
						return ps[cur[i]].Unit
					}
				}
			}
			return ""
		}
		var pairs [][2]employeeID
		for _, cf := range c.Conflicts {
			pairs = append(pairs, [2]employeeID{cf.Employees[0], cf.Employees[1]})
		}
		for i := range es {
			for _, r := range es[i].Relatives {
				pairs = append(pairs, [2]employeeID{es[i].ID, r})
			}
		}
		// above reports whether unit a is b or lies above it (parents).
		parent := map[unitID]unitID{}
		for _, u := range s.Workforce.Units {
			parent[u.ID] = u.Parent
		}
		above := func(a, b unitID) bool {
			for v, n := b, 0; v != "" && n <= len(parent); v, n = parent[v], n+1 {
				if v == a {
					return true
				}
			}
			return false
		}
		now := func(id employeeID) unitID {
			for i := range es {
				if es[i].ID == id && cur[i] >= 0 {
					return ps[cur[i]].Unit
				}
			}
			return ""
		}
		for _, pr := range pairs {
			// Not in one supervisory chain: one unit, or one above the
			// other (PP 11/2017 Pasal 190(5)); two different units of one
			// chain they hold now may stay as they are.
			a, b := end(pr[0]), end(pr[1])
			if a == "" || b == "" || !(above(a, b) || above(b, a)) {
				continue
			}
			if a != b && a == now(pr[0]) && b == now(pr[1]) {
				continue
			}
			out = append(out, "conflict-of-interest")
		}
	}
	return out
}

// checkLimits checks that a plan meets every plan-level constraint of its
// scenario, derived independently of build.go by brokenLimits.
func checkLimits(t *testing.T, in *Instance, p *Plan) {
	t.Helper()
	ps := in.Scorer.Positions
	colOf := map[scoring.PositionID]int{}
	for j := range ps {
		colOf[ps[j].ID] = j
	}
	rowOf := map[scoring.EmployeeID]int{}
	for i := range in.Employees {
		rowOf[in.Employees[i].ID] = i
	}
	col := make([]int, len(in.Employees))
	for i := range col {
		col[i] = -1
	}
	for _, m := range p.Moves {
		col[rowOf[m.Employee]] = colOf[m.To]
	}
	for _, st := range p.Stays {
		if !st.OverFormation { // kept over formation: not in a seat
			col[rowOf[st.Employee]] = colOf[st.Position]
		}
	}
	require.Empty(t, brokenLimits(in.Scenario, ps, in.Employees, col, in.isAllowed), "plan %q breaks constraints", in.Scenario.Name)
}

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }
