package matching

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// randManySides adds three to six side constraints of the kinds scenarios
// writes, over a random "stay" column per row and a random split of the
// columns into two or three units: a move budget (coefficient 1 on every
// pair away from the stay column), per-unit turnover limits (rows of a
// unit placed outside it), a conflict pair (two rows in the same unit at
// most once) and a random constraint as randSide draws. Costs are
// sometimes scaled to scenario magnitudes (about 10⁶ per pair).
func randManySides(rng *rand.Rand, p *Problem) {
	rows, cols := p.dims()
	stay := make([]int, rows)
	for i := range stay {
		stay[i] = rng.IntN(cols)
	}
	units := 1 + rng.IntN(min(3, cols))
	unitOf := make([]int, cols)
	for j := range unitOf {
		unitOf[j] = rng.IntN(units)
	}
	for len(p.Side) < 3+rng.IntN(4) {
		sd := Side{Name: fmt.Sprintf("s%d", len(p.Side))}
		switch rng.IntN(4) {
		case 0: // move budget
			for i := 0; i < rows; i++ {
				for j := 0; j < cols; j++ {
					if j != stay[i] {
						sd.Terms = append(sd.Terms, Term{Row: i, Col: j, Coef: 1})
					}
				}
			}
			sd.Limit = float64(rng.IntN(rows + 1))
		case 1: // turnover of one unit
			u := rng.IntN(units)
			for i := 0; i < rows; i++ {
				if unitOf[stay[i]] != u {
					continue
				}
				for j := 0; j < cols; j++ {
					if unitOf[j] != u {
						sd.Terms = append(sd.Terms, Term{Row: i, Col: j, Coef: 1})
					}
				}
			}
			sd.Limit = float64(rng.IntN(3))
		case 2: // conflict pair: rows a and b not both in unit u
			a, b, u := rng.IntN(rows), rng.IntN(rows), rng.IntN(units)
			if a == b {
				continue
			}
			for _, i := range []int{a, b} {
				for j := 0; j < cols; j++ {
					if unitOf[j] == u {
						sd.Terms = append(sd.Terms, Term{Row: i, Col: j, Coef: 1})
					}
				}
			}
			sd.Limit = 1
		default:
			q := &Problem{}
			q.Cost = p.Cost
			q.Candidates = p.Candidates
			randSide(rng, q)
			sd = q.Side[0]
			sd.Name = fmt.Sprintf("s%d", len(p.Side))
		}
		p.Side = append(p.Side, sd)
	}
}

// scaleCosts multiplies every finite cost of p by f and adds a small
// integer perturbation, keeping them integers (scenario magnitudes).
func scaleCosts(rng *rand.Rand, p *Problem, f float64) {
	perturb := func(c float64) float64 {
		if math.IsInf(c, 0) {
			return c
		}
		return c*f + float64(rng.IntN(1000))
	}
	if sp := p.Candidates; sp != nil {
		for k := range sp.Cost {
			sp.Cost[k] = perturb(sp.Cost[k])
		}
	} else {
		d := p.Cost.(interface {
			Dims() (int, int)
			At(i, j int) float64
			Set(i, j int, v float64)
		})
		r, c := d.Dims()
		for i := 0; i < r; i++ {
			for j := 0; j < c; j++ {
				d.Set(i, j, perturb(d.At(i, j)))
			}
		}
	}
	for i, c := range p.Unassigned {
		p.Unassigned[i] = perturb(c)
	}
}

// TestConstrainedManySidesOracle checks the branch and bound of several
// side constraints (subgradient bound, relinking heuristic, reduced-cost
// fixing, branching on the averaged relaxed solution) against brute force:
// a proven result equals the optimum; under a small node limit the plan is
// feasible, costs no less than the optimum and its Bound is never above it
// (minimization form).
func TestConstrainedManySidesOracle(t *testing.T) {
	t.Parallel()
	n := 400
	if testing.Short() {
		n = 80
	}
	for _, fam := range []struct {
		name   string
		groups bool
		scale  bool
	}{{"sides", false, false}, {"sides+groups", true, false}, {"sides/scaled", false, true}, {"sides+groups/scaled", true, true}} {
		t.Run(fam.name, func(t *testing.T) {
			t.Parallel()
			feasible, binding, gaps := 0, 0, 0
			for seed := uint64(0); seed < uint64(n); seed++ {
				rng := rand.New(rand.NewPCG(seed, 61))
				p := randSmall(rng, 6, 6, seed%2 == 0)
				if fam.scale {
					scaleCosts(rng, p, 1e6)
				}
				if fam.groups {
					randGroups(rng, p)
				}
				randManySides(rng, p)
				want, ok := bruteOptimum(p)
				sign := 1.0
				if p.Maximize {
					sign = -1
				}
				for _, limit := range []int{0, 1, 3} {
					s := Solver{MaxNodes: limit}
					a, err := s.solveConstrained(context.Background(), p)
					if !ok {
						if limit == 0 {
							require.ErrorIs(t, err, ErrInfeasible, "seed %d\n%s", seed, describe(p))
						}
						continue
					}
					if limit > 0 && errors.Is(err, ErrNodeLimit) {
						continue
					}
					require.NoError(t, err, "seed %d limit %d\n%s", seed, limit, describe(p))
					checkFeasible(t, p, a)
					require.LessOrEqual(t, sign*a.Bound, sign*want, "seed %d limit %d: bound above the optimum\n%s", seed, limit, describe(p))
					require.GreaterOrEqual(t, sign*a.Cost, sign*want, "seed %d limit %d", seed, limit)
					if limit == 0 || a.Bound == a.Cost {
						require.Equal(t, want, a.Cost, "seed %d limit %d: proven but not optimal\n%s\ngot %v", seed, limit, describe(p), a.RowToCol)
						require.Equal(t, a.Cost, a.Bound, "seed %d limit %d", seed, limit)
					} else {
						gaps++
					}
					if limit == 0 {
						feasible++
						checkConstrainedCertificate(t, p, a)
						q := *p
						q.Side = nil
						if free, _ := bruteOptimum(&q); free != want {
							binding++
						}
					}
				}
			}
			t.Logf("%d feasible, %d binding, %d gaps under a node limit", feasible, binding, gaps)
			assert.Greater(t, feasible, n/10, "too few feasible cases")
			assert.Greater(t, binding, n/20, "too few cases where the side constraints bind")
		})
	}
}

// TestDiveLeavesNetwork: a dive's re-solves leave the kept network as they
// found it, so the next subproblem gives the same relaxed solution and
// value as without the dive; and a plan the dive offers keeps every
// constraint.
func TestDiveLeavesNetwork(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dived := 0
	for seed := uint64(0); seed < 200; seed++ {
		rng := rand.New(rand.NewPCG(seed, 31))
		w := randWorkforce(rng, 12)
		if len(w.p.Side) < 2 || w.p.Groups != nil {
			continue
		}
		var s Solver
		cp, err := newConProblem(&s, w.p)
		require.NoError(t, err)
		if cp.fixByFlow {
			continue
		}
		b := newBnb(cp)
		var st nodeState
		require.NoError(t, cp.unpack(b.open.items[0], &st))
		lambda := make([]float64, len(cp.side))
		for k := range lambda {
			lambda[k] = float64(rng.IntN(5))
		}
		cp.price(lambda)
		x, val, err := s.relax(ctx, cp, &st)
		if err != nil {
			continue // no assignment at all
		}
		if cp.satisfies(cp.rowToCol(x)) {
			continue
		}
		require.NoError(t, s.dive(ctx, b, &st, lambda, x))
		if b.best != nil {
			dived++
			assert.True(t, cp.satisfies(cp.rowToCol(b.best)), "seed %d: the dive's plan breaks a constraint", seed)
		}
		cp.price(lambda)
		y, val2, err := s.relax(ctx, cp, &st)
		require.NoError(t, err)
		assert.Equal(t, x, y, "seed %d: relaxed solution after the dive", seed)
		assert.Equal(t, val, val2, "seed %d", seed)
	}
	assert.Greater(t, dived, 10, "too few dives that found a plan")
}
