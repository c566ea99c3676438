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

const initSynopsis = `Usage: mutasi init [flags] DIR

Writes the embedded Bungo example into DIR, for editing: DIR/scenario.yaml,
its CSV rosters (units.csv, positions.csv, employees.csv, and the rosters
the overlays add) and the what-if overlays DIR/whatif-*.yaml. DIR is
created when missing. Existing files are never overwritten unless --force
is given; then each file is replaced atomically. stdout lists the files
written.
`

const initExample = `
Example:
  mutasi init bungo && mutasi plan bungo/scenario.yaml
`

func runInit(_ context.Context, args []string, e env, g *globals) error {
	force := false
	flags := newFlagSet("init")
	flags.BoolVar(&force, "force", false, "overwrite existing files")
	g.register(flags)
	if err := parse(flags, "init", args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			fmt.Fprintf(e.stdout, "%s\nFlags:\n%s%s", initSynopsis, flags.FlagUsages(), initExample)
		}
		return err
	}
	if flags.NArg() != 1 {
		return usagef("init", "init takes one DIR, got %d arguments", flags.NArg())
	}
	dir := flags.Arg(0)
	if dir == "" || dir == "-" {
		return usagef("init", "init needs a folder name, got %q", dir)
	}
	ex := scenarios.DefaultExample()
	var names []string
	err := walkFiles(ex, func(name string) { names = append(names, name) })
	if err != nil {
		return fmt.Errorf("internal error: reading the embedded example: %w", err)
	}
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return fmt.Errorf("%s exists and is not a folder", dir)
	}
	var exists []string
	for _, n := range names {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if _, err := os.Lstat(p); err == nil {
			exists = append(exists, p)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if len(exists) > 0 && !force {
		what := exists[0]
		if len(exists) > 1 {
			what = fmt.Sprintf("%s and %d other files", exists[0], len(exists)-1)
		}
		return &hintError{fmt.Errorf("%s already exist in %s; nothing was written", what, dir),
			"use --force to overwrite them, or choose another folder"}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var written strings.Builder
	for _, n := range names {
		data, err := fs.ReadFile(ex, n)
		if err != nil {
			return fmt.Errorf("internal error: reading the embedded example: %w", err)
		}
		p := filepath.Join(dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := writeOutput(p, e, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
			return err
		}
		fmt.Fprintln(&written, p)
	}
	_, err = io.WriteString(e.stdout, written.String())
	return err
}

// walkFiles calls f with the name of every regular file of fsys, in
// lexical order.
func walkFiles(fsys fs.FS, f func(name string)) error {
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			f(name)
		}
		return nil
	})
}
