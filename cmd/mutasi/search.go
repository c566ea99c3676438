package main

import (
	"fmt"
	"math"

	"github.com/mutasi-asn/mutasi/matching"
	"github.com/mutasi-asn/mutasi/scenarios"
	"github.com/spf13/pflag"
)

// searchLimits are the branch-and-bound limits of each solve with side
// constraints: --max-nodes and --gap (scenarios.Options.MaxNodes and Gap).
type searchLimits struct {
	maxNodes int
	gap      float64
}

// register adds --max-nodes and --gap to fs.
func (l *searchLimits) register(fs *pflag.FlagSet) {
	fs.IntVar(&l.maxNodes, "max-nodes", scenarios.DefaultMaxNodes,
		"branch-and-bound node limit `N` of each solve with side constraints; more nodes, more time, a smaller gap")
	fs.Float64Var(&l.gap, "gap", 0,
		"stop each solve with side constraints once its plan is proven within `G` of the best, relative (1e-4: 0.01 %); 0 proves the optimum")
}

// check validates the flags of command cmd.
func (l *searchLimits) check(cmd string) error {
	switch {
	case l.maxNodes < 1:
		return usagef(cmd, "--max-nodes must be at least 1")
	case math.IsNaN(l.gap) || l.gap < 0 || l.gap >= 1:
		return usagef(cmd, "--gap must be at least 0 and below 1, got %v", l.gap)
	}
	return nil
}

// nodeLimitError words err, a solve that found no plan within the node
// limit (matching.ErrNodeLimit), for a planner: the flag to raise, no
// library names.
func (l *searchLimits) nodeLimitError(err error) error {
	return &hintError{err: &plainError{msg: fmt.Sprintf("no plan found within %d branch-and-bound nodes", l.maxNodes), err: err},
		hint: "raise --max-nodes"}
}

// plainError is err worded for a planner: Error returns msg, errors.Is and
// errors.As still see err.
type plainError struct {
	msg string
	err error
}

func (e *plainError) Error() string { return e.msg }
func (e *plainError) Unwrap() error { return e.err }

// search draws the state of a branch-and-bound search: nodes, the plan's
// objective, the proven bound and the gap; its signature fits
// scenarios.Options.Search. Like update, it redraws at most ten times a
// second.
func (p *progress) search(st matching.SearchState) {
	if !p.on {
		return
	}
	t := p.now()
	if p.drawn && t.Sub(p.last) < minRedraw && st.Nodes != st.MaxNodes {
		return
	}
	p.last = t
	p.drawn = true
	if !st.Found {
		fmt.Fprintf(p.w, "\r\x1b[Kmutasi: %s: node %d/%d, no plan yet, bound %.4f", p.what, st.Nodes, st.MaxNodes, st.Bound)
		return
	}
	fmt.Fprintf(p.w, "\r\x1b[Kmutasi: %s: node %d/%d, plan %.4f, bound %.4f, gap %.4f%%",
		p.what, st.Nodes, st.MaxNodes, st.Incumbent, st.Bound, 100*st.Gap())
}
