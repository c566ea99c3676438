package matching

import (
	"context"
	"errors"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// This file solves dense problems with shortest augmenting paths on dual
// potentials (Jonker & Volgenant 1987; Crouse 2016 for rectangular
// problems), written from the papers.
//
// Model. Costs are read in their minimization form c' (negated when
// maximizing; every ±Inf and, when minimizing, +Inf is forbidden). Column j
// offers room[j] free seats. Two kinds of virtual column are never stored in
// the matrix:
//   - a private "stay out" column for each row i when Unassigned is set, of
//     cost out[i] and potential fixed at 0;
//   - with Unassigned nil and more rows than seats, one shared dummy column
//     (index cols) of cost 0 for every row and R − S seats, so that every
//     real seat ends up filled. Its potential is folded into U and V at the
//     end so that U[i] ≤ 0, as Certify expects. All rows seated in it have
//     the same distance offset, so a search relaxes them as one row: the
//     column-wise minimum of their costs (dm), kept up to date as rows join
//     and leave.
//
// Columns without seats, and the columns already scanned in a search, hold
// v = −Inf so that every reduced cost to them is +Inf: the loops sweep all
// columns in order without testing a flag.
//
// Invariant between searches: every placed row i is tight in its column
// (u[i] = c'[i][x[i]] − v[x[i]], or out[i] when it stays out) and
// u[i] + v[j] ≤ c'[i][j] on every allowed pair. Row potentials are implicit.
// A search from a free row is Dijkstra's algorithm on reduced costs over the
// columns: reaching a full column leads to every row seated in it, and the
// search ends at the first column, at the minimum distance, that has a free
// seat (or at a row's stay-out option). Only columns that were full when
// scanned get their potential lowered, so starting from v = 0, v[j] ≤ 0
// always and v[j] = 0 on every column that is not full, as the rectangular
// and partial cases require (Crouse 2016).
//
// The relaxation loop is the hot spot: one sweep over a cost row per scanned
// row, keeping only distances (a branch-free minimum). Predecessors are
// recovered after the search for the columns of the augmenting path alone
// (predOf). Rows identical to a row already relaxed in the same search at a
// larger or equal offset cannot lower any distance and are skipped
// (findRowClasses, dominated).
//
// Initialization:
//   - square, one seat per column, Unassigned nil (no sign conditions): column
//     reduction, reduction transfer and augmenting row reduction (Jonker &
//     Volgenant 1987);
//   - one seat per column otherwise: augmenting row reduction from v = 0, which
//     lowers a potential only on the column it fills, so the sign conditions
//     hold;
//   - seats or the shared dummy column: each row takes its cheapest column if
//     it has a free seat (v stays 0).
//
// Costs are validated in row-major order before any work, in the pass that
// finds the row classes (findRowClasses: each row is compared while it is in
// cache), except that problems starting with augmenting row reduction from
// v = 0 validate each row when the first pass reaches it (rows in ascending
// order), which saves one pass over the matrix. With row classes found
// first, column reduction reads one row per class and the greedy start
// reuses each class's columns at the minimum (classMin).
//
// Augmenting row reduction can cycle on tied costs; the total number of its
// steps is capped (arrStepsPerRow per free row and pass), after which the
// remaining rows go to the shortest path phase.

const (
	rowFree = -1 // x[i]: row not placed yet
	rowOut  = -2 // x[i]: row stays out (its private virtual column)

	dummyRows = -2 // scanI: the rows of the shared dummy column, relaxed as one

	arrPasses      = 2 // augmenting row reduction passes (Jonker & Volgenant use 2)
	arrStepsPerRow = 4 // cap on augmenting row reduction steps per free row and pass
)

// denseWorkspace holds the dense solver's buffers; every slice is O(rows +
// cols) except copyBuf, which holds a copy of a cost matrix that is not a
// *mat.Dense.
type denseWorkspace struct {
	copyBuf []float64

	// The problem, read in place.
	data       []float64 // row-major costs, row i at data[i*stride:]
	stride     int
	rows, cols int
	sign       float64 // +1 minimizing, −1 maximizing
	maximize   bool
	checked    bool       // maximizing with some +Inf cell: the fast loops cannot negate blindly
	unassigned []float64  // the problem's Unassigned, for the magnitudes
	mag        magnitudes // the rows validated so far (validRow)
	out        []float64  // stay-out cost of each row in minimization form (+Inf: must place); nil when Unassigned is nil
	outBuf     []float64
	hasDummy   bool // the shared dummy column (index cols) exists

	// With the shared dummy column, the cheapest cost of each column over
	// the rows seated in the dummy, and the lowest such row: its rows all
	// have the same distance offset, so a search relaxes them as one row.
	dm    []float64
	dmArg []int32
	dmK   []int32

	// Columns, indexed 0..cols (cols is the shared dummy).
	v    []float64 // potentials
	d    []float64 // search distances
	pred []int32   // position in ready of a scanned column; row the dummy was reached from
	room []int32   // free seats
	head []int32   // first row seated in the column, -1 when none

	// Rows.
	x    []int32 // column of each row, rowFree or rowOut
	next []int32 // next row in the same column
	prev []int32 // previous row in the same column

	seats  []int32   // seats of each column, at most rows
	ready  []int32   // columns scanned in the current search
	readyD []float64 // their distances
	readyV []float64 // their potentials, while v holds −Inf to skip them
	readyN []int32   // rows scanned before each of them was scanned
	scanI  []int32   // rows scanned in the current search, in order
	scanU  []float64 // their distance offsets
	free   []int32   // rows left to place

	// Rows equal up to a constant (shift[i]; 0 unless costs are integers),
	// found when they are common: cls[i] is row i's class, -1 when unique;
	// nil when unused.
	cls      []int32
	shift    []float64
	clsBuf   []int32
	clsMax   []float64 // largest distance offset relaxed per class in this search
	clsStamp []int32   // search that set clsMax (or clsRep)
	clsRep   []int32   // dmRemove: the row read for each class
	stamp    int32
	keys     []rowKey
	runOf    []int32   // findRowClasses: each row's run of equal prefix hashes
	leads    []int32   // the first row of each class found so far, rowClassLeads a run
	leadN    []int32   // their number in each run
	clsU     []float64 // initGreedy: per class, the minimum reduced cost less the shift
	clsCols  []int32   // its lowest columns at the minimum, greedyClassCols a class
	clsColN  []int32   // their number, -1 when there are more
	clsDm    []float64 // the smallest shift of the class's rows in the dummy, +Inf if none

	colMin []float64 // column reduction
	colArg []int32
	count  []int32
}

// growDense returns s resized to n, reallocating only when its capacity is
// too small; the contents are not cleared.
func growDense[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// row returns the cost row i (raw values, not in minimization form).
func (w *denseWorkspace) row(i int32) []float64 {
	o := int(i) * w.stride
	return w.data[o : o+w.cols]
}

// at returns c'[i][j] in minimization form, +Inf when the pair is forbidden.
func (w *denseWorkspace) at(i, j int32) float64 {
	return w.conv(w.data[int(i)*w.stride+int(j)])
}

// conv converts a raw cost into minimization form, +Inf when forbidden.
func (w *denseWorkspace) conv(c float64) float64 {
	inf := math.Inf(1)
	if w.sign < 0 {
		if c == inf {
			return inf
		}
		return -c // −Inf becomes +Inf: forbidden
	}
	return c
}

func (s *Solver) solveDense(ctx context.Context, p *Problem) (Assignment, error) {
	s.stats = stats{}
	rows, cols := p.Cost.Dims()
	if err := ctx.Err(); err != nil {
		if merr := p.checkMagnitude(rows, cols); merr != nil {
			return Assignment{}, merr // as if checked before the context
		}
		return Assignment{}, err
	}
	w := &s.ws.dense
	defer w.release()
	seats := p.totalSeats(cols)
	unit := true
	for j := 0; j < cols && unit; j++ {
		unit = p.seats(j) <= 1
	}
	w.hasDummy = p.Unassigned == nil && rows > seats
	square := unit && p.Unassigned == nil && rows == cols && seats == cols
	reduce := unit && !w.hasDummy && !square
	// Problems that start with row reduction validate each row when the
	// first reduction pass reaches it, in ascending order: one pass over
	// the matrix fewer. So does the selection of candidate lists.
	force := s.ws.sparse.cand.always
	tryCand := force || (rows >= cols && cols >= candMinRows && p.Unassigned == nil && unitSeats(p))
	s.ws.sparse.cand.rounds = 0
	// Problems that start otherwise validate their rows in one pass that
	// also finds the row classes (findRowClasses), after the selection of
	// candidate lists when that is tried.
	if err := w.load(p, rows, cols, false); err != nil {
		return Assignment{}, err
	}
	w.prepare(p, rows, cols, seats)
	classes := false // findRowClasses has run
	if tryCand {
		if w.candidatesFit(force) {
			// selectCandidates sums the magnitudes.
			a, err := s.solveDenseCandidates(ctx, p)
			if !errors.Is(err, errCandidates) {
				return a, err
			}
			s.stats = stats{}
		}
	}
	if !reduce {
		if err := w.findRowClasses(true); err != nil {
			return Assignment{}, err
		}
		classes = true
	}

	var free []int32
	var err error
	switch {
	case square:
		free = w.initSquare()
		free, _ = w.reduceRows(free, &s.stats, false)
	case reduce:
		free = w.free[:0]
		for i := range int32(rows) {
			free = append(free, i)
		}
		if free, err = w.reduceRows(free, &s.stats, true); err != nil {
			return Assignment{}, err
		}
	default:
		if w.hasDummy && unit && seats == cols {
			w.reduceColumns()
		}
		free = w.initGreedy()
	}
	if !classes {
		w.findRowClasses(false)
	}
	slices.Sort(free) // rows are augmented in ascending order

	placed := rows - len(free)
	step := max(1, len(free)/64)
	for k, f := range free {
		if err := ctx.Err(); err != nil {
			return Assignment{}, err
		}
		if err := w.augment(f, &s.stats); err != nil {
			return Assignment{}, err
		}
		if s.Progress != nil && (k+1)%step == 0 {
			s.Progress(placed+k+1, rows)
		}
	}
	if s.Progress != nil {
		s.Progress(rows, rows)
	}
	return w.result(p), nil
}

// load points the workspace at p's costs (copying them once unless they are
// a *mat.Dense) and, if validate is set, validates them in row-major order
// (see validRow).
func (w *denseWorkspace) load(p *Problem, rows, cols int, validate bool) error {
	inf := math.Inf(1)
	w.rows, w.cols = rows, cols
	w.sign = 1
	if p.Maximize {
		w.sign = -1
	}
	if d, ok := p.Cost.(*mat.Dense); ok && rows > 0 && cols > 0 {
		raw := d.RawMatrix()
		w.data, w.stride = raw.Data, raw.Stride
	} else {
		w.copyBuf = growDense(w.copyBuf, rows*cols)
		for i := range rows {
			row := w.copyBuf[i*cols : (i+1)*cols]
			for j := range row {
				row[j] = p.Cost.At(i, j)
			}
		}
		w.data, w.stride = w.copyBuf, cols
	}
	w.maximize, w.checked = p.Maximize, false
	w.unassigned, w.mag = p.Unassigned, magnitudes{}
	w.out = nil
	if p.Unassigned != nil {
		w.outBuf = growDense(w.outBuf, rows)
		w.out = w.outBuf
		for i, c := range p.Unassigned {
			if cm, ok := p.minCost(c); ok {
				w.out[i] = cm
			} else {
				w.out[i] = inf
			}
		}
	}
	if validate {
		for i := range int32(rows) {
			if err := w.validRow(i); err != nil {
				return err
			}
		}
	}
	return nil
}

// validRow checks row i: NaN, and −Inf when minimizing, are errors naming
// the first such cell; it notes whether a maximization has +Inf cells. It
// adds the row's largest finite magnitude to w.mag, so rows must come in
// ascending order, and returns the error of Problem.checkMagnitude first
// when the rows' magnitudes, all of them for a bad cell, sum too high.
func (w *denseWorkspace) validRow(i int32) error {
	row := w.row(i)
	m := 0.0
	if w.maximize {
		for j, c := range row {
			if c != c {
				return w.costError(&CostError{Row: int(i), Col: j, Value: c})
			}
			if c == math.Inf(1) {
				w.checked = true
			}
			if a := math.Abs(c); a > m {
				m = a
			}
		}
	} else {
		negInf := math.Inf(-1)
		for j, c := range row {
			if c != c || c == negInf {
				return w.costError(&CostError{Row: int(i), Col: j, Value: c})
			}
			if a := math.Abs(c); a > m {
				m = a
			}
		}
	}
	if m > math.MaxFloat64 {
		m = finiteMax(row) // forbidden cells are no magnitude
	}
	return w.mag.add(w.unassigned, int(i), m)
}

// costError returns err, found in the first row not yet in w.mag, unless
// the magnitudes of that row and the rows after it bring the sum too high:
// Solve reports that first, as Problem.checkMagnitude would.
func (w *denseWorkspace) costError(err error) error {
	for i := w.mag.next; i < w.rows; i++ {
		if merr := w.mag.add(w.unassigned, i, finiteMax(w.row(int32(i)))); merr != nil {
			return merr
		}
	}
	return err
}

// release drops the references to the caller's data.
func (w *denseWorkspace) release() {
	w.data, w.unassigned = nil, nil
}

// prepare sizes and resets the buffers: v = 0 (−Inf on columns without
// seats), every row free.
func (w *denseWorkspace) prepare(p *Problem, rows, cols, seats int) {
	n := cols + 1
	w.v = growDense(w.v, n)
	w.d = growDense(w.d, n)
	w.pred = growDense(w.pred, n)
	w.room = growDense(w.room, n)
	w.head = growDense(w.head, n)
	w.seats = growDense(w.seats, n)
	for j := range cols {
		c := int32(min(p.seats(j), rows))
		w.seats[j], w.room[j], w.head[j], w.v[j] = c, c, -1, 0
		if c == 0 {
			w.v[j] = math.Inf(-1)
		}
	}
	w.seats[cols], w.room[cols], w.head[cols], w.v[cols] = 0, 0, -1, 0
	if w.hasDummy {
		w.seats[cols] = int32(rows - seats)
		w.room[cols] = w.seats[cols]
		w.dm = growDense(w.dm, cols)
		w.dmArg = growDense(w.dmArg, cols)
		w.dmK = growDense(w.dmK, cols)[:0]
		for j := range cols {
			w.dm[j], w.dmArg[j] = math.Inf(1), -1
		}
	}
	w.cls = nil // found again by findRowClasses
	w.ready = growDense(w.ready, n)[:0]
	w.readyD = growDense(w.readyD, n)[:0]
	w.readyV = growDense(w.readyV, n)[:0]
	w.readyN = growDense(w.readyN, n)[:0]
	w.scanI = growDense(w.scanI, rows)[:0]
	w.scanU = growDense(w.scanU, rows)[:0]
	w.x = growDense(w.x, rows)
	w.next = growDense(w.next, rows)
	w.prev = growDense(w.prev, rows)
	w.free = growDense(w.free, rows)[:0]
	for i := range rows {
		w.x[i], w.next[i], w.prev[i] = rowFree, -1, -1
	}
}

// seat puts row i into column j's list.
func (w *denseWorkspace) seat(i, j int32) {
	w.link(i, j)
	if w.hasDummy && int(j) == w.cols {
		w.dmAdd(i)
	}
}

// link puts row i into column j's list, leaving dm as it is.
func (w *denseWorkspace) link(i, j int32) {
	w.x[i] = j
	h := w.head[j]
	w.next[i], w.prev[i] = h, -1
	if h >= 0 {
		w.prev[h] = i
	}
	w.head[j] = i
}

// unseat takes row i out of its column's list.
func (w *denseWorkspace) unseat(i int32) {
	j := w.x[i]
	n, pr := w.next[i], w.prev[i]
	if pr >= 0 {
		w.next[pr] = n
	} else {
		w.head[j] = n
	}
	if n >= 0 {
		w.prev[n] = pr
	}
	w.next[i], w.prev[i] = -1, -1
	w.x[i] = rowFree
	if w.hasDummy && int(j) == w.cols {
		w.dmRemove(i)
	}
}

// dmAdd accounts for row i joining the shared dummy column.
func (w *denseWorkspace) dmAdd(i int32) {
	dm, arg := w.dm, w.dmArg
	for k, c := range w.row(i) {
		if c = w.conv(c); c < dm[k] || (c == dm[k] && i < arg[k]) {
			dm[k], arg[k] = c, i
		}
	}
}

// dmRemove accounts for row i leaving the shared dummy column: the columns
// where it was the cheapest are recomputed over the remaining rows. With
// row classes (findRowClasses), only one row of each class is read: the one
// of smallest shift, the lowest on ties, whose costs are no larger than
// those of the others of its class in every column, and which wins their
// ties by index.
func (w *denseWorkspace) dmRemove(i int32) {
	dm, arg := w.dm, w.dmArg
	ks := w.dmK[:0]
	for k, a := range arg {
		if a == i {
			dm[k], arg[k] = math.Inf(1), -1
			ks = append(ks, int32(k))
		}
	}
	w.dmK = ks
	if len(ks) == 0 {
		return
	}
	if w.cls != nil {
		w.stamp++ // the searches' class marks are free between searches
		for r := w.head[w.cols]; r >= 0; r = w.next[r] {
			c := w.cls[r]
			if c < 0 {
				continue
			}
			if w.clsStamp[c] != w.stamp {
				w.clsStamp[c], w.clsRep[c] = w.stamp, r
				continue
			}
			if q := w.clsRep[c]; w.shift[r] < w.shift[q] || (w.shift[r] == w.shift[q] && r < q) {
				w.clsRep[c] = r
			}
		}
	}
	for r := w.head[w.cols]; r >= 0; r = w.next[r] {
		if w.cls != nil && w.cls[r] >= 0 && w.clsRep[w.cls[r]] != r {
			continue // another row of its class is no more expensive anywhere
		}
		row := w.row(r)
		if w.sign > 0 { // the common case, without conversion
			for _, k := range ks {
				if c := row[k]; c <= dm[k] && (c < dm[k] || r < arg[k]) {
					dm[k], arg[k] = c, r
				}
			}
			continue
		}
		for _, k := range ks {
			if c := w.conv(row[k]); c < dm[k] || (c == dm[k] && r < arg[k]) {
				dm[k], arg[k] = c, r
			}
		}
	}
}

// initSquare runs Jonker & Volgenant's column reduction and reduction
// transfer on a square problem with one seat per column and returns the rows
// left free, ascending. Each column's potential becomes its minimum cost and
// it takes its cheapest row (the lowest on ties) if that row is still free,
// columns taken in ascending order. A row that is the cheapest of exactly one
// column then moves that column's slack onto itself: v of its column drops
// by the row's second smallest reduced cost.
func (w *denseWorkspace) initSquare() []int32 {
	inf := math.Inf(1)
	rows, cols := w.rows, w.cols
	w.colMin = growDense(w.colMin, cols)
	w.colArg = growDense(w.colArg, cols)
	w.count = growDense(w.count, rows)
	colMin, colArg := w.colMin, w.colArg
	for j := range cols {
		colMin[j], colArg[j] = inf, -1
	}
	for i := range int32(rows) {
		w.count[i] = 0
		row := w.row(i)
		colMin, colArg := colMin[:len(row)], colArg[:len(row)]
		if w.sign > 0 {
			for j, c := range row {
				if c < colMin[j] {
					colMin[j], colArg[j] = c, i
				}
			}
			continue
		}
		for j, c := range row {
			if c = w.conv(c); c < colMin[j] {
				colMin[j], colArg[j] = c, i
			}
		}
	}
	for j := range int32(cols) {
		i := colArg[j]
		if i < 0 {
			continue // no allowed row: the search reports it
		}
		w.v[j] = colMin[j]
		w.count[i]++
		if w.x[i] == rowFree {
			w.seat(i, j)
			w.room[j] = 0
		}
	}
	for i := range int32(rows) {
		j1 := w.x[i]
		if j1 < 0 || w.count[i] != 1 {
			continue
		}
		mu := inf
		for j, c := range w.row(i) {
			if int32(j) != j1 {
				if h := w.conv(c) - w.v[j]; h < mu {
					mu = h
				}
			}
		}
		if mu < inf {
			w.v[j1] -= mu
		}
	}
	free := w.free[:0]
	for i := range int32(rows) {
		if w.x[i] == rowFree {
			free = append(free, i)
		}
	}
	return free
}

// rowMin returns the two smallest reduced costs c'[i][j] − v[j] of row i,
// u1 ≤ u2, at columns j1 and j2 (the lowest indices on ties, -1 when +Inf),
// and free1, the lowest column with a free seat at reduced cost u1 (-1 if
// none).
func (w *denseWorkspace) rowMin(i int32) (u1, u2 float64, j1, j2, free1 int32) {
	inf := math.Inf(1)
	u1, u2, j1, j2, free1 = inf, inf, -1, -1, -1
	row := w.row(i)
	v, room := w.v[:len(row)], w.room[:len(row)]
	if w.sign > 0 { // the common case, without conversion
		for j, c := range row {
			h := c - v[j]
			if h < u2 {
				if h < u1 {
					u2, j2 = u1, j1
					u1, j1, free1 = h, int32(j), -1
					if room[j] > 0 {
						free1 = int32(j)
					}
					continue
				}
				u2, j2 = h, int32(j)
			}
			if h == u1 && free1 < 0 && room[j] > 0 { // costs are never NaN
				free1 = int32(j)
			}
		}
	} else {
		for j, c := range row {
			h := w.conv(c) - v[j]
			if h < u2 {
				if h < u1 {
					u2, j2 = u1, j1
					u1, j1, free1 = h, int32(j), -1
					if room[j] > 0 {
						free1 = int32(j)
					}
					continue
				}
				u2, j2 = h, int32(j)
			}
			if h == u1 && free1 < 0 && room[j] > 0 { // costs are never NaN
				free1 = int32(j)
			}
		}
	}
	if u1 == inf {
		free1 = -1
	}
	return u1, u2, j1, j2, free1
}

// reduceColumns sets each column's potential to its cheapest cost
// (column reduction, Jonker & Volgenant 1987) for a problem with more rows
// than seats in which every column is to be filled: every reduced cost
// stays ≥ 0, each column's cheapest row finds it tight, and initGreedy
// then seats those rows there and sends only the rows no column wants
// first to the shared dummy, instead of the first rows (the dummy, at
// cost 0, was cheapest at zero potentials). A column no row may take keeps
// potential 0.
func (w *denseWorkspace) reduceColumns() {
	v := w.v[:w.cols]
	for j := range v {
		v[j] = math.Inf(1)
	}
	reps := w.classReps()
	for i := range int32(w.rows) {
		if reps && w.cls[i] >= 0 && w.clsRep[w.cls[i]] != i {
			continue // its class's representative is no more expensive anywhere
		}
		for j, c := range w.row(i) {
			if c = w.conv(c); c < v[j] && c > math.Inf(-1) {
				v[j] = c
			}
		}
	}
	for j := range v {
		if math.IsInf(v[j], 1) {
			v[j] = 0
		}
	}
}

// classReps sets clsRep, when there are row classes, to the row of each
// class with the smallest shift, the lowest on ties: its costs are no larger
// than those of the others of its class in every column (exactly: shifts are
// used only on small integers). It reports whether there are row classes.
func (w *denseWorkspace) classReps() bool {
	if w.cls == nil {
		return false
	}
	w.stamp++ // the searches' class marks are free between searches
	for r := range int32(w.rows) {
		c := w.cls[r]
		if c < 0 {
			continue
		}
		if w.clsStamp[c] != w.stamp {
			w.clsStamp[c], w.clsRep[c] = w.stamp, r
		} else if w.shift[r] < w.shift[w.clsRep[c]] {
			w.clsRep[c] = r
		}
	}
	return true
}

// greedyClassCols is the most columns at a row's minimum that initGreedy
// keeps for its class.
const greedyClassCols = 32

// classMin returns rowMin's u1 and free1 for row i of class c, from what
// the first row of the class to get here left (its u1 less its shift and
// the lowest columns at its minimum): the reduced costs of rows of a class
// differ by their shifts, exactly, so their minima are in the same columns.
// Only initGreedy uses it, while the potentials stay as they are.
func (w *denseWorkspace) classMin(i, c int32) (u1 float64, free1 int32) {
	inf := math.Inf(1)
	set := w.clsCols[int(c)*greedyClassCols : (int(c)+1)*greedyClassCols]
	if w.clsStamp[c] != w.stamp {
		w.clsStamp[c] = w.stamp
		u1, _, _, _, free1 = w.rowMin(i)
		w.clsU[c] = u1 - w.shift[i]
		n := int32(0)
		if u1 < inf {
			v := w.v[:w.cols]
			for j, x := range w.row(i) {
				if w.conv(x)-v[j] == u1 {
					if n == greedyClassCols {
						n = -1 // more than kept
						break
					}
					set[n] = int32(j)
					n++
				}
			}
		}
		w.clsColN[c] = n
		return u1, free1
	}
	u1 = w.clsU[c] + w.shift[i]
	if u1 == inf {
		return u1, -1
	}
	n := w.clsColN[c]
	all := n >= 0 // set holds every column at the minimum
	if !all {
		n = greedyClassCols
	}
	for _, j := range set[:n] {
		if w.room[j] > 0 {
			return u1, j
		}
	}
	if !all {
		_, _, _, _, free1 = w.rowMin(i)
		return u1, free1
	}
	return u1, -1
}

// initGreedy seats each row, in ascending order, in its cheapest option with
// v = 0 if that option has a free seat: the lowest free column at the
// minimum, then the shared dummy (cost 0), then staying out. It returns the
// rows left free.
func (w *denseWorkspace) initGreedy() []int32 {
	free := w.free[:0]
	dummy := int32(w.cols)
	inf := math.Inf(1)
	if w.cls != nil {
		// Rows of a class share their columns at the minimum (classMin),
		// and a row joining the dummy after one of its class with no
		// larger shift (so a lower row, no more expensive anywhere)
		// leaves dm as it is.
		w.stamp++
		nc := len(w.clsStamp)
		w.clsU = growDense(w.clsU, nc)
		w.clsCols = growDense(w.clsCols, nc*greedyClassCols)
		w.clsColN = growDense(w.clsColN, nc)
		w.clsDm = growDense(w.clsDm, nc)
		for c := range w.clsDm {
			w.clsDm[c] = inf
		}
	}
	for i := range int32(w.rows) {
		var u1 float64
		var free1 int32
		c := int32(-1)
		if w.cls != nil {
			c = w.cls[i]
		}
		if c >= 0 {
			u1, free1 = w.classMin(i, c)
		} else {
			u1, _, _, _, free1 = w.rowMin(i)
		}
		switch {
		case free1 >= 0 && (!w.hasDummy || u1 <= 0) && (w.out == nil || u1 <= w.out[i]):
			w.room[free1]--
			w.seat(i, free1)
		case w.hasDummy && 0 < u1 && w.room[dummy] > 0 && (w.out == nil || 0 <= w.out[i]):
			w.room[dummy]--
			if c >= 0 && w.clsDm[c] <= w.shift[i] {
				w.link(i, dummy)
				break
			}
			w.seat(i, dummy)
			if c >= 0 {
				w.clsDm[c] = min(w.clsDm[c], w.shift[i])
			}
		case w.out != nil && w.out[i] < u1 && (!w.hasDummy || w.out[i] < 0):
			w.x[i] = rowOut
		default:
			free = append(free, i)
		}
	}
	return free
}

// reduceRows runs augmenting row reduction (Jonker & Volgenant 1987) on the
// free rows of a problem with at most one seat per column and returns the
// rows still free. Each step takes a free row with smallest reduced costs u1
// at column j1 and u2 at j2:
//   - u1 < u2: the row takes j1 and v[j1] drops by u2 − u1, so the row's two
//     best columns tie; j1's previous row, if any, is evicted and handled
//     next;
//   - u1 == u2: the row takes the lowest free column at u1 if there is one,
//     and otherwise stays free for the shortest path phase (no eviction, so
//     ties cannot make rows chase each other);
//   - the row's stay-out cost counts as a column after all others.
//
// Lowering v only on the column being filled keeps v ≤ 0 and v = 0 on empty
// columns when v starts at 0. Steps are capped per pass (arrStepsPerRow per
// free row).
//
// With validate set, free must hold every row in ascending order, and each
// row is validated (validRow) when the first pass reaches it, so the first
// invalid cell in row-major order is the one reported.
func (w *denseWorkspace) reduceRows(free []int32, st *stats, validate bool) ([]int32, error) {
	inf := math.Inf(1)
	next := int32(0) // with validate: rows below next are validated
	for pass := 0; pass < arrPasses && len(free) > 0; pass++ {
		limit := arrStepsPerRow*len(free) + 16
		k, kept := 0, 0 // free[:kept]: rows for the next pass; free[k:]: still to do
		for k < len(free) && limit > 0 {
			limit--
			st.arrSteps++
			i := free[k]
			k++
			for ; validate && next <= i; next++ {
				if err := w.validRow(next); err != nil {
					return nil, err
				}
			}
			u1, u2, j1, _, free1 := w.rowMin(i)
			if w.out != nil {
				switch o := w.out[i]; {
				case o < u1:
					w.x[i] = rowOut
					continue
				case o == u1 && o < inf && free1 < 0:
					w.x[i] = rowOut
					continue
				case o < u2:
					u2 = o
				}
			}

			switch {
			case u1 == inf:
				free[kept] = i // nothing allowed: the search reports it
				kept++
			case u1 == u2 && free1 >= 0, u2 == inf && free1 >= 0:
				w.room[free1] = 0
				w.seat(i, free1)
			case u1 < u2 && u2 < inf:
				w.v[j1] -= u2 - u1
				if i0 := w.head[j1]; i0 >= 0 {
					w.unseat(i0)
					k--
					free[k] = i0 // continue with the evicted row at once
				}
				w.room[j1] = 0
				w.seat(i, j1)
			default:
				free[kept] = i
				kept++
			}
		}
		kept += copy(free[kept:], free[k:])
		free = free[:kept]
	}
	if validate {
		for i := next; i < int32(w.rows); i++ { // rows the capped passes never reached
			if err := w.validRow(i); err != nil {
				return nil, err
			}
		}
	}
	return free, nil
}

// Search outcomes.
const (
	endNone = iota
	endCol
	endDummy
	endOut
)

// Relaxation loops, by how costs turn into minimization form.
const (
	loopMin     = iota // c
	loopMax            // −c, no +Inf cell
	loopChecked        // −c, +Inf cells forbidden
)

// loop returns the relaxation loop for the problem's costs.
func (w *denseWorkspace) loop() int {
	switch {
	case w.sign > 0:
		return loopMin
	case w.checked:
		return loopChecked
	}
	return loopMax
}

// augment places the free row f along a shortest augmenting path and
// updates the potentials.
func (w *denseWorkspace) augment(f int32, st *stats) error {
	inf := math.Inf(1)
	st.augmentations++
	dummy := int32(w.cols)
	v, d, pred, room := w.v, w.d, w.pred, w.room
	ready, readyD, readyV, readyN := w.ready[:0], w.readyD[:0], w.readyV[:0], w.readyN[:0]
	scanI, scanU := w.scanI[:0], w.scanU[:0]
	loop := w.loop()

	// The free row starts at distance offset 0: d[j] = c'[f][j] − v[j].
	st.scans++
	scanI, scanU = append(scanI, f), append(scanU, 0)
	w.stamp++
	w.dominated(f, 0)
	for j := range d[:w.cols] {
		d[j] = inf
	}
	best, bestJ, freeJ := denseRelax(loop, w.row(f), v, d, room, 0)
	st.sweeps++
	outVal, outRow := inf, int32(-1)
	if w.out != nil && w.out[f] < inf {
		outVal, outRow = w.out[f], f
	}
	dummyTodo := w.hasDummy
	if dummyTodo {
		d[dummy], pred[dummy] = -v[dummy], f
	}

	for {
		// The search ends at the nearest free seat; at equal distance a
		// free seat wins over scanning a full column, and the lowest
		// column wins, then the shared dummy, then staying out.
		endVal, endAt := inf, endNone
		if freeJ >= 0 {
			endVal, endAt = best, endCol
		}
		if dummyTodo && room[dummy] > 0 && d[dummy] < endVal {
			endVal, endAt = d[dummy], endDummy
		}
		if outRow >= 0 && outVal < endVal {
			endVal, endAt = outVal, endOut
		}
		scanVal, scanDummy := inf, false
		if bestJ >= 0 && freeJ < 0 {
			scanVal = best
		}
		if dummyTodo && room[dummy] == 0 && d[dummy] < scanVal {
			scanVal, scanDummy = d[dummy], true
		}
		if endVal <= scanVal {
			w.ready, w.readyD, w.readyV, w.readyN = ready, readyD, readyV, readyN
			w.scanI, w.scanU = scanI, scanU
			if endVal == inf {
				return w.infeasible(f)
			}
			for k, j := range ready {
				v[j] = readyV[k] + readyD[k] - endVal
			}
			switch endAt {
			case endCol:
				j := int32(freeJ)
				room[j]--
				w.flip(w.predOf(j, endVal, v[j], len(scanI)), j, f)
			case endDummy:
				room[dummy]--
				w.flip(pred[dummy], dummy, f)
			case endOut:
				j := w.x[outRow]
				if j >= 0 {
					w.unseat(outRow)
				}
				w.x[outRow] = rowOut
				if outRow != f {
					w.flip(w.pathPred(j), j, f)
				}
			}
			return nil
		}

		// Scan the nearest full column: every row seated in it.
		j := int32(bestJ)
		if scanDummy {
			j, dummyTodo = dummy, false
		}
		mu, vj := d[j], v[j]
		if j != dummy {
			pred[j] = int32(len(ready))
			v[j], d[j] = math.Inf(-1), inf // skipped by the sweeps from now on
		}
		ready, readyD, readyV = append(ready, j), append(readyD, mu), append(readyV, vj)
		readyN = append(readyN, int32(len(scanI)))
		if j == dummy {
			// Every row in the dummy sits at cost 0 with the same offset:
			// relax their column-wise minimum once.
			st.scans++
			u1 := -vj - mu
			scanI, scanU = append(scanI, dummyRows), append(scanU, u1)
			best, bestJ, freeJ = relaxMin(w.dm, v, d, room, u1)
			st.sweeps++
			continue
		}
		stale := true // best, bestJ and freeJ still count column j
		for i := w.head[j]; i >= 0; i = w.next[i] {
			st.scans++
			row := w.row(i)
			u1 := -vj - mu // u[i] − mu: the distance offset of row i
			if j != dummy {
				u1 += w.sign * row[j]
			}
			if w.dominated(i, u1) {
				st.skips++
			} else {
				scanI, scanU = append(scanI, i), append(scanU, u1)
				best, bestJ, freeJ = denseRelax(loop, row, v, d, room, u1)
				st.sweeps++
				stale = false
			}
			if dummyTodo {
				if h := -v[dummy] - u1; h < d[dummy] {
					d[dummy], pred[dummy] = h, i
				}
			}
			if w.out != nil {
				if h := w.out[i] - u1; h < outVal {
					outVal, outRow = h, i
				}
			}
		}
		if stale {
			// No distance changed: column j was the lowest one at the
			// minimum and had no free seat, nor does any other there.
			bestJ = nextAt(d[j+1:w.cols], best) + int(j) + 1
			if bestJ == int(j) {
				best, bestJ, freeJ = denseArgmin(d[:w.cols], room)
				st.sweeps++
			}
		}
	}
}

// dominated reports whether relaxing row i at distance offset u1 can be
// skipped because a row of its class was relaxed in this search at an offset
// at least as large, both taken relative to the rows' shifts (its distances
// are then no larger, column by column: c'[i][j] − shift[i] is the same for
// both rows), and records the offset otherwise.
func (w *denseWorkspace) dominated(i int32, u1 float64) bool {
	if w.cls == nil || w.cls[i] < 0 {
		return false
	}
	c := w.cls[i]
	u1 -= w.shift[i] // offsets of rows equal up to a constant compare after the shift
	if w.clsStamp[c] == w.stamp {
		if u1 <= w.clsMax[c] {
			return true
		}
		w.clsMax[c] = u1
		return false
	}
	w.clsStamp[c], w.clsMax[c] = w.stamp, u1
	return false
}

// nextAt returns the position of the first x in d, -1 if none.
func nextAt(d []float64, x float64) int {
	for k, dk := range d {
		if dk == x {
			return k
		}
	}
	return -1
}

// denseArgmin returns what denseRelax returns, without relaxing.
func denseArgmin(d []float64, room []int32) (best float64, bestJ, freeJ int) {
	inf := math.Inf(1)
	best, bestJ, freeJ = inf, -1, -1
	room = room[:len(d)]
	for j, dj := range d {
		if dj <= best {
			if dj < best {
				best, bestJ, freeJ = dj, j, -1
				if room[j] > 0 {
					freeJ = j
				}
			} else if freeJ < 0 && room[j] > 0 {
				freeJ = j
			}
		}
	}
	if best == inf {
		bestJ, freeJ = -1, -1
	}
	return best, bestJ, freeJ
}

// rowKey is a row's hash.
type rowKey struct {
	h uint64
	i int32
}

// findRowClasses groups rows that are equal up to a constant (identical
// rows, or scores of a few kinds of person, possibly plus a per-person term)
// when such rows make up at least half of the rows, so that a search can skip
// rows whose relaxation cannot lower any distance. A row's shift is its first
// finite cost; shifts are used only when every finite cost is an integer of
// magnitude below 2⁵⁰, so that shifted costs, distances and potentials stay
// exact, and are 0 otherwise (identical rows only). Rows are hashed on their
// first 16 finite costs (with their columns), which sorts them into runs of
// equal hashes; then each row, in ascending order, is compared exactly and in
// full with the first row of each class already found in its run (at most
// rowClassLeads of them; a row matching none starts a class of its own, or
// stays unique when its run has that many). Two rows share a class only if
// they are equal up to their shifts. The comparison checks the integrality
// of each row it reads; when some cost is not a small integer the rows are
// compared again without shifts.
//
// With validate set, each row is first validated (validRow) in the same
// pass, while it is in cache: the pass replaces the validation pass, and its
// first error is returned as that pass would return it.
func (w *denseWorkspace) findRowClasses(validate bool) error {
	w.cls = nil
	rows, cols := w.rows, w.cols
	validateAll := func() error {
		if validate {
			for i := range int32(rows) {
				if err := w.validRow(i); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if rows < 32 || cols < 8 {
		return validateAll()
	}
	inf := math.Inf(1)
	w.keys = growDense(w.keys, rows)
	w.shift = growDense(w.shift, rows)
	// Rows equal up to a constant have the same first 16 finite costs (in
	// the same columns) up to that constant: hash those. Each term is mixed
	// on its own and summed, so there is no serial chain of
	// multiplications. (Costs are not validated yet: a NaN is neither
	// finite nor +Inf here, and the pass below reports it.)
	for i := range int32(rows) {
		h, limit, shift, first := uint64(0), 16, 0.0, true
		for j, c := range w.row(i) {
			if c = w.conv(c); !(c < inf) {
				continue
			}
			if first {
				shift, first = c, false
			}
			x := (math.Float64bits(c-shift) ^ uint64(j)*0x9e3779b97f4a7c15) * 0xbf58476d1ce4e5b9
			h += x ^ x>>31
			if limit--; limit == 0 {
				break
			}
		}
		w.shift[i] = shift
		w.keys[i] = rowKey{h, i}
	}
	slices.SortFunc(w.keys, func(a, b rowKey) int {
		if a.h != b.h {
			if a.h < b.h {
				return -1
			}
			return 1
		}
		return int(a.i - b.i)
	})
	w.runOf = growDense(w.runOf, rows)
	runs := int32(0)
	for k, rk := range w.keys {
		if k > 0 && rk.h != w.keys[k-1].h {
			runs++
		}
		w.runOf[rk.i] = runs
	}
	runs++
	if int(runs) > rows/2 {
		return validateAll()
	}
	w.clsBuf = growDense(w.clsBuf, rows)
	w.cls = w.clsBuf
	w.leads = growDense(w.leads, int(runs)*rowClassLeads)
	w.leadN = growDense(w.leadN, int(runs))
	classes, integral, err := w.classifyRows(true, validate)
	if err != nil {
		w.cls = nil
		return err
	}
	if !integral {
		for i := range w.shift[:rows] {
			w.shift[i] = 0
		}
		classes, _, _ = w.classifyRows(false, false)
	}
	if classes < 0 {
		w.cls = nil
		return nil
	}
	w.clsMax = growDense(w.clsMax, int(classes))
	w.clsRep = growDense(w.clsRep, int(classes))
	w.clsStamp = growDense(w.clsStamp, int(classes))
	for c := range w.clsStamp {
		w.clsStamp[c] = 0
	}
	w.stamp = 0
	return nil
}

// rowClassLeads is the most classes findRowClasses keeps apart within one
// run of equal prefix hashes.
const rowClassLeads = 4

// classifyRows sets w.cls from w.runOf (see findRowClasses), rows in
// ascending order, validating each first when validate is set, and returns
// the number of classes, -1 when classes and unique rows together exceed
// half of the rows. With check set it also reports whether every finite cost
// is an integer of magnitude below 2⁵⁰; once one is not, it only validates
// (the classes are then of no use).
func (w *denseWorkspace) classifyRows(check, validate bool) (classes int32, integral bool, err error) {
	const exact = 1 << 50 // integers below this add and subtract exactly
	inf := math.Inf(1)
	rows := w.rows
	integral = check
	smallInt := func(x float64) bool { // x is a small integer or +Inf
		return x == inf || (-exact < x && x < exact && x == float64(int64(x)))
	}
	// same compares row a with row b, a lead (checked already), after
	// their shifts; when they are equal and integral is set, it also checks
	// row a's costs, clearing integral when one is not a small integer.
	// Rows of equal shifts are compared cell by cell, without the shifts:
	// row a is then row b, checked already.
	same := func(a, b int32) bool {
		ra, rb, sa, sb := w.row(a), w.row(b), w.shift[a], w.shift[b]
		rb = rb[:len(ra)]
		if w.sign > 0 && sa == sb {
			// Rows equal cell by cell: row b, a lead, has been checked
			// already, and so row a is.
			for j, x := range ra {
				if x != rb[j] {
					return false
				}
			}
			return true
		}
		if w.sign > 0 {
			// Minimizing: costs are finite or +Inf, shifts finite, and
			// +Inf − shift stays +Inf, so no cell needs a test of its own.
			for j, x := range ra {
				if x-sa != rb[j]-sb {
					return false
				}
			}
			if integral {
				for _, x := range ra {
					if !smallInt(x) {
						integral = false
						break
					}
				}
			}
			return true
		}
		for j, c := range ra {
			x, y := w.conv(c), w.conv(rb[j])
			if x < inf {
				x -= sa
			}
			if y < inf {
				y -= sb
			}
			if x != y {
				return false
			}
		}
		if integral {
			for _, c := range ra {
				if !smallInt(w.conv(c)) {
					integral = false
					break
				}
			}
		}
		return true
	}
	leads, leadN := w.leads, w.leadN
	clear(leadN)
	distinct := 0
	for i := range int32(rows) {
		if validate {
			if err := w.validRow(i); err != nil {
				return 0, false, err
			}
		}
		if (check && !integral) || distinct > rows/2 {
			continue // only validating: the classes are of no use
		}
		w.cls[i] = -1
		r := w.runOf[i]
		ls := leads[int(r)*rowClassLeads : int(r)*rowClassLeads+int(leadN[r])]
		found := false
		for _, l := range ls {
			if same(i, l) {
				c := w.cls[l]
				if c < 0 {
					c = classes
					classes++
					w.cls[l] = c
				}
				w.cls[i] = c
				found = true
				break
			}
		}
		if found {
			continue
		}
		distinct++
		if integral {
			for _, c := range w.row(i) {
				if !smallInt(w.conv(c)) {
					integral = false
					break
				}
			}
		}
		if len(ls) < rowClassLeads {
			leads[int(r)*rowClassLeads+len(ls)] = i
			leadN[r]++
		}
	}
	if check && !integral {
		return 0, false, nil
	}
	if distinct > rows/2 {
		return -1, integral, nil
	}
	return classes, integral, nil
}

// reach returns the distance to column j (potential vj) through the scanned
// row i with distance offset u1, computed exactly as the relaxation loops
// do.
func (w *denseWorkspace) reach(i, j int32, vj, u1 float64) float64 {
	c := w.data[int(i)*w.stride+int(j)]
	switch w.loop() {
	case loopMin:
		return c - vj - u1
	case loopChecked:
		if c == math.Inf(1) {
			return c
		}
	}
	return -c - vj - u1
}

// predOf returns the row a column was reached from at distance dj: the
// last row, among the first n scanned, through which the column is at
// distance dj (any such row ends a shortest path). The relaxation loops keep
// only distances (a branch-free minimum), so the path is recovered
// afterwards; rows scanned after the column itself are excluded, so paths
// cannot cycle.
func (w *denseWorkspace) predOf(j int32, dj, vj float64, n int) int32 {
	best, at := math.Inf(1), w.scanI[0]
	for k := n - 1; k >= 0; k-- {
		i := w.scanI[k]
		var h float64
		if i == dummyRows {
			i = w.dmArg[j]
			h = w.dm[j] - vj - w.scanU[k]
		} else {
			h = w.reach(i, j, vj, w.scanU[k])
		}
		if h <= dj {
			return i
		} else if h < best { // only if rounding broke the exact match
			best, at = h, i
		}
	}
	return at
}

// pathPred returns the predecessor row of a column scanned in the current
// search (the dummy keeps its own).
func (w *denseWorkspace) pathPred(j int32) int32 {
	if int(j) == w.cols {
		return w.pred[j]
	}
	k := w.pred[j]
	return w.predOf(j, w.readyD[k], w.readyV[k], int(w.readyN[k]))
}

// flip augments along the path ending with row i taking column j: each row
// on the path moves to the column it reached, back to the free row f.
func (w *denseWorkspace) flip(i, j, f int32) {
	for {
		old := w.x[i]
		if old >= 0 {
			w.unseat(i)
		}
		w.seat(i, j)
		if i == f {
			return
		}
		j = old
		i = w.pathPred(j)
	}
}

// denseRelax scans a row whose distance offset is u1 (the distance to
// column j through it is c'[j] − v[j] − u1), lowering d, and returns the
// minimum distance over the columns not scanned yet, its column (the lowest
// on ties) and the lowest column with a free seat at that distance (-1 if
// none). Scanned columns and columns without seats hold v = −Inf, so their
// distance stays +Inf.
func denseRelax(loop int, row, v, d []float64, room []int32, u1 float64) (best float64, bestJ, freeJ int) {
	switch loop {
	case loopMin:
		return relaxMin(row, v, d, room, u1)
	case loopMax:
		return relaxMax(row, v, d, room, u1)
	}
	return relaxChecked(row, v, d, room, u1)
}

// relaxMin is denseRelax for a minimization: c' = c.
func relaxMin(row, v, d []float64, room []int32, u1 float64) (best float64, bestJ, freeJ int) {
	inf := math.Inf(1)
	best, bestJ, freeJ = inf, -1, -1
	v, d, room = v[:len(row)], d[:len(row)], room[:len(row)]
	for j, c := range row {
		dj := min(c-v[j]-u1, d[j]) // branch-free: compiles to MINSD
		d[j] = dj
		if dj <= best {
			if dj < best {
				best, bestJ, freeJ = dj, j, -1
				if room[j] > 0 {
					freeJ = j
				}
			} else if freeJ < 0 && room[j] > 0 {
				freeJ = j
			}
		}
	}
	if best == inf {
		bestJ, freeJ = -1, -1
	}
	return best, bestJ, freeJ
}

// relaxMax is denseRelax for a maximization without +Inf cells: c' = −c.
func relaxMax(row, v, d []float64, room []int32, u1 float64) (best float64, bestJ, freeJ int) {
	inf := math.Inf(1)
	best, bestJ, freeJ = inf, -1, -1
	v, d, room = v[:len(row)], d[:len(row)], room[:len(row)]
	for j, c := range row {
		dj := min(-c-v[j]-u1, d[j])
		d[j] = dj
		if dj <= best {
			if dj < best {
				best, bestJ, freeJ = dj, j, -1
				if room[j] > 0 {
					freeJ = j
				}
			} else if freeJ < 0 && room[j] > 0 {
				freeJ = j
			}
		}
	}
	if best == inf {
		bestJ, freeJ = -1, -1
	}
	return best, bestJ, freeJ
}

// relaxChecked is denseRelax for a maximization with +Inf cells, which are
// forbidden.
func relaxChecked(row, v, d []float64, room []int32, u1 float64) (best float64, bestJ, freeJ int) {
	inf := math.Inf(1)
	best, bestJ, freeJ = inf, -1, -1
	v, d, room = v[:len(row)], d[:len(row)], room[:len(row)]
	for j, c := range row {
		dj := d[j]
		if c != inf {
			dj = min(-c-v[j]-u1, dj)
			d[j] = dj
		}
		if dj <= best {
			if dj < best {
				best, bestJ, freeJ = dj, j, -1
				if room[j] > 0 {
					freeJ = j
				}
			} else if freeJ < 0 && room[j] > 0 {
				freeJ = j
			}
		}
	}
	if best == inf {
		bestJ, freeJ = -1, -1
	}
	return best, bestJ, freeJ
}

// infeasible builds the Hall witness of a search from f that reached no
// free seat: the rows it scanned (f and the rows seated in the scanned
// columns, w.ready) can only use the scanned columns, which are full.
func (w *denseWorkspace) infeasible(f int32) error {
	inf := math.Inf(1)
	if w.hasDummy {
		// Every seat must be filled. The scanned rows include the whole
		// dummy column and reach only scanned columns; the other columns
		// can be taken only by the rows outside the scan, too few to
		// fill them.
		scanned := make([]bool, w.cols+1)
		for _, j := range w.ready {
			scanned[j] = true
		}
		e := &InfeasibleError{Transposed: true}
		for j := range w.cols {
			if !scanned[j] && w.seats[j] > 0 {
				e.Cols = append(e.Cols, j)
				e.Seats += int(w.seats[j])
			}
		}
		for i := range int32(w.rows) {
			for _, j := range e.Cols {
				if w.at(i, int32(j)) < inf {
					e.Rows = append(e.Rows, int(i))
					break
				}
			}
		}
		return e
	}
	e := &InfeasibleError{Rows: []int{int(f)}}
	for _, j := range w.ready {
		for i := w.head[j]; i >= 0; i = w.next[i] {
			e.Rows = append(e.Rows, int(i))
		}
	}
	slices.Sort(e.Rows)
	allowed := make([]bool, w.cols)
	for _, i := range e.Rows {
		for j := range int32(w.cols) {
			if w.at(int32(i), j) < inf {
				allowed[j] = true
			}
		}
	}
	for j, ok := range allowed {
		if ok {
			e.Cols = append(e.Cols, j)
			e.Seats += int(w.seats[j])
		}
	}
	return e
}

// result builds the Assignment from the final state.
func (w *denseWorkspace) result(p *Problem) Assignment {
	rows, cols := w.rows, w.cols
	a := Assignment{
		RowToCol: make([]int, rows),
		U:        make([]float64, rows),
		V:        make([]float64, cols),
	}
	dummy := int32(cols)
	cost := 0.0
	for i := range int32(rows) {
		switch j := w.x[i]; {
		case j == rowOut:
			a.RowToCol[i] = -1
			a.U[i] = w.out[i]
			cost += p.Unassigned[i]
		case j == dummy:
			a.RowToCol[i] = -1
			a.U[i] = -w.v[dummy]
		default:
			c := w.data[int(i)*w.stride+int(j)]
			a.RowToCol[i] = int(j)
			a.U[i] = w.sign*c - w.v[j]
			cost += c
		}
	}
	vd := 0.0
	if w.hasDummy {
		// Fold the dummy's potential in: U[i] ≤ 0, with 0 on the rows left
		// out.
		vd = w.v[dummy]
		for i := range a.U {
			a.U[i] += vd
		}
	}
	for j := range a.V {
		if w.seats[j] > 0 {
			a.V[j] = w.v[j] - vd
		}
	}
	a.Cost, a.Bound = cost, cost
	return a
}
