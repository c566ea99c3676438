package benchmarks

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"
)

// FuzzReadMatrix feeds small inputs to every format: no panic, and every
// error is a *ParseError or ErrFormat, and a result is well formed.
func FuzzReadMatrix(f *testing.F) {
	for _, s := range []string{
		"2 3\n1 2 3\n4 5 inf\n", "3\n1 2 3 4\n5 6 7 8 9\n", "3\n1 1 5\n3 2 7\n1 3 6\n",
		"1,2\r\n3,inf\r\n", "\ufeff1,2\n", "0 0\n", "2 2\n1 2\n3\n", "3\n1 1 5\n1 1 6\n",
		"1 1\n0.12345678901234566\n", "2\n1 2 1e-05\n",
	} {
		for fm := range 5 {
			f.Add(s, uint8(fm))
		}
	}
	f.Fuzz(func(t *testing.T, in string, fm uint8) {
		if len(in) > 1<<12 {
			return
		}
		format := MatrixFormat(fm % 5)
		m, err := ReadMatrix(strings.NewReader(in), "fuzz.txt", format)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) && !errors.Is(err, ErrFormat) {
				t.Fatalf("error %v is neither a *ParseError nor ErrFormat", err)
			}
			return
		}
		if (m.Dense == nil) == (m.Sparse == nil) {
			t.Fatal("want exactly one of Dense and Sparse")
		}
		if m.Format == FormatAuto || (format != FormatAuto && m.Format != format) {
			t.Fatalf("format %v read as %v", format, m.Format)
		}
		if sp := m.Sparse; sp != nil {
			if len(sp.Start) != sp.Rows+1 || sp.Start[sp.Rows] != len(sp.Col) || len(sp.Col) != len(sp.Cost) {
				t.Fatalf("malformed CSR %+v", sp)
			}
			for i := 0; i < sp.Rows; i++ {
				for k := sp.Start[i]; k < sp.Start[i+1]; k++ {
					if sp.Col[k] < 0 || sp.Col[k] >= sp.Cols || k > sp.Start[i] && sp.Col[k-1] >= sp.Col[k] {
						t.Fatalf("row %d: columns not strictly ascending in range: %v", i, sp.Col[sp.Start[i]:sp.Start[i+1]])
					}
				}
			}
		}
	})
}

// FuzzParseNumber checks the hand-written number parser against
// strconv.ParseFloat, bit for bit, on arbitrary tokens.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"0", "-0.5", "1e-05", "0.12345678901234566", "9007199254740993",
		"4503599627370496.5", "1.7976931348623157e308", "inf", "nan", "1e", "12345678901234567890"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 64 {
			return
		}
		want, err := strconv.ParseFloat(s, 64)
		got, ok := parseNumber([]byte(s))
		if err != nil {
			if ok {
				t.Fatalf("%q: parsed as %v, strconv says %v", s, got, err)
			}
			return
		}
		if !ok {
			t.Fatalf("%q: rejected, strconv reads %v", s, want)
		}
		if math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
			t.Fatalf("%q: got %v (%#x), want %v (%#x)", s, got, math.Float64bits(got), want, math.Float64bits(want))
		}
	})
}
