package main

import (
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runGoldenIn runs a golden case whose output names the folder dir, shown
// as DIR in the golden files, with a fake memory reading (64 MiB) so that
// mutasi bench prints the same peak everywhere.
func runGoldenIn(t *testing.T, tc goldenCase, dir string) {
	t.Helper()
	e, stdout, stderr := testEnv(tc.stdin)
	e.memory = func() uint64 { return 64 << 20 }
	code := run(context.Background(), tc.args, e)
	assert.Equal(t, tc.wantCode, code, "exit code; stderr:\n%s", stderr)
	if code == exitUsage {
		assert.Empty(t, stdout.String(), "a usage error leaves stdout empty")
	}
	clean := func(s string) string {
		if dir == "" {
			return s
		}
		return strings.ReplaceAll(s, dir, "DIR")
	}
	checkGolden(t, tc.name+".stdout", clean(stdout.String()))
	checkGolden(t, tc.name+".stderr", clean(stderr.String()))
}

// fileHashes lists the SHA-256 and name of every file in dir.
func fileHashes(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var b strings.Builder
	for _, en := range entries {
		data, err := os.ReadFile(filepath.Join(dir, en.Name()))
		require.NoError(t, err)
		fmt.Fprintf(&b, "%x  %s\n", sha256.Sum256(data), en.Name())
	}
	return b.String()
}

// TestGoldenGenerate writes a generated workforce of 100 employees and
// checks the files written (their list and hashes: the same seed gives the
// same bytes), the refusal to overwrite without --force, and the usage
// errors.
func TestGoldenGenerate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "gen")
	runGoldenIn(t, goldenCase{"generate", []string{"generate", "--employees", "100", "--seed", "1", "-o", dir}, "", exitOK}, dir)
	checkGolden(t, "generate-files.sha256", fileHashes(t, dir))
	runGoldenIn(t, goldenCase{"generate-exists", []string{"generate", "--employees", "100", "-o", dir}, "", exitFailure}, dir)
	assert.Equal(t, fileHashes(t, dir), fileHashes(t, dir), "nothing was written")
	runGoldenIn(t, goldenCase{"generate-force", []string{"generate", "--employees", "100", "--seed", "1", "--force", "-o", dir}, "", exitOK}, dir)
	checkGolden(t, "generate-files.sha256", fileHashes(t, dir))
	// --turnover-pct adds the cap, and nothing else.
	capped := filepath.Join(t.TempDir(), "capped")
	code, _, _ := runArgs(t, "", "generate", "--employees", "100", "--seed", "1", "--turnover-pct", "20", "-o", capped)
	require.Equal(t, exitOK, code)
	plain, err := os.ReadFile(filepath.Join(dir, "scenario.yaml"))
	require.NoError(t, err)
	withCap, err := os.ReadFile(filepath.Join(capped, "scenario.yaml"))
	require.NoError(t, err)
	assert.NotContains(t, string(plain), "max_turnover_pct")
	assert.Equal(t, strings.Replace(string(plain), "  no_remote_outflow: true\n", "  max_turnover_pct: 20\n  no_remote_outflow: true\n", 1), string(withCap))

	tests := []goldenCase{
		{"generate-help", []string{"generate", "--help"}, "", exitOK},
		{"usage-generate-no-output", []string{"generate", "--employees", "100"}, "", exitUsage},
		{"usage-generate-too-small", []string{"generate", "--employees", "50", "-o", "x"}, "", exitUsage},
		{"usage-generate-args", []string{"generate", "-o", "x", "extra"}, "", exitUsage},
		{"usage-generate-turnover", []string{"generate", "--turnover-pct", "120", "-o", "x"}, "", exitUsage},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { runGoldenIn(t, tc, "") })
	}
}

// TestGoldenBench runs mutasi bench on a generated workforce of 100
// employees and on a ten-row hand-written dataset, with a fake clock (1 ms
// per reading) and a fake memory reading, in every supported format and
// both languages.
func TestGoldenBench(t *testing.T) {
	const tiny = "testdata/staffing_ibm_tiny.csv"
	tests := []goldenCase{
		{"bench-help", []string{"bench", "--help"}, "", exitOK},
		{"bench-table", []string{"bench", "--sizes", "100", "--datadir", ""}, "", exitOK},
		{"bench-table-id", []string{"--lang", "id", "bench", "--sizes", "100", "--datadir", ""}, "", exitOK},
		{"bench-json", []string{"bench", "--sizes", "100", "--datadir", "", "-f", "json"}, "", exitOK},
		{"bench-markdown", []string{"bench", "--sizes", "100", "--datadir", "", "-f", "markdown"}, "", exitOK},
		{"bench-csv", []string{"bench", "--sizes", "100", "--datadir", "", "-f", "csv"}, "", exitOK},
		{"bench-markdown-id", []string{"--lang", "id", "bench", "--sizes", "100", "--datadir", "", "-f", "markdown"}, "", exitOK},
		{"bench-no-dataset", []string{"bench", "--sizes", "", "--datadir", "testdata/no-such-folder", "-f", "json"}, "", exitOK},
		{"bench-dataset-table", []string{"bench", "dataset", tiny, "--adapter", "ibm-hr"}, "", exitOK},
		{"bench-dataset-table-id", []string{"bench", "--lang", "id", "dataset", tiny, "--adapter", "ibm-hr"}, "", exitOK},
		{"bench-dataset-json", []string{"bench", "dataset", tiny, "--adapter", "ibm-hr", "-f", "json"}, "", exitOK},
		{"bench-dataset-markdown", []string{"bench", "dataset", tiny, "--adapter", "ibm-hr", "-f", "markdown"}, "", exitOK},
		{"bench-dataset-markdown-id", []string{"--lang", "id", "bench", "dataset", tiny, "--adapter", "ibm-hr", "-f", "markdown"}, "", exitOK},
		{"bench-dataset-csv", []string{"bench", "dataset", tiny, "--adapter", "ibm-hr", "-f", "csv"}, "", exitOK},
		{"bench-dataset-wrong-adapter", []string{"bench", "dataset", tiny, "--adapter", "hr-promotion"}, "", exitFailure},
		{"bench-dataset-missing", []string{"bench", "dataset", "testdata/no-such-file.csv", "--adapter", "ibm-hr"}, "", exitFailure},

		{"usage-bench-mode", []string{"bench", "datasets"}, "", exitUsage},
		{"usage-bench-no-adapter", []string{"bench", "dataset", tiny}, "", exitUsage},
		{"usage-bench-bad-adapter", []string{"bench", "dataset", tiny, "--adapter", "sap"}, "", exitUsage},
		{"usage-bench-two-files", []string{"bench", "dataset", tiny, tiny, "--adapter", "ibm-hr"}, "", exitUsage},
		{"usage-bench-adapter-alone", []string{"bench", "--adapter", "ibm-hr"}, "", exitUsage},
		{"usage-bench-html", []string{"bench", "-f", "html"}, "", exitUsage},
		{"usage-bench-size", []string{"bench", "--sizes", "10"}, "", exitUsage},
		{"usage-bench-output-is-input", []string{"bench", "dataset", tiny, "--adapter", "ibm-hr", "-o", tiny}, "", exitUsage},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { runGoldenIn(t, tc, "") })
	}
}
