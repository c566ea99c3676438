package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mutasi-asn/mutasi/matching"
	"github.com/mutasi-asn/mutasi/scenarios"
)

// update rewrites the golden files: go test ./cmd/mutasi -update.
var update = flag.Bool("update", false, "rewrite testdata/golden files")

// fakeClock returns a clock that starts at a fixed instant and advances by
// step at every reading, so timed results are deterministic: a solve timed
// by two readings takes exactly step.
func fakeClock(step time.Duration) func() time.Time {
	t := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	return func() time.Time {
		t = t.Add(step)
		return t
	}
}

// testEnv returns an env with the given stdin, buffers for the output, a
// fake clock stepping 1 ms and a fixed version.
func testEnv(stdin string) (env, *bytes.Buffer, *bytes.Buffer) {
	var stdout, stderr bytes.Buffer
	return env{
		stdin:   strings.NewReader(stdin),
		stdout:  &stdout,
		stderr:  &stderr,
		isTTY:   false,
		now:     fakeClock(time.Millisecond),
		version: "v0.0.0-test",
	}, &stdout, &stderr
}

type goldenCase struct {
	name     string // also the golden files' base name
	args     []string
	stdin    string
	wantCode int
}

// checkGolden compares got with testdata/golden/<name>; a missing file
// means empty. With -update it rewrites the file (removing it when got is
// empty). On a mismatch it writes testdata/golden/.got-<name> (gitignored)
// and the assertion prints a diff.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if got == "" {
			err := os.Remove(path)
			if err != nil && !errors.Is(err, os.ErrNotExist) {
				t.Fatal(err)
			}
			return
		}
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	gotPath := filepath.Join("testdata", "golden", ".got-"+name)
	if string(want) != got {
		_ = os.WriteFile(gotPath, []byte(got), 0o644)
		assert.Equal(t, string(want), got, "%s differs; the output is in %s (run with -update to accept it)", path, gotPath)
		return
	}
	_ = os.Remove(gotPath)
}

func runGolden(t *testing.T, tc goldenCase) {
	t.Helper()
	e, stdout, stderr := testEnv(tc.stdin)
	code := run(context.Background(), tc.args, e)
	assert.Equal(t, tc.wantCode, code, "exit code; stderr:\n%s", stderr)
	if code == exitUsage {
		assert.Empty(t, stdout.String(), "a usage error leaves stdout empty")
	}
	checkGolden(t, tc.name+".stdout", stdout.String())
	checkGolden(t, tc.name+".stderr", stderr.String())
}

func TestGoldenCommand(t *testing.T) {
	tests := []goldenCase{
		{"help", []string{"--help"}, "", exitOK},
		{"help-short", []string{"-h"}, "", exitOK},
		{"help-command", []string{"help"}, "", exitOK},
		{"solve-help", []string{"solve", "--help"}, "", exitOK},
		{"version-help", []string{"version", "-h"}, "", exitOK},
		{"version", []string{"version"}, "", exitOK},
		{"version-quiet", []string{"-q", "version"}, "", exitOK},
		{"plan-help", []string{"plan", "--help"}, "", exitOK},

		{"usage-no-command", nil, "", exitUsage},
		{"usage-unknown-command", []string{"frobnicate"}, "", exitUsage},
		{"usage-unknown-global-flag", []string{"--bogus", "solve"}, "", exitUsage},
		{"usage-bad-lang", []string{"--lang", "fr", "version"}, "", exitUsage},
		{"usage-version-args", []string{"version", "extra"}, "", exitUsage},
		{"usage-solve-no-file", []string{"solve"}, "", exitUsage},
		{"usage-solve-two-files", []string{"solve", "a.txt", "b.txt"}, "", exitUsage},
		{"usage-solve-unknown-flag", []string{"solve", "--bogus", "testdata/square3.txt"}, "", exitUsage},
		{"usage-solve-repeat-zero", []string{"solve", "--repeat", "0", "testdata/square3.txt"}, "", exitUsage},
		{"usage-solve-repeat-word", []string{"solve", "--repeat", "many", "testdata/square3.txt"}, "", exitUsage},
		{"usage-solve-bad-format", []string{"solve", "-f", "xml", "testdata/square3.txt"}, "", exitUsage},
		{"usage-solve-format-csv", []string{"solve", "-f", "csv", "testdata/square3.txt"}, "", exitUsage},
		{"usage-solve-bad-input-format", []string{"solve", "--input-format", "xls", "testdata/square3.txt"}, "", exitUsage},
		{"usage-solve-output-is-input", []string{"solve", "-o", "testdata/square3.txt", "testdata/square3.txt"}, "", exitUsage},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { runGolden(t, tc) })
	}
}

func TestGoldenSolve(t *testing.T) {
	lapFile, err := os.ReadFile("testdata/square3.txt")
	require.NoError(t, err)
	tests := []goldenCase{
		// Optima checked against SciPy (lap-ref solve FILE): square3 5,
		// --maximize 11, wide2x4 3, tall4x2 3, forbidden 4, assign4 8,
		// assignp4 18; infeasible.txt is infeasible for SciPy too.
		{"solve-table", []string{"solve", "testdata/square3.txt"}, "", exitOK},
		{"solve-json", []string{"solve", "--format", "json", "testdata/square3.txt"}, "", exitOK},
		{"solve-assignment-table", []string{"solve", "--assignment", "testdata/square3.txt"}, "", exitOK},
		{"solve-assignment-json", []string{"solve", "-f", "json", "--assignment", "testdata/square3.txt"}, "", exitOK},
		{"solve-lang-id", []string{"--lang", "id", "solve", "--assignment", "testdata/square3.txt"}, "", exitOK},
		{"solve-lang-id-after", []string{"solve", "--lang", "id", "testdata/square3.txt"}, "", exitOK},
		{"solve-lang-id-json", []string{"--lang", "id", "solve", "-f", "json", "testdata/square3.txt"}, "", exitOK},
		{"solve-maximize", []string{"solve", "--maximize", "-f", "json", "--assignment", "testdata/square3.txt"}, "", exitOK},
		{"solve-repeat", []string{"solve", "--repeat", "3", "-f", "json", "testdata/square3.txt"}, "", exitOK},
		{"solve-wide", []string{"solve", "-f", "json", "--assignment", "testdata/wide2x4.txt"}, "", exitOK},
		{"solve-tall", []string{"solve", "-f", "json", "--assignment", "testdata/tall4x2.txt"}, "", exitOK},
		{"solve-forbidden", []string{"solve", "--assignment", "testdata/forbidden.txt"}, "", exitOK},
		{"solve-csv", []string{"solve", "-f", "json", "testdata/square3.csv"}, "", exitOK},
		{"solve-assign", []string{"solve", "-f", "json", "testdata/assign4.txt"}, "", exitOK},
		{"solve-assignp", []string{"solve", "-f", "json", "--assignment", "testdata/assignp4.txt"}, "", exitOK},
		{"solve-stdin", []string{"solve", "-f", "json", "-"}, string(lapFile), exitOK},
		{"solve-stdin-forced", []string{"solve", "--input-format", "assign", "-f", "json", "-"}, "2\n1 2\n3 4\n", exitOK},
		{"solve-empty", []string{"solve", "-f", "json", "testdata/empty.txt"}, "", exitOK},

		{"solve-infeasible-table", []string{"solve", "testdata/infeasible.txt"}, "", exitInfeasible},
		{"solve-infeasible-json", []string{"solve", "-f", "json", "--assignment", "testdata/infeasible.txt"}, "", exitInfeasible},
		{"solve-infeasible-repeat", []string{"solve", "-f", "json", "--repeat", "2", "testdata/infeasible.txt"}, "", exitInfeasible},
		{"solve-infeasible-repeat-quiet", []string{"solve", "-q", "-f", "json", "--repeat", "2", "testdata/infeasible.txt"}, "", exitInfeasible},

		{"solve-neginf", []string{"solve", "testdata/neginf.txt"}, "", exitFailure},
		{"solve-neginf-maximize", []string{"solve", "--maximize", "-f", "json", "testdata/neginf.txt"}, "", exitOK},
		{"solve-ragged", []string{"solve", "testdata/ragged.txt"}, "", exitFailure},
		{"solve-word", []string{"solve", "testdata/word.txt"}, "", exitFailure},
		{"solve-nan", []string{"solve", "testdata/nan.txt"}, "", exitFailure},
		{"solve-assignp-duplicate", []string{"solve", "--input-format", "assignp", "testdata/assignp_dup.txt"}, "", exitFailure},
		{"solve-stdin-malformed", []string{"solve", "-"}, "2 2\n1 2\n3\n", exitFailure},
		{"solve-missing-file", []string{"solve", "testdata/no-such-file.txt"}, "", exitFailure},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { runGolden(t, tc) })
	}
}

func TestExitCode(t *testing.T) {
	t.Parallel()
	tests := []struct {
		err  error
		want int
	}{
		{nil, exitOK},
		{errors.New("boom"), exitFailure},
		{usagef("solve", "bad"), exitUsage},
		{fmt.Errorf("x: %w", &matching.InfeasibleError{Rows: []int{1}}), exitInfeasible},
		{fmt.Errorf("x: %w", &scenarios.InfeasibleError{Rule: "unit-floor"}), exitInfeasible},
		{&scenarios.ErrorList{Errs: []error{errors.New("a"), &scenarios.InfeasibleError{}}}, exitInfeasible},
		{&scenarios.ErrorList{Errs: []error{&scenarios.ParseError{File: "a.yaml", Line: 1, Err: scenarios.ErrSyntax}}}, exitFailure},
		{fmt.Errorf("x: %w", errNotSupported), exitFailure},
		{&hintError{context.Canceled, "h"}, exitFailure},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, exitCode(tt.err), "%v", tt.err)
	}
}

// TestSolveCancelled checks that an interrupt (a cancelled context) is a
// failure, exit 1, with nothing on stdout.
func TestSolveCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	e, stdout, stderr := testEnv("")
	code := run(ctx, []string{"solve", "testdata/square3.txt"}, e)
	if code == exitOK {
		t.Skip("the solver finished a 3×3 problem without checking the context")
	}
	assert.Equal(t, exitFailure, code)
	assert.Empty(t, stdout.String())
	assert.Contains(t, stderr.String(), "mutasi: error: interrupted")
}

func TestBuildVersion(t *testing.T) {
	t.Parallel()
	// In a test binary the main module's version is "(devel)" or empty,
	// and -buildvcs may leave out the revision; the result is never empty.
	assert.NotEmpty(t, buildVersion())
}
