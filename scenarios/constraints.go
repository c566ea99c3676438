package scenarios

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/mutasi-asn/mutasi/matching"
	"github.com/mutasi-asn/mutasi/scoring"
)

// Plan-level constraints (constraints.unit_floors, unit_caps,
// no_remote_outflow, max_moves, max_turnover_pct, conflicts and the
// employees' relatives), compiled into the matching problem and enforced
// exactly by the solver.
//
// Counting. A unit's staff after the plan are the employees seated in its
// posts: a holder kept over formation (above the post's needed headcount)
// is not counted by floors, caps and the remote balance, because the seat
// is what the unit works with; such a holder exists only in a post whose
// seats are all taken, which takes nobody new.
//
//   - unit-floor: the posts of a unit (of a profession, if given) end with
//     at least min(min, seats) seated, a real minimum (Group Min); when
//     fewer people may be there, as many as may, and the plan warns
//     naming the floor (floorCheck).
//   - unit-cap: at most max(max, seats its holders fill now) seated
//     (Group Max): nobody loses a post to a cap; a unit at or above its
//     cap takes nobody new into the capped posts.
//   - unit-cap (no_remote_outflow): the posts of remote and very remote
//     units end with at least min(holders now, seats) seated (Group Min;
//     the family of groups stays laminar: unit groups nest inside it).
//   - unit-cap (max_turnover_pct): per unit, the holders of its posts
//     seated in another unit's post number at most
//     floor(pct × holders now / 100) (one side constraint per unit where
//     it can bind).
//   - max-moves: the holders seated in another post (the plan's move
//     count; first placements do not count) number at most max_moves (one
//     side constraint).
//   - conflict-of-interest: the two employees do not end in one unit (the
//     unit of their seat, or of the post they keep without a seat): one
//     side constraint per unit both could end in.
//
// Constraints that cannot bind (too few people can leave or arrive) are
// not handed to the solver. Plan solves the side constraints lazily: it
// solves with the constraints broken so far and adds the ones the plan
// breaks, until the plan breaks none; the last solve's bound is a bound of
// the full problem, because it relaxes it.

// DefaultMaxNodes is the branch-and-bound node limit of one solve with
// side constraints when Options.MaxNodes is zero. It counts work, never
// time; a plan cut short says so (its bound and gap) in a warning.
const DefaultMaxNodes = 100

// limit is one plan-level constraint of the scenario, in domain words and
// as linear constraints over (row, column) pairs.
type limit struct {
	rule scoring.RuleID
	// why states the constraint, such as "Puskesmas Pelepat needs ≥ 1
	// doctor (Permenkes 19/2024)" (ReasonLimitFloor).
	why       Reason
	unit      unitID
	positions []positionID
	employees []employeeID
	// group is the limit as a column group (floors, caps, remote); nil
	// for the others.
	group *matching.Group
	// sides are the limit's side constraints (one per unit for turnover
	// and conflicts); a group is also written as sides, for the lazy
	// solve.
	sides []matching.Side
	// check re-derives the constraint from a finished plan, independently
	// of the sides: whether the plan meets it and the figures.
	check func(o *outcome) (bool, string)
	// together: once one of the limit's sides breaks, the lazy solve
	// also activates those the same plan holds at their limit (see
	// solve): a turnover cap that binds in one unit displaces rows that
	// push the tight units next door over theirs.
	together bool
}

// compileLimits builds the plan-level constraints of the scenario, skipping
// those switched off in rules.disabled, and sets Problem.Groups and
// Problem.Side: groups for floors, caps and the remote balance, side
// constraints for turnover, max moves and conflicts. It takes O(pairs)
// time per constraint.
func (in *Instance) compileLimits() {
	s := in.Scenario
	c := &s.Constraints
	dis := in.disabled
	ps := in.Scorer.Positions
	holders := in.holders // current holders per column
	seatsOf := func(cols []int) (seats, held int) {
		for _, j := range cols {
			seats += ps[j].Needed
			held += holders[j]
		}
		return seats, held
	}
	// floorLimit adds l as a floor of need seated in cols. It is a column
	// group only when it can bind.
	floorLimit := func(l limit, cols []int, need int) {
		seats, held := seatsOf(cols)
		l.check = func(o *outcome) (bool, string) {
			after := o.seatedIn(cols)
			return after >= need, fmt.Sprintf("%d %s now, %d seated after the plan, at least %d", held, plural(held, "holder"), after, need)
		}
		if need > 0 && (need > held || in.canLeave(cols)) {
			l.group = &matching.Group{Cols: cols, Min: need, Max: seats}
		}
		in.limits = append(in.limits, l)
	}
	idsOf := func(cols []int) []positionID {
		out := make([]positionID, len(cols))
		for k, j := range cols {
			out[k] = ps[j].ID
		}
		return out
	}
	if !dis[scoring.RuleUnitFloor] {
		for k, f := range c.UnitFloors {
			prof, _ := scoring.ParseProfession(f.Profession)
			cols := in.floorColumns(f.Unit, prof)
			floorLimit(limit{rule: scoring.RuleUnitFloor, unit: f.Unit, positions: idsOf(cols),
				why: newReason(ReasonLimitFloor, in.unitName(f.Unit), f.Min, professionText(prof), f.Reason)}, cols, in.floorNeed[k])
		}
	}
	if !dis[scoring.RuleUnitCap] {
		for _, f := range c.UnitCaps {
			prof, _ := scoring.ParseProfession(f.Profession)
			cols := in.floorColumns(f.Unit, prof)
			seats, held := seatsOf(cols)
			// Nobody loses a post to a cap: the seats its holders fill now
			// stay allowed, and a unit at or above its cap takes nobody
			// new (its posts are closed in rowRules).
			kept := 0
			for _, j := range cols {
				kept += min(holders[j], ps[j].Needed)
			}
			most := max(f.Max, kept)
			l := limit{rule: scoring.RuleUnitCap, unit: f.Unit, positions: idsOf(cols),
				why: newReason(ReasonLimitCap, in.unitName(f.Unit), f.Max, professionText(prof), f.Reason)}
			l.check = func(o *outcome) (bool, string) {
				after := o.seatedIn(cols)
				return after <= most, fmt.Sprintf("%d %s now, %d seated after the plan, at most %d", held, plural(held, "holder"), after, most)
			}
			if most < seats {
				l.group = &matching.Group{Cols: cols, Min: 0, Max: most}
			}
			in.limits = append(in.limits, l)
		}
		if c.MaxTurnoverPct != nil {
			in.turnoverLimits(*c.MaxTurnoverPct)
		}
		if c.NoRemoteOutflow {
			var cols []int
			for j := range ps {
				if in.remote(j) {
					cols = append(cols, j)
				}
			}
			// No net outflow: as many seated as are held now (up to the
			// seats).
			seats, held := seatsOf(cols)
			floorLimit(limit{rule: scoring.RuleUnitCap, why: newReason(ReasonLimitRemoteOutflow)}, cols, min(held, seats))
		}
	}
	if c.MaxMoves != nil && !dis[scoring.RuleMaxMoves] {
		k := *c.MaxMoves
		l := limit{rule: scoring.RuleMaxMoves, why: newReason(ReasonLimitMaxMoves, k)}
		l.check = func(o *outcome) (bool, string) { return o.moves <= k, fmt.Sprintf("%d moves", o.moves) }
		var ts []matching.Term
		movers := 0
		for i, c := range in.cur {
			if c < 0 {
				continue
			}
			n := len(ts)
			in.candidatesOf(i, func(j int) {
				if j != c {
					ts = append(ts, matching.Term{Row: i, Col: j, Coef: 1})
				}
			})
			if len(ts) > n {
				movers++
			}
		}
		if movers > k {
			l.sides = []matching.Side{{Terms: ts, Limit: float64(k)}}
		}
		in.limits = append(in.limits, l)
	}
	if !dis[scoring.RuleConflictOfInterest] {
		in.conflictLimits()
	}
	// Groups become sides too, for the lazy solve; then every side gets
	// its index as its name.
	in.groupSides()
	for k := range in.limits {
		l := &in.limits[k]
		for x := range l.sides {
			l.sides[x].Name = strconv.Itoa(len(in.sideLimit))
			in.sideLimit = append(in.sideLimit, k)
			if l.group == nil {
				in.Problem.Side = append(in.Problem.Side, l.sides[x])
			}
		}
	}
}

// canLeave reports whether some current holder of cols may be seated
// outside them or left without a seat, or someone else inside them (a
// floor can bind). Leaving without a seat never pays in an optimal plan,
// but the k best plans (Alternatives) rank such plans too.
func (in *Instance) canLeave(cols []int) bool {
	set := in.colSet(cols)
	for i, c := range in.cur {
		if c >= 0 && set[c] {
			out := in.Problem.Unassigned != nil && !math.IsInf(in.Problem.Unassigned[i], 1)
			in.candidatesOf(i, func(j int) { out = out || !set[j] })
			if out || !in.isAllowed(i, c) {
				return true
			}
		}
	}
	return false
}

func (in *Instance) colSet(cols []int) []bool {
	set := make([]bool, len(in.Scorer.Positions))
	for _, j := range cols {
		set[j] = true
	}
	return set
}

// groupSides adds each limit's group to the problem and writes it as side
// constraints too: −Σ x ≤ −Min and Σ x ≤ Max over the allowed pairs into
// its columns (rows ascending, then columns), each only when it can bind.
// One pass over the candidate lists serves every group (groups may nest,
// so a column can belong to several).
func (in *Instance) groupSides() {
	var ks []int // limits with a group
	colGroups := make([][]int32, len(in.Scorer.Positions))
	for k := range in.limits {
		g := in.limits[k].group
		if g == nil {
			continue
		}
		in.Problem.Groups = append(in.Problem.Groups, *g)
		x := int32(len(ks))
		ks = append(ks, k)
		for _, j := range g.Cols {
			if n := len(colGroups[j]); n == 0 || colGroups[j][n-1] != x {
				colGroups[j] = append(colGroups[j], x)
			}
		}
	}
	if len(ks) == 0 {
		return
	}
	lo, hi := make([][]matching.Term, len(ks)), make([][]matching.Term, len(ks))
	for i := range in.Employees {
		in.candidatesOf(i, func(j int) {
			for _, x := range colGroups[j] {
				lo[x] = append(lo[x], matching.Term{Row: i, Col: j, Coef: -1})
				hi[x] = append(hi[x], matching.Term{Row: i, Col: j, Coef: 1})
			}
		})
	}
	for x, k := range ks {
		l := &in.limits[k]
		g := l.group
		if g.Min > 0 {
			l.sides = append(l.sides, matching.Side{Terms: lo[x], Limit: -float64(g.Min)})
		}
		seats := 0
		for _, j := range g.Cols {
			seats += in.Scorer.Positions[j].Needed
		}
		if g.Max < seats {
			l.sides = append(l.sides, matching.Side{Terms: hi[x], Limit: float64(g.Max)})
		}
	}
}

// turnoverLimit is the most of staff holders who may leave a unit under
// max_turnover_pct = pct.
func turnoverLimit(pct float64, staff int) int {
	return int(math.Floor(pct*float64(staff)/100 + 1e-9))
}

// turnoverLimits adds the max_turnover_pct constraint: one limit, with a
// side constraint for each unit whose holders able to leave outnumber its
// limit.
func (in *Instance) turnoverLimits(pct float64) {
	ps := in.Scorer.Positions
	nu := len(in.Scorer.Units)
	unitOf := func(j int) int { return in.units[ps[j].Unit] }
	staff := make([]int, nu)
	for _, c := range in.cur {
		if c >= 0 {
			staff[unitOf(c)]++
		}
	}
	l := limit{rule: scoring.RuleUnitCap,
		why: newReason(ReasonLimitTurnover, pct), together: true}
	l.check = func(o *outcome) (bool, string) {
		left := make([]int, nu)
		for i, c := range in.cur {
			if j := o.col[i]; c >= 0 && j >= 0 && unitOf(j) != unitOf(c) {
				left[unitOf(c)]++
			}
		}
		n, first := 0, unitID("")
		for u := range left {
			if left[u] > turnoverLimit(pct, staff[u]) {
				if n == 0 {
					first = in.Scorer.Units[u].ID
				}
				n++
			}
		}
		if n == 0 {
			return true, "no unit above it"
		}
		return false, fmt.Sprintf("%d units above it, such as %s", n, in.unitName(first))
	}
	terms := make([][]matching.Term, nu)
	movers := make([]int, nu)
	for i, c := range in.cur {
		if c < 0 {
			continue
		}
		u := unitOf(c)
		n := len(terms[u])
		in.candidatesOf(i, func(j int) {
			if unitOf(j) != u {
				terms[u] = append(terms[u], matching.Term{Row: i, Col: j, Coef: 1})
			}
		})
		if len(terms[u]) > n {
			movers[u]++
		}
	}
	for u := range nu {
		if lim := turnoverLimit(pct, staff[u]); movers[u] > lim {
			l.sides = append(l.sides, matching.Side{Terms: terms[u], Limit: float64(lim)})
		}
	}
	in.limits = append(in.limits, l)
}

// conflictLimits adds one limit per conflict pair (constraints.conflicts,
// then the employees' relatives not listed there): the two may not end in
// one supervisory chain (PP 11/2017 Pasal 190(5)), that is in one unit or
// in two units one of which is above the other (Unit.Parent, followed up).
// A pair already in two such units (a spouse at a puskesmas under the
// Dinas the other heads) may stay as it is, since nobody loses a post for
// it, but no move may bring or keep them in one chain otherwise.
// For each unit u the first can end in, one side constraint says
// "a ends in u" + "b ends in chain(u)" ≤ 1, chain(u) being u, the units
// above it and the units below it; together they forbid every pair of
// units of one chain. An employee ends in the unit of the seat, or of the
// post kept without a seat: for a row r whose current post lies in a set
// S, "r ends in S" is 1 − Σ_{j∉S} x[r][j]; otherwise it is Σ_{j∈S} x[r][j].
func (in *Instance) conflictLimits() {
	type pair struct {
		a, b   employeeID
		reason string
	}
	var pairs []pair
	seen := map[[2]employeeID]bool{}
	add := func(a, b employeeID, reason string) {
		if a == b {
			return
		}
		if b < a {
			a, b = b, a
		}
		if _, ok := in.rowOf[a]; !ok || seen[[2]employeeID{a, b}] {
			return
		}
		if _, ok := in.rowOf[b]; !ok {
			return
		}
		seen[[2]employeeID{a, b}] = true
		pairs = append(pairs, pair{a, b, reason})
	}
	for _, cf := range in.Scenario.Constraints.Conflicts {
		if len(cf.Employees) == 2 {
			add(cf.Employees[0], cf.Employees[1], cf.Reason)
		}
	}
	for i := range in.Employees {
		for _, r := range in.Employees[i].Relatives {
			add(in.Employees[i].ID, r, "relatives")
		}
	}
	ps := in.Scorer.Positions
	nu := len(in.Scorer.Units)
	unitOf := func(j int) int { return in.units[ps[j].Unit] }
	// chainOf[u]: the units in one supervisory chain with u (u, the units
	// above it by Unit.Parent and the units below it), ascending.
	chainOf := make([][]int, nu)
	for u := range nu {
		chainOf[u] = append(chainOf[u], u)
		for v, seen := u, 0; seen < nu; seen++ {
			k, ok := in.units[in.Scorer.Units[v].Parent]
			if !ok || k == u {
				break
			}
			v = k
			chainOf[u] = append(chainOf[u], v)
			chainOf[v] = append(chainOf[v], u)
		}
	}
	for u := range chainOf {
		slices.Sort(chainOf[u])
		chainOf[u] = slices.Compact(chainOf[u])
	}
	inChain := func(u, v int) bool { _, ok := slices.BinarySearch(chainOf[u], v); return ok }
	mark := make([]bool, nu) // scratch: the units of a set, marked while endsIn reads them
	// reach lists row r's candidates, also by unit, and the units it can
	// end in.
	reach := func(r int) *unitCands {
		rc := &unitCands{row: r, can: make([]bool, nu)}
		if c := in.cur[r]; c >= 0 {
			rc.can[unitOf(c)] = true
		}
		in.candidatesOf(r, func(j int) {
			rc.cols = append(rc.cols, j)
			rc.can[unitOf(j)] = true
		})
		rc.byUnit = slices.Clone(rc.cols)
		slices.SortStableFunc(rc.byUnit, func(a, b int) int { return unitOf(a) - unitOf(b) })
		rc.unit = make([]int, len(rc.byUnit))
		for k, j := range rc.byUnit {
			rc.unit[k] = unitOf(j)
		}
		return rc
	}
	for _, p := range pairs {
		ra, rb := in.rowOf[p.a], in.rowOf[p.b]
		l := limit{rule: scoring.RuleConflictOfInterest, employees: []employeeID{p.a, p.b},
			why: newReason(ReasonLimitConflict, string(p.a), string(p.b), p.reason)}
		// The units the two hold now, when two different units of one
		// chain: that pair of units stays allowed.
		a0, b0 := -1, -1
		if ca, cb := in.cur[ra], in.cur[rb]; ca >= 0 && cb >= 0 && unitOf(ca) != unitOf(cb) && inChain(unitOf(ca), unitOf(cb)) {
			a0, b0 = unitOf(ca), unitOf(cb)
		}
		l.check = func(o *outcome) (bool, string) {
			a, b := o.unitOf(p.a), o.unitOf(p.b)
			switch {
			case a != "" && a == b:
				return false, "both in " + in.unitName(a)
			case a != "" && b != "" && inChain(in.units[a], in.units[b]) && (in.units[a] != a0 || in.units[b] != b0):
				return false, "in one supervisory chain: " + in.unitName(a) + ", " + in.unitName(b)
			case a0 >= 0:
				return true, "in one supervisory chain as now: " + in.unitName(a) + ", " + in.unitName(b)
			}
			return true, "in different units, not one above the other"
		}
		ca, cb := reach(ra), reach(rb)
		// endsIn adds the terms of "rc ends in one of units" to sd.
		endsIn := func(sd *matching.Side, rc *unitCands, units []int) {
			r := rc.row
			if c := in.cur[r]; c >= 0 && slices.Contains(units, unitOf(c)) {
				sd.Limit--
				for _, v := range units {
					mark[v] = true
				}
				for _, j := range rc.cols {
					if !mark[unitOf(j)] {
						sd.Terms = append(sd.Terms, matching.Term{Row: r, Col: j, Coef: -1})
					}
				}
				for _, v := range units {
					mark[v] = false
				}
				return
			}
			for _, v := range units {
				for _, j := range rc.in(v) {
					sd.Terms = append(sd.Terms, matching.Term{Row: r, Col: j, Coef: 1})
				}
			}
		}
		for u := range nu {
			if !ca.can[u] || !slices.ContainsFunc(chainOf[u], func(v int) bool { return cb.can[v] }) {
				continue
			}
			others := chainOf[u]
			if u == a0 {
				others = slices.DeleteFunc(slices.Clone(others), func(v int) bool { return v == b0 }) // as now: allowed
			}
			sd := matching.Side{Limit: 1}
			endsIn(&sd, ca, []int{u})
			endsIn(&sd, cb, others)
			l.sides = append(l.sides, sd)
		}
		in.limits = append(in.limits, l)
	}
}

// unitCands is a row's candidate columns, ascending (cols) and by unit
// (byUnit, ascending within a unit; unit gives each one's unit), with the
// units the row can end in (can).
type unitCands struct {
	row          int
	cols, byUnit []int
	unit         []int
	can          []bool
}

// in returns the row's candidates in unit u, ascending.
func (rc *unitCands) in(u int) []int {
	lo, _ := slices.BinarySearch(rc.unit, u)
	hi, _ := slices.BinarySearch(rc.unit, u+1)
	return rc.byUnit[lo:hi]
}

// seatedIn counts the rows seated in cols after the plan.
func (o *outcome) seatedIn(cols []int) int {
	n := 0
	for _, j := range cols {
		n += o.seated[j]
	}
	return n
}

// maxNodes is the node limit of one solve.
func (in *Instance) maxNodes() int {
	if in.Options.MaxNodes > 0 {
		return in.Options.MaxNodes
	}
	return DefaultMaxNodes
}

// solve solves p, the instance's problem or a variant of it with more
// fixed or forbidden pairs (same rows, columns, Groups and Side). Without
// side constraints it hands p to the solver as is (groups go to the
// min-cost flow). With them it solves lazily: the side constraints of
// every limit (groups written as sides) start inactive; each round solves
// with the active ones and activates those the result breaks, until it
// breaks none. Sides marked in start (indexed like in.sideLimit; nil for
// none) are active from the first round: Explain starts from those the
// plan's solve found. It returns the assignment (Bound from the last
// round, a bound of p because that round relaxes p), the problem of the
// last round and its active sides.
func (in *Instance) solve(ctx context.Context, p *matching.Problem, start []bool) (matching.Assignment, *matching.Problem, []bool, error) {
	solver := matching.Solver{Tolerance: in.Options.Tolerance, Progress: in.Options.Progress, MaxNodes: in.maxNodes(), Gap: in.Options.Gap}
	if f := in.Options.Search; f != nil {
		solver.Search = func(st matching.SearchState) {
			st.Incumbent, st.Bound = -st.Incumbent/CostScale, -st.Bound/CostScale
			f(st)
		}
	}
	if len(p.Side) == 0 {
		a, err := solver.Solve(ctx, p)
		return a, p, nil, err
	}
	all := in.sides()
	active := make([]bool, len(all))
	copy(active, start)
	q := *p
	q.Groups = nil
	for {
		q.Side = q.Side[:0:0]
		for k, on := range active {
			if on {
				q.Side = append(q.Side, all[k])
			}
		}
		a, err := solver.Solve(ctx, &q)
		if err != nil {
			return a, &q, active, err
		}
		// The next round starts each multiplier where this one ended.
		for k, m := range (&solution{a: a, active: active}).multipliers(len(all)) {
			all[k].Hint = m
		}
		// Activate the sides the plan breaks; a limit whose sides go
		// together also gets those the plan holds at their limit.
		added := false
		val := make([]float64, len(all))
		together := make([]bool, len(in.limits))
		for k := range all {
			if active[k] {
				continue
			}
			val[k] = lhs(&all[k], a.RowToCol)
			if val[k] > all[k].Limit+1e-9 {
				active[k], added = true, true
				if l := in.sideLimit[k]; in.limits[l].together {
					together[l] = true
				}
			}
		}
		if !added {
			return a, &q, active, nil
		}
		for k := range all {
			if !active[k] && together[in.sideLimit[k]] && val[k] >= all[k].Limit-1e-9 {
				active[k] = true
			}
		}
	}
}

// sides returns every side constraint of the instance's limits (groups
// written as sides), indexed as solution.active.
func (in *Instance) sides() []matching.Side {
	var all []matching.Side
	for l := range in.limits {
		all = append(all, in.limits[l].sides...)
	}
	return all
}

// multipliers returns the solve's Lagrange multipliers by side constraint
// (indexed as solution.active, n of them): the solver gives one per
// active side, in order; inactive sides get 0.
func (sol *solution) multipliers(n int) []float64 {
	out := make([]float64, n)
	k := 0
	for s, on := range sol.active {
		if on {
			if k < len(sol.a.Multipliers) {
				out[s] = sol.a.Multipliers[k]
			}
			k++
		}
	}
	return out
}

// breaks reports whether the plan rowToCol breaks side constraint sd.
func breaks(sd *matching.Side, rowToCol []int) bool {
	return lhs(sd, rowToCol) > sd.Limit+1e-9
}

// lhs returns Σ Coef·x of side constraint sd for the plan rowToCol.
func lhs(sd *matching.Side, rowToCol []int) float64 {
	sum := 0.0
	for _, t := range sd.Terms {
		if rowToCol[t.Row] == t.Col {
			sum += t.Coef
		}
	}
	return sum
}

// limitOfSide returns the limit a side constraint named by the solver
// belongs to, or -1.
func (in *Instance) limitOfSide(name string) int {
	k, err := strconv.Atoi(name)
	if err != nil || k < 0 || k >= len(in.sideLimit) {
		return -1
	}
	return in.sideLimit[k]
}

// conflict maps a solver's infeasibility report naming groups or side
// constraints to the limits concerned, in schema order, as an
// *InfeasibleError; it returns nil when the report names none.
func (in *Instance) conflict(ie *matching.InfeasibleError) *InfeasibleError {
	var ks []int
	for _, name := range ie.Side {
		if k := in.limitOfSide(name); k >= 0 {
			ks = append(ks, k)
		}
	}
	for _, g := range ie.Groups {
		n := 0
		for k := range in.limits {
			if in.limits[k].group != nil {
				if n == g {
					ks = append(ks, k)
				}
				n++
			}
		}
	}
	if len(ks) == 0 {
		return nil
	}
	slices.Sort(ks)
	ks = slices.Compact(ks)
	e := &InfeasibleError{Rule: in.limits[ks[0]].rule, Positions: []positionID{}}
	for _, k := range ks {
		l := &in.limits[k]
		e.Conflict = append(e.Conflict, ConflictingRule{Rule: l.rule, Constraint: l.why.String(), Why: l.why, Unit: l.unit,
			Positions: l.positions, Employees: l.employees})
		if e.Unit == "" && l.unit != "" {
			e.Unit, e.UnitName = l.unit, in.unitName(l.unit)
		}
		e.Positions = append(e.Positions, l.positions...)
		e.Employees = append(e.Employees, l.employees...)
	}
	for _, r := range in.heldIn(ks) {
		e.Conflict = append(e.Conflict, r)
		e.Positions = append(e.Positions, r.Positions...)
		e.Employees = append(e.Employees, r.Employees...)
	}
	slices.Sort(e.Positions)
	e.Positions = slices.Compact(e.Positions)
	slices.Sort(e.Employees)
	e.Employees = slices.Compact(e.Employees)
	e.Why = e.reason()
	return e
}

// heldIn lists, after the limits ks of a conflict, the placements the
// scenario holds fixed (pins, exclusions, an election freeze) that take
// part in it: a held employee whose current or held post belongs to a
// limit's posts, or, for a round-wide limit (max_moves,
// max_turnover_pct), who is held in a move. They are what the solver may
// not change, so a planner reads the conflict whole: "Pelepat takes ≤ 0
// nurses" together with "Siti is pinned there".
func (in *Instance) heldIn(ks []int) []ConflictingRule {
	cols := make([]bool, len(in.Scorer.Positions))
	roundWide := false
	for _, k := range ks {
		l := &in.limits[k]
		if len(l.positions) == 0 {
			roundWide = true
		}
		for _, id := range l.positions {
			if j, ok := in.colOf[id]; ok {
				cols[j] = true
			}
		}
	}
	var out []ConflictingRule
	for i := range in.why {
		var rule scoring.RuleID
		held, why := in.cur[i], ""
		switch in.why[i] {
		case fixPinned:
			rule, held, why = ruleFixed, in.pin[i], in.pinWhy[i]
		case fixExcluded:
			rule = "excluded"
		case fixFrozen:
			rule = in.freeze.rule()
		default:
			continue
		}
		c := in.cur[i]
		if !(c >= 0 && cols[c] || held >= 0 && cols[held] || roundWide && held != c) {
			continue
		}
		emp := in.Employees[i].ID
		r := ConflictingRule{Rule: rule, Employees: []scoring.EmployeeID{emp}}
		post := ""
		if held >= 0 {
			p := &in.Scorer.Positions[held]
			post = string(p.ID)
			r.Unit, r.Positions = p.Unit, []scoring.PositionID{p.ID}
		}
		r.Why = newReason(ReasonLimitHeld, string(emp), post, why)
		r.Constraint = r.Why.String()
		out = append(out, r)
	}
	return out
}

// verify re-checks a finished plan against every limit, independently of
// the solver; a broken limit is an internal error.
func (in *Instance) verify(o *outcome) error {
	for k := range in.limits {
		if ok, figures := in.limits[k].check(o); !ok {
			return fmt.Errorf("scenarios: internal error: the plan of %q breaks %s: %s (%s)",
				in.Scenario.Name, in.limits[k].rule, in.limits[k].why, figures)
		}
	}
	return nil
}

// errNodeLimit reports a solve that found no plan within the node limit.
func (in *Instance) errNodeLimit(err error) error {
	if errors.Is(err, matching.ErrNodeLimit) {
		return fmt.Errorf("no plan of %q found within %d branch-and-bound nodes: %w", in.Scenario.Name, in.maxNodes(), err)
	}
	return err
}
