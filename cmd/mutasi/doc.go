// Mutasi plans transfers of Indonesian civil servants (mutasi ASN) with an
// exact assignment solver, and proves each plan optimal with a dual
// certificate.
//
// Usage:
//
//	mutasi [-q] [--lang en|id] <command> [flags] [arguments]
//
// # Commands
//
//	plan [SCENARIO]                      plan a transfer round (default: the embedded Bungo example)
//	plan --alternatives K [SCENARIO]     the K best plans and how each differs from the best
//	explain [SCENARIO] --employee NIP    why one employee goes where the plan puts them
//	compare BASE WHATIF                  the differences between two scenarios' plans
//	validate SCENARIO...                 check scenario files strictly, without solving
//	score [SCENARIO] (--employee NIP | --position ID) [--top N]
//	                                     rank candidates by fit, with eligibility and reasons
//	init DIR                             write the Bungo example into DIR for editing
//	schema                               print the JSON Schema of scenario files
//	solve FILE                           solve a raw cost matrix (lap-ref, OR-Library or CSV file)
//	generate -o DIR [--employees N] [--seed S] [--turnover-pct P]
//	                                     write a synthetic Bungo-like workforce into DIR
//	bench                                optimal plans against the greedy baseline, timed
//	bench dataset FILE --adapter A       the same on a staffing dataset (ibm-hr, hr-promotion)
//	bench gap DIR [--max-nodes N]        OR-Library generalized assignment instances, timed
//	version                              print the version
//
// `mutasi --help` and `mutasi <command> --help` print the usage, ending with
// an example, to stdout and exit 0.
//
// # Global flags
//
// These are accepted before the command's name and after it:
//
//	-h, --help     print the usage and exit
//	-q, --quiet    no warnings or progress on stderr (warnings stay in JSON)
//	--lang en|id   language of labels, reasons and explanations in table,
//	               markdown and html output; JSON and CSV never change with
//	               it: their reasons are English text, and JSON adds each
//	               reason's stable code and arguments ("why"); id writes
//	               numbers with a decimal comma (0,7188)
//
// # Output
//
// stdout carries only the requested result. Diagnostics go to stderr as
// "mutasi: error: …", "mutasi: warning: …" and "mutasi: hint: …". A
// malformed input file is reported as file:line:col: message. Progress is
// drawn on stderr only when it is a terminal, at most ten times a second,
// and never with -q.
//
// -f/--format chooses table (the default), csv, json, markdown or html; each
// command says which of them it supports. JSON is one object with
// two-space indentation, keys in a fixed order, and a "warnings" array.
// Text from the input is shown safely: table, markdown and stderr write
// control characters (ESC, NUL, …) and bidirectional overrides as escapes
// such as \x1b, and a CSV text cell starting with =, +, -, @, a tab or a
// carriage return gets a leading apostrophe, so that a spreadsheet does not
// run it as a formula. JSON keeps the text as it is, escaped by JSON.
//
// -o/--output FILE writes the result to FILE instead of stdout, atomically:
// into a temporary file in the same folder, renamed over FILE at the end. A
// run that fails leaves an existing FILE untouched, and an output that
// names one of the run's input files is refused (a usage error), as is a
// FILE that exists but is not a regular file (a symbolic link, a device
// such as /dev/null, a FIFO). Whether the folder can take the file is
// checked before the work starts.
//
// # Exit codes
//
//	0  success, including results with warnings, and --help
//	1  failure: I/O, invalid input, a failed certificate, an internal error, an interrupt
//	2  usage: unknown command or flag, bad flag value, wrong number of arguments
//	3  infeasible: no assignment satisfies the constraints; the report is still printed
//
// # Planning a round
//
// mutasi plan reads a scenario (a YAML file with its CSV rosters beside it;
// without a file, the embedded Bungo example; '-' reads a self-contained
// scenario from stdin), builds the assignment problem under the hard rules,
// solves it exactly and certifies the optimum. The table and markdown
// formats print every section of the plan: a summary, the KPIs before →
// after, the moves (NIP, name, from, to, kind, fit before and after, the
// reasons), each unit's staffing against its needs, the vacancies left,
// the employees without a post, the plan-level constraints with their
// figures and whether each binds, the redistribution and retraining lists
// of holders kept over formation, the open-selection shortlists, the
// vacancy chains, the training needs, the warnings and the manifest, and
// the objective term by term before and after. --format csv prints the
// moves:
//
//	$ mutasi plan --format csv testdata/scenarios/tiny.yaml
//	employee,name,from,to,kind,fit_before,fit_after,reasons
//	199001012015032001,Siti Aminah,PKM-MB-PERAWAT,PKM-PELEPAT-PERAWAT,rotation,0.61,0.6,current post over its needs: 2 holders for 1 seats; past the rotation point: 6.8 years in post; rotation due +0.0875; fills a seat in a remote unit; needs a SIP (licence to practise) at PKM-PELEPAT
//	199203152016031002,Budi Saputra,PKM-MB-PERAWAT,PKM-PELEPAT-PERAWAT,rotation,0.61,0.6,current post over its needs: 2 holders for 1 seats; fills a seat in a remote unit; needs a SIP (licence to practise) at PKM-PELEPAT
//
// or, with --section, another section, such as the objective's terms,
// which add up exactly to the objective (costs are integers):
//
//	$ mutasi plan --format csv --section objective testdata/scenarios/tiny.yaml
//	term,before,after,change
//	fit_stayers,1.21,0.6,-0.61
//	fit_movers,0,1.2,1.2
//	continuity,0.1,0.05,-0.05
//	seats,4,8,4
//	over_formation,-0.45,0,0.45
//	rotation_due,0,0.0875,0.0875
//	rotation_held,0,0,0
//	total,4.86,9.9375,5.0775
//
// --format json prints the plan itself, with the top-level keys scenario,
// plan_date, objective, breakdown, moves (each with employee, the NIP),
// stays, unplaced, held, redistribution, retraining, limits, selection,
// vacancies, units, chains, training, kpis, manifest and warnings
// (see package github.com/mutasi-asn/mutasi/scenarios). --format html
// writes one self-contained, printable page: the KPIs, a bar chart of each
// unit's staffing before and after against its needs, the fit distribution
// before and after, the vacancy chains, the moves with their explanations
// in expandable rows, the training needs and the manifest in a footer:
//
//	mutasi plan --lang id --format html -o rencana.html bungo/scenario.yaml
//
// The same inputs give the same bytes in every format: the manifest holds
// no timestamp. Warnings (optimality not proven at the node limit, pins
// that override a rule, posts left to open selection) are echoed to stderr
// as "mutasi: warning: …" unless -q; they always stay in the plan. --stats
// writes one JSON line of sizes and timings to stderr, never into the plan.
// --max-nodes N (plan, explain and compare; default 100) caps the
// branch-and-bound nodes of each solve with side constraints (max_moves,
// max_turnover_pct, conflicts): more nodes take more time and leave a
// smaller gap, which the manifest records with the limit. Whatever the
// limit, a scenario whose rules can hold gets a plan: a search for any
// plan that keeps every rule runs first when the first node finds none,
// and proves infeasibility (exit 3) when there is none. --gap G stops
// each solve once its plan is proven within G of the best, relative to
// the objective (1e-4: 0.01 %); such a plan carries the same warning,
// bound and gap as one cut short by --max-nodes. On a terminal, the
// progress line shows the nodes, the plan's objective, the bound and the
// gap.
//
// When the hard rules cannot all hold, plan prints the report in the
// chosen format, the error on stderr, and exits 3. The report's why (and
// each conflicting constraint's why) is a stable reason code with its
// arguments, which table, markdown and html word in the --lang language;
// message is the English text:
//
//	$ mutasi plan --format json testdata/scenarios/infeasible.yaml
//	{
//	  "infeasible": {
//	    "rule": "capacity",
//	    "positions": [
//	      "PKM-PELEPAT-PERAWAT"
//	    ],
//	    "employees": [
//	      "199001012015032001",
//	      "199203152016031002"
//	    ],
//	    "need": 2,
//	    "have": 1,
//	    "why": {
//	      "code": "infeasible-capacity",
//	      "args": [
//	        2,
//	        "PKM-PELEPAT-PERAWAT",
//	        1,
//	        "199001012015032001, 199203152016031002"
//	      ]
//	    }
//	  },
//	  "message": "2 pinned employees need seats in PKM-PELEPAT-PERAWAT, which offer 1 (capacity): 199001012015032001, 199203152016031002",
//	  "warnings": []
//	}
//	[exit status 3]
//
// # The k best plans
//
// mutasi plan --alternatives K prints the K best plans instead of the plan
// (fewer when fewer exist), ranked by Murty's method
// (scenarios.Instance.Alternatives, matching.Solver.KBest). Rank 1 is the
// certified optimal plan that mutasi plan prints; the others follow by
// objective, and among plans of equal objective those that place fewer
// employees differently come first. Each plan has its rank, objective,
// difference from the best and number of moves, and every employee it
// places differently from the best plan: the current post, the post in
// the best plan and in this one, and both fits. Table, markdown and html
// print both lists; csv prints the differences; json prints the
// top-level keys scenario, plan_date, objective, alternatives (each with
// rank, objective, difference, moves, changes and its own warnings),
// manifest and warnings. K is at most 100. With side constraints (move
// limit, turnover, conflicts) the ranking is Lawler's partition with each
// part solved by branch and bound within --max-nodes
// (matching.Solver.KBestFrom), at most 2(K−1)·--max-nodes nodes in all,
// parts whose Lagrangian bound rules them out skipped; a rank not proven is
// reported with its bound (a warning, a bound column, "not_proven" and
// "bound" in json), and an alternative may then even beat rank 1. For
// example:
//
//	$ mutasi plan --alternatives 3 --format csv testdata/scenarios/tiny.yaml
//	rank,difference,employee,name,current,best,alternative,fit_best,fit_alternative
//	2,-0.94,199203152016031002,Budi Saputra,PKM-MB-PERAWAT,PKM-PELEPAT-PERAWAT,PKM-MB-PERAWAT,0.6,0.61
//	3,-1.0275,199001012015032001,Siti Aminah,PKM-MB-PERAWAT,PKM-PELEPAT-PERAWAT,PKM-MB-PERAWAT,0.6,0.61
//
// # Explaining a placement
//
// mutasi explain answers "why me?": the current and planned posts with
// their score breakdowns, the next best posts with the exact margin by
// which each lost, and the rules that closed the other posts. --lang id
// translates the labels, criteria and rule reasons:
//
//	$ mutasi --lang id explain testdata/scenarios/tiny.yaml --employee 199001012015032001
//	Penjelasan
//	NIP               199001012015032001
//	nama              Siti Aminah
//	hasil             dimutasi
//	ditahan oleh      –
//	jabatan saat ini  Perawat Terampil di Puskesmas Muara Bungo (PKM-MB-PERAWAT)
//	jabatan rencana   Perawat Terampil di Puskesmas Pelepat (PKM-PELEPAT-PERAWAT)
//
//	Nilai pada jabatan saat ini
//	kriteria      nilai mentah  bobot   kontribusi
//	pendidikan          1,0000  0,2500      0,2500
//	kompetensi          0,5000  0,3500      0,1750
//	masa jabatan        0,5000  0,1500      0,0750
//	kinerja             0,5000  0,1500      0,0750
//	preferensi          0,3500  0,1000      0,0350
//	total         –             –           0,6100
//
//	Nilai pada jabatan rencana
//	kriteria      nilai mentah  bobot   kontribusi
//	pendidikan          1,0000  0,2500      0,2500
//	kompetensi          0,5000  0,3500      0,1750
//	masa jabatan        0,5000  0,1500      0,0750
//	kinerja             0,5000  0,1500      0,0750
//	preferensi          0,2500  0,1000      0,0250
//	total         –             –           0,6000
//
//	Jabatan terbaik berikutnya
//	jabatan         nama              unit kerja             kecocokan  selisih  formasi milik  penjelasan
//	PKM-MB-PERAWAT  Perawat Terampil  Puskesmas Muara Bungo     0,6100   1,0275  –              perlu +1,0275 untuk tetap sebagai Perawat Terampil di Puskesmas Muara Bungo
//
//	Tersisih oleh aturan
//	aturan         alasan                                              jabatan
//	min-education  tingkat pendidikan di bawah syarat minimal jabatan        1
//
// The explanation's sentence comes from the scenarios package as a code
// with arguments, rendered in the chosen language ("needs +1.0275 to stay
// in …" in English). --format json prints the explanation object, whose
// score objects hold total and components (criterion, raw, weight,
// contribution), and each alternative its sentence in English ("text") and
// as {"code", "args"} ("why").
//
// # Comparing a what-if
//
// mutasi compare plans two scenarios and prints the moves added, removed
// and changed, the KPI deltas after the moves and the churn, the share of
// staff whose outcome differs:
//
//	$ mutasi compare testdata/scenarios/tiny.yaml testdata/scenarios/tiny-whatif.yaml
//	Comparison
//	base                      tiny
//	what-if                   tiny-one-seat
//	added                                 0
//	removed                               1
//	changed                               0
//	employees in either plan              3
//	outcomes differ                       1
//	churn                            0.3333
//
//	KPIs after the moves
//	indicator                            base    what-if  change
//	staff in a post                           3        3        0
//	total fit                            1.8000   1.8100   0.0100
//	mean fit                             0.6000   0.6033   0.0033
//	field of study matches               1.0000   1.0000   0.0000
//	JPM ≥ MS threshold                   0.0000   0.0000   0.0000
//	unmet need (seats)                        1        0       -1
//	unmet need, weighted by criticality  1.0000   0.0000  -1.0000
//	moves                                     2        1       -1
//	first placements                          0        0        0
//	without a post                            0        0        0
//	remote seats needed                       3        2       -1
//	remote seats filled                       3        2       -1
//	remote seats filled (share)          1.0000   1.0000   0.0000
//
//	Moves that differ
//	change   NIP                 from            to (base)            to (what-if)  fit (base)  fit (what-if)
//	removed  199203152016031002  PKM-MB-PERAWAT  PKM-PELEPAT-PERAWAT  –                 0.6000  –
//
// # Ranking candidates
//
// mutasi score ranks, without solving, the employees for one post
// (--position) or the posts for one employee (--employee): allowed pairs
// first, best fit first, with the rule ids that forbid the others:
//
//	$ mutasi score --position PKM-PELEPAT-DOKTER --top 3
//	Candidates by fit
//	scenario    bungo-2025-12
//	for         PKM-PELEPAT-DOKTER
//	candidates                 582
//	shown                        3
//
//	rank  NIP                 name              current post            fit     current  allowed  rules  reasons
//	   1  197307312000052001  Siti Saputra      RSUD-DOKTER             0.7963  no       yes      –      –
//	   2  199010162015052001  Mardiana Pratama  PKM-MUKO-MUKO-DOKTER    0.7812  no       yes      –      –
//	   3  197411031998091001  Eko Lubis         PKM-AIR-GEMURUH-DOKTER  0.7250  no       yes      –      –
//
// # Scenario files
//
// mutasi init DIR writes the embedded example for editing: DIR/scenario.yaml,
// its CSV rosters and the what-if overlays DIR/whatif-*.yaml. It never
// overwrites an existing file unless given --force. mutasi schema prints
// the JSON Schema of scenario files. mutasi validate checks files strictly
// (load and build, no solve) and prints one line per file:
//
//	$ mutasi validate testdata/scenarios/tiny.yaml testdata/scenarios/tiny-whatif.yaml
//	file                                 valid  units  positions  employees  seats  allowed pairs  errors
//	testdata/scenarios/tiny.yaml         yes        2          3          3      4              5       0
//	testdata/scenarios/tiny-whatif.yaml  yes        2          3          3      3              5       0
//
// Every error of an invalid file goes to stderr at once, one per line, as
// file:line:col: message, and validate exits 1:
//
//	mutasi: error: testdata/scenarios/broken.yaml:2:12: plan_date: "2025-13-01" is not a date written yyyy-mm-dd
//
// # Solving a cost matrix
//
// mutasi solve FILE reads a cost matrix ('-' reads stdin) and assigns every
// row of the smaller side at minimum total cost, as SciPy's
// linear_sum_assignment does; inf marks a forbidden pair. The optimum is
// certified (dual feasibility, complementary slackness and zero gap,
// checked independently of the solver) before it is printed; a failed
// certificate is an internal error, exit 1. The examples below use the
// files in cmd/mutasi/testdata:
//
//	$ mutasi solve testdata/square3.txt
//	rows                      3
//	columns                   3
//	optimum              5.0000
//	feasible                yes
//	best solve time (s)  0.0010
//	certified optimal       yes
//	solves                    1
//	input format            lap
//	maximize                 no
//	rows assigned             3
//
// (Timings in these transcripts come from the test clock, which advances 1
// ms at every reading.) --format json prints one object; --assignment adds
// the pairs, 0-based, as [row, col] in row order (rows left unassigned, when
// there are more rows than columns, are not listed):
//
//	$ mutasi solve --format json --assignment testdata/square3.txt
//	{
//	  "rows": 3,
//	  "cols": 3,
//	  "optimum": 5,
//	  "feasible": true,
//	  "solve_seconds": 0.001,
//	  "certified": true,
//	  "repeat": 1,
//	  "format": "lap",
//	  "maximize": false,
//	  "assigned": 3,
//	  "assignment": [
//	    [0, 1],
//	    [1, 0],
//	    [2, 2]
//	  ],
//	  "warnings": []
//	}
//
// The keys: rows and cols of the matrix; optimum, the total cost (null when
// infeasible); feasible; solve_seconds, the best time of --repeat K solves
// of the solver call alone (parsing excluded; one matching.Solver is reused
// across the repeats); certified; repeat, the number of solves run; format,
// the input format read; maximize; assigned, the number of rows placed.
//
// --maximize maximizes the total instead; then -inf, too, marks a
// forbidden pair (SciPy, by contrast, rejects a matrix holding +inf when
// maximizing: "matrix contains invalid numeric entries"). --lang id labels the table in Indonesian:
//
//	$ mutasi --lang id solve --maximize --assignment testdata/square3.txt
//	baris                                     3
//	kolom                                     3
//	nilai optimum                       11,0000
//	layak                                    ya
//	waktu penyelesaian terbaik (detik)   0,0010
//	optimal tersertifikasi                   ya
//	jumlah penyelesaian                       1
//	format masukan                          lap
//	maksimalkan                              ya
//	baris terisi                              3
//
//	baris  kolom
//	    0      0
//	    1      2
//	    2      1
//
// When no assignment exists, solve still prints the report, with feasible
// false, writes the witness (rows whose allowed columns are too few) to
// stderr and exits 3:
//
//	$ mutasi solve --format json testdata/infeasible.txt
//	{
//	  "rows": 3,
//	  "cols": 3,
//	  "optimum": null,
//	  "feasible": false,
//	  "solve_seconds": 0.001,
//	  "certified": false,
//	  "repeat": 1,
//	  "format": "lap",
//	  "maximize": false,
//	  "assigned": 0,
//	  "warnings": []
//	}
//	[exit status 3]
//
// # Matrix files
//
// --input-format names the format; auto (the default) detects it: a name
// ending in .csv, or a comma on the first line, means csv; a first line of
// two integers means lap; a single integer means assignp when the file's
// name starts with "assignp", assign when it starts with "assign", and
// otherwise assignp when the next lines (up to 64) all look like "i j cost"
// triples with i and j in 1..n (and n ≠ 3), else assign.
//
//	lap      line 1 "ROWS COLS", then ROWS lines of COLS numbers: the files of
//	         the lap-ref tool (Python repr floats such as 0.12345678901234566,
//	         1e-05 and inf read back exactly)
//	assign   OR-Library dense: n, then the n×n costs in row order, wrapped
//	         at any width
//	assignp  OR-Library sparse: n, then one "i j cost" line per pair,
//	         1-based; pairs not listed are forbidden; a pair listed twice is
//	         an error
//	csv      one row per line, comma-separated; a UTF-8 byte order mark and
//	         CRLF line endings are accepted; no header row
//
// A ragged row, a word where a number should be, a NaN, a wrong count or an
// index out of range is reported with its place and exits 1:
//
//	mutasi: error: testdata/ragged.txt:3: row 2 has 2 values, want 3
//
// Files are parsed as a stream, straight into the solver's matrix, so a
// large file is never held in memory twice. See package
// github.com/mutasi-asn/mutasi/benchmarks for the details.
//
// # Generating a workforce
//
// mutasi generate writes a synthetic regency modelled on Kabupaten Bungo
// (package benchmarks, Generate) into a folder: scenario.yaml and its
// rosters units.csv, positions.csv and employees.csv, for 100 to 100,000
// employees (--employees, default 5,200) and any --seed (default 1). The
// same size and seed give the same bytes on every machine. Like init, it
// never overwrites a file without --force, and stdout lists the files
// written. The scenario carries unit floors, the remote balance and
// conflicts of interest; --turnover-pct P adds a cap of P % on each
// unit's transfers out, off by default so that plans stay comparable with
// earlier figures (with a 20 % cap, 2,000 employees plan proven optimal in
// about 1 s and 5,200 within --gap 1e-4 in about 4 s):
//
//	mutasi generate --employees 5200 --seed 1 -o bungo-5200
//	mutasi plan bungo-5200/scenario.yaml
//
// # Benchmarks against the greedy baseline
//
// mutasi bench measures the planner against the way ranking-based
// decision-support tools (SAW, profile matching) fill a formation: each
// position, by criticality then ID, takes its best-fitting free eligible
// candidate; whoever is left keeps their post when it still has a seat
// (benchmarks.Greedy). Both use the same eligibility and fit, so the
// comparison is about the method. Without arguments it runs generated
// workforces of --sizes employees (default 500,5200,20000) and, when
// hr_promotion_train.csv is found in --datadir (default ../shared/data),
// that 54,808-row dataset, and prints one row per workload: sizes, allowed
// pairs and the cost storage, the seconds to load, to score and build, to
// solve and certify, and to run greedy, the peak memory in MiB (the Go
// runtime's mapped memory minus what it returned to the OS, sampled every
// 20 ms), and optimal against greedy: objective, total and mean fit, share
// with a matching field of study, unmet need, moves and rule violations.
// Every optimal plan is certified; bench fails (exit 1) if greedy ever
// beat it. Formats: table, csv, json and markdown.
//
// mutasi bench dataset FILE --adapter ibm-hr|hr-promotion maps one staffing
// dataset to a workforce (benchmarks.ReadStaffing documents each mapping
// and what it synthesizes from --seed) and prints the run, then the
// optimal plan and greedy side by side; in JSON the top-level objects are
// "run", "optimal" and "greedy", each of the last two with "objective",
// "total_fit", "mean_fit", "field_match_share", "jpm_ms_share", "staff",
// "unmet_need", "unmet_weighted", "moves", "placements", "unplaced",
// "remote_share" and "violations":
//
//	mutasi bench dataset ../shared/data/ibm_hr_attrition.csv --adapter ibm-hr --format json
//
// Timings are wall-clock and vary with the machine and its load; every
// other figure is deterministic.
//
// # Generalized assignment benchmarks
//
// mutasi bench gap DIR solves every generalized assignment file in DIR
// (each *.txt file, in natural order: gap2 before gap10; a FILE is read
// alone) in OR-Library's layout (package benchmarks, ReadGAP): each job goes
// to one agent, within the agents' capacities. gap1 … gap12 are
// maximized and have published optima; every other file (gapa … gapd) is
// minimized. It prints one row per instance, named by its file and
// 0-based index (gap4-2): agents, jobs, sense, the value found, the proven
// bound, the published optimum (null when there is none), whether the
// value is proven optimal, the gap between value and bound in percent of
// the value, and the seconds the solve took; table and markdown add a
// summary, csv prints the rows, and json prints them as a JSON array (not
// an object: there are no warnings). Every plan is checked against its
// instance, and a proven optimum that differs from the published one is
// an internal error (exit 1). --max-nodes caps the branch-and-bound nodes
// of each instance (default 100,000); an instance that reaches the cap
// keeps its best plan, its bound and the gap between them. A file that is
// not in the layout is reported as file:line:col:
//
//	$ mutasi bench gap --format csv testdata/gap
//	instance,agents,jobs,sense,value,bound,known_optimum,proven_optimal,gap_percent,seconds
//	gapx-0,2,4,min,10,10,,true,0,0.001
//	gapx-1,3,3,min,4,4,,true,0,0.001
//
// The 60 instances of gap1 … gap12 all reach their published optimum,
// proven, in well under a second in all; gapd, the hardest family, needs a
// node cap:
//
//	mutasi bench gap ../shared/data/orlib_gap --max-nodes 2000
//
// # Version
//
// mutasi version prints the module version and, for a binary built from a
// version control checkout, the revision (from the build information):
//
//	$ mutasi version
//	mutasi v0.0.0-test
package main
