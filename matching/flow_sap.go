package matching

import (
	"context"
	"math"
	"slices"
)

// This file holds sapNet, the min-cost flow network of flow.go stored
// implicitly on the candidate lists, and its successive shortest path
// solver (Ahuja, Magnanti & Orlin 1993, §9.7 and §10.2), written from the
// book. It serves two callers:
//
//   - solveFlow: the plain optimum (groups dropped) and its duals are loaded
//     as a pseudoflow, the group arcs clamped to their bounds; the solver
//     then routes only the groups' violations;
//   - the Lagrangian subproblems of constrained.go: between two solves only
//     the costs (the penalty λ·a of the side constraint) and the allowed
//     pairs (branch and bound) change, and the previous flow and potentials
//     are kept. A row whose assigned pair is no longer its best choice at
//     the current potentials is taken off its column (its column keeps a
//     deficit); every other arc keeps a non-negative reduced cost once each
//     row's potential is reset (recheck). Only those rows are re-augmented.
//
// Network (costs in minimization form): row i → column j on every allowed
// pair, row i → t when it may stay out (cost out[i]), column j → its
// innermost group or t with capacity Capacity[j], group g → its parent
// group or t with bounds [Min, Max]. Every row supplies one unit and t
// demands one per row. There are no explicit arcs: the residual arcs out of
// a node are enumerated from the flow (x, colFlow, grpFlow).
//
// State: a pseudoflow that meets every arc's bounds, with imbalances exc
// (inflow − outflow + supply) at some nodes, and node potentials π with
// c(u, v) + π(u) − π(v) ≥ 0 on every residual arc. Each search is one
// Dijkstra from the lowest node with an excess, stopped when it settles a
// node with a deficit (AMO's successive shortest path algorithm with the
// source and sink chosen per step); the settled nodes' potentials are
// raised by d(v) − d(deficit), which keeps every reduced cost
// non-negative, and one unit is pushed along the path. When no excess is
// left the flow is optimal (reduced cost optimality, AMO theorem 9.3).
// When a search reaches no deficit, its excess cannot be routed: the
// problem (or node) is infeasible.
//
// Ties: sources are taken lowest node first, and the heap settles equal
// distances by lowest node index (rows, columns, groups, t).
//
// A search stops early when the scan of a node u settled at distance d(u)
// labels a deficit at that same distance (an arc of zero reduced cost):
// every node still in the heap is at d(u) or farther, so no path to that
// deficit is shorter, and it is settled at once (the lowest such node of
// the scan, whatever the order of the scan). Without this, a search
// settled the whole plateau of nodes at d(u) that sort before the deficit
// in the heap: the feasibility search (constrained_feasible.go), whose
// reduced costs are all zero, settled most of the network in each search
// (the generated 5,200 employees with a turnover cap: 1.2 s for the
// feasibility search of a lazy round, 0.2–0.3 s with the early stop), and
// the Lagrangian subproblems there settled 840 nodes per search on
// average, 330 with it.
//
// Rows with few distinct costs are scanned by cost class when that pays
// (sparse_group.go's groups over the base costs): in a subproblem where
// every allowed edge of a class costs the same with its penalty (a move
// budget penalizes every pair but staying alike), the row offers the
// class's column group at once, and a row settled later that would offer
// the same group no cheaper skips it. The plans, potentials and bounds are
// those of the scan over edges.
//
// Complexity: O(E + R + C + G) memory beyond the candidate lists; one
// search per unit of imbalance, each O(A' log N) for the A' arcs out of the
// nodes settled before the deficit is reached.

// sapNet is the implicit residual network; see the file comment.
type sapNet struct {
	rows, cols, groups int

	start, col []int     // candidate lists (shared, read only)
	cost       []float64 // cost of each edge, minimization form (shared, read only)
	pen        []float64 // penalty added to each edge's cost; nil means none
	ec         []float64 // cost + pen of each edge, +Inf when not allowed (set by recheck)
	out        []float64 // cost of staying out (+Inf: must be placed); nil: every row must be placed
	seats      []int     // capacity of each column
	colUp      []int32   // node above each column (its innermost group, or t)
	grpUp      []int32   // node above each group
	gmin, gmax []int
	childStart []int32 // children (columns and groups) of each group node and of t (index groups)
	child      []int32

	// Allowed pairs: off[e] forbids edge e (nil: none); fix[i] is the only
	// edge row i may take (-1: free; a fixed row may not stay out).
	off []bool
	fix []int

	// Flow.
	x       []int     // edge of each row, -1 out, -2 unsettled (the row has its unit of excess)
	colRows [][]int32 // rows assigned to each column
	colFlow []int     // flow from each column to the node above it
	grpFlow []int     // flow from each group to the node above it
	exc     []int     // imbalance of each node: > 0 excess, < 0 deficit
	pot     []float64 // potentials

	excList, defList []int32 // nodes that may have an excess (a deficit)

	// Search scratch.
	dist     []float64
	stamp    []uint32
	done     []uint32
	iter     uint32
	predNode []int32
	predEdge []int32
	settled  []int32
	heap     flowHeap
	path     []int32

	searches, scans int   // work counters
	hit             int32 // a deficit labeled at the distance of the node being scanned (-1: none)

	// Rows by cost class (see sparse_group.go), when that pays: the groups
	// of the base costs, each edge's pair (pairOf), and per subproblem
	// (recheck) each pair's cost with its penalty and whether row i may be
	// scanned by pairs (grouped[i]: every allowed edge of its pairs costs
	// its pair's cost).
	grp        *sparseGroups
	pairOf     []uint32
	pairCost   []float64
	grouped    []bool
	offerSkips int // tests: pair scans saved by an earlier offer
}

// groupEdge marks in predEdge a column labelled by a row scanned by pairs;
// augment finds the edge.
const groupEdge = -3

// Node numbering: rows, columns, groups, t.
func (n *sapNet) colNode(j int) int32    { return int32(n.rows + j) }
func (n *sapNet) grpNode(g int) int32    { return int32(n.rows + n.cols + g) }
func (n *sapNet) sink() int32            { return int32(n.rows + n.cols + n.groups) }
func (n *sapNet) edgeCost(e int) float64 { return n.ec[e] }

// newSapNet builds the network of a problem with rows × cols candidate
// lists (start, col, cost in minimization form), column capacities seats,
// out costs (nil: every row must be placed) and the laminar groups of p
// (gof and gparent from groupTree). The flow is empty: load or cold sets
// it.
func newSapNet(p *Problem, rows, cols int, start, col []int, cost, out []float64, gof, gparent []int) *sapNet {
	ng := len(p.Groups)
	n := &sapNet{rows: rows, cols: cols, groups: ng, start: start, col: col, cost: cost, out: out,
		seats: make([]int, cols), colUp: make([]int32, cols), grpUp: make([]int32, ng),
		gmin: make([]int, ng), gmax: make([]int, ng)}
	for j := range n.seats {
		n.seats[j] = p.seats(j)
		n.colUp[j] = n.sink()
		if gof[j] >= 0 {
			n.colUp[j] = n.grpNode(gof[j])
		}
	}
	for g, gr := range p.Groups {
		n.gmin[g], n.gmax[g] = max(gr.Min, 0), gr.Max
		n.grpUp[g] = n.sink()
		if gparent[g] >= 0 {
			n.grpUp[g] = n.grpNode(gparent[g])
		}
	}
	// Children of each group node and of t, columns then groups, ascending.
	n.childStart = make([]int32, ng+2)
	up := func(v int32) int { return int(v) - n.rows - n.cols } // group index, ng for t
	for j := range n.colUp {
		n.childStart[up(n.colUp[j])+1]++
	}
	for g := range n.grpUp {
		n.childStart[up(n.grpUp[g])+1]++
	}
	for k := 1; k < len(n.childStart); k++ {
		n.childStart[k] += n.childStart[k-1]
	}
	n.child = make([]int32, n.childStart[ng+1])
	fill := slices.Clone(n.childStart)
	for j := range n.colUp {
		k := up(n.colUp[j])
		n.child[fill[k]] = n.colNode(j)
		fill[k]++
	}
	for g := range n.grpUp {
		k := up(n.grpUp[g])
		n.child[fill[k]] = n.grpNode(g)
		fill[k]++
	}
	nodes := rows + cols + ng + 1
	n.x = make([]int, rows)
	n.colRows = make([][]int32, cols)
	n.colFlow = make([]int, cols)
	n.grpFlow = make([]int, ng)
	n.exc = make([]int, nodes)
	n.pot = make([]float64, nodes)
	n.dist = make([]float64, nodes)
	n.stamp = make([]uint32, nodes)
	n.done = make([]uint32, nodes)
	n.predNode = make([]int32, nodes)
	n.predEdge = make([]int32, nodes)
	n.fix = make([]int, rows)
	for i := range n.fix {
		n.fix[i] = -1
	}
	return n
}

// groupRows scans rows by cost class from now on when that pays (see
// sparse_group.go): many rows, few costs a row, column sets shared; with
// always, whenever rows have few costs. With sig set, a class holds the
// edges of one cost and one sig (the side constraints' terms of an edge,
// as a number: edges of one class then keep one cost under any penalty);
// when those classes do not pay, classes by cost alone are tried.
func (n *sapNet) groupRows(always bool, sig []uint64) {
	g := &sparseGroups{}
	pairOf := make([]uint32, len(n.col))
	usable := func(k int) (float64, bool) {
		c := n.cost[k]
		return c, c <= math.MaxFloat64 && c >= -math.MaxFloat64
	}
	bySig := func(k int) (float64, bool) {
		c, ok := usable(k)
		if !ok || sig[k] == 0 {
			return c, ok
		}
		// A key no cost takes (finite, above 2¹⁰²³), one per (cost,
		// sig) but for hash collisions, which recheck tolerates: a row
		// whose pair's edges cost differently is scanned edge by edge.
		h := (math.Float64bits(c) ^ sig[k]) * 0x9E3779B97F4A7C15
		return math.Float64frombits(0x7FE0_0000_0000_0000 | h>>12), true
	}
	if (sig == nil || !g.build(n.rows, n.start, n.col, bySig, pairOf, always)) &&
		!g.build(n.rows, n.start, n.col, usable, pairOf, always) {
		return
	}
	n.grp, n.pairOf = g, pairOf
	n.pairCost = make([]float64, len(g.group))
	n.grouped = make([]bool, n.rows)
}

// allowed reports whether row i may take edge e.
func (n *sapNet) allowed(i, e int) bool {
	if f := n.fix[i]; f >= 0 {
		return e == f
	}
	return n.off == nil || !n.off[e]
}

// outCost returns the cost of row i staying out and whether it may.
func (n *sapNet) outCost(i int) (float64, bool) {
	if n.out == nil || n.fix[i] >= 0 || math.IsInf(n.out[i], 1) {
		return 0, false
	}
	return n.out[i], true
}

// load sets the flow to the plan x (row → edge, -1 out), which must keep
// every column's seats, with potentials pr (rows), pc (columns), pg
// (groups) and pt (t) that give every residual arc of that flow a
// non-negative reduced cost when group arcs are ignored. Group arcs are
// clamped to their bounds, inner groups first (order); the difference is
// left as imbalance at the group nodes and t. Groups are given potential
// pt, so their arcs have zero reduced cost.
func (n *sapNet) load(x []int, pr, pc, pg []float64, pt float64, order []int) {
	clear(n.exc)
	for j := range n.colRows {
		n.colRows[j] = n.colRows[j][:0]
	}
	t := n.sink()
	inflow := make([]int, n.groups+1) // into each group node and t
	up := func(v int32) int { return int(v) - n.rows - n.cols }
	for i, e := range x {
		n.x[i] = e
		if e < 0 {
			inflow[n.groups]++
			continue
		}
		j := n.col[e]
		n.colRows[j] = append(n.colRows[j], int32(i))
	}
	for j, rs := range n.colRows {
		n.colFlow[j] = len(rs)
		inflow[up(n.colUp[j])] += len(rs)
	}
	for _, g := range order {
		f := min(max(inflow[g], n.gmin[g]), n.gmax[g])
		n.grpFlow[g] = f
		n.exc[n.grpNode(g)] = inflow[g] - f
		inflow[up(n.grpUp[g])] += f
	}
	n.exc[t] = inflow[n.groups] - n.rows
	copy(n.pot, pr)
	copy(n.pot[n.rows:], pc)
	copy(n.pot[n.rows+n.cols:], pg)
	n.pot[t] = pt
	n.excList, n.defList = n.excList[:0], n.defList[:0]
	for v := n.rows + n.cols; v <= int(t); v++ {
		n.note(int32(v))
	}
}

// note records node v in the excess or deficit list when it is imbalanced.
func (n *sapNet) note(v int32) {
	switch {
	case n.exc[v] > 0:
		n.excList = append(n.excList, v)
	case n.exc[v] < 0:
		n.defList = append(n.defList, v)
	}
}

// recheck restores the optimality conditions at the rows after their
// costs or allowed pairs changed: a row whose assignment (a pair or
// staying out) is no longer allowed or no longer its best choice at the
// column potentials is unsettled (its unit becomes excess, its column or t
// a deficit), and every row's potential is set to max over its allowed
// forward arcs of π(head) − c, which gives each of them a non-negative
// reduced cost. O(E + R).
func (n *sapNet) recheck() {
	t := n.sink()
	if n.ec == nil {
		n.ec = make([]float64, len(n.cost))
	}
	inf := math.Inf(1)
	for i := 0; i < n.rows; i++ {
		best, bestOK := math.Inf(-1), false // max over forward arcs of π(head) − c
		own, ownOK := math.Inf(-1), false   // the same for the arc in use
		cur := n.x[i]
		byPairs := n.grp != nil
		if byPairs {
			for p := n.grp.rStart[i]; p < n.grp.rStart[i+1]; p++ {
				n.pairCost[p] = math.NaN()
			}
		}
		for e := n.start[i]; e < n.start[i+1]; e++ {
			if !n.allowed(i, e) {
				n.ec[e] = inf
				byPairs = byPairs && n.pairOf[e] == math.MaxUint32
				continue
			}
			c := n.cost[e]
			if n.pen != nil {
				c += n.pen[e]
			}
			n.ec[e] = c
			if byPairs {
				if p := n.pairOf[e]; p != math.MaxUint32 {
					if pc := n.pairCost[p]; pc != pc {
						n.pairCost[p] = c
					} else if pc != c {
						byPairs = false
					}
				}
			}
			v := n.pot[n.rows+n.col[e]] - c
			if e == cur {
				own, ownOK = v, true
			} else if v > best {
				best, bestOK = v, true
			}
		}
		if n.grp != nil {
			n.grouped[i] = byPairs
		}
		if c, ok := n.outCost(i); ok {
			v := n.pot[t] - c
			if cur == -1 {
				own, ownOK = v, true
			} else if v > best {
				best, bestOK = v, true
			}
		}
		if cur != -2 && (!ownOK || (bestOK && best > own)) {
			n.unsettle(i)
			cur = -2
		}
		switch {
		case cur == -2:
			if ownOK && own > best {
				best, bestOK = own, true
			}
			if bestOK {
				n.pot[i] = best
			}
		default:
			// Keep π(i) within [best, own]: own makes the arc in use tight.
			n.pot[i] = own
		}
	}
}

// unsettle takes row i off its column (or out of t): the row gets its unit
// of excess back and the column (or t) a deficit.
func (n *sapNet) unsettle(i int) {
	e := n.x[i]
	var v int32
	if e >= 0 {
		j := n.col[e]
		rs := n.colRows[j]
		k := slices.Index(rs, int32(i))
		n.colRows[j] = append(rs[:k], rs[k+1:]...)
		v = n.colNode(j)
	} else {
		v = n.sink()
	}
	n.x[i] = -2
	n.exc[v]--
	n.exc[i]++
	n.note(v)
	n.note(int32(i))
}

// run routes every excess to a deficit along successive shortest paths. It
// returns false when some excess cannot be routed (the network has no
// feasible flow), ctx.Err() when the context is cancelled.
func (n *sapNet) run(ctx context.Context) (bool, error) {
	for {
		if err := ctx.Err(); err != nil {
			return false, err
		}
		n.excList = compactList(n.excList, n.exc, 1)
		n.defList = compactList(n.defList, n.exc, -1)
		if len(n.excList) == 0 {
			return len(n.defList) == 0, nil
		}
		if !n.search() {
			return false, nil
		}
	}
}

// compactList drops from l the nodes whose imbalance no longer has the
// sign sign, and duplicates, keeping the first occurrence of each.
func compactList(l []int32, exc []int, sign int) []int32 {
	out := l[:0]
	for _, v := range l {
		if exc[v]*sign > 0 {
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// search runs one Dijkstra from the lowest node with an excess to the
// nearest node with a deficit and pushes one unit along the path; false
// when no deficit can be reached.
func (n *sapNet) search() bool {
	n.searches++
	n.iter++
	if n.iter == 0 { // wrapped: reset the stamps
		clear(n.stamp)
		clear(n.done)
		n.iter = 1
	}
	it := n.iter
	inf := math.Inf(1)
	src := n.excList[0]
	rc0 := int32(n.rows + n.cols)
	t := n.sink()
	n.settled = n.settled[:0]
	h := n.heap[:0]
	n.stamp[src], n.dist[src], n.predNode[src] = it, 0, -1
	h.push(flowItem{0, src})
	target := int32(-1)
	n.hit = -1
	for len(h) > 0 {
		top := h.pop()
		u := top.v
		if n.done[u] == it || top.d > n.dist[u] {
			continue
		}
		n.done[u] = it
		n.settled = append(n.settled, u)
		n.scans++
		if n.exc[u] < 0 {
			target = u
			break
		}
		du, pu := n.dist[u], n.pot[u]
		// relax offers v the distance du + c + π(u) − π(v) through an arc
		// of cost c (edge e, or -1).
		relax := func(v int32, c float64, e int32) {
			if n.done[v] == it {
				return
			}
			rc := c + pu - n.pot[v]
			if rc < 0 {
				rc = 0 // rounding with fractional costs; exact for integers
			}
			d := du + rc
			if n.stamp[v] != it || d < n.dist[v] {
				n.stamp[v] = it
				n.dist[v] = d
				n.predNode[v] = u
				n.predEdge[v] = e
				h.push(flowItem{d, v})
				n.reach(v, d, du)
			}
		}
		switch {
		case int(u) < n.rows && n.grp != nil && n.grouped[u]:
			n.scanPairs(u, du, pu, &h)
			if c, ok := n.outCost(int(u)); ok && n.x[u] != -1 {
				relax(t, c, -1)
			}
		case int(u) < n.rows:
			i := int(u)
			cur := n.x[i]
			for e := n.start[i]; e < n.start[i+1]; e++ {
				c := n.ec[e]
				if e == cur || c == inf {
					continue
				}
				v := int32(n.rows + n.col[e])
				if n.done[v] == it {
					continue
				}
				rc := c + pu - n.pot[v]
				if rc < 0 {
					rc = 0
				}
				if d := du + rc; n.stamp[v] != it || d < n.dist[v] {
					n.stamp[v] = it
					n.dist[v] = d
					n.predNode[v] = u
					n.predEdge[v] = int32(e)
					h.push(flowItem{d, v})
					n.reach(v, d, du)
				}
			}
			if c, ok := n.outCost(i); ok && n.x[i] != -1 {
				relax(t, c, -1)
			}
		case u < rc0:
			j := int(u) - n.rows
			for _, r := range n.colRows[j] {
				relax(r, -n.edgeCost(n.x[r]), -1)
			}
			if n.colFlow[j] < n.seats[j] {
				relax(n.colUp[j], 0, -1)
			}
		default:
			k := int(u) - n.rows - n.cols // group index, n.groups for t
			if k < n.groups && n.grpFlow[k] < n.gmax[k] {
				relax(n.grpUp[k], 0, -1)
			}
			for _, v := range n.child[n.childStart[k]:n.childStart[k+1]] {
				if v < rc0 {
					if n.colFlow[int(v)-n.rows] > 0 {
						relax(v, 0, -1)
					}
				} else if g := int(v - rc0); n.grpFlow[g] > n.gmin[g] {
					relax(v, 0, -1)
				}
			}
			if u == t && n.out != nil {
				for i, e := range n.x {
					if e == -1 {
						relax(int32(i), -n.out[i], -1)
					}
				}
			}
		}
		if v := n.hit; v >= 0 {
			// A deficit labeled at u's own distance: settle it now (see
			// the file comment).
			n.done[v] = it
			n.settled = append(n.settled, v)
			target = v
			break
		}
	}
	n.heap = h
	if n.grp != nil {
		n.grp.endSearch()
	}
	if target < 0 {
		return false
	}
	dt := n.dist[target]
	for _, v := range n.settled {
		n.pot[v] += n.dist[v] - dt
	}
	n.augment(target)
	return true
}

// reach notes v, just labeled at distance d by the scan of a node settled
// at du, as the search's early target when it is a deficit at du: the
// lowest such node of the scan.
func (n *sapNet) reach(v int32, d, du float64) {
	if d == du && n.exc[v] < 0 && (n.hit < 0 || v < n.hit) {
		n.hit = v
	}
}

// scanPairs relaxes the edges of row u, settled at distance du with
// potential pu, by its pairs (row u must be grouped). A pair another row
// has offered in this search at a cost plus potential no higher is
// skipped: that row was settled no later, so at a distance no greater, and
// gave each column of the group a label no worse (labels are
// du + ((c + pu) − π(v)), monotone in du and c + pu, rounding included).
// Its own edge, skipped by the scan over edges, leads to its column, which
// is settled already.
func (n *sapNet) scanPairs(u int32, du, pu float64, h *flowHeap) {
	g := n.grp
	it := n.iter
	for p := g.rStart[u]; p < g.rStart[u+1]; p++ {
		k := g.group[p]
		cpu := n.pairCost[p] + pu
		if cpu >= g.offer[k] {
			n.offerSkips++
			continue
		}
		if g.offer[k] == math.Inf(1) {
			g.seen = append(g.seen, k)
		}
		g.offer[k] = cpu
		for _, en := range g.ent[g.gStart[k]:g.gStart[k+1]] {
			v := int32(n.rows) + en.j
			if n.done[v] == it {
				continue
			}
			rc := cpu - n.pot[v]
			if rc < 0 {
				rc = 0 // as in search
			}
			if d := du + rc; n.stamp[v] != it || d < n.dist[v] {
				n.stamp[v] = it
				n.dist[v] = d
				n.predNode[v] = u
				n.predEdge[v] = groupEdge
				h.push(flowItem{d, v})
				n.reach(v, d, du)
			}
		}
	}
}

// augment pushes one unit along the path recorded in predNode from the
// search's source to target.
func (n *sapNet) augment(target int32) {
	path := n.path[:0]
	for v := target; v >= 0; v = n.predNode[v] {
		path = append(path, v)
	}
	slices.Reverse(path)
	n.path = path
	n.exc[path[0]]--
	n.exc[target]++
	rc := int32(n.rows + n.cols)
	t := n.sink()
	for k := 0; k+1 < len(path); k++ {
		u, v := path[k], path[k+1]
		switch {
		case u < int32(n.rows) && v < rc:
			// Row u takes column v through edge predEdge[v].
			e := int(n.predEdge[v])
			if e == groupEdge {
				lo := n.start[u]
				k, _ := slices.BinarySearch(n.col[lo:n.start[u+1]], int(v)-n.rows)
				e = lo + k
			}
			n.x[u] = e
			n.colRows[int(v)-n.rows] = append(n.colRows[int(v)-n.rows], u)
		case u < int32(n.rows): // row u → t
			n.x[u] = -1
		case u < rc && v < int32(n.rows):
			// Column u gives up row v.
			j := int(u) - n.rows
			rs := n.colRows[j]
			k := slices.Index(rs, v)
			n.colRows[j] = append(rs[:k], rs[k+1:]...)
			n.x[v] = -2
		case u == t && v < int32(n.rows):
			n.x[v] = -2 // row v comes back in
		case u < rc: // column → the node above it
			n.colFlow[int(u)-n.rows]++
		case v < rc: // node above → column
			n.colFlow[int(v)-n.rows]--
		case u < t && n.grpUp[int(u-rc)] == v: // group → the node above it
			n.grpFlow[int(u-rc)]++
		default: // node above → group
			n.grpFlow[int(v-rc)]--
		}
	}
}

// minFormEdges lists the allowed pairs of p in minimization form, row by
// row with columns ascending, as candidate lists.
func minFormEdges(p *Problem, rows int) (start, col []int, cost []float64) {
	start = make([]int, rows+1)
	if sp := p.Candidates; sp != nil {
		col = make([]int, 0, len(sp.Col))
		cost = make([]float64, 0, len(sp.Col))
	}
	for i := 0; i < rows; i++ {
		visitRow(p, i, func(j int, c float64) {
			if cm, ok := p.minCost(c); ok {
				col = append(col, j)
				cost = append(cost, cm)
			}
		})
		start[i+1] = len(col)
	}
	return start, col, cost
}

// edgeOf returns the edge of pair (i, j) in candidate lists, or -1.
func edgeOf(start, col []int, i, j int) int {
	k, found := slices.BinarySearch(col[start[i]:start[i+1]], j)
	if !found {
		return -1
	}
	return start[i] + k
}

// flowSAP finishes solveFlow from the warm start a (the plain optimum of
// the problem with its fixed pairs, groups dropped) and its network
// potentials d, on the implicit network of sapNet. It needs every row to be
// placed or Unassigned set. ok is false when the groups cannot all be kept
// (the caller then names the conflict).
func (s *Solver) flowSAP(ctx context.Context, p *Problem, a *Assignment, d *flowDuals, fixed, gof, gparent, gorder []int) (out Assignment, dual *flowDuals, ok bool, err error) {
	rows, cols := p.dims()
	start, col, cost := minFormEdges(p, rows)
	var outCost []float64
	if p.Unassigned != nil {
		outCost = make([]float64, rows)
		for i, c := range p.Unassigned {
			cm, allowed := p.minCost(c)
			if !allowed {
				cm = math.Inf(1)
			}
			outCost[i] = cm
		}
	}
	n := newSapNet(p, rows, cols, start, col, cost, outCost, gof, gparent)
	if !s.noGroups {
		n.groupRows(s.allGroup, nil)
	}
	x := make([]int, rows)
	for i, j := range a.RowToCol {
		x[i] = -1
		if j >= 0 {
			x[i] = edgeOf(start, col, i, j)
		}
		if fixed[i] >= 0 {
			n.fix[i] = edgeOf(start, col, i, fixed[i])
		}
	}
	n.load(x, d.Row, d.Col, d.Group, d.Sink, gorder)
	n.recheck()
	feasible, err := n.run(ctx)
	s.stats.augmentations += n.searches
	s.stats.scans += n.scans
	s.stats.offerSkips += n.offerSkips
	if err != nil || !feasible {
		return Assignment{}, nil, false, err
	}
	rowToCol := make([]int, rows)
	for i, e := range n.x {
		rowToCol[i] = -1
		if e >= 0 {
			rowToCol[i] = col[e]
		}
	}
	out = Assignment{RowToCol: rowToCol, Cost: objective(p, rowToCol)}
	out.Bound = out.Cost
	out.U, out.V = make([]float64, rows), make([]float64, cols)
	dual = &flowDuals{Row: slices.Clone(n.pot[:rows]), Col: slices.Clone(n.pot[rows : rows+cols]),
		Group: slices.Clone(n.pot[rows+cols : rows+cols+n.groups]), Sink: n.pot[n.sink()]}
	if p.Unassigned == nil && rows > 0 {
		dual.Source = slices.Min(dual.Row) // every row placed: s → row arcs are full
	}
	for i := range out.U {
		out.U[i] = -dual.Row[i]
	}
	copy(out.V, dual.Col)
	return out, dual, true, nil
}
