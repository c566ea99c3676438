package matching

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fuzzProblem decodes a tiny dense problem (at most 6×6) from b. Byte 0 and
// 1 give the shape, byte 2 the flags (1 maximize, 2 Unassigned, 4
// Capacity, 8 forbidden cells are −Inf when maximizing); then one byte per
// cell (255 forbidden, else a small integer in −8..23, so ties are common),
// one per row of Unassigned (255 must place) and one per column of Capacity
// (0..3). Missing bytes read as 0.
func fuzzProblem(b []byte) *Problem {
	at := 0
	next := func() byte {
		if at >= len(b) {
			return 0
		}
		at++
		return b[at-1]
	}
	rows, cols := int(next()%7), int(next()%7)
	flags := next()
	p := &Problem{Maximize: flags&1 != 0}
	forbidden := math.Inf(1)
	if p.Maximize && flags&8 != 0 {
		forbidden = math.Inf(-1)
	}
	small := func(v byte) float64 { return float64(int(v%32) - 8) }
	data := make([]float64, rows*cols)
	for k := range data {
		if v := next(); v == 255 {
			data[k] = forbidden
		} else {
			data[k] = small(v)
		}
	}
	p.Cost = newMatrix(rows, cols, data)
	if flags&2 != 0 {
		p.Unassigned = make([]float64, rows)
		for i := range p.Unassigned {
			if v := next(); v == 255 {
				p.Unassigned[i] = math.Inf(1)
			} else {
				p.Unassigned[i] = small(v)
			}
		}
	}
	if flags&4 != 0 {
		p.Capacity = make([]int, cols)
		for j := range p.Capacity {
			p.Capacity[j] = int(next() % 4)
		}
	}
	return p
}

// FuzzSolve compares the dense solver, the sparse solver (full candidate
// lists) and bruteForce on tiny problems, certifying every solution and
// checking every infeasibility witness.
func FuzzSolve(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{1, 1, 0, 5})
	f.Add([]byte{3, 3, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add([]byte{3, 2, 0, 255, 1, 255, 2, 255, 3})                                   // more rows than columns, forbidden pairs
	f.Add([]byte{2, 4, 1, 9, 8, 7, 6, 5, 4, 3, 2})                                   // maximize, wide
	f.Add([]byte{4, 3, 2, 1, 1, 1, 1, 1, 1, 255, 255, 255, 1, 1, 1, 4, 255, 2, 255}) // Unassigned, a row with no pair
	f.Add([]byte{5, 2, 4, 0, 3, 1, 2, 2, 1, 3, 0, 0, 0, 2, 1})                       // seats
	f.Add([]byte{6, 6, 15, 255, 255, 3, 4, 5, 6, 255, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 255, 255, 255, 3, 4, 5, 1, 2, 3, 0, 1, 2})
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 64 {
			return // 6×6 plus flags, Unassigned and Capacity fit in 51 bytes
		}
		p := fuzzProblem(b)
		q := denseToSparse(p)
		want, feasible := bruteForce(p)
		var s Solver
		for _, tc := range []struct {
			name string
			p    *Problem
		}{{"dense", p}, {"sparse", q}} {
			a, err := s.Solve(context.Background(), tc.p)
			if errors.Is(err, ErrUnsupported) {
				continue // dense solver not available yet
			}
			if !feasible {
				require.ErrorIs(t, err, ErrInfeasible, tc.name)
				var e *InfeasibleError
				require.ErrorAs(t, err, &e)
				checkWitness(t, tc.p, e)
				continue
			}
			require.NoError(t, err, tc.name)
			checkAssignment(t, tc.p, a)
			assert.InDelta(t, want, a.Cost, 1e-9, "%s objective", tc.name)
		}
	})
}
