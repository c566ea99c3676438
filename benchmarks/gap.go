package benchmarks

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"path"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mat"

	"github.com/mutasi-asn/mutasi/matching"
)

// GAP is one instance of the generalized assignment problem (GAP) from
// OR-Library (Beasley's gap1–gap12 and gapa–gapd files): Jobs jobs are each
// assigned to exactly one of Agents agents; assigning job j to agent i costs
// (or, when Maximize is set, earns) Cost[i][j] and uses Resource[i][j] of
// the agent's Capacity[i].
type GAP struct {
	// Name is the file's base name without extension and the instance's
	// 0-based index in the file, as in "gap4-2".
	Name     string
	Agents   int
	Jobs     int
	Cost     [][]float64 // Agents × Jobs
	Resource [][]float64 // Agents × Jobs
	Capacity []float64   // Agents
	// Maximize is set for the maximization files (gap1–gap12).
	Maximize bool
}

// ReadGAP parses an OR-Library GAP file: the number of instances P, then
// for each instance "m n", the m×n cost matrix (agent rows), the m×n
// resource matrix and the m capacities, all whitespace-separated (read by
// tokens, not by lines). file names the input in errors and instance names
// (its base name without extension). maximize gives the objective sense,
// which the format does not record: true for gap1–gap12, false for
// gapa–gapd (see GAPMaximize).
//
// Malformed input returns a *ParseError unwrapping to ErrHeader (a bad
// count or size), ErrNumber (a token that is not a number), ErrNaN or
// ErrCount (too few or too many tokens), or ErrRange (a resource or
// capacity that is negative or infinite). ReadGAP reads r to the end; its
// memory is O(P·m·n).
func ReadGAP(r io.Reader, file string, maximize bool) ([]GAP, error) {
	tr := &gapTokens{sc: bufio.NewScanner(r), file: file}
	tr.sc.Buffer(make([]byte, 0, 64*1024), 1<<24)
	base := strings.TrimSuffix(path.Base(file), path.Ext(file))
	count, err := tr.int("the number of instances")
	if err != nil {
		return nil, err
	}
	var out []GAP
	for k := 0; k < count; k++ {
		g := GAP{Name: fmt.Sprintf("%s-%d", base, k), Maximize: maximize}
		if g.Agents, err = tr.int("the number of agents"); err != nil {
			return nil, err
		}
		if g.Jobs, err = tr.int("the number of jobs"); err != nil {
			return nil, err
		}
		if g.Agents == 0 || g.Jobs == 0 || g.Agents > 1<<12 || g.Jobs > 1<<16 {
			return nil, tr.errHere(ErrHeader, "instance %d: %d agents × %d jobs is out of range", k, g.Agents, g.Jobs)
		}
		if g.Cost, err = tr.matrix(g.Agents, g.Jobs, ""); err != nil {
			return nil, err
		}
		if g.Resource, err = tr.matrix(g.Agents, g.Jobs, "resource"); err != nil {
			return nil, err
		}
		if g.Capacity, err = tr.row(g.Agents, "capacity"); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	if tok, ok := tr.next(); ok {
		return nil, tr.errAt(ErrCount, "extra token %q after %d instances", tok, count)
	}
	if err := tr.sc.Err(); err != nil {
		return nil, &ParseError{File: file, Line: tr.line, Err: err}
	}
	return out, nil
}

// GAPMaximize reports whether an OR-Library GAP file, by its base name, is
// a maximization file: gap1 … gap12 are, gapa … gapd are not.
func GAPMaximize(file string) bool {
	base := strings.TrimSuffix(path.Base(file), path.Ext(file))
	n, err := strconv.Atoi(strings.TrimPrefix(base, "gap"))
	return err == nil && n >= 1 && n <= 12
}

// gapOptima holds the optimal values of gap1–gap12 published with
// OR-Library (gapinfo), five instances per file.
var gapOptima = [12][5]float64{
	{336, 327, 339, 341, 326},
	{434, 436, 420, 419, 428},
	{580, 564, 573, 570, 564},
	{656, 644, 673, 647, 664},
	{563, 558, 564, 568, 559},
	{761, 759, 758, 752, 747},
	{942, 949, 968, 945, 951},
	{1133, 1134, 1141, 1117, 1127},
	{709, 717, 712, 723, 706},
	{958, 963, 960, 947, 947},
	{1139, 1178, 1195, 1171, 1171},
	{1451, 1449, 1433, 1447, 1446},
}

// GAPKnownOptimum returns the published optimum of an instance of
// gap1–gap12 by its name ("gap4-2", index 0-based), and whether one is
// known.
func GAPKnownOptimum(name string) (float64, bool) {
	var f, k int
	if _, err := fmt.Sscanf(name, "gap%d-%d", &f, &k); err != nil || f < 1 || f > 12 || k < 0 || k > 4 {
		return 0, false
	}
	if name != fmt.Sprintf("gap%d-%d", f, k) {
		return 0, false
	}
	return gapOptima[f-1][k], true
}

// Problem returns g as a matching problem: rows are jobs, each placed
// exactly once (Unassigned nil, and every agent has Jobs seats, so seats
// never bind); columns are agents; Cost[j][i] = g.Cost[i][j]; one side
// constraint per agent, named "agent-i" (0-based), Σ_j Resource[i][j]·x[j][i]
// ≤ Capacity[i]. The problem does not alias g.
func (g *GAP) Problem() *matching.Problem {
	cost := mat.NewDense(g.Jobs, g.Agents, nil)
	for i := 0; i < g.Agents; i++ {
		for j := 0; j < g.Jobs; j++ {
			cost.Set(j, i, g.Cost[i][j])
		}
	}
	p := &matching.Problem{Cost: cost, Maximize: g.Maximize, Capacity: make([]int, g.Agents)}
	for i := range p.Capacity {
		p.Capacity[i] = g.Jobs
	}
	for i := 0; i < g.Agents; i++ {
		sd := matching.Side{Name: fmt.Sprintf("agent-%d", i), Limit: g.Capacity[i], Terms: make([]matching.Term, g.Jobs)}
		for j := 0; j < g.Jobs; j++ {
			sd.Terms[j] = matching.Term{Row: j, Col: i, Coef: g.Resource[i][j]}
		}
		p.Side = append(p.Side, sd)
	}
	return p
}

// Value checks that jobToAgent (the agent of each job, as RowToCol of
// the problem from Problem) is a feasible solution of g, from the
// instance alone: every job has an agent in range and no agent uses more
// than its capacity. It returns the plan's total cost (or value, when
// maximizing), summed in job order; otherwise an error wrapping ErrGAPPlan
// naming the first job or agent at fault. It does not modify jobToAgent.
func (g *GAP) Value(jobToAgent []int) (float64, error) {
	if len(jobToAgent) != g.Jobs {
		return 0, fmt.Errorf("%w: %s: %d jobs in the plan, want %d", ErrGAPPlan, g.Name, len(jobToAgent), g.Jobs)
	}
	used := make([]float64, g.Agents)
	value := 0.0
	for job, agent := range jobToAgent {
		if agent < 0 || agent >= g.Agents {
			return 0, fmt.Errorf("%w: %s: job %d has agent %d, want 0 to %d", ErrGAPPlan, g.Name, job, agent, g.Agents-1)
		}
		used[agent] += g.Resource[agent][job]
		value += g.Cost[agent][job]
	}
	for agent, u := range used {
		if u > g.Capacity[agent] {
			return 0, fmt.Errorf("%w: %s: agent %d uses %g of its capacity %g", ErrGAPPlan, g.Name, agent, u, g.Capacity[agent])
		}
	}
	return value, nil
}

// gapTokens reads whitespace-separated tokens, tracking their position.
type gapTokens struct {
	sc     *bufio.Scanner
	file   string
	fields []string
	cols   []int
	line   int // line of the last token read
	col    int
	eof    bool
}

func (t *gapTokens) next() (string, bool) {
	for len(t.fields) == 0 {
		if t.eof || !t.sc.Scan() {
			t.eof = true
			return "", false
		}
		t.line++
		text := t.sc.Text()
		t.fields = t.fields[:0]
		t.cols = t.cols[:0]
		for at := 0; at < len(text); {
			for at < len(text) && isSpace(text[at]) {
				at++
			}
			start := at
			for at < len(text) && !isSpace(text[at]) {
				at++
			}
			if at > start {
				t.fields = append(t.fields, text[start:at])
				t.cols = append(t.cols, start+1)
			}
		}
	}
	tok := t.fields[0]
	t.col = t.cols[0]
	t.fields, t.cols = t.fields[1:], t.cols[1:]
	return tok, true
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == '\v' }

func (t *gapTokens) errAt(kind error, format string, args ...any) error {
	return &ParseError{File: t.file, Line: t.line, Column: t.col, Err: detailf(kind, format, args...)}
}

func (t *gapTokens) errHere(kind error, format string, args ...any) error {
	return t.errAt(kind, format, args...)
}

func (t *gapTokens) int(what string) (int, error) {
	tok, ok := t.next()
	if !ok {
		return 0, t.errAt(ErrCount, "end of input, want %s", what)
	}
	n, err := strconv.Atoi(tok)
	if err != nil || n < 0 {
		return 0, t.errAt(ErrHeader, "%q is not a valid %s", tok, what)
	}
	return n, nil
}

// row reads n numbers; what, when set, names values that must be finite
// and non-negative (a resource, a capacity).
func (t *gapTokens) row(n int, what string) ([]float64, error) {
	out := make([]float64, n)
	for k := range out {
		tok, ok := t.next()
		if !ok {
			return nil, t.errAt(ErrCount, "end of input, want more values")
		}
		v, err := strconv.ParseFloat(tok, 64)
		if err != nil {
			return nil, t.errAt(ErrNumber, "%q is not a number", tok)
		}
		if math.IsNaN(v) {
			return nil, t.errAt(ErrNaN, "NaN value")
		}
		if what != "" && (v < 0 || math.IsInf(v, 0)) {
			return nil, t.errAt(ErrRange, "%s %s: want a finite number ≥ 0", what, tok)
		}
		out[k] = v
	}
	return out, nil
}

func (t *gapTokens) matrix(rows, cols int, what string) ([][]float64, error) {
	m := make([][]float64, rows)
	for i := range m {
		r, err := t.row(cols, what)
		if err != nil {
			return nil, err
		}
		m[i] = r
	}
	return m, nil
}
