package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// initBungo writes the embedded example into a new folder and returns it.
func initBungo(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "bungo")
	e, _, stderr := testEnv("")
	require.Equal(t, exitOK, run(context.Background(), []string{"init", dir}, e), stderr.String())
	return dir
}

// runWithin runs args and fails the test if the run does not end in 20 s
// (a FIFO used to block it for good).
func runWithin(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	e, out, errb := testEnv(stdin)
	done := make(chan int, 1)
	go func() { done <- run(context.Background(), args, e) }()
	select {
	case code = <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("mutasi %s did not end", strings.Join(args, " "))
	}
	return code, out.String(), errb.String()
}

// TestScenarioStaysInItsFolder is issue 15's symlink finding: a symlink
// inside a scenario's folder to /etc/passwd (as extends or a CSV roster) was
// read, and its first bytes quoted in the errors; a symlinked outside YAML
// validated with exit 0. Special files hung (a FIFO) or ran out of memory
// (/dev/zero, exit 2).
func TestScenarioStaysInItsFolder(t *testing.T) {
	dir := initBungo(t)
	outside := filepath.Join(t.TempDir(), "secret.yaml")
	require.NoError(t, os.WriteFile(outside, []byte("name: secret-bytes\n"), 0o644))
	require.NoError(t, os.Symlink(outside, filepath.Join(dir, "link.yaml")))
	require.NoError(t, os.Symlink(outside, filepath.Join(dir, "link.csv")))
	require.NoError(t, os.Symlink("/dev/zero", filepath.Join(dir, "zero.yaml")))
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "fifo.yaml"), 0o644))
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
		return p
	}
	tests := []struct {
		name, path, wantErr string
	}{
		{"symlink named", filepath.Join(dir, "link.yaml"),
			"link.yaml: open link.yaml: a symbolic link out of the scenario's folder"},
		{"symlink extended", write("a.yaml", "extends: link.yaml\n"),
			`a.yaml:1:10: extends "link.yaml": open link.yaml: a symbolic link out of the scenario's folder`},
		{"symlink roster", write("b.yaml", "extends: scenario.yaml\nworkforce:\n  units_csv: link.csv\n"),
			`b.yaml:3:14: units_csv "link.csv": open link.csv: a symbolic link out of the scenario's folder`},
		{"symlink to a device", write("c.yaml", "extends: zero.yaml\n"),
			`c.yaml:1:10: extends "zero.yaml": open zero.yaml: a symbolic link out of the scenario's folder`},
		{"FIFO named", filepath.Join(dir, "fifo.yaml"), "fifo.yaml is a named pipe (FIFO), not a regular file"},
		{"FIFO extended", write("d.yaml", "extends: fifo.yaml\n"), `d.yaml:1:10: extends "fifo.yaml": a named pipe (FIFO), not a regular file`},
		{"device named", "/dev/zero", "/dev/zero is a device, not a regular file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runWithin(t, "", "validate", tt.path)
			assert.Equal(t, exitFailure, code, stderr)
			assert.Contains(t, stderr, tt.wantErr)
			assert.NotContains(t, stderr, "secret-bytes")
		})
	}
	// Symlinks that stay inside the folder are followed.
	require.NoError(t, os.Symlink("scenario.yaml", filepath.Join(dir, "inside.yaml")))
	code, _, stderr := runWithin(t, "", "validate", filepath.Join(dir, "inside.yaml"))
	assert.Equal(t, exitOK, code, stderr)
}

// zeros is an endless stdin.
type zeros struct{}

func (zeros) Read(b []byte) (int, error) { clear(b); return len(b), nil }

// TestStdinIsBounded: 'mutasi validate - </dev/zero' read until the
// process ran out of memory.
func TestStdinIsBounded(t *testing.T) {
	e, stdout, stderr := testEnv("")
	e.stdin = zeros{}
	code := run(context.Background(), []string{"validate", "-"}, e)
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, stderr.String(), "mutasi: error: stdin: more than 67108864 bytes")
	assert.NotContains(t, stdout.String(), "yes")
}

// TestOutputOnlyRegularFiles is issue 15's -o finding: openOutput renamed
// its temporary file over the destination whatever it was, so (as root)
// -o /dev/null, a FIFO or a symlink became a regular file holding the
// plan, with exit 0. Now they are refused before the work.
func TestOutputOnlyRegularFiles(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.txt")
	require.NoError(t, os.WriteFile(target, []byte("keep\n"), 0o644))
	link := filepath.Join(dir, "link.txt")
	require.NoError(t, os.Symlink(target, link))
	fifo := filepath.Join(dir, "fifo")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	for _, tt := range []struct{ path, want string }{
		{link, "is a symbolic link; -o writes only regular files"},
		{fifo, "is a named pipe (FIFO); -o writes only regular files"},
	} {
		code, stdout, stderr := runWithin(t, "", "schema", "-o", tt.path)
		assert.Equal(t, exitUsage, code, stderr)
		assert.Empty(t, stdout)
		assert.Contains(t, stderr, tt.want)
	}
	st, err := os.Lstat(link)
	require.NoError(t, err)
	assert.NotZero(t, st.Mode()&os.ModeSymlink, "the link is still a link")
	got, err := os.ReadFile(target)
	require.NoError(t, err)
	assert.Equal(t, "keep\n", string(got))
	st, err = os.Lstat(fifo)
	require.NoError(t, err)
	assert.NotZero(t, st.Mode()&os.ModeNamedPipe, "the FIFO is still a FIFO")
	assert.ElementsMatch(t, []string{"target.txt", "link.txt", "fifo"}, dirNames(t, dir), "no temporary file is left")
}

// TestOutputWritableBeforeWork: -o into a folder that cannot be written
// failed only after the whole plan. /proc takes no new files, even as root.
func TestOutputWritableBeforeWork(t *testing.T) {
	if st, err := os.Stat("/proc/self"); err != nil || !st.IsDir() {
		t.Skip("no /proc")
	}
	// The scenario is invalid: an output error first shows the output is
	// checked before the scenario is read.
	code, stdout, stderr := runWithin(t, "name: [\n", "plan", "-o", "/proc/mutasi-plan.json", "-")
	assert.Equal(t, exitFailure, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, "mutasi: error: --output /proc/mutasi-plan.json: cannot write into /proc")
	assert.NotContains(t, stderr, "stdin.yaml")
}

// TestMatrixInputRegular: 'mutasi solve' opened a FIFO (blocking for good)
// and read /dev/zero.
func TestMatrixInputRegular(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "m.txt")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	for _, tt := range []struct{ path, want string }{
		{fifo, "m.txt is a named pipe (FIFO), not a regular file"},
		{"/dev/zero", "/dev/zero is a device, not a regular file"},
	} {
		code, stdout, stderr := runWithin(t, "", "solve", tt.path)
		assert.Equal(t, exitFailure, code)
		assert.Empty(t, stdout)
		assert.Contains(t, stderr, tt.want)
	}
}

// injected is a one-employee scenario whose name carries an ESC sequence
// (clear screen), a NUL, a right-to-left override and a spreadsheet
// formula.
const injected = `name: injected
plan_date: 2025-12-01
workforce:
  units:
    - {id: U, name: Unit, kind: puskesmas, kecamatan: K, area: remote}
  positions:
    - {id: P, unit: U, name: Perawat, kind: functional, functional_grade: ahli_pertama, profession: nurse, needed: 1}
  employees:
    - nip: "199001012015032001"
      name: "=HYPERLINK(\"http://x\")\e[2J\0\u202Eevil"
      birth_date: 1990-01-01
      status: PNS
      grade: III/a
      education: S1
      position: P
      position_since: 2021-03-01
`

// TestOutputNeutralisesInjection is issue 15's output injection: names
// with ESC sequences or NUL reached the terminal raw in table output, and
// CSV output kept =HYPERLINK(…) cells that a spreadsheet runs.
func TestOutputNeutralisesInjection(t *testing.T) {
	args := []string{"score", "--position", "P", "-"}
	code, table, stderr := runWithin(t, injected, append(args, "-f", "table")...)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, table, `=HYPERLINK("http://x")\x1b[2J\x00\u202eevil`)
	code, md, stderr := runWithin(t, injected, append(args, "-f", "markdown")...)
	require.Equal(t, exitOK, code, stderr)
	for name, out := range map[string]string{"table": table, "markdown": md} {
		assert.NotContains(t, out, "\x1b", name)
		assert.NotContains(t, out, "\x00", name)
		assert.NotContains(t, out, "\u202e", name)
	}
	code, csv, stderr := runWithin(t, injected, append(args, "-f", "csv")...)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, csv, `,"'=HYPERLINK(""http://x"")`+"\x1b[2J\x00\u202eevil\",", "CSV keeps the bytes, behind an apostrophe")
	assert.NotContains(t, csv, `,"=HYPERLINK`)
}

func TestSafeText(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"plain text, ≥ ünïcode": "plain text, ≥ ünïcode",
		"a\r\nb\nc\td":          "a b c d",
		"\x1b[31mred\x07":       `\x1b[31mred\x07`,
		"nul\x00 del\x7f":       `nul\x00 del\x7f`,
		"c1 \u009b2J":           `c1 \u009b2J`,
		"\u202egnp.exe":         `\u202egnp.exe`,
		"bad \xff utf-8":        "bad \uFFFD utf-8",
	} {
		assert.Equal(t, want, safeText(in), "%q", in)
	}
	for in, want := range map[string]string{
		"=1+2": "'=1+2", "+1": "'+1", "-1": "'-1", "@SUM(A1)": "'@SUM(A1)", "\tx": "'\tx", "\rx": "'\rx",
		"Siti": "Siti", "": "", "a=b": "a=b",
	} {
		assert.Equal(t, want, csvSafe(in), "%q", in)
	}
}

// TestSolveRefusesOverflowingCosts: costs of 1e308, whose sums overflow,
// printed "optimum": null with feasible and certified true.
func TestSolveRefusesOverflowingCosts(t *testing.T) {
	m := filepath.Join(t.TempDir(), "m.txt")
	require.NoError(t, os.WriteFile(m, []byte("2 2\n1e308 1e308\n1e308 -1e308\n"), 0o644))
	code, stdout, stderr := runWithin(t, "", "solve", "-f", "json", m)
	assert.Equal(t, exitFailure, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, "matching: invalid cost: the largest cost magnitudes of rows 0 to 0 sum to 1e+308")
}
