package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sampleReport exercises every cell kind, a record at the top level, a
// keyed record, a table of objects and a table of tuples, and text that
// needs escaping in every format.
func sampleReport() *report {
	return &report{
		title: lblSolveTitle,
		sections: []section{
			{
				record: true,
				cols: []column{
					{key: "rows", label: lblRows},
					{key: "optimum", label: lblOptimum, prec: 4},
					{key: "feasible", label: lblFeasible},
					{key: "format", label: lblFormat},
					{key: "missing", label: lblCost},
				},
				rows: [][]cell{{intCell(12), floatCell(-1234.56789), boolCell(true), textCell(`a|b <c> & "d"`), nullCell()}},
			},
			{
				key: "detail", title: lblAssignmentTitle, record: true,
				cols: []column{{key: "row", label: lblRow}, {key: "certified", label: lblCertified}},
				rows: [][]cell{{intCell(3), boolCell(false)}},
			},
			{
				key: "pairs", title: lblAssignmentTitle,
				cols: []column{{key: "row", label: lblRow}, {key: "col", label: lblCol}, {key: "cost", label: lblCost, prec: 2}, {key: "note", label: lblValue}},
				rows: [][]cell{
					{intCell(0), intCell(10), floatCell(0.125), textCell("line one\nline two")},
					{intCell(123), intCell(2), floatCell(math.Inf(1)), textCell("x,y")},
				},
			},
			{
				key: "tuples", tuples: true,
				cols: []column{{key: "row", label: lblRow}, {key: "col", label: lblCol}},
				rows: [][]cell{{intCell(0), intCell(1)}, {intCell(1), intCell(0)}},
			},
		},
		warnings: []string{"first warning", `a "quoted" one`},
	}
}

// TestRenderGolden renders the sample report in every format and both
// languages against testdata/golden/render-<format>-<lang>.
func TestRenderGolden(t *testing.T) {
	for f := FormatTable; f <= FormatHTML; f++ {
		for _, l := range []Lang{LangEN, LangID} {
			t.Run(f.String()+"-"+l.String(), func(t *testing.T) {
				var b bytes.Buffer
				require.NoError(t, render(&b, f, l, sampleReport()))
				checkGolden(t, "render-"+f.String()+"-"+l.String(), b.String())
			})
		}
	}
}

// TestRenderMachineFormatsIgnoreLang: JSON keys and CSV headers never
// change with the language.
func TestRenderMachineFormatsIgnoreLang(t *testing.T) {
	t.Parallel()
	for _, f := range []Format{FormatJSON, FormatCSV} {
		var en, id bytes.Buffer
		require.NoError(t, render(&en, f, LangEN, sampleReport()))
		require.NoError(t, render(&id, f, LangID, sampleReport()))
		assert.Equal(t, en.String(), id.String(), f.String())
	}
}

// TestRenderJSONValid decodes the JSON and checks key order and values.
func TestRenderJSONValid(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	require.NoError(t, render(&b, FormatJSON, LangEN, sampleReport()))
	var v map[string]any
	require.NoError(t, json.Unmarshal(b.Bytes(), &v), b.String())
	assert.EqualValues(t, 12, v["rows"])
	assert.EqualValues(t, -1234.56789, v["optimum"])
	assert.Equal(t, `a|b <c> & "d"`, v["format"])
	assert.Nil(t, v["missing"])
	assert.Equal(t, []any{[]any{0.0, 1.0}, []any{1.0, 0.0}}, v["tuples"])
	assert.Equal(t, []any{"first warning", `a "quoted" one`}, v["warnings"])
	keys := []string{`"rows"`, `"optimum"`, `"feasible"`, `"format"`, `"missing"`, `"detail"`, `"pairs"`, `"tuples"`, `"warnings"`}
	last := -1
	for _, k := range keys {
		at := strings.Index(b.String(), k)
		assert.Greater(t, at, last, "key %s in column order", k)
		last = at
	}
}

// TestRenderCSVValid reads the CSV back: two-line blocks per section with
// snake_case headers.
func TestRenderCSVValid(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	require.NoError(t, render(&b, FormatCSV, LangID, sampleReport()))
	blocks := strings.Split(b.String(), "\n\n")
	require.Len(t, blocks, 4)
	recs, err := csv.NewReader(strings.NewReader(blocks[2])).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, [][]string{{"row", "col", "cost", "note"}, {"0", "10", "0.125", "line one\nline two"}, {"123", "2", "inf", "x,y"}}, recs)
}

func TestMarkdownEscape(t *testing.T) {
	t.Parallel()
	assert.Equal(t, `a\|b<br>c\\d &lt;i&gt;`, mdEscape("a|b\nc\\d <i>"))
}

func TestFormatSet(t *testing.T) {
	t.Parallel()
	for i, n := range formatNames {
		var f Format
		require.NoError(t, f.Set(n))
		assert.Equal(t, Format(i), f)
		assert.Equal(t, n, f.String())
	}
	var f Format
	err := f.Set("xml")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "table, csv, json, markdown, html")
}
