package matching

// Sparse shortest augmenting paths.
//
// The solver follows Jonker & Volgenant (1987) in its sparse form (LAPJVsp;
// see also Volgenant 1996, LAPMOD): column potentials v, row potentials implicit
// (u[i] = c[i][x(i)] − v[x(i)] for a placed row), and one Dijkstra search
// per row to be placed over the reduced costs c[i][j] − u[i] − v[j] ≥ 0.
// The search keeps the full columns it has labelled in a 4-ary heap ordered
// by (distance, column index), so on equal distance the lowest column index
// is finalized first; rows are augmented in ascending order. Free columns
// never enter the heap: the search keeps the best free column seen so far
// (lowest distance, then lowest index) and stops as soon as no labelled
// column is closer, so a free seat beats a full column at the same
// distance. This is the tie rule of doc.go, shared with the dense solver.
// Once a free column is known at distance D, a full column offered a
// distance ≥ D is not labelled at all: it could never be finalized before
// the sink. On large random instances this removes nine heap operations in
// ten; what remains is reading the candidate lists of the rows scanned.
//
// Seats: a column with load < capacity is free; a full column, once
// finalized, leads the search to every row it holds (a doubly linked list
// per column).
//
// Rows that may stay out (Unassigned set) have a private virtual column of
// cost Unassigned[i] and potential 0; it is a free sink candidate whenever
// its row is scanned, and it ranks after every real column on ties. With
// Unassigned nil and more rows than seats, every seat must be filled: the
// rows that stay out go to one shared virtual column (index cols) of cost 0
// and capacity rows − seats, whose potential is folded into U and V at the
// end so that U[i] ≤ 0 (Crouse 2016 treats the rectangular case the same
// way in dense form).
//
// When the problem is square with one seat per column and every row must be
// placed, the searches are preceded by the Jonker–Volgenant initialization:
// column reduction with reduction transfer, then four passes of augmenting
// row reduction, all over the candidate lists. In every other case the
// potentials start at 0 and only full columns' potentials are lowered, which
// keeps V[j] ≤ 0 and V[j] = 0 on columns with an empty seat, as Certify
// requires there: with at most one seat per column and no shared virtual
// column, augmenting row reduction runs from zero potentials over all rows
// (a row's way out counts as an option that is never lowered); otherwise a
// first pass places, in ascending order, every row whose cheapest option
// (reduced cost, then column index) is free. The rows left are searched for
// afterwards, ascending.
//
// Late in a square solve the free columns are far from every free row and
// each forward search reads nearly all the candidate lists. Once a forward
// search scans more than max(1000, rows/50) rows, the remaining free columns
// are filled, in ascending order, by searches from the column side (see
// solveBackward), over candidate lists by column built for the purpose.
//
// Outside the square problem potentials only decrease. When rows have few
// distinct costs and share the column sets at each cost (workforce
// problems), each row becomes a few (group, cost) pairs over column groups
// stored once and kept ordered by potential, and a search skips a group
// another row has already offered as cheaply (sparse_group.go). Otherwise
// each row's options are split by key c − v into a short list and a rest
// with a lower bound, and most scans read the list only (sparse_prune.go).
//
// Memory beyond the input: about 44 bytes per column and 60 per row, plus
// the heap and search lists (O(rows + cols)); the backward searches of a
// square problem add 12 bytes per candidate (row and cost by column), the
// split lists of any other problem at most 6 (12 per listed option), or
// its groups at most 9.5 (8 per column of a distinct group, 12 per pair,
// and pairs number at most an eighth of the candidates).

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
)

// sparseARRPasses is the number of augmenting row reduction passes. Jonker and
// Volgenant use two; on random sparse instances (lap-ref gen-sparse, 50,000
// rows) four leave 5–12 % less work to the searches at a negligible cost.
const sparseARRPasses = 4

const (
	colUnseen int32 = -1 // not labelled in the current search
	colSink   int32 = -2 // free and labelled in the current search
	colFinal  int32 = -3 // finalized in the current search
	colDead   int32 = -4 // no seats: never entered
)

// sparseCol is the per-column state the search reads on every arc, kept
// together (16 bytes) so that an arc costs one cache line.
type sparseCol struct {
	v     float64 // potential
	state int32   // heap position ≥ 0, or colUnseen, colSink, colFinal, colDead
	room  int32   // free seats: capacity − load
}

// sparseRow is the per-row state a backward search reads on every arc,
// kept together (16 bytes) so that an arc costs one cache line: the row's
// potential u (for a placed row c[i][x(i)] − v[x(i)], kept up to date; for
// a free row its smallest reduced cost, computed when a search first
// reaches it), its state in the search (heap position ≥ 0, or colUnseen,
// colSink for a free row, colFinal) and its column x (-1 when free).
type sparseRow struct {
	u     float64
	state int32
	x     int32
}

// sparseHeapItem is one labelled column in the search heap.
type sparseHeapItem struct {
	d float64
	j int32
}

// sparseWorkspace holds the sparse solver's buffers. Arrays indexed by
// column have cols+1 entries (the last one is the shared virtual column used
// when rows outnumber seats). Memory is O(rows + cols); the candidate lists
// are read in place.
type sparseWorkspace struct {
	// Problem view, set for one solve and cleared afterwards.
	start, col []int
	cost       []float64
	sign       float64   // −1 when maximizing
	out        []float64 // minimization-form cost of staying out; +Inf = must place
	rows, cols int       // cols includes the shared virtual column when present
	shared     int32     // index of the shared virtual column, or -1

	// Columns.
	c        []sparseCol
	d        []float64 // distance label in the current search
	pred     []int32   // row that labelled the column
	predCost []float64 // minimization-form cost of the arc from pred
	head     []int32   // first row held, or -1
	capa     []int32

	// Rows.
	x          []int32 // column held, or -1
	rowCost    []float64
	next, prev []int32 // rows of the same column

	heap    []sparseHeapItem
	done    []int32 // columns finalized in the current search
	touched []int32 // columns labelled in the current search
	free    []int32
	free2   []int32

	// Backward searches (square problems, late in a solve): the candidate
	// lists by column (rows ascending, with their costs), built when first
	// needed, and the row labels.
	cStart, cRow  []int32
	cCost         []float64
	cBuilt        bool
	re, rpredCost []float64
	rpred         []int32
	bw            []sparseRow // what a backward scan reads of each row
	rheap         sparseRowHeap

	cand            candWorkspace // shorter lists of a large problem (candidates.go)
	rdone, rtouched []int32
	backwardAt      int // tests: switch to backward searches sooner (1: at once)

	// The best free sink of the current search: a real column (key < cols)
	// or row r's private way out (key cols + r).
	sinkD   float64
	sinkKey int
	scans   int

	// Candidate lists split by key (see sparse_prune.go): when prune is
	// set, row r's options of key c − v at most its last threshold are
	// copied to lcol and lcost at lat[r], plen[r] of them (plen[r] < 0:
	// not split yet; lcap[r] slots reserved), and every other option has a
	// key of at least rest[r].
	prune      bool
	lcol       []int32
	lcost      []float64
	lat        []int
	plen, lcap []int32
	rest       []float64
	sec        []float64 // lower bound on the keys of row r's options but its own column
	listScans  int       // rows scanned through their list (tests)
	skips      int       // placed rows not scanned: sec[r] beyond the sink (tests)
	noPrune    bool      // tests: never split the candidate lists

	// Candidate lists by cost class (see sparse_group.go), used instead of
	// the split lists when grouped is set.
	grouped bool
	groups  sparseGroups
}

// solveSparse solves p, whose Candidates is set; see Solve. It runs in
// O(n·(E + m log m)) time for n rows to place, E candidates and m columns,
// and allocates O(rows + cols + E) beyond the result (see the memory note
// above).
func (s *Solver) solveSparse(ctx context.Context, p *Problem) (Assignment, error) {
	s.stats = stats{}
	sp := p.Candidates
	if err := ctx.Err(); err != nil {
		if merr := p.checkMagnitude(sp.Rows, sp.Cols); merr != nil {
			return Assignment{}, merr // as if checked before the context
		}
		return Assignment{}, err
	}
	if err := validateSparse(p); err != nil {
		return Assignment{}, err
	}
	if sp.Rows >= math.MaxInt32-1 || sp.Cols >= math.MaxInt32-1 {
		return Assignment{}, fmt.Errorf("%w: more than 2^31-2 rows or columns", ErrUnsupported)
	}
	w := &s.ws.sparse
	if !w.cand.inner {
		w.cand.rounds = 0
		if w.cand.sparseCandidatesFit(p) {
			a, err := s.solveSparseCandidates(ctx, p)
			if !errors.Is(err, errCandidates) {
				return a, err
			}
			s.stats = stats{}
		}
	}
	defer w.release()
	rows, cols := sp.Rows, sp.Cols
	seats := p.totalSeats(cols)
	shared := p.Unassigned == nil && rows > seats
	n := cols
	w.shared = -1
	if shared {
		w.shared = int32(cols)
		n++
	}
	w.reset(p, rows, n)
	for j := 0; j < cols; j++ {
		w.capa[j] = int32(p.seats(j))
	}
	if shared {
		w.capa[cols] = int32(rows - seats)
	}
	for j := 0; j < n; j++ {
		w.c[j].room = w.capa[j]
		if w.capa[j] == 0 {
			w.c[j].state = colDead
		}
	}

	free := w.free[:0]
	square := p.Unassigned == nil && !shared && rows == cols && unitSeats(p)
	backward := square && len(sp.Col) < math.MaxInt32 // column lists use int32 offsets
	switch {
	case square:
		free = w.initSquare(free)
	case !shared && maxSeats(p) <= 1:
		// Augmenting row reduction from zero potentials (all rows).
		for i := 0; i < rows; i++ {
			free = append(free, int32(i))
		}
		for pass := 0; pass < sparseARRPasses && len(free) > 0; pass++ {
			free = w.rowReduction(free)
		}
		slices.Sort(free)
	case shared && seats == cols && unitSeats(p):
		// More rows than seats, every column to be filled: column
		// reduction first (Jonker & Volgenant 1987). Each column's
		// potential starts at its cheapest listed cost, so every reduced
		// cost is ≥ 0 and each column's cheapest row finds it tight; the
		// greedy pass then seats those rows there, and the rows with no
		// tight seat left go to the shared virtual column (cost 0, tight
		// too) while it has room. Without it the shared column, cheapest at
		// zero potentials, took the first rows and nearly every column had
		// to be reached by a long search (2000 × 1000 dense: 1,000
		// augmentations scanning about a million rows).
		for j := 0; j < cols; j++ {
			w.c[j].v = math.Inf(1)
		}
		for k, j := range sp.Col {
			c := w.sign * sp.Cost[k]
			if c <= math.MaxFloat64 && c >= -math.MaxFloat64 && c < w.c[j].v {
				w.c[j].v = c
			}
		}
		for j := 0; j < cols; j++ {
			if math.IsInf(w.c[j].v, 1) {
				w.c[j].v = 0 // no row may take it: the search reports the witness
			}
		}
		for i := 0; i < rows; i++ {
			if !w.greedy(int32(i)) {
				free = append(free, int32(i))
			}
		}
	default:
		for i := 0; i < rows; i++ {
			if !w.greedy(int32(i)) {
				free = append(free, int32(i))
			}
		}
	}
	w.free = free
	w.grouped = !square && !s.noGroups && w.setupGroups(s.allGroup)
	w.setupPrune(!square && !w.grouped)

	// Progress counts the rows settled (placed or left out) out of all rows;
	// the initialization settles rows − len(free) of them.
	done := ctx.Done()
	settled := rows - len(free)
	step := max(1, rows/100)
	for k, r := range free {
		if err := s.augmentRow(ctx, done, p, r, rows, cols); err != nil {
			return Assignment{}, err
		}
		settled++
		if s.Progress != nil && settled%step == 0 {
			s.Progress(settled, rows)
		}
		if backward && k+1 < len(free) && w.scans >= w.backwardAfter(rows) {
			// Searches from the free rows have grown large: fill the
			// free columns by searches from them instead.
			if err := s.solveBackward(ctx, p, settled, rows); err != nil {
				return Assignment{}, err
			}
			break
		}
	}
	if s.Progress != nil {
		s.Progress(rows, rows) // at most a hundred calls before this one
	}
	if w.grouped {
		s.stats.offerSkips += w.groups.offerSkips
	}
	return w.result(p, rows, cols), nil
}

// resolveSquare solves a square problem again from the state its last
// solve left (that solve's assignment and potentials), after its candidate
// lists grew into p.Candidates: the rows in redo, ascending (those given a
// new candidate), give up their columns and are placed again by forward
// searches. Every other row keeps its column and its lists, so it stays
// tight and dual feasible, and the result is optimal for the new lists. The
// dense solver's candidate lists use it (dense_candidates.go).
func (s *Solver) resolveSquare(ctx context.Context, p *Problem, redo []int32) (Assignment, error) {
	w := &s.ws.sparse
	sp := p.Candidates
	w.start, w.col, w.cost = sp.Start, sp.Col, sp.Cost
	w.cBuilt = false
	defer w.release()
	for _, r := range redo {
		if w.x[r] >= 0 {
			w.detach(r)
		}
	}
	done := ctx.Done()
	for _, r := range redo {
		if err := s.augmentRow(ctx, done, p, r, w.rows, w.cols); err != nil {
			return Assignment{}, err
		}
	}
	return w.result(p, w.rows, w.cols), nil
}

// maxSeats returns the largest capacity of a column (1 when Capacity is nil).
func maxSeats(p *Problem) int {
	m := 1
	if p.Capacity != nil {
		m = 0
		for _, c := range p.Capacity {
			m = max(m, c)
		}
	}
	return m
}

// unitSeats reports whether every column has exactly one seat.
func unitSeats(p *Problem) bool {
	for _, c := range p.Capacity {
		if c != 1 {
			return false
		}
	}
	return true
}

// validateSparse returns a *CostError for the first NaN (or −Inf when
// minimizing) candidate in row order, and panics on a malformed Sparse:
// Start decreasing, or a column out of range or out of order. In the same
// pass it sums the rows' largest finite magnitudes and returns the error of
// Problem.checkMagnitude, which Solve used to run first, in its place:
// when the sum passes maxCostSum at a row before any decrease of Start.
func validateSparse(p *Problem) error {
	sp := p.Candidates
	var mg magnitudes
	var first error // the first bad candidate, reported once every row is summed
	bad := -1       // its row, or the first row out of order (panics)
	for i := 0; i < sp.Rows; i++ {
		lo, hi := sp.Start[i], sp.Start[i+1]
		if lo > hi || hi > len(sp.Cost) {
			sparseStartPanic(sp) // Start decreases at this row or later
		}
		m, prev := 0.0, -1
		cols, costs := sp.Col[lo:hi], sp.Cost[lo:hi]
		for k, c := range costs {
			if a := math.Abs(c); a > m && a <= math.MaxFloat64 {
				m = a
			}
			j := cols[k]
			if bad < 0 {
				if j <= prev || j >= sp.Cols {
					bad = i
				} else if c != c || (c == math.Inf(-1) && !p.Maximize) {
					bad, first = i, &CostError{Row: i, Col: j, Value: c}
				}
			}
			prev = j
		}
		if err := mg.add(p.Unassigned, i, m); err != nil {
			return err
		}
	}
	if bad >= 0 && first == nil {
		sparseColPanic(sp, bad)
	}
	return first
}

// sparseStartPanic panics with the first decrease of sp.Start.
func sparseStartPanic(sp *Sparse) {
	for i := 0; i < sp.Rows; i++ {
		if sp.Start[i] > sp.Start[i+1] {
			panic(fmt.Sprintf("matching: malformed Sparse: Start[%d] = %d > Start[%d] = %d", i, sp.Start[i], i+1, sp.Start[i+1]))
		}
	}
	panic("matching: malformed Sparse: Start past the candidates") // unreachable after checkShape
}

// sparseColPanic panics with the first column of row i out of range or
// out of order.
func sparseColPanic(sp *Sparse, i int) {
	prev := -1
	for k := sp.Start[i]; k < sp.Start[i+1]; k++ {
		if j := sp.Col[k]; j <= prev || j >= sp.Cols {
			panic(fmt.Sprintf("matching: malformed Sparse: row %d lists column %d after %d (%d columns)", i, j, prev, sp.Cols))
		}
		prev = sp.Col[k]
	}
}

// reset sizes the buffers for rows rows and n columns and fills them.
func (w *sparseWorkspace) reset(p *Problem, rows, n int) {
	sp := p.Candidates
	w.start, w.col, w.cost = sp.Start, sp.Col, sp.Cost
	w.sign = 1
	if p.Maximize {
		w.sign = -1
	}
	w.rows, w.cols = rows, n
	w.out = w.out[:0]
	if p.Unassigned != nil {
		w.out = grow(w.out, rows)
		for i, c := range p.Unassigned {
			if cm, ok := p.minCost(c); ok {
				w.out[i] = cm
			} else {
				w.out[i] = math.Inf(1)
			}
		}
	}
	w.c = fill(w.c, n, sparseCol{state: colUnseen})
	w.d = grow(w.d, n)
	w.pred = fill(w.pred, n, -1)
	w.predCost = grow(w.predCost, n)
	w.head = fill(w.head, n, -1)
	w.capa = grow(w.capa, n)
	w.x = fill(w.x, rows, -1)
	w.rowCost = grow(w.rowCost, rows)
	w.next = fill(w.next, rows, -1)
	w.prev = fill(w.prev, rows, -1)
	w.heap = w.heap[:0]
	w.done = w.done[:0]
	w.touched = w.touched[:0]
	w.cBuilt = false
}

// release drops the references to the problem.
func (w *sparseWorkspace) release() {
	w.start, w.col, w.cost, w.out = nil, nil, nil, w.out[:0]
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

func fill[T any](s []T, n int, x T) []T {
	s = grow(s, n)
	for k := range s {
		s[k] = x
	}
	return s
}

// attach places row r into column j at minimization-form cost c.
func (w *sparseWorkspace) attach(r, j int32, c float64) {
	w.x[r] = j
	w.rowCost[r] = c
	h := w.head[j]
	w.next[r] = h
	w.prev[r] = -1
	if h >= 0 {
		w.prev[h] = r
	}
	w.head[j] = r
	w.c[j].room--
}

// detach removes row r from its column.
func (w *sparseWorkspace) detach(r int32) {
	j := w.x[r]
	if p := w.prev[r]; p >= 0 {
		w.next[p] = w.next[r]
	} else {
		w.head[j] = w.next[r]
	}
	if nx := w.next[r]; nx >= 0 {
		w.prev[nx] = w.prev[r]
	}
	w.x[r] = -1
	w.c[j].room++
}

// augment places root (a row not placed) by a shortest augmenting path and
// updates the potentials. It reports false when no augmenting path exists;
// the search state (finalized columns in w.done) is then kept for the
// witness.
func (w *sparseWorkspace) augment(root int32) bool {
	w.sinkD, w.sinkKey = math.Inf(1), math.MaxInt
	w.scans = 1
	w.scan(root, 0)
	w.dijkstra()
	if w.sinkD == math.Inf(1) {
		return false
	}
	// Potentials: v[j] += d[j] − dSink on the finalized columns.
	for _, j := range w.done {
		w.c[j].v += w.d[j] - w.sinkD
	}
	w.augmentPath(w.sinkKey)
	w.finishSearch()
	return true
}

// dijkstra finalizes labelled columns in (distance, index) order, scanning
// the rows they hold, until the best sink is found.
func (w *sparseWorkspace) dijkstra() {
	for len(w.heap) > 0 {
		if w.sinkD <= w.heap[0].d {
			break // a free seat at the lowest distance left ends the search
		}
		j := w.pop()
		cj := &w.c[j]
		cj.state = colFinal
		w.done = append(w.done, j)
		dj, vj := w.d[j], cj.v
		for r := w.head[j]; r >= 0; r = w.next[r] {
			w.scans++
			// Row r is reached at distance dj with u[r] = rowCost[r] − v[j].
			w.scan(r, dj-(w.rowCost[r]-vj))
		}
	}
}

// scan relaxes the options of row r, reached at distance base + u[r], by
// groups, split lists or in full.
func (w *sparseWorkspace) scan(r int32, base float64) {
	switch {
	case w.grouped:
		w.scanRowGroups(r, base)
	case w.prune:
		w.scanRowPruned(r, base)
	default:
		w.scanRow(r, base)
	}
}

// augmentPath shifts every row of the search path ending at key one column
// along: the sink column (or way out) takes its predecessor row, and so on
// back to the root, which is placed.
func (w *sparseWorkspace) augmentPath(key int) {
	var j int32
	if key >= w.cols {
		r := int32(key - w.cols)
		if w.x[r] < 0 {
			return // the root stays out: nothing moves
		}
		j = w.x[r]
		w.detach(r)
	} else {
		j = int32(key)
	}
	for {
		r := w.pred[j]
		c := w.predCost[j]
		old := w.x[r]
		if old >= 0 {
			if w.prune {
				// The column left becomes an option of r: keep sec[r]
				// a lower bound on its options but its own.
				w.sec[r] = min(w.sec[r], w.rowCost[r]-w.c[old].v)
			}
			w.detach(r)
		}
		w.attach(r, j, c)
		if old < 0 {
			return
		}
		j = old
	}
}

// finishSearch resets the per-search column state.
func (w *sparseWorkspace) finishSearch() {
	for _, j := range w.touched {
		w.c[j].state = colUnseen
	}
	w.touched = w.touched[:0]
	w.done = w.done[:0]
	w.heap = w.heap[:0]
	if w.grouped {
		w.groups.endSearch()
	}
}

// greedy places root directly when its cheapest option (lowest reduced
// cost, then lowest column index, private way out last) is free.
func (w *sparseWorkspace) greedy(root int32) bool {
	best, bestJ, bestC := math.Inf(1), int32(-1), 0.0
	for k := w.start[root]; k < w.start[root+1]; k++ {
		c := w.sign * w.cost[k]
		if c > math.MaxFloat64 || c < -math.MaxFloat64 {
			continue
		}
		j := int32(w.col[k])
		if w.c[j].state == colDead {
			continue
		}
		if r := c - w.c[j].v; r < best {
			best, bestJ, bestC = r, j, c
		}
	}
	if j := w.shared; j >= 0 && w.c[j].state != colDead {
		if r := -w.c[j].v; r < best {
			best, bestJ, bestC = r, j, 0
		}
	}
	if len(w.out) > 0 && w.out[root] < best {
		return true // stays out: nothing moves, no potential changes
	}
	if bestJ < 0 || w.c[bestJ].room <= 0 {
		return false
	}
	w.attach(root, bestJ, bestC)
	return true
}

// scanRow relaxes the options of row r, reached at distance base + u[r]
// (base = distance − u[r]). This is the solver's inner loop.
func (w *sparseWorkspace) scanRow(r int32, base float64) {
	lo, hi := w.start[r], w.start[r+1]
	cols := w.col[lo:hi]
	costs := w.cost[lo:hi]
	costs = costs[:len(cols)]
	cs := w.c
	sign := w.sign
	for k, j := range cols {
		c := sign * costs[k]
		if c > math.MaxFloat64 || c < -math.MaxFloat64 {
			continue // forbidden
		}
		cj := &cs[j]
		st := cj.state
		if st <= colFinal {
			continue // finalized or dead
		}
		nd := base + c - cj.v
		if cj.room > 0 { // free: a sink candidate
			if st == colUnseen {
				cj.state = colSink
				w.touched = append(w.touched, int32(j))
			} else if nd >= w.d[j] {
				continue
			}
			w.d[j], w.pred[j], w.predCost[j] = nd, r, c
			if nd < w.sinkD || (nd == w.sinkD && j < w.sinkKey) {
				w.sinkD, w.sinkKey = nd, j
			}
			continue
		}
		if nd >= w.sinkD {
			continue // cannot be finalized before the sink: no label needed
		}
		if st == colUnseen {
			w.d[j], w.pred[j], w.predCost[j] = nd, r, c
			w.touched = append(w.touched, int32(j))
			w.push(int32(j), nd)
		} else if nd < w.d[j] {
			w.d[j], w.pred[j], w.predCost[j] = nd, r, c
			w.up(int(st), nd)
		}
	}
	if w.shared >= 0 {
		w.relaxShared(r, base)
	}
	if len(w.out) > 0 {
		w.offerOut(r, base)
	}
}

// offerOut offers row r's private way out, reached from base, as a sink. On
// equal distance it ranks after every real column (its key is cols + r).
func (w *sparseWorkspace) offerOut(r int32, base float64) {
	nd := base + w.out[r]
	if key := w.cols + int(r); nd < w.sinkD || (nd == w.sinkD && key < w.sinkKey) {
		w.sinkD, w.sinkKey = nd, key
	}
}

// relaxShared offers the shared virtual column to row r (cost 0).
func (w *sparseWorkspace) relaxShared(r int32, base float64) {
	j := w.shared
	cj := &w.c[j]
	st := cj.state
	if st <= colFinal {
		return
	}
	nd := base - cj.v
	if cj.room > 0 {
		if st == colUnseen {
			cj.state = colSink
			w.touched = append(w.touched, j)
		} else if nd >= w.d[j] {
			return
		}
		w.d[j], w.pred[j], w.predCost[j] = nd, r, 0
		if nd < w.sinkD || (nd == w.sinkD && int(j) < w.sinkKey) {
			w.sinkD, w.sinkKey = nd, int(j)
		}
		return
	}
	if nd >= w.sinkD {
		return
	}
	if st == colUnseen {
		w.d[j], w.pred[j], w.predCost[j] = nd, r, 0
		w.touched = append(w.touched, j)
		w.push(j, nd)
	} else if nd < w.d[j] {
		w.d[j], w.pred[j], w.predCost[j] = nd, r, 0
		w.up(int(st), nd)
	}
}

// The heap is 4-ary, ordered by (d, j); a column's position is its state.

func heapLess(a, b sparseHeapItem) bool {
	return a.d < b.d || (a.d == b.d && a.j < b.j)
}

func (w *sparseWorkspace) push(j int32, d float64) {
	w.heap = append(w.heap, sparseHeapItem{d, j})
	w.up(len(w.heap)-1, d)
}

// up moves the entry at position k, whose key is now d, towards the root.
func (w *sparseWorkspace) up(k int, d float64) {
	h, cs := w.heap, w.c
	h[k].d = d
	it := h[k]
	for k > 0 {
		p := (k - 1) / 4
		if !heapLess(it, h[p]) {
			break
		}
		h[k] = h[p]
		cs[h[k].j].state = int32(k)
		k = p
	}
	h[k] = it
	cs[it.j].state = int32(k)
}

func (w *sparseWorkspace) pop() int32 {
	h, cs := w.heap, w.c
	top := h[0].j
	n := len(h) - 1
	it := h[n]
	w.heap = h[:n]
	if n == 0 {
		return top
	}
	h = h[:n]
	k := 0
	for {
		c := 4*k + 1
		if c >= n {
			break
		}
		m := c
		for e := c + 1; e < min(c+4, n); e++ {
			if heapLess(h[e], h[m]) {
				m = e
			}
		}
		if !heapLess(h[m], it) {
			break
		}
		h[k] = h[m]
		cs[h[k].j].state = int32(k)
		k = m
	}
	h[k] = it
	cs[it.j].state = int32(k)
	return top
}

// minExcept returns the lowest reduced cost c[i][j] − v[j] over row i's
// candidates other than column skip, or +Inf.
func (w *sparseWorkspace) minExcept(i, skip int32) float64 {
	best := math.Inf(1)
	for k := w.start[i]; k < w.start[i+1]; k++ {
		c := w.sign * w.cost[k]
		if c > math.MaxFloat64 || c < -math.MaxFloat64 {
			continue
		}
		j := int32(w.col[k])
		if j == skip {
			continue
		}
		if r := c - w.c[j].v; r < best {
			best = r
		}
	}
	return best
}

// twoBest returns the lowest and second lowest reduced costs of row i in
// (reduced cost, column) order, with their columns (-1 when missing) and
// minimization-form costs. Row i's way out, when it has one, counts as
// column sparseOutKey, after every real column on ties.
func (w *sparseWorkspace) twoBest(i int32) (u1 float64, j1 int32, c1, u2 float64, j2 int32, c2 float64) {
	u1, u2 = math.Inf(1), math.Inf(1)
	j1, j2 = -1, -1
	for k := w.start[i]; k < w.start[i+1]; k++ {
		c := w.sign * w.cost[k]
		if c > math.MaxFloat64 || c < -math.MaxFloat64 {
			continue
		}
		j := int32(w.col[k])
		if w.c[j].state == colDead {
			continue
		}
		r := c - w.c[j].v
		if r < u1 {
			u2, j2, c2 = u1, j1, c1
			u1, j1, c1 = r, j, c
		} else if r < u2 {
			u2, j2, c2 = r, j, c
		}
	}
	if len(w.out) > 0 {
		if o := w.out[i]; o < u1 {
			u2, j2, c2 = u1, j1, c1
			u1, j1, c1 = o, sparseOutKey, o
		} else if o < u2 {
			u2, j2, c2 = o, sparseOutKey, o
		}
	}
	return
}

// sparseOutKey stands for a row's way out in augmenting row reduction.
const sparseOutKey int32 = -2

// initSquare runs the Jonker–Volgenant initialization for a square problem
// with one seat per column in which every row must be placed: column
// reduction, reduction transfer and sparseARRPasses passes of augmenting row
// reduction.
// It appends the rows left free, ascending, to free and returns it.
func (w *sparseWorkspace) initSquare(free []int32) []int32 {
	n := w.rows
	inf := math.Inf(1)
	cs := w.c
	// Column reduction: v[j] = min over rows of c[i][j], lowest row on ties.
	for j := 0; j < n; j++ {
		cs[j].v = inf
	}
	for i := 0; i < n; i++ {
		for k := w.start[i]; k < w.start[i+1]; k++ {
			c := w.sign * w.cost[k]
			if c > math.MaxFloat64 || c < -math.MaxFloat64 {
				continue
			}
			if j := w.col[k]; c < cs[j].v {
				cs[j].v, w.pred[j] = c, int32(i)
			}
		}
	}
	matches := w.prev // a per-row count; reset to -1 below
	for i := 0; i < n; i++ {
		matches[i] = 0
	}
	for j := 0; j < n; j++ {
		if cs[j].v == inf {
			cs[j].v = 0 // no candidates: never reached
			continue
		}
		i := w.pred[j]
		matches[i]++
		if w.x[i] < 0 {
			w.x[i] = int32(j) // attached below, once matches is no longer needed
			w.rowCost[i] = cs[j].v
		}
	}
	// Reduction transfer: a row that is the minimum of exactly one column
	// lowers that column's potential until its second best is as cheap.
	for i := 0; i < n; i++ {
		if matches[i] == 1 {
			j1 := w.x[i]
			if mu := w.minExcept(int32(i), j1); mu < inf {
				cs[j1].v = w.rowCost[i] - mu
			}
		}
	}
	for i := 0; i < n; i++ {
		w.prev[i] = -1
	}
	for i := 0; i < n; i++ {
		if j := w.x[i]; j >= 0 {
			w.x[i] = -1
			w.attach(int32(i), j, w.rowCost[i])
		} else {
			free = append(free, int32(i))
		}
	}
	// Augmenting row reduction.
	for pass := 0; pass < sparseARRPasses && len(free) > 0; pass++ {
		free = w.rowReduction(free)
	}
	slices.Sort(free)
	return free
}

// rowReduction runs one pass of augmenting row reduction over the free
// rows: each takes its cheapest column, lowering that column's potential to
// its second best, and a row it displaces is handled next; a row whose way
// out is cheapest stays out. Only full columns' potentials are lowered, so
// the pass is valid wherever each column has at most one seat and there is
// no shared virtual column. It returns the rows still free.
func (w *sparseWorkspace) rowReduction(free []int32) []int32 {
	inf := math.Inf(1)
	next := w.free2[:0]
	limit := 4*w.rows + len(free) // a cap on chains of displacements
	steps := 0
	for _, i := range free {
		for {
			steps++
			u1, j1, c1, u2, j2, c2 := w.twoBest(i)
			if j1 == sparseOutKey {
				break // staying out is cheapest: settled, nothing moves
			}
			if j1 < 0 {
				next = append(next, i) // no options: the search reports it
				break
			}
			i0 := w.head[j1]
			if u2 == inf { // a single option: take it only if free
				if i0 < 0 {
					w.attach(i, j1, c1)
				} else {
					next = append(next, i)
				}
				break
			}
			if u1 < u2 {
				w.c[j1].v -= u2 - u1
			} else if i0 >= 0 {
				if j2 == sparseOutKey {
					break // as cheap as its taken best: stays out
				}
				j1, c1 = j2, c2
				i0 = w.head[j2]
			}
			if i0 >= 0 {
				w.detach(i0)
			}
			w.attach(i, j1, c1)
			if i0 < 0 {
				break
			}
			if u1 < u2 && steps < limit {
				i = i0
				continue
			}
			next = append(next, i0)
			break
		}
	}
	w.free2 = free[:0]
	return next
}

// witness builds the Hall witness of a failed search from root: the rows it
// scanned and the columns it finalized. With the shared virtual column
// (every seat must be filled) the witness is transposed: the columns the
// search never reached have more seats than rows that may take them.
func (w *sparseWorkspace) witness(p *Problem, root int32, rows, cols int) *InfeasibleError {
	defer w.finishSearch()
	e := &InfeasibleError{}
	if w.shared < 0 {
		e.Rows = append(e.Rows, int(root))
		for _, j := range w.done {
			e.Cols = append(e.Cols, int(j))
			e.Seats += int(w.capa[j])
			for r := w.head[j]; r >= 0; r = w.next[r] {
				e.Rows = append(e.Rows, int(r))
			}
		}
		slices.Sort(e.Rows)
		slices.Sort(e.Cols)
		return e
	}
	e.Transposed = true
	for j := 0; j < cols; j++ {
		if w.c[j].state != colFinal && w.capa[j] > 0 {
			e.Cols = append(e.Cols, j)
			e.Seats += int(w.capa[j])
		}
	}
	for r := 0; r < rows; r++ {
		if int32(r) == root || (w.x[r] >= 0 && w.c[w.x[r]].state == colFinal) {
			continue // scanned: all its candidates were finalized
		}
		for k := w.start[r]; k < w.start[r+1]; k++ {
			c := w.sign * w.cost[k]
			j := w.col[k]
			if c <= math.MaxFloat64 && c >= -math.MaxFloat64 && w.capa[j] > 0 && w.c[j].state != colFinal {
				e.Rows = append(e.Rows, r)
				break
			}
		}
	}
	return e
}

// result builds the Assignment from the final state: RowToCol, the cost in
// the problem's own sense, and the duals U (implicit until now) and V.
func (w *sparseWorkspace) result(p *Problem, rows, cols int) Assignment {
	a := Assignment{
		RowToCol: make([]int, rows),
		U:        make([]float64, rows),
		V:        make([]float64, cols),
	}
	shift := 0.0 // folds the shared virtual column's potential into U and V
	if w.shared >= 0 {
		shift = w.c[w.shared].v
	}
	obj := 0.0
	for i := 0; i < rows; i++ {
		j := w.x[i]
		switch {
		case j < 0: // out at its own cost (Unassigned set)
			a.RowToCol[i] = -1
			a.U[i] = w.out[i]
			obj += w.out[i]
		case j == w.shared:
			a.RowToCol[i] = -1
			a.U[i] = w.rowCost[i] - w.c[j].v + shift
		default:
			a.RowToCol[i] = int(j)
			a.U[i] = w.rowCost[i] - w.c[j].v + shift
			obj += w.rowCost[i]
		}
	}
	for j := 0; j < cols; j++ {
		if w.capa[j] > 0 {
			a.V[j] = w.c[j].v - shift
		}
	}
	a.Cost = w.sign * obj
	a.Bound = a.Cost
	return a
}

// rowMin returns the lowest reduced cost c[i][j] − v[j] over row i's
// candidates, or +Inf.
func (w *sparseWorkspace) rowMin(i int32) float64 {
	best := math.Inf(1)
	for k := w.start[i]; k < w.start[i+1]; k++ {
		c := w.sign * w.cost[k]
		if c > math.MaxFloat64 || c < -math.MaxFloat64 {
			continue
		}
		if r := c - w.c[w.col[k]].v; r < best {
			best = r
		}
	}
	return best
}

// backwardAfter returns the number of rows a forward search must scan for
// a square problem to switch to backward searches. On lap-ref gen-sparse
// instances (50,000 rows, 100 candidates a row) switching after a search of
// 1,000 rows halves the candidates read (88 million instead of 197 million)
// and later switches save less.
func (w *sparseWorkspace) backwardAfter(rows int) int {
	if w.backwardAt > 0 {
		return w.backwardAt
	}
	return max(1000, rows/50)
}

// solveBackward fills the remaining free columns of a square problem (one
// seat per column, every row placed), in ascending order, each by a search
// that ends at the nearest free row (lowest row index on ties); placed rows
// had been placed before, for Progress.
//
// It is the forward method on the transposed problem: row labels e, the
// rows a search finalizes get their potential lowered by E − e (through the
// columns they hold, whose v rises by E − e), and the root column's
// potential first rises to the largest value dual feasibility allows. Late
// in a solve the free columns are costly to enter from every row, so a
// forward search explores nearly every row before it reaches one; a search
// from such a column pays that cost on its first arc and stays smaller.
func (s *Solver) solveBackward(ctx context.Context, p *Problem, placed, total int) error {
	w := &s.ws.sparse
	w.buildColumns()
	w.re = grow(w.re, w.rows)
	w.rpredCost = grow(w.rpredCost, w.rows)
	w.rpred = grow(w.rpred, w.rows)
	w.bw = grow(w.bw, w.rows)
	for r := range w.bw {
		b := sparseRow{state: colUnseen, x: w.x[r]}
		if b.x >= 0 {
			b.u = w.rowCost[r] - w.c[b.x].v
		}
		w.bw[r] = b
	}
	w.rheap.rows = w.bw
	step := max(1, total/100)
	done := ctx.Done()
	for f := int32(0); f < int32(w.cols); f++ {
		if w.c[f].room <= 0 {
			continue
		}
		if done != nil {
			select {
			case <-done:
				return ctx.Err()
			default:
			}
		}
		s.stats.augmentations++
		ok := w.augmentBackward(f)
		s.stats.scans += w.scans
		if !ok {
			// Column f cannot be filled, so some free row cannot be
			// placed either: the forward search from it names the
			// witness.
			for r := int32(0); r < int32(w.rows); r++ {
				if w.x[r] < 0 {
					s.stats.augmentations++
					if !w.augment(r) {
						return w.witness(p, r, w.rows, w.cols)
					}
				}
			}
			panic("matching: internal error: an unfilled column but no unplaced row")
		}
		placed++
		if s.Progress != nil && placed%step == 0 {
			s.Progress(placed, total)
		}
	}
	return nil
}

// buildColumns builds the candidate lists by column: for column j, rows
// cRow[cStart[j]:cStart[j+1]] (ascending) at costs cCost[…], in
// minimization form with forbidden pairs left out. It costs 12 bytes per
// candidate and is built only for the backward searches.
func (w *sparseWorkspace) buildColumns() {
	if w.cBuilt {
		return
	}
	w.cBuilt = true
	n := w.cols
	w.cStart = fill(w.cStart, n+1, 0)
	m := 0
	for k, j := range w.col {
		if c := w.sign * w.cost[k]; c <= math.MaxFloat64 && c >= -math.MaxFloat64 {
			w.cStart[j+1]++
			m++
		}
	}
	for j := 0; j < n; j++ {
		w.cStart[j+1] += w.cStart[j]
	}
	w.cRow = grow(w.cRow, m)
	w.cCost = grow(w.cCost, m)
	at := append(w.rpred[:0], w.cStart[:n]...) // next slot per column
	for i := 0; i < w.rows; i++ {
		for k := w.start[i]; k < w.start[i+1]; k++ {
			c := w.sign * w.cost[k]
			if c > math.MaxFloat64 || c < -math.MaxFloat64 {
				continue
			}
			j := w.col[k]
			w.cRow[at[j]] = int32(i)
			w.cCost[at[j]] = c
			at[j]++
		}
	}
	w.rpred = at
}

// augmentBackward fills the free column f by a shortest path to a free
// row and updates the potentials. It reports false when no free row can be
// reached.
func (w *sparseWorkspace) augmentBackward(f int32) bool {
	inf := math.Inf(1)
	w.sinkD, w.sinkKey = inf, math.MaxInt
	w.scans = 0
	// Raise v[f] until one of its arcs is tight.
	vf := inf
	for k := w.cStart[f]; k < w.cStart[f+1]; k++ {
		r := w.cRow[k]
		b := &w.bw[r]
		if b.x < 0 && b.state == colUnseen {
			b.u = w.rowMin(r)
			w.re[r] = inf
			b.state = colSink
			w.rtouched = append(w.rtouched, r)
		}
		vf = min(vf, w.cCost[k]-b.u)
	}
	if vf == inf {
		w.finishBackward()
		return false
	}
	w.c[f].v = vf
	w.scanColumn(f, 0)
	for len(w.rheap.items) > 0 {
		if w.sinkD <= w.rheap.items[0].d {
			break
		}
		q := w.rheap.pop()
		w.bw[q].state = colFinal
		w.rdone = append(w.rdone, q)
		w.scans++
		w.scanColumn(w.bw[q].x, w.re[q])
	}
	if w.sinkD == inf {
		w.finishBackward()
		return false
	}
	dSink := w.sinkD
	for _, q := range w.rdone {
		w.c[w.bw[q].x].v += dSink - w.re[q]
		w.bw[q].u -= dSink - w.re[q]
	}
	w.c[f].v += dSink
	for r := int32(w.sinkKey); ; {
		j := w.rpred[r]
		c := w.rpredCost[r]
		q := int32(-1)
		if j != f {
			q = w.head[j]
			w.detach(q)
		}
		w.attach(r, j, c)
		w.bw[r].x, w.bw[r].u = j, c-w.c[j].v
		if q < 0 {
			break
		}
		r = q
	}
	w.finishBackward()
	return true
}

// scanColumn relaxes the rows of column j, reached at distance base.
func (w *sparseWorkspace) scanColumn(j int32, base float64) {
	lo, hi := w.cStart[j], w.cStart[j+1]
	rowsOf := w.cRow[lo:hi]
	costs := w.cCost[lo:hi]
	costs = costs[:len(rowsOf)]
	base -= w.c[j].v
	bw := w.bw
	for k, r := range rowsOf {
		b := &bw[r]
		st := b.state
		if st <= colFinal {
			continue
		}
		c := costs[k]
		if b.x < 0 { // a free row: a sink candidate
			if st == colUnseen {
				b.u = w.rowMin(r)
				w.re[r] = math.Inf(1)
				b.state = colSink
				w.rtouched = append(w.rtouched, r)
			}
			nd := base + c - b.u
			if nd < w.re[r] {
				w.re[r], w.rpred[r], w.rpredCost[r] = nd, j, c
				if nd < w.sinkD || (nd == w.sinkD && int(r) < w.sinkKey) {
					w.sinkD, w.sinkKey = nd, int(r)
				}
			}
			continue
		}
		nd := base + c - b.u
		if nd >= w.sinkD {
			continue // cannot be finalized before the sink
		}
		if st == colUnseen {
			w.re[r], w.rpred[r], w.rpredCost[r] = nd, j, c
			w.rtouched = append(w.rtouched, r)
			w.rheap.push(r, nd)
		} else if nd < w.re[r] {
			w.re[r], w.rpred[r], w.rpredCost[r] = nd, j, c
			w.rheap.decrease(r, nd)
		}
	}
}

// finishBackward resets the per-search row state.
func (w *sparseWorkspace) finishBackward() {
	for _, r := range w.rtouched {
		w.bw[r].state = colUnseen
	}
	w.rtouched = w.rtouched[:0]
	w.rdone = w.rdone[:0]
	w.rheap.items = w.rheap.items[:0]
}

// sparseRowHeap is a 4-ary min-heap of labelled rows ordered by (d, row);
// each row's position is kept in its sparseRow state.
type sparseRowHeap struct {
	items []sparseHeapItem
	rows  []sparseRow // rows[r].state holds r's position
}

func (h *sparseRowHeap) push(r int32, d float64) {
	h.items = append(h.items, sparseHeapItem{d, r})
	h.up(len(h.items) - 1)
}

// decrease lowers the key of r, which is in the heap, to d.
func (h *sparseRowHeap) decrease(r int32, d float64) {
	k := h.rows[r].state
	h.items[k].d = d
	h.up(int(k))
}

func (h *sparseRowHeap) up(k int) {
	items, rows := h.items, h.rows
	it := items[k]
	for k > 0 {
		p := (k - 1) / 4
		if !heapLess(it, items[p]) {
			break
		}
		items[k] = items[p]
		rows[items[k].j].state = int32(k)
		k = p
	}
	items[k] = it
	rows[it.j].state = int32(k)
}

func (h *sparseRowHeap) pop() int32 {
	items, rows := h.items, h.rows
	top := items[0].j
	n := len(items) - 1
	it := items[n]
	h.items = items[:n]
	if n == 0 {
		return top
	}
	items = items[:n]
	k := 0
	for {
		c := 4*k + 1
		if c >= n {
			break
		}
		m := c
		for e := c + 1; e < min(c+4, n); e++ {
			if heapLess(items[e], items[m]) {
				m = e
			}
		}
		if !heapLess(items[m], it) {
			break
		}
		items[k] = items[m]
		rows[items[k].j].state = int32(k)
		k = m
	}
	items[k] = it
	rows[it.j].state = int32(k)
	return top
}

// augmentRow places row r of p (rows × cols) by a forward search, after
// checking done: it returns ctx.Err() when ctx is cancelled, and the Hall
// witness (an *InfeasibleError) when r cannot be placed.
func (s *Solver) augmentRow(ctx context.Context, done <-chan struct{}, p *Problem, r int32, rows, cols int) error {
	if done != nil {
		select {
		case <-done:
			return ctx.Err()
		default:
		}
	}
	w := &s.ws.sparse
	s.stats.augmentations++
	ok := w.augment(r)
	s.stats.scans += w.scans
	if !ok {
		return w.witness(p, r, rows, cols)
	}
	return nil
}
