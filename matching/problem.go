package matching

import (
	"context"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Problem is one assignment problem: rows (agents) are placed into columns
// (tasks), each column offering Capacity seats, at minimum total cost (or
// maximum total value when Maximize is set).
//
// Exactly one of Cost and Candidates is set; Solve panics otherwise.
//
// Semantics, with R rows and S = Σ Capacity seats:
//   - Unassigned == nil (the SciPy convention): min(R, S) rows are placed. If
//     R ≤ S every row is placed and seats may stay empty; if R > S every seat
//     is filled and R − S rows stay unassigned at no cost.
//   - Unassigned != nil: every row is either placed, at its pair's cost, or
//     left unassigned at cost Unassigned[i]. Seats may stay empty. An
//     Unassigned entry of +Inf (or −Inf when maximizing) means the row must
//     be placed.
type Problem struct {
	// Cost holds the dense rows × cols cost matrix. +Inf marks a forbidden
	// pair; so does −Inf when Maximize is set. NaN, and −Inf when minimizing,
	// are rejected with a *CostError. A *mat.Dense is read in place and never
	// copied or modified; any other mat.Matrix is copied once.
	Cost mat.Matrix

	// Candidates holds sparse candidate lists: a pair that is not listed is
	// forbidden. The solver reads it in place and never modifies it.
	Candidates *Sparse

	// Maximize asks for the maximum total value instead of the minimum cost.
	Maximize bool

	// Capacity gives each column's number of seats. Nil means one seat per
	// column. Its length must equal the number of columns and no entry may be
	// negative (Solve panics otherwise).
	Capacity []int

	// Unassigned gives each row's cost of staying unassigned (see the type
	// comment). Nil means the SciPy convention. Its length must equal the
	// number of rows (Solve panics otherwise). NaN, and −Inf when minimizing,
	// are rejected with a *CostError whose Col is -1.
	Unassigned []float64

	// Fix lists pairs that must be in the assignment. A pair out of range
	// makes Solve panic; a forbidden pair, two pairs for one row or more
	// pairs than a column has seats give an *InfeasibleError.
	Fix []Pair

	// Groups puts floors and caps on the rows placed into sets of columns.
	// Groups must be disjoint or nested (a laminar family, such as a unit's
	// seats and its doctor seats inside them); groups that overlap
	// otherwise give ErrUnsupported.
	Groups []Group

	// Side lists linear side constraints Σ Coef·x ≤ Limit.
	Side []Side
}

// Pair is one (row, column) pair.
type Pair struct {
	Row, Col int
}

// Group bounds the number of rows assigned into a set of columns: between
// Min and Max inclusive.
type Group struct {
	Cols     []int
	Min, Max int
}

// Side is the linear side constraint Σ Coef·x[Row][Col] ≤ Limit over its
// terms, where x is 1 for an assigned pair and 0 otherwise.
type Side struct {
	Name  string
	Terms []Term
	Limit float64

	// Hint, when positive, is where the search starts this constraint's
	// Lagrange multiplier: the value an earlier solve of a similar problem
	// reported in Assignment.Multipliers, say. A good hint saves most of
	// the work of the root; any hint ≥ 0 leaves the optimal cost and the
	// validity of the bound unchanged, though among equal optima another
	// plan may be returned. NaN, ±Inf and negative hints are refused with
	// ErrInvalidArgument.
	Hint float64
}

// Term is one coefficient of a side constraint.
type Term struct {
	Row, Col int
	Coef     float64
}

// Sparse holds candidate lists in compressed sparse row (CSR) form: the
// candidates of row i are Col[Start[i]:Start[i+1]] with costs
// Cost[Start[i]:Start[i+1]]. Columns are strictly ascending within a row.
// A pair that is not listed is forbidden.
type Sparse struct {
	Rows, Cols int
	Start      []int
	Col        []int
	Cost       []float64
}

// Assignment is the result of a solve.
type Assignment struct {
	// RowToCol maps each row to its column, or -1 when the row is
	// unassigned.
	RowToCol []int

	// Cost is the objective of RowToCol in the problem's own sense: the sum
	// of the assigned pairs' costs plus the Unassigned cost of every
	// unassigned row (a value to maximize when Problem.Maximize is set).
	Cost float64

	// Bound is a proven bound on the optimum; it equals Cost when the result
	// is optimal.
	Bound float64

	// U and V are the dual potentials of rows and columns for the
	// minimization form of the problem (costs negated when maximizing). See
	// Certify for the conditions they satisfy. With groups or fixed pairs
	// they are the row and column potentials of the min-cost flow, which
	// pass Certify only when no group binds; with side constraints, and
	// from KBest, they are nil.
	U, V []float64

	// Multipliers holds one Lagrange multiplier per side constraint; nil
	// without side constraints.
	Multipliers []float64
}

// Solver solves assignment problems. The zero value is ready to use. A
// Solver reuses its internal buffers from one call to the next, so repeated
// solves of similar size do not reallocate; it is not safe for concurrent
// use.
type Solver struct {
	// Tolerance is the relative tolerance used when checking costs and
	// certificates; zero means 1e-9. NaN, infinite and negative values are
	// refused.
	Tolerance float64

	// MaxNodes caps the branch-and-bound nodes of constrained problems;
	// zero means 100 000. A negative value is refused.
	MaxNodes int

	// Progress, when set, is called from time to time with the number of
	// rows placed so far and the number of rows to place (for side
	// constraints: the nodes evaluated and the node limit, unless Search
	// is set).
	Progress func(done, total int)

	// Gap, when positive, stops branch and bound (side constraints) once
	// the plan found is proven within Gap of the optimum, relative to the
	// plan's cost: Cost − Bound ≤ Gap·max(1, |Cost|) (the other way round
	// when maximizing). Zero means prove the optimum (within MaxNodes).
	Gap float64

	// Search, when set, is called after each branch-and-bound node
	// (side constraints) with the state of the search.
	Search func(SearchState)

	ws       workspace
	stats    stats
	noGroups bool // tests: never scan rows by cost class (sparse_group.go)
	allGroup bool // tests: scan rows by cost class whenever rows have few costs
}

// stats counts the solver's work, for complexity tests.
type stats struct {
	augmentations int // shortest augmenting path searches
	scans         int // rows scanned in all searches
	arrSteps      int // augmenting row reduction steps (dense initialization)
	skips         int // scanned rows not relaxed: an equivalent row was (dense)
	sweeps        int // O(cols) passes over a row or the distances (dense)
	offerSkips    int // row pairs not scanned: offered no worse (sparse_group.go)
}

const defaultTolerance = 1e-9

// Solve returns an optimal assignment of p together with its dual
// potentials.
//
// Without Fix, Groups and Side it runs the dense or sparse solver; Fix and
// Groups go to the min-cost flow solver (flow.go) and Side to Lagrangian
// branch and bound (constrained.go). When branch and bound reaches MaxNodes
// it returns the best plan found with Bound short of Cost and no error.
//
// It returns a *CostError (unwrapping to ErrInvalidCost) for a NaN cost or a
// −Inf cost when minimizing (an error wrapping ErrInvalidCost for a NaN or
// infinite side coefficient or limit), an *InfeasibleError (unwrapping to ErrInfeasible) when no
// assignment satisfies the problem, ErrUnsupported for groups that overlap
// without nesting, ErrNodeLimit when MaxNodes is reached before any
// feasible plan is found, and ctx.Err() when the context is cancelled
// (checked between augmentations or nodes). A nil p, a Tolerance that is
// NaN, infinite or negative, a negative MaxNodes or capacities whose sum
// overflows int give an *ArgumentError (unwrapping to ErrInvalidArgument);
// finite costs whose magnitudes (each row's largest, Unassigned included)
// sum past MaxFloat64/4, where the solver's sums would overflow, give an
// error wrapping ErrInvalidCost.
//
// Solve panics when both or neither of Cost and Candidates are set, when
// Capacity or Unassigned have the wrong length or Capacity a negative entry,
// or when a Fix pair, group column or side term is out of range.
//
// The returned slices are freshly allocated and never alias p or the
// solver's buffers.
func (s *Solver) Solve(ctx context.Context, p *Problem) (Assignment, error) {
	if err := s.checkArgs(p); err != nil {
		return Assignment{}, err
	}
	rows, cols := p.dims()
	p.checkShape(rows, cols)
	if err := p.checkUnassigned(); err != nil {
		return Assignment{}, err
	}
	if len(p.Side) > 0 || len(p.Fix) > 0 || len(p.Groups) > 0 {
		if err := p.checkMagnitude(rows, cols); err != nil {
			return Assignment{}, err
		}
	}
	// The dense and sparse solvers sum the magnitudes in the pass that
	// validates the costs (magnitudes), with the same errors.
	return s.solveChecked(ctx, p)
}

// solveChecked is Solve for a problem already checked: one built by the
// package from a checked problem, with no cost of larger magnitude.
func (s *Solver) solveChecked(ctx context.Context, p *Problem) (Assignment, error) {
	switch {
	case len(p.Side) > 0:
		return s.solveConstrained(ctx, p)
	case len(p.Fix) > 0 || len(p.Groups) > 0:
		return s.solveFlow(ctx, p)
	}
	if p.Cost != nil {
		return s.solveDense(ctx, p)
	}
	return s.solveSparse(ctx, p)
}

// maxCostSum bounds Σ over rows of the row's largest finite cost magnitude
// (its Unassigned cost included): potentials stay within it, so reduced
// costs c − u − v stay below 3·maxCostSum and finite.
const maxCostSum = math.MaxFloat64 / 4

// checkArgs returns an *ArgumentError for a nil p or a Solver setting out of
// range: Tolerance NaN, infinite or negative, MaxNodes negative.
func (s *Solver) checkArgs(p *Problem) error {
	if p == nil {
		return &ArgumentError{Name: "Problem", Value: "nil", Want: "a problem"}
	}
	if t := s.Tolerance; math.IsNaN(t) || math.IsInf(t, 0) || t < 0 {
		return &ArgumentError{Name: "Solver.Tolerance", Value: t, Want: "a finite number ≥ 0 (0 means 1e-9)"}
	}
	if s.MaxNodes < 0 {
		return &ArgumentError{Name: "Solver.MaxNodes", Value: s.MaxNodes, Want: "a number ≥ 0 (0 means 100 000)"}
	}
	if p.Capacity != nil {
		n := 0
		for _, c := range p.Capacity {
			if c > 0 && n > math.MaxInt-c {
				return &ArgumentError{Name: "Problem.Capacity", Value: "a sum past the largest int",
					Want: fmt.Sprintf("seats that sum to at most %d", math.MaxInt)}
			}
			n += max(c, 0) // a negative entry panics in checkShape
		}
	}
	return nil
}

// checkMagnitude returns an error wrapping ErrInvalidCost when the rows'
// largest finite cost magnitudes (Unassigned included) sum past
// maxCostSum, where the solver's sums and potentials would overflow. It
// assumes the shape has been checked; NaN is left to the solvers.
func (p *Problem) checkMagnitude(rows, cols int) error {
	var mg magnitudes
	rowMax := func(i int, m float64) error { return mg.add(p.Unassigned, i, m) }
	fin := func(m, c float64) float64 {
		if a := math.Abs(c); a > m && a <= math.MaxFloat64 {
			return a
		}
		return m
	}
	if sp := p.Candidates; sp != nil {
		for i := 0; i < sp.Rows; i++ {
			m := 0.0
			lo, hi := sp.Start[i], sp.Start[i+1]
			if lo < 0 || lo > hi || hi > len(sp.Cost) {
				return nil // malformed: the sparse solver panics with its message
			}
			for _, c := range sp.Cost[lo:hi] {
				m = fin(m, c)
			}
			if err := rowMax(i, m); err != nil {
				return err
			}
		}
		return nil
	}
	d, dense := p.Cost.(*mat.Dense)
	var raw []float64
	stride := 0
	if dense {
		r := d.RawMatrix()
		raw, stride = r.Data, r.Stride
	}
	for i := 0; i < rows; i++ {
		m := 0.0
		if dense {
			for _, c := range raw[i*stride : i*stride+cols] {
				m = fin(m, c)
			}
		} else {
			for j := 0; j < cols; j++ {
				m = fin(m, p.Cost.At(i, j))
			}
		}
		if err := rowMax(i, m); err != nil {
			return err
		}
	}
	return nil
}

// magnitudes sums, row by row in ascending order, each row's largest finite
// cost magnitude, its Unassigned cost's included (see checkMagnitude). The
// dense and sparse solvers keep one in the pass that validates the costs,
// so that Solve makes no pass of its own.
type magnitudes struct {
	sum  float64
	next int // rows 0 to next−1 are in sum
}

// add adds row i's largest finite cost magnitude m (and its unassigned
// cost's, when unassigned is set), unless row i is in the sum already, and
// returns the error of checkMagnitude once the sum passes
// maxCostSum. Rows must come in ascending order, each after the one
// before.
func (mg *magnitudes) add(unassigned []float64, i int, m float64) error {
	if i != mg.next {
		return nil // counted by an earlier pass
	}
	mg.next++
	if i < len(unassigned) {
		if u := math.Abs(unassigned[i]); u > m && !math.IsInf(u, 0) {
			m = u
		}
	}
	mg.sum += m
	if !(mg.sum <= maxCostSum) && !math.IsNaN(mg.sum) {
		return fmt.Errorf("%w: the largest cost magnitudes of rows 0 to %d sum to %.3g, past %.3g, where the solver's sums overflow",
			ErrInvalidCost, i, mg.sum, maxCostSum)
	}
	return nil
}

// finiteMax returns the largest magnitude among the finite values of cs
// (NaN and ±Inf left out), 0 if none.
func finiteMax(cs []float64) float64 {
	m := 0.0
	for _, c := range cs {
		if a := math.Abs(c); a > m && a <= math.MaxFloat64 {
			m = a
		}
	}
	return m
}

// dims returns the problem's size and panics unless exactly one of Cost and
// Candidates is set.
func (p *Problem) dims() (rows, cols int) {
	switch {
	case p.Cost != nil && p.Candidates != nil:
		panic("matching: both Cost and Candidates are set")
	case p.Cost != nil:
		return p.Cost.Dims()
	case p.Candidates != nil:
		return p.Candidates.Rows, p.Candidates.Cols
	}
	panic("matching: neither Cost nor Candidates is set")
}

func (p *Problem) checkShape(rows, cols int) {
	if p.Capacity != nil {
		if len(p.Capacity) != cols {
			panic(fmt.Sprintf("matching: Capacity has length %d, want %d columns", len(p.Capacity), cols))
		}
		for j, c := range p.Capacity {
			if c < 0 {
				panic(fmt.Sprintf("matching: Capacity[%d] = %d is negative", j, c))
			}
		}
	}
	if p.Unassigned != nil && len(p.Unassigned) != rows {
		panic(fmt.Sprintf("matching: Unassigned has length %d, want %d rows", len(p.Unassigned), rows))
	}
	if sp := p.Candidates; sp != nil {
		if sp.Rows < 0 || sp.Cols < 0 || len(sp.Start) != sp.Rows+1 || sp.Start[0] != 0 ||
			len(sp.Col) != sp.Start[sp.Rows] || len(sp.Cost) != len(sp.Col) {
			panic("matching: malformed Sparse: Start, Col and Cost lengths disagree")
		}
	}
}

func (p *Problem) checkUnassigned() error {
	for i, c := range p.Unassigned {
		if math.IsNaN(c) || (math.IsInf(c, -1) && !p.Maximize) {
			return &CostError{Row: i, Col: -1, Value: c}
		}
	}
	return nil
}

// seats returns the capacity of column j.
func (p *Problem) seats(j int) int {
	if p.Capacity == nil {
		return 1
	}
	return p.Capacity[j]
}

// totalSeats returns Σ Capacity.
func (p *Problem) totalSeats(cols int) int {
	if p.Capacity == nil {
		return cols
	}
	n := 0
	for _, c := range p.Capacity {
		n += c
	}
	return n
}

// minCost converts a cost of the problem into its minimization form and
// reports whether the pair (or the option of staying unassigned) is allowed.
// It assumes the value has already been checked for NaN and −Inf.
func (p *Problem) minCost(c float64) (float64, bool) {
	if math.IsInf(c, 0) {
		return 0, false
	}
	if p.Maximize {
		return -c, true
	}
	return c, true
}

// workspace holds the buffers a Solver reuses between calls; each algorithm
// owns its part (dense.go, sparse.go).
type workspace struct {
	dense  denseWorkspace
	sparse sparseWorkspace
}
