package matching

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

// metaProblem returns a random feasible-looking problem with integer costs
// (so every transformed optimum is exact): one of the shapes and features
// the solver handles.
func metaProblem(rng *rand.Rand) *Problem {
	r, c := 5+rng.IntN(40), 5+rng.IntN(40)
	var m *mat.Dense
	if rng.IntN(2) == 0 {
		m = tiesDense(rng, r, c, 4)
	} else {
		m = randDense(rng, r, c, 1000)
	}
	raw := m.RawMatrix().Data
	for k := range raw {
		if rng.IntN(10) == 0 {
			raw[k] = math.Inf(1)
		}
	}
	p := &Problem{Cost: m, Maximize: rng.IntN(4) == 0}
	if p.Maximize {
		for k := range raw {
			if math.IsInf(raw[k], 1) && rng.IntN(2) == 0 {
				raw[k] = math.Inf(-1)
			}
		}
	}
	if rng.IntN(2) == 0 {
		p.Unassigned = make([]float64, r)
		for i := range p.Unassigned {
			p.Unassigned[i] = float64(rng.IntN(1500))
			if rng.IntN(4) == 0 {
				p.Unassigned[i] = math.Inf(1)
			}
		}
	}
	if rng.IntN(2) == 0 {
		p.Capacity = randCapacity(rng, c)
	}
	return p
}

// solveMeta solves p and certifies it; ok is false when p is infeasible.
func solveMeta(t *testing.T, p *Problem) (a Assignment, ok bool) {
	t.Helper()
	var s Solver
	a, err := s.Solve(context.Background(), p)
	if err != nil {
		require.ErrorIs(t, err, ErrInfeasible)
		return a, false
	}
	checkAssignment(t, p, a)
	return a, true
}

// transform returns p with its costs mapped through f(i, j, c), rows and
// columns permuted (row i of p becomes row rp[i], column j becomes cp[j]).
func transform(p *Problem, rp, cp []int, f func(i, j int, c float64) float64) *Problem {
	r, c := p.Cost.Dims()
	m := mat.NewDense(r, c, nil)
	for i := range r {
		for j := range c {
			m.Set(rp[i], cp[j], f(i, j, p.Cost.At(i, j)))
		}
	}
	q := &Problem{Cost: m, Maximize: p.Maximize}
	if p.Unassigned != nil {
		q.Unassigned = make([]float64, r)
		for i, u := range p.Unassigned {
			q.Unassigned[rp[i]] = f(i, -1, u)
		}
	}
	if p.Capacity != nil {
		q.Capacity = make([]int, c)
		for j, k := range p.Capacity {
			q.Capacity[cp[j]] = k
		}
	}
	return q
}

func identity(n int) []int {
	p := make([]int, n)
	for k := range p {
		p[k] = k
	}
	return p
}

func TestDenseMetamorphic(t *testing.T) {
	n := 150 // seeded cases per property
	if testing.Short() {
		n = 30
	}
	keep := func(_, _ int, c float64) float64 { return c }
	tests := []struct {
		name  string
		check func(t *testing.T, rng *rand.Rand, p *Problem, a Assignment)
	}{
		{"permute rows and columns", func(t *testing.T, rng *rand.Rand, p *Problem, a Assignment) {
			r, c := p.Cost.Dims()
			q := transform(p, rng.Perm(r), rng.Perm(c), keep)
			b, ok := solveMeta(t, q)
			require.True(t, ok, "a permutation stays feasible")
			require.Equal(t, a.Cost, b.Cost)
		}},
		{"scale by s > 0", func(t *testing.T, rng *rand.Rand, p *Problem, a Assignment) {
			r, c := p.Cost.Dims()
			s := float64(1 + rng.IntN(7)) // integer factors keep integer costs exact
			q := transform(p, identity(r), identity(c), func(_, _ int, c float64) float64 { return s * c })
			b, ok := solveMeta(t, q)
			require.True(t, ok, "scaling keeps feasibility")
			require.Equal(t, s*a.Cost, b.Cost)
		}},
		{"add k to a must-place row", func(t *testing.T, rng *rand.Rand, p *Problem, a Assignment) {
			r, c := p.Cost.Dims()
			var must []int
			for i := range r {
				switch {
				case p.Unassigned == nil && r <= p.totalSeats(c):
					must = append(must, i)
				case p.Unassigned != nil && math.IsInf(p.Unassigned[i], 0):
					must = append(must, i)
				}
			}
			if len(must) == 0 {
				return
			}
			row := must[rng.IntN(len(must))]
			k := float64(rng.IntN(2001) - 1000)
			q := transform(p, identity(r), identity(c), func(i, j int, c float64) float64 {
				if i == row && j >= 0 {
					return c + k
				}
				return c
			})
			b, ok := solveMeta(t, q)
			require.True(t, ok)
			require.Equal(t, a.Cost+k, b.Cost, "row %d + %v", row, k)
		}},
		{"forbid an unused pair", func(t *testing.T, rng *rand.Rand, p *Problem, a Assignment) {
			r, c := p.Cost.Dims()
			i, j := rng.IntN(r), rng.IntN(c)
			if a.RowToCol[i] == j {
				return
			}
			forbidden := math.Inf(1)
			q := transform(p, identity(r), identity(c), func(ii, jj int, c float64) float64 {
				if ii == i && jj == j {
					return forbidden
				}
				return c
			})
			b, ok := solveMeta(t, q)
			require.True(t, ok)
			require.Equal(t, a.Cost, b.Cost)
		}},
		{"forbid a used pair", func(t *testing.T, rng *rand.Rand, p *Problem, a Assignment) {
			r, c := p.Cost.Dims()
			i := rng.IntN(r)
			j := a.RowToCol[i]
			if j < 0 {
				return
			}
			q := transform(p, identity(r), identity(c), func(ii, jj int, c float64) float64 {
				if ii == i && jj == j {
					return math.Inf(1)
				}
				return c
			})
			b, ok := solveMeta(t, q)
			if !ok {
				return
			}
			if p.Maximize {
				require.LessOrEqual(t, b.Cost, a.Cost)
			} else {
				require.GreaterOrEqual(t, b.Cost, a.Cost)
			}
		}},
	}
	for k, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			feasible := 0
			for seed := range uint64(n) {
				rng := rand.New(rand.NewPCG(seed, 100+uint64(k)))
				p := metaProblem(rng)
				a, ok := solveMeta(t, p)
				if !ok {
					continue
				}
				feasible++
				tt.check(t, rng, p, a)
				if t.Failed() {
					t.Fatalf("seed %d:\n%s", seed, matrixString(p))
				}
			}
			require.Greater(t, feasible, n/2, "most cases are feasible")
		})
	}
}
