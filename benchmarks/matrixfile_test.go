package benchmarks

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"

	"github.com/mutasi-asn/mutasi/matching"
)

var inf = math.Inf(1)

// flat returns m row by row.
func flat(m *mat.Dense) []float64 {
	r, c := m.Dims()
	out := make([]float64, 0, r*c)
	for i := 0; i < r; i++ {
		out = append(out, mat.Row(nil, i, m)...)
	}
	return out
}

func TestReadMatrixFormats(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, file, in string
		f              MatrixFormat
		wantFormat     MatrixFormat
		rows, cols     int
		want           []float64 // dense, row-major
	}{
		{"lap", "m.txt", "2 3\n1 2 3\n4 5 inf\n", FormatAuto, FormatLap, 2, 3, []float64{1, 2, 3, 4, 5, inf}},
		{"lap python repr", "m.txt", "1 4\n0.12345678901234566 1e-05 -2.5 -inf\n", FormatAuto, FormatLap, 1, 4,
			[]float64{0.12345678901234566, 1e-05, -2.5, math.Inf(-1)}},
		{"lap no final newline, CRLF, blank line", "m.txt", "2 2\r\n1 2\r\n\r\n3 4", FormatAuto, FormatLap, 2, 2, []float64{1, 2, 3, 4}},
		{"lap tall", "m.txt", "3 1\n1\n2\n3\n", FormatAuto, FormatLap, 3, 1, []float64{1, 2, 3}},
		{"lap with BOM", "m.txt", "\ufeff1 1\n7\n", FormatAuto, FormatLap, 1, 1, []float64{7}},
		{"assign wrapped", "x.txt", " 3\n 1 2 3 4\n 5 6 7\n 8 9 \n", FormatAuto, FormatAssign, 3, 3, []float64{1, 2, 3, 4, 5, 6, 7, 8, 9}},
		{"assign by name, 3 per line", "assign3.txt", "3\n1 2 3\n4 5 6\n7 8 9\n", FormatAuto, FormatAssign, 3, 3, []float64{1, 2, 3, 4, 5, 6, 7, 8, 9}},
		{"assign wrapped, first line looks like a triple", "x.txt", " 4\n 1 2 3\n 4 5 6 7 8 9 10\n 11 12 13 14 15 16\n", FormatAuto, FormatAssign, 4, 4,
			[]float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}},
		{"assign 3x3 rows look like triples", "x.txt", "3\n1 2 3\n4 5 6\n7 8 9\n", FormatAuto, FormatAssign, 3, 3, []float64{1, 2, 3, 4, 5, 6, 7, 8, 9}},
		{"assign forced", "m.csv", "2 1 2 3 4", FormatAssign, FormatAssign, 2, 2, []float64{1, 2, 3, 4}},
		{"csv", "m.csv", "1,2,3\n4,5,inf\n", FormatAuto, FormatCSV, 2, 3, []float64{1, 2, 3, 4, 5, inf}},
		{"csv by comma, BOM, CRLF, spaces", "m.txt", "\ufeff1, 2\r\n 3 ,4\r\n", FormatAuto, FormatCSV, 2, 2, []float64{1, 2, 3, 4}},
		{"csv single column", "m.csv", "1\n2\n", FormatAuto, FormatCSV, 2, 1, []float64{1, 2}},
		{"csv forced", "m.txt", "5\n", FormatCSV, FormatCSV, 1, 1, []float64{5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m, err := ReadMatrix(strings.NewReader(tt.in), tt.file, tt.f)
			require.NoError(t, err)
			m1, err := ReadMatrix(iotest.OneByteReader(strings.NewReader(tt.in)), tt.file, tt.f)
			require.NoError(t, err)
			assert.Equal(t, m, m1, "one byte at a time")
			assert.Equal(t, tt.wantFormat, m.Format)
			assert.Equal(t, tt.rows, m.Rows)
			assert.Equal(t, tt.cols, m.Cols)
			require.NotNil(t, m.Dense)
			assert.Nil(t, m.Sparse)
			assert.Equal(t, tt.want, flat(m.Dense))
		})
	}
}

func TestReadMatrixSparse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, file, in string
		f              MatrixFormat
		want           matching.Sparse
	}{
		{"sorted", "x.txt", " 4 \n 1 1 5 \n 1 3 6\n 3 2 7\n", FormatAuto,
			matching.Sparse{Rows: 4, Cols: 4, Start: []int{0, 2, 2, 3, 3}, Col: []int{0, 2, 1}, Cost: []float64{5, 6, 7}}},
		{"unsorted rows and columns", "x.txt", "4\n3 2 7\n1 3 6\n1 1 5\n", FormatAuto,
			matching.Sparse{Rows: 4, Cols: 4, Start: []int{0, 2, 2, 3, 3}, Col: []int{0, 2, 1}, Cost: []float64{5, 6, 7}}},
		{"by name", "assignp2.txt", "2\n2 2 1.5\n", FormatAuto,
			matching.Sparse{Rows: 2, Cols: 2, Start: []int{0, 0, 1}, Col: []int{1}, Cost: []float64{1.5}}},
		{"inf dropped", "x.txt", "2\n1 1 inf\n1 2 3\n2 1 inf\n", FormatAuto,
			matching.Sparse{Rows: 2, Cols: 2, Start: []int{0, 1, 1}, Col: []int{1}, Cost: []float64{3}}},
		{"forced 3x3", "x.txt", "3\n1 2 3\n", FormatAssignP,
			matching.Sparse{Rows: 3, Cols: 3, Start: []int{0, 1, 1, 1}, Col: []int{1}, Cost: []float64{3}}},
		{"no pairs", "x.txt", "2\n", FormatAssignP,
			matching.Sparse{Rows: 2, Cols: 2, Start: []int{0, 0, 0}, Col: []int{}, Cost: []float64{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m, err := ReadMatrix(strings.NewReader(tt.in), tt.file, tt.f)
			require.NoError(t, err)
			m1, err := ReadMatrix(iotest.HalfReader(strings.NewReader(tt.in)), tt.file, tt.f)
			require.NoError(t, err)
			assert.Equal(t, m.Sparse, m1.Sparse, "half reads")
			assert.Equal(t, FormatAssignP, m.Format)
			assert.Nil(t, m.Dense)
			require.NotNil(t, m.Sparse)
			got := *m.Sparse
			if len(got.Col) == 0 {
				got.Col, got.Cost = []int{}, []float64{}
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestReadMatrixEmpty(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"0 0\n", "0 5\n", "2 0\n\n\n"} {
		m, err := ReadMatrix(strings.NewReader(in), "e.txt", FormatAuto)
		require.NoError(t, err, in)
		require.NotNil(t, m.Sparse, in)
		assert.Nil(t, m.Dense, in)
		assert.Equal(t, m.Rows+1, len(m.Sparse.Start), in)
	}
}

func TestReadMatrixErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, file, in string
		f              MatrixFormat
		wantErr        error
		line           int
		msg            string // the whole message, file:line[:col]: text
	}{
		{"empty", "m.txt", "", FormatAuto, ErrFormat, 1, "m.txt:1: empty file"},
		{"undetectable", "m.txt", "1 2 3\n", FormatAuto, ErrFormat, 1, ""},
		{"lap header word", "m.txt", "2 x\n", FormatLap, ErrHeader, 1, `m.txt:1:3: header: "x" is not a non-negative integer`},
		{"lap header short", "m.txt", "2\n1 2\n", FormatLap, ErrHeader, 1, ""},
		{"lap header long", "m.txt", "2 2 2\n", FormatLap, ErrHeader, 1, ""},
		{"lap ragged short", "m.txt", "2 3\n1 2 3\n4 5\n", FormatAuto, ErrRagged, 3, "m.txt:3: row 2 has 2 values, want 3"},
		{"lap ragged short last", "m.txt", "2 3\n1 2 3\n4 5", FormatAuto, ErrRagged, 3, ""},
		{"lap ragged long", "m.txt", "2 2\n1 2 3\n4 5\n", FormatAuto, ErrRagged, 2, "m.txt:2:5: row 1 has more than 2 values"},
		{"lap word", "m.txt", "2 2\n1 2\n4 abc\n", FormatAuto, ErrNumber, 3, `m.txt:3:3: "abc" is not a number`},
		{"lap nan", "m.txt", "2 2\n1 2\nnan 4\n", FormatAuto, ErrNaN, 3, "m.txt:3:1: NaN is not a valid cost"},
		{"lap NaN", "m.txt", "1 1\nNaN\n", FormatAuto, ErrNaN, 2, ""},
		{"lap overflow", "m.txt", "1 1\n1e999\n", FormatAuto, ErrNumber, 2, ""},
		{"lap too few rows", "m.txt", "3 2\n1 2\n3 4\n", FormatAuto, ErrCount, 3, "m.txt:3: the file ends after 2 rows, want 3"},
		{"lap too many rows", "m.txt", "1 2\n1 2\n3 4\n", FormatAuto, ErrCount, 3, "m.txt:3:1: more rows than the 1 the header promises"},
		{"lap comma", "m.txt", "1 2\n1,2\n", FormatLap, ErrNumber, 2, ""},
		{"lap huge header", "m.txt", "4000000000 4000000000\n", FormatAuto, ErrHeader, 1, ""},
		{"lap huge empty", "m.txt", "4000000000 0\n", FormatAuto, ErrHeader, 1, ""},
		{"assign short", "assign3.txt", "3\n1 2 3\n4 5 6\n7 8\n", FormatAuto, ErrCount, 4, "assign3.txt:4: the file ends after 8 costs, want 3×3 = 9"},
		{"assign long", "assign2.txt", "2\n1 2 3 4\n5\n", FormatAuto, ErrCount, 3, ""},
		{"assign word", "assign2.txt", "2\n1 2\n3 x4\n", FormatAuto, ErrNumber, 3, ""},
		{"assign bad n", "assign2.txt", "-2\n", FormatAssign, ErrHeader, 1, ""},
		{"assignp index high", "assignp3.txt", "3\n1 1 5\n1 4 5\n", FormatAuto, ErrIndex, 3, "assignp3.txt:3:3: column index j = 4 is out of range 1..3"},
		{"assignp index zero", "assignp3.txt", "3\n0 1 5\n", FormatAuto, ErrIndex, 2, ""},
		{"assignp duplicate sorted", "assignp3.txt", "3\n1 1 5\n1 1 6\n", FormatAuto, ErrDuplicate, 3, "assignp3.txt:3: pair (1, 1) is listed twice, first on line 2"},
		{"assignp duplicate unsorted", "assignp3.txt", "3\n2 2 5\n1 3 1\n2 1 1\n2 2 6\n", FormatAuto, ErrDuplicate, 5, "assignp3.txt:5: pair (2, 2) is listed twice, first on line 2"},
		{"assignp short triple", "assignp3.txt", "3\n1 1\n2 2 2\n", FormatAuto, ErrCount, 2, ""},
		{"assignp short triple at end", "assignp3.txt", "3\n1 1", FormatAuto, ErrCount, 2, ""},
		{"assignp long triple", "assignp3.txt", "3\n1 1 1 2\n", FormatAuto, ErrCount, 2, ""},
		{"assignp word index", "assignp3.txt", "3\n1 a 1\n", FormatAuto, ErrNumber, 2, ""},
		{"assignp nan", "assignp3.txt", "3\n1 1 nan\n", FormatAuto, ErrNaN, 2, ""},
		{"assignp huge n", "assignp.txt", "99999999\n1 1 1\n", FormatAuto, ErrHeader, 1, ""},
		{"csv ragged", "m.csv", "1,2\n3,4,5\n", FormatAuto, ErrRagged, 2, "m.csv:2: row 2 has 3 values, want 2 like row 1"},
		{"csv empty field", "m.csv", "1,,2\n", FormatAuto, ErrNumber, 1, "m.csv:1:3: empty field where a number should be"},
		{"csv trailing comma", "m.csv", "1,2,\n", FormatAuto, ErrNumber, 1, ""},
		{"csv header", "m.csv", "a,b\n1,2\n", FormatAuto, ErrNumber, 1, `m.csv:1:1: "a" is not a number (a CSV matrix file has no header row)`},
		{"csv word", "m.csv", "1,2\n3,four\n", FormatAuto, ErrNumber, 2, `m.csv:2:3: "four" is not a number`},
		{"csv space inside", "m.csv", "1 2,3\n", FormatAuto, ErrNumber, 1, ""},
		{"csv nan", "m.csv", "1,2\r\n3,NaN\r\n", FormatAuto, ErrNaN, 2, ""},
		{"csv empty", "m.csv", "\n\n", FormatAuto, ErrCount, 3, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := ReadMatrix(strings.NewReader(tt.in), tt.file, tt.f)
			require.Error(t, err)
			// The same error when the input arrives a byte at a time.
			_, err1 := ReadMatrix(iotest.OneByteReader(strings.NewReader(tt.in)), tt.file, tt.f)
			require.Error(t, err1)
			assert.Equal(t, err.Error(), err1.Error(), "one byte at a time")
			assert.ErrorIs(t, err, tt.wantErr)
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, tt.file, pe.File)
			assert.Equal(t, tt.line, pe.Line, "line: %v", err)
			if tt.msg != "" {
				assert.Equal(t, tt.msg, err.Error())
			}
		})
	}
}

func TestReadMatrixReadError(t *testing.T) {
	t.Parallel()
	boom := errors.New("boom")
	r := io.MultiReader(strings.NewReader("2 2\n1 2\n"), iotest.ErrReader(boom))
	_, err := ReadMatrix(r, "m.txt", FormatAuto)
	assert.ErrorIs(t, err, boom)
}

func TestParseMatrixFormat(t *testing.T) {
	t.Parallel()
	for i, n := range MatrixFormatNames() {
		f, err := ParseMatrixFormat(n)
		require.NoError(t, err)
		assert.Equal(t, MatrixFormat(i), f)
		assert.Equal(t, n, f.String())
	}
	_, err := ParseMatrixFormat("xls")
	assert.ErrorIs(t, err, ErrFormat)
}

// TestReadMatrixSmallReads drives the scanner through one-byte reads and a
// token longer than the buffer, so every refill path runs.
func TestReadMatrixSmallReads(t *testing.T) {
	t.Parallel()
	in := "2 3\n0.12345678901234566 1e-05 inf\n-3 4.5 6\n"
	m, err := ReadMatrix(iotest.OneByteReader(strings.NewReader(in)), "m.txt", FormatAuto)
	require.NoError(t, err)
	assert.Equal(t, []float64{0.12345678901234566, 1e-05, inf, -3, 4.5, 6}, flat(m.Dense))

	long := "1 1\n" + strings.Repeat("1", bufSize+10) + "\n"
	_, err = ReadMatrix(strings.NewReader(long), "m.txt", FormatAuto)
	assert.ErrorIs(t, err, ErrNumber)
}

// TestReadMatrixRoundTrip writes random matrices the way lap-ref does
// (shortest round-trip floats, like Python's repr) and in CSV, and reads them
// back bit for bit, through a reader of unknown size too.
func TestReadMatrixRoundTrip(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 50; trial++ {
		rows, cols := 1+rng.IntN(30), 1+rng.IntN(30)
		want := make([]float64, rows*cols)
		var lap, csv strings.Builder
		fmt.Fprintf(&lap, "%d %d\n", rows, cols)
		for k := range want {
			switch rng.IntN(5) {
			case 0:
				want[k] = float64(rng.IntN(1000))
			case 1:
				want[k] = inf
			case 2:
				want[k] = rng.NormFloat64() * math.Pow(10, float64(rng.IntN(40)-20))
			default:
				want[k] = rng.Float64()
			}
			sep := " "
			if k%cols == 0 {
				sep = ""
			}
			s := strconv.FormatFloat(want[k], 'g', -1, 64)
			if math.IsInf(want[k], 1) {
				s = "inf"
			}
			lap.WriteString(sep + s)
			csv.WriteString(strings.Replace(sep, " ", ",", 1) + s)
			if k%cols == cols-1 {
				lap.WriteString("\n")
				csv.WriteString("\r\n")
			}
		}
		m, err := ReadMatrix(strings.NewReader(lap.String()), "r.txt", FormatAuto)
		require.NoError(t, err)
		require.Equal(t, want, flat(m.Dense))
		m, err = ReadMatrix(io.MultiReader(strings.NewReader(csv.String())), "r.csv", FormatAuto)
		require.NoError(t, err)
		require.Equal(t, want, flat(m.Dense))
	}
}

func TestParseNumber(t *testing.T) {
	t.Parallel()
	good := []string{"0", "-0", "+1", "1.", ".5", "1e5", "1E+22", "1e-22", "123456789012345678",
		"12345678901234567890123", "0.12345678901234566", "1e-05", "9007199254740993", "4.9e-324",
		"1.7976931348623157e308", "0.000000000000000000000000001", "100000000000000000000000e-3",
		"inf", "-Inf", "+infinity", "0x1p-2", "1_0",
		// Exactly halfway between two float64 values (round to even):
		// (2^53+1+2r)/2^j and (2^53+1)·2^k.
		"4503599627370496.5", "4503599627370497.5", "4503599627370498.5", "2251799813685248.25", "2251799813685248.75", "2251799813685249.25", "1125899906842624.125", "1125899906842624.375", "1125899906842624.625", "18014398509481986", "36028797018963972", "72057594037927944", "144115188075855888", "288230376151711776"}
	for _, s := range good {
		want, werr := strconv.ParseFloat(s, 64)
		got, ok := parseNumber([]byte(s))
		if werr != nil {
			assert.False(t, ok, s)
			continue
		}
		assert.True(t, ok, s)
		assert.Equal(t, math.Float64bits(want), math.Float64bits(got), s)
	}
	for _, s := range []string{"", "-", ".", "e5", "1e", "1e+", "1..2", "1-2", "abc", "1,5", "1e999"} {
		_, ok := parseNumber([]byte(s))
		assert.False(t, ok, s)
	}
}

// TestReadORLibrary reads the OR-Library files of ../../shared/data (kept
// out of the repository: no licence is stated) and checks their shapes.
func TestReadORLibrary(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "..", "shared", "data", "orlib_assign")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("OR-Library files not found at %s: %v", dir, err)
	}
	tests := []struct {
		file   string
		n      int
		sparse bool
		pairs  int // triples in the file: its line count minus the header line
	}{
		{"assign100.txt", 100, false, 0}, {"assign800.txt", 800, false, 0},
		{"assignp800.txt", 800, true, 100058 - 1}, {"assignp5000.txt", 5000, true, 99970 - 1},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			m, err := ReadMatrixFile(os.DirFS(dir), tt.file, FormatAuto)
			require.NoError(t, err)
			assert.Equal(t, tt.n, m.Rows)
			assert.Equal(t, tt.n, m.Cols)
			if !tt.sparse {
				assert.Equal(t, FormatAssign, m.Format)
				for _, v := range flat(m.Dense) {
					require.True(t, v >= 1 && v <= 100, "costs are 1–100 (README), got %v", v)
				}
				return
			}
			assert.Equal(t, FormatAssignP, m.Format)
			sp := m.Sparse
			assert.Len(t, sp.Col, tt.pairs)
			for i := 0; i < sp.Rows; i++ {
				for k := sp.Start[i] + 1; k < sp.Start[i+1]; k++ {
					require.Less(t, sp.Col[k-1], sp.Col[k], "row %d", i)
				}
			}
		})
	}
	// The first costs of assign100.txt, from the file's second line.
	m, err := ReadMatrixFile(os.DirFS(dir), "assign100.txt", FormatAuto)
	require.NoError(t, err)
	assert.Equal(t, []float64{52, 89, 40}, mat.Row(nil, 0, m.Dense)[:3])
}

// TestParseNumberRandom compares parseNumber with strconv.ParseFloat bit for
// bit on random decimals of 1–21 digits with powers of ten around ±30, the
// range where the integer fast paths decide, and on Python-style shortest
// representations of random float64 values.
func TestParseNumberRandom(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(5, 6))
	n := 300_000 // about a second
	if testing.Short() {
		n = 30_000
	}
	var b []byte
	for k := 0; k < n; k++ {
		b = b[:0]
		switch k % 3 {
		case 0:
			b = strconv.AppendFloat(b, math.Float64frombits(rng.Uint64()>>1), 'g', -1, 64)
		case 1:
			b = strconv.AppendFloat(b, rng.Float64()*math.Pow(10, float64(rng.IntN(60)-30)), 'g', -1, 64)
		default:
			nd := 1 + rng.IntN(21)
			for d := 0; d < nd; d++ {
				b = append(b, byte('0'+rng.IntN(10)))
			}
			if p := rng.IntN(nd + 1); p < nd {
				b = append(b[:p], append([]byte{'.'}, b[p:]...)...)
			}
			b = strconv.AppendInt(append(b, 'e'), int64(rng.IntN(61)-30), 10)
		}
		want, err := strconv.ParseFloat(string(b), 64)
		got, ok := parseNumber(b)
		if err != nil {
			require.False(t, ok, "%s", b)
			continue
		}
		require.True(t, ok, "%s", b)
		require.Equal(t, math.Float64bits(want), math.Float64bits(got), "%s: want %v got %v", b, want, got)
	}
}

// matrixFile names a matrix file for BenchmarkReadMatrixFile.
var matrixFile = flag.String("matrixfile", "", "matrix `file` for BenchmarkReadMatrixFile, e.g. written by: lap-ref gen --rows 4000 --dist uniform-float -o /tmp/u4000.txt")

// BenchmarkReadMatrixFile parses the file given with -matrixfile (skipped
// without it), reading it from disk each time:
//
//	go test -run '^$' -bench ReadMatrixFile -benchtime 5x ./benchmarks -args -matrixfile=/tmp/u4000.txt
func BenchmarkReadMatrixFile(b *testing.B) {
	if *matrixFile == "" {
		b.Skip("no -matrixfile given")
	}
	st, err := os.Stat(*matrixFile)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	var m *Matrix
	for b.Loop() {
		m, err = ReadMatrixFile(os.DirFS(filepath.Dir(*matrixFile)), filepath.Base(*matrixFile), FormatAuto)
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(m.Rows)*float64(m.Cols)*float64(b.N)/b.Elapsed().Seconds()/1e6, "Mcells/s")
}

// BenchmarkReadMatrix parses a 500×500 matrix of 17-digit floats, the
// shape of `lap-ref gen --dist uniform-float` output.
func BenchmarkReadMatrix(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	const n = 500
	var sb strings.Builder
	fmt.Fprintf(&sb, "%d %d\n", n, n)
	w := bufio.NewWriter(&sb)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if j > 0 {
				w.WriteByte(' ')
			}
			w.WriteString(strconv.FormatFloat(rng.Float64(), 'g', -1, 64))
		}
		w.WriteByte('\n')
	}
	w.Flush()
	in := sb.String()
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadMatrix(strings.NewReader(in), "u.txt", FormatAuto); err != nil {
			b.Fatal(err)
		}
	}
}
