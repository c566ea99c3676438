package scenarios

import (
	"context"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// minimalWith returns a file system holding testdata/valid/minimal.yaml and
// the overlay over.yaml, which extends it with the given YAML.
func minimalWith(t *testing.T, overlay string) fstest.MapFS {
	t.Helper()
	base, err := os.ReadFile("testdata/valid/minimal.yaml")
	require.NoError(t, err)
	return fstest.MapFS{
		"minimal.yaml": {Data: base},
		"over.yaml":    {Data: []byte("extends: minimal.yaml\n" + overlay)},
	}
}

// TestValueRanges is issue 15's certified wrong plan: values are encoded
// as int64(round(x·10⁶)), which wraps past 2⁶³, so a criticality of 1e13 or
// a weight of 1e15 gave a nonsense plan marked certified optimal, and 1e308
// an error without location. Each value now has a range, refused with its
// file, line and field.
func TestValueRanges(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, overlay, field string
		line                 int
	}{
		{"criticality", "set_criticality: 0\n", "", 0}, // placeholder, replaced below
		{"weight", "weights:\n  education: 1e15\n", "weights.education", 3},
		{"penalty", "scoring:\n  unfilled_penalty: 1e308\n", "scoring.unfilled_penalty", 3},
		{"bonus", "scoring:\n  continuity_bonus: 1e308\n", "scoring.continuity_bonus", 3},
		{"weight just past", "weights:\n  preference: 100.000001\n", "weights.preference", 3},
	}
	// Criticality is an item of a list merged by id.
	tests[0].overlay = "workforce:\n  positions:\n    - {id: PKM-PELEPAT-PERAWAT, criticality: 1e13}\n"
	tests[0].field, tests[0].line = "workforce.positions[0].criticality", 4
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, _, err := Load(minimalWith(t, tt.overlay), "over.yaml")
			require.ErrorIs(t, err, ErrInvalidValue)
			var ve *ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tt.field, ve.Field)
			assert.Equal(t, "over.yaml", ve.File)
			assert.Equal(t, tt.line, ve.Line)
			assert.Contains(t, err.Error(), "must be between 0 and 100")
		})
	}
}

// TestValueRangesLargestPlan: at the top of every range the plan is still
// exact and certified.
func TestValueRangesLargestPlan(t *testing.T) {
	t.Parallel()
	fsys := minimalWith(t, "weights: {education: 100, competence: 100, tenure: 100, performance: 100, preference: 100}\n"+
		"scoring: {continuity_bonus: 100, unfilled_penalty: 100}\n"+
		"workforce:\n  positions:\n    - {id: PKM-PELEPAT-PERAWAT, criticality: 100}\n")
	s, files, err := Load(fsys, "over.yaml")
	require.NoError(t, err)
	inst, err := Build(s, files, Options{})
	require.NoError(t, err)
	plan, err := inst.Plan(context.Background())
	require.NoError(t, err)
	assert.True(t, plan.Manifest.Cert.Passed)
	assert.True(t, plan.Manifest.Cert.Optimal)
}

// endless is a file system whose one file, big.csv, claims 10 bytes but
// never ends, like a device behind a file system that misreports it.
type endless struct{}

func (endless) Open(name string) (fs.File, error) {
	if name != "big.csv" {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return endlessFile{}, nil
}

type endlessFile struct{}

func (endlessFile) Stat() (fs.FileInfo, error) { return endlessInfo{}, nil }
func (endlessFile) Read(b []byte) (int, error) {
	for i := range b {
		b[i] = 'x'
	}
	return len(b), nil
}
func (endlessFile) Close() error { return nil }

type endlessInfo struct{}

func (endlessInfo) Name() string       { return "big.csv" }
func (endlessInfo) Size() int64        { return 10 }
func (endlessInfo) Mode() fs.FileMode  { return 0o444 }
func (endlessInfo) ModTime() time.Time { return time.Time{} }
func (endlessInfo) IsDir() bool        { return false }
func (endlessInfo) Sys() any           { return nil }

// overlayFS adds files to another file system.
type overlayFS struct {
	fs.FS
	files fstest.MapFS
}

func (o overlayFS) Open(name string) (fs.File, error) {
	if _, ok := o.files[name]; ok {
		return o.files.Open(name)
	}
	return o.FS.Open(name)
}

// TestLoadReadsAtMostTheCap: the whole file was read before the 64 MiB
// check (a 2 GB file took 14 s and 2.1 GB), and an endless one (/dev/zero)
// ended in "fatal error: out of memory".
func TestLoadReadsAtMostTheCap(t *testing.T) {
	t.Parallel()
	fsys := overlayFS{endless{}, fstest.MapFS{"s.yaml": {Data: []byte("name: s\nplan_date: 2025-12-01\nworkforce:\n  units_csv: big.csv\n")}}}
	_, _, err := Load(fsys, "s.yaml")
	require.ErrorIs(t, err, ErrFileTooLarge)
	require.ErrorIs(t, err, ErrInclude)
	var pe *ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, []any{"s.yaml", 4, 14}, []any{pe.File, pe.Line, pe.Column})

	// A file that says it is too large is not read at all.
	dir := t.TempDir()
	f, err := os.Create(filepath.Join(dir, "big.csv"))
	require.NoError(t, err)
	require.NoError(t, f.Truncate(MaxFileSize+1)) // sparse: no disk used
	require.NoError(t, f.Close())
	require.NoError(t, os.WriteFile(filepath.Join(dir, "s.yaml"), []byte("extends: big.csv\n"), 0o644))
	_, _, err = Load(os.DirFS(dir), "s.yaml")
	require.ErrorIs(t, err, ErrFileTooLarge)
	assert.Contains(t, err.Error(), "s.yaml:1:10: extends \"big.csv\": larger than 64 MiB")
}

// TestLoadBoundsYAMLBeforeParsing: a 60 MB flow list under the file cap
// took 6.3 GB and crashed, because the node budget applied only after
// yaml.v3 had built the whole tree (10 MB took 1.27 GB). The estimate
// refuses it before, with the line where the budget ran out.
func TestLoadBoundsYAMLBeforeParsing(t *testing.T) {
	// Not parallel: the allocation count below is process-wide, and
	// parallel tests (under -race above all) would add theirs to it.
	// maxYAMLNodes+1 items, one per line after the first: 4 MB.
	doc := "name: x\nplan_date: 2025-12-01\nneighbours:\n  a: [" + strings.Repeat("b,\n", maxYAMLNodes/2) + "b]\n"
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := Parse(strings.NewReader(doc), "flow.yaml")
	runtime.ReadMemStats(&after)
	require.ErrorIs(t, err, ErrTooComplex)
	var pe *ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "flow.yaml", pe.File)
	assert.Greater(t, pe.Line, maxYAMLNodes/4)
	// Parse copies the 4 MB input twice; yaml.v3 would take 500 MB.
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(64<<20), "bytes allocated")

	// The estimate never undercounts by more than half.
	for _, src := range []string{doc[:1000] + "]\n", "a: {b, c, d}\n", "- [1, 2, {x: y}]\n- *a\n", "a:\n  - b: c\n    d: [e]\n"} {
		var n yaml.Node
		if yaml.Unmarshal([]byte(src), &n) != nil {
			continue
		}
		est, _ := yamlNodes([]byte(src), math.MaxInt)
		nodes := register(map[*yaml.Node]string{}, &n, "", 0)
		assert.GreaterOrEqual(t, 2*est, nodes, src)
	}
}

// TestEveryErrorLocated is issue 15's smaller findings: invalid UTF-8,
// UTF-16 without a byte order mark, tab indentation and undefined anchors
// gave no line:col; a birth date of 0001-01-01 (the zero time) was read as
// missing, without location; integers ≥ 2³¹ were "not a decimal integer";
// a 1 MB bad value was echoed whole; a Latin-1 byte in a CSV name was
// accepted where YAML rejects it.
func TestEveryErrorLocated(t *testing.T) {
	t.Parallel()
	const head = "name: x\nplan_date: 2025-12-01\n"
	roster := func(csv string) fstest.MapFS {
		return fstest.MapFS{
			"s.yaml":    {Data: []byte(head + "workforce:\n  units_csv: units.csv\n")},
			"units.csv": {Data: []byte(csv)},
		}
	}
	tests := []struct {
		name      string
		fsys      fstest.MapFS
		want      error
		file      string
		line, col int
		msg       string // the message after file:line:col
	}{
		{"invalid UTF-8", fstest.MapFS{"s.yaml": {Data: []byte("name: Caf\xe9\nplan_date: 2025-12-01\n")}},
			ErrSyntax, "s.yaml", 1, 10, "invalid UTF-8 (byte 0xe9); save the file as UTF-8"},
		{"UTF-16 without BOM", fstest.MapFS{"s.yaml": {Data: []byte("n\x00a\x00m\x00e\x00")}},
			ErrSyntax, "s.yaml", 1, 2, "NUL byte: the file looks like UTF-16 without a byte order mark; save it as UTF-8"},
		{"tab indentation", fstest.MapFS{"s.yaml": {Data: []byte(head + "workforce:\n\tunits: []\n")}},
			ErrSyntax, "s.yaml", 4, 1, "found character that cannot start any token"},
		{"undefined anchor", fstest.MapFS{"s.yaml": {Data: []byte(head + "workforce: *none\n")}},
			ErrSyntax, "s.yaml", 3, 12, "unknown anchor 'none' referenced"},
		{"zero date", fstest.MapFS{"s.yaml": {Data: []byte("name: x\nplan_date: 0001-01-01\nworkforce: {}\n")}},
			ErrInvalidDate, "s.yaml", 2, 12, `plan_date: "0001-01-01" is before 1900, the earliest date read`},
		{"integer past 2³¹", fstest.MapFS{"s.yaml": {Data: []byte(head + "workforce: {}\nconstraints: {max_moves: 2147483648}\n")}},
			ErrInvalidValue, "s.yaml", 4, 26, `constraints.max_moves: "2147483648" is out of range (integers are at most 2147483647)`},
		{"long value clipped", fstest.MapFS{"s.yaml": {Data: []byte("name: x\nplan_date: \"" + strings.Repeat("9", 1<<20) + "\"\nworkforce: {}\n")}},
			ErrInvalidDate, "s.yaml", 2, 12, `plan_date: "9999999999999999999999999999999999999999"… is not a date written yyyy-mm-dd`},
		{"Latin-1 in a CSV cell", roster("id,name,kind,area\nU1,Dinas Pendidikan \xe9,dinas,urban\n"),
			ErrSyntax, "units.csv", 2, 21, "invalid UTF-8 (byte 0xe9); save the file as UTF-8"},
		{"zero date in a CSV cell", fstest.MapFS{
			"s.yaml":        {Data: []byte(head + "workforce:\n  employees_csv: employees.csv\n")},
			"employees.csv": {Data: []byte("nip,name,birth_date,status,education\n199001012015032001,Siti,0001-01-01,PPPK,S1\n")}},
			ErrInvalidDate, "employees.csv", 2, 25, `workforce.employees[0].birth_date: "0001-01-01" is before 1900, the earliest date read`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, _, err := Load(tt.fsys, "s.yaml")
			require.ErrorIs(t, err, tt.want)
			var pe *ParseError
			require.ErrorAs(t, err, &pe, "%v", err)
			assert.Equal(t, []any{tt.file, tt.line, tt.col}, []any{pe.File, pe.Line, pe.Column}, "%v", err)
			assert.Equal(t, tt.msg, pe.Err.Error())
			assert.Less(t, len(err.Error()), 300, "bounded message")
		})
	}
}
