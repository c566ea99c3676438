package scenarios

import (
	"context"
	"encoding/gob"
	"flag"
	"os"
	"testing"
	"time"

	"github.com/mutasi-asn/mutasi/matching"
	"github.com/stretchr/testify/require"
)

var (
	dumpExample = flag.String("dump-example-problem", "", "write the last lazy round's matching problem of an embedded example scenario to this file (gob)")
	dumpName    = flag.String("dump-example-name", "scenario.yaml", "the embedded example scenario -dump-example-problem writes")
)

// exampleRound is one lazy round of the example's solve, as matching sees it.
type exampleRound struct {
	Rows, Cols int
	Start, Col []int
	Cost       []float64
	Capacity   []int
	Unassigned []float64
	Fix        []matching.Pair
	Side       []matching.Side
}

// TestExampleSolve plans the embedded example's matching problem through
// the lazy solve and logs the rounds, the time and the gap; with
// -dump-example-problem it writes the rounds for matching's benchmarks.
func TestExampleSolve(t *testing.T) {
	if testing.Short() {
		t.Skip("solves the example")
	}
	var q *matching.Problem
	for _, name := range []string{"scenario.yaml", "whatif-election-freeze.yaml", "whatif-pppk-intake.yaml", "whatif-strict-tenure.yaml"} {
		s, files, err := Load(DefaultExample(), name)
		require.NoError(t, err)
		in, err := Build(s, files, Options{})
		require.NoError(t, err)
		start := time.Now()
		a, last, _, err := in.solve(context.Background(), &in.Problem, nil)
		require.NoError(t, err)
		t.Logf("%s: cost %.0f bound %.0f gap %.0f, %d active sides, %v", name, a.Cost, a.Bound, a.Bound-a.Cost, len(last.Side), time.Since(start))
		if name == *dumpName {
			q = last
		}
	}
	if *dumpExample == "" {
		return
	}
	p := q
	r := exampleRound{Rows: p.Candidates.Rows, Cols: p.Candidates.Cols, Start: p.Candidates.Start, Col: p.Candidates.Col,
		Cost: p.Candidates.Cost, Capacity: p.Capacity, Unassigned: p.Unassigned, Fix: p.Fix, Side: p.Side}
	require.False(t, p.Maximize)
	require.Nil(t, p.Cost)
	require.Empty(t, p.Groups)
	f, err := os.Create(*dumpExample)
	require.NoError(t, err)
	defer f.Close()
	require.NoError(t, gob.NewEncoder(f).Encode(r))
}
