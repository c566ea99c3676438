package matching

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"
)

// bruteForce returns the optimal objective of p (in the problem's own sense:
// a maximum when p.Maximize) by enumerating every assignment, and whether
// any feasible assignment exists. It knows nothing of the solver: it walks
// the rows in order, giving each one every column with a free seat and, when
// allowed, the option of staying out. Meant for at most 8 rows and 8 columns.
func bruteForce(p *Problem) (best float64, feasible bool) {
	rows, cols := p.dims()
	load := make([]int, cols)
	seats := p.totalSeats(cols)
	need := min(rows, seats) // rows to place when Unassigned is nil
	best = math.Inf(1)
	var walk func(i, placed int, sum float64)
	walk = func(i, placed int, sum float64) {
		if i == rows {
			if p.Unassigned == nil && placed != need {
				return
			}
			if sum < best {
				best = sum
			}
			feasible = true
			return
		}
		// Stay out.
		switch {
		case p.Unassigned != nil:
			if c, ok := p.minCost(p.Unassigned[i]); ok {
				walk(i+1, placed, sum+c)
			}
		case placed+(rows-i-1) >= need: // enough rows remain to place need
			walk(i+1, placed, sum)
		}
		for j := 0; j < cols; j++ {
			if load[j] >= p.seats(j) {
				continue
			}
			c, listed := pairCost(p, i, j)
			cm, ok := p.minCost(c)
			if !listed || !ok {
				continue
			}
			load[j]++
			walk(i+1, placed+1, sum+cm)
			load[j]--
		}
	}
	walk(0, 0, 0)
	if p.Maximize {
		best = -best
	}
	return best, feasible
}

// checkAssignment certifies a as an optimal solution of p, independently
// of the solver (Certify re-derives seats, allowed pairs, the objective and
// the dual bound).
func checkAssignment(t *testing.T, p *Problem, a Assignment) {
	t.Helper()
	require.NoError(t, Certify(p, &a, 0))
	require.Equal(t, a.Cost, a.Bound, "an optimal assignment has Bound == Cost")
}
