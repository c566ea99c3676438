package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/mutasi-asn/mutasi/matching"
	"github.com/stretchr/testify/assert"
)

func TestProgress(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		isTTY     bool
		quiet     bool
		step      time.Duration // the clock's advance per reading
		wantDraws int
	}{
		{"not a terminal", false, false, time.Millisecond, 0},
		{"quiet", true, true, time.Millisecond, 0},
		// 1000 updates 10 ms apart span 10 s: at most 10 redraws a second,
		// plus the final state.
		{"throttled", true, false, 10 * time.Millisecond, 101},
		{"slow updates all drawn", true, false, time.Second, 1000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var stderr bytes.Buffer
			readings := 0
			clock := fakeClock(tt.step)
			e := env{stderr: &stderr, isTTY: tt.isTTY, now: func() time.Time { readings++; return clock() }}
			p := newProgress(e, &globals{quiet: tt.quiet}, "solving", "rows placed")
			for k := 1; k <= 1000; k++ {
				p.update(k, 1000)
			}
			p.done()
			out := stderr.String()
			draws := strings.Count(out, "mutasi: solving: ")
			assert.Equal(t, tt.wantDraws, draws)
			if tt.wantDraws == 0 {
				assert.Empty(t, out)
				assert.Zero(t, readings, "a disabled progress never reads the clock")
				return
			}
			assert.Contains(t, out, "\r\x1b[Kmutasi: solving: 1000/1000 rows placed (100%)")
			assert.True(t, strings.HasSuffix(out, "\r\x1b[K"), "the line is cleared at the end")
		})
	}
}

// TestProgressSearch: during branch and bound the line shows nodes, the
// plan's objective, the bound and the gap (issue 14), not rows placed.
func TestProgressSearch(t *testing.T) {
	t.Parallel()
	var stderr bytes.Buffer
	e := env{stderr: &stderr, isTTY: true, now: fakeClock(time.Second)}
	p := newProgress(e, &globals{}, "solving", "employees placed")
	p.search(matching.SearchState{Nodes: 1, MaxNodes: 100, Bound: 1641.2})
	p.search(matching.SearchState{Nodes: 12, MaxNodes: 100, Found: true, Incumbent: 1641.0605, Bound: 1641.1844})
	p.done()
	out := stderr.String()
	assert.Contains(t, out, "\r\x1b[Kmutasi: solving: node 1/100, no plan yet, bound 1641.2000")
	// 0.1239 / 1641.0605 = 0.0075 %
	assert.Contains(t, out, "\r\x1b[Kmutasi: solving: node 12/100, plan 1641.0605, bound 1641.1844, gap 0.0075%")
	assert.NotContains(t, out, "placed")
}
