// Package matching solves assignment problems exactly: rows (agents) are
// placed into columns (tasks) at minimum total cost, and every result comes
// with dual potentials that prove it optimal.
//
// # Problem
//
// A [Problem] has R rows and C columns. Column j offers Capacity[j] seats (one
// when Capacity is nil), S seats in all. Costs come as a dense matrix
// ([Problem.Cost], any gonum [mat.Matrix]) or as candidate lists
// ([Problem.Candidates], a [Sparse] in CSR form). Every row is either placed
// into a column with a free seat or left unassigned:
//
//   - with Unassigned nil (the convention of SciPy's linear_sum_assignment),
//     min(R, S) rows are placed: every row when R ≤ S, every seat when R > S;
//   - with Unassigned set, row i may stay out at cost Unassigned[i]; +Inf
//     means it must be placed. Seats may stay empty.
//
// [Solver.Solve] returns an [Assignment]: RowToCol (−1 for a row left out),
// the objective Cost, a proven Bound (equal to Cost: the solution is
// optimal) and the potentials U and V. [Certify] re-checks an assignment
// against its problem independently of the solver. A problem without a
// feasible assignment gives an [*InfeasibleError] naming a Hall witness: rows
// that must be placed but whose allowed columns have fewer seats, or (when
// every seat must be filled) columns whose seats only too few rows may take.
//
// # Conventions
//
//   - Minimization: Cost is minimized. With Maximize set the solver maximizes
//     instead; internally it minimizes the negated costs, and U and V are the
//     potentials of that minimization.
//   - Rows are agents and columns are tasks, indexed i and j from 0.
//   - +Inf marks a forbidden pair in a dense matrix, and so does −Inf when
//     maximizing; a pair missing from the candidate lists is forbidden too.
//   - NaN, and −Inf when minimizing, are rejected with a [*CostError] naming
//     the first such cell in row-major order (Col −1 for an Unassigned
//     entry).
//   - Costs are compared exactly; the solver has no epsilon. Integer costs
//     (as mutasi's scenarios produce) are exact in float64 up to 2⁵³, so
//     sums, ties and certificates are exact. [Solver.Tolerance] and the tol
//     argument of [Certify] are relative tolerances (default 1e-9, scaled by
//     the largest cost magnitude) used only to check certificates of
//     fractional costs.
//   - Ranges: every entry point ([Solver.Solve], [Solver.KBest],
//     [Solver.Within], [Solver.KBestFrom], [Solver.Lexicographic],
//     [Certify]) refuses, with an [*ArgumentError], a nil Problem, a
//     tolerance that is NaN, infinite or negative, a negative MaxNodes and
//     capacities whose sum overflows int. Finite costs must keep the sum,
//     over rows, of each row's largest magnitude (its Unassigned cost
//     included) within MaxFloat64/4 ≈ 4.5e307: the potentials are bounded by
//     that sum, so every reduced cost c − u − v stays finite; beyond it Solve
//     returns an error wrapping ErrInvalidCost rather than an objective of
//     ±Inf. Exactness needs more: with integer costs, keep that sum below
//     2⁵³ ≈ 9.0e15 (mutasi's scenarios bound their values so that it is).
//   - A dense [*mat.Dense] is read in place (its stride respected) and never
//     modified or copied; any other [mat.Matrix] is copied once. Beyond that
//     the dense solver uses O(R + C) memory, and the sparse solver
//     O(R + C + E) (at most 12 bytes per candidate, for its split candidate
//     lists, its column groups or, on square problems, a transposed copy of
//     the lists it searches), kept in the Solver and reused by the next
//     call; a problem
//     solved over candidate lists adds about 70 bytes per listed pair (10 or
//     12 a row and 4, or 32, a column, plus the pairs pricing adds), lists
//     and the sparse solver's buffers included. Result slices are freshly
//     allocated and owned by the caller.
//
// # Algorithms
//
// Solve dispatches on the problem's features:
//
//	Cost set, R = C ≥ 512, one    candidate lists, then sparse shortest augmenting
//	  seat, Unassigned nil, rows    paths, priced against the whole matrix (candidates.go)
//	  not mostly repeats
//	Cost set, R > C ≥ 512,        the same, transposed: lists by column, each column
//	  otherwise as above            placed into a row (tall.go)
//	Cost set, otherwise           dense shortest augmenting paths (dense.go)
//	Candidates set, square, one   candidate lists as above, priced against every
//	  seat, Unassigned nil,         listed pair (candidates.go)
//	  R ≥ 512, ≥ 48 a row
//	Candidates set, otherwise     sparse shortest augmenting paths (sparse.go)
//	Fix or Groups                 min-cost flow with bounds (flow.go)
//	Side                          Lagrangian branch and bound (constrained.go)
//	Solver.KBest                  Murty's ranking over the flow solver (kbest.go)
//	Solver.Within                 the same, every plan within eps of the optimum (kbest.go)
//	Solver.KBestFrom              Lawler's partition over Solve, side constraints included (kbest_side.go)
//	Solver.Lexicographic          objectives in priority order, one exact combined Solve (lexicographic.go)
//
// The dense solver follows Jonker and Volgenant (1987): shortest augmenting
// paths on reduced costs with dual potentials, one Dijkstra-like search over
// all columns per free row, after an initialization by column reduction,
// reduction transfer and augmenting row reduction. The initialization is
// used in full only where its reductions keep the dual conditions of
// [Certify]: for square problems with one seat per column. Rectangular and
// partial problems follow Crouse (2016): potentials start at zero and only
// columns that are full get lowered, so V[j] ≤ 0 with V[j] = 0 on columns
// with an empty seat; they use augmenting row reduction from zero
// potentials when every column has at most one seat, and a greedy start
// otherwise (seats, or more rows than seats). Seats are handled natively (a full column leads a search to
// every row seated in it; no column is duplicated). Staying out is a private
// virtual column per row; with more rows than seats and Unassigned nil, one
// shared zero-cost virtual column takes the R − S rows left out, and its
// potential is folded into U and V at the end; when every column is to be
// filled (one seat each), the sparse solver starts with column reduction
// (Jonker & Volgenant 1987): each column's potential is its cheapest cost
// and its cheapest row is seated at once, so the shared column takes only
// rows no column wants first. When many rows are identical
// (a few kinds of person scored against the posts), a search skips rows
// identical to one it has already relaxed at an offset at least as large,
// which cannot change any distance. The sparse solver does the same per
// class of options: when rows have few distinct costs, each row becomes a
// few (column set, cost) pairs over column sets stored once, and a search
// skips a set another row has already offered at a label no worse; the sets
// are kept ordered by potential so that a scan stops at the first column
// beyond the best free seat (sparse_group.go). The result is that of full
// scans, to the bit.
//
// Large problems whose optimum uses only cheap pairs are solved over
// candidate lists (candidates.go): each row's 10 (dense) or 12 (sparse)
// cheapest columns and each column's 4 cheapest rows (the lowest index on
// equal cost) go to the sparse solver, and its potentials are then priced
// against every pair of the problem, one pass: U[i] + V[j] ≤ c'[i][j] on
// every allowed pair is the dual feasibility [Certify] checks, so when no
// pair breaks it the assignment is optimal for the whole problem (linear
// programming duality; Ahuja, Magnanti and Orlin 1993). Pairs that break it
// are added and the problem is solved again, a square one from the last
// solve's state with only the rows given a new pair searched for again. Lists
// that admit no feasible assignment are chosen again with 32 rows per column
// (costs from distances between points leave some columns nobody's cheap
// choice); after that, or after 8 solves, the problem is solved in full.
// Tall dense problems (more rows than columns) are solved transposed
// (tall.go): each column's 10 cheapest rows and each row's 4 cheapest
// columns are listed by column, and the sparse solver places each column
// into a row, a problem with fewer agents than tasks (Crouse 2016) whose
// potentials are the original ones swapped, so its searches never pass
// through the R − C rows left out. The matrix is read in place, by rows,
// never transposed or copied. The tie rule (see Determinism) then applies
// with rows and columns swapped: columns are placed in ascending order and
// the lowest row wins on equal reduced cost. On lap-ref's 2000 × 1000
// matrices this took uniform and geometric costs from 1.0–1.6× SciPy's
// time to about 0.4–0.9×. Dense problems take this path with one seat per
// column, every row placed, at least as many rows as columns and at least
// 512 columns, unless most rows repeat a few kinds (judged on 16 costs
// at columns spread over the row; those are faster in the dense search,
// which skips repeated rows); sparse ones when square, one seat
// per column, every row placed, from 512 rows with at least 48 candidates a
// row on average. On random costs the dense searches would otherwise sweep
// whole cost rows for thousands of rows tied at the same distance late in a
// solve, and the sparse ones read hundreds of long lists per search.
//
// Groups and fixed pairs make the problem a min-cost flow with lower and
// upper bounds (Ahuja, Magnanti and Orlin 1993): source → rows → columns →
// groups → sink, where a group's arc carries between Min and Max rows,
// nested groups chain their arcs (inner group → outer group → sink), a
// fixed pair's arc has lower bound 1 and staying out is an arc from the row
// to the sink. Lower bounds are removed by the standard transformation and
// the flow is found by successive shortest paths on reduced costs. The
// plain optimum is computed first: when it keeps every group it is
// returned as is; otherwise its flow and potentials start the search, which
// then only repairs the groups' violations. An infeasible problem names the
// groups of a minimum cut (InfeasibleError.Groups). Groups that overlap
// without nesting return ErrUnsupported. The placement rule is unchanged:
// with Unassigned nil, min(R, S) rows are placed, so caps that leave fewer
// seats make the problem infeasible; set Unassigned to let rows stay out.
// When every row is placed or Unassigned is set, the repair runs on an
// implicit network over the candidate lists (flow_sap.go, no arc per
// pair): the plain optimum's flow and potentials are loaded with group arcs
// clamped to their bounds, and each search goes from one row or group with
// a surplus to the nearest node still short, stopping there. The explicit
// network is built only to name the groups of an infeasible problem.
//
// Side constraints are handled by Lagrangian relaxation inside branch and
// bound (Fisher 1981): multipliers price the side constraints into the
// costs, the subproblem is the plain (or flow) problem, and the best
// Lagrangian value is a proven bound. A single side constraint (a move
// budget: coefficient 1 on every pair away from a row's stay column, limit
// K) is priced exactly by cutting planes on its one-dimensional dual, and a
// primal heuristic combines the two solutions that bracket the optimum;
// several constraints use projected subgradient steps. Subproblems are
// re-optimized on one kept network (constrained_net.go): a change of
// multipliers or of fixed and forbidden pairs unsettles only the rows
// whose pair stopped being their best choice (Ahuja, Magnanti and Orlin
// 1993, §9.11). The combine step switches chains of the path and cycle
// decomposition of the two bracketing solutions; reaching the limit
// exactly gives a plan whose cost equals the Lagrangian bound, which
// proves it optimal. Several side constraints (the move budget, turnover
// limits, caps and conflict pairs of a scenario) get three more tools. At
// the root, rounds of subgradient steps alternate with exact coordinate
// ascent: one multiplier at a time, the one-dimensional dual is maximized
// by the same cutting-plane bracketing as a single constraint, which
// reaches the linear programming bound where subgradient steps stall.
// Every relaxed solution relinks the incumbent towards it: the chains of
// the difference of the two plans are switched, choosing the subset that
// saves most while every constraint holds (exhaustively when there are at
// most 24 chains, else greedily), which finds the optimum early. With an
// incumbent, reduced-cost fixing (Nemhauser and Wolsey 1988) forbids below
// a node every pair whose reduced cost at the node's potentials, added to
// its Lagrangian bound, cannot beat the incumbent. Nodes branch on a
// pair (forbid it, or fix it), best bound first. With several constraints
// strong branching picks the pair (constrained_strong.go; Applegate,
// Bixby, Chvátal and Cook 1995): the 16 pairs whose smoothed relaxed value
// (the primal estimate of Barahona and Anbil's volume algorithm, 2000) is
// closest to one half are tried, both children of each evaluated with a
// few subgradient steps, and the pair whose children's bounds rise most is
// taken (the product rule of Achterberg, Koch and Martin 2005); the trials
// are rationed to the subproblems of the rest of the search and stop
// after three nodes in a row where they raised no child's bound, and past
// that the pair closest to one half is taken. Problems of generalized
// assignment shape (every row placed, seats that never bind, one knapsack
// constraint with integer weights per column, no groups) use the stronger
// relaxation of Fisher, Jaikumar and Van Wassenhove (1986) and Ross and
// Soland (1975) instead: the "each row once" constraints are priced,
// leaving one 0/1 knapsack per column, solved by dynamic programming.
// Results carry Multipliers, one per side constraint, with L(Multipliers) ≤
// Bound ≤ Cost; at the MaxNodes limit Bound < Cost (Bound > Cost when
// maximizing), never a heuristic plan presented as optimal.
//
// Feasibility comes first (constrained_feasible.go): before the root, the
// same branch and bound runs on the problem with every cost set to zero,
// whose Lagrangian bound is positive exactly where a node has no plan
// (the bound is homogeneous in the multipliers), and which stops at its
// first plan. It proves an infeasible problem so (an [*InfeasibleError])
// within max(MaxNodes, 1000) nodes, usually at its root; otherwise its
// plan is the first incumbent, so a feasible problem gets a plan at any
// node limit. At the root, with several side constraints, sign-adaptive
// multiplier steps come first (constrained_block.go: each multiplier has
// its own step length, doubled while its constraint stays violated and
// cut when the sign of its slope changes, the first one priced from the
// subproblem's potentials; the Rprop rule of Riedmiller and Braun 1993),
// then a dive from their best relaxed solution (constrained_primal.go:
// the rows adding most to a broken constraint are barred from the pairs
// that add to it and the subproblem is solved again), then the
// subgradient steps and coordinate ascent above. With a hundred side
// constraints or more (a turnover cap per unit) the adaptive steps reach
// the bound in a fraction of the subproblems, each re-optimizing few rows.
// [Side.Hint] starts the root's multipliers elsewhere than zero: scenarios
// passes each lazy round the multipliers of the last. [Solver.Gap] prunes every node within the relative
// tolerance of the incumbent; the bounds of the nodes pruned so are kept,
// so Bound stays proven. Under side constraints on a partition of the
// rows (a turnover cap per unit) the penalties differ within a row's cost
// class; the kept network splits classes by side-constraint terms too, so
// rows are still scanned by class.
//
// [Solver.KBest] ranks plans by Murty's method (1968) with Lawler's (1972)
// partition, each node solved by the flow solver and made the
// lexicographically smallest among its optimal plans. [Solver.Within] runs
// the same ranking until the cost leaves the optimum + eps, capped at a
// limit it reports reaching. With integer costs both compare costs
// exactly.
//
// [Solver.KBestFrom] ranks from a given first plan by Lawler's partition
// with every part solved by Solve, so side constraints are handled by the
// Lagrangian branch and bound, each part's root starting from its
// parent's multipliers (Side.Hint): each part carries a lower bound (its
// solve's proven bound, or before any solve a bound from reduced costs
// of the parent's relaxation priced by its multipliers), parts whose
// bound rules them out are never solved, and the solves spend at most
// 2(k−1)·MaxNodes branch-and-bound nodes in all. Each plan r carries a proven bound on the r-th best cost, equal
// to its cost when the rank is proven.
//
// [Solver.Lexicographic] optimizes several [Objective] levels in priority
// order, then the problem's own costs: with integer costs, each level is
// weighted by one more than the most the levels after it can change
// (summed over rows), which orders plans lexicographically, and the
// combination is solved once. It is used only when exact (integer costs,
// sums below 2⁵³); otherwise it returns ErrUnsupported rather than round.
//
// # Complexity
//
// Dense: O(R·C) to validate, then at most one search per row, each
// O(k·C) for the k rows it scans, so O(R²·C) in the worst case (R ≤ C) and
// far less after initialization on random costs; augmenting row reduction
// is capped at a fixed number of steps per free row. Memory is the matrix
// (not copied for a *mat.Dense) plus O(R + C). More rows than seats with
// Unassigned nil scan the shared virtual column's rows, up to R − S per
// search.
//
// Sparse: O(R·(E + C log C)) for E candidates.
//
// Candidate lists: O(R·C) (dense) or O(E) (sparse) per pricing pass and at
// most 8 solves over lists of at most 12·R + 32·C pairs plus those pricing
// adds, each bounded as above; one or two passes and solves on random
// costs, a few more when columns are clustered.
//
// Flow (groups, fixed pairs): on the implicit network O(E + R + C + G)
// beyond the candidate lists, one shortest path search per unit of
// violation repaired after the warm start; on the explicit network O(A)
// memory for A = E + R + C + groups arcs, one search, O(A log N) for N
// nodes, per unit of flow to repair, or per row on a cold start.
//
// Branch and bound (side constraints): at most MaxNodes nodes (zero means
// 100 000), each a bounded number of subproblem solves: at most 200
// subgradient steps at the root and 12 below (a single constraint usually
// needs a handful of cutting-plane steps); with several constraints, at
// the root up to 74 more subgradient steps and four coordinate-ascent
// passes of at most 33 solves per constraint, and one solve plus O(E) per
// branching node for reduced-cost fixing; relinking is O(R + C + Σ terms)
// per relaxed solution plus at most 65 536 search steps; for the
// generalized assignment shape at most 400 and 60 rounds of knapsacks,
// O(Σ_j n_j·b_j) each for n_j rows and capacity b_j in column j. The
// embedded example (583 rows, 18 side constraints) is proven in a few
// nodes. The feasibility search before it evaluates at most
// max(MaxNodes, 1000) nodes of the same kind, usually one; the
// sign-adaptive steps at the root at most 60 subproblem solves; a dive at
// most 16, at the root and at a node while there is no incumbent.
//
// K best: O(k·R) subproblem solves, plus one solve per tied choice when
// breaking ties, each a min-cost flow. KBestFrom: solves of at most
// 2(k−1)·MaxNodes branch-and-bound nodes in all, one plain solve and O(E)
// bound work per plan listed.
//
// # Determinism
//
// The solver is single-threaded and uses no maps or randomness, so the same
// input gives the same assignment on every run and at any GOMAXPROCS. Among
// equal optima it picks one by this tie rule:
//
//   - rows are augmented in ascending index order;
//   - on equal reduced cost the lowest column index wins, except that a
//     column with a free seat is preferred to a full one at the same distance
//     (it ends the search), and a real column is preferred to the shared
//     virtual column, which is preferred to staying out;
//   - among equally short augmenting paths, each column on the path is
//     entered from the most recently scanned row that reaches it at its
//     distance;
//   - a problem solved over candidate lists (see Algorithms) gets the optimum
//     the sparse solver picks by these rules over the lists, which can be
//     another of the equal optima than the full search would pick; the
//     lists, and so the result, depend only on the input;
//   - in column reduction each column takes its cheapest row, the lowest on
//     ties, columns in ascending order, and a row that is cheapest for
//     several columns keeps the lowest of them; in augmenting row reduction
//     a row whose two cheapest reduced costs tie takes the lowest column
//     with a free seat among the cheapest, or waits for the search;
//   - the flow solver settles equal distances by lowest node index (rows,
//     then columns, then groups) and takes sources lowest node first;
//   - branch and bound explores the open node of smallest bound, ties by
//     node creation order, newest first (so it dives; children are created
//     fix first, then forbid), and branches, with several side constraints,
//     on the pair whose smoothed relaxed value is closest to one half, the
//     lowest pair on ties, otherwise on the pair with the largest
//     coefficients in violated constraints, the lowest row on ties;
//   - KBest orders equal-cost plans by RowToCol, compared lexicographically
//     (−1 first); KBestFrom lists equal-cost plans in the order its
//     partition finds them (parts split on rows ordered by the reduced
//     cost of the listed plan's choice, largest first, then by index).
//
// # References
//
//   - H. W. Kuhn, The Hungarian method for the assignment problem, Naval
//     Research Logistics Quarterly 2 (1955) 83–97.
//   - J. Munkres, Algorithms for the assignment and transportation problems,
//     Journal of the SIAM 5 (1957) 32–38.
//   - R. Jonker and A. Volgenant, A shortest augmenting path algorithm for
//     dense and sparse linear assignment problems, Computing 38 (1987)
//     325–340: the dense solver's initialization and search.
//   - D. F. Crouse, On implementing 2D rectangular assignment algorithms,
//     IEEE Transactions on Aerospace and Electronic Systems 52 (2016)
//     1679–1696: rectangular problems and the sign of the potentials.
//   - K. G. Murty, An algorithm for ranking all the assignments in order of
//     increasing cost, Operations Research 16 (1968) 682–687: k-best
//     assignments.
//   - E. L. Lawler, A procedure for computing the K best solutions to
//     discrete optimization problems and its application to the shortest
//     path problem, Management Science 18 (1972) 401–405: the partition
//     used by KBest.
//   - M. L. Fisher, The Lagrangian relaxation method for solving integer
//     programming problems, Management Science 27 (1981) 1–18: side
//     constraints.
//   - F. Barahona and R. Anbil, The volume algorithm: producing primal
//     solutions with a subgradient method, Mathematical Programming 87
//     (2000) 385–399: the smoothed primal estimate that picks the branching
//     pair.
//   - D. Applegate, R. Bixby, V. Chvátal and W. Cook, Finding cuts in the
//     TSP (a preliminary report), DIMACS Technical Report 95-05 (1995):
//     strong branching.
//   - T. Achterberg, T. Koch and A. Martin, Branching rules revisited,
//     Operations Research Letters 33 (2005) 42–54: the product score of
//     strong branching's trials.
//   - M. Riedmiller and H. Braun, A direct adaptive method for faster
//     backpropagation learning: the RPROP algorithm, IEEE International
//     Conference on Neural Networks (1993) 586–591: step lengths adapted by
//     the sign of the slope, used for the root's multipliers.
//   - G. L. Nemhauser and L. A. Wolsey, Integer and Combinatorial
//     Optimization, Wiley (1988): reduced-cost fixing in branch and bound.
//   - G. T. Ross and R. M. Soland, A branch and bound algorithm for the
//     generalized assignment problem, Mathematical Programming 8 (1975)
//     91–103, and M. L. Fisher, R. Jaikumar and L. N. Van Wassenhove, A
//     multiplier adjustment method for the generalized assignment problem,
//     Management Science 32 (1986) 1095–1103: the knapsack relaxation for
//     problems of generalized assignment shape.
//   - R. K. Ahuja, T. L. Magnanti and J. B. Orlin, Network Flows, Prentice
//     Hall (1993): potentials, reduced costs and optimality conditions, and
//     min-cost flow with bounds for groups and fixed pairs.
package matching
