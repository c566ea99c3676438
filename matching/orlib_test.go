package matching

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

// dataDir holds data whose licence is unconfirmed, so it is not committed
// (style §7.15): the OR-Library instances live in <datadir>/orlib_assign.
var dataDir = flag.String("datadir", "../../shared/data", "folder holding orlib_assign/ (OR-Library assignment instances)")

// readTokens returns the whitespace-separated tokens of a file.
func readTokens(t testing.TB, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Split(bufio.ScanWords)
	var toks []string
	for sc.Scan() {
		toks = append(toks, sc.Text())
	}
	require.NoError(t, sc.Err())
	return toks
}

func atoi(t testing.TB, path, tok string) int {
	t.Helper()
	n, err := strconv.Atoi(tok)
	require.NoError(t, err, "%s: %q is not an integer", path, tok)
	return n
}

// readORLibDense reads an OR-Library dense assign file: n, then the n×n
// costs in row order.
func readORLibDense(t testing.TB, path string) *mat.Dense {
	t.Helper()
	toks := readTokens(t, path)
	require.NotEmpty(t, toks, path)
	n := atoi(t, path, toks[0])
	require.Len(t, toks, 1+n*n, "%s: want n×n costs", path)
	data := make([]float64, n*n)
	for k := range data {
		data[k] = float64(atoi(t, path, toks[1+k]))
	}
	return mat.NewDense(n, n, data)
}

// readORLibSparseAsDense reads an OR-Library assignp file (n, then 1-based
// "i j cost" triples) as a dense matrix with +Inf for missing pairs.
func readORLibSparseAsDense(t testing.TB, path string) *mat.Dense {
	t.Helper()
	toks := readTokens(t, path)
	n := atoi(t, path, toks[0])
	require.Zero(t, (len(toks)-1)%3, "%s: want triples", path)
	m := mat.NewDense(n, n, nil)
	raw := m.RawMatrix().Data
	for k := range raw {
		raw[k] = math.Inf(1)
	}
	for k := 1; k < len(toks); k += 3 {
		i, j, c := atoi(t, path, toks[k]), atoi(t, path, toks[k+1]), atoi(t, path, toks[k+2])
		m.Set(i-1, j-1, float64(c))
	}
	return m
}

// readOptima reads assignopt.txt: "name value" lines after a header.
func readOptima(t *testing.T, path string) map[string]float64 {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	opt := make(map[string]float64)
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) != 2 || !strings.HasPrefix(f[0], "assign") {
			continue
		}
		v, err := strconv.ParseFloat(f[1], 64)
		require.NoError(t, err, "%s: %q", path, line)
		opt[f[0]] = v
	}
	return opt
}

// TestORLibAssign checks that the OR-Library assign instances (Beasley
// 1990) reach their published optima, read from assignopt.txt.
func TestORLibAssign(t *testing.T) {
	dir := filepath.Join(*dataDir, "orlib_assign")
	if _, err := os.Stat(filepath.Join(dir, "assignopt.txt")); err != nil {
		t.Skipf("OR-Library data not found in %s (set -datadir): %v", dir, err)
	}
	opt := readOptima(t, filepath.Join(dir, "assignopt.txt"))
	dense := []string{"assign100", "assign200", "assign300", "assign400", "assign500", "assign600", "assign700", "assign800"}
	sparse := []string{"assignp800", "assignp1500"} // larger ones: see sparse_test.go
	if testing.Short() {
		dense, sparse = dense[:3], nil
	}
	var s Solver
	run := func(name string, read func(testing.TB, string) *mat.Dense) {
		t.Run(name, func(t *testing.T) {
			want, ok := opt[name]
			require.True(t, ok, "%s has no optimum in assignopt.txt", name)
			p := &Problem{Cost: read(t, filepath.Join(dir, name+".txt"))}
			a, err := s.Solve(context.Background(), p)
			require.NoError(t, err)
			checkAssignment(t, p, a)
			require.Equal(t, want, a.Cost, fmt.Sprintf("%s optimum", name))
		})
	}
	for _, name := range dense {
		run(name, readORLibDense)
	}
	for _, name := range sparse {
		run(name, readORLibSparseAsDense)
	}
}
