package matching

import (
	"context"
	"errors"
	"math"
	"slices"
)

// This file solves large problems over candidate lists: the cheapest pairs
// of each row and of each column are handed to the sparse solver, and its
// potentials are then checked against every pair of the problem. Dense
// matrices (dense.go) and square problems with long candidate lists
// (sparse.go) take this path.
//
// On random costs the optimum uses only very cheap pairs, but the searches
// still read every pair of the rows they scan: late in a dense solve, with
// potentials that make thousands of pairs tight, each search scans thousands
// of rows at the same distance, O(C) each, and late in a sparse one each
// search reads hundreds of long lists. Over a few candidates a row the
// sparse solver reaches the same optimum. Its potentials U, V satisfy U[i] +
// V[j] ≤ c'[i][j] on the listed pairs with equality on the assigned ones
// (and the sign conditions of Certify), so the result is optimal for the
// whole problem as soon as U[i] + V[j] ≤ c'[i][j] holds on every other
// allowed pair too: one pass over the problem (linear programming duality,
// as in Certify). Pairs that break it are added to the lists and the
// problem is solved again: a square one from the last solve's state, with
// only the rows given a new pair searched for again (resolveSquare), any
// other from scratch. After candRounds rounds, or if even the longer
// lists admit no feasible assignment, the problem is solved in full as
// before. A pair already listed that breaks the condition by rounding
// (fractional costs) is not added again: the sparse solver has priced it.
//
// The lists: each row's candRowK (dense) or candSparseRowK (sparse)
// cheapest allowed columns (the lowest column on equal cost) and each
// column's candColK cheapest rows (the lowest row on equal cost), found in
// one pass (for a dense matrix the same pass validates it). Column picks
// keep the lists feasible when some columns are nobody's cheap choice
// (costs from distances between points); when the first lists admit no
// feasible assignment, they are chosen again with candColKMax rows per
// column. Dense lists are shorter: 10 instead of 12 saved 5–8 % on
// lap-ref's uniform and geometric matrices, but cost 10–20 % on its sparse
// 50,000² with 100 a row.
//
// Dense problems take the path when they have one seat per column, every
// row placed (Unassigned nil), at least as many rows as columns and at
// least candMinRows columns, and their rows are not mostly repeats of a few
// kinds (those are solved faster by the dense search, which skips repeated
// rows, and their tied costs make short lists arbitrary); tall ones (more
// rows than columns) keep their lists by column and are solved transposed
// (tall.go). With more columns
// than rows the dense search's start (augmenting row reduction from zero
// potentials) already leaves little to search: lists were 1.3–1.5× slower
// there. Sparse problems take it when they are square with one seat per
// column, every row placed, at least candMinRows rows and on average at
// least candSparseLen candidates a row. The memory is O(R·candSparseRowK +
// C·candColKMax) pairs for the lists, plus the pairs pricing adds (at most
// 4·R·candSparseRowK a round), about 70 bytes a pair with the sparse
// solver's buffers; the problem's own costs are read in place, never
// copied.

const (
	candRowK    = 10  // cheapest columns listed per row of a dense problem
	candColK    = 4   // cheapest rows listed per column, at first
	candColKMax = 32  // the same, once the first lists admit no feasible assignment
	candMinRows = 512 // smallest dimension for which the lists are tried
	candRounds  = 8   // solves over growing lists before falling back

	candSparseRowK = 12                 // the same for a sparse problem
	candSparseLen  = 4 * candSparseRowK // average list length from which sparse problems take the path
)

// candWorkspace holds the candidate lists of a problem.
type candWorkspace struct {
	sp         Sparse     // the lists, over start, col and cost
	rowSel     []candPick // per row, up to rk picks (cost ascending)
	rowN       []int32    // per row, the number of picks
	colSel     []candPick // per column, up to candColK picks (cost ascending)
	colThr     []float64  // per column, the cost a new pick must beat
	colN       []int32    // per column, the number of picks
	byRow      []candPick // column picks grouped by row (k = column)
	byRowStart []int
	buf        []candPick
	extra      []candPair // pairs to add, in row-major order
	redo       []int32    // their rows, ascending
	rounds     int        // sparse solves of the last problem, 0 if it never reached them
	always     bool       // tests: take the path at any size
	rk, ck     int        // picks per row and per column
	inner      bool       // solving over the lists: a sparse solve must not take the path again
	start      []int
	col        []int
	cost       []float64
	start2     []int // the next lists, while extra is merged in
	col2       []int
	cost2      []float64
}

// candPick is a listed pair seen from its row or its column.
type candPick struct {
	c float64
	k int32 // column (row picks) or row (column picks)
}

// candPair is a pair found to break dual feasibility.
type candPair struct {
	i, j int32
	c    float64
}

// errCandidates reports that the candidate lists could not prove an optimum;
// the problem is then solved in full.
var errCandidates = errors.New("matching: candidate lists not conclusive")

// candidatesFit reports whether a dense problem of the right shape (see
// solveDense) should be tried over candidate lists: unless force is set,
// its rows must not be mostly repeats of a few kinds (judged on 16 costs
// of each row at columns spread evenly over it, taken relative to its
// first cost).
func (w *denseWorkspace) candidatesFit(force bool) bool {
	if force {
		return w.rows > 0 && w.cols > 0
	}
	keys := growDense(w.keys, w.rows)
	n := min(16, w.cols)
	for i := range int32(w.rows) {
		row := w.row(i)
		h, shift := uint64(0), row[0]
		for k := range n {
			// 16 columns spread over the row, not its first 16: rows that
			// agree on a prefix and differ after it are not repeats.
			j := k * w.cols / n
			x := (math.Float64bits(row[j]-shift) ^ uint64(j)*0x9e3779b97f4a7c15) * 0xbf58476d1ce4e5b9
			h += x ^ x>>31
		}
		keys[i] = rowKey{h, i}
	}
	w.keys = keys
	slices.SortFunc(keys, func(a, b rowKey) int {
		switch {
		case a.h < b.h:
			return -1
		case a.h > b.h:
			return 1
		}
		return 0
	})
	runs := 0
	for k := range keys {
		if k == 0 || keys[k].h != keys[k-1].h {
			runs++
		}
	}
	return runs > w.rows/2
}

// sparseCandidatesFit reports whether a sparse problem should be solved
// over shorter candidate lists: square, one seat per column, every row
// placed, and long lists.
func (cw *candWorkspace) sparseCandidatesFit(p *Problem) bool {
	sp := p.Candidates
	if cw.inner || sp.Rows != sp.Cols || sp.Rows == 0 || p.Unassigned != nil || !unitSeats(p) {
		return false
	}
	return cw.always || (sp.Rows >= candMinRows && len(sp.Col) >= candSparseLen*sp.Rows)
}

// solveCandidates solves q, whose Candidates are cw.sp, over growing lists
// until its potentials prove it optimal for the whole problem (violations
// finds none). It returns errCandidates when the lists cannot prove an
// optimum and a context error when ctx is cancelled. On a solve that finds
// the lists infeasible, reselect chooses them again with more rows per
// column. square says the warm restart of resolveSquare applies.
func (s *Solver) solveCandidates(ctx context.Context, q *Problem, square bool, reselect func(ck int), violations func(u, v []float64) int) (Assignment, error) {
	cw := &s.ws.sparse.cand
	progress := s.Progress
	cw.inner = true
	defer func() { s.Progress, cw.inner = progress, false }()
	warm, widened := false, false
	for round := 0; round < candRounds; round++ {
		if round > 0 {
			s.Progress = nil // progress is reported by the first solve only
		}
		cw.rounds++
		var a Assignment
		var err error
		if warm {
			a, err = s.resolveSquare(ctx, q, cw.redo)
		} else {
			a, err = s.solveSparse(ctx, q)
		}
		if err != nil {
			var inf *InfeasibleError
			if !errors.As(err, &inf) {
				return Assignment{}, err
			}
			if widened {
				return Assignment{}, errCandidates
			}
			// Some columns are nobody's cheap choice: list more rows
			// for every column and start again.
			reselect(candColKMax)
			warm, widened = false, true
			continue
		}
		if err := ctx.Err(); err != nil {
			return Assignment{}, err
		}
		if violations(a.U, a.V) == 0 {
			return a, nil
		}
		cw.addViolations()
		warm = square
	}
	return Assignment{}, errCandidates
}

// begin sizes the picks of a rows×cols problem, rowK columns per row and
// colK rows per column.
func (cw *candWorkspace) begin(rows, cols, rowK, colK int) {
	inf := math.Inf(1)
	cw.rk, cw.ck = min(rowK, cols), min(colK, rows)
	cw.rowSel = growDense(cw.rowSel, rows*cw.rk)
	cw.rowN = growDense(cw.rowN, rows)
	cw.colSel = growDense(cw.colSel, cols*cw.ck)
	cw.colThr = growDense(cw.colThr, cols)
	cw.colN = growDense(cw.colN, cols)
	for j := range cols {
		cw.colThr[j], cw.colN[j] = inf, 0
	}
}

// offerCol makes (i, j) at cost m, below colThr[j], one of column j's picks.
func (cw *candWorkspace) offerCol(j int, m float64, i int32) {
	ck := cw.ck
	cs := candInsert(cw.colSel[j*ck:j*ck+int(cw.colN[j]):(j+1)*ck], ck, m, i)
	cw.colN[j] = int32(len(cs))
	if len(cs) == ck {
		cw.colThr[j] = cs[ck-1].c
	}
}

// build makes the lists from the picks: each row's own picks and the
// column picks of the row, by column, without repeats.
func (cw *candWorkspace) build(rows, cols int) {
	cw.buildLists(rows, cols, cw.rowSel, cw.rowN, cw.rk, cw.colSel, cw.colN, cw.ck)
}

// buildLists makes n lists over m keys: list a holds own's picks of a
// (own[a*ok:], ownN[a] of them) and the picks of the other side that name
// a (other[b*xk:], otherN[b] of them, b < m), by key, without repeats; a
// key picked twice keeps its first cost. build calls it with the rows
// leading, buildTall (tall.go) with the columns.
func (cw *candWorkspace) buildLists(n, m int, own []candPick, ownN []int32, ok int, other []candPick, otherN []int32, xk int) {
	// The other side's picks by the list they name (a counting sort).
	at := growDense(cw.byRowStart, n+1)
	clear(at)
	for b := range m {
		for _, pk := range other[b*xk : b*xk+int(otherN[b])] {
			at[pk.k+1]++
		}
	}
	for a := range n {
		at[a+1] += at[a]
	}
	cw.byRow = growDense(cw.byRow, at[n])
	for b := range int32(m) {
		for _, pk := range other[int(b)*xk : int(b)*xk+int(otherN[b])] {
			cw.byRow[at[pk.k]] = candPick{pk.c, b}
			at[pk.k]++
		}
	}
	cw.byRowStart = at // at[a] is now the end of list a's picks
	cw.start = growDense(cw.start, n+1)
	cw.col, cw.cost = cw.col[:0], cw.cost[:0]
	lo := 0
	for a := range n {
		cw.start[a] = len(cw.col)
		buf := append(cw.buf[:0], own[a*ok:a*ok+int(ownN[a])]...)
		buf = append(buf, cw.byRow[lo:at[a]]...)
		lo = at[a]
		slices.SortFunc(buf, func(x, y candPick) int { return int(x.k - y.k) })
		for k, pk := range buf {
			if k == 0 || pk.k != buf[k-1].k {
				cw.col = append(cw.col, int(pk.k))
				cw.cost = append(cw.cost, pk.c)
			}
		}
		cw.buf = buf
	}
	cw.start[n] = len(cw.col)
	cw.sp = Sparse{Rows: n, Cols: m, Start: cw.start[:n+1], Col: cw.col, Cost: cw.cost}
	cw.extra = cw.extra[:0]
}

// candInsert inserts (c, k) into sel, kept in ascending cost (earlier
// entries first on equal cost), holding at most n entries.
func candInsert(sel []candPick, n int, c float64, k int32) []candPick {
	q := len(sel)
	if q < n {
		sel = append(sel, candPick{})
	} else {
		q--
	}
	for ; q > 0 && c < sel[q-1].c; q-- {
		sel[q] = sel[q-1]
	}
	sel[q] = candPick{c, k}
	return sel
}

// violated records the pair (i, j) at cost m, whose reduced cost is
// negative, unless row i lists it already (rounding), and reports whether
// the pairs recorded are still within the limit of one pass.
func (cw *candWorkspace) violated(i int32, j int, m float64) bool {
	cols := cw.sp.Col[cw.sp.Start[i]:cw.sp.Start[i+1]]
	if _, ok := slices.BinarySearch(cols, j); ok {
		return true
	}
	cw.extra = append(cw.extra, candPair{i, int32(j), m})
	return len(cw.extra) <= 4*cw.sp.Rows*cw.rk
}

// addViolations merges cand.extra (row-major order) into the lists and
// notes their rows in redo.
func (cw *candWorkspace) addViolations() {
	rows := cw.sp.Rows
	n := len(cw.sp.Col) + len(cw.extra)
	cw.start2 = growDense(cw.start2, rows+1)
	cw.col2 = growDense(cw.col2, n)[:0]
	cw.cost2 = growDense(cw.cost2, n)[:0]
	e := cw.extra
	for i := range rows {
		cw.start2[i] = len(cw.col2)
		a, b := cw.sp.Start[i], cw.sp.Start[i+1]
		for a < b || (len(e) > 0 && int(e[0].i) == i) {
			if len(e) > 0 && int(e[0].i) == i && (a == b || int(e[0].j) < cw.sp.Col[a]) {
				cw.col2, cw.cost2 = append(cw.col2, int(e[0].j)), append(cw.cost2, e[0].c)
				e = e[1:]
				continue
			}
			cw.col2, cw.cost2 = append(cw.col2, cw.sp.Col[a]), append(cw.cost2, cw.sp.Cost[a])
			a++
		}
	}
	cw.start2[rows] = len(cw.col2)
	cw.redo = cw.redo[:0]
	for k, e := range cw.extra {
		if k == 0 || e.i != cw.extra[k-1].i {
			cw.redo = append(cw.redo, e.i)
		}
	}
	cw.extra = cw.extra[:0]
	cw.start, cw.start2 = cw.start2, cw.start
	cw.col, cw.col2 = cw.col2, cw.col
	cw.cost, cw.cost2 = cw.cost2, cw.cost
	cw.sp = Sparse{Rows: rows, Cols: cw.sp.Cols, Start: cw.start[:rows+1], Col: cw.col, Cost: cw.cost}
}

// solveDenseCandidates solves the loaded dense problem over candidate
// lists. It returns errCandidates when the lists cannot prove an optimum
// (or the matrix holds an invalid cost: the dense path reports it), and a
// context error when ctx is cancelled.
func (s *Solver) solveDenseCandidates(ctx context.Context, p *Problem) (Assignment, error) {
	w := &s.ws.dense
	cw := &s.ws.sparse.cand
	if w.rows > w.cols && p.Unassigned == nil && unitSeats(p) {
		return s.solveTallCandidates(ctx, p)
	}
	if ok, err := w.selectCandidates(cw, candRowK, candColK); !ok {
		return Assignment{}, err
	}
	cw.build(w.rows, w.cols)
	q := &Problem{Candidates: &cw.sp, Capacity: p.Capacity, Unassigned: w.out}
	// Freeing a column would break the sign conditions on V that the
	// searches of other shapes keep: they are solved again from scratch.
	square := w.rows == w.cols && p.Unassigned == nil && unitSeats(p)
	a, err := s.solveCandidates(ctx, q, square,
		func(ck int) { w.selectCandidates(cw, candRowK, ck); cw.build(w.rows, w.cols) }, // checked by the first selection
		func(u, v []float64) int { return w.candViolations(cw, u, v) })
	if err != nil {
		return Assignment{}, err
	}
	// Cost is summed from the problem's own costs in row order, as the
	// dense search does.
	a.Cost = objective(p, a.RowToCol)
	a.Bound = a.Cost
	return a, nil
}

// selectCandidates picks the pairs of the dense problem's lists, rowK
// columns per row and colK rows per column, in one pass over the matrix,
// in minimization form, summing the rows' magnitudes as validRow does. It
// returns false and errCandidates when a cost is NaN, or −Inf when
// minimizing (the dense path then reports the first such cell), and false
// and the error of Problem.checkMagnitude when the magnitudes sum too
// high.
func (w *denseWorkspace) selectCandidates(cw *candWorkspace, rowK, colK int) (bool, error) {
	inf := math.Inf(1)
	rows, cols := w.rows, w.cols
	cw.begin(rows, cols, rowK, colK)
	rk, colThr := cw.rk, cw.colThr[:cols]
	sign := w.sign
	for i := range int32(rows) {
		row := w.row(i)
		sel := cw.rowSel[int(i)*rk : int(i)*rk : int(i+1)*rk]
		thr, mx := inf, 0.0
		for j, c := range row {
			m := sign * c
			if a := math.Abs(c); a > mx {
				mx = a
			}
			if !(m >= thr) { // m < thr, or NaN
				if m != m || m == -inf {
					if m == m && sign < 0 {
						continue // +Inf when maximizing: forbidden
					}
					return false, errCandidates
				}
				sel = candInsert(sel, rk, m, int32(j))
				if len(sel) == rk {
					thr = sel[rk-1].c
				}
			}
			if m < colThr[j] {
				cw.offerCol(j, m, i)
			}
		}
		cw.rowN[i] = int32(len(sel))
		if mx > math.MaxFloat64 {
			mx = finiteMax(row) // forbidden cells are no magnitude
		}
		if err := w.mag.add(w.unassigned, int(i), mx); err != nil {
			return false, err
		}
	}
	return true, nil
}

// candViolations collects into cw.extra the allowed pairs not listed whose
// reduced cost under u and v is negative, row by row, columns ascending,
// and returns their number; it stops early past the limit of one pass.
func (w *denseWorkspace) candViolations(cw *candWorkspace, u, v []float64) int {
	inf := math.Inf(1)
	sign := w.sign
	for i := range int32(w.rows) {
		row := w.row(i)
		ui := u[i]
		v := v[:len(row)]
		for j, c := range row {
			if m := sign * c; m-v[j] < ui {
				if m == -inf || w.seats[j] == 0 {
					continue // forbidden when maximizing, or no seats
				}
				if !cw.violated(i, j, m) {
					return len(cw.extra)
				}
			}
		}
	}
	return len(cw.extra)
}

// solveSparseCandidates solves a square sparse problem with long lists over
// shorter ones. Its results are those of solveCandidates.
func (s *Solver) solveSparseCandidates(ctx context.Context, p *Problem) (Assignment, error) {
	sp := p.Candidates
	cw := &s.ws.sparse.cand
	sign := 1.0
	if p.Maximize {
		sign = -1
	}
	sel := func(ck int) { cw.selectSparse(sp, sign, ck) }
	sel(candColK)
	a, err := s.solveCandidates(ctx, &Problem{Candidates: &cw.sp}, true, sel,
		func(u, v []float64) int { return cw.sparseViolations(sp, sign, u, v) })
	if err != nil {
		return Assignment{}, err
	}
	a.Cost = sign * a.Cost // the same sum, in the problem's own sense
	a.Bound = a.Cost
	return a, nil
}

// selectSparse chooses the lists of a sparse problem (already validated),
// colK rows per column, in minimization form.
func (cw *candWorkspace) selectSparse(sp *Sparse, sign float64, colK int) {
	inf := math.Inf(1)
	rows, cols := sp.Rows, sp.Cols
	cw.begin(rows, cols, candSparseRowK, colK)
	rk, colThr := cw.rk, cw.colThr[:cols]
	for i := range int32(rows) {
		sel := cw.rowSel[int(i)*rk : int(i)*rk : int(i+1)*rk]
		thr := inf
		lo, hi := sp.Start[i], sp.Start[i+1]
		costs, idx := sp.Cost[lo:hi], sp.Col[lo:hi]
		idx = idx[:len(costs)]
		for k, c := range costs {
			m := sign * c
			if m == inf || m == -inf {
				continue // forbidden
			}
			j := idx[k]
			if m < thr {
				sel = candInsert(sel, rk, m, int32(j))
				if len(sel) == rk {
					thr = sel[rk-1].c
				}
			}
			if m < colThr[j] {
				cw.offerCol(j, m, i)
			}
		}
		cw.rowN[i] = int32(len(sel))
	}
	cw.build(rows, cols)
}

// sparseViolations is candViolations for a sparse problem.
func (cw *candWorkspace) sparseViolations(sp *Sparse, sign float64, u, v []float64) int {
	inf := math.Inf(1)
	for i := range int32(sp.Rows) {
		ui := u[i]
		lo, hi := sp.Start[i], sp.Start[i+1]
		costs, idx := sp.Cost[lo:hi], sp.Col[lo:hi]
		idx = idx[:len(costs)]
		for k, c := range costs {
			if m := sign * c; m-v[idx[k]] < ui && m != -inf && m != inf {
				if !cw.violated(i, idx[k], m) {
					return len(cw.extra)
				}
			}
		}
	}
	return len(cw.extra)
}
