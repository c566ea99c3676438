package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mutasi-asn/mutasi/scenarios"
)

// The example's files in the repository, for commands that need paths
// (compare) and for error messages with paths.
const (
	exampleBase   = "../../scenarios/example/scenario.yaml"
	exampleWhatIf = "../../scenarios/example/whatif-pppk-intake.yaml"
	tinyYAML      = "testdata/scenarios/tiny.yaml"
	tinyWhatIf    = "testdata/scenarios/tiny-whatif.yaml"
	brokenYAML    = "testdata/scenarios/broken.yaml"
	pinsYAML      = "testdata/scenarios/infeasible.yaml"
	floorYAML     = "testdata/scenarios/floor.yaml"
	conflictYAML  = "testdata/scenarios/conflict.yaml"
	// fitri is an employee of the example with close runners-up (remote
	// school head posts among them); whether he moves depends on the node
	// limit.
	fitri = "196904291995052001"
	// pelepatDoctor is the doctor's post of the example's remote puskesmas.
	pelepatDoctor = "PKM-PELEPAT-DOKTER"
)

// withFormats expands a case into one per format and language: json and
// csv only in English (TestLangInvariant checks that --lang does not
// change them).
func withFormats(name string, args []string, code int) []goldenCase {
	var out []goldenCase
	formats := []string{"table", "markdown", "html", "json", "csv"}
	if raceShort() {
		formats = formats[:1] // the other formats render the same plan again
	}
	for _, f := range formats {
		out = append(out, goldenCase{name + "-" + f, append([]string{"-q"}, append(args, "-f", f)...), "", code})
		if f != "json" && f != "csv" {
			out = append(out, goldenCase{name + "-" + f + "-id", append([]string{"-q", "--lang", "id"}, append(args, "-f", f)...), "", code})
		}
	}
	return out
}

// raceShort reports -short under the race detector, where the golden
// tests keep one format per command: go test -race -short ./cmd/mutasi ran
// for more than 20 minutes on the 2-core CI machine.
func raceShort() bool { return raceEnabled && testing.Short() }

func TestGoldenScenarioCommands(t *testing.T) {
	tiny, err := os.ReadFile(tinyYAML)
	require.NoError(t, err)
	var tests []goldenCase
	tests = append(tests, withFormats("plan", []string{"plan"}, exitOK)...)
	tests = append(tests, withFormats("explain", []string{"explain", "--employee", fitri}, exitOK)...)
	tests = append(tests, withFormats("compare", []string{"compare", exampleBase, exampleWhatIf}, exitOK)...)
	tests = append(tests, withFormats("score-position", []string{"score", "--position", pelepatDoctor, "--top", "8"}, exitOK)...)
	tests = append(tests, withFormats("validate", []string{"validate", tinyYAML, tinyWhatIf}, exitOK)...)
	tests = append(tests, withFormats("plan-infeasible", []string{"plan", pinsYAML}, exitInfeasible)...)
	tests = append(tests, []goldenCase{
		{"explain-help", []string{"explain", "--help"}, "", exitOK},
		{"compare-help", []string{"compare", "-h"}, "", exitOK},
		{"validate-help", []string{"validate", "--help"}, "", exitOK},
		{"score-help", []string{"score", "--help"}, "", exitOK},
		{"init-help", []string{"init", "--help"}, "", exitOK},
		{"schema-help", []string{"schema", "--help"}, "", exitOK},

		{"plan-default", []string{"plan", "-f", "csv"}, "", exitOK},
		{"plan-quiet-before", []string{"-q", "plan", "--max-nodes", "1", "-f", "csv"}, "", exitOK},
		{"plan-max-nodes", []string{"plan", "--max-nodes", "1", "-f", "csv"}, "", exitOK},
		{"plan-tiny", []string{"plan", tinyYAML}, "", exitOK},
		{"plan-tiny-stats", []string{"plan", "--stats", "-f", "csv", tinyYAML}, "", exitOK},
		{"plan-stdin", []string{"plan", "-f", "json", "-"}, string(tiny), exitOK},
		{"plan-floor", []string{"plan", floorYAML}, "", exitOK},
		{"plan-floor-json", []string{"plan", "-f", "json", floorYAML}, "", exitOK},
		{"plan-floor-id", []string{"--lang", "id", "plan", floorYAML}, "", exitOK},
		{"plan-conflict", []string{"plan", conflictYAML}, "", exitInfeasible},
		{"plan-turnover-conflict", []string{"plan", "testdata/scenarios/turnover-conflict.yaml"}, "", exitInfeasible},
		{"plan-gap", []string{"plan", "--gap", "1e-4", "-f", "csv"}, "", exitOK},
		{"plan-gap-bad", []string{"plan", "--gap", "1.5"}, "", exitUsage},
		{"plan-conflict-id", []string{"--lang", "id", "plan", "-f", "markdown", conflictYAML}, "", exitInfeasible},
		{"plan-conflict-json", []string{"plan", "-f", "json", conflictYAML}, "", exitInfeasible},
		{"plan-broken", []string{"plan", brokenYAML}, "", exitFailure},
		{"plan-missing", []string{"plan", "testdata/scenarios/no-such.yaml"}, "", exitFailure},
		{"plan-folder", []string{"plan", "testdata/scenarios"}, "", exitFailure},
		{"explain-tiny", []string{"explain", tinyYAML, "--employee", "199203152016031002"}, "", exitOK},
		{"explain-top", []string{"explain", "--employee", fitri, "--top", "2", "-f", "json"}, "", exitOK},
		{"explain-unknown-employee", []string{"explain", "--employee", "199901012020011999"}, "", exitFailure},
		{"compare-tiny", []string{"compare", tinyYAML, tinyWhatIf}, "", exitOK},
		{"compare-broken", []string{"compare", tinyYAML, brokenYAML}, "", exitFailure},
		{"score-employee", []string{"score", "--employee", fitri, "--top", "6"}, "", exitOK},
		{"score-employee-json", []string{"score", "--employee", fitri, "--top", "3", "-f", "json"}, "", exitOK},
		{"score-employee-id", []string{"--lang", "id", "score", "--employee", fitri, "--top", "6"}, "", exitOK},
		{"score-tiny", []string{"score", tinyYAML, "--position", "PKM-PELEPAT-KEPALA"}, "", exitOK},
		{"score-unknown-position", []string{"score", "--position", "NOPE"}, "", exitFailure},
		{"score-unknown-employee", []string{"score", "--employee", "199901012020011999"}, "", exitFailure},
		{"validate-broken", []string{"validate", brokenYAML}, "", exitFailure},
		{"validate-mixed", []string{"validate", tinyYAML, brokenYAML, "testdata/scenarios/no-such.yaml"}, "", exitFailure},
		{"validate-floor", []string{"validate", floorYAML}, "", exitOK},
		{"validate-stdin", []string{"validate", "-"}, string(tiny), exitOK},
		{"validate-example", []string{"validate", exampleBase, exampleWhatIf, "../../scenarios/example/whatif-strict-tenure.yaml",
			"../../scenarios/example/whatif-election-freeze.yaml"}, "", exitOK},
		{"schema", []string{"schema"}, "", exitOK},

		{"usage-plan-two-files", []string{"plan", tinyYAML, tinyWhatIf}, "", exitUsage},
		{"usage-plan-bad-format", []string{"plan", "-f", "pdf"}, "", exitUsage},
		{"usage-plan-unknown-flag", []string{"plan", "--alternative", "2"}, "", exitUsage},
		{"usage-plan-output-is-input", []string{"plan", "-o", tinyYAML, tinyYAML}, "", exitUsage},
		{"usage-plan-output-folder", []string{"plan", "-o", "testdata", tinyYAML}, "", exitUsage},
		{"usage-plan-output-is-roster", []string{"plan", "-o", "../../scenarios/example/units.csv", exampleBase}, "", exitUsage},
		{"usage-plan-output-is-base", []string{"plan", "-o", exampleBase, exampleWhatIf}, "", exitUsage},
		{"usage-explain-output-is-roster", []string{"explain", "-o", "../../scenarios/example/employees.csv", exampleBase, "--employee", fitri}, "", exitUsage},
		{"usage-score-output-is-roster", []string{"score", "-o", "../../scenarios/example/positions.csv", exampleBase, "--employee", fitri}, "", exitUsage},
		{"usage-validate-output-is-roster", []string{"validate", "-o", "../../scenarios/example/units.csv", exampleBase}, "", exitUsage},
		{"usage-explain-no-employee", []string{"explain"}, "", exitUsage},
		{"usage-explain-top-zero", []string{"explain", "--employee", fitri, "--top", "0"}, "", exitUsage},
		{"usage-plan-max-nodes-zero", []string{"plan", "--max-nodes", "0"}, "", exitUsage},
		{"usage-explain-max-nodes-negative", []string{"explain", "--employee", fitri, "--max-nodes", "-3"}, "", exitUsage},
		{"usage-compare-max-nodes-zero", []string{"compare", "--max-nodes", "0", tinyYAML, tinyWhatIf}, "", exitUsage},
		{"usage-explain-two-files", []string{"explain", tinyYAML, tinyWhatIf, "--employee", fitri}, "", exitUsage},
		{"usage-compare-one", []string{"compare", tinyYAML}, "", exitUsage},
		{"usage-compare-stdin-twice", []string{"compare", "-", "-"}, "", exitUsage},
		{"usage-compare-output-is-input", []string{"compare", "-o", tinyWhatIf, tinyYAML, tinyWhatIf}, "", exitUsage},
		{"usage-score-neither", []string{"score"}, "", exitUsage},
		{"usage-score-both", []string{"score", "--employee", fitri, "--position", pelepatDoctor}, "", exitUsage},
		{"usage-score-top-zero", []string{"score", "--position", pelepatDoctor, "--top", "0"}, "", exitUsage},
		{"usage-validate-none", []string{"validate"}, "", exitUsage},
		{"usage-validate-stdin-twice", []string{"validate", "-", "-"}, "", exitUsage},
		{"usage-init-none", []string{"init"}, "", exitUsage},
		{"usage-init-two", []string{"init", "a", "b"}, "", exitUsage},
		{"usage-schema-args", []string{"schema", "extra"}, "", exitUsage},
		{"usage-lang-after-bad", []string{"plan", "--lang", "jv"}, "", exitUsage},
	}...)
	names := map[string]bool{}
	for _, tc := range tests {
		require.False(t, names[tc.name], "duplicate case %s", tc.name)
		names[tc.name] = true
		t.Run(tc.name, func(t *testing.T) { runGolden(t, tc) })
	}
}

// runArgs runs mutasi in process and returns the exit code and outputs.
func runArgs(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	e, stdout, stderr := testEnv(stdin)
	code := run(context.Background(), args, e)
	return code, stdout.String(), stderr.String()
}

// TestLangInvariant: --lang changes neither JSON nor CSV.
func TestLangInvariant(t *testing.T) {
	cases := [][]string{
		{"plan", "-f", "json"}, {"plan", "-f", "csv"},
		{"explain", "--employee", fitri, "-f", "json"},
		{"score", "--position", pelepatDoctor, "-f", "json"}, {"score", "--position", pelepatDoctor, "-f", "csv"},
		{"validate", tinyYAML, "-f", "json"},
		{"compare", tinyYAML, tinyWhatIf, "-f", "csv"},
	}
	if raceShort() {
		cases = cases[1:2] // one plan of the example
	}
	for _, args := range cases {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			codeEN, en, _ := runArgs(t, "", append([]string{"-q"}, args...)...)
			codeID, id, _ := runArgs(t, "", append([]string{"-q", "--lang", "id"}, args...)...)
			require.Equal(t, exitOK, codeEN)
			require.Equal(t, exitOK, codeID)
			assert.Equal(t, en, id)
		})
	}
}

// TestPlanJSONShape checks the keys issue 4 promises. One node leaves the
// example unproven, so that its plan has a warning (at five nodes it is
// proven optimal).
func TestPlanJSONShape(t *testing.T) {
	code, out, _ := runArgs(t, "", "-q", "plan", "--max-nodes=1", "-f", "json")
	require.Equal(t, exitOK, code)
	var p map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(out), &p))
	for _, k := range []string{"moves", "units", "kpis", "manifest", "warnings"} {
		assert.Contains(t, p, k)
	}
	var moves []map[string]any
	require.NoError(t, json.Unmarshal(p["moves"], &moves))
	require.NotEmpty(t, moves)
	assert.Regexp(t, `^\d{18}$`, moves[0]["employee"], "employee is the NIP")
	var warnings []string
	require.NoError(t, json.Unmarshal(p["warnings"], &warnings))
	assert.NotEmpty(t, warnings, "the example's plan has warnings, and -q keeps them in JSON")
	var m scenarios.Manifest
	require.NoError(t, json.Unmarshal(p["manifest"], &m))
	assert.Equal(t, "v0.0.0-test", m.Version)
	assert.Len(t, m.PlanHash, 64)
}

// TestExplainJSONShape checks the score objects issue 4 promises.
func TestExplainJSONShape(t *testing.T) {
	code, out, _ := runArgs(t, "", "explain", "--employee", fitri, "-f", "json")
	require.Equal(t, exitOK, code)
	type score struct {
		Total      *float64         `json:"total"`
		Components []map[string]any `json:"components"`
	}
	type post struct {
		Score score `json:"score"`
	}
	var x struct {
		Current      post              `json:"current"`
		Planned      post              `json:"planned"`
		Alternatives []json.RawMessage `json:"alternatives"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &x))
	for _, s := range []score{x.Current.Score, x.Planned.Score} {
		require.NotNil(t, s.Total)
		require.Len(t, s.Components, 5) // the five criteria of scoring
		sum := 0.0
		for _, c := range s.Components {
			for _, k := range []string{"criterion", "raw", "weight", "contribution"} {
				assert.Contains(t, c, k)
			}
			sum += c["contribution"].(float64)
		}
		assert.InDelta(t, *s.Total, sum, 1e-5, "contributions sum to the total (each rounded to 1e-6)")
	}
	assert.Len(t, x.Alternatives, scenarios.DefaultAlternatives)
}

// TestDeterminism: the plan's JSON, CSV and HTML are byte-identical under
// GOMAXPROCS 1 and 8 (Build fills rows in parallel).
func TestDeterminism(t *testing.T) {
	prev := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(prev)
	for _, f := range []string{"json", "csv", "html"} {
		var outs []string
		for _, procs := range []int{1, 8} {
			runtime.GOMAXPROCS(procs)
			code, out, _ := runArgs(t, "", "-q", "plan", "-f", f)
			require.Equal(t, exitOK, code)
			outs = append(outs, out)
		}
		assert.True(t, outs[0] == outs[1], "plan -f %s differs between GOMAXPROCS 1 and 8", f)
	}
}

// TestValidateErrorPositions: every error of a broken file is printed as
// file:line:col: message, one per line.
func TestValidateErrorPositions(t *testing.T) {
	code, out, errs := runArgs(t, "", "validate", "-f", "csv", brokenYAML)
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, out, "testdata/scenarios/broken.yaml,false")
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	require.GreaterOrEqual(t, len(lines), 2, "all errors of the file at once:\n%s", errs)
	for _, l := range lines {
		assert.Regexp(t, `^mutasi: error: testdata/scenarios/broken\.yaml:\d+:\d+: `, l)
	}
}

// TestInit writes the example, refuses to overwrite it, overwrites with
// --force, and the written scenario plans like the embedded one.
func TestInit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "bungo")
	code, out, errs := runArgs(t, "", "init", dir)
	require.Equal(t, exitOK, code, errs)
	ex := scenarios.DefaultExample()
	var names []string
	require.NoError(t, walkFiles(ex, func(n string) { names = append(names, n) }))
	require.Contains(t, names, "scenario.yaml")
	var want strings.Builder
	for _, n := range names {
		p := filepath.Join(dir, n)
		want.WriteString(p + "\n")
		got, err := os.ReadFile(p)
		require.NoError(t, err)
		exp, err := fs.ReadFile(ex, n)
		require.NoError(t, err)
		assert.Equal(t, exp, got, n)
	}
	assert.Equal(t, want.String(), out)
	overlays, _ := filepath.Glob(filepath.Join(dir, "whatif-*.yaml"))
	assert.Len(t, overlays, 3)

	// An edited file survives a second init without --force.
	edited := filepath.Join(dir, "scenario.yaml")
	orig, err := os.ReadFile(edited)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(edited, []byte("# edited\n"), 0o644))
	code, out, errs = runArgs(t, "", "init", dir)
	assert.Equal(t, exitFailure, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, "already exist")
	assert.Contains(t, errs, "mutasi: hint: use --force")
	got, err := os.ReadFile(edited)
	require.NoError(t, err)
	assert.Equal(t, "# edited\n", string(got))

	code, _, errs = runArgs(t, "", "init", "--force", dir)
	require.Equal(t, exitOK, code, errs)
	got, err = os.ReadFile(edited)
	require.NoError(t, err)
	assert.Equal(t, orig, got)
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".*.tmp-*"))
	assert.Empty(t, leftovers, "no temporary files stay behind")

	// The written example plans exactly like the embedded one.
	_, embedded, _ := runArgs(t, "", "-q", "plan", "-f", "json")
	code, written, errs := runArgs(t, "", "-q", "plan", "-f", "json", edited)
	require.Equal(t, exitOK, code, errs)
	assert.Equal(t, embedded, written)
	code, _, errs = runArgs(t, "", append([]string{"validate", edited}, overlays...)...)
	assert.Equal(t, exitOK, code, errs)
	code, _, errs = runArgs(t, "", "-q", "compare", edited, filepath.Join(dir, "whatif-strict-tenure.yaml"))
	assert.Equal(t, exitOK, code, errs)

	// A file where the folder should be.
	file := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(file, nil, 0o644))
	code, _, errs = runArgs(t, "", "init", file)
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, errs, "is not a folder")
}

// TestPlanOutputSafety: -o writes atomically; a failing run leaves an
// existing file untouched; the input file is never overwritten; an
// infeasible report is written to the output too.
func TestPlanOutputSafety(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "plan.json")
	code, stdout, errs := runArgs(t, "", "-q", "plan", "-f", "json", "-o", out, tinyYAML)
	require.Equal(t, exitOK, code, errs)
	assert.Empty(t, stdout)
	_, direct, _ := runArgs(t, "", "-q", "plan", "-f", "json", tinyYAML)
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, direct, string(got))

	code, _, _ = runArgs(t, "", "plan", "-f", "json", "-o", out, brokenYAML)
	assert.Equal(t, exitFailure, code)
	again, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, got, again, "a failed run leaves the output untouched")

	// The input through another name (a symlink) is refused too.
	in := filepath.Join(dir, "tiny.yaml")
	data, err := os.ReadFile(tinyYAML)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(in, data, 0o644))
	link := filepath.Join(dir, "link.yaml")
	require.NoError(t, os.Symlink(in, link))
	code, stdout, errs = runArgs(t, "", "plan", "-o", link, in)
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, stdout)
	assert.Contains(t, errs, "would overwrite the input file")
	kept, err := os.ReadFile(in)
	require.NoError(t, err)
	assert.Equal(t, data, kept)

	rep := filepath.Join(dir, "infeasible.md")
	code, _, _ = runArgs(t, "", "plan", "-f", "markdown", "-o", rep, pinsYAML)
	assert.Equal(t, exitInfeasible, code)
	md, err := os.ReadFile(rep)
	require.NoError(t, err)
	assert.Contains(t, string(md), "capacity")

	// schema -o and init use the same atomic writer.
	sch := filepath.Join(dir, "schema.json")
	code, _, _ = runArgs(t, "", "schema", "-o", sch)
	require.Equal(t, exitOK, code)
	b, err := os.ReadFile(sch)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(scenarios.Schema(), b))
}

// TestPlanStatsNotInPlan: --stats goes to stderr only; the plan is the
// same bytes with and without it.
func TestPlanStatsNotInPlan(t *testing.T) {
	_, plain, _ := runArgs(t, "", "-q", "plan", "-f", "json", tinyYAML)
	code, withStats, errs := runArgs(t, "", "-q", "plan", "--stats", "-f", "json", tinyYAML)
	require.Equal(t, exitOK, code)
	assert.Equal(t, plain, withStats)
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	require.Len(t, lines, 1, "one line of stats, no warnings under -q")
	var st map[string]any
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &st))
	for _, k := range []string{"employees", "positions", "allowed_pairs", "solve_seconds", "total_seconds"} {
		assert.Contains(t, st, k)
	}
}

// TestPlanHTMLSelfContained: the report loads nothing from outside.
func TestPlanHTMLSelfContained(t *testing.T) {
	code, out, _ := runArgs(t, "", "-q", "plan", "-f", "html")
	require.Equal(t, exitOK, code)
	for _, bad := range []string{"<link", "src=", "@import", "url(", "http://", "https://"} {
		if bad == "http://" {
			// The SVG namespace is the one URL allowed: it is a name, not a fetch.
			out = strings.ReplaceAll(out, `xmlns="http://www.w3.org/2000/svg"`, "")
		}
		assert.NotContains(t, out, bad)
	}
	for _, want := range []string{`id="kpis"`, `id="staffing-chart"`, `id="fit-chart"`, `id="chains"`, "<details>", `id="training"`, `<footer id="manifest"`} {
		assert.Contains(t, out, want)
	}
}

// TestDocValidateErrorExample checks the validate error line doc.go
// quotes.
func TestDocValidateErrorExample(t *testing.T) {
	code, _, errs := runArgs(t, "", "validate", brokenYAML)
	assert.Equal(t, exitFailure, code)
	first, _, _ := strings.Cut(errs, "\n")
	src, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	assert.Contains(t, string(src), "//\t"+first+"\n")
}
