package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readmeCommand is one "$ mutasi …" line of a console block of the README,
// with the stdout it shows. When the shown output ends in a "…" line, only
// that many leading lines must match.
type readmeCommand struct {
	line   int
	args   []string
	want   []string
	prefix bool
}

// readmeCommands extracts the commands of the README's ```console blocks.
func readmeCommands(src string) []readmeCommand {
	var out []readmeCommand
	inConsole := false
	for i, l := range strings.Split(src, "\n") {
		switch {
		case strings.HasPrefix(l, "```console"):
			inConsole = true
		case strings.HasPrefix(l, "```"):
			inConsole = false
		case !inConsole:
		case strings.HasPrefix(l, "$ mutasi"):
			out = append(out, readmeCommand{line: i + 1, args: strings.Fields(strings.TrimPrefix(l, "$ mutasi"))})
		case len(out) > 0 && l == "…":
			out[len(out)-1].prefix = true
		case len(out) > 0:
			out[len(out)-1].want = append(out[len(out)-1].want, l)
		}
	}
	return out
}

// TestREADME checks the quickstart (the two commands that do everything on
// a fresh machine) and runs the README's tour in process.
func TestREADME(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	require.NoError(t, err)
	src := string(raw)

	// The quickstart is the first code block and holds exactly the two
	// commands.
	start := strings.Index(src, "```sh\n")
	require.GreaterOrEqual(t, start, 0, "README starts with a ```sh block")
	block := src[start+len("```sh\n"):]
	block = block[:strings.Index(block, "```")]
	var cmds []string
	for _, l := range strings.Split(strings.TrimSpace(block), "\n") {
		cmds = append(cmds, strings.TrimSpace(strings.SplitN(l, "#", 2)[0]))
	}
	assert.Equal(t, []string{"go run ./cmd/mutasi plan", "go test ./..."}, cmds)
	e, stdout, stderr := testEnv("")
	require.Equal(t, exitOK, run(context.Background(), []string{"plan"}, e), "stderr:\n%s", stderr)
	assert.Contains(t, stdout.String(), "certified optimal")

	// The tour runs in a temporary folder standing in for the reader's
	// working directory (t.Chdir restores the old one; no t.Parallel here).
	dir := t.TempDir()
	t.Chdir(dir)
	tour := readmeCommands(src)
	require.GreaterOrEqual(t, len(tour), 5, "the README has a tour")
	for _, c := range tour {
		e, stdout, stderr := testEnv("")
		code := run(context.Background(), c.args, e)
		require.Equal(t, exitOK, code, "README.md:%d: mutasi %s\nstderr:\n%s", c.line, strings.Join(c.args, " "), stderr)
		got := strings.Split(stdout.String(), "\n")
		if len(got) > 0 && got[len(got)-1] == "" {
			got = got[:len(got)-1]
		}
		if c.prefix {
			require.GreaterOrEqual(t, len(got), len(c.want), "README.md:%d: output shorter than shown", c.line)
			got = got[:len(c.want)]
		}
		assert.Equal(t, strings.Join(c.want, "\n"), strings.Join(got, "\n"), "README.md:%d: mutasi %s", c.line, strings.Join(c.args, " "))
	}
	_, err = os.Stat(filepath.Join(dir, "bungo", "plan.html"))
	assert.NoError(t, err, "the tour writes the HTML report")
}
