package scoring

import (
	"testing"
	"time"
)

// FuzzParse checks that no enum parser panics and that every accepted text
// parses back from its canonical String form.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"S1", "III/a", "IV/e", "pelaksana", "ahli_muda", "remote", "PNS", "sangat_baik",
		"II.a", "smk", "", " s2 ", "IV/f", "very_remote", "min-tenure"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 64 {
			return
		}
		check := func(v interface{ String() string }, err error, parse func(string) (any, error)) {
			if err != nil {
				return
			}
			back, err := parse(v.String())
			if err != nil || back != any(v) {
				t.Fatalf("%q parsed to %v, which re-parses to %v (%v)", s, v, back, err)
			}
		}
		l, err := ParseEducationLevel(s)
		check(l, err, func(x string) (any, error) { return ParseEducationLevel(x) })
		g, err := ParseGrade(s)
		check(g, err, func(x string) (any, error) { return ParseGrade(x) })
		k, err := ParsePositionKind(s)
		check(k, err, func(x string) (any, error) { return ParsePositionKind(x) })
		fg, err := ParseFunctionalGrade(s)
		check(fg, err, func(x string) (any, error) { return ParseFunctionalGrade(x) })
		a, err := ParseAreaClass(s)
		check(a, err, func(x string) (any, error) { return ParseAreaClass(x) })
		p, err := ParsePredicate(s)
		check(p, err, func(x string) (any, error) { return ParsePredicate(x) })
		_, _ = ParseRuleID(s)
	})
}

// FuzzAddMonths checks AddMonths against its definition: the result is in
// the right month, keeps the day when it exists and clamps it otherwise.
func FuzzAddMonths(f *testing.F) {
	f.Add(2024, 2, 29, 24)
	f.Add(2025, 8, 31, -6)
	f.Fuzz(func(t *testing.T, y, m, d, n int) {
		if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 || n < -1200 || n > 1200 {
			return
		}
		d = min(d, monthDays(y, m))
		from := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		got := AddMonths(from, n)
		k := y*12 + m - 1 + n
		wy, wm := k/12, k%12+1
		if got.Year() != wy || int(got.Month()) != wm || got.Day() != min(d, monthDays(wy, wm)) {
			t.Fatalf("AddMonths(%s, %d) = %s", from.Format(time.DateOnly), n, got.Format(time.DateOnly))
		}
	})
}
