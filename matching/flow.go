package matching

import (
	"context"
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// This file solves problems with column groups (floors and caps) and fixed
// pairs exactly, as a min-cost flow with lower and upper bounds (Ahuja,
// Magnanti & Orlin 1993, chapters 9 and 10), written from the book.
//
// Network, with costs in minimization form c':
//
//	s → row i          [0, 1], cost 0        (Unassigned nil: s supplies min(R, S))
//	row i              supply 1              (Unassigned set: every row is settled)
//	row i → column j   [0, 1], cost c'[i][j] (allowed pairs; [1, 1] for a fixed pair)
//	row i → t          [0, 1], cost out[i]   (Unassigned set and finite)
//	column j → g or t  [0, Capacity[j]]      (g: the innermost group holding j)
//	group g → h or t   [Min, Max]            (h: the smallest group containing g)
//	t                  demand: what s or the rows supply
//
// Groups must form a laminar family (disjoint or nested, like a unit's
// seats and its doctor seats); other overlaps return ErrUnsupported. The
// placement rule is the plain one: with Unassigned nil, min(R, S) rows are
// placed, however the caps cut the seats. Lower
// bounds are removed by the standard transformation (send the lower bound,
// adjust the node balances) and the balances are met from a super source
// S* to a super sink T*. The flow is feasible iff it saturates every S*
// arc, and it is then of minimum cost.
//
// Start. Without fixed pairs the plain problem (groups dropped) is solved
// first by the dense or sparse solver. If its optimum keeps every group, it
// is optimal here too and is returned with its own potentials. Otherwise
// its flow is loaded into the network (group arcs clamped to their bounds,
// the difference left as imbalance at the group nodes) together with node
// potentials derived from its duals U and V (plainPotentials), which give
// every residual arc a non-negative reduced cost; the augmentations then
// only repair the groups' violations. With fixed pairs the flow starts at
// zero and, the network being acyclic, the potentials come from one pass in
// topological order.
//
// When every row is placed or Unassigned is set, the repair runs on the
// implicit network of flow_sap.go (no arc per pair is built; each search
// starts at one violated group and stops at the nearest deficit); this
// explicit network is then only built to name the groups of an infeasible
// problem, and for the other cases (every seat to fill, KBest's rows that
// must be placed).
//
// Augmentation: successive shortest paths, Dijkstra on reduced costs
// stopped when T* is settled, potentials raised by min(d, d(T*)) so that
// every residual arc keeps a non-negative reduced cost.
//
// Ties: the heap settles equal distances by lowest node index (rows before
// columns, columns before groups, each in index order).
//
// Complexity: O(R·C) arcs for a dense problem (E + R + C for a sparse one);
// one search, O(A log N) for A arcs and N nodes, per unit of flow to repair
// (per row placed on a cold start). Memory is O(A): this path is meant for
// problems where a network with one arc per allowed pair fits comfortably.

const (
	flowSuperSource = 0
	flowSuperSink   = 1
	flowSource      = 2
	flowSink        = 3
	flowFirstRow    = 4
)

// flowNet is the residual network. Arcs are stored in pairs: arc a and its
// reverse a^1.
type flowNet struct {
	head  []int32   // first arc out of each node, -1 when none
	next  []int32   // next arc out of the same node
	to    []int32   // head node of each arc
	resid []int64   // residual capacity
	cost  []float64 // cost (the reverse arc holds its negation)
	pot   []float64 // node potentials

	rows, cols, groups int
	grpArc             []int32 // arc out of each group node
	pairArc            []int32 // first row→column arc of each row, then contiguous
	pairEnd            []int32
}

func (f *flowNet) row(i int) int32   { return int32(flowFirstRow + i) }
func (f *flowNet) col(j int) int32   { return int32(flowFirstRow + f.rows + j) }
func (f *flowNet) group(g int) int32 { return int32(flowFirstRow + f.rows + f.cols + g) }

func (f *flowNet) addArc(u, v int32, capacity int64, c float64) int32 {
	a := int32(len(f.to))
	f.to = append(f.to, v, u)
	f.resid = append(f.resid, capacity, 0)
	f.cost = append(f.cost, c, -c)
	f.next = append(f.next, f.head[u], f.head[v])
	f.head[u] = a
	f.head[v] = a + 1
	return a
}

// flowDuals are the node potentials of an optimal flow, for certificates:
// every residual arc (u, v) of the network described above has
// c'(u, v) + pot(u) − pot(v) ≥ 0.
type flowDuals struct {
	Row, Col, Group []float64
	Source, Sink    float64
}

// groupTree checks that the groups form a laminar family (any two are
// disjoint or one contains the other) and returns, for each column, its
// innermost group or -1; for each group, the smallest group containing it
// (-1 for the sink); and the groups ordered inner before outer. Among
// groups with the same columns, the lower index is the inner one. It
// returns ErrUnsupported for groups that overlap without nesting, and
// panics when a group names a column out of range.
func groupTree(p *Problem, cols int) (gof, parent, order []int, err error) {
	ng := len(p.Groups)
	size := make([]int, ng)
	chain := make([][]int, cols) // groups containing each column
	for g, gr := range p.Groups {
		cs := slices.Clone(gr.Cols)
		slices.Sort(cs)
		cs = slices.Compact(cs)
		for _, j := range cs {
			if j < 0 || j >= cols {
				panic(fmt.Sprintf("matching: Groups[%d] names column %d, out of range [0, %d)", g, j, cols))
			}
			chain[j] = append(chain[j], g)
		}
		size[g] = len(cs)
	}
	inner := func(a, b int) int { // order: smaller first, then lower index
		if size[a] != size[b] {
			return size[a] - size[b]
		}
		return a - b
	}
	order = make([]int, ng)
	for g := range order {
		order[g] = g
	}
	slices.SortFunc(order, inner)
	parent = make([]int, ng)
	seen := make([]bool, ng)
	gof = make([]int, cols)
	for j := range chain {
		gof[j] = -1
		c := chain[j]
		slices.SortFunc(c, inner)
		if len(c) > 0 {
			gof[j] = c[0]
		}
		for k, g := range c {
			up := -1
			if k+1 < len(c) {
				up = c[k+1]
			}
			if !seen[g] {
				seen[g], parent[g] = true, up
			} else if parent[g] != up {
				other := up
				if other < 0 {
					other = parent[g]
				}
				return nil, nil, nil, fmt.Errorf("%w: overlapping groups (groups %d and %d share column %d but neither contains the other)", ErrUnsupported, g, other, j)
			}
		}
	}
	for g := range parent {
		if !seen[g] {
			parent[g] = -1 // empty group
		}
	}
	return gof, parent, order, nil
}

// checkFix validates the fixed pairs: it panics on a pair out of range and
// returns an *InfeasibleError when a row is fixed to two columns or to a
// forbidden pair, or a column receives more fixed rows than it has seats.
// It returns the fixed column of each row (-1 when none).
func checkFix(p *Problem, rows, cols int) ([]int, error) {
	fixed := make([]int, rows)
	for i := range fixed {
		fixed[i] = -1
	}
	load := make([]int, cols)
	for k, q := range p.Fix {
		if q.Row < 0 || q.Row >= rows || q.Col < 0 || q.Col >= cols {
			panic(fmt.Sprintf("matching: Fix[%d] = %v out of range (%d rows, %d columns)", k, q, rows, cols))
		}
		if fixed[q.Row] == q.Col {
			continue
		}
		if fixed[q.Row] >= 0 {
			return nil, &InfeasibleError{Rows: []int{q.Row}, Cols: sortedPair(fixed[q.Row], q.Col)}
		}
		c, listed := pairCost(p, q.Row, q.Col)
		if _, ok := p.minCost(c); !listed || !ok || math.IsNaN(c) {
			return nil, &InfeasibleError{Rows: []int{q.Row}, Cols: []int{q.Col}}
		}
		fixed[q.Row] = q.Col
		load[q.Col]++
	}
	for j, l := range load {
		if l > p.seats(j) {
			var rs []int
			for i, c := range fixed {
				if c == j {
					rs = append(rs, i)
				}
			}
			return nil, &InfeasibleError{Rows: rs, Cols: []int{j}, Seats: p.seats(j)}
		}
	}
	return fixed, nil
}

func sortedPair(a, b int) []int {
	if a > b {
		a, b = b, a
	}
	return []int{a, b}
}

// solveFlow solves p, which may have Groups and Fix (but no Side), by
// min-cost flow. See the file comment.
func (s *Solver) solveFlow(ctx context.Context, p *Problem) (Assignment, error) {
	a, _, err := s.solveFlowDuals(ctx, p)
	return a, err
}

// solveFlowDuals is solveFlow, also returning the node potentials.
func (s *Solver) solveFlowDuals(ctx context.Context, p *Problem) (Assignment, *flowDuals, error) {
	return s.solveFlowMust(ctx, p, nil)
}

// solveFlowMust is solveFlowDuals where the rows with must[i] set must be
// placed even when Unassigned would let them stay out (must may be nil).
func (s *Solver) solveFlowMust(ctx context.Context, p *Problem, must []bool) (Assignment, *flowDuals, error) {
	s.stats = stats{}
	rows, cols := p.dims()
	p.checkShape(rows, cols)
	if err := ctx.Err(); err != nil {
		return Assignment{}, nil, err
	}
	if err := p.checkUnassigned(); err != nil {
		return Assignment{}, nil, err
	}
	if err := eachPair(p, func(i, j int, c float64) error {
		if math.IsNaN(c) || (math.IsInf(c, -1) && !p.Maximize) {
			return &CostError{Row: i, Col: j, Value: c}
		}
		return nil
	}); err != nil {
		return Assignment{}, nil, err
	}
	gof, gparent, gorder, err := groupTree(p, cols)
	if err != nil {
		return Assignment{}, nil, err
	}
	fixed, err := checkFix(p, rows, cols)
	if err != nil {
		return Assignment{}, nil, err
	}
	for g, gr := range p.Groups {
		if gr.Min > gr.Max || gr.Max < 0 {
			return Assignment{}, nil, &InfeasibleError{Groups: []int{g}}
		}
	}

	// Warm start: the plain optimum (groups dropped) is optimal when it
	// keeps every group's bounds; otherwise its flow and potentials start
	// the search, which then only repairs the groups' violations.
	var warmStart *Assignment
	var warmDuals *flowDuals
	if must == nil && (len(p.Fix) == 0 || p.Unassigned != nil || rows <= p.totalSeats(cols)) {
		q := fixedPlain(p, fixed)
		var a Assignment
		if p.Cost != nil {
			a, err = s.solveDense(ctx, q)
		} else {
			a, err = s.solveSparse(ctx, q)
		}
		if err != nil {
			return Assignment{}, nil, err // no plan even without groups
		}
		a.Cost = objective(p, a.RowToCol)
		a.Bound = a.Cost
		d := plainPotentials(q, &a, len(p.Groups))
		if groupsHold(p, a.RowToCol) {
			return a, d, nil
		}
		warmStart, warmDuals = &a, d
		if p.Unassigned != nil || rows <= p.totalSeats(cols) {
			out, dual, ok, err := s.flowSAP(ctx, p, &a, d, fixed, gof, gparent, gorder)
			if err != nil || ok {
				return out, dual, err
			}
			// Infeasible: the network below names the conflicting groups.
		}
	}

	ng := len(p.Groups)
	n := flowFirstRow + rows + cols + ng
	f := &flowNet{rows: rows, cols: cols, groups: ng, head: make([]int32, n)}
	for k := range f.head {
		f.head[k] = -1
	}
	bal := make([]int64, n) // supplies (> 0) and demands (< 0) after removing lower bounds
	// lower records the arcs with a lower bound: the flow sent in advance.
	type lowerArc struct {
		arc int32
		l   int64
	}
	var lower []lowerArc
	addBounded := func(u, v int32, lo, hi int64, c float64) int32 {
		a := f.addArc(u, v, hi-lo, c)
		if lo > 0 {
			bal[u] -= lo
			bal[v] += lo
			lower = append(lower, lowerArc{a, lo})
		}
		return a
	}

	seats := p.totalSeats(cols)
	srcArc, outArc := make([]int32, rows), make([]int32, rows)
	colArc, grpArc := make([]int32, cols), make([]int32, ng)
	for i := range srcArc {
		srcArc[i], outArc[i] = -1, -1
	}
	if p.Unassigned == nil {
		need := int64(min(rows, seats))
		bal[flowSource] += need
		bal[flowSink] -= need
		for i := 0; i < rows; i++ {
			lo := int64(0)
			if must != nil && must[i] {
				lo = 1
			}
			srcArc[i] = addBounded(flowSource, f.row(i), lo, 1, 0)
		}
	} else {
		for i := 0; i < rows; i++ {
			bal[f.row(i)]++
			bal[flowSink]--
		}
	}
	f.pairArc = make([]int32, rows)
	f.pairEnd = make([]int32, rows)
	for i := 0; i < rows; i++ {
		f.pairArc[i] = int32(len(f.to))
		if fixed[i] >= 0 {
			c, _ := pairCost(p, i, fixed[i])
			cm, _ := p.minCost(c)
			addBounded(f.row(i), f.col(fixed[i]), 1, 1, cm)
		} else {
			visitRow(p, i, func(j int, c float64) {
				if cm, ok := p.minCost(c); ok {
					f.addArc(f.row(i), f.col(j), 1, cm)
				}
			})
		}
		f.pairEnd[i] = int32(len(f.to))
		if p.Unassigned != nil && fixed[i] < 0 && (must == nil || !must[i]) {
			if cm, ok := p.minCost(p.Unassigned[i]); ok {
				outArc[i] = f.addArc(f.row(i), flowSink, 1, cm)
			}
		}
	}
	for j := 0; j < cols; j++ {
		to := int32(flowSink)
		if gof[j] >= 0 {
			to = f.group(gof[j])
		}
		colArc[j] = f.addArc(f.col(j), to, int64(p.seats(j)), 0)
	}
	for g, gr := range p.Groups {
		to := int32(flowSink)
		if gparent[g] >= 0 {
			to = f.group(gparent[g])
		}
		grpArc[g] = addBounded(f.group(g), to, int64(max(gr.Min, 0)), int64(gr.Max), 0)
	}
	f.grpArc = grpArc
	f.pot = make([]float64, n)
	warm := warmStart != nil
	if warm {
		f.warm(p, warmStart, warmDuals, bal, srcArc, outArc, colArc, fixed, gof, gparent, gorder)
	}
	var want int64
	for v := int32(0); v < int32(n); v++ {
		switch {
		case v <= flowSuperSink:
		case bal[v] > 0:
			f.addArc(flowSuperSource, v, bal[v], 0)
			want += bal[v]
		case bal[v] < 0:
			f.addArc(v, flowSuperSink, -bal[v], 0)
		}
	}

	if warm {
		// Potentials of the super nodes: π(S*) ≥ π(v) on its arcs and
		// π(T*) ≤ π(v) on the arcs into it.
		ps, pt := math.Inf(-1), math.Inf(1)
		for a := f.head[flowSuperSource]; a >= 0; a = f.next[a] {
			ps = math.Max(ps, f.pot[f.to[a]])
		}
		for a := f.head[flowSuperSink]; a >= 0; a = f.next[a] {
			pt = math.Min(pt, f.pot[f.to[a]])
		}
		f.pot[flowSuperSource], f.pot[flowSuperSink] = max(ps, 0), min(pt, 0)
		if math.IsInf(ps, -1) {
			f.pot[flowSuperSource] = 0
		}
		if math.IsInf(pt, 1) {
			f.pot[flowSuperSink] = 0
		}
	}
	// Initial potentials (cold start): the network is acyclic with nodes in
	// the order S*, s, rows, columns, groups, t, T*, so one pass in that
	// order gives π(v) = min(0, min over arcs (u, v) of π(u) + c) and
	// non-negative reduced costs.
	order := make([]int32, 0, n)
	order = append(order, flowSuperSource, flowSource)
	for v := int32(flowFirstRow); v < f.group(0); v++ {
		order = append(order, v)
	}
	for _, g := range gorder {
		order = append(order, f.group(g))
	}
	order = append(order, flowSink, flowSuperSink)
	if warm {
		order = order[:0]
	}
	for _, u := range order {
		for a := f.head[u]; a >= 0; a = f.next[a] {
			if f.resid[a] > 0 {
				if d := f.pot[u] + f.cost[a]; d < f.pot[f.to[a]] {
					f.pot[f.to[a]] = d
				}
			}
		}
	}

	sent, err := s.flowAugment(ctx, f, want, rows)
	if err != nil {
		return Assignment{}, nil, err
	}
	if sent < want {
		return Assignment{}, nil, f.infeasible(p)
	}

	// Read the assignment: flow on a row→column arc is 1 − resid (plus the
	// lower bound of a fixed pair, whose arc has capacity 0).
	rowToCol := make([]int, rows)
	for i := range rowToCol {
		rowToCol[i] = -1
		if fixed[i] >= 0 {
			rowToCol[i] = fixed[i]
			continue
		}
		for a := f.pairArc[i]; a < f.pairEnd[i]; a += 2 {
			if f.resid[a] == 0 {
				rowToCol[i] = int(f.to[a]) - flowFirstRow - rows
				break
			}
		}
	}
	out := Assignment{RowToCol: rowToCol, Cost: objective(p, rowToCol)}
	out.Bound = out.Cost
	out.U = make([]float64, rows)
	out.V = make([]float64, cols)
	d := &flowDuals{Row: make([]float64, rows), Col: make([]float64, cols), Group: make([]float64, ng),
		Source: f.pot[flowSource], Sink: f.pot[flowSink]}
	for i := range out.U {
		d.Row[i] = f.pot[f.row(i)]
		out.U[i] = -d.Row[i]
	}
	for j := range out.V {
		d.Col[j] = f.pot[f.col(j)]
		out.V[j] = d.Col[j]
	}
	for g := range d.Group {
		d.Group[g] = f.pot[f.group(g)]
	}
	return out, d, nil
}

// fixedPlain returns p without its groups and with its fixed pairs
// enforced by the plain semantics: a fixed row keeps only its fixed column
// and must be placed. It assumes every row is placed or Unassigned is set,
// so that "must be placed" can be said; p is not modified, and the result
// shares p's matrix when nothing is fixed.
func fixedPlain(p *Problem, fixed []int) *Problem {
	q := *p
	q.Groups, q.Fix = nil, nil
	if len(p.Fix) == 0 {
		return &q
	}
	rows, cols := p.dims()
	inf := math.Inf(1)
	if p.Cost != nil {
		data := make([]float64, rows*cols)
		for i := 0; i < rows; i++ {
			for j := 0; j < cols; j++ {
				c := p.Cost.At(i, j)
				if fixed[i] >= 0 && j != fixed[i] {
					c = inf
				}
				data[i*cols+j] = c
			}
		}
		q.Cost = mat.NewDense(rows, cols, data)
	} else {
		sp := p.Candidates
		nsp := &Sparse{Rows: rows, Cols: cols, Start: make([]int, 1, rows+1)}
		for i := 0; i < rows; i++ {
			for k := sp.Start[i]; k < sp.Start[i+1]; k++ {
				if fixed[i] < 0 || sp.Col[k] == fixed[i] {
					nsp.Col = append(nsp.Col, sp.Col[k])
					nsp.Cost = append(nsp.Cost, sp.Cost[k])
				}
			}
			nsp.Start = append(nsp.Start, len(nsp.Col))
		}
		q.Candidates = nsp
	}
	if p.Unassigned != nil {
		q.Unassigned = slices.Clone(p.Unassigned)
		for i, j := range fixed {
			if j >= 0 {
				q.Unassigned[i] = inf
			}
		}
	}
	return &q
}

// groupsHold reports whether rowToCol keeps every group's floor and cap.
func groupsHold(p *Problem, rowToCol []int) bool {
	_, cols := p.dims()
	load := make([]int, cols)
	for _, j := range rowToCol {
		if j >= 0 {
			load[j]++
		}
	}
	for _, g := range p.Groups {
		n := 0
		for _, j := range g.Cols {
			n += load[j]
		}
		if n < g.Min || n > g.Max {
			return false
		}
	}
	return true
}

// plainPotentials turns the potentials U, V of a plain optimum (Certify's
// conditions) into node potentials of the network: π(row) = −U, π(column)
// = V, π(group) = π(t) = T and π(s) chosen so that every residual arc has a
// non-negative reduced cost. T is 0 when seats may stay empty (then V ≤ 0,
// with V = 0 on columns not full); otherwise every column is full and T =
// max(0, max V). π(s) is 0 when some row stays out with Unassigned nil
// (then U ≤ 0, with U = 0 on those rows), else min(−U).
func plainPotentials(p *Problem, a *Assignment, groups int) *flowDuals {
	rows, cols := p.dims()
	seats := p.totalSeats(cols)
	d := &flowDuals{Row: make([]float64, rows), Col: slices.Clone(a.V), Group: make([]float64, groups)}
	src, out := math.Inf(1), false
	for i, u := range a.U {
		d.Row[i] = -u
		if a.RowToCol[i] >= 0 {
			src = math.Min(src, -u)
		} else {
			out = true
		}
	}
	t := 0.0
	if p.Unassigned == nil && rows >= seats {
		for j, v := range a.V {
			if p.seats(j) > 0 {
				t = math.Max(t, v)
			}
		}
	}
	// Columns without seats carry no flow; Certify skips them, so lower
	// their potential until every arc into them has a non-negative reduced
	// cost.
	for j := range d.Col {
		if p.seats(j) == 0 {
			d.Col[j] = math.Inf(1)
		}
	}
	if p.Capacity != nil && slices.Contains(p.Capacity, 0) {
		eachPair(p, func(i, j int, c float64) error { //nolint:errcheck // never fails
			if cm, ok := p.minCost(c); ok && p.seats(j) == 0 {
				d.Col[j] = math.Min(d.Col[j], cm+d.Row[i])
			}
			return nil
		})
	}
	for j := range d.Col {
		if math.IsInf(d.Col[j], 1) {
			d.Col[j] = 0
		}
	}
	d.Sink = t
	for g := range d.Group {
		d.Group[g] = t
	}
	if out || math.IsInf(src, 1) {
		src = 0
	}
	d.Source = src
	return d
}

// warm loads the flow of the plain optimum a into the network (group arcs
// clamped to their bounds, the difference left as imbalance for the
// augmentations) and its potentials d (from plainPotentials).
func (f *flowNet) warm(p *Problem, a *Assignment, d *flowDuals, bal []int64, srcArc, outArc, colArc []int32, fixed, gof, gparent, gorder []int) {
	push := func(arc int32, amt int64) {
		f.resid[arc] -= amt
		f.resid[arc^1] += amt
		bal[f.to[arc^1]] -= amt
		bal[f.to[arc]] += amt
	}
	load := make([]int64, f.cols)
	for i, j := range a.RowToCol {
		if j < 0 {
			if outArc[i] >= 0 {
				push(outArc[i], 1)
			}
			continue
		}
		if srcArc[i] >= 0 {
			push(srcArc[i], 1)
		}
		if fixed[i] >= 0 {
			load[j]++ // the lower bound already sends its unit
			continue
		}
		for e := f.pairArc[i]; e < f.pairEnd[i]; e += 2 {
			if f.to[e] == f.col(j) {
				push(e, 1)
				break
			}
		}
		load[j]++
	}
	gload := make([]int64, len(f.grpArc)) // inflow of each group node
	for j, l := range load {
		if l > 0 {
			push(colArc[j], l)
		}
		if gof[j] >= 0 {
			gload[gof[j]] += l
		}
	}
	for _, g := range gorder { // inner groups first
		gr := p.Groups[g]
		lo, hi := int64(max(gr.Min, 0)), int64(gr.Max)
		flow := min(max(gload[g], lo), hi)
		if flow > lo {
			push(f.grpArc[g], flow-lo)
		}
		if gparent[g] >= 0 {
			gload[gparent[g]] += flow
		}
	}
	f.pot[flowSource], f.pot[flowSink] = d.Source, d.Sink
	for i, v := range d.Row {
		f.pot[f.row(i)] = v
	}
	for j, v := range d.Col {
		f.pot[f.col(j)] = v
	}
	for g, v := range d.Group {
		f.pot[f.group(g)] = v
	}
}

// visitRow calls fn for every listed pair of row i, columns ascending.
func visitRow(p *Problem, i int, fn func(j int, c float64)) {
	if sp := p.Candidates; sp != nil {
		for k := sp.Start[i]; k < sp.Start[i+1]; k++ {
			fn(sp.Col[k], sp.Cost[k])
		}
		return
	}
	_, cols := p.Cost.Dims()
	for j := 0; j < cols; j++ {
		fn(j, p.Cost.At(i, j))
	}
}

// objective returns the objective of rowToCol in the problem's own sense.
// It assumes rowToCol is feasible.
func objective(p *Problem, rowToCol []int) float64 {
	sum := 0.0
	for i, j := range rowToCol {
		if j >= 0 {
			c, _ := pairCost(p, i, j)
			sum += c
		} else if p.Unassigned != nil {
			sum += p.Unassigned[i]
		}
	}
	return sum
}

// flowAugment sends up to want units from S* to T* along successive
// shortest paths and returns the amount sent.
func (s *Solver) flowAugment(ctx context.Context, f *flowNet, want int64, total int) (int64, error) {
	n := len(f.head)
	// Forward-star (CSR) copy of the adjacency lists, in list order: the
	// searches read it sequentially.
	adjStart := make([]int32, n+1)
	adjArc := make([]int32, 0, len(f.to))
	for u := 0; u < n; u++ {
		for a := f.head[u]; a >= 0; a = f.next[a] {
			adjArc = append(adjArc, a)
		}
		adjStart[u+1] = int32(len(adjArc))
	}
	dist := make([]float64, n)
	pred := make([]int32, n) // arc into each node on the shortest path tree
	done := make([]bool, n)
	var h flowHeap
	var sent int64
	inf := math.Inf(1)
	for sent < want {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		s.stats.augmentations++
		for v := range dist {
			dist[v] = inf
			pred[v] = -1
			done[v] = false
		}
		dist[flowSuperSource] = 0
		h = h[:0]
		h.push(flowItem{0, flowSuperSource})
		for len(h) > 0 {
			it := h.pop()
			u := it.v
			if done[u] || it.d > dist[u] {
				continue
			}
			done[u] = true
			s.stats.scans++
			if u == flowSuperSink {
				break
			}
			pu, du := f.pot[u], dist[u]
			for _, a := range adjArc[adjStart[u]:adjStart[u+1]] {
				if f.resid[a] <= 0 {
					continue
				}
				v := f.to[a]
				if done[v] {
					continue
				}
				rc := f.cost[a] + pu - f.pot[v]
				if rc < 0 {
					rc = 0 // rounding with fractional costs; exact for integers
				}
				if nd := du + rc; nd < dist[v] {
					dist[v] = nd
					pred[v] = a
					h.push(flowItem{nd, v})
				}
			}
		}
		if !done[flowSuperSink] {
			return sent, nil
		}
		dt := dist[flowSuperSink]
		for v := range f.pot {
			if done[v] {
				f.pot[v] += dist[v]
			} else {
				f.pot[v] += dt
			}
		}
		sent += f.push(pred, want-sent)
		if s.Progress != nil {
			s.Progress(int(min(sent, int64(total))), total)
		}
	}
	return sent, nil
}

// push augments along the path recorded in pred (the arc into each node,
// from S* to T*) by its bottleneck, at most limit, and returns the amount.
func (f *flowNet) push(pred []int32, limit int64) int64 {
	delta := limit
	for v := int32(flowSuperSink); v != flowSuperSource; {
		a := pred[v]
		delta = min(delta, f.resid[a])
		v = f.to[a^1]
	}
	for v := int32(flowSuperSink); v != flowSuperSource; {
		a := pred[v]
		f.resid[a] -= delta
		f.resid[a^1] += delta
		v = f.to[a^1]
	}
	return delta
}

// infeasible builds the *InfeasibleError of a flow that cannot meet its
// balances, from the minimum cut: X is the set of nodes reachable from S*
// in the residual network. Groups lists, ascending, the groups whose floor
// is not met (their demand arc to T* is unsaturated) and the groups whose
// cap binds across the cut (group in X, the node above it not in X). When
// no group is involved (fixed pairs and seats alone conflict), Rows and
// Cols list the rows and columns in X and Seats the seats of those columns.
func (f *flowNet) infeasible(p *Problem) error {
	n := len(f.head)
	inX := make([]bool, n)
	stack := []int32{flowSuperSource}
	inX[flowSuperSource] = true
	for len(stack) > 0 {
		u := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for a := f.head[u]; a >= 0; a = f.next[a] {
			if v := f.to[a]; f.resid[a] > 0 && !inX[v] {
				inX[v] = true
				stack = append(stack, v)
			}
		}
	}
	e := &InfeasibleError{}
	for g := range p.Groups {
		gn := f.group(g)
		a := f.grpArc[g]
		capped := inX[gn] && !inX[f.to[a]] && f.resid[a] == 0
		floor := false
		for b := f.head[gn]; b >= 0; b = f.next[b] {
			if b&1 == 0 && f.to[b] == flowSuperSink && f.resid[b] > 0 {
				floor = true
			}
		}
		if capped || floor {
			e.Groups = append(e.Groups, g)
		}
	}
	if len(e.Groups) > 0 {
		return e
	}
	for i := 0; i < f.rows; i++ {
		if inX[f.row(i)] {
			e.Rows = append(e.Rows, i)
		}
	}
	for j := 0; j < f.cols; j++ {
		if inX[f.col(j)] {
			e.Cols = append(e.Cols, j)
			e.Seats += p.seats(j)
		}
	}
	return e
}

type flowItem struct {
	d float64
	v int32
}

// flowHeap is a binary min-heap ordered by distance, then node index.
type flowHeap []flowItem

func (h flowItem) less(o flowItem) bool { return h.d < o.d || (h.d == o.d && h.v < o.v) }

func (h *flowHeap) push(it flowItem) {
	*h = append(*h, it)
	a := *h
	k := len(a) - 1
	for k > 0 {
		up := (k - 1) / 2
		if !a[k].less(a[up]) {
			break
		}
		a[k], a[up] = a[up], a[k]
		k = up
	}
}

func (h *flowHeap) pop() flowItem {
	a := *h
	top := a[0]
	last := len(a) - 1
	a[0] = a[last]
	a = a[:last]
	k := 0
	for {
		l := 2*k + 1
		if l >= len(a) {
			break
		}
		m := l
		if r := l + 1; r < len(a) && a[r].less(a[l]) {
			m = r
		}
		if !a[m].less(a[k]) {
			break
		}
		a[k], a[m] = a[m], a[k]
		k = m
	}
	*h = a
	return top
}
