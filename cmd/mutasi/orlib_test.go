package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSolveORLibrary runs mutasi solve end to end (detect, parse, solve,
// certify, print) on the OR-Library assignment instances of
// ../../../shared/data/orlib_assign (kept out of the repository: no licence
// is stated) and checks the published optima of assignopt.txt.
func TestSolveORLibrary(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "data", "orlib_assign")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("OR-Library files not found at %s: %v", dir, err)
	}
	tests := []struct {
		file    string
		optimum float64 // from assignopt.txt
	}{
		{"assign100.txt", 305}, {"assign200.txt", 475}, {"assign300.txt", 626}, {"assign400.txt", 804},
		{"assign500.txt", 991}, {"assign600.txt", 1176}, {"assign700.txt", 1362}, {"assign800.txt", 1552},
		{"assignp800.txt", 2239}, {"assignp1500.txt", 5839}, {"assignp3000.txt", 18696}, {"assignp5000.txt", 48533},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			e, stdout, stderr := testEnv("")
			code := run(context.Background(), []string{"solve", "-f", "json", filepath.Join(dir, tt.file)}, e)
			require.Equal(t, exitOK, code, stderr.String())
			var got struct {
				Rows, Cols int
				Optimum    float64
				Feasible   bool
				Certified  bool
				Format     string
			}
			require.NoError(t, json.Unmarshal(stdout.Bytes(), &got))
			assert.Equal(t, tt.optimum, got.Optimum)
			assert.True(t, got.Feasible)
			assert.True(t, got.Certified)
			wantFormat := "assign"
			if strings.HasPrefix(tt.file, "assignp") {
				wantFormat = "assignp"
			}
			assert.Equal(t, wantFormat, got.Format, "detected from the file name")
		})
	}
}
