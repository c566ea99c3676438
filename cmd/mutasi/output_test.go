package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// copyFixture copies testdata/name into dir and returns its path.
func copyFixture(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, b, 0o644))
	return p
}

// dirNames lists dir, to check that no temporary file is left behind.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestOutputFile(t *testing.T) {
	dir := t.TempDir()
	in := copyFixture(t, dir, "square3.txt")
	out := filepath.Join(dir, "result.json")

	e, stdout, stderr := testEnv("")
	code := run(context.Background(), []string{"solve", "-f", "json", "-o", out, in}, e)
	require.Equal(t, exitOK, code, stderr.String())
	assert.Empty(t, stdout.String(), "with -o nothing goes to stdout")

	e2, want, _ := testEnv("")
	require.Equal(t, exitOK, run(context.Background(), []string{"solve", "-f", "json", in}, e2))
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, want.String(), string(got), "-o writes what stdout would get")
	assert.ElementsMatch(t, []string{"square3.txt", "result.json"}, dirNames(t, dir), "no temporary file is left")
	st, err := os.Stat(out)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), st.Mode().Perm())
}

func TestOutputFailedRunLeavesFileUntouched(t *testing.T) {
	dir := t.TempDir()
	bad := copyFixture(t, dir, "ragged.txt")
	out := filepath.Join(dir, "result.txt")
	require.NoError(t, os.WriteFile(out, []byte("previous result\n"), 0o600))

	e, stdout, stderr := testEnv("")
	code := run(context.Background(), []string{"solve", "-o", out, bad}, e)
	assert.Equal(t, exitFailure, code)
	assert.Empty(t, stdout.String())
	assert.Contains(t, stderr.String(), "ragged.txt:3: row 2 has 2 values, want 3")
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, "previous result\n", string(got))
	assert.ElementsMatch(t, []string{"ragged.txt", "result.txt"}, dirNames(t, dir))
}

func TestOutputReplacesAndKeepsMode(t *testing.T) {
	dir := t.TempDir()
	in := copyFixture(t, dir, "square3.txt")
	out := filepath.Join(dir, "result.txt")
	require.NoError(t, os.WriteFile(out, []byte("previous result\n"), 0o600))

	e, _, stderr := testEnv("")
	require.Equal(t, exitOK, run(context.Background(), []string{"solve", "-o", out, in}, e), stderr.String())
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(got), "5.0000")
	st, err := os.Stat(out)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm(), "an existing file keeps its permissions")
}

func TestOutputInfeasibleStillWritten(t *testing.T) {
	dir := t.TempDir()
	in := copyFixture(t, dir, "infeasible.txt")
	out := filepath.Join(dir, "result.json")
	e, _, _ := testEnv("")
	assert.Equal(t, exitInfeasible, run(context.Background(), []string{"solve", "-f", "json", "-o", out, in}, e))
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(got), `"feasible": false`)
}

func TestOutputRefusesInput(t *testing.T) {
	dir := t.TempDir()
	in := copyFixture(t, dir, "square3.txt")
	orig, err := os.ReadFile(in)
	require.NoError(t, err)
	hard := filepath.Join(dir, "hardlink.txt")
	require.NoError(t, os.Link(in, hard))
	sym := filepath.Join(dir, "symlink.txt")
	require.NoError(t, os.Symlink(in, sym))
	rel, err := filepath.Rel(".", in)
	if err != nil {
		rel = in
	}
	for _, out := range []string{in, hard, sym, filepath.Join(dir, ".", "square3.txt"), rel} {
		e, stdout, stderr := testEnv("")
		code := run(context.Background(), []string{"solve", "-o", out, in}, e)
		assert.Equal(t, exitUsage, code, out)
		assert.Empty(t, stdout.String())
		assert.Contains(t, stderr.String(), "would overwrite the input file", out)
		got, err := os.ReadFile(in)
		require.NoError(t, err)
		assert.Equal(t, orig, got, "the input is untouched")
	}
}

func TestOutputToFolderRefused(t *testing.T) {
	dir := t.TempDir()
	in := copyFixture(t, dir, "square3.txt")
	e, stdout, stderr := testEnv("")
	assert.Equal(t, exitUsage, run(context.Background(), []string{"solve", "-o", dir, in}, e))
	assert.Empty(t, stdout.String())
	assert.Contains(t, stderr.String(), "is a folder")
}

func TestOutputMissingFolder(t *testing.T) {
	dir := t.TempDir()
	in := copyFixture(t, dir, "square3.txt")
	e, stdout, stderr := testEnv("")
	out := filepath.Join(dir, "no-such-folder", "result.txt")
	assert.Equal(t, exitFailure, run(context.Background(), []string{"solve", "-o", out, in}, e))
	assert.Empty(t, stdout.String())
	assert.Contains(t, stderr.String(), "mutasi: error: --output "+out+": stat ")
	assert.ElementsMatch(t, []string{"square3.txt"}, dirNames(t, dir))
}
