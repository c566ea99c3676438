package matching

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// Certify checks, independently of the solver, that a is an optimal
// assignment of p: it is feasible, its Cost is right, and its potentials U
// and V prove that no cheaper assignment exists (linear programming
// duality). It returns nil when every check passes and a *CertificateError
// (unwrapping to ErrCertificate) naming the first failed check otherwise.
//
// The checks are stated for the minimization form c' of p (costs negated
// when maximizing), with R rows and S = Σ Capacity seats:
//   - primal: every row maps to -1 or a column in range, every assigned pair
//     is allowed, no column holds more rows than its capacity, unassigned
//     rows are allowed (Unassigned finite; or, with Unassigned nil, exactly
//     min(R, S) rows are placed), and Cost equals the recomputed objective;
//   - dual: U[i] + V[j] ≤ c'[i][j] on every allowed pair, with equality on
//     assigned pairs; with Unassigned set, U[i] ≤ Unassigned'[i], with
//     equality for unassigned rows; where seats may stay empty (Unassigned
//     set, or R < S) V[j] ≤ 0, with V[j] = 0 on columns not full; where rows
//     may stay out at no cost (Unassigned nil and R > S) U[i] ≤ 0, with
//     U[i] = 0 on unassigned rows;
//   - zero gap: Σ U[i] + Σ Capacity[j]·V[j] equals the objective.
//
// Columns with no seats are skipped: their dual can always be made feasible.
// Comparisons allow tol·scale per pair and tol·scale·(R+C) for sums, where
// scale is 1 or the largest magnitude among the allowed costs; tol = 0 means
// 1e-9. With integer costs of moderate size every check is exact. A nil p
// or a, or a tol that is NaN, infinite or negative, gives an
// *ArgumentError (unwrapping to ErrInvalidArgument): none of them can
// certify anything.
//
// Certify panics when p is malformed (see Solver.Solve). It runs in
// O(R·C) time for dense problems and O(R + C + E) for sparse ones with E
// candidates, and allocates O(C).
func Certify(p *Problem, a *Assignment, tol float64) error {
	if p == nil || a == nil {
		return &ArgumentError{Name: "Certify's problem or assignment", Value: "nil", Want: "both set"}
	}
	if math.IsNaN(tol) || math.IsInf(tol, 0) || tol < 0 {
		return &ArgumentError{Name: "Certify's tol", Value: tol, Want: "a finite number ≥ 0 (0 means 1e-9)"}
	}
	rows, cols := p.dims()
	p.checkShape(rows, cols)
	if tol == 0 {
		tol = defaultTolerance
	}
	fail := func(check string, i, j int, slack float64) error {
		return &CertificateError{Check: check, Row: i, Col: j, Slack: slack}
	}
	if len(a.RowToCol) != rows || len(a.U) != rows || len(a.V) != cols {
		return fail("lengths of RowToCol, U and V match the problem", -1, -1, 0)
	}
	for i, u := range a.U {
		if math.IsNaN(u) || math.IsInf(u, 0) {
			return fail("U is finite", i, -1, 0)
		}
	}
	for j, v := range a.V {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fail("V is finite", -1, j, 0)
		}
	}

	// The pass over allowed pairs finds the scale, checks dual feasibility
	// up to a tolerance fixed afterwards: keep the worst violation.
	scale := 1.0
	worst, worstI, worstJ := math.Inf(-1), -1, -1
	visit := func(i, j int, c float64) error {
		if math.IsNaN(c) || (math.IsInf(c, -1) && !p.Maximize) {
			return fail("costs are valid numbers", i, j, c)
		}
		cm, ok := p.minCost(c)
		if !ok || p.seats(j) == 0 {
			return nil
		}
		if m := math.Abs(cm); m > scale {
			scale = m
		}
		if d := a.U[i] + a.V[j] - cm; d > worst {
			worst, worstI, worstJ = d, i, j
		}
		return nil
	}
	if err := eachPair(p, visit); err != nil {
		return err
	}
	for _, c := range p.Unassigned {
		if cm, ok := p.minCost(c); ok && math.Abs(cm) > scale {
			scale = math.Abs(cm)
		}
	}
	eps := tol * scale
	if worst > eps {
		return fail("dual feasibility: U[i]+V[j] <= cost", worstI, worstJ, worst)
	}

	// Primal feasibility and objective.
	load := make([]int, cols)
	placed := 0
	obj := 0.0 // in minimization form
	for i, j := range a.RowToCol {
		if j < -1 || j >= cols {
			return fail("RowToCol in range", i, j, 0)
		}
		if j == -1 {
			if p.Unassigned != nil {
				cm, ok := p.minCost(p.Unassigned[i])
				if !ok {
					return fail("a row that must be placed is placed", i, -1, 0)
				}
				obj += cm
				if d := a.U[i] - cm; math.Abs(d) > eps {
					return fail("complementary slackness: U[i] = Unassigned[i] for an unassigned row", i, -1, d)
				}
			} else if d := a.U[i]; math.Abs(d) > eps {
				return fail("complementary slackness: U[i] = 0 for an unassigned row", i, -1, d)
			}
			continue
		}
		c, found := pairCost(p, i, j)
		cm, ok := p.minCost(c)
		if !found || !ok || math.IsNaN(c) {
			return fail("assigned pairs are allowed", i, j, 0)
		}
		load[j]++
		placed++
		obj += cm
		if d := a.U[i] + a.V[j] - cm; math.Abs(d) > eps {
			return fail("complementary slackness: U[i]+V[j] = cost on an assigned pair", i, j, d)
		}
	}
	seats := 0
	for j := range load {
		seats += p.seats(j)
		if load[j] > p.seats(j) {
			return fail("column load within capacity", -1, j, float64(load[j]-p.seats(j)))
		}
	}
	if p.Unassigned == nil && placed != min(rows, seats) {
		return fail("min(rows, seats) rows are placed", -1, -1, float64(placed-min(rows, seats)))
	}
	sumEps := eps * float64(rows+cols+1)
	want := obj
	if p.Maximize {
		want = -obj
	}
	if d := a.Cost - want; math.Abs(d) > sumEps {
		return fail("Cost equals the recomputed objective", -1, -1, d)
	}

	// Sign conditions.
	emptySeatsAllowed := p.Unassigned != nil || rows < seats
	freeRowsAllowed := p.Unassigned == nil && rows > seats
	for i, u := range a.U {
		if p.Unassigned != nil {
			if cm, ok := p.minCost(p.Unassigned[i]); ok && u > cm+eps {
				return fail("dual feasibility: U[i] <= Unassigned[i]", i, -1, u-cm)
			}
		}
		if freeRowsAllowed && u > eps {
			return fail("dual feasibility: U[i] <= 0 when rows may stay out", i, -1, u)
		}
	}
	dual := 0.0
	for _, u := range a.U {
		dual += u
	}
	for j, v := range a.V {
		c := p.seats(j)
		if c == 0 {
			continue
		}
		if emptySeatsAllowed {
			if v > eps {
				return fail("dual feasibility: V[j] <= 0 when seats may stay empty", -1, j, v)
			}
			if load[j] < c && math.Abs(v) > eps {
				return fail("complementary slackness: V[j] = 0 on a column with an empty seat", -1, j, v)
			}
		}
		dual += float64(c) * v
	}
	if d := obj - dual; math.Abs(d) > sumEps {
		return fail("zero duality gap", -1, -1, d)
	}
	return nil
}

// eachPair calls f for every listed pair of p (every cell of a dense
// matrix), row by row and column by column, stopping at the first error.
func eachPair(p *Problem, f func(i, j int, c float64) error) error {
	if sp := p.Candidates; sp != nil {
		for i := 0; i < sp.Rows; i++ {
			for k := sp.Start[i]; k < sp.Start[i+1]; k++ {
				if err := f(i, sp.Col[k], sp.Cost[k]); err != nil {
					return err
				}
			}
		}
		return nil
	}
	rows, cols := p.Cost.Dims()
	if d, ok := p.Cost.(*mat.Dense); ok {
		raw := d.RawMatrix()
		for i := 0; i < rows; i++ {
			row := raw.Data[i*raw.Stride : i*raw.Stride+cols]
			for j, c := range row {
				if err := f(i, j, c); err != nil {
					return err
				}
			}
		}
		return nil
	}
	for i := 0; i < rows; i++ {
		for j := 0; j < cols; j++ {
			if err := f(i, j, p.Cost.At(i, j)); err != nil {
				return err
			}
		}
	}
	return nil
}

// pairCost returns the cost of (i, j) and whether the pair is listed (always
// true for a dense matrix).
func pairCost(p *Problem, i, j int) (float64, bool) {
	if sp := p.Candidates; sp != nil {
		lo, hi := sp.Start[i], sp.Start[i+1]
		for lo < hi { // binary search: columns ascend within a row
			mid := int(uint(lo+hi) >> 1)
			if sp.Col[mid] < j {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		if lo < sp.Start[i+1] && sp.Col[lo] == j {
			return sp.Cost[lo], true
		}
		return 0, false
	}
	return p.Cost.At(i, j), true
}
