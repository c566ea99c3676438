package main

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"

	"github.com/spf13/pflag"
)

const versionSynopsis = `Usage: mutasi version

Prints the version of mutasi: the module version and, when the binary was
built from a version control checkout, the revision.
`

const versionExample = `
Example:
  mutasi version
`

func runVersion(_ context.Context, args []string, e env, g *globals) error {
	fs := newFlagSet("version")
	g.register(fs)
	if err := parse(fs, "version", args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			fmt.Fprintf(e.stdout, "%s\nFlags:\n%s%s", versionSynopsis, fs.FlagUsages(), versionExample)
		}
		return err
	}
	if fs.NArg() > 0 {
		return usagef("version", "version takes no arguments, got %q", fs.Arg(0))
	}
	fmt.Fprintf(e.stdout, "mutasi %s\n", e.version)
	return nil
}

// buildVersion describes the running binary from its build information:
// the module version, then the VCS revision (12 digits) and "+dirty" when
// the checkout had local changes.
func buildVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev string
	dirty := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		v += " " + rev
		if dirty {
			v += "+dirty"
		}
	}
	return v
}
