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
//	solve FILE     solve a raw cost matrix (lap-ref, OR-Library or CSV file)
//	version        print the version
//	plan, explain, compare, validate, score, init, generate, bench, schema:
//	               listed in the help, not available yet; they exit 1
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
//	--lang en|id   language of labels in table, markdown and html output;
//	               JSON keys and CSV headers never change with it
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
//
// -o/--output FILE writes the result to FILE instead of stdout, atomically:
// into a temporary file in the same folder, renamed over FILE at the end. A
// run that fails leaves an existing FILE untouched, and an output that
// names one of the run's input files is refused (a usage error).
//
// # Exit codes
//
//	0  success, including results with warnings, and --help
//	1  failure: I/O, invalid input, a failed certificate, an internal error, an interrupt
//	2  usage: unknown command or flag, bad flag value, wrong number of arguments
//	3  infeasible: no assignment satisfies the constraints; the report is still printed
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
//	nilai optimum                       11.0000
//	layak                                    ya
//	waktu penyelesaian terbaik (detik)   0.0010
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
// # Version
//
// mutasi version prints the module version and, for a binary built from a
// version control checkout, the revision (from the build information):
//
//	$ mutasi version
//	mutasi v0.0.0-test
package main
