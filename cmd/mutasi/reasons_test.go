package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mutasi-asn/mutasi/scenarios"
)

// pinnedYAML pins an employee into a post whose rules she breaks and
// excludes another from the round.
const pinnedYAML = "testdata/scenarios/pinned.yaml"

// TestGoldenReasons covers the reasons a pin and an exclusion give, in
// both languages: the move's reasons, what held someone in place, the
// rules a pinned pair breaks and the score reasons of scenario rules.
func TestGoldenReasons(t *testing.T) {
	const siti, budi = "199001012015032001", "199203152016031002"
	var tests []goldenCase
	for _, l := range []string{"en", "id"} {
		tests = append(tests,
			goldenCase{"reasons-plan-" + l, []string{"-q", "--lang", l, "plan", pinnedYAML}, "", exitOK},
			goldenCase{"reasons-explain-pinned-" + l, []string{"-q", "--lang", l, "explain", pinnedYAML, "--employee", siti}, "", exitOK},
			goldenCase{"reasons-explain-excluded-" + l, []string{"-q", "--lang", l, "explain", pinnedYAML, "--employee", budi, "-f", "markdown"}, "", exitOK},
			goldenCase{"reasons-score-" + l, []string{"-q", "--lang", l, "score", pinnedYAML, "--position", "PKM-PELEPAT-PERAWAT"}, "", exitOK},
		)
	}
	tests = append(tests, goldenCase{"reasons-plan-json", []string{"-q", "plan", "-f", "json", pinnedYAML}, "", exitOK})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { runGolden(t, tc) })
	}
}

// englishReasonPhrases returns the fixed parts of the English reason texts
// of package scenarios (the words between the arguments, of at least two
// words) and of this command's reason labels.
func englishReasonPhrases() []string {
	verb := regexp.MustCompile(`%[-+# 0]*[0-9]*(\.[0-9]+)?[a-z]`)
	var out []string
	for _, c := range scenarios.ReasonCodes() {
		en := scenarios.Reason{Code: c}.Text("en") // the bare format: arguments are missing
		en = regexp.MustCompile(`%!\w\(MISSING\)`).ReplaceAllString(en, "%s")
		for _, seg := range verb.Split(en, -1) {
			seg = strings.Trim(seg, " ;:,()#")
			if strings.Contains(seg, " ") {
				out = append(out, seg)
			}
		}
	}
	for _, lb := range []label{lblClosedByPin, lblOverrides} {
		out = append(out, labelText[lb][LangEN])
	}
	return out
}

// englishGain matches a criterion gain in English ("tenure +0.1500") and
// a margin ("needs +0.0150").
var englishGain = regexp.MustCompile(`\b(education|competence|tenure|performance|preference|needs) [+-]\d`)

// idGolden matches the golden files of Indonesian output.
var idGolden = regexp.MustCompile(`(^|-)id($|[.-])`)

// englishReasons returns a function listing the English reasons in a text.
func englishReasons(t *testing.T) func(string) []string {
	phrases := englishReasonPhrases()
	require.Greater(t, len(phrases), 20)
	return func(text string) []string {
		var hits []string
		for _, p := range phrases {
			if strings.Contains(text, p) {
				hits = append(hits, p)
			}
		}
		return append(hits, englishGain.FindAllString(text, 3)...)
	}
}

// TestWhatIfReasonsInID plans the example's what-ifs (a hard rotation, an
// election freeze, a PPPK intake) in Indonesian: no English reason, and
// the hard rotation's reasons appear in Indonesian.
func TestWhatIfReasonsInID(t *testing.T) {
	found := englishReasons(t)
	whatIfs := []string{"whatif-strict-tenure", "whatif-election-freeze", "whatif-pppk-intake"}
	if raceShort() {
		whatIfs = whatIfs[:1]
	}
	for _, w := range whatIfs {
		t.Run(w, func(t *testing.T) {
			path := "../../scenarios/example/" + w + ".yaml"
			code, out, _ := runArgs(t, "", "-q", "--lang", "id", "plan", "--max-nodes=5", "-f", "markdown", path)
			require.Equal(t, exitOK, code)
			assert.Empty(t, found(out))
			code, en, _ := runArgs(t, "", "-q", "plan", "--max-nodes=5", "-f", "markdown", path)
			require.Equal(t, exitOK, code)
			assert.NotEmpty(t, found(en), "the English plan gives English reasons")
			if w == "whatif-strict-tenure" {
				assert.Contains(t, en, "rotation due (max-tenure): ")
				assert.Regexp(t, `rotasi jatuh tempo \(max-tenure\): \d+,\d tahun pada jabatan`, out)
			}
		})
	}
}

// TestNoEnglishReasonsInID fails when an Indonesian golden output holds an
// English reason: every move, unplaced, explain and infeasibility reason
// must be rendered in Indonesian. It checks itself on the English goldens
// first. Only stdout counts: diagnostics on stderr (mutasi: error: …)
// stay English whatever --lang says (style §9: --lang translates table,
// markdown and html).
func TestNoEnglishReasonsInID(t *testing.T) {
	found := englishReasons(t)
	files, err := filepath.Glob(filepath.Join("testdata", "golden", "*"))
	require.NoError(t, err)
	// The detector works: the English outputs are full of these phrases.
	for _, name := range []string{"plan-table.stdout", "explain-table.stdout", "reasons-plan-en.stdout",
		"reasons-explain-pinned-en.stdout", "reasons-score-en.stdout"} {
		raw, err := os.ReadFile(filepath.Join("testdata", "golden", name))
		require.NoError(t, err)
		assert.NotEmpty(t, found(string(raw)), "%s has no English reason: the detector is broken", name)
	}
	n := 0
	for _, f := range files {
		name := filepath.Base(f)
		if strings.HasPrefix(name, ".got-") || !idGolden.MatchString(name) || !strings.HasSuffix(name, ".stdout") {
			continue
		}
		n++
		raw, err := os.ReadFile(f)
		require.NoError(t, err)
		assert.Empty(t, found(string(raw)), "%s holds English reasons", name)
	}
	assert.Greater(t, n, 10, "the Indonesian goldens are found")
}
