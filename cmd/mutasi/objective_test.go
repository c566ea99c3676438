package main

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// micros parses a printed figure with six decimals (a decimal comma in
// Indonesian) into integer millionths, so that sums are exact.
func micros(t *testing.T, s string) int64 {
	t.Helper()
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", ".")
	f, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err, s)
	return int64(f*1e6 + map[bool]float64{true: 0.5, false: -0.5}[f >= 0])
}

// checkTerms asserts that the term rows (before, after, change each) add
// up to the total row exactly, and that change = after − before.
func checkTerms(t *testing.T, format string, rows [][3]string) {
	t.Helper()
	require.Len(t, rows, 8, "%s: seven terms and the total", format)
	var sum [3]int64
	for _, r := range rows[:7] {
		for k := range 3 {
			sum[k] += micros(t, r[k])
		}
		assert.Equal(t, micros(t, r[1])-micros(t, r[0]), micros(t, r[2]), "%s: change = after − before", format)
	}
	for k := range 3 {
		assert.Equal(t, micros(t, rows[7][k]), sum[k], "%s: column %d sums to the total", format, k)
	}
}

// TestObjectiveBreakdownEveryFormat: the objective's terms, before and
// after the plan, add up exactly to the objective in every format, and the
// total after is the plan's objective.
func TestObjectiveBreakdownEveryFormat(t *testing.T) {
	num := `(-?[0-9]+[.,][0-9]{6})`
	line := regexp.MustCompile(`\s` + num + `\s+` + num + `\s+` + num + `\s*\|?\s*$`)
	pick := func(out, title string) [][3]string {
		i := strings.Index(out, title)
		require.GreaterOrEqual(t, i, 0, title)
		var rows [][3]string
		for _, l := range strings.Split(out[i:], "\n")[1:] {
			if strings.TrimSpace(l) == "" && len(rows) > 0 {
				break
			}
			l = strings.ReplaceAll(l, "|", " ")
			if m := line.FindStringSubmatch(l); m != nil {
				rows = append(rows, [3]string{m[1], m[2], m[3]})
			}
		}
		return rows
	}
	for _, tc := range []struct {
		name  string
		args  []string
		title string
	}{
		{"table", []string{"-q", "plan"}, "Objective before → after"},
		{"table-id", []string{"-q", "--lang", "id", "plan"}, "Nilai tujuan sebelum → sesudah"},
		{"markdown", []string{"-q", "plan", "-f", "markdown"}, "## Objective before → after"},
	} {
		code, out, _ := runArgs(t, "", tc.args...)
		require.Equal(t, exitOK, code)
		checkTerms(t, tc.name, pick(out, tc.title))
	}
	// HTML: the objective's section, one row per line once the tags go.
	code, out, _ := runArgs(t, "", "-q", "plan", "-f", "html")
	require.Equal(t, exitOK, code)
	i := strings.Index(out, `<section id="objective">`)
	require.GreaterOrEqual(t, i, 0)
	sec := out[i : i+strings.Index(out[i:], "</section>")]
	sec = regexp.MustCompile(`\s*</tr>\s*`).ReplaceAllString(sec, "\n")
	sec = regexp.MustCompile(`<[^>]*>`).ReplaceAllString(sec, "  ")
	checkTerms(t, "html", pick("Objective\n"+sec, "Objective"))

	code, out, _ = runArgs(t, "", "-q", "plan", "-f", "csv", "--section", "objective")
	require.Equal(t, exitOK, code)
	var rows [][3]string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
		f := strings.Split(l, ",")
		require.Len(t, f, 4, l)
		rows = append(rows, [3]string{f[1], f[2], f[3]})
	}
	checkTerms(t, "csv", rows)

	code, out, _ = runArgs(t, "", "-q", "plan", "-f", "json")
	require.Equal(t, exitOK, code)
	var p struct {
		Objective float64                       `json:"objective"`
		Breakdown map[string]map[string]float64 `json:"breakdown"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &p))
	for _, side := range []string{"before", "after"} {
		var sum int64
		for k, v := range p.Breakdown[side] {
			if k != "total" {
				sum += micros(t, strconv.FormatFloat(v, 'f', 6, 64))
			}
		}
		assert.Equal(t, micros(t, strconv.FormatFloat(p.Breakdown[side]["total"], 'f', 6, 64)), sum, "json %s", side)
	}
	assert.Equal(t, p.Objective, p.Breakdown["after"]["total"])
}
