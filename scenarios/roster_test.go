package scenarios

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

func d(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }

func TestReadRosterDialects(t *testing.T) {
	t.Parallel()
	pot := 72.5
	want := []Employee{{
		NIP: "199001012015032001", Name: "Siti Aminah, S.Kep", BirthDate: d(1990, 1, 1), Status: "PNS",
		Grade: "III/a", Education: "S1", Field: "keperawatan", Potential: &pot,
		Competence:     map[string]int{"integrity": 3, "technical:keperawatan": 4},
		Certifications: []Certification{{Kind: "str", Until: d(2030, 1, 1)}, {Kind: "pkp"}},
		Ratings:        []Rating{{2023, "baik"}, {2024, "sangat_baik"}},
		Wishes:         []string{"PKM-MB", "RSUD"},
	}}
	tests := []struct {
		name string
		data string
	}{
		{"comma LF", "nip,name,birth_date,status,grade,education,field,potential,competence,certifications,ratings,wishes\n" +
			`199001012015032001,"Siti Aminah, S.Kep",1990-01-01,PNS,III/a,S1,keperawatan,72.5,integrity=3|technical:keperawatan=4,str=2030-01-01|pkp,2023=baik|2024=sangat_baik,PKM-MB|RSUD` + "\n"},
		{"spreadsheet: BOM, semicolon, decimal comma, CRLF", "\uFEFFNIP;Name;Birth_Date;Status;Grade;Education;Field;Potential;Competence;Certifications;Ratings;Wishes\r\n" +
			"199001012015032001;Siti Aminah, S.Kep;1990-01-01;PNS;III/a;S1;keperawatan;72,5;integrity=3 | technical:keperawatan=4;str=2030-01-01|pkp;2023=baik|2024=sangat_baik;PKM-MB|RSUD\r\n"},
		{"semicolon with decimal point and blank line", "nip;name;birth_date;status;grade;education;field;potential;competence;certifications;ratings;wishes\n\n" +
			" 199001012015032001 ;Siti Aminah, S.Kep;1990-01-01;PNS;III/a;S1;keperawatan;72.5;integrity=3|technical:keperawatan=4;str=2030-01-01|pkp;2023=baik|2024=sangat_baik;PKM-MB|RSUD\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := ReadRoster[Employee](strings.NewReader(tt.data), "employees.csv")
			require.NoError(t, err)
			assert.Equal(t, want, got)
		})
	}
}

func TestReadRosterErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		data      string
		want      error
		line, col int
		count     int
	}{
		{"empty file", "", ErrMissingField, 1, 1, 1},
		{"missing required column", "id,name,kind\nU,Unit,dinas\n", ErrMissingField, 1, 1, 1},
		{"unknown column", "id,name,kind,area,luas\nU,Unit,dinas,urban,10\n", ErrUnknownField, 1, 19, 1},
		{"duplicate column", "id,name,kind,area,Name\nU,Unit,dinas,urban,X\n", ErrDuplicateKey, 1, 19, 1},
		{"ragged rows", "id;name;kind;area\r\nU1;Unit;dinas;urban\r\nU2;Unit;dinas\r\nU3;Unit;dinas;urban;extra\r\n", ErrRaggedRow, 3, 1, 2},
		{"empty required cell", "id,name,kind,area\nU1,,dinas,urban\n", ErrMissingField, 2, 4, 1},
		{"bad integer", "id,name,kind,area,class_groups\nU1,Unit,school_sd,urban,enam\n", ErrInvalidValue, 2, 25, 1},
		{"bad bool", "id,name,kind,area,inpatient\nU1,Unit,puskesmas,urban,ya\n", ErrWrongType, 2, 25, 1},
		{"bare quote", "id,name,kind,area\nU1,Un\"it,dinas,urban\n", ErrSyntax, 2, 6, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := ReadRoster[Unit](strings.NewReader(tt.data), "units.csv")
			require.ErrorIs(t, err, tt.want)
			first := err
			var list *ErrorList
			if errors.As(err, &list) {
				require.Len(t, list.Errs, tt.count)
				first = list.Errs[0]
			} else {
				require.Equal(t, 1, tt.count, "%v", err)
			}
			var pe *ParseError
			require.ErrorAs(t, first, &pe)
			assert.Equal(t, "units.csv", pe.File)
			assert.Equal(t, [2]int{tt.line, tt.col}, [2]int{pe.Line, pe.Column}, "%v", first)
		})
	}
}

func TestReadRosterBadDate(t *testing.T) {
	t.Parallel()
	data := "nip,name,birth_date,status,education\n199001012015032001,Siti,01/01/1990,PNS,S1\n"
	_, err := ReadRoster[Employee](strings.NewReader(data), "e.csv")
	require.ErrorIs(t, err, ErrInvalidDate)
	assert.Equal(t, `e.csv:2:25: birth_date: "01/01/1990" is not a date written yyyy-mm-dd`, err.Error())
}

func TestWriteRosterRoundTrip(t *testing.T) {
	t.Parallel()
	s, _, err := Load(DefaultExample(), "scenario.yaml")
	require.NoError(t, err)
	for _, dl := range []Dialect{{}, SpreadsheetDialect(), {Semicolon: true}, {CRLF: true}} {
		var b bytes.Buffer
		require.NoError(t, WriteRoster(&b, s.Workforce.Employees, dl))
		if dl.BOM {
			assert.True(t, strings.HasPrefix(b.String(), bom))
		}
		if dl.CRLF {
			assert.Contains(t, b.String(), "\r\n")
		}
		got, err := ReadRoster[Employee](&b, "employees.csv")
		require.NoError(t, err)
		assert.Equal(t, s.Workforce.Employees, got)

		b.Reset()
		require.NoError(t, WriteRoster(&b, s.Workforce.Positions, dl))
		gotP, err := ReadRoster[Position](&b, "positions.csv")
		require.NoError(t, err)
		assert.Equal(t, s.Workforce.Positions, gotP)

		b.Reset()
		require.NoError(t, WriteRoster(&b, s.Workforce.Units, dl))
		gotU, err := ReadRoster[Unit](&b, "units.csv")
		require.NoError(t, err)
		assert.Equal(t, s.Workforce.Units, gotU)
	}
}

func TestWriteRosterNotRepresentable(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		e    Employee
	}{
		{"pipe in a list item", Employee{Wishes: []string{"A|B"}}},
		{"surrounding spaces", Employee{Name: " Siti"}},
		{"lock reason", Employee{Locks: []Lock{{Kind: "other", Reason: "why"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := WriteRoster(&bytes.Buffer{}, []Employee{tt.e}, Dialect{})
			require.ErrorIs(t, err, ErrNotRepresentable)
			var ve *ValidationError
			require.ErrorAs(t, err, &ve)
		})
	}
}

func TestWriteRosterColumns(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	require.NoError(t, WriteRoster(&b, []Unit{{ID: "U", Name: "Unit", Kind: "dinas", Area: "urban"}}, Dialect{}))
	assert.Equal(t, "id,name,kind,area\nU,Unit,dinas,urban\n", b.String(), "required columns and those with a value")
}

// TestFastRowCounts checks the counts a row decoded straight into its
// value keeps for its nodes: the Content length that the decoding budget
// counts and the decode calls the nodes take.
func TestFastRowCounts(t *testing.T) {
	t.Parallel()
	type roster struct {
		file string
		typ  reflect.Type
	}
	for _, r := range []roster{
		{"testdata/valid/units.csv", reflect.TypeFor[Unit]()},
		{"testdata/valid/positions.csv", reflect.TypeFor[Position]()},
		{"testdata/valid/employees.csv", reflect.TypeFor[Employee]()},
		{"testdata/valid/intake.csv", reflect.TypeFor[Employee]()},
		{"example/units.csv", reflect.TypeFor[Unit]()},
		{"example/positions.csv", reflect.TypeFor[Position]()},
		{"example/employees.csv", reflect.TypeFor[Employee]()},
	} {
		data, err := os.ReadFile(r.file)
		require.NoError(t, err)
		l := &loader{fileOf: map[*yaml.Node]string{}, rows: map[*yaml.Node]*csvRow{}}
		rows, errs := rosterNodes(data, r.file, r.typ, l.rows)
		require.Empty(t, errs)
		require.NotEmpty(t, rows)
		for i, n := range rows {
			cr := l.rows[n]
			require.NotNil(t, cr, "%s row %d", r.file, i)
			l.materialize(n)
			assert.Equal(t, cr.content, len(n.Content), "%s row %d", r.file, i)
			d := decoder{l: l, required: true, budget: nodeBudget, file: r.file}
			v := reflect.New(r.typ).Elem()
			d.decode(n, v)
			require.Empty(t, l.errs)
			assert.Equal(t, cr.visits, nodeBudget-d.budget, "%s row %d", r.file, i)
			assert.Equal(t, cr.value.Interface(), v.Interface())
		}
	}
}
