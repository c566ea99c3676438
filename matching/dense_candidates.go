package matching

import (
	"context"
	"errors"
	"math"
	"slices"
)

// This file solves large dense problems over candidate lists: the cheapest
// pairs of each row and of each column are handed to the sparse solver, and
// its potentials are then checked against every pair of the matrix.
//
// On random costs the optimum uses only very cheap pairs, but the dense
// searches still sweep whole cost rows: late in a solve, with potentials
// that make thousands of pairs tight, each search scans thousands of rows at
// the same distance, O(C) each. The sparse solver reaches the same optimum
// over a few candidates a row. Its potentials U, V satisfy U[i] + V[j] ≤
// c'[i][j] on the listed pairs with equality on the assigned ones (and the
// sign conditions of Certify), so the result is optimal for the matrix as
// soon as U[i] + V[j] ≤ c'[i][j] holds on every other allowed pair too: one
// pass over the matrix (linear programming duality, as in Certify). Pairs
// that break it are added to the lists and the sparse problem is solved
// again; after candRounds rounds, or if the lists admit no feasible
// assignment, the dense solver runs as usual. A pair already listed that
// breaks the condition by rounding (fractional costs) is not added again:
// the sparse solver has priced it.
//
// The lists: each row's candRowK cheapest allowed columns (the lowest
// column on equal cost) and each column's candColK cheapest rows (the
// lowest row on equal cost), found in the same single pass that validates
// the matrix. Column picks keep the lists feasible when some columns are
// nobody's cheap choice (costs from distances between points).
//
// The path is taken when the problem has at least candMinRows rows and
// columns and its rows are not mostly repeats of a few kinds (those are
// solved faster by the dense search, which skips repeated rows, and their
// tied costs make short lists arbitrary). The memory is O((R + C)·(candRowK
// + candColK)) for the lists; the matrix is read in place, never copied.

const (
	candRowK    = 12  // cheapest columns listed per row
	candColK    = 4   // cheapest rows listed per column, at first
	candColKMax = 32  // the same, once the first lists admit no feasible assignment
	candMinRows = 512 // smallest dimension for which the lists are tried
	candRounds  = 8   // solves over growing lists before falling back
)

// candWorkspace holds the candidate lists of a dense problem.
type candWorkspace struct {
	sp         Sparse     // the lists, over start, col and cost
	rowSel     []candPick // per row, up to candRowK picks (cost ascending)
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
// the dense search runs instead.
var errCandidates = errors.New("matching: candidate lists not conclusive")

// candidatesFit reports whether solveDenseCandidates should be tried: a
// large problem whose rows are not mostly repeats of a few kinds (judged on
// each row's first 16 costs, taken relative to its first cost).
func (w *denseWorkspace) candidatesFit(force bool) bool {
	if force {
		return w.rows > 0 && w.cols > 0
	}
	if w.rows < candMinRows || w.cols < candMinRows {
		return false
	}
	keys := growDense(w.keys, w.rows)
	for i := range int32(w.rows) {
		row := w.row(i)
		h, shift := uint64(0), row[0]
		for j, c := range row[:min(16, len(row))] {
			x := (math.Float64bits(c-shift) ^ uint64(j)*0x9e3779b97f4a7c15) * 0xbf58476d1ce4e5b9
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

// solveDenseCandidates solves the loaded dense problem over candidate
// lists. It returns errCandidates when the lists cannot prove an optimum
// (or the matrix holds an invalid cost: the dense path reports it), and a
// context error when ctx is cancelled.
func (s *Solver) solveDenseCandidates(ctx context.Context, p *Problem) (Assignment, error) {
	w := &s.ws.dense
	cw := &w.cand
	ck := candColK
	if !w.selectCandidates(ck) {
		return Assignment{}, errCandidates
	}
	progress := s.Progress
	defer func() { s.Progress = progress }()
	q := &Problem{Candidates: &cw.sp, Capacity: p.Capacity, Unassigned: w.out}
	// A square problem is solved again from the last solve's state, other
	// problems from scratch (freeing a column would break the sign
	// conditions on V that their searches keep).
	square := w.rows == w.cols && p.Unassigned == nil && unitSeats(p)
	warm := false
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
			if ck == candColKMax {
				return Assignment{}, errCandidates
			}
			// Some columns are nobody's cheap choice: list more rows
			// for every column and start again.
			ck = candColKMax
			w.selectCandidates(ck)
			warm = false
			continue
		}
		if err := ctx.Err(); err != nil {
			return Assignment{}, err
		}
		if w.findViolations(a.U, a.V) == 0 {
			return w.candResult(p, a), nil
		}
		w.addViolations()
		warm = square
	}
	return Assignment{}, errCandidates
}

// selectCandidates builds the candidate lists in one pass over the matrix,
// in minimization form. It returns false when a cost is NaN, or −Inf when
// minimizing: the dense path then reports the first such cell.
func (w *denseWorkspace) selectCandidates(colK int) bool {
	inf := math.Inf(1)
	rows, cols := w.rows, w.cols
	cw := &w.cand
	rk, ck := min(candRowK, cols), min(colK, rows)
	cw.rowSel = growDense(cw.rowSel, rows*rk)
	cw.colSel = growDense(cw.colSel, cols*ck)
	cw.colThr = growDense(cw.colThr, cols)
	cw.colN = growDense(cw.colN, cols)
	colSel, colThr, colN := cw.colSel, cw.colThr[:cols], cw.colN[:cols]
	for j := range colThr {
		colThr[j], colN[j] = inf, 0
	}
	cw.rowN = growDense(cw.rowN, rows)
	sign := w.sign
	for i := range int32(rows) {
		row := w.row(i)
		sel := cw.rowSel[int(i)*rk : int(i)*rk : int(i+1)*rk]
		thr := inf
		for j, c := range row {
			m := sign * c
			if !(m >= thr) { // m < thr, or NaN
				if m != m || m == -inf {
					if m == m && sign < 0 {
						continue // +Inf when maximizing: forbidden
					}
					return false
				}
				sel = candInsert(sel, rk, m, int32(j))
				if len(sel) == rk {
					thr = sel[rk-1].c
				}
			}
			if m < colThr[j] {
				n := colN[j]
				cs := candInsert(colSel[j*ck:j*ck+int(n):(j+1)*ck], ck, m, i)
				colN[j] = int32(len(cs))
				if len(cs) == ck {
					colThr[j] = cs[ck-1].c
				}
			}
		}
		cw.rowN[i] = int32(len(sel))
	}
	// The column picks by row (a counting sort), then each row's list:
	// its own picks and the column picks, by column, without repeats.
	byRow := growDense(cw.byRowStart, rows+1)
	clear(byRow)
	for j := range cols {
		for _, pk := range colSel[j*ck : j*ck+int(colN[j])] {
			byRow[pk.k+1]++
		}
	}
	for i := range rows {
		byRow[i+1] += byRow[i]
	}
	cw.byRow = growDense(cw.byRow, byRow[rows])
	for j := range int32(cols) {
		for _, pk := range colSel[int(j)*ck : int(j)*ck+int(colN[j])] {
			cw.byRow[byRow[pk.k]] = candPick{pk.c, j}
			byRow[pk.k]++
		}
	}
	cw.byRowStart = byRow // byRow[i] is now the end of row i's picks
	cw.start = growDense(cw.start, rows+1)
	cw.col, cw.cost = cw.col[:0], cw.cost[:0]
	lo := 0
	for i := range rows {
		cw.start[i] = len(cw.col)
		buf := append(cw.buf[:0], cw.rowSel[i*rk:i*rk+int(cw.rowN[i])]...)
		buf = append(buf, cw.byRow[lo:byRow[i]]...)
		lo = byRow[i]
		slices.SortFunc(buf, func(a, b candPick) int { return int(a.k - b.k) })
		for k, pk := range buf {
			if k == 0 || pk.k != buf[k-1].k {
				cw.col = append(cw.col, int(pk.k))
				cw.cost = append(cw.cost, pk.c)
			}
		}
		cw.buf = buf
	}
	cw.start[rows] = len(cw.col)
	cw.sp = Sparse{Rows: rows, Cols: cols, Start: cw.start[:rows+1], Col: cw.col, Cost: cw.cost}
	return true
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

// findViolations collects into cand.extra the allowed pairs not listed
// whose reduced cost under U and V is negative, row by row, columns
// ascending, and returns their number. It stops early, returning more than
// the limit, when there are more than one list's worth: the lists were too
// far off.
func (w *denseWorkspace) findViolations(u, v []float64) int {
	inf := math.Inf(1)
	cw := &w.cand
	extra := cw.extra[:0]
	limit := 4 * w.rows * candRowK
	sign := w.sign
	for i := range int32(w.rows) {
		row := w.row(i)
		ui := u[i]
		v := v[:len(row)]
		for j, c := range row {
			m := sign * c
			if m-v[j] < ui {
				if m == -inf || w.seats[j] == 0 || cw.listed(i, j) {
					continue // forbidden when maximizing, no seats, or priced already
				}
				extra = append(extra, candPair{i, int32(j), m})
				if len(extra) > limit {
					cw.extra = extra
					return len(extra)
				}
			}
		}
	}
	cw.extra = extra
	return len(extra)
}

// listed reports whether row i's list holds column j.
func (cw *candWorkspace) listed(i int32, j int) bool {
	cols := cw.sp.Col[cw.sp.Start[i]:cw.sp.Start[i+1]]
	_, ok := slices.BinarySearch(cols, j)
	return ok
}

// addViolations merges cand.extra into the lists.
func (w *denseWorkspace) addViolations() {
	cw := &w.cand
	rows := w.rows
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
	cw.start, cw.start2 = cw.start2, cw.start
	cw.col, cw.col2 = cw.col2, cw.col
	cw.cost, cw.cost2 = cw.cost2, cw.cost
	cw.sp = Sparse{Rows: rows, Cols: w.cols, Start: cw.start[:rows+1], Col: cw.col, Cost: cw.cost}
}

// candResult turns the sparse solve's assignment, proven optimal for the
// whole matrix, into the dense problem's: the same assignment and
// potentials, with Cost summed from the problem's own costs in row order as
// the dense solver does.
func (w *denseWorkspace) candResult(p *Problem, a Assignment) Assignment {
	cost := 0.0
	for i, j := range a.RowToCol {
		switch {
		case j >= 0:
			cost += w.data[i*w.stride+j]
		case p.Unassigned != nil:
			cost += p.Unassigned[i]
		}
	}
	a.Cost, a.Bound = cost, cost
	return a
}
