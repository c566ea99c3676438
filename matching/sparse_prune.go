package matching

// Split candidate lists for the sparse searches.
//
// A search scans a row reached at distance base + u[r] and relaxes only the
// options whose new label base + (c[r][k] − v[k]) can still beat the best
// sink; with hundreds of options a row and searches that fan out through
// columns holding many rows, most options read are pruned. Outside the
// square problem (whose backward searches raise potentials), potentials only
// ever decrease: the initialization and every search lower v on full columns
// and never raise it. So an option's key c[r][k] − v[k] never decreases, and
// a lower bound on the keys of a set of options stays a lower bound for the
// rest of the solve.
//
// Each row's options are therefore split once it has been scanned in full:
// the options with key at most a threshold θ are copied (column and cost)
// to a short list, and rest[r] holds the least key of the others. A later
// scan whose label bound base + rest[r] already exceeds the best sink reads
// the list only; otherwise it reads the whole row and splits it again with a
// larger θ. θ is the scan's own bound doubled above the row's lowest key, so
// a row is read in full again only once its bound has grown past θ. Listed
// options whose key has since risen above the scan's bound are moved out of
// the list when they make up most of it. A placed row is reached only when
// its own column is final, so sec[r], a lower bound on the keys of its other
// options (all of them, taken when its list is built, lowered by the key of
// the column it leaves when it moves), skips the row altogether when
// base + sec[r] exceeds the best sink. The labels, the sink and the order
// of the search are exactly those of full scans (with integer costs, to the
// bit): only options that could not have changed a label are skipped, so
// the tie rule is unchanged. The way out of a row is offered before its
// columns, which tightens the bound without changing the result (the sink
// is the least (distance, key) whatever the order).
//
// On the workforce problems scenarios build (20,000 rows, 1,200 options a
// row, capacity columns) half the rows reached are skipped and the others
// mostly read their lists; the solve takes about a third of the time of
// full scans. Those problems now go by cost class (sparse_group.go, half
// the time again); the lists serve rows with many distinct costs. The
// bound is the plain one of Dijkstra's algorithm on reduced costs (Jonker &
// Volgenant 1987; Ahuja, Magnanti & Orlin 1993, shortest paths and the
// successive shortest path method); keeping one lower bound for a group of
// arcs, valid because keys only grow, is the idea behind Dial's buckets in
// the same book.
//
// Memory: the lists live in one arena of at most E/2 + rows entries of 12
// bytes for E candidates (when it would grow past that, every list is
// dropped and rebuilt on demand), plus 32 bytes per row.

import "math"

// setupPrune prepares the split lists when the solve may use them.
func (w *sparseWorkspace) setupPrune(on bool) {
	w.prune = on && !w.noPrune
	w.listScans = 0
	if !w.prune {
		return
	}
	w.plen = fill(w.plen, w.rows, -1)
	w.lcap = fill(w.lcap, w.rows, 0)
	w.lat = grow(w.lat, w.rows)
	w.rest = grow(w.rest, w.rows)
	w.sec = fill(w.sec, w.rows, math.Inf(-1))
	w.skips = 0
	if limit := w.arenaLimit(); cap(w.lcol) < limit {
		// Reserved once: appends never copy (and untouched pages cost
		// nothing).
		w.lcol, w.lcost = make([]int32, 0, limit), make([]float64, 0, limit)
	}
	w.lcol, w.lcost = w.lcol[:0], w.lcost[:0]
}

// arenaLimit is the most entries the lists may hold together.
func (w *sparseWorkspace) arenaLimit() int { return len(w.col)/2 + w.rows }

// scanRowPruned is scanRow over row r's list when its other options cannot
// improve a label, and over the whole row (splitting it again) otherwise.
// Labels are computed as base + (c − v), so that the bound base + rest[r]
// holds in floating point too (rounding is monotone).
func (w *sparseWorkspace) scanRowPruned(r int32, base float64) {
	if len(w.out) > 0 {
		// The way out first: it bounds the labels worth making.
		w.offerOut(r, base)
	}
	cs := w.c
	x := w.x[r]
	if x >= 0 && base+w.sec[r] > w.sinkD {
		// Its own column is final and every other option ends beyond
		// the best sink.
		w.skips++
		if w.shared >= 0 {
			w.relaxShared(r, base)
		}
		return
	}
	if n := w.plen[r]; n >= 0 && base+w.rest[r] > w.sinkD {
		at := w.lat[r]
		lcol := w.lcol[at : at+int(n)]
		lcost := w.lcost[at : at+int(n)]
		lcost = lcost[:len(lcol)]
		w.listScans++
		stale := 0
		for k, j := range lcol {
			c := lcost[k]
			cj := &cs[j]
			nd := base + (c - cj.v)
			if nd > w.sinkD {
				stale++ // cannot improve a label now, maybe never
				continue
			}
			st := cj.state
			if st <= colFinal || (st != colUnseen && nd >= w.d[j]) {
				continue // final, or labelled at least as well
			}
			w.relax(r, j, c, nd, st)
		}
		if stale > 16 && 2*stale > len(lcol) {
			w.compact(r, base)
		}
		if w.shared >= 0 {
			w.relaxShared(r, base)
		}
		return
	}
	lo, hi := w.start[r], w.start[r+1]
	bound := w.sinkD - base // the keys worth relaxing at the start
	if x < 0 || bound > math.MaxFloat64 {
		// A row not placed (a search's root): its lowest key is not
		// known before reading it, so split it in a second pass.
		low := w.scanAll(r, base, lo, hi)
		if x < 0 {
			w.sec[r] = low // all its options: a bound once it is placed
		}
		if bound <= math.MaxFloat64 {
			w.split(r, max(bound, bound+(bound-low)))
		}
		return
	}
	// A placed row's lowest key is u[r], on its own column: relax and
	// split in one pass.
	u := w.rowCost[r] - cs[x].v
	theta := max(bound, bound+(bound-u))
	at := w.reserve(r, hi-lo)
	cols := w.col[lo:hi]
	costs := w.cost[lo:hi]
	costs = costs[:len(cols)]
	sign := w.sign
	rest, sec := math.Inf(1), math.Inf(1)
	for k, j := range cols {
		c := sign * costs[k]
		if c > math.MaxFloat64 || c < -math.MaxFloat64 {
			continue // forbidden
		}
		cj := &cs[j]
		st := cj.state
		if st == colDead {
			continue
		}
		key := c - cj.v
		if int32(j) != x {
			sec = min(sec, key)
		}
		if key <= theta {
			w.lcol = append(w.lcol, int32(j))
			w.lcost = append(w.lcost, c)
		} else {
			rest = min(rest, key)
		}
		if st <= colFinal {
			continue
		}
		if nd := base + key; nd <= w.sinkD {
			w.relax(r, int32(j), c, nd, st)
		}
	}
	if w.shared >= 0 {
		w.relaxShared(r, base)
	}
	w.settle(r, at, rest, hi-lo)
	w.sec[r] = sec
}

// scanAll relaxes every option of row r (candidates lo to hi) from base
// and returns the row's lowest key.
func (w *sparseWorkspace) scanAll(r int32, base float64, lo, hi int) float64 {
	cols := w.col[lo:hi]
	costs := w.cost[lo:hi]
	costs = costs[:len(cols)]
	cs := w.c
	sign := w.sign
	low := math.Inf(1)
	for k, j := range cols {
		c := sign * costs[k]
		if c > math.MaxFloat64 || c < -math.MaxFloat64 {
			continue // forbidden
		}
		cj := &cs[j]
		st := cj.state
		if st == colDead {
			continue
		}
		key := c - cj.v
		low = min(low, key)
		if st <= colFinal {
			continue
		}
		if nd := base + key; nd <= w.sinkD {
			w.relax(r, int32(j), c, nd, st)
		}
	}
	if w.shared >= 0 {
		w.relaxShared(r, base)
	}
	return low
}

// relax offers column j to row r at minimization-form cost c and label nd
// (≤ sinkD); st is the column's state, neither final nor dead.
func (w *sparseWorkspace) relax(r, j int32, c, nd float64, st int32) {
	cj := &w.c[j]
	if cj.room > 0 { // free: a sink candidate
		if st == colUnseen {
			cj.state = colSink
			w.touched = append(w.touched, j)
		} else if nd >= w.d[j] {
			return
		}
		w.d[j], w.pred[j], w.predCost[j] = nd, r, c
		if nd < w.sinkD || (nd == w.sinkD && int(j) < w.sinkKey) {
			w.sinkD, w.sinkKey = nd, int(j)
		}
		return
	}
	if nd >= w.sinkD {
		return // cannot be finalized before the sink: no label needed
	}
	if st == colUnseen {
		w.d[j], w.pred[j], w.predCost[j] = nd, r, c
		w.touched = append(w.touched, j)
		w.push(j, nd)
	} else if nd < w.d[j] {
		w.d[j], w.pred[j], w.predCost[j] = nd, r, c
		w.up(int(st), nd)
	}
}

// split lists row r's options of key at most theta, setting rest[r] to the
// least key of the others (+Inf when none).
func (w *sparseWorkspace) split(r int32, theta float64) {
	lo, hi := w.start[r], w.start[r+1]
	at := w.reserve(r, hi-lo)
	rest := math.Inf(1)
	for k := lo; k < hi; k++ {
		c := w.sign * w.cost[k]
		if c > math.MaxFloat64 || c < -math.MaxFloat64 {
			continue
		}
		j := int32(w.col[k])
		cj := &w.c[j]
		if cj.state == colDead {
			continue
		}
		if key := c - cj.v; key <= theta {
			w.lcol = append(w.lcol, j)
			w.lcost = append(w.lcost, c)
		} else {
			rest = min(rest, key)
		}
	}
	w.settle(r, at, rest, hi-lo)
}

// reserve prepares the arena for a new list of row r, of at most deg
// options, appended from the offset it returns.
func (w *sparseWorkspace) reserve(r int32, deg int) int {
	if len(w.lcol)+deg > w.arenaLimit() {
		// The arena is full of lists outgrown: drop them all.
		for i := range w.plen {
			w.plen[i], w.lcap[i] = -1, 0
		}
		w.lcol, w.lcost = w.lcol[:0], w.lcost[:0]
	}
	w.plen[r] = -1
	return len(w.lcol)
}

// settle makes the options appended to the arena from at row r's list
// (moving them to its old slot when they fit there), with rest the least
// key of its other options; deg is the row's length.
func (w *sparseWorkspace) settle(r int32, at int, rest float64, deg int) {
	n := len(w.lcol) - at
	switch {
	case n == 0: // no slot needed; give up the old one
		w.lat[r], w.lcap[r] = 0, 0
	case n <= int(w.lcap[r]): // fits in the row's old slot
		copy(w.lcol[w.lat[r]:], w.lcol[at:])
		copy(w.lcost[w.lat[r]:], w.lcost[at:])
		w.lcol, w.lcost = w.lcol[:at], w.lcost[:at]
	default: // a new slot, with room to grow
		w.lat[r] = at
		extra := min(n/2, deg-n)
		for range extra {
			w.lcol = append(w.lcol, 0)
			w.lcost = append(w.lcost, 0)
		}
		w.lcap[r] = int32(n + extra)
	}
	w.plen[r] = int32(n)
	w.rest[r] = rest
}

// compact drops from row r's list the options whose label from base now
// exceeds the best sink, lowering rest[r] to cover them.
func (w *sparseWorkspace) compact(r int32, base float64) {
	at := w.lat[r]
	lcol := w.lcol[at : at+int(w.plen[r])]
	lcost := w.lcost[at : at+int(w.plen[r])]
	n := 0
	rest := w.rest[r]
	for k, j := range lcol {
		c := lcost[k]
		key := c - w.c[j].v
		if base+key > w.sinkD {
			rest = min(rest, key)
			continue
		}
		lcol[n], lcost[n] = j, c
		n++
	}
	w.plen[r] = int32(n)
	w.rest[r] = rest
}
