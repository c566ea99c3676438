package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGoldenBenchGap runs mutasi bench gap on two hand-written instances
// (testdata/gap/gapx.txt, optima 10 and 4 found by enumeration), with a
// fake clock, in every supported format and both languages, and its
// errors.
func TestGoldenBenchGap(t *testing.T) {
	tests := []goldenCase{
		{"bench-gap-table", []string{"bench", "gap", "testdata/gap"}, "", exitOK},
		{"bench-gap-table-id", []string{"--lang", "id", "bench", "gap", "testdata/gap"}, "", exitOK},
		{"bench-gap-json", []string{"bench", "gap", "testdata/gap", "-f", "json"}, "", exitOK},
		{"bench-gap-csv", []string{"bench", "gap", "testdata/gap", "-f", "csv"}, "", exitOK},
		{"bench-gap-markdown", []string{"bench", "gap", "testdata/gap/gapx.txt", "-f", "markdown", "--max-nodes", "10"}, "", exitOK},
		{"bench-gap-markdown-id", []string{"bench", "gap", "testdata/gap", "-f", "markdown", "--lang", "id"}, "", exitOK},
		{"bench-gap-bad-file", []string{"bench", "gap", "testdata/gap-bad"}, "", exitFailure},
		{"bench-gap-no-files", []string{"bench", "gap", "testdata/scenarios"}, "", exitFailure},
		{"bench-gap-missing", []string{"bench", "gap", "testdata/no-such-folder"}, "", exitFailure},

		{"usage-bench-gap-no-dir", []string{"bench", "gap"}, "", exitUsage},
		{"usage-bench-gap-two-dirs", []string{"bench", "gap", "testdata/gap", "testdata/gap"}, "", exitUsage},
		{"usage-bench-gap-nodes", []string{"bench", "gap", "testdata/gap", "--max-nodes", "-1"}, "", exitUsage},
		{"usage-bench-nodes-alone", []string{"bench", "--max-nodes", "10"}, "", exitUsage},
		{"usage-bench-gap-adapter", []string{"bench", "gap", "testdata/gap", "--adapter", "ibm-hr"}, "", exitUsage},
		{"usage-bench-gap-html", []string{"bench", "gap", "testdata/gap", "-f", "html"}, "", exitUsage},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { runGoldenIn(t, tc, "") })
	}
}

// TestBenchGapOutput writes the JSON to a file with -o and checks that
// stdout stays empty and that a bad run leaves the file untouched.
func TestBenchGapOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "gap.json")
	e, stdout, stderr := testEnv("")
	require.Equal(t, exitOK, run(context.Background(), []string{"bench", "gap", "testdata/gap", "-f", "json", "-o", out}, e), stderr.String())
	assert.Empty(t, stdout.String())
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	var rows []map[string]any
	require.NoError(t, json.Unmarshal(data, &rows))
	require.Len(t, rows, 2)
	assert.Equal(t, "gapx-0", rows[0]["instance"])
	assert.Equal(t, 10.0, rows[0]["value"])
	assert.Nil(t, rows[0]["known_optimum"])

	e, _, _ = testEnv("")
	require.Equal(t, exitFailure, run(context.Background(), []string{"bench", "gap", "testdata/gap-bad", "-f", "json", "-o", out}, e))
	again, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, data, again, "a failed run leaves the output untouched")
}

func TestNaturalCompare(t *testing.T) {
	t.Parallel()
	in := []string{"gap10.txt", "gapa.txt", "gap2.txt", "gap1.txt", "gap12.txt", "gapd.txt", "gap02.txt"}
	want := []string{"gap1.txt", "gap02.txt", "gap2.txt", "gap10.txt", "gap12.txt", "gapa.txt", "gapd.txt"}
	got := slices.Clone(in)
	slices.SortFunc(got, naturalCompare)
	assert.Equal(t, want, got)
	assert.Zero(t, naturalCompare("gap7.txt", "gap7.txt"))
}

// TestBenchGapORLibrary runs mutasi bench gap on the 60 instances of
// OR-Library's gap1–gap12 (from ../../../shared/data/orlib_gap, kept out of
// the repository: no licence is stated), linked into a temporary folder
// without gapa–gapd (which take minutes), and checks that every instance
// reaches its published optimum, proven.
func TestBenchGapORLibrary(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "data", "orlib_gap")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("OR-Library GAP files not found at %s: %v", dir, err)
	}
	tmp := t.TempDir()
	for f := 1; f <= 12; f++ {
		name := fmt.Sprintf("gap%d.txt", f)
		abs, err := filepath.Abs(filepath.Join(dir, name))
		require.NoError(t, err)
		require.NoError(t, os.Symlink(abs, filepath.Join(tmp, name)))
	}
	e, stdout, stderr := testEnv("")
	require.Equal(t, exitOK, run(context.Background(), []string{"bench", "gap", tmp, "-f", "json"}, e), stderr.String())
	var rows []struct {
		Instance      string   `json:"instance"`
		Value         float64  `json:"value"`
		Bound         float64  `json:"bound"`
		KnownOptimum  *float64 `json:"known_optimum"`
		ProvenOptimal bool     `json:"proven_optimal"`
	}
	require.NoError(t, json.Unmarshal(stdout.Bytes(), &rows))
	require.Len(t, rows, 60)
	assert.Equal(t, "gap1-0", rows[0].Instance)
	assert.Equal(t, "gap12-4", rows[59].Instance, "natural order: gap2 before gap10")
	for _, r := range rows {
		require.NotNil(t, r.KnownOptimum, r.Instance)
		assert.Equal(t, *r.KnownOptimum, r.Value, r.Instance)
		assert.Equal(t, r.Value, r.Bound, r.Instance)
		assert.True(t, r.ProvenOptimal, r.Instance)
	}
}

// TestBenchGapProgress: on a terminal, bench gap draws its progress on
// stderr (naming the instance) and clears it; stdout holds only the
// result.
func TestBenchGapProgress(t *testing.T) {
	e, stdout, stderr := testEnv("")
	e.isTTY = true
	require.Equal(t, exitOK, run(context.Background(), []string{"bench", "gap", "testdata/gap", "-f", "csv"}, e), stderr.String())
	assert.Contains(t, stderr.String(), "mutasi: solving gapx-0 (1 of 2 instances)")
	assert.True(t, strings.HasSuffix(stderr.String(), "\r\x1b[K"), "the progress line is cleared: %q", stderr.String())
	assert.NotContains(t, stdout.String(), "solving")

	e, _, stderr = testEnv("")
	e.isTTY = true
	require.Equal(t, exitOK, run(context.Background(), []string{"-q", "bench", "gap", "testdata/gap"}, e))
	assert.Empty(t, stderr.String(), "-q draws no progress")
}
