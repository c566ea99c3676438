package scenarios

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadValid(t *testing.T) {
	t.Parallel()
	names, err := filepath.Glob("testdata/valid/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, names)
	for _, name := range names {
		t.Run(filepath.Base(name), func(t *testing.T) {
			t.Parallel()
			s, files, err := Load(os.DirFS("testdata/valid"), filepath.Base(name))
			require.NoError(t, err)
			require.NotNil(t, s)
			require.NotEmpty(t, files)
			assert.Equal(t, filepath.Base(name), files[0].Path)
			assert.Empty(t, s.Extends)
			assert.Empty(t, s.Changes)
			assert.Empty(t, s.Workforce.EmployeesCSV)
		})
	}
}

func TestLoadInvalid(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file    string // loaded from testdata/invalid
		want    error  // sentinel of the first error
		errFile string // file named by the first error
		line    int
		col     int
		field   string // ValidationError field, if any
	}{
		{"unknown-field.yaml", ErrUnknownField, "unknown-field.yaml", 2, 1, ""},
		{"unknown-nested-field.yaml", ErrUnknownField, "unknown-nested-field.yaml", 4, 3, ""},
		{"wrong-type.yaml", ErrWrongType, "wrong-type.yaml", 4, 41, ""},
		{"wrong-kind.yaml", ErrWrongType, "wrong-kind.yaml", 3, 14, ""},
		{"duplicate-key.yaml", ErrDuplicateKey, "duplicate-key.yaml", 3, 1, ""},
		{"two-documents.yaml", ErrMultipleDocuments, "two-documents.yaml", 3, 1, ""},
		{"empty.yaml", ErrEmptyDocument, "empty.yaml", 1, 1, ""},
		// yaml.v3 reports parser errors at the 0-based line of their
		// context (the '[' on line 2) and without a column.
		{"syntax.yaml", ErrSyntax, "syntax.yaml", 1, 0, ""},
		{"bad-date.yaml", ErrInvalidDate, "bad-date.yaml", 2, 12, ""},
		{"cycle-a.yaml", ErrExtendsCycle, "cycle-b.yaml", 2, 10, ""},
		{"cycle-b.yaml", ErrExtendsCycle, "cycle-a.yaml", 1, 10, ""},
		{"missing-extends.yaml", ErrInclude, "missing-extends.yaml", 1, 10, ""},
		{"ragged-csv.yaml", ErrRaggedRow, "ragged.csv", 3, 1, ""},
		{"unknown-column.yaml", ErrUnknownField, "unknown-column.csv", 1, 38, ""},
		{"multi.yaml", ErrUnknownField, "multi.yaml", 2, 1, ""},
		{"duplicate-unit.yaml", ErrDuplicateID, "duplicate-unit.yaml", 5, 12, "workforce.units[3].id"},
		{"unknown-unit.yaml", ErrUnknownUnit, "unknown-unit.yaml", 4, 32, "workforce.positions[1].unit"},
		{"unknown-position.yaml", ErrUnknownPosition, "unknown-position.yaml", 4, 45, "workforce.employees[0].position"},
		{"unknown-employee.yaml", ErrUnknownEmployee, "unknown-employee.yaml", 5, 18, "constraints.pinned[1].employee"},
		{"unit-floor-unknown-unit.yaml", ErrUnknownUnit, "unit-floor-unknown-unit.yaml", 6, 14, "constraints.unit_floors[2].unit"},
		{"bad-nip.yaml", ErrInvalidNIP, "bad-nip.yaml", 4, 13, "workforce.employees[1].nip"},
		{"bad-enum.yaml", ErrInvalidValue, "bad-enum.yaml", 4, 42, "workforce.employees[0].grade"},
		{"missing-name.yaml", ErrMissingField, "missing-name.yaml", 1, 1, ""},
		{"change-two-ops.yaml", ErrChange, "change-two-ops.yaml", 3, 5, "changes[0]"},
		{"change-unknown-position.yaml", ErrUnknownPosition, "change-unknown-position.yaml", 3, 45, "changes[0].remove_positions[1]"},
	}
	covered := map[string]bool{"base.yaml": true}
	for _, tt := range tests {
		covered[tt.file] = true
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			s, files, err := Load(os.DirFS("testdata/invalid"), tt.file)
			require.Error(t, err)
			assert.Nil(t, s)
			assert.Nil(t, files)
			require.ErrorIs(t, err, tt.want)
			first := err
			var list *ErrorList
			if errors.As(err, &list) {
				first = list.Errs[0]
			}
			require.ErrorIs(t, first, tt.want, "first error: %v", first)
			file, line, col := errPos(first)
			assert.Equal(t, fmt.Sprintf("%s:%d:%d", tt.errFile, tt.line, tt.col), fmt.Sprintf("%s:%d:%d", file, line, col), "error: %v", first)
			var ve *ValidationError
			if tt.field != "" {
				require.ErrorAs(t, first, &ve)
				assert.Equal(t, tt.field, ve.Field)
			} else {
				var pe *ParseError
				if !errors.As(first, &pe) {
					require.ErrorAs(t, first, &ve)
				}
			}
			// The message starts with the position.
			prefix := fmt.Sprintf("%s:%d:", tt.errFile, tt.line)
			assert.True(t, strings.HasPrefix(first.Error(), prefix), "%q lacks prefix %q", first.Error(), prefix)
		})
	}
	// Every fixture has a row.
	names, err := filepath.Glob("testdata/invalid/*.yaml")
	require.NoError(t, err)
	for _, n := range names {
		assert.True(t, covered[filepath.Base(n)], "testdata/invalid/%s has no table row", filepath.Base(n))
	}
}

func TestLoadReportsAllErrors(t *testing.T) {
	t.Parallel()
	_, _, err := Load(os.DirFS("testdata/invalid"), "multi.yaml")
	var list *ErrorList
	require.ErrorAs(t, err, &list)
	require.Len(t, list.Errs, 3)
	assert.Equal(t, `multi.yaml:2:1: unknown field "nmae" (did you mean "name"?)
multi.yaml:4:21: rules.tenure_min_years: expected an integer, got "two"
multi.yaml:7:3: unknown field "rotaton" in constraints (did you mean "rotation"?)`, err.Error())
	assert.ErrorIs(t, err, ErrWrongType)
	assert.ErrorIs(t, err, ErrUnknownField)
}

func TestLoadCapsErrorMessage(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("name: many\nplan_date: 2025-12-01\nworkforce:\n  positions:\n")
	for i := range 25 {
		fmt.Fprintf(&b, "    - {id: P%d, unit: NOWHERE, name: P, kind: pelaksana, needed: 1}\n", i)
	}
	_, err := Parse(strings.NewReader(b.String()), "many.yaml")
	var list *ErrorList
	require.ErrorAs(t, err, &list)
	require.Len(t, list.Errs, 25)
	lines := strings.Split(err.Error(), "\n")
	require.Len(t, lines, maxListed+1)
	assert.Equal(t, "and 5 more", lines[maxListed])
	assert.Equal(t, `many.yaml:5:22: workforce.positions[0].unit: unknown unit "NOWHERE"`, lines[0])
	for _, e := range list.Errs {
		var ve *ValidationError
		require.ErrorAs(t, e, &ve)
		assert.ErrorIs(t, e, ErrUnknownUnit)
		assert.Equal(t, "many.yaml", ve.File)
		assert.Positive(t, ve.Line)
	}
}

func TestLoadMerge(t *testing.T) {
	t.Parallel()
	s, files, err := Load(os.DirFS("testdata/valid"), "whatif.yaml")
	require.NoError(t, err)
	assert.Equal(t, "small-whatif", s.Name)
	assert.Equal(t, time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC), s.PlanDate) // from base

	var paths []string
	for _, f := range files {
		paths = append(paths, f.Path)
		assert.Len(t, f.SHA256, 64)
	}
	assert.Equal(t, []string{"whatif.yaml", "base.yaml", "intake.csv"}, paths)

	pos := map[positionID]Position{}
	for _, p := range s.Workforce.Positions {
		pos[p.ID] = p
	}
	assert.Equal(t, 1, pos["PKM-MB-PERAWAT"].Needed, "merged by id")
	assert.Equal(t, "Perawat Terampil", pos["PKM-MB-PERAWAT"].Name, "unset keys keep the base value")
	assert.Equal(t, 4, pos["PKM-PELEPAT-PERAWAT"].Needed, "set_needed")
	assert.Contains(t, pos, positionID("PKM-PELEPAT-BIDAN"), "add_positions")
	assert.NotContains(t, pos, positionID("DINKES-KEPALA"), "remove_positions")

	emp := map[employeeID]Employee{}
	for _, e := range s.Workforce.Employees {
		emp[e.NIP] = e
	}
	assert.Equal(t, "kesehatan_masyarakat", emp["199203152016031002"].Field)
	assert.NotContains(t, emp, employeeID("199511202020122003"), "remove_employees")
	assert.Contains(t, emp, employeeID("200001012025212001"), "add_employees_csv")
	assert.InDelta(t, 66.5, *emp["200001012025212001"].Potential, 1e-12, "decimal comma")
	assert.Equal(t, "PPPK", emp["200001012025212001"].Status)
	head := emp["197005051995031004"]
	assert.Empty(t, head.Position, "holder of a removed position is unplaced")
	assert.Empty(t, head.Unit)
	assert.True(t, head.PositionSince.IsZero())
	assert.Equal(t, unitID("PKM-MB"), emp["199001012015032001"].Unit, "unit filled from the position")

	assert.InDelta(t, 0.0, *s.Weights.Preference, 0)
	assert.InDelta(t, 0.25, *s.Weights.Education, 0)
	assert.Equal(t, 3, *s.Rules.TenureMinYears)
	assert.Equal(t, 6, *s.Rules.Election.FreezeMonths)
	assert.Equal(t, 10, *s.Constraints.MaxMoves)
	assert.Equal(t, "soft", s.Constraints.Rotation)
	assert.Equal(t, []UnitFloor{{Unit: "PKM-MB", Min: 1}}, s.Constraints.UnitFloors, "other lists replace")
	assert.Empty(t, s.Constraints.Pinned, "set to an empty list")
	assert.Len(t, s.Constraints.Conflicts, 1)
}

func TestLoadRosters(t *testing.T) {
	t.Parallel()
	s, _, err := Load(os.DirFS("testdata/valid"), "rosters.yaml")
	require.NoError(t, err)
	require.Len(t, s.Workforce.Units, 2)
	require.Len(t, s.Workforce.Positions, 1)
	require.Len(t, s.Workforce.Employees, 1)
	p := s.Workforce.Positions[0]
	assert.Equal(t, "Guru Kelas; Ahli Pertama", p.Name)
	assert.Equal(t, []string{"pgsd", "paud"}, p.Fields)
	assert.InDelta(t, 1.5, *p.Criticality, 0)
	assert.Equal(t, map[string]int{"integrity": 2, "technical:pedagogik": 3}, p.Standard)
	e := s.Workforce.Employees[0]
	assert.Equal(t, []Rating{{2023, "baik"}, {2024, "sangat baik"}}, e.Ratings)
	assert.Equal(t, []Lock{{Kind: "study_leave", Until: time.Date(2026, 8, 31, 0, 0, 0, 0, time.UTC)}}, e.Locks)
	assert.Equal(t, []Exception{{Rule: "min-tenure", Reason: "kebutuhan organisasi"}}, e.Exceptions)
	assert.Equal(t, unitID("SDN-120"), e.Unit)
}

// TestLoadFS checks that paths resolve relative to the naming file and stay
// inside the file system.
func TestLoadFS(t *testing.T) {
	t.Parallel()
	base := "name: b\nplan_date: 2025-12-01\nworkforce:\n  units_csv: ../rosters/units.csv\n"
	fsys := fstest.MapFS{
		"whatif/over.yaml":  {Data: []byte("extends: ../base/base.yaml\nname: over\n")},
		"base/base.yaml":    {Data: []byte(base)},
		"rosters/units.csv": {Data: []byte("id,name,kind,area\nU1,Unit 1,dinas,urban\n")},
		"escape.yaml":       {Data: []byte("extends: ../outside.yaml\n")},
		"absolute.yaml":     {Data: []byte("extends: /etc/passwd\n")},
	}
	s, files, err := Load(fsys, "whatif/over.yaml")
	require.NoError(t, err)
	assert.Equal(t, "over", s.Name)
	assert.Len(t, s.Workforce.Units, 1)
	assert.Equal(t, "rosters/units.csv", files[2].Path)

	for _, name := range []string{"escape.yaml", "absolute.yaml"} {
		_, _, err := Load(fsys, name)
		require.ErrorIs(t, err, ErrInclude, name)
	}
	_, _, err = Load(fsys, "missing.yaml")
	require.ErrorIs(t, err, ErrInclude)
	require.ErrorIs(t, err, fs.ErrNotExist)
}

func TestParseRejectsIncludes(t *testing.T) {
	t.Parallel()
	_, err := Parse(strings.NewReader("extends: base.yaml\n"), "x.yaml")
	require.ErrorIs(t, err, ErrInclude)
	var pe *ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "x.yaml", pe.File)
	assert.Equal(t, 1, pe.Line)
}

func TestLoadDuplicateInOneOverlayList(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"base.yaml": {Data: []byte("name: b\nplan_date: 2025-12-01\nworkforce:\n  units: [{id: U, name: U, kind: dinas, area: urban}]\n")},
		"over.yaml": {Data: []byte("extends: base.yaml\nworkforce:\n  units:\n    - {id: U, name: V}\n    - {id: U, name: W, kind: badan, area: rural}\n")},
	}
	_, _, err := Load(fsys, "over.yaml")
	require.ErrorIs(t, err, ErrDuplicateID)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "over.yaml", ve.File)
	assert.Equal(t, 5, ve.Line)
}

func TestAliasBomb(t *testing.T) {
	t.Parallel()
	// 2,000 changes each using a 2,000-NIP list: 4 million values from a
	// 100 kB file.
	var b strings.Builder
	b.WriteString("name: bomb\nplan_date: 2025-12-01\nworkforce: {}\n")
	b.WriteString("rules:\n  election:\n    minister_approval: &L [" + strings.TrimSuffix(strings.Repeat("\"199001012015032001\",", 2000), ",") + "]\n")
	b.WriteString("changes:\n")
	for range 2000 {
		b.WriteString("  - set_rules: {election: {minister_approval: *L}}\n")
	}
	_, err := Parse(strings.NewReader(b.String()), "bomb.yaml")
	require.ErrorIs(t, err, ErrTooComplex)
}

func TestMarshalRoundTrip(t *testing.T) {
	t.Parallel()
	for _, src := range []struct {
		fsys fs.FS
		name string
	}{{os.DirFS("testdata/valid"), "whatif.yaml"}, {DefaultExample(), "whatif-pppk-intake.yaml"}} {
		s, _, err := Load(src.fsys, src.name)
		require.NoError(t, err)
		data, err := Marshal(s)
		require.NoError(t, err)
		s2, err := Parse(strings.NewReader(string(data)), "marshalled.yaml")
		require.NoError(t, err)
		assert.Equal(t, s, s2, src.name)
	}
}

// TestDocExample checks that the complete example of doc.go loads.
func TestDocExample(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	_, after, ok := strings.Cut(string(src), "// # Example\n")
	require.True(t, ok)
	var b strings.Builder
	for _, line := range strings.Split(after, "\n") {
		if rest, ok := strings.CutPrefix(line, "//\t"); ok {
			b.WriteString(rest + "\n")
		}
	}
	s, err := Parse(strings.NewReader(b.String()), "doc.go example")
	require.NoError(t, err, "%s", b.String())
	assert.Equal(t, "pelepat-nurses", s.Name)
	assert.Len(t, s.Workforce.Employees, 2)
	assert.Equal(t, 3, s.Workforce.Positions[1].Needed)
}

// TestLoadErrorFileInChain checks that a value merged through a chain of
// three files is reported in the file that wrote it.
func TestLoadErrorFileInChain(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"base.yaml": {Data: []byte("name: b\nplan_date: 2025-12-01\nworkforce: {}\nrules:\n  election: {freeze_months: 6}\n")},
		"mid.yaml":  {Data: []byte("extends: base.yaml\nrules:\n  tenure_min_years: -1\n  election: {candidate_date: 2024-09-22}\n")},
		"leaf.yaml": {Data: []byte("extends: mid.yaml\nrules:\n  election:\n    freeze_scope: [bogus]\n")},
	}
	_, _, err := Load(fsys, "leaf.yaml")
	var list *ErrorList
	require.ErrorAs(t, err, &list)
	require.Len(t, list.Errs, 2)
	assert.Equal(t, `leaf.yaml:4:20: rules.election.freeze_scope[0]: a freeze scope must be one of jpt, administrator, pengawas, unit_head, not "bogus"`, list.Errs[0].Error())
	assert.Equal(t, `mid.yaml:3:21: rules.tenure_min_years: must be between 0 and 40, got -1`, list.Errs[1].Error())
}

func TestChangeWithTwoAddEmployeeForms(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"s.yaml":   {Data: []byte("name: s\nplan_date: 2025-12-01\nworkforce: {}\nchanges:\n  - add_employees: []\n    add_employees_csv: add.csv\n")},
		"add.csv":  {Data: []byte("nip,name,birth_date,status,education\n")},
		"ok.yaml":  {Data: []byte("name: s\nplan_date: 2025-12-01\nworkforce: {}\nchanges:\n  - add_employees_csv: add.csv\n")},
		"bad.yaml": {Data: []byte("name: s\nplan_date: 2025-12-01\nworkforce: {}\nchanges:\n  - add_employees_csv: [add.csv]\n")},
	}
	_, _, err := Load(fsys, "s.yaml")
	require.ErrorIs(t, err, ErrChange)
	_, _, err = Load(fsys, "ok.yaml")
	require.NoError(t, err)
	_, _, err = Load(fsys, "bad.yaml")
	require.ErrorIs(t, err, ErrWrongType)
}
