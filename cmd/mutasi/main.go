// Command mutasi plans transfers of civil servants; see doc.go.
package main

import (
	"fmt"
	"os"

	"github.com/spf13/pflag"
)

func main() {
	fs := pflag.NewFlagSet("mutasi", pflag.ContinueOnError)
	if err := fs.Parse(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "mutasi: error:", err)
		os.Exit(2)
	}
	fmt.Fprintln(os.Stderr, "mutasi: error: not supported yet")
	os.Exit(1)
}
