package matching

import (
	"context"
	"math"
	"slices"
)

// Tall dense problems (more rows than columns, one seat per column, every
// column filled) over candidate lists, solved transposed: the columns are
// the agents, each placed into one of the rows, and the rows are the tasks,
// most of which stay empty. The lists are picked in the same pass over the
// matrix as for other dense problems and stored by column, so the sparse
// solver sees a wide problem (Crouse 2016) with no shared virtual column
// to search through; the matrix itself is only read, row by row, when the
// lists are picked and when the potentials are priced.

// solveTallCandidates solves the loaded tall dense problem p over candidate
// lists by column. Its results are those of solveDenseCandidates.
func (s *Solver) solveTallCandidates(ctx context.Context, p *Problem) (Assignment, error) {
	w := &s.ws.dense
	cw := &s.ws.sparse.cand
	rows, cols := w.rows, w.cols
	if ok, err := w.selectCandidates(cw, tallRowK, tallColK); !ok {
		return Assignment{}, err
	}
	cw.buildTall(rows, cols)
	q := &Problem{Candidates: &cw.sp}
	a, err := s.solveCandidates(ctx, q, false,
		func(ck int) { w.selectCandidates(cw, tallRowK, max(ck, tallColK)); cw.buildTall(rows, cols) },
		func(u, v []float64) int { return w.tallViolations(cw, u, v) })
	if err != nil {
		return Assignment{}, err
	}
	r := Assignment{RowToCol: make([]int, rows), U: a.V, V: a.U}
	for i := range r.RowToCol {
		r.RowToCol[i] = -1
	}
	for j, i := range a.RowToCol {
		r.RowToCol[i] = j
	}
	r.Cost = objective(p, r.RowToCol)
	r.Bound = r.Cost
	return r, nil
}

const (
	tallRowK = 4
	tallColK = 10
)

// buildTall makes the lists by column from the picks: each column's own
// picks and the row picks of the column, by row, without repeats.
func (cw *candWorkspace) buildTall(rows, cols int) {
	cw.buildLists(cols, rows, cw.colSel, cw.colN, cw.ck, cw.rowSel, cw.rowN, cw.rk)
}

// tallViolations is candViolations for lists by column: u holds the
// columns' potentials and v the rows'. The pairs go into cw.extra by
// column, rows ascending.
func (w *denseWorkspace) tallViolations(cw *candWorkspace, u, v []float64) int {
	inf := math.Inf(1)
	sign := w.sign
rows:
	for i := range int32(w.rows) {
		row := w.row(i)
		vi := v[i]
		u := u[:len(row)]
		for j, c := range row {
			if m := sign * c; m-u[j] < vi {
				if m == -inf {
					continue // forbidden when maximizing
				}
				if !cw.violated(int32(j), int(i), m) {
					break rows
				}
			}
		}
	}
	slices.SortFunc(cw.extra, func(a, b candPair) int {
		if a.i != b.i {
			return int(a.i - b.i)
		}
		return int(a.j - b.j)
	})
	return len(cw.extra)
}
