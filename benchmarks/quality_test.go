package benchmarks

import (
	"context"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mutasi-asn/mutasi/scenarios"
)

// TestAssessBefore checks Assess on the current posts against the plan's
// "before" indicators, and counts the surplus holders as seats over the
// headcount.
func TestAssessBefore(t *testing.T) {
	in := buildInstance(t, scenarios.DefaultExample())
	p, err := in.Plan(context.Background())
	require.NoError(t, err)
	cur := make([]int, len(in.Employees))
	for i := range cur {
		cur[i] = in.Current(i)
	}
	got := Assess(in, cur)
	checkKPIs(t, p.KPIs.Before, got)
	over := 0
	used := make([]int, len(in.Scorer.Positions))
	for _, j := range cur {
		if j >= 0 {
			used[j]++
		}
	}
	for j, u := range used {
		over += max(0, u-in.Scorer.Positions[j].Needed)
	}
	assert.GreaterOrEqual(t, got.Violations, over, "every seat over the headcount is a violation")
	assert.Zero(t, got.Moves)
}

// TestAssessEmpty checks a placement with nobody seated, and the panic on
// a placement of the wrong length.
func TestAssessEmpty(t *testing.T) {
	in := buildInstance(t, scenarios.DefaultExample())
	col := make([]int, len(in.Employees))
	for i := range col {
		col[i] = -1
	}
	got := Assess(in, col)
	// Nobody loses a post: without a seat of the problem, holders still
	// hold their posts (staff); those who may not be left so are
	// violations.
	before := in.Indicators(col)
	holders, must := 0, 0
	for i := range in.Employees {
		if in.Current(i) >= 0 {
			holders++
		}
		if math.IsInf(in.Problem.Unassigned[i], 1) {
			must++
		}
	}
	assert.Equal(t, holders, got.Staff)
	assert.Equal(t, len(in.Employees)-holders, got.Unplaced)
	assert.Equal(t, before.UnmetNeed, got.UnmetNeed)
	assert.Equal(t, must, got.Violations)
	assert.Positive(t, must)
	assert.Panics(t, func() { Assess(in, col[:1]) })
}
