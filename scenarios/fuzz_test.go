package scenarios

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// maxFuzzInput caps fuzz inputs; larger ones are skipped.
const maxFuzzInput = 64 << 10

// checkErrorTypes fails unless every error in err is a *ParseError or a
// *ValidationError.
func checkErrorTypes(t *testing.T, err error) {
	t.Helper()
	errs := []error{err}
	var list *ErrorList
	if errors.As(err, &list) {
		require.NotEmpty(t, list.Errs)
		errs = list.Errs
	}
	for _, e := range errs {
		var pe *ParseError
		var ve *ValidationError
		if !errors.As(e, &pe) && !errors.As(e, &ve) {
			t.Fatalf("error %T is neither *ParseError nor *ValidationError: %v", e, e)
		}
	}
}

func addFiles(f *testing.F, patterns ...string) {
	for _, p := range patterns {
		names, err := filepath.Glob(p)
		require.NoError(f, err)
		for _, n := range names {
			data, err := os.ReadFile(n)
			require.NoError(f, err)
			if len(data) <= maxFuzzInput {
				f.Add(data)
			}
		}
	}
}

// FuzzParse: Parse never panics, fails only with *ParseError or
// *ValidationError values, and a parsed scenario marshals and parses back
// to an equal value.
func FuzzParse(f *testing.F) {
	addFiles(f, "testdata/valid/*.yaml", "testdata/invalid/*.yaml", "example/*.yaml")
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzInput {
			t.Skip()
		}
		s, err := Parse(bytes.NewReader(data), "fuzz.yaml")
		if err != nil {
			checkErrorTypes(t, err)
			return
		}
		out, err := Marshal(s)
		require.NoError(t, err)
		s2, err := Parse(bytes.NewReader(out), "marshalled.yaml")
		require.NoError(t, err, "marshalled:\n%s", out)
		require.Equal(t, s, s2, "marshalled:\n%s", out)
	})
}

// FuzzRosterCSV: ReadRoster never panics, fails only with *ParseError or
// *ValidationError values, and what it reads writes and reads back equal
// in both the default and the spreadsheet dialect.
func FuzzRosterCSV(f *testing.F) {
	addFiles(f, "testdata/valid/*.csv", "testdata/invalid/*.csv")
	f.Add([]byte("\uFEFFnip;name;birth_date;status;education;potential;competence\r\n199001012015032001;Siti;1990-01-01;PNS;S1;72,5;integrity=3|technical:x=4\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzInput {
			t.Skip()
		}
		es, err := ReadRoster[Employee](bytes.NewReader(data), "fuzz.csv")
		if err != nil {
			checkErrorTypes(t, err)
			return
		}
		for _, dl := range []Dialect{{}, SpreadsheetDialect()} {
			var b bytes.Buffer
			require.NoError(t, WriteRoster(&b, es, dl))
			got, err := ReadRoster[Employee](bytes.NewReader(b.Bytes()), "written.csv")
			require.NoError(t, err, "written:\n%s", b.Bytes())
			require.Equal(t, es, got, "written:\n%s", b.Bytes())
		}
	})
}
