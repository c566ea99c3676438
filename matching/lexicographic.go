package matching

import (
	"context"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// This file optimizes several objectives in order of priority ("first
// fill the critical seats, then maximize total fit") by one solve of a
// scaled combination, used only when it is exact.
//
// With integer costs, level k's total changes by at least 1 between plans
// that differ on it, while the levels after it, combined, change by at
// most D = Σ_i (largest − smallest combined cost among row i's choices).
// Weighting level k by D + 1 over the combination of the levels after it
// therefore orders plans lexicographically. Built from the last level up,
// the combination is exact when every cost is an integer and every sum
// stays below 2⁵³; otherwise Lexicographic refuses (ErrUnsupported)
// rather than round.

// Objective is one level of a lexicographic objective for
// [Solver.Lexicographic]: a cost for each pair and for staying out, over
// the pairs and seats of the problem it is used with.
type Objective struct {
	// Cost is R×C, the problem's shape. Only the problem's allowed pairs
	// are read; the problem alone decides which pairs are allowed. Values
	// must be integers (not NaN or infinite).
	Cost mat.Matrix
	// Unassigned is the cost of leaving each row out; nil means 0. It must
	// be nil when the problem's Unassigned is nil.
	Unassigned []float64
	// Maximize makes this level a value to maximize.
	Maximize bool
}

// Lexicographic returns a plan of p that is best for objectives[0], then,
// among those, best for objectives[1], and so on, and finally best for
// p's own costs (p.Maximize respected) among the plans optimal for every
// objective. p gives the allowed pairs, seats, groups, fixed pairs and
// side constraints, as for Solve. values[k] is objectives[k]'s value at
// the plan, in its own sense; the Assignment's Cost is p's own objective
// at the plan, with Bound equal to it and nil U, V and Multipliers (the
// potentials of the combined problem certify the combination, not each
// level).
//
// The levels are combined into one problem by integer weights and solved
// once. It returns an error wrapping ErrUnsupported when that is not exact
// in float64: a cost that is not an integer (at any level, p's included),
// or combined sums of magnitude 2⁵³ or more. With side constraints, a
// combined solve that stops at MaxNodes without proving its optimum
// returns an error wrapping ErrNodeLimit. Otherwise it returns the errors
// of Solve. It panics when an objective's shape differs from p's, when an
// objective has Unassigned but p does not, or on a malformed p.
//
// Complexity: one Solve of p's size, plus O(L·R·C) to combine L levels.
func (s *Solver) Lexicographic(ctx context.Context, p *Problem, objectives ...Objective) (a Assignment, values []float64, err error) {
	if err := s.checkArgs(p); err != nil {
		return Assignment{}, nil, err
	}
	rows, cols := p.dims()
	p.checkShape(rows, cols)
	for k, o := range objectives {
		if r, c := o.Cost.Dims(); r != rows || c != cols {
			panic(fmt.Sprintf("matching: objective %d is %d×%d, want %d×%d", k, r, c, rows, cols))
		}
		if o.Unassigned != nil && len(o.Unassigned) != rows {
			panic(fmt.Sprintf("matching: objective %d has %d Unassigned costs, want %d", k, len(o.Unassigned), rows))
		}
		if o.Unassigned != nil && p.Unassigned == nil {
			panic(fmt.Sprintf("matching: objective %d has Unassigned costs, the problem has none", k))
		}
	}
	if err := p.checkUnassigned(); err != nil {
		return Assignment{}, nil, err
	}
	// The allowed pairs, in CSR order, and the rows that may stay out.
	var start, col []int
	start = make([]int, rows+1)
	var own []float64 // p's costs in minimization form
	err = eachPair(p, func(i, j int, c float64) error {
		if math.IsNaN(c) || (math.IsInf(c, -1) && !p.Maximize) {
			return &CostError{Row: i, Col: j, Value: c}
		}
		if cm, ok := p.minCost(c); ok {
			col = append(col, j)
			own = append(own, cm)
			start[i+1] = len(col)
		}
		return nil
	})
	if err != nil {
		return Assignment{}, nil, err
	}
	for i := 1; i <= rows; i++ {
		start[i] = max(start[i], start[i-1])
	}
	outOK := make([]bool, rows) // staying out is a choice of row i
	var ownOut []float64
	if p.Unassigned != nil {
		ownOut = make([]float64, rows)
		for i, u := range p.Unassigned {
			ownOut[i], outOK[i] = p.minCost(u)
		}
	} else if rows > p.totalSeats(cols) {
		for i := range outOK {
			outOK[i] = true // at cost 0, for every level
		}
	}

	// Combine from the last level (p's own costs) up.
	comb := own
	combOut := ownOut
	if !integral(comb) || !integral(combOut) {
		return Assignment{}, nil, fmt.Errorf("%w: lexicographic objectives need integer costs", ErrUnsupported)
	}
	for k := len(objectives) - 1; k >= 0; k-- {
		o := &objectives[k]
		d := 0.0 // the most the combined lower levels can change
		for i := 0; i < rows; i++ {
			lo, hi := math.Inf(1), math.Inf(-1)
			for e := start[i]; e < start[i+1]; e++ {
				lo, hi = min(lo, comb[e]), max(hi, comb[e])
			}
			if outOK[i] {
				c := 0.0
				if combOut != nil {
					c = combOut[i]
				}
				lo, hi = min(lo, c), max(hi, c)
			}
			if hi > lo {
				d += hi - lo
			}
		}
		w := d + 1
		next := make([]float64, len(comb))
		for i := 0; i < rows; i++ {
			for e := start[i]; e < start[i+1]; e++ {
				c := o.Cost.At(i, col[e])
				if o.Maximize {
					c = -c
				}
				if c != math.Trunc(c) || math.IsInf(c, 0) {
					return Assignment{}, nil, fmt.Errorf("%w: lexicographic objective %d has %v at (%d, %d), want an integer", ErrUnsupported, k, c, i, col[e])
				}
				next[e] = c*w + comb[e]
			}
		}
		var nextOut []float64
		if combOut != nil {
			nextOut = make([]float64, rows)
			for i := range nextOut {
				c := 0.0
				if o.Unassigned != nil {
					c = o.Unassigned[i]
					if o.Maximize {
						c = -c
					}
				}
				if c != math.Trunc(c) || math.IsInf(c, 0) {
					return Assignment{}, nil, fmt.Errorf("%w: lexicographic objective %d leaves row %d out at %v, want an integer", ErrUnsupported, k, i, c)
				}
				nextOut[i] = c*w + combOut[i]
				if !outOK[i] {
					nextOut[i] = math.Inf(1)
				}
			}
		}
		comb, combOut = next, nextOut
		if !exactSums(comb, combOut, outOK) {
			return Assignment{}, nil, fmt.Errorf("%w: lexicographic objectives: the combined costs reach 2⁵³ and would not be exact", ErrUnsupported)
		}
	}
	for i := range combOut {
		if !outOK[i] {
			combOut[i] = math.Inf(1)
		}
	}
	q := *p
	q.Cost, q.Maximize = nil, false
	q.Candidates = &Sparse{Rows: rows, Cols: cols, Start: start, Col: col, Cost: comb}
	q.Unassigned = combOut
	r, err := s.Solve(ctx, &q)
	if err != nil {
		return Assignment{}, nil, err
	}
	if r.Bound != r.Cost {
		return Assignment{}, nil, fmt.Errorf("%w: the combined objective is not proven optimal (bound %v, cost %v)", ErrNodeLimit, r.Bound, r.Cost)
	}
	a = Assignment{RowToCol: r.RowToCol, Cost: objective(p, r.RowToCol)}
	a.Bound = a.Cost
	values = make([]float64, len(objectives))
	for k, o := range objectives {
		for i, j := range r.RowToCol {
			switch {
			case j >= 0:
				values[k] += o.Cost.At(i, j)
			case o.Unassigned != nil:
				values[k] += o.Unassigned[i]
			}
		}
	}
	return a, values, nil
}

// integral reports whether every finite value of xs is an integer.
func integral(xs []float64) bool {
	for _, x := range xs {
		if !math.IsInf(x, 0) && x != math.Trunc(x) {
			return false
		}
	}
	return true
}

// exactSums reports whether any plan's total of the combined costs, and
// every partial sum on the way, stays below 2⁵³ in magnitude: (R+1) times
// the largest magnitude of a choice, for R rows.
func exactSums(comb, combOut []float64, outOK []bool) bool {
	total := 0.0
	for _, c := range comb {
		total = max(total, math.Abs(c))
	}
	for i, c := range combOut {
		if outOK[i] {
			total = max(total, math.Abs(c))
		}
	}
	return total*float64(len(outOK)+1) < 1<<53
}
