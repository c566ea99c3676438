package scenarios

import (
	"context"
	"errors"
	"math"
	"slices"

	"github.com/mutasi-asn/mutasi/matching"
)

// Margins under side constraints, without a branch and bound over the
// whole instance per post (Explain).
//
// Lower bound. The plan's solve priced its active side constraints with
// Lagrange multipliers λ ≥ 0. One plain solve of the instance with those
// prices (costs c + Σ_k λ_k·a_k, no side constraints) gives potentials U
// and V, and for every plan z that keeps the side constraints
//
//	cost(z) ≥ Σ_r U_r + Σ_j seats_j·min(0, V_j) − λ·b + Σ_r rc_r(z_r),
//
// where rc_r(c) is the priced cost of row r's choice c minus U_r (and V_c
// for a post): the same identity as matching.Solver.KBestFrom's. With row
// i forced into post j, rc_i is rc_i(j) and every other row contributes
// at least its smallest rc, so one solve bounds the forced optimum of
// every post.
//
// Upper bound. A plan with row i in post j, found by solving exactly the
// instance restricted to a neighbourhood of rows (i, the holders of j,
// everyone the plan moves, places or unseats, and everyone who could take
// i's planned seat); the other rows keep their planned choice, so their
// seats and their part of each side constraint are fixed. The
// neighbourhood's problem is small, so its branch and bound is cheap; its
// plan keeps every side constraint of the instance, so its cost bounds
// the forced optimum from above.

// marginBounds holds the lower bound of the file comment.
type marginBounds struct {
	base  float64   // Σ U + Σ seats·min(0, V) − λ·b + Σ_r min rc_r
	minRC []float64 // the smallest rc of each row
	rc    func(r, j int) float64
}

// forcedLower returns a proven lower bound on the cost of any plan that
// keeps the side constraints with row i in post j.
func (mb *marginBounds) forcedLower(i, j int) float64 {
	lb := mb.base - mb.minRC[i] + mb.rc(i, j)
	return lb - 1e-9*(math.Abs(lb)+1)
}

// marginBounds prices the instance by the plan's multipliers and solves it
// once without side constraints; nil when that solve fails.
func (in *Instance) marginBounds(ctx context.Context, sol *solution) (*marginBounds, error) {
	rows := len(in.Employees)
	all := in.sides()
	type key struct{ r, j int }
	pen := map[key]float64{}
	lambdaB := 0.0
	for s, l := range sol.multipliers(len(all)) {
		if !(l > 0) || math.IsInf(l, 1) {
			continue
		}
		lambdaB += l * all[s].Limit
		for _, t := range all[s].Terms {
			pen[key{t.Row, t.Col}] += l * t.Coef
		}
	}
	sp := &matching.Sparse{Rows: rows, Cols: len(in.Scorer.Positions), Start: make([]int, 1, rows+1)}
	for r := range rows {
		in.candidatesOf(r, func(j int) {
			sp.Col = append(sp.Col, j)
			sp.Cost = append(sp.Cost, in.cost(r, j)+pen[key{r, j}])
		})
		sp.Start = append(sp.Start, len(sp.Col))
	}
	p := &matching.Problem{Candidates: sp, Capacity: in.Problem.Capacity, Unassigned: in.Problem.Unassigned}
	solver := matching.Solver{Tolerance: in.Options.Tolerance}
	a, err := solver.Solve(ctx, p)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, nil
	}
	if len(a.U) != rows || len(a.V) != sp.Cols {
		return nil, nil
	}
	U, V := a.U, a.V
	mb := &marginBounds{base: -lambdaB, minRC: make([]float64, rows)}
	mb.rc = func(r, j int) float64 {
		if j < 0 {
			return in.Problem.Unassigned[r] - U[r]
		}
		return in.cost(r, j) + pen[key{r, j}] - U[r] - V[j]
	}
	for _, u := range U {
		mb.base += u
	}
	for j, v := range V {
		mb.base += float64(in.Problem.Capacity[j]) * math.Min(0, v)
	}
	for r := range rows {
		m := math.Inf(1)
		if !math.IsInf(in.Problem.Unassigned[r], 1) {
			m = mb.rc(r, -1)
		}
		in.candidatesOf(r, func(j int) { m = math.Min(m, mb.rc(r, j)) })
		if math.IsInf(m, 1) {
			return nil, nil
		}
		mb.minRC[r] = m
		mb.base += m
	}
	if math.IsNaN(mb.base) || math.IsInf(mb.base, 0) {
		return nil, nil
	}
	return mb, nil
}

// forcedLocal returns a plan with row i in post j that keeps every side
// constraint, found by solving the neighbourhood of the file comment
// exactly (within Options.MaxNodes), and its cost; ok is false when the
// neighbourhood has no such plan.
func (in *Instance) forcedLocal(ctx context.Context, sol *solution, i, j int) (col []int, cost float64, ok bool, err error) {
	rows := len(in.Employees)
	free := make([]bool, rows)
	free[i] = true
	seat := sol.col[i]
	for r := range rows {
		switch {
		case sol.col[r] == j, sol.col[r] != in.cur[r]:
			free[r] = true
		case seat >= 0:
			in.candidatesOf(r, func(c int) { free[r] = free[r] || c == seat })
		}
	}
	var nb []int
	at := make([]int, rows)
	for r := range rows {
		at[r] = -1
		if free[r] {
			at[r] = len(nb)
			nb = append(nb, r)
		}
	}
	cols := len(in.Scorer.Positions)
	capacity := slices.Clone(in.Problem.Capacity)
	for r := range rows {
		if !free[r] && sol.col[r] >= 0 {
			capacity[sol.col[r]]--
		}
	}
	sp := &matching.Sparse{Rows: len(nb), Cols: cols, Start: make([]int, 1, len(nb)+1)}
	out := make([]float64, len(nb))
	for x, r := range nb {
		out[x] = in.Problem.Unassigned[r]
		if r == i {
			out[x] = math.Inf(1)
		}
		in.candidatesOf(r, func(c int) {
			if r != i || c == j {
				sp.Col = append(sp.Col, c)
				sp.Cost = append(sp.Cost, in.cost(r, c))
			}
		})
		sp.Start = append(sp.Start, len(sp.Col))
	}
	p := &matching.Problem{Candidates: sp, Capacity: capacity, Unassigned: out}
	for _, sd := range in.sides() {
		q := matching.Side{Name: sd.Name, Limit: sd.Limit}
		for _, t := range sd.Terms {
			switch {
			case free[t.Row]:
				q.Terms = append(q.Terms, matching.Term{Row: at[t.Row], Col: t.Col, Coef: t.Coef})
			case sol.col[t.Row] == t.Col:
				q.Limit -= t.Coef
			}
		}
		if len(q.Terms) > 0 {
			p.Side = append(p.Side, q)
		}
	}
	solver := matching.Solver{Tolerance: in.Options.Tolerance, MaxNodes: in.maxNodes()}
	a, err := solver.Solve(ctx, p)
	var ie *matching.InfeasibleError
	switch {
	case errors.As(err, &ie), errors.Is(err, matching.ErrNodeLimit):
		return nil, 0, false, nil
	case err != nil:
		return nil, 0, false, err
	}
	col = slices.Clone(sol.col)
	for x, r := range nb {
		col[r] = a.RowToCol[x]
	}
	if in.verify(newOutcome(in, col)) != nil {
		return nil, 0, false, nil // cannot happen: the neighbourhood keeps every limit
	}
	for r, c := range col {
		if c >= 0 {
			cost += in.cost(r, c)
		} else {
			cost += in.Problem.Unassigned[r]
		}
	}
	return col, cost, true, nil
}
