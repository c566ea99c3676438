package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progress draws a one-line progress indicator on stderr. It is active only
// when stderr is a terminal and -q is not set; it redraws at most ten times
// a second and clears its line when done. A disabled progress never reads
// the clock.
type progress struct {
	w     io.Writer
	on    bool
	now   func() time.Time
	what  string // "solving", "reading costs.txt"
	unit  string // "rows placed", "MB"
	last  time.Time
	drawn bool
}

// minRedraw is the shortest time between two redraws.
const minRedraw = 100 * time.Millisecond

func newProgress(e env, g *globals, what, unit string) *progress {
	return &progress{w: e.stderr, on: e.isTTY && !g.quiet, now: e.now, what: what, unit: unit}
}

// update reports done of total units; its signature fits
// matching.Solver.Progress. The state done == total is always drawn.
func (p *progress) update(done, total int) {
	if !p.on {
		return
	}
	t := p.now()
	if p.drawn && t.Sub(p.last) < minRedraw && done != total { // the last state is always drawn
		return
	}
	p.last = t
	p.drawn = true
	pct := 0
	if total > 0 {
		pct = int(int64(done) * 100 / int64(total))
	}
	fmt.Fprintf(p.w, "\r\x1b[Kmutasi: %s: %d/%d %s (%d%%)", p.what, done, total, p.unit, pct)
}

// done clears the progress line.
func (p *progress) done() {
	if p.on && p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
	}
}

// isTerminal reports whether f is a character device (a terminal), without
// any dependency beyond os.
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
