package scenarios

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"gonum.org/v1/gonum/mat"

	"github.com/mutasi-asn/mutasi/matching"
	"github.com/mutasi-asn/mutasi/scoring"
)

// CostScale is the factor between fit and cost: build.go, and only it,
// turns a value (fit plus the terms below) into the integer cost
// −round(value × CostScale), so that sums are exact and ties are real.
const CostScale = 1e6

// DefaultUnfilledPenalty is the value of filling one seat of criticality 1,
// against a fit of 1, when scoring.unfilled_penalty is not given (domain
// §9.6: "suggested weight 2.0 per unfilled seat relative to 1.0 fit").
const DefaultUnfilledPenalty = 2.0

// DefaultOverFormationPenalty is the cost of one holder kept over a post's
// needed headcount (kelebihan pegawai), against a fit of 1, when
// scoring.over_formation_penalty is not given: moving a surplus holder to
// a shortage is worth this much more than moving anyone else there.
const DefaultOverFormationPenalty = 0.5

// HardRotationPenalty is the cost, against a fit of 1, of a holder due to
// rotate under a hard rotation (constraints.rotation: hard) who keeps the
// post: larger than what any one move can gain or lose, so that the due
// holder stays only when no lawful post is open to them (nobody loses a
// post for being due; the plan warns instead).
const HardRotationPenalty = 10.0

// Storage selects the form of the cost matrix handed to matching.
type Storage uint8

// Storage forms.
const (
	// StorageAuto picks dense for small, well-connected instances (at most
	// 2¹⁸ pairs, a quarter of them allowed) and sparse otherwise.
	StorageAuto Storage = iota
	// StorageDense forces a dense matrix with +Inf for forbidden pairs.
	StorageDense
	// StorageSparse forces candidate lists.
	StorageSparse
)

var storageNames = []string{"auto", "dense", "sparse"}

// String returns "auto", "dense" or "sparse".
func (s Storage) String() string {
	if int(s) < len(storageNames) {
		return storageNames[s]
	}
	return fmt.Sprintf("Storage(%d)", uint8(s))
}

// Options configures Build and Plan. The zero value is ready to use.
type Options struct {
	// Version is the mutasi version the caller records in the manifest;
	// empty means "devel". Libraries never look it up themselves.
	Version string
	// Tolerance is the solver's and the certificate's tolerance; zero means
	// matching's default (1e-9). Costs are integers, so every check is
	// exact in practice.
	Tolerance float64
	// Storage selects dense or sparse costs; the zero value chooses by size.
	Storage Storage
	// Progress, when set, is passed to the solver (rows placed, rows to
	// place; with side constraints, nodes evaluated and the node limit).
	Progress func(done, total int)
	// MaxNodes caps the branch-and-bound nodes of each solve with side
	// constraints (max moves, turnover, conflicts); zero means
	// DefaultMaxNodes. A plan cut short by it carries its proven bound and
	// gap in the manifest and a warning.
	MaxNodes int
	// Gap, when positive, ends each solve with side constraints once its
	// plan is proven within Gap of the optimum, relative to the objective
	// (matching.Solver.Gap); zero proves the optimum within MaxNodes. A
	// plan it ends carries its bound and gap as MaxNodes does.
	Gap float64
	// Search, when set, is called after each branch-and-bound node of a
	// solve with side constraints, with the nodes, the plan found so far
	// and the proven bound; Incumbent and Bound are objectives (total
	// fit, to maximize).
	Search func(matching.SearchState)
}

// Instance is a scenario ready to solve: the scorer and its compiled table,
// the assignment problem and the maps between rows and employees, columns
// and positions. Rows are every employee, ordered by NIP; columns are every
// position, ordered by position ID, each with Needed seats. Build it with
// [Build]; its fields are read-only afterwards.
//
// Encoding (domain §9.5):
//   - Value of a pair = fit + continuity bonus (current post only) +
//     unfilled penalty × criticality (the seat it fills), and cost =
//     −round(value × CostScale). Every row may stay without a seat at cost
//     0 (no fit, no seat filled); a current holder without a seat keeps the
//     post over the needed headcount. Pinned rows must be placed.
//   - Ineligible pairs (scoring's pair rules; min-tenure, jpt-protection
//     and personal-lock lock a holder in place) are forbidden.
//   - In an election freeze window A or B (domain §2.3, both ends
//     inclusive) the holders of covered posts (rules.election.freeze_scope,
//     default JPT, administrator, pengawas and unit heads) stay, and
//     covered posts take nobody new. While an acting head is PPK (window
//     C) every holder stays; unplaced employees may still be placed into
//     posts outside the scope. Mendagri's approval lifts the freeze for
//     the round (minister_approval_all) or for the listed employees.
//   - Pinned employees hold their pin, even against a pair rule (the plan
//     warns, naming the rule); excluded employees may only keep their post;
//     open-selection posts take nobody new; with a hard rotation, holders
//     past tenure_max_years may not keep their post unless a freeze, pin,
//     exclusion or personal lock holds them (the plan warns).
//   - Unit floors and caps and the remote balance (no_remote_outflow) are
//     column groups of the problem (Problem.Groups); max_turnover_pct,
//     max_moves and conflict-of-interest pairs (constraints.conflicts and
//     the employees' relatives) are side constraints (Problem.Side). Each
//     is enforced exactly; constraints.go states what each one counts.
//     Build rejects a floor that no plan can meet.
type Instance struct {
	// Scenario is the loaded scenario; Files are its input files.
	Scenario *Scenario
	Files    []File
	// Options are the options given to Build.
	Options Options
	// Scorer holds the effective weights and rules; Scorer.Positions are
	// the columns in order.
	Scorer scoring.Scorer
	// Employees are the rows in order (sorted by NIP).
	Employees []scoring.Employee
	// Table is the compiled scorer over Employees × Scorer.Positions.
	Table *scoring.Table
	// Problem is the assignment problem handed to matching.
	Problem matching.Problem

	disabled  map[scoring.RuleID]bool
	freeze    freeze
	rowOf     map[employeeID]int
	colOf     map[positionID]int
	units     map[unitID]int // index into Scorer.Units
	cur       []int          // current column per row, -1 when unplaced
	pin       []int          // pinned column per row, -1 when none
	pinWhy    []string       // the pin's reason per row (constraints.pinned, validated one per employee)
	why       []fixKind      // why a row cannot move freely
	bonus     int64          // continuity bonus in cost units
	over      int64          // value of a holder kept over formation (bonus − over-formation penalty), cost units
	rotPen    int64          // HardRotationPenalty in cost units
	overOK    []bool         // per column: its holders may stay over formation (a surplus post)
	capped    []bool         // per column: in a unit at or above a unit cap, so it takes nobody new
	holders   []int          // current holders per column
	restruct  bool           // policy restructuring: holders may be left without a post
	floorNeed []int          // seats each unit floor asks for (constraints.unit_floors order)
	covers    []int          // employees each policy covers (constraints.policies order)
	rot       []int64        // value of a move of each row for being due to rotate (cost units)
	seat      []int64        // seat term per column in cost units
	closed    []fixKind      // why a column takes nobody new
	warnings  []error        // build-time warnings (pins overriding rules, open selection)
	pairs     int            // allowed pairs
	unitHolds [][]int        // columns of each unit
	limits    []limit        // plan-level constraints, in schema order
	sideLimit []int          // limit of each side constraint, by name
}

// fixKind says why a row may not move freely or why a column takes nobody
// new.
type fixKind uint8

const (
	fixNone       fixKind = iota
	fixPinned             // constraints.pinned
	fixExcluded           // constraints.excluded
	fixFrozen             // election-freeze / acting-head
	fixOpen               // open selection post
	fixRotation           // hard max-tenure: may not stay
	fixNoSeat             // needed 0
	fixUnapproved         // covered post in a freeze: nobody new
	fixOver               // post over its formation, or its unit at or above a cap: nobody new
)

// Build turns a loaded scenario into an Instance: it converts the
// workforce to scoring's types, compiles the scorer, applies the scenario
// rules and fills the cost matrix (rows in parallel, each into its own
// slot, so the result does not depend on GOMAXPROCS).
//
// It returns a *ValidationError or a scoring error (*scoring.DataError,
// *scoring.WeightError, *scoring.RulesError) for data Load would have
// rejected, and an *InfeasibleError when a unit floor cannot be met by any
// plan (too few eligible people or seats). The Instance keeps s and files
// without copying them; do not modify them afterwards. Build takes
// O(E·P) time and O(E·P) memory for dense storage, O(allowed pairs) for
// sparse, for E employees and P positions.
func Build(s *Scenario, files []File, opt Options) (*Instance, error) {
	in := &Instance{Scenario: s, Files: files, Options: opt, disabled: disabledRules(s)}
	sc, err := scorerOf(s)
	if err != nil {
		return nil, err
	}
	es, covers, err := employeesOf(s)
	if err != nil {
		return nil, err
	}
	in.Scorer, in.Employees, in.covers = sc, es, covers
	if in.Table, err = sc.Compile(es); err != nil {
		return nil, err
	}
	in.freeze = resolveFreeze(s, in.disabled)
	in.index()
	in.rowRules()
	in.fill()
	if err := in.floorCheck(); err != nil {
		return nil, err
	}
	in.compileLimits()
	return in, nil
}

// index fills the lookup maps and the current column of each row.
func (in *Instance) index() {
	ps := in.Scorer.Positions
	in.rowOf = make(map[employeeID]int, len(in.Employees))
	for i := range in.Employees {
		in.rowOf[in.Employees[i].ID] = i
	}
	in.colOf = make(map[positionID]int, len(ps))
	for j := range ps {
		in.colOf[ps[j].ID] = j
	}
	in.units = make(map[unitID]int, len(in.Scorer.Units))
	for k := range in.Scorer.Units {
		in.units[in.Scorer.Units[k].ID] = k
	}
	in.unitHolds = make([][]int, len(in.Scorer.Units))
	for j := range ps {
		k := in.units[ps[j].Unit]
		in.unitHolds[k] = append(in.unitHolds[k], j)
	}
	in.cur = make([]int, len(in.Employees))
	for i := range in.Employees {
		in.cur[i] = -1
		if p := in.Employees[i].Position; p != "" {
			in.cur[i] = in.colOf[p]
		}
	}
}

// rowRules resolves pins, exclusions, freezes, open selection and the hard
// rotation into per-row and per-column restrictions.
func (in *Instance) rowRules() {
	s := in.Scenario
	n, m := len(in.Employees), len(in.Scorer.Positions)
	in.pin = make([]int, n)
	in.pinWhy = make([]string, n)
	in.why = make([]fixKind, n)
	in.closed = make([]fixKind, m)
	for i := range in.pin {
		in.pin[i] = -1
	}
	for _, p := range s.Constraints.Pinned {
		i, ok := in.rowOf[p.Employee]
		if !ok {
			continue
		}
		in.why[i] = fixPinned
		in.pinWhy[i] = p.Reason
		if p.Position != "" {
			in.pin[i] = in.colOf[p.Position]
		} else {
			in.pin[i] = in.cur[i] // -1 for an unplaced employee: stays without a seat
		}
	}
	for _, x := range s.Constraints.Excluded {
		if i, ok := in.rowOf[x.Employee]; ok {
			in.why[i] = fixExcluded
		}
	}
	ps := in.Scorer.Positions
	in.restruct = s.policy(PolicyRestructuring) != nil
	in.holders = make([]int, m)
	for _, c := range in.cur {
		if c >= 0 {
			in.holders[c]++
		}
	}
	in.overOK = make([]bool, m)
	in.capped = make([]bool, m)
	for j := range ps {
		in.overOK[j] = in.holders[j] > ps[j].Needed
	}
	if !in.disabled[scoring.RuleUnitCap] {
		for _, f := range s.Constraints.UnitCaps {
			prof, _ := scoring.ParseProfession(f.Profession)
			cols := in.floorColumns(f.Unit, prof)
			held := 0
			for _, j := range cols {
				held += in.holders[j]
			}
			if held >= f.Max {
				for _, j := range cols {
					in.capped[j] = true // at or above its cap: takes nobody new
				}
			}
		}
	}
	for j := range ps {
		switch {
		case ps[j].Needed == 0:
			in.closed[j] = fixNoSeat
		case in.openSelection(&ps[j]):
			in.closed[j] = fixOpen
		case in.freeze.active() && in.freeze.covered(&ps[j]):
			in.closed[j] = fixUnapproved
		case (in.overOK[j] || in.capped[j]) && !in.restruct:
			in.closed[j] = fixOver
		}
	}
	f := &in.freeze
	hard := rotationHard(s, in.disabled)
	held := map[string]int{} // due to rotate but held in place, by what holds them
	for i := range in.Employees {
		e := &in.Employees[i]
		c := in.cur[i]
		if c < 0 {
			continue
		}
		due := hard && !scoring.AddMonths(e.PositionSince, 12*in.Scorer.Rules.RotationYears).After(s.PlanDate)
		switch {
		case in.why[i] == fixPinned && due:
			held["pinned"]++
		case in.why[i] == fixExcluded && due:
			held["excluded"]++
		case in.why[i] != fixNone:
		case f.active() && !f.approved[e.ID] && (f.actingHead || f.covered(&ps[c])):
			in.why[i] = fixFrozen
			if due {
				held[string(f.rule())]++
			}
		case due && lockedInPlace(e, s):
			held[string(scoring.RulePersonalLock)]++
		case due:
			in.why[i] = fixRotation
		}
	}
	if len(held) > 0 {
		keys := make([]string, 0, len(held))
		total := 0
		for k, n := range held {
			keys = append(keys, k)
			total += n
		}
		slices.Sort(keys)
		parts := make([]string, len(keys))
		for k, key := range keys {
			parts[k] = fmt.Sprintf("%s %d", key, held[key])
		}
		in.warnings = append(in.warnings, newWarning(scoring.RuleMaxTenure, ErrReportOnly,
			newReason(ReasonWarnRotationHeld, total, in.Scorer.Rules.RotationYears, strings.Join(parts, ", "))))
	}
	if len(s.Constraints.Pinned) > 0 {
		for _, p := range s.Constraints.Pinned {
			i, ok := in.rowOf[p.Employee]
			if !ok || in.pin[i] < 0 || in.pin[i] == in.cur[i] {
				continue
			}
			j := in.pin[i]
			if vs := in.Table.Check(i, j); len(vs) > 0 {
				for _, v := range vs {
					in.warnings = append(in.warnings, newWarning(v.Rule, ErrOverride,
						newReason(ReasonWarnPinBreaks, e(p.Employee), j2s(ps[j]), p.Reason, string(v.Rule), v.Detail, v.Text("id"))))
				}
			}
			if in.closed[j] == fixUnapproved {
				in.warnings = append(in.warnings, newWarning(f.rule(), ErrOverride,
					newReason(ReasonWarnPinFreeze, e(p.Employee), j2s(ps[j]), p.Reason, f.window.Name)))
			}
		}
	}
	for j := range ps {
		if in.closed[j] == fixOpen && in.holders[j] < ps[j].Needed {
			in.warnings = append(in.warnings, newWarning(ruleOpenSelection, ErrReportOnly,
				newReason(ReasonWarnOpenSelection, j2s(ps[j]))))
		}
	}
	for k, pol := range s.Constraints.Policies {
		in.warnings = append(in.warnings, newWarning(rulePolicy, ErrReportOnly,
			newReason(ReasonWarnPolicy, pol.Policy, in.covers[k], pol.Reason)))
	}
	if in.disabled[scoring.RuleCapacity] {
		in.warnings = append(in.warnings, newWarning(scoring.RuleCapacity, ErrReportOnly, newReason(ReasonWarnCapacityOn)))
	}
}

// openSelection reports whether p is filled through open selection
// (seleksi terbuka): marked so, or a JPT post unless the scenario's
// jpt_by_plan policy lets the plan fill JPT posts (domain §12.8).
func (in *Instance) openSelection(p *scoring.Position) bool {
	return p.OpenSelection || (p.Kind == scoring.KindJPT && in.Scenario.policy(PolicyJPTByPlan) == nil)
}

func e(id employeeID) string { return string(id) }

func j2s(p scoring.Position) string { return fmt.Sprintf("%s (%s)", p.ID, p.Name) }

// lockedInPlace reports whether an active personal lock without an
// exception keeps e in place; the lock wins over a hard rotation.
func lockedInPlace(e *scoring.Employee, s *Scenario) bool {
	for _, x := range e.Exceptions {
		if x.Rule == scoring.RulePersonalLock {
			return false
		}
	}
	for _, l := range e.Locks {
		if l.Until.IsZero() || s.PlanDate.Before(l.Until) {
			return true
		}
	}
	return false
}

// micro converts a value into integer cost units (before the sign).
func micro(x float64) int64 { return int64(math.Round(x * CostScale)) }

// allowed reports whether row i may take column j, given that the pair
// passes scoring's pair rules (fit is not NaN) or is the row's pin.
func (in *Instance) allowed(i, j int, fitOK bool) bool {
	if p := in.pin[i]; in.why[i] == fixPinned {
		return j == p
	}
	if in.Scorer.Positions[j].Needed == 0 {
		return false
	}
	c := in.cur[i]
	switch in.why[i] {
	case fixExcluded, fixFrozen:
		return j == c
	}
	if j != c {
		switch in.closed[j] {
		case fixOpen, fixOver:
			return false
		case fixUnapproved:
			if !in.freeze.approved[in.Employees[i].ID] {
				return false
			}
		}
	}
	return fitOK
}

// value returns the value of row i in column j in cost units: the fit
// (the breakdown total for a pin that breaks a rule), the continuity bonus
// in the current post and the seat term.
func (in *Instance) value(i, j int, fit float64) int64 {
	if math.IsNaN(fit) {
		fit = in.Table.Explain(i, j).Total
	}
	v := micro(fit) + in.seat[j]
	if j != in.cur[i] {
		v += in.rot[i]
	} else {
		v += in.bonus
		if in.why[i] == fixRotation {
			v -= in.rotPen
		}
	}
	return v
}

// unseated returns the value, in cost units, of row i without a seat of
// the problem, or the largest int64 (+Inf as a cost) when it must have
// one. Nobody loses a post: a holder either is seated (stays or moves) or
// keeps the post over its needed headcount, which only a holder of a post
// over its formation (or in a unit above a cap) may, at the value
// bonus − over-formation penalty (less HardRotationPenalty when due under
// a hard rotation). An unplaced employee may stay unplaced (value 0); a
// pinned one must be seated; with the restructuring policy a holder may
// be left without a post (value 0).
func (in *Instance) unseated(i int) int64 {
	c := in.cur[i]
	switch {
	case in.why[i] == fixPinned && in.pin[i] >= 0:
		return math.MinInt64
	case c < 0 || in.restruct:
		return 0
	case !in.overOK[c]:
		return math.MinInt64
	}
	v := in.over
	if in.why[i] == fixRotation {
		v -= in.rotPen
	}
	return v
}

// fill computes every row's allowed pairs and costs and sets Problem.
func (in *Instance) fill() {
	s := in.Scenario
	ps := in.Scorer.Positions
	n, m := len(in.Employees), len(ps)
	bonus := 0.0
	if s.Scoring.ContinuityBonus != nil {
		bonus = *s.Scoring.ContinuityBonus
	}
	pen := DefaultUnfilledPenalty
	if s.Scoring.UnfilledPenalty != nil {
		pen = *s.Scoring.UnfilledPenalty
	}
	in.bonus = micro(bonus)
	in.rot = make([]int64, n)
	if rotationOn(s, in.disabled) {
		for i := range in.rot {
			in.rot[i] = micro(in.Scorer.Weights.Tenure * in.Table.RotationDue(i))
		}
	}
	over := DefaultOverFormationPenalty
	if s.Scoring.OverFormationPenalty != nil {
		over = *s.Scoring.OverFormationPenalty
	}
	in.over = micro(bonus - over)
	in.rotPen = micro(HardRotationPenalty)
	in.seat = make([]int64, m)
	capacity := make([]int, m)
	for j := range ps {
		crit := ps[j].Criticality
		if crit == 0 {
			crit = 1
		}
		in.seat[j] = micro(pen * crit)
		capacity[j] = ps[j].Needed
	}

	// Rows in parallel, in chunks of fillChunk rows: each worker fills whole
	// chunks into their own slots, so the result does not depend on the
	// schedule.
	shut := make([]bool, m)         // takes nobody new
	shutApproved := make([]bool, m) // … nobody new, even with Mendagri's approval
	for j := range ps {
		shut[j] = in.closed[j] != fixNone
		shutApproved[j] = in.closed[j] == fixNoSeat || in.closed[j] == fixOpen || in.closed[j] == fixOver
	}
	chunks := make([]fillPart, (n+fillChunk-1)/fillChunk)
	counts := make([]int32, n) // allowed pairs per row
	workers := runtime.GOMAXPROCS(0)
	bufs := make([]fillPart, workers)
	dsts := make([][]float64, workers)
	parallel(workers, len(chunks), func(w, c int) {
		if dsts[w] == nil {
			dsts[w] = make([]float64, m)
		}
		b := &bufs[w]
		b.cols, b.vals = b.cols[:0], b.vals[:0]
		for i := c * fillChunk; i < min((c+1)*fillChunk, n); i++ {
			k := len(b.cols)
			b.cols, b.vals = in.fillRow(dsts[w], i, b.cols, b.vals, shut, shutApproved)
			counts[i] = int32(len(b.cols) - k)
		}
		chunks[c] = fillPart{cols: slices.Clone(b.cols), vals: slices.Clone(b.vals)}
	})
	bufs, dsts = nil, nil
	at := make([]int, len(chunks)+1) // first pair of each chunk
	for c := range chunks {
		at[c+1] = at[c] + len(chunks[c].cols)
	}
	pairs := at[len(chunks)]
	in.pairs = pairs
	unassigned := make([]float64, n)
	for i := range unassigned {
		if v := in.unseated(i); v == math.MinInt64 {
			unassigned[i] = math.Inf(1)
		} else {
			unassigned[i] = -float64(v)
		}
	}
	p := matching.Problem{Capacity: capacity, Unassigned: unassigned}
	dense := false
	switch in.Options.Storage {
	case StorageDense:
		dense = true
	case StorageAuto:
		dense = n*m <= 1<<18 && 4*pairs >= n*m
	}
	if dense {
		data := make([]float64, n*m)
		for k := range data {
			data[k] = math.Inf(1)
		}
		for c, part := range chunks {
			x := 0
			for i := c * fillChunk; i < min((c+1)*fillChunk, n); i++ {
				for range counts[i] {
					data[i*m+int(part.cols[x])] = -float64(part.vals[x])
					x++
				}
			}
		}
		if n > 0 && m > 0 {
			p.Cost = mat.NewDense(n, m, data)
		} else {
			p.Candidates = &matching.Sparse{Rows: n, Cols: m, Start: make([]int, n+1)}
		}
	} else {
		sp := &matching.Sparse{Rows: n, Cols: m, Start: make([]int, n+1), Col: make([]int, pairs), Cost: make([]float64, pairs)}
		for i, k := range counts {
			sp.Start[i+1] = sp.Start[i] + int(k)
		}
		parallel(workers, len(chunks), func(_, c int) {
			col, cost := sp.Col[at[c]:at[c+1]], sp.Cost[at[c]:at[c+1]]
			for x, j := range chunks[c].cols {
				col[x] = int(j)
				cost[x] = -float64(chunks[c].vals[x])
			}
			chunks[c] = fillPart{}
		})
		p.Candidates = sp
	}
	in.Problem = p
}

// parallel calls f(w, c) for c = 0 … k−1 on up to workers goroutines, w
// (< workers) being the goroutine's index, for per-worker scratch space,
// and returns when all calls have. Each c goes to exactly one call; f must
// write only into slots fixed by c (or by w for scratch), so that results
// do not depend on the schedule.
func parallel(workers, k int, f func(w, c int)) {
	workers = min(workers, k)
	if workers <= 1 {
		for c := range k {
			f(0, c)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := int(next.Add(1) - 1); c < k; c = int(next.Add(1) - 1) {
				f(w, c)
			}
		}()
	}
	wg.Wait()
}

// fillChunk is the number of rows a worker of fill takes at a time.
const fillChunk = 64

// fillPart holds the allowed pairs of one chunk of rows, row after row.
type fillPart struct {
	cols []int32
	vals []int64
}

// fillRow appends row i's allowed columns (ascending) and their values to
// cs and vs, using dst as FitRow's buffer. It gives the pairs [allowed]
// admits with the values of [value], without a call per pair: a pinned,
// excluded or frozen row has one column at most (the pin or the current
// post), and any other row may take every column its fit allows except
// the columns shut to newcomers (shut, or shutApproved for an employee
// with Mendagri's approval) and, when due to rotate, its current post.
func (in *Instance) fillRow(dst []float64, i int, cs []int32, vs []int64, shut, shutApproved []bool) ([]int32, []int64) {
	c := in.cur[i]
	switch in.why[i] {
	case fixPinned, fixExcluded, fixFrozen:
		j := c
		if in.why[i] == fixPinned {
			j = in.pin[i]
		}
		if j >= 0 {
			if f := in.Table.Fit(i, j); in.allowed(i, j, !math.IsNaN(f)) {
				cs, vs = append(cs, int32(j)), append(vs, in.value(i, j, f))
			}
		}
		return cs, vs
	}
	if in.freeze.approved[in.Employees[i].ID] {
		shut = shutApproved
	}
	seat, rot := in.seat, in.rot[i]
	for j, f := range in.Table.FitRow(dst, i) {
		if j == c {
			if in.allowed(i, j, !math.IsNaN(f)) {
				cs, vs = append(cs, int32(j)), append(vs, in.value(i, j, f))
			}
			continue
		}
		if math.IsNaN(f) || shut[j] {
			continue
		}
		cs, vs = append(cs, int32(j)), append(vs, micro(f)+seat[j]+rot)
	}
	return cs, vs
}

// Dense reports whether the problem uses a dense cost matrix.
func (in *Instance) Dense() bool { return in.Problem.Cost != nil }

// Pairs returns the number of allowed (employee, position) pairs.
func (in *Instance) Pairs() int { return in.pairs }

// unitName returns "Name (ID)" for a unit, or the ID when unknown.
func (in *Instance) unitName(id unitID) string {
	if k, ok := in.units[id]; ok && in.Scorer.Units[k].Name != "" {
		return in.Scorer.Units[k].Name
	}
	return string(id)
}

// floorColumns returns the columns a unit floor or cap counts: the unit's
// posts of the profession, or all its posts.
func (in *Instance) floorColumns(u unitID, prof scoring.Profession) []int {
	k, ok := in.units[u]
	if !ok {
		return nil
	}
	var out []int
	for _, j := range in.unitHolds[k] {
		if prof == 0 || in.Scorer.Positions[j].Profession == prof {
			out = append(out, j)
		}
	}
	return out
}

// candidatesOf calls f for every allowed column of row i.
func (in *Instance) candidatesOf(i int, f func(j int)) {
	if sp := in.Problem.Candidates; sp != nil {
		for k := sp.Start[i]; k < sp.Start[i+1]; k++ {
			f(sp.Col[k])
		}
		return
	}
	d := in.Problem.Cost.(*mat.Dense)
	_, m := d.Dims()
	row := d.RawRowView(i)
	for j := 0; j < m; j++ {
		if !math.IsInf(row[j], 1) {
			f(j)
		}
	}
}

// isAllowed reports whether (i, j) is an allowed pair of the problem.
func (in *Instance) isAllowed(i, j int) bool {
	if sp := in.Problem.Candidates; sp != nil {
		_, ok := slices.BinarySearch(sp.Col[sp.Start[i]:sp.Start[i+1]], j)
		return ok
	}
	return !math.IsInf(in.Problem.Cost.At(i, j), 1)
}

// cost returns the problem's cost of (i, j); only for allowed pairs.
func (in *Instance) cost(i, j int) float64 {
	if sp := in.Problem.Candidates; sp != nil {
		row := sp.Col[sp.Start[i]:sp.Start[i+1]]
		k, _ := slices.BinarySearch(row, j)
		return sp.Cost[sp.Start[i]+k]
	}
	return in.Problem.Cost.At(i, j)
}

// floorCheck sets the need of each unit floor (in schema order): a floor
// is a real minimum, min(Min, seats) seated in the counted posts, met
// whenever enough people may be there (domain §12.11); when fewer people
// are allowed into the posts than that, the need is what they can give and
// the plan warns, naming the floor, the people it lacks and the rules that
// keep qualified people out. Whether all floors can hold together with
// the other constraints is the solver's to prove (an infeasible plan then
// names them). It returns nil; the error is kept for callers.
//
// The eligible people of every floor are counted in one pass over the
// allowed pairs, O(pairs + Σ floor columns); the rules that keep people
// out (Table.Check per pair, which formats details) are looked up only
// for a floor that fails.
func (in *Instance) floorCheck() error {
	if in.disabled[scoring.RuleUnitFloor] {
		return nil
	}
	floors := in.Scenario.Constraints.UnitFloors
	in.floorNeed = make([]int, len(floors))
	if len(floors) == 0 {
		return nil
	}
	m := len(in.Scorer.Positions)
	// The floors counting each column, as CSR: floorsOf[at[j]:at[j+1]].
	colsOf := make([][]int, len(floors))
	at := make([]int, m+1)
	for f := range floors {
		prof, _ := scoring.ParseProfession(floors[f].Profession)
		colsOf[f] = in.floorColumns(floors[f].Unit, prof)
		for _, j := range colsOf[f] {
			at[j+1]++
		}
	}
	for j := range m {
		at[j+1] += at[j]
	}
	floorsOf := make([]int, at[m])
	next := slices.Clone(at[:m])
	for f := range floors {
		for _, j := range colsOf[f] {
			floorsOf[next[j]] = f
			next[j]++
		}
	}
	eligibleOf := make([]int, len(floors))
	lastRow := make([]int, len(floors))
	for f := range lastRow {
		lastRow[f] = -1
	}
	for i := range in.Employees {
		in.candidatesOf(i, func(j int) {
			for _, f := range floorsOf[at[j]:at[j+1]] {
				if lastRow[f] != i {
					lastRow[f] = i
					eligibleOf[f]++
				}
			}
		})
	}
	for fi, f := range floors {
		prof, _ := scoring.ParseProfession(f.Profession)
		cols := colsOf[fi]
		seats, holders := 0, 0
		for _, j := range cols {
			seats += in.Scorer.Positions[j].Needed
			holders += in.holders[j]
		}
		need := min(f.Min, seats)
		in.floorNeed[fi] = need
		if need == 0 || eligibleOf[fi] >= need {
			continue
		}
		in.floorNeed[fi] = eligibleOf[fi]
		base := InfeasibleError{Rule: scoring.RuleUnitFloor, Unit: f.Unit, UnitName: in.unitName(f.Unit),
			Need: need, What: professionWord(prof, need), Reason: f.Reason, profession: professionText(prof)}
		for _, j := range cols {
			base.Positions = append(base.Positions, in.Scorer.Positions[j].ID)
		}
		set := make([]bool, m)
		for _, j := range cols {
			set[j] = true
		}
		counts := map[scoring.RuleID]int{}
		for i := range in.Employees {
			ok := false
			in.candidatesOf(i, func(j int) { ok = ok || set[j] })
			if ok {
				continue
			}
			rules, qualified := in.blockers(i, cols)
			if !qualified {
				continue
			}
			for _, r := range rules {
				counts[r]++
			}
		}
		base.Have = eligibleOf[fi]
		base.Excluded = ruleCounts(counts)
		base.Why = base.reason()
		in.warnings = append(in.warnings, newWarning(scoring.RuleUnitFloor, ErrReportOnly, base.Why))
	}
	return nil
}

// blockers returns the rules that keep row i out of every column in cols
// (from the column with the fewest, the first on ties), and whether the
// employee is qualified for the profession there (no accepted-field
// violation), which is who a floor report counts.
func (in *Instance) blockers(i int, cols []int) ([]scoring.RuleID, bool) {
	var best []scoring.RuleID
	found := false
	for _, j := range cols {
		rs := in.reasons(i, j)
		if slices.Contains(rs, scoring.RuleAcceptedField) {
			continue
		}
		if !found || len(rs) < len(best) {
			best, found = rs, true
		}
	}
	return best, found
}

// reasons returns the rule ids that forbid (i, j): scoring's pair rules
// and the scenario rules, in a fixed order.
func (in *Instance) reasons(i, j int) []scoring.RuleID {
	var rs []scoring.RuleID
	for _, v := range in.Table.Check(i, j) {
		rs = append(rs, v.Rule)
	}
	c := in.cur[i]
	switch in.why[i] {
	case fixPinned:
		if j != in.pin[i] {
			rs = append(rs, ruleFixed)
		}
	case fixExcluded:
		if j != c {
			rs = append(rs, ruleExcluded)
		}
	case fixFrozen:
		if j != c {
			rs = append(rs, in.freeze.rule())
		}
	}
	if j != c {
		switch in.closed[j] {
		case fixNoSeat, fixOver:
			rs = append(rs, scoring.RuleCapacity)
		case fixOpen:
			rs = append(rs, ruleOpenSelection)
		case fixUnapproved:
			if !in.freeze.approved[in.Employees[i].ID] && !slices.Contains(rs, in.freeze.rule()) {
				rs = append(rs, in.freeze.rule())
			}
		}
	}
	return rs
}

// Reasons of the scenario layer that are manual decisions, not rules of
// the catalogue (scoring.RuleInfos): a pair excluded by a pin or an
// exclusion (constraints.pinned, constraints.excluded), and a post filled
// through open selection (positions[].open_selection).
const (
	ruleFixed         scoring.RuleID = "pinned"
	ruleExcluded      scoring.RuleID = "excluded"
	ruleOpenSelection scoring.RuleID = "open-selection"
	rulePolicy        scoring.RuleID = "policy"
)

// RuleCount is how many candidates (or posts) a rule excluded.
type RuleCount struct {
	Rule  scoring.RuleID `json:"rule"`
	Count int            `json:"count"`
}

// ruleCounts sorts counts by count descending, then rule id.
func ruleCounts(m map[scoring.RuleID]int) []RuleCount {
	out := make([]RuleCount, 0, len(m))
	for r, c := range m {
		out = append(out, RuleCount{r, c})
	}
	slices.SortFunc(out, func(a, b RuleCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(string(a.Rule), string(b.Rule))
	})
	return out
}

// Closure is one scenario rule that closes a pair the pair rules may
// allow, with its reason.
type Closure struct {
	Rule scoring.RuleID `json:"rule"`
	Why  Reason         `json:"why"`
}

// Closures returns every scenario rule that keeps row i out of column j
// (scoring's pair rules are the Table's violations): a pin elsewhere, an
// exclusion, an election freeze, a post without needed seats, over its
// formation (or in a unit at a cap), or filled by open selection. It is
// empty for the row's current post unless a pin moves the row. It panics
// when i or j is out of range.
func (in *Instance) Closures(i, j int) []Closure {
	var out []Closure
	add := func(r scoring.RuleID, c ReasonCode, args ...any) {
		out = append(out, Closure{r, newReason(c, args...)})
	}
	c := in.cur[i]
	id := in.Employees[i].ID
	switch in.why[i] {
	case fixPinned:
		if j != in.pin[i] {
			add(ruleFixed, ReasonPinned, in.pinWhy[i])
		}
	case fixExcluded:
		if j != c {
			reason := ""
			for _, x := range in.Scenario.Constraints.Excluded {
				if x.Employee == id {
					reason = x.Reason
				}
			}
			add(ruleExcluded, ReasonExcluded, reason)
		}
	case fixFrozen:
		if j != c {
			add(in.freeze.rule(), ReasonFreezeWindow)
		}
	}
	if j == c {
		return out
	}
	switch in.closed[j] {
	case fixNoSeat:
		add(scoring.RuleCapacity, ReasonNoNeededSeat)
	case fixOver:
		add(scoring.RuleCapacity, ReasonOverFormationClosed)
	case fixOpen:
		add(ruleOpenSelection, ReasonOpenSelection)
	case fixUnapproved:
		if !in.freeze.approved[id] && in.why[i] != fixFrozen {
			add(in.freeze.rule(), ReasonFreezeWindow)
		}
	}
	return out
}
