package scenarios_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/mutasi-asn/mutasi/benchmarks"
	"github.com/mutasi-asn/mutasi/scenarios"
)

// requireSameLoad loads name from fsys with rows decoded straight into
// values and through their nodes, and requires the same scenario, files
// and errors (value and text).
func requireSameLoad(t *testing.T, fsys fs.FS, name string) error {
	t.Helper()
	want, wantFiles, wantErr := scenarios.LoadNodes(fsys, name)
	got, gotFiles, gotErr := scenarios.Load(fsys, name)
	require.Equal(t, errText(wantErr), errText(gotErr))
	require.Equal(t, wantErr, gotErr)
	require.Equal(t, want, got)
	require.Equal(t, wantFiles, gotFiles)
	return gotErr
}

func errText(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

// requireSameRoster reads data as a roster of T both ways.
func requireSameRoster[T scenarios.RosterItem](t *testing.T, data []byte, name string) {
	t.Helper()
	want, wantErr := scenarios.ReadRosterNodes[T](bytes.NewReader(data), name)
	got, gotErr := scenarios.ReadRoster[T](bytes.NewReader(data), name)
	require.Equal(t, errText(wantErr), errText(gotErr))
	require.Equal(t, wantErr, gotErr)
	require.Equal(t, want, got)
}

func generated(t *testing.T, employees int, seed uint64) fstest.MapFS {
	t.Helper()
	g, err := benchmarks.Generate(benchmarks.GenerateConfig{Employees: employees, Seed: seed})
	require.NoError(t, err)
	m := fstest.MapFS{}
	for _, f := range g.Files {
		m[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return m
}

func TestFastRowsGenerated(t *testing.T) {
	t.Parallel()
	sizes := []int{100, 1000, 5000}
	if testing.Short() {
		sizes = sizes[:2]
	}
	for _, n := range sizes {
		for _, seed := range []uint64{0, 1, 7} {
			t.Run(fmt.Sprintf("employees=%d/seed=%d", n, seed), func(t *testing.T) {
				t.Parallel()
				fsys := generated(t, n, seed)
				require.NoError(t, requireSameLoad(t, fsys, "scenario.yaml"))
				requireSameRoster[scenarios.Unit](t, fsys["units.csv"].Data, "units.csv")
				requireSameRoster[scenarios.Position](t, fsys["positions.csv"].Data, "positions.csv")
				requireSameRoster[scenarios.Employee](t, fsys["employees.csv"].Data, "employees.csv")
			})
		}
	}
}

func TestFastRowsTestdata(t *testing.T) {
	t.Parallel()
	for _, dir := range []string{"testdata/valid", "testdata/invalid"} {
		names, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
		require.NoError(t, err)
		require.NotEmpty(t, names)
		for _, name := range names {
			requireSameLoad(t, os.DirFS(dir), filepath.Base(name))
		}
		csvs, err := filepath.Glob(filepath.Join(dir, "*.csv"))
		require.NoError(t, err)
		for _, name := range csvs {
			data, err := os.ReadFile(name)
			require.NoError(t, err)
			requireSameRoster[scenarios.Unit](t, data, name)
			requireSameRoster[scenarios.Position](t, data, name)
			requireSameRoster[scenarios.Employee](t, data, name)
		}
	}
	ex := scenarios.DefaultExample()
	names, err := fs.Glob(ex, "*.yaml")
	require.NoError(t, err)
	for _, name := range names {
		requireSameLoad(t, ex, name)
	}
}

// badCells are cell values that break some column type, item syntax or
// reference, or that decode in an unusual way.
var badCells = []string{
	"", " ", "x", "zzz", "1.5", "1,5", "-3", "0", "99999999999", "1e400", "NaN", "inf", "0x10",
	"2024-02-30", "2024-1-1", "01/01/1990", "2024-02-29", "true", "TRUE", "ya", "false",
	"a|b", "a||b", "|", " | ", "a=b", "a=b|c=d", "a=b=c", "k=1|k=2", "k=1|k=x", "k=99999999999", "k=1.5", "k=-2|j=+3", "k=", "=v", "k = 2 | j=3",
	"2023=baik|2024", "2023=baik|x=y", "2023=|2024=baik", "str=2030-01-01|pkp", "str=bad-date", "pkp|",
	"study_leave=2026-08-31|investigation", "\x01", "a\rb", "line\nbreak", "tab\there", "\"quoted\"",
	"  padded  ", "S1", "S3", "III/a", "IV/e", "PNS", "PPPK", "L", "P", "X", "SETDA", "NOPE",
	"1990-01-01", "3", "5", "72,5", "72.5", "integritas=3|kerja_sama=4", "other=2030-01-01", "sangat_baik",
	"199001012015032001", "\u00a0x", "\x7f",
}

// mutate returns a variant of roster CSV data: cells replaced, rows made
// ragged, blank or duplicated, columns renamed, dropped or doubled, and
// the dialect changed.
func mutate(t *testing.T, r *rand.Rand, data []byte) []byte {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	require.NoError(t, err)
	header := recs[0]
	pick := func() int { return 1 + r.IntN(len(recs)-1) }
	for range 1 + r.IntN(3) {
		switch k := r.IntN(20); {
		case k < 10: // a cell
			recs[pick()][r.IntN(len(header))] = badCells[r.IntN(len(badCells))]
		case k < 12: // a cell from another row or column
			recs[pick()][r.IntN(len(header))] = recs[pick()][r.IntN(len(header))]
		case k == 12: // ragged
			i := pick()
			if r.IntN(2) == 0 {
				recs[i] = recs[i][:len(recs[i])-1]
			} else {
				recs[i] = append(recs[i], "extra")
			}
		case k == 13: // blank line or duplicate row
			i := pick()
			row := []string{""}
			if r.IntN(2) == 0 {
				row = append([]string(nil), recs[i]...)
			}
			recs = append(recs[:i], append([][]string{row}, recs[i:]...)...)
		case k == 14: // renamed column
			j := r.IntN(len(header))
			header[j] = []string{header[j] + "x", strings.ToUpper(header[j]), " " + header[j] + " ", "nope", header[(j+1)%len(header)]}[r.IntN(5)]
		case k == 15: // dropped column
			j := r.IntN(len(header))
			for i := range recs {
				if j < len(recs[i]) {
					recs[i] = append(recs[i][:j:j], recs[i][j+1:]...)
				}
			}
			header = recs[0]
		default: // another record order
			i, j := pick(), pick()
			recs[i], recs[j] = recs[j], recs[i]
		}
	}
	var b bytes.Buffer
	semicolon := r.IntN(3) == 0
	if r.IntN(3) == 0 {
		b.WriteString("\uFEFF")
	}
	w := csv.NewWriter(&b)
	w.UseCRLF = r.IntN(3) == 0
	if semicolon {
		w.Comma = ';'
		for _, rec := range recs[1:] {
			for j := range rec {
				if j < len(header) && (header[j] == "potential" || header[j] == "criticality") {
					rec[j] = strings.Replace(rec[j], ".", ",", 1)
				}
			}
		}
	}
	require.NoError(t, w.WriteAll(recs))
	out := b.Bytes()
	if r.IntN(20) == 0 { // a quote error
		i := bytes.LastIndexByte(out, ',')
		if i > 0 {
			out = append(out[:i+1:i+1], append([]byte(`a"b`), out[i+1:]...)...)
		}
	}
	return out
}

func TestFastRowsMalformed(t *testing.T) {
	t.Parallel()
	base := generated(t, 100, 3)
	scenarioVariants := []string{
		"",
		"workforce:\n  employees:\n    - {nip: \"197812302001091001\", name: Dup, birth_date: 1980-01-01, status: PNS, education: S1}\n",
		"workforce:\n  employees: &e []\n  units: *e\n",
		"workforce:\n  employees: &e []\n",
	}
	r := rand.New(rand.NewPCG(1, 2))
	variants := 200
	if testing.Short() {
		variants = 60
	}
	failed := 0
	for i := range variants {
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		file := []string{"units.csv", "positions.csv", "employees.csv"}[r.IntN(3)]
		data := mutate(t, r, base[file].Data)
		fsys[file] = &fstest.MapFile{Data: data}
		if sv := scenarioVariants[r.IntN(len(scenarioVariants))]; sv != "" {
			y := string(base["scenario.yaml"].Data)
			y = strings.Replace(y, "workforce:\n", sv, 1)
			fsys["scenario.yaml"] = &fstest.MapFile{Data: []byte(y)}
		}
		t.Run(fmt.Sprintf("%d/%s", i, path.Base(file)), func(t *testing.T) {
			if requireSameLoad(t, fsys, "scenario.yaml") != nil {
				failed++
			}
			requireSameRosterOf(t, data, file)
			requireSameRoster[scenarios.Employee](t, data, file) // the wrong type too, for units and positions
		})
	}
	// Most variants fail to load, but not all: both sides are exercised.
	require.Greater(t, failed, variants/2)
	require.Less(t, failed, variants)
}

// requireSameRosterOf is requireSameRoster with the roster's type given by
// its file name (units.csv, positions.csv, anything else: employees).
func requireSameRosterOf(t *testing.T, data []byte, file string) {
	t.Helper()
	switch file {
	case "units.csv":
		requireSameRoster[scenarios.Unit](t, data, file)
	case "positions.csv":
		requireSameRoster[scenarios.Position](t, data, file)
	default:
		requireSameRoster[scenarios.Employee](t, data, file)
	}
}

// TestFastRowsCells puts every bad cell in every column of each roster,
// in one row of a few, and reads the roster (and, for employees, loads the
// scenario) both ways.
func TestFastRowsCells(t *testing.T) {
	t.Parallel()
	base := generated(t, 100, 5)
	files := []string{"units.csv", "positions.csv", "employees.csv"}
	if scenarios.RaceShort() {
		files = files[2:] // the roster with the most column types
	}
	for _, file := range files {
		recs, err := csv.NewReader(bytes.NewReader(base[file].Data)).ReadAll()
		require.NoError(t, err)
		recs = recs[:4]
		for j, col := range recs[0] {
			for _, cell := range badCells {
				for _, semicolon := range []bool{false, true} {
					rows := make([][]string, len(recs))
					for i := range recs {
						rows[i] = append([]string(nil), recs[i]...)
					}
					rows[2][j] = cell
					var b bytes.Buffer
					w := csv.NewWriter(&b)
					if semicolon {
						w.Comma = ';'
					}
					require.NoError(t, w.WriteAll(rows))
					data := b.Bytes()
					t.Run(fmt.Sprintf("%s/%s/%q/semicolon=%v", file, col, cell, semicolon), func(t *testing.T) {
						requireSameRosterOf(t, data, file)
						if file != "employees.csv" || semicolon || testing.Short() {
							return
						}
						fsys := fstest.MapFS{}
						for k, v := range base {
							fsys[k] = v
						}
						fsys[file] = &fstest.MapFile{Data: data}
						requireSameLoad(t, fsys, "scenario.yaml")
					})
				}
			}
		}
	}
}

// FuzzFastRows: a roster reads to the same rows and errors with rows
// decoded straight into values as through their nodes.
func FuzzFastRows(f *testing.F) {
	for _, name := range []string{"testdata/valid/employees.csv", "testdata/valid/units.csv", "testdata/valid/positions.csv", "testdata/invalid/ragged.csv"} {
		data, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(data)
	}
	f.Add([]byte("nip,name,birth_date,status,education,ratings,competence,potential\n1,a,1990-01-01,PNS,S1,2023=baik|2024,k=1|j=2,1.5\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		requireSameRoster[scenarios.Employee](t, data, "fuzz.csv")
		requireSameRoster[scenarios.Position](t, data, "fuzz.csv")
		requireSameRoster[scenarios.Unit](t, data, "fuzz.csv")
	})
}
