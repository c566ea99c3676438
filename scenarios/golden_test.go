package scenarios

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden plans in testdata/golden")

// goldenCase is one scenario planned against a golden file.
type goldenCase struct {
	name string // golden file name without .json
	fsys fs.FS
	file string
}

// goldenCases lists the embedded example, each of its overlays and every
// file of testdata/valid that is a scenario (not only a roster).
func goldenCases(t *testing.T) []goldenCase {
	t.Helper()
	var cs []goldenCase
	ex := DefaultExample()
	names, err := fs.Glob(ex, "*.yaml")
	require.NoError(t, err)
	for _, n := range names {
		if raceShort() && n != "scenario.yaml" {
			continue // the what-ifs plan the same 583 employees again
		}
		cs = append(cs, goldenCase{"example-" + strings.TrimSuffix(n, ".yaml"), ex, n})
	}
	valid := os.DirFS("testdata/valid")
	names, err = fs.Glob(valid, "*.yaml")
	require.NoError(t, err)
	for _, n := range names {
		cs = append(cs, goldenCase{"valid-" + strings.TrimSuffix(n, ".yaml"), valid, n})
	}
	return cs
}

// raceShort reports -short under the race detector: the tests that plan
// the example many times keep one or two cases (go test -race -short
// ./scenarios took more than 10 minutes on the 2-core CI machine).
func raceShort() bool { return raceEnabled && testing.Short() }

// planJSON loads, builds and plans one case and returns the plan's
// indented JSON (as the CLI writes it).
func planJSON(t *testing.T, c goldenCase, opt Options) ([]byte, *Instance, *Plan) {
	t.Helper()
	s, files, err := Load(c.fsys, c.file)
	require.NoError(t, err)
	in, err := Build(s, files, opt)
	require.NoError(t, err)
	p, err := in.Plan(context.Background())
	require.NoError(t, err)
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	require.NoError(t, enc.Encode(p))
	return b.Bytes(), in, p
}

func TestGoldenPlans(t *testing.T) {
	for _, c := range goldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			got, in, p := planJSON(t, c, Options{Version: "test"})
			checkPlan(t, in, p)
			path := filepath.Join("testdata", "golden", c.name+".json")
			if *update {
				require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
				require.NoError(t, os.WriteFile(path, got, 0o644))
				return
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test -run TestGoldenPlans -update to create it")
			if !bytes.Equal(got, want) {
				_ = os.WriteFile(path+".got", got, 0o644)
				t.Fatalf("plan differs from %s (got written to %s.got); run with -update after reviewing the diff", path, path)
			}
		})
	}
}

// TestGoldenDeterminism plans every case under GOMAXPROCS 1 and 8 and with
// dense and sparse storage: the bytes must be identical apart from the
// solver's algorithm name.
func TestGoldenDeterminism(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, c := range goldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			opt := Options{Version: "test", MaxNodes: testMaxNodes}
			runtime.GOMAXPROCS(1)
			one, _, _ := planJSON(t, c, opt)
			runtime.GOMAXPROCS(8)
			eight, _, _ := planJSON(t, c, opt)
			require.Equal(t, string(one), string(eight), "GOMAXPROCS 1 and 8 differ")

			opt.Storage = StorageDense
			_, _, dense := planJSON(t, c, opt)
			opt.Storage = StorageSparse
			_, _, sparse := planJSON(t, c, opt)
			if dense.Manifest.Cert.Optimal && sparse.Manifest.Cert.Optimal {
				require.Equal(t, dense.Objective, sparse.Objective, "dense and sparse optima differ")
			}
			// Unproven plans may differ; each stays within the other's
			// proven bound.
			require.LessOrEqual(t, dense.Objective, sparse.Manifest.Cert.Bound+1e-6, "dense beats sparse's bound")
			require.LessOrEqual(t, sparse.Objective, dense.Manifest.Cert.Bound+1e-6, "sparse beats dense's bound")
		})
	}
}
