package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/mutasi-asn/mutasi/benchmarks"
	"github.com/mutasi-asn/mutasi/matching"
)

const solveSynopsis = `Usage: mutasi solve [flags] FILE

Solves the linear assignment problem of the cost matrix in FILE ('-' reads
stdin): every row of the smaller side is assigned, at minimum total cost, as
SciPy's linear_sum_assignment does. 'inf' marks a forbidden pair. Each
optimum is checked by an independent certificate (dual feasibility and zero
duality gap) before it is printed.

FILE formats (--input-format; auto detects them from the name and first lines):
  lap      line 1 "ROWS COLS", then ROWS lines of COLS numbers (lap-ref files)
  assign   OR-Library dense: n, then the n×n costs in row order
  assignp  OR-Library sparse: n, then one "i j cost" line per pair, 1-based;
           pairs not listed are forbidden
  csv      one row per line, comma-separated

The JSON object has the keys rows, cols, optimum (null when infeasible),
feasible, solve_seconds (best of --repeat, the solver alone, parsing
excluded), certified, repeat, format, maximize, assigned (rows placed) and,
with --assignment, assignment: the [row, col] pairs in row order, 0-based.

Exit codes: 0 solved, 1 unreadable or malformed file (file:line:col:
message), 2 usage error, 3 infeasible (the report is still printed and a
witness, rows whose allowed columns are too few, goes to stderr).
`

const solveExample = `
Example:
  mutasi solve --repeat 3 --format json --assignment costs.txt
`

// solveConfig holds the flags of mutasi solve.
type solveConfig struct {
	maximize    bool
	repeat      int
	format      Format
	assignment  bool
	inputFormat inputFormat
	output      string
}

// inputFormat is the --input-format flag.
type inputFormat struct{ f benchmarks.MatrixFormat }

func (v *inputFormat) String() string { return v.f.String() }
func (v *inputFormat) Type() string   { return "format" }
func (v *inputFormat) Set(s string) error {
	f, err := benchmarks.ParseMatrixFormat(s)
	if err != nil {
		return fmt.Errorf("unknown input format %q (want %s)", s, strings.Join(benchmarks.MatrixFormatNames(), ", "))
	}
	v.f = f
	return nil
}

func runSolve(ctx context.Context, args []string, e env, g *globals) error {
	cfg := solveConfig{repeat: 1}
	fs := newFlagSet("solve")
	fs.BoolVar(&cfg.maximize, "maximize", false, "maximize the total instead of minimizing it")
	fs.IntVar(&cfg.repeat, "repeat", 1, "solve `K` times and report the best time")
	fs.VarP(&cfg.format, "format", "f", "output format: table or json")
	fs.BoolVar(&cfg.assignment, "assignment", false, "also print the assigned (row, column) pairs")
	fs.Var(&cfg.inputFormat, "input-format", "FILE format: auto, lap, assign, assignp or csv")
	fs.StringVarP(&cfg.output, "output", "o", "-", "write the result to `FILE` (atomically) instead of stdout")
	g.register(fs)
	if err := parse(fs, "solve", args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			fmt.Fprintf(e.stdout, "%s\nFlags:\n%s%s", solveSynopsis, fs.FlagUsages(), solveExample)
		}
		return err
	}
	switch {
	case fs.NArg() != 1:
		return usagef("solve", "solve takes one FILE ('-' for stdin), got %d arguments", fs.NArg())
	case cfg.repeat < 1:
		return usagef("solve", "--repeat must be at least 1")
	}
	if err := checkFormat("solve", cfg.format, FormatTable, FormatJSON); err != nil {
		return err
	}
	file := fs.Arg(0)
	if err := checkOutput("solve", cfg.output, file); err != nil {
		return err
	}

	m, name, err := readMatrix(ctx, file, e.stdin, cfg.inputFormat.f, newProgress(e, g, "reading "+file, "MB"))
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("interrupted: %w", err)
	}
	if err != nil {
		return err
	}
	p := m.Problem(cfg.maximize)

	prog := newProgress(e, g, "solving", "rows placed")
	var solver matching.Solver // one workspace, reused across the repeats
	if prog.on {
		solver.Progress = prog.update
	}
	var (
		a    matching.Assignment
		best time.Duration
	)
	solves := 0
	for k := 0; k < cfg.repeat; k++ {
		t0 := e.now()
		a, err = solver.Solve(ctx, p)
		d := e.now().Sub(t0)
		solves++
		if k == 0 || d < best {
			best = d
		}
		if err != nil {
			break
		}
		// Every solve is certified, outside the timed call.
		if cerr := matching.Certify(p, &a, solver.Tolerance); cerr != nil {
			prog.done()
			return fmt.Errorf("internal error: the solver's result failed its optimality certificate: %w", cerr)
		}
	}
	prog.done()
	var infeasible *matching.InfeasibleError
	switch {
	case errors.As(err, &infeasible):
		// Reported below, with exit code 3.
	case errors.Is(err, matching.ErrInvalidCost):
		var ce *matching.CostError
		if errors.As(err, &ce) && math.IsInf(ce.Value, -1) && !cfg.maximize {
			return &hintError{fmt.Errorf("%s: %w", name, err), "-inf is a forbidden pair only with --maximize"}
		}
		return fmt.Errorf("%s: %w", name, err)
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("interrupted: %w", err)
	case err != nil:
		return fmt.Errorf("%s: %w", name, err)
	}
	certified := err == nil // every feasible solve passed Certify above

	r := solveReport(m, &cfg, a, err == nil, certified, best, solves)
	if err != nil && cfg.repeat > 1 {
		w := fmt.Sprintf("--repeat %d: stopped after the first solve, since the problem is infeasible", cfg.repeat)
		r.warnings = append(r.warnings, w)
		warnf(e, g, "%s", w)
	}
	out, oerr := openOutput(cfg.output, e.stdout)
	if oerr != nil {
		return oerr
	}
	if rerr := render(out, cfg.format, g.lang, r); rerr != nil {
		out.abort()
		return rerr
	}
	if cerr := out.commit(); cerr != nil {
		return cerr
	}
	return err // nil, or the infeasibility witness (exit 3)
}

// readMatrix reads the matrix file path ("-": stdin) and returns it with the
// name its errors use. Reading stops with ctx.Err() once ctx is cancelled
// (an interrupt), and prog shows the megabytes read of a regular file.
func readMatrix(ctx context.Context, path string, stdin io.Reader, f benchmarks.MatrixFormat, prog *progress) (*benchmarks.Matrix, string, error) {
	if path == "-" {
		name := "<stdin>"
		r := &inputReader{ctx: ctx, r: stdin}
		if sf, ok := stdin.(*os.File); ok {
			r.file = sf // a redirected file has a size
		}
		m, err := benchmarks.ReadMatrix(r, name, f)
		return m, name, err
	}
	file, err := openRegular(path)
	if err != nil {
		return nil, path, err
	}
	defer file.Close()
	r := &inputReader{ctx: ctx, r: file, file: file}
	if st, err := file.Stat(); err == nil && st.Mode().IsRegular() && prog.on {
		r.prog, r.size = prog, st.Size()
		defer prog.done()
	}
	m, err := benchmarks.ReadMatrix(r, path, f)
	return m, path, err
}

// inputReader reads an input file or stdin for a command: it stops with
// ctx.Err() once ctx is cancelled, reports the megabytes read to prog (when
// set), and keeps a file's Stat method, with which the matrix reader sizes
// its buffers.
type inputReader struct {
	ctx  context.Context
	r    io.Reader
	file *os.File // nil for stdin
	prog *progress
	size int64
	n    int64
}

func (r *inputReader) Read(b []byte) (int, error) {
	if err := r.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := r.r.Read(b)
	r.n += int64(n)
	if r.prog != nil {
		r.prog.update(int(r.n>>20), int(r.size>>20))
	}
	return n, err
}

// Stat returns the file's information; stdin has none.
func (r *inputReader) Stat() (os.FileInfo, error) {
	if r.file == nil {
		return nil, errors.ErrUnsupported
	}
	return r.file.Stat()
}

// solveReport builds the row model of a solve.
func solveReport(m *benchmarks.Matrix, cfg *solveConfig, a matching.Assignment, feasible, certified bool, best time.Duration, solves int) *report {
	optimum := nullCell()
	assigned := 0
	if feasible {
		optimum = floatCell(a.Cost)
		for _, j := range a.RowToCol {
			if j >= 0 {
				assigned++
			}
		}
	}
	summary := section{
		record: true,
		cols: []column{
			{key: "rows", label: lblRows},
			{key: "cols", label: lblCols},
			{key: "optimum", label: lblOptimum, prec: 4},
			{key: "feasible", label: lblFeasible},
			{key: "solve_seconds", label: lblSolveSeconds, prec: 4},
			{key: "certified", label: lblCertified},
			{key: "repeat", label: lblRepeat},
			{key: "format", label: lblFormat},
			{key: "maximize", label: lblMaximize},
			{key: "assigned", label: lblAssigned},
		},
		rows: [][]cell{{
			intCell(m.Rows), intCell(m.Cols), optimum, boolCell(feasible),
			floatCell(best.Seconds()), boolCell(certified), intCell(solves),
			textCell(m.Format.String()), boolCell(cfg.maximize), intCell(assigned),
		}},
	}
	r := &report{title: lblSolveTitle, sections: []section{summary}}
	if cfg.assignment {
		pairs := section{
			key:    "assignment",
			title:  lblAssignmentTitle,
			tuples: true,
			cols:   []column{{key: "row", label: lblRow}, {key: "col", label: lblCol}},
			rows:   [][]cell{},
		}
		if feasible {
			for i, j := range a.RowToCol {
				if j >= 0 {
					pairs.rows = append(pairs.rows, []cell{intCell(i), intCell(j)})
				}
			}
		}
		r.sections = append(r.sections, pairs)
	}
	return r
}
