package matching

// Candidate lists by cost class, for the sparse searches.
//
// Workforce problems have few distinct costs a row: a person's fit in a
// post depends on the kind of post and a few facts of its unit, so of an
// employee's 1,200 candidate posts most share one of eight or so costs, and
// the set of posts at a given cost (every primary school post of the
// person's subject in a remote kecamatan, say) recurs for thousands of
// people. Before the searches, each row's options are therefore split by
// cost into classes, and each class's column set is stored once, as a
// group shared by every row with the same set. A row is then a short list of
// (group, cost) pairs.
//
// Two rules let a search skip most of a group, both exact (they skip only
// options that could not change a label, so labels, sink and search order
// are those of full scans, as for the split lists of sparse_prune.go):
//
//   - Offers. A row scanned at base offers every column of a group g at
//     cost c the label base + c − v[j]. Once one row has offered g at
//     off = base + c in the current search, a later row whose base + c is
//     no lower offers every column of g a label no better (labels are
//     computed as (base + c) − v[j], and rounding is monotone), so it skips
//     g altogether. Equal labels keep the earlier row, as full scans do.
//   - Ordered columns. Outside the square problem, potentials only
//     decrease (see sparse_prune.go). Each group keeps its columns sorted by
//     a snapshot of their potentials, highest first, with every snapshot
//     at least the current potential. A scan stops at the first column
//     whose snapshot already puts it beyond the best sink: every column
//     after it is beyond too. When most of the columns a scan reads turn
//     out beyond the sink on their current potential, the group's
//     snapshot is refreshed and it is sorted again.
//
// On the generated 20,000-employee workforce (24 M candidates) the rows'
// 1,200 options become 7.6 pairs on average, over 31,478 groups holding
// 4.9 M columns, and a solve reads about one column in seven of what the
// split lists read. Grouping is used when it pays: when the rows' pairs
// number at most an eighth of the candidates, and no row has more than
// maxClasses distinct costs (random costs fail at once). Otherwise the
// split lists are used.
//
// The min-cost flow network of flow_sap.go, which re-solves the Lagrangian
// subproblems of side constraints, uses the same groups for the offers
// (its searches have no sink bound to order columns by).
//
// Keeping one bound per set of arcs that share a tail cost is the idea of
// Dial's buckets (Ahuja, Magnanti & Orlin 1993, ch. 4); offering a whole
// class of equal arcs at once is how shortest-path searches over
// transportation problems treat identical origins (Ahuja, Magnanti &
// Orlin, ch. 9, the transportation problem).
//
// Memory: 8 bytes per column of each distinct group and 12 per pair (at
// most E/8 pairs for E candidates), plus 8 bytes per group.

import (
	"math"
	"slices"
)

// maxClasses is the most distinct costs a row may have for grouping.
const maxClasses = 64

// groupEnt is a column of a group with a snapshot of its potential,
// rounded up to float32: at least the current potential, in 8 bytes (the
// scans stream through the groups, so their size is the solve's memory
// traffic).
type groupEnt struct {
	v float32
	j int32
}

// snapshot returns v rounded up to a float32.
func snapshot(v float64) float32 {
	f := float32(v)
	if float64(f) < v {
		f = math.Nextafter32(f, float32(math.Inf(1)))
	}
	return f
}

// sparseGroups holds the candidate lists by cost class.
type sparseGroups struct {
	gStart []int      // group g's columns are ent[gStart[g]:gStart[g+1]]
	ent    []groupEnt // sorted by (v, descending; column, ascending)
	rStart []int      // row r's pairs are group/cost[rStart[r]:rStart[r+1]]
	group  []int32
	cost   []float64 // minimization form
	offer  []float64 // least base + cost offered in the current search, or +Inf
	seen   []int32   // groups offered in the current search

	// Build scratch.
	index   map[uint64]int32 // hash of a column set → first group with it
	chain   []int32          // next group with the same hash, or -1
	cls     []uint8          // class of each option of the row being split
	costs   []float64        // the row's distinct costs
	counts  []int
	order   []int
	rank    []int
	at      []int
	rowCols []int32

	offerSkips int // group scans saved by an earlier offer (added to Solver.stats)
	resorts    int // tests: groups sorted again
}

// setupGroups splits the candidate lists into groups when that pays (or,
// with always, whenever rows have at most maxClasses costs), reporting
// whether it did. The potentials must be at most 0 and only decrease from
// here on.
func (w *sparseWorkspace) setupGroups(always bool) bool {
	g := &w.groups
	g.offerSkips, g.resorts = 0, 0
	usable := func(k int) (float64, bool) {
		c := w.sign * w.cost[k]
		return c, c <= math.MaxFloat64 && c >= -math.MaxFloat64 && w.c[w.col[k]].state != colDead
	}
	if !g.build(w.rows, w.start, w.col, usable, nil, always) {
		return false
	}
	for i := range g.ent {
		g.ent[i].v = snapshot(w.c[g.ent[i].j].v)
	}
	for k := 0; k < len(g.gStart)-1; k++ {
		g.sort(k)
	}
	return true
}

// build splits the options of rows rows (candidate lists start, col) into
// groups, reporting false, with nothing built, when the rows' pairs would
// outnumber an eighth of the options (unless always is set) or a row has
// more than maxClasses costs. cost returns an option's cost in
// minimization form and whether it is usable (options that are not are
// left out of every group). When pairOf is not nil, pairOf[k] is set to the
// index in group and cost of option k's pair (math.MaxUint32 for an option
// left out). Groups list their columns ascending, with snapshots 0.
func (g *sparseGroups) build(rows int, start, col []int, cost func(k int) (float64, bool), pairOf []uint32, always bool) bool {
	limit := len(col) / 8
	if always {
		limit = len(col)
	}
	g.gStart = append(g.gStart[:0], 0)
	g.ent = g.ent[:0]
	g.rStart = append(g.rStart[:0], 0)
	g.group, g.cost = g.group[:0], g.cost[:0]
	g.chain = g.chain[:0]
	g.index = make(map[uint64]int32)
	defer func() { g.index = nil }()
	for r := 0; r < rows; r++ {
		if !g.splitRow(start[r], start[r+1], col, cost, pairOf) || len(g.group) > limit {
			g.gStart, g.ent, g.rStart, g.group, g.cost = g.gStart[:0], g.ent[:0], g.rStart[:0], g.group[:0], g.cost[:0]
			return false
		}
	}
	g.offer = fill(g.offer, len(g.gStart)-1, math.Inf(1))
	g.seen = g.seen[:0]
	return true
}

// splitRow appends the (group, cost) pairs of the row whose options are lo
// to hi, cheapest first, adding the groups not seen before. It reports
// false when the row has more than maxClasses distinct costs.
func (g *sparseGroups) splitRow(lo, hi int, col []int, cost func(k int) (float64, bool), pairOf []uint32) bool {
	g.cls = grow(g.cls, hi-lo)
	g.costs = g.costs[:0]
	for k := lo; k < hi; k++ {
		c, ok := cost(k)
		if !ok {
			g.cls[k-lo] = math.MaxUint8
			continue
		}
		t := slices.Index(g.costs, c)
		if t < 0 {
			if len(g.costs) == maxClasses {
				return false
			}
			t = len(g.costs)
			g.costs = append(g.costs, c)
		}
		g.cls[k-lo] = uint8(t)
	}
	m := len(g.costs)
	// Classes cheapest first: a low sink found early bounds the rest.
	g.order = grow(g.order, m)
	for t := range g.order {
		g.order[t] = t
	}
	slices.SortFunc(g.order, func(a, b int) int {
		if g.costs[a] < g.costs[b] {
			return -1
		}
		return 1 // costs are distinct
	})
	// Counting sort of the options by class, columns ascending in each.
	g.counts = fill(g.counts, m+1, 0)
	rank := grow(g.rank, m)
	g.rank = rank
	for pos, t := range g.order {
		rank[t] = pos
	}
	for k := lo; k < hi; k++ {
		if t := g.cls[k-lo]; t != math.MaxUint8 {
			g.counts[rank[t]+1]++
		}
	}
	for t := 1; t <= m; t++ {
		g.counts[t] += g.counts[t-1]
	}
	g.rowCols = grow(g.rowCols, g.counts[m])
	at := append(g.at[:0], g.counts[:m]...)
	g.at = at
	first := len(g.group)
	for k := lo; k < hi; k++ {
		t := g.cls[k-lo]
		if t == math.MaxUint8 {
			if pairOf != nil {
				pairOf[k] = math.MaxUint32
			}
			continue
		}
		p := rank[t]
		g.rowCols[at[p]] = int32(col[k])
		at[p]++
		if pairOf != nil {
			pairOf[k] = uint32(first + p)
		}
	}
	for pos, t := range g.order {
		g.group = append(g.group, g.intern(g.rowCols[g.counts[pos]:g.counts[pos+1]]))
		g.cost = append(g.cost, g.costs[t])
	}
	g.rStart = append(g.rStart, len(g.group))
	return true
}

// intern returns the group of column set cols (ascending), adding it when
// new.
func (g *sparseGroups) intern(cols []int32) int32 {
	h := uint64(14695981039346656037) ^ uint64(len(cols))
	for _, j := range cols {
		h = (h ^ uint64(uint32(j))) * 1099511628211
	}
	first, ok := g.index[h]
	if ok {
		for k := first; k >= 0; k = g.chain[k] {
			if g.same(k, cols) {
				return k
			}
		}
	}
	k := int32(len(g.gStart) - 1)
	for _, j := range cols {
		g.ent = append(g.ent, groupEnt{j: j})
	}
	g.gStart = append(g.gStart, len(g.ent))
	if ok {
		g.chain = append(g.chain, first) // newest first in the chain
	} else {
		g.chain = append(g.chain, -1)
	}
	g.index[h] = k
	return k
}

// same reports whether group k holds exactly cols (as built, ascending).
func (g *sparseGroups) same(k int32, cols []int32) bool {
	ents := g.ent[g.gStart[k]:g.gStart[k+1]]
	if len(ents) != len(cols) {
		return false
	}
	for i, e := range ents {
		if e.j != cols[i] {
			return false
		}
	}
	return true
}

// sort orders group k by (v, descending; column, ascending).
func (g *sparseGroups) sort(k int) {
	slices.SortFunc(g.ent[g.gStart[k]:g.gStart[k+1]], func(a, b groupEnt) int {
		switch {
		case a.v > b.v:
			return -1
		case a.v < b.v:
			return 1
		}
		return int(a.j - b.j)
	})
}

// scanRowGroups is scanRow over row r's groups, skipping what the offers
// and the ordered columns rule out.
func (w *sparseWorkspace) scanRowGroups(r int32, base float64) {
	if len(w.out) > 0 {
		// The way out first: it bounds the labels worth making.
		w.offerOut(r, base)
	}
	g := &w.groups
	cs := w.c
	for e := g.rStart[r]; e < g.rStart[r+1]; e++ {
		k := g.group[e]
		c := g.cost[e]
		off := base + c
		if off >= g.offer[k] {
			g.offerSkips++
			continue // offered no worse already in this search
		}
		if g.offer[k] == math.Inf(1) {
			g.seen = append(g.seen, k)
		}
		g.offer[k] = off
		ents := g.ent[g.gStart[k]:g.gStart[k+1]]
		read, stale := 0, 0
		for _, en := range ents {
			if off-float64(en.v) > w.sinkD {
				break // this column and the rest end beyond the sink
			}
			read++
			j := en.j
			cj := &cs[j]
			nd := off - cj.v
			if nd > w.sinkD {
				stale++ // its potential fell since the snapshot
				continue
			}
			st := cj.state
			if st <= colFinal || (st != colUnseen && nd >= w.d[j]) {
				continue // final, or labelled at least as well
			}
			w.relax(r, j, c, nd, st)
		}
		if stale > 8 && 2*stale > read {
			g.resorts++
			for i := range ents {
				ents[i].v = snapshot(cs[ents[i].j].v)
			}
			g.sort(int(k))
		}
	}
	if w.shared >= 0 {
		w.relaxShared(r, base)
	}
}

// endSearch forgets the current search's offers.
func (g *sparseGroups) endSearch() {
	for _, k := range g.seen {
		g.offer[k] = math.Inf(1)
	}
	g.seen = g.seen[:0]
}
