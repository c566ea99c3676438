package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/mutasi-asn/mutasi/scenarios"
)

const validateSynopsis = `Usage: mutasi validate [flags] SCENARIO...

Checks scenario files strictly, without solving: each file is loaded (its
extends chain and CSV rosters included) and built into an assignment
problem. Every error is printed on stderr as "file:line:col: message", all
errors of a file at once; stdout gets one line per file with its size.
'-' reads one self-contained scenario from stdin.

Exit codes: 0 every file is valid, 1 a file is invalid or unreadable, 2
usage error, 3 a unit floor that no plan can meet.
`

const validateExample = `
Example:
  mutasi validate bungo/scenario.yaml bungo/whatif-*.yaml
`

// scenarioInput is where a scenario comes from: a file system and the
// scenario's name in it, and how to show its files to the user.
type scenarioInput struct {
	fsys fs.FS
	name string // the YAML file in fsys
	dir  string // the folder the user named, prefixed to file names in errors ("" for none)
	path string // the path the user gave: "" for the embedded example, "-" for stdin
}

// stdinName is the name a scenario read from stdin has in errors and in
// the manifest.
const stdinName = "stdin.yaml"

// openScenario returns the input of the scenario at path: the embedded
// Bungo example when path is "", stdin when it is "-" (at most
// scenarios.MaxFileSize bytes), else the file in its folder. The folder is
// opened as an os.Root, so that extends and CSV rosters resolve beside the
// file and no path, symbolic links included, leads out of it. Anything but
// a regular file is refused before it is opened: a FIFO would block, a
// device such as /dev/zero never ends.
func openScenario(path string, stdin io.Reader) (scenarioInput, error) {
	switch path {
	case "":
		return scenarioInput{fsys: scenarios.DefaultExample(), name: "scenario.yaml"}, nil
	case "-":
		data, err := io.ReadAll(io.LimitReader(stdin, scenarios.MaxFileSize+1))
		if err != nil {
			return scenarioInput{}, fmt.Errorf("reading stdin: %w", err)
		}
		if len(data) > scenarios.MaxFileSize {
			return scenarioInput{}, fmt.Errorf("stdin: more than %d bytes; a scenario file is at most that", scenarios.MaxFileSize)
		}
		return scenarioInput{fsys: memFS{stdinName: data}, name: stdinName, path: "-"}, nil
	}
	st, err := os.Stat(path)
	if err != nil {
		return scenarioInput{}, err
	}
	if st.IsDir() {
		return scenarioInput{}, fmt.Errorf("%s is a folder; name its scenario file, such as %s", path, filepath.Join(path, "scenario.yaml"))
	}
	if !st.Mode().IsRegular() {
		return scenarioInput{}, fmt.Errorf("%s is %s, not a regular file; a scenario is a YAML file, and '-' reads stdin", path, scenarios.FileKind(st.Mode()))
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return scenarioInput{}, err
	}
	return scenarioInput{fsys: rootFS{fsys: root.FS(), dir: dir}, name: base, dir: filepath.Clean(dir), path: path}, nil
}

// openRegular opens the input file path, refusing anything but a regular
// file before opening it: a FIFO would block the open, a device such as
// /dev/zero never ends.
func openRegular(path string) (*os.File, error) {
	st, err := os.Stat(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			pe.Op = "open" // as os.Open would say
		}
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s is a folder, not a file", path)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is %s, not a regular file; '-' reads stdin", path, scenarios.FileKind(st.Mode()))
	}
	return os.Open(path)
}

// errSymlinkOut reports a symbolic link whose target is outside the
// scenario's folder.
var errSymlinkOut = errors.New("a symbolic link out of the scenario's folder; copy the file into the folder instead")

// rootFS is the os.Root file system of a scenario's folder dir, whose
// errors say when a path failed because a symbolic link leads out of the
// folder (the os.Root error only says "path escapes from parent").
type rootFS struct {
	fsys fs.FS // an os.Root's FS
	dir  string
}

func (r rootFS) Open(name string) (fs.File, error) {
	f, err := r.fsys.Open(name)
	return f, r.explain("open", name, err)
}

func (r rootFS) Stat(name string) (fs.FileInfo, error) {
	st, err := fs.Stat(r.fsys, name)
	return st, r.explain("stat", name, err)
}

// explain replaces err by errSymlinkOut when name, or a folder on its way,
// is a symbolic link and err is not a plain "does not exist" or
// "permission denied".
func (r rootFS) explain(op, name string, err error) error {
	if err == nil || errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) || !fs.ValidPath(name) {
		return err
	}
	p := r.dir
	for _, part := range strings.Split(name, "/") {
		p = filepath.Join(p, part)
		if st, lerr := os.Lstat(p); lerr == nil && st.Mode()&fs.ModeSymlink != 0 {
			return &fs.PathError{Op: op, Path: name, Err: errSymlinkOut}
		}
	}
	return err
}

// display returns the name under which the user knows the input's file
// name (a path inside fsys).
func (in *scenarioInput) display(name string) string {
	if in.dir == "" || in.dir == "." || name == "" {
		return name
	}
	return filepath.Join(in.dir, filepath.FromSlash(name))
}

// inputPaths returns where the scenario's input files (as Load lists
// them) are on disk; none for the embedded example and stdin.
func (in *scenarioInput) inputPaths(files []scenarios.File) []string {
	if in.path == "" || in.path == "-" {
		return nil
	}
	out := make([]string, len(files))
	for k, f := range files {
		out[k] = in.display(f.Path)
	}
	return out
}

// load loads the scenario strictly. The file names in its errors are the
// user's paths.
func (in *scenarioInput) load() (*scenarios.Scenario, []scenarios.File, error) {
	s, files, err := scenarios.Load(in.fsys, in.name)
	if err != nil {
		return nil, nil, in.relocate(err)
	}
	return s, files, nil
}

// relocate rewrites the file names of scenario errors into the user's
// paths.
func (in *scenarioInput) relocate(err error) error {
	var list *scenarios.ErrorList
	if errors.As(err, &list) {
		for _, x := range list.Errs {
			in.relocate(x)
		}
		return err
	}
	var pe *scenarios.ParseError
	if errors.As(err, &pe) {
		pe.File = in.display(pe.File)
		return err
	}
	var ve *scenarios.ValidationError
	if errors.As(err, &ve) {
		ve.File = in.display(ve.File)
	}
	return err
}

// build loads and builds the scenario, with the caller's options.
func (in *scenarioInput) build(opt scenarios.Options) (*scenarios.Instance, error) {
	s, files, err := in.load()
	if err != nil {
		return nil, err
	}
	inst, err := scenarios.Build(s, files, opt)
	if err != nil {
		return nil, in.relocate(err)
	}
	return inst, nil
}

// memFS is a read-only file system of files in memory (stdin).
type memFS map[string][]byte

func (m memFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

func (m memFS) ReadFile(name string) ([]byte, error) {
	data, ok := m[name]
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return append([]byte(nil), data...), nil
}

// validateConfig holds the flags of mutasi validate.
type validateConfig struct {
	format Format
	output string
}

func runValidate(_ context.Context, args []string, e env, g *globals) error {
	var cfg validateConfig
	fs := newFlagSet("validate")
	fs.VarP(&cfg.format, "format", "f", "output format: table, csv, json, markdown or html")
	fs.StringVarP(&cfg.output, "output", "o", "-", "write the result to `FILE` (atomically) instead of stdout")
	g.register(fs)
	if err := parse(fs, "validate", args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			fmt.Fprintf(e.stdout, "%s\nFlags:\n%s%s", validateSynopsis, fs.FlagUsages(), validateExample)
		}
		return err
	}
	if fs.NArg() == 0 {
		return usagef("validate", "validate takes one or more SCENARIO files")
	}
	stdins := 0
	for _, a := range fs.Args() {
		if a == "-" {
			stdins++
		}
	}
	if stdins > 1 {
		return usagef("validate", "stdin ('-') can be read only once")
	}
	if err := checkOutput("validate", cfg.output, fs.Args()...); err != nil {
		return err
	}
	sec := section{
		key: "files",
		cols: []column{
			{key: "file", label: lblFile},
			{key: "valid", label: lblValid},
			{key: "units", label: lblUnits},
			{key: "positions", label: lblPositions},
			{key: "employees", label: lblEmployees},
			{key: "seats", label: lblSeats},
			{key: "allowed_pairs", label: lblAllowedPairs},
			{key: "errors", label: lblErrors},
		},
	}
	var all []error
	var inputs []string
	for _, path := range fs.Args() {
		name := path
		if path == "-" {
			name = stdinName
		}
		in, err := openScenario(path, e.stdin)
		var inst *scenarios.Instance
		if err == nil {
			inst, err = in.build(scenarios.Options{Version: e.version})
		}
		if err != nil {
			n := 1
			var list *scenarios.ErrorList
			if errors.As(err, &list) {
				n = len(list.Errs)
				all = append(all, list.Errs...)
			} else {
				all = append(all, err)
			}
			sec.rows = append(sec.rows, []cell{textCell(name), boolCell(false), nullCell(), nullCell(), nullCell(), nullCell(), nullCell(), intCell(n)})
			continue
		}
		inputs = append(inputs, in.inputPaths(inst.Files)...)
		seats := 0
		for _, c := range inst.Problem.Capacity {
			seats += c
		}
		sec.rows = append(sec.rows, []cell{textCell(name), boolCell(true), intCell(len(inst.Scorer.Units)),
			intCell(len(inst.Scorer.Positions)), intCell(len(inst.Employees)), intCell(seats), intCell(inst.Pairs()), intCell(0)})
	}
	r := &report{title: lblValidateTitle, sections: []section{sec}}
	if err := checkOutput("validate", cfg.output, inputs...); err != nil {
		return err
	}
	if err := writeReport(cfg.output, e, cfg.format, g.lang, r); err != nil {
		return err
	}
	switch len(all) {
	case 0:
		return nil
	case 1:
		return all[0]
	}
	return &scenarios.ErrorList{Errs: all}
}

// writeReport renders r into the output (stdout for "-").
func writeReport(path string, e env, f Format, l Lang, r *report) error {
	return writeOutput(path, e, func(w io.Writer) error { return render(w, f, l, r) })
}

// writeOutput writes through write into the output path (stdout for "-"),
// atomically for a file: a failed write leaves an existing file untouched.
func writeOutput(path string, e env, write func(io.Writer) error) error {
	out, err := openOutput(path, e.stdout)
	if err != nil {
		return err
	}
	if err := write(out); err != nil {
		out.abort()
		return err
	}
	return out.commit()
}
