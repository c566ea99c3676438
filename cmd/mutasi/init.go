package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"

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
	files := make([]outFile, len(names))
	for k, n := range names {
		data, err := fs.ReadFile(ex, n)
		if err != nil {
			return fmt.Errorf("internal error: reading the embedded example: %w", err)
		}
		files[k] = outFile{name: n, data: data}
	}
	return writeFiles(dir, force, files, e)
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
