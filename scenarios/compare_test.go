package scenarios

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCompareSelf(t *testing.T) {
	_, p := planOf(t, loadExample(t, "scenario.yaml"))
	c := Compare(p, p)
	assert.Empty(t, c.Added)
	assert.Empty(t, c.Removed)
	assert.Empty(t, c.Changed)
	assert.Zero(t, c.Differ)
	assert.Zero(t, c.Churn)
	assert.Equal(t, len(p.Moves)+len(p.Stays)+len(p.Unplaced), c.Staff)
	for _, k := range c.KPIs {
		assert.Zero(t, k.Delta, k.Name)
	}
}

func TestCompareOverlays(t *testing.T) {
	_, base := planOf(t, loadExample(t, "scenario.yaml"))
	names := []string{"whatif-election-freeze.yaml", "whatif-pppk-intake.yaml", "whatif-strict-tenure.yaml"}
	if raceShort() {
		names = names[:1]
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			_, w := planOf(t, loadExample(t, name))
			c := Compare(base, w)
			ob, ow := outcomes(base), outcomes(w)
			// Recompute the churn and the move sets from the outcomes.
			differ := 0
			for id, a := range ob {
				if b, ok := ow[id]; !ok || a != b {
					differ++
				}
			}
			for id := range ow {
				if _, ok := ob[id]; !ok {
					differ++
				}
			}
			assert.Equal(t, differ, c.Differ)
			assert.Positive(t, c.Differ)
			assert.InDelta(t, float64(differ)/float64(c.Staff), c.Churn, 1e-6)
			mb, mw := movesByID(base), movesByID(w)
			for _, m := range c.Added {
				_, inBase := mb[m.Employee]
				assert.False(t, inBase)
			}
			for _, m := range c.Removed {
				_, inW := mw[m.Employee]
				assert.False(t, inW)
			}
			for _, ch := range c.Changed {
				assert.NotEqual(t, ch.BaseTo, ch.WhatIfTo)
			}
			require.Len(t, c.KPIs, 13)
			assert.Equal(t, "moves", c.KPIs[7].Name)
			assert.InDelta(t, float64(w.KPIs.After.Moves-base.KPIs.After.Moves), c.KPIs[7].Delta, 0)
			// Moves present in both plans with the same target are
			// neither added, removed nor changed.
			n := len(c.Added) + len(c.Changed)
			same := 0
			for id, m := range mw {
				if b, ok := mb[id]; ok && b.To == m.To {
					same++
				}
			}
			assert.Equal(t, len(w.Moves), n+same)
		})
	}
}
