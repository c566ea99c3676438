package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/mutasi-asn/mutasi/matching"
	"github.com/mutasi-asn/mutasi/scenarios"
)

// env is everything the command takes from the outside world; tests build
// their own.
type env struct {
	stdin   io.Reader
	stdout  io.Writer
	stderr  io.Writer
	isTTY   bool             // stderr is a terminal: progress may be drawn
	now     func() time.Time // the clock: times the solver and paces progress
	version string           // what `mutasi version` prints
	memory  func() uint64    // memory in use, bytes, for mutasi bench; nil: the Go runtime's figure
}

// Exit codes; the usage text and doc.go list them.
const (
	exitOK         = 0 // success, warnings included, and --help
	exitFailure    = 1 // I/O, invalid input, a failed certificate, an internal error, an interrupt
	exitUsage      = 2 // unknown command or flag, bad flag value, wrong number of arguments
	exitInfeasible = 3 // no feasible assignment; the report is still printed
)

// Errors of the command itself.
var (
	// errUsage marks a usage error (exit 2).
	errUsage = errors.New("usage error")
	// errNotSupported marks a subcommand that is listed but not built yet.
	errNotSupported = errors.New("not supported yet")
)

// usageError is a usage error of a subcommand ("" for mutasi itself); it
// unwraps to errUsage.
type usageError struct {
	cmd string
	err error
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() []error {
	return []error{errUsage, e.err}
}

func usagef(cmd, format string, args ...any) error {
	return &usageError{cmd: cmd, err: fmt.Errorf(format, args...)}
}

// hintError adds a hint line to an error; run prints it after the error.
type hintError struct {
	err  error
	hint string
}

func (e *hintError) Error() string { return e.err.Error() }
func (e *hintError) Unwrap() error { return e.err }

// exitCode maps an error to the process exit code.
func exitCode(err error) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errUsage):
		return exitUsage
	case errors.Is(err, matching.ErrInfeasible), errors.Is(err, scenarios.ErrInfeasible):
		return exitInfeasible
	}
	return exitFailure
}

// globals are the flags every command accepts, before or after its name.
type globals struct {
	quiet bool
	lang  Lang
}

// register adds the global flags to fs. A subcommand's FlagSet registers
// them again, keeping what was set before the command's name (pflag sets a
// bool to its default on registration, so the default is the current
// value).
func (g *globals) register(fs *pflag.FlagSet) {
	fs.BoolVarP(&g.quiet, "quiet", "q", g.quiet, "no warnings or progress on stderr")
	fs.Var(&g.lang, "lang", "language of labels and reasons in tables, markdown and html (csv and json stay English): en or id")
}

// command is one subcommand. run gets the arguments after the command's
// name; it returns errors and prints only the result.
type command struct {
	name, summary string
	run           func(ctx context.Context, args []string, e env, g *globals) error
}

// commands lists the subcommands in the order the usage shows them.
func commands() []command {
	return []command{
		{"plan", "solve a scenario and print the plan", runPlan},
		{"explain", "explain one employee's placement", runExplain},
		{"compare", "compare two scenarios' plans", runCompare},
		{"validate", "check scenario files without solving", runValidate},
		{"score", "rank candidates by fit and eligibility", runScore},
		{"init", "write the Bungo example scenario to a folder", runInit},
		{"generate", "write a synthetic workforce", runGenerate},
		{"bench", "compare optimal plans with the greedy baseline", runBench},
		{"solve", "solve a raw cost matrix file", runSolve},
		{"schema", "print the scenario YAML reference (JSON Schema)", runSchema},
		{"version", "print the version", runVersion},
	}
}

// newFlagSet returns a FlagSet with -h/--help that prints nothing: run
// does the printing.
func newFlagSet(name string) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SortFlags = false
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.BoolP("help", "h", false, "print this help and exit")
	return fs
}

// parse parses args into fs, turning pflag's errors into usage errors;
// -h/--help comes back as pflag.ErrHelp.
func parse(fs *pflag.FlagSet, cmd string, args []string) error {
	if err := fs.Parse(args); err != nil {
		return &usageError{cmd: cmd, err: err}
	}
	if help, _ := fs.GetBool("help"); help {
		return pflag.ErrHelp
	}
	return nil
}

const rootSynopsis = `mutasi plans transfers of civil servants (mutasi ASN) with an exact
assignment solver whose optimality is certified.

Usage:
  mutasi [-q] [--lang en|id] <command> [flags] [arguments]

Commands:
`

const rootTrailer = `
Exit codes:
  0  success, including results with warnings, and --help
  1  failure: I/O, invalid input, a failed certificate, an internal error, an interrupt
  2  usage: unknown command or flag, bad flag value, wrong number of arguments
  3  infeasible: no assignment satisfies the constraints (the report is still printed)

Examples:
  mutasi plan
  mutasi plan --format html -o plan.html bungo/scenario.yaml

Run 'mutasi <command> --help' for a command's flags.
`

func rootUsage(w io.Writer, fs *pflag.FlagSet) {
	fmt.Fprint(w, rootSynopsis)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "\nGlobal flags:\n%s", fs.FlagUsages())
	fmt.Fprint(w, rootTrailer)
}

// run runs mutasi with args (without the program name) and returns the exit
// code. It prints the result on e.stdout and diagnostics on e.stderr.
func run(ctx context.Context, args []string, e env) int {
	err := dispatch(ctx, args, e)
	switch {
	case errors.Is(err, pflag.ErrHelp):
		return exitOK
	case err == nil:
		return exitOK
	}
	printError(e.stderr, err)
	var ue *usageError
	if errors.As(err, &ue) {
		if ue.cmd == "" {
			fmt.Fprintln(e.stderr, "mutasi: hint: run 'mutasi --help' for usage")
		} else {
			fmt.Fprintf(e.stderr, "mutasi: hint: run 'mutasi %s --help' for usage\n", ue.cmd)
		}
	}
	var he *hintError
	if errors.As(err, &he) {
		fmt.Fprintf(e.stderr, "mutasi: hint: %s\n", he.hint)
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(e.stderr, "mutasi: hint: interrupted; nothing was written")
	}
	return exitCode(err)
}

func dispatch(ctx context.Context, args []string, e env) error {
	var g globals
	fs := newFlagSet("mutasi")
	fs.SetInterspersed(false)
	g.register(fs)
	if err := parse(fs, "", args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			rootUsage(e.stdout, fs)
		}
		return err
	}
	if fs.NArg() == 0 {
		return usagef("", "no command given")
	}
	name := fs.Arg(0)
	for _, c := range commands() {
		if c.name == name {
			return c.run(ctx, fs.Args()[1:], e, &g)
		}
	}
	if name == "help" {
		rootUsage(e.stdout, fs)
		return nil
	}
	return usagef("", "unknown command %q", name)
}

// maxErrorLines caps the errors of one list that run prints.
const maxErrorLines = 20

// printError prints err as "mutasi: error: …" lines: one per element of a
// *scenarios.ErrorList (each "file:line:col: message"), at most
// maxErrorLines of them, else one line.
func printError(w io.Writer, err error) {
	var list *scenarios.ErrorList
	if !errors.As(err, &list) {
		fmt.Fprintf(w, "mutasi: error: %s\n", oneLine(err.Error()))
		return
	}
	for k, x := range list.Errs {
		if k == maxErrorLines {
			fmt.Fprintf(w, "mutasi: error: and %d more errors\n", len(list.Errs)-k)
			break
		}
		fmt.Fprintf(w, "mutasi: error: %s\n", oneLine(x.Error()))
	}
}

// oneLine keeps a message on one line.
func oneLine(s string) string {
	return safeText(strings.TrimRight(s, "\n"))
}

// warnf prints a warning unless -q is set.
func warnf(e env, g *globals, format string, args ...any) {
	if !g.quiet {
		fmt.Fprintf(e.stderr, "mutasi: warning: %s\n", safeText(fmt.Sprintf(format, args...)))
	}
}
