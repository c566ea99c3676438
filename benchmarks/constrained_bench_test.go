package benchmarks

import (
	"context"
	"fmt"
	"math"
	"sync"
	"testing"

	"github.com/mutasi-asn/mutasi/matching"
	"github.com/mutasi-asn/mutasi/scenarios"
	"github.com/mutasi-asn/mutasi/scoring"
)

// constrainedInput is the Bungo-size problem of BenchmarkConstrained with
// its constraints, built once per process.
type constrainedInput struct {
	plain  matching.Problem // the scenario's own problem, no groups or side constraints
	cur    []int            // current column of each row, -1 when unplaced
	groups []matching.Group // unit floors and caps, doctor groups nested inside puskesmas
	moves  int              // moves of the plain optimum
	limit  int              // the move limit: 60 % of the plain optimum's moves
	side   matching.Side    // Σ over pairs away from the row's current column ≤ limit
}

var (
	constrainedOnce sync.Once
	constrainedIn   *constrainedInput
	constrainedErr  error
	constrainedSink matching.Assignment

	// constrainedNone holds the ns/op of every constraint=none run so far,
	// for the ratio metric of the other sub-benchmarks in the same process
	// (with -count, each sub-benchmark repeats before the next one starts).
	constrainedNone []float64
)

// loadConstrained builds the generated Bungo-size scenario (5 200
// employees, seed 1) and derives its constraints. Scenario floors and caps
// are not wired into matching by scenarios yet, so the groups are made up
// here from the roster, the same way for every run:
//
//   - each unit with at least two seats gets a cap of its seats minus a
//     tenth (at least one) and a floor of nine tenths of its current
//     holders (at most the cap);
//   - the doctor posts of each puskesmas form a group nested in the unit's
//     group, with a floor of its current doctor holders and a cap of its
//     seats;
//   - the move limit counts every pair that places a row away from its
//     current column (a first placement counts as a move), limited to 60 %
//     of the moves of the unconstrained optimum.
func loadConstrained() (*constrainedInput, error) {
	g, err := Generate(GenerateConfig{Employees: 5200, Seed: 1})
	if err != nil {
		return nil, err
	}
	s, files, err := scenarios.Load(g.FS(), "scenario.yaml")
	if err != nil {
		return nil, err
	}
	in, err := scenarios.Build(s, files, scenarios.Options{Version: "bench"})
	if err != nil {
		return nil, err
	}
	c := &constrainedInput{plain: in.Problem}
	c.plain.Groups, c.plain.Side = nil, nil
	rows := len(in.Employees)
	c.cur = make([]int, rows)
	for i := range c.cur {
		c.cur[i] = in.Current(i)
	}
	ps := in.Scorer.Positions
	unitOf := make(map[scoring.UnitID]int, len(in.Scorer.Units))
	for k, u := range in.Scorer.Units {
		unitOf[u.ID] = k
	}
	unitCols := make([][]int, len(in.Scorer.Units))
	for j := range ps {
		k := unitOf[ps[j].Unit]
		unitCols[k] = append(unitCols[k], j)
	}
	holders := make([]int, len(ps))
	for _, j := range c.cur {
		if j >= 0 {
			holders[j]++
		}
	}
	for k, cols := range unitCols {
		seats, held, docSeats, docHeld := 0, 0, 0, 0
		var docCols []int
		for _, j := range cols {
			seats += ps[j].Needed
			held += min(holders[j], ps[j].Needed)
			if ps[j].Profession == scoring.ProfessionDoctor && in.Scorer.Units[k].Kind == scoring.UnitPuskesmas {
				docCols = append(docCols, j)
				docSeats += ps[j].Needed
				docHeld += min(holders[j], ps[j].Needed)
			}
		}
		if seats >= 2 {
			hi := seats - max(1, seats/10)
			c.groups = append(c.groups, matching.Group{Cols: cols, Min: min(held*9/10, hi), Max: hi})
		}
		if len(docCols) > 0 {
			c.groups = append(c.groups, matching.Group{Cols: docCols, Min: docHeld, Max: docSeats})
		}
	}
	var sv matching.Solver
	a, err := sv.Solve(context.Background(), &c.plain)
	if err != nil {
		return nil, err
	}
	c.moves = moves(a.RowToCol, c.cur)
	c.limit = c.moves * 6 / 10
	c.side = matching.Side{Name: "max-moves", Limit: float64(c.limit)}
	sp := c.plain.Candidates
	for i := 0; i < sp.Rows; i++ {
		for k := sp.Start[i]; k < sp.Start[i+1]; k++ {
			if j := sp.Col[k]; j != c.cur[i] {
				c.side.Terms = append(c.side.Terms, matching.Term{Row: i, Col: j, Coef: 1})
			}
		}
	}
	return c, nil
}

// moves counts the rows placed away from their current column.
func moves(rowToCol, cur []int) int {
	n := 0
	for i, j := range rowToCol {
		if j >= 0 && j != cur[i] {
			n++
		}
	}
	return n
}

// BenchmarkConstrained measures issue 6's target: the Bungo-size problem
// with unit floors and caps, nested doctor groups and a move limit, each
// against the unconstrained solve of the same problem in the same run:
//
//	go test ./benchmarks -run '^$' -bench Constrained -benchtime 1x -count 3
//
// Metrics: x-none is ns/op divided by the mean ns/op of the constraint=none
// runs of the same process; gap is Cost − Bound of the result (0: proven
// optimal); moves is the plan's number of moves.
func BenchmarkConstrained(b *testing.B) {
	constrainedOnce.Do(func() { constrainedIn, constrainedErr = loadConstrained() })
	if constrainedErr != nil {
		b.Fatal(constrainedErr)
	}
	c := constrainedIn
	cases := []struct {
		name          string
		groups, moves bool
	}{
		{"none", false, false},
		{"groups", true, false},
		{"moves", false, true},
		{"groups+moves", true, true},
	}
	for _, tc := range cases {
		b.Run("constraint="+tc.name, func(b *testing.B) {
			p := c.plain
			if tc.groups {
				p.Groups = c.groups
			}
			if tc.moves {
				p.Side = []matching.Side{c.side}
			}
			var sv matching.Solver
			b.ReportAllocs()
			for b.Loop() {
				a, err := sv.Solve(context.Background(), &p)
				if err != nil {
					b.Fatal(err)
				}
				constrainedSink = a
			}
			b.StopTimer()
			nsop := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			if tc.name == "none" {
				constrainedNone = append(constrainedNone, nsop)
			} else if len(constrainedNone) > 0 {
				mean := 0.0
				for _, v := range constrainedNone {
					mean += v / float64(len(constrainedNone))
				}
				b.ReportMetric(nsop/mean, "x-none")
			}
			a := constrainedSink
			if err := checkConstrained(&p, c, a); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(a.Cost-a.Bound, "gap")
			b.ReportMetric(float64(moves(a.RowToCol, c.cur)), "moves")
		})
	}
}

// checkConstrained checks that a keeps p's groups and move limit, and for
// an unconstrained problem that it passes Certify.
func checkConstrained(p *matching.Problem, c *constrainedInput, a matching.Assignment) error {
	if len(p.Groups) == 0 && len(p.Side) == 0 {
		if err := matching.Certify(p, &a, 0); err != nil {
			return err
		}
	}
	load := make([]int, len(p.Capacity))
	for _, j := range a.RowToCol {
		if j >= 0 {
			load[j]++
		}
	}
	for j, l := range load {
		if l > p.Capacity[j] {
			return fmt.Errorf("column %d holds %d rows, %d seats", j, l, p.Capacity[j])
		}
	}
	for g, gr := range p.Groups {
		n := 0
		for _, j := range gr.Cols {
			n += load[j]
		}
		if n < gr.Min || n > gr.Max {
			return fmt.Errorf("group %d holds %d rows, want [%d, %d]", g, n, gr.Min, gr.Max)
		}
	}
	if len(p.Side) > 0 && moves(a.RowToCol, c.cur) > c.limit {
		return fmt.Errorf("%d moves, limit %d", moves(a.RowToCol, c.cur), c.limit)
	}
	if math.IsNaN(a.Cost) || a.Bound > a.Cost {
		return fmt.Errorf("bound %v above cost %v", a.Bound, a.Cost)
	}
	return nil
}

// turnoverSizes are the generated workforces of BenchmarkTurnover. Larger
// ones take minutes per solve; time them with mutasi generate
// --turnover-pct 20 and mutasi plan --gap 1e-4 (README, Benchmarks).
var turnoverSizes = []int{500}

// BenchmarkTurnover measures issue 14's case: a generated workforce with
// its own constraints (unit floors, the remote balance, conflicts) and a
// 20 % cap on each unit's transfers out, planned with a gap tolerance of
// 1e-4 (cap=20/gap=1e-4), exactly (cap=20/gap=0), and without the cap
// (cap=0) in the same run:
//
//	go test ./benchmarks -run '^$' -bench 'Turnover/employees=500' -benchtime 1x -count 3
//
// Metrics: x-nocap is ns/op divided by the cap=0 run's of the same size
// and process; gap-pct is the plan's relative gap to its bound, in
// percent (0: proven optimal).
func BenchmarkTurnover(b *testing.B) {
	ctx := context.Background()
	for _, n := range turnoverSizes {
		base := 0.0
		for _, tc := range []struct {
			name string
			cap  float64
			gap  float64
		}{{"cap=0", 0, 0}, {"cap=20/gap=1e-4", 20, 1e-4}, {"cap=20/gap=0", 20, 0}} {
			b.Run(fmt.Sprintf("employees=%d/%s", n, tc.name), func(b *testing.B) {
				g, err := Generate(GenerateConfig{Employees: n, Seed: 1, TurnoverPct: tc.cap})
				if err != nil {
					b.Fatal(err)
				}
				s, files, err := scenarios.Load(g.FS(), "scenario.yaml")
				if err != nil {
					b.Fatal(err)
				}
				var p *scenarios.Plan
				b.ReportAllocs()
				for b.Loop() {
					in, err := scenarios.Build(s, files, scenarios.Options{Version: "bench", Gap: tc.gap})
					if err != nil {
						b.Fatal(err)
					}
					if p, err = in.Plan(ctx); err != nil {
						b.Fatal(err)
					}
				}
				b.StopTimer()
				nsop := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
				if tc.cap == 0 {
					base = nsop
				} else if base > 0 {
					b.ReportMetric(nsop/base, "x-nocap")
				}
				c := p.Manifest.Cert
				b.ReportMetric(100*c.Gap/math.Max(1, math.Abs(c.Objective)), "gap-pct")
			})
		}
	}
}
