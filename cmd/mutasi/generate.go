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

	"github.com/mutasi-asn/mutasi/benchmarks"
)

const generateSynopsis = `Usage: mutasi generate [flags] -o DIR

Writes a synthetic Bungo-like workforce (benchmarks.Generate) into DIR:
DIR/scenario.yaml and its rosters units.csv, positions.csv and
employees.csv. The same --employees and --seed give the same bytes on
every machine. DIR is created when missing. Existing files are never
overwritten unless --force is given; then each file is replaced
atomically. stdout lists the files written.
`

const generateExample = `
Example:
  mutasi generate --employees 5200 --seed 1 -o bungo-5200 && mutasi plan bungo-5200/scenario.yaml
`

// generateConfig holds the flags of mutasi generate.
type generateConfig struct {
	employees int
	seed      uint64
	output    string
	force     bool
}

func runGenerate(_ context.Context, args []string, e env, g *globals) error {
	cfg := generateConfig{employees: benchmarks.DefaultGenerateEmployees, seed: 1}
	flags := newFlagSet("generate")
	flags.IntVar(&cfg.employees, "employees", cfg.employees,
		fmt.Sprintf("number of employees, %d to %d", benchmarks.MinGenerateEmployees, benchmarks.MaxGenerateEmployees))
	flags.Uint64Var(&cfg.seed, "seed", cfg.seed, "seed of the random stream (any value, 0 included)")
	flags.StringVarP(&cfg.output, "output", "o", "", "folder to write the scenario into (required)")
	flags.BoolVar(&cfg.force, "force", false, "overwrite existing files")
	g.register(flags)
	if err := parse(flags, "generate", args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			fmt.Fprintf(e.stdout, "%s\nFlags:\n%s%s", generateSynopsis, flags.FlagUsages(), generateExample)
		}
		return err
	}
	if flags.NArg() != 0 {
		return usagef("generate", "generate takes no arguments, got %d (the folder goes in -o DIR)", flags.NArg())
	}
	if cfg.output == "" || cfg.output == "-" {
		return usagef("generate", "--output needs a folder name, got %q", cfg.output)
	}
	if cfg.employees < benchmarks.MinGenerateEmployees || cfg.employees > benchmarks.MaxGenerateEmployees {
		return usagef("generate", "--employees must be between %d and %d, got %d",
			benchmarks.MinGenerateEmployees, benchmarks.MaxGenerateEmployees, cfg.employees)
	}
	gen, err := benchmarks.Generate(benchmarks.GenerateConfig{Employees: cfg.employees, Seed: cfg.seed})
	if err != nil {
		return err
	}
	return writeFiles(cfg.output, cfg.force, gen.Files, e)
}

// writeFiles writes files into dir, each atomically, and lists the paths
// on stdout. It refuses to overwrite existing files unless force is set,
// writing nothing then.
func writeFiles(dir string, force bool, files []benchmarks.File, e env) error {
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return fmt.Errorf("%s exists and is not a folder", dir)
	}
	var exists []string
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
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
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := writeOutput(p, e, func(w io.Writer) error { _, err := w.Write(f.Data); return err }); err != nil {
			return err
		}
		fmt.Fprintln(&written, p)
	}
	_, err := io.WriteString(e.stdout, written.String())
	return err
}
