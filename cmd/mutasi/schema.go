package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/pflag"

	"github.com/mutasi-asn/mutasi/scenarios"
)

const schemaSynopsis = `Usage: mutasi schema [flags]

Prints the JSON Schema (draft 2020-12) of a scenario YAML file: every key,
its type, its default and what it means. Editors with a YAML language
server complete and check scenario files with it, for example with the
first line
  # yaml-language-server: $schema=scenario.schema.json
`

const schemaExample = `
Example:
  mutasi schema -o scenario.schema.json
`

func runSchema(_ context.Context, args []string, e env, g *globals) error {
	output := "-"
	fs := newFlagSet("schema")
	fs.StringVarP(&output, "output", "o", "-", "write the schema to `FILE` (atomically) instead of stdout")
	g.register(fs)
	if err := parse(fs, "schema", args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			fmt.Fprintf(e.stdout, "%s\nFlags:\n%s%s", schemaSynopsis, fs.FlagUsages(), schemaExample)
		}
		return err
	}
	if fs.NArg() > 0 {
		return usagef("schema", "schema takes no arguments, got %q", fs.Arg(0))
	}
	if err := checkOutput("schema", output); err != nil {
		return err
	}
	return writeOutput(output, e, func(w io.Writer) error {
		_, err := w.Write(scenarios.Schema())
		return err
	})
}
