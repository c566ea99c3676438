package main

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGoldenPlanAlternatives: mutasi plan --alternatives on the tiny
// scenario (three nurses, two posts: three plans rank), in every format
// and both languages, and its usage errors.
func TestGoldenPlanAlternatives(t *testing.T) {
	const tiny = "testdata/scenarios/tiny.yaml"
	tests := []goldenCase{
		{"plan-alternatives-table", []string{"plan", "--alternatives", "3", tiny}, "", exitOK},
		{"plan-alternatives-table-id", []string{"--lang", "id", "plan", "--alternatives", "3", tiny}, "", exitOK},
		{"plan-alternatives-json", []string{"plan", "--alternatives", "3", "-f", "json", tiny}, "", exitOK},
		{"plan-alternatives-csv", []string{"plan", "--alternatives", "3", "-f", "csv", tiny}, "", exitOK},
		{"plan-alternatives-markdown", []string{"plan", "--alternatives", "3", "-f", "markdown", tiny}, "", exitOK},
		{"plan-alternatives-markdown-id", []string{"plan", "--alternatives", "3", "-f", "markdown", "--lang", "id", tiny}, "", exitOK},
		{"plan-alternatives-html", []string{"plan", "--alternatives", "3", "-f", "html", tiny}, "", exitOK},
		{"plan-alternatives-html-id", []string{"plan", "--alternatives", "3", "-f", "html", "--lang", "id", tiny}, "", exitOK},
		{"plan-alternatives-more-than-exist", []string{"plan", "--alternatives", "50", "-f", "csv", tiny}, "", exitOK},
		{"plan-alternatives-one", []string{"plan", "--alternatives", "1", tiny}, "", exitOK},
		// A move limit is a side constraint: the ranking is branch and
		// bound's (each rank proven here).
		{"plan-alternatives-side", []string{"plan", "--alternatives", "4", "testdata/scenarios/tiny-moves.yaml"}, "", exitOK},
		{"plan-alternatives-side-json", []string{"plan", "--alternatives", "4", "-f", "json", "testdata/scenarios/tiny-moves.yaml"}, "", exitOK},
		{"plan-alternatives-infeasible", []string{"plan", "--alternatives", "2", "testdata/scenarios/infeasible.yaml"}, "", exitInfeasible},

		{"usage-plan-alternatives-zero", []string{"plan", "--alternatives", "0", tiny}, "", exitUsage},
		{"usage-plan-alternatives-big", []string{"plan", "--alternatives", "101", tiny}, "", exitUsage},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { runGoldenIn(t, tc, "") })
	}
}

// TestPlanAlternativesJSON decodes the JSON: ranks in order, objectives
// not increasing, differences against rank 1, and rank 1 the plan that
// mutasi plan prints.
func TestPlanAlternativesJSON(t *testing.T) {
	const tiny = "testdata/scenarios/tiny.yaml"
	e, stdout, stderr := testEnv("")
	require.Equal(t, exitOK, run(context.Background(), []string{"plan", "--alternatives", "5", "-f", "json", tiny}, e), stderr.String())
	var got struct {
		Objective    float64 `json:"objective"`
		Alternatives []struct {
			Rank       int     `json:"rank"`
			Objective  float64 `json:"objective"`
			Difference float64 `json:"difference"`
			Changes    []struct {
				Employee string `json:"employee"`
			} `json:"changes"`
		} `json:"alternatives"`
		Manifest struct {
			PlanHash string `json:"plan_hash"`
		} `json:"manifest"`
	}
	require.NoError(t, json.Unmarshal(stdout.Bytes(), &got))
	e, stdout, _ = testEnv("")
	require.Equal(t, exitOK, run(context.Background(), []string{"plan", "-f", "json", tiny}, e))
	var plain struct {
		Objective float64 `json:"objective"`
		Manifest  struct {
			PlanHash string `json:"plan_hash"`
		} `json:"manifest"`
	}
	require.NoError(t, json.Unmarshal(stdout.Bytes(), &plain))
	assert.Equal(t, plain.Objective, got.Objective)
	assert.Equal(t, plain.Manifest.PlanHash, got.Manifest.PlanHash, "rank 1 is the plan")
	require.NotEmpty(t, got.Alternatives)
	for k, a := range got.Alternatives {
		assert.Equal(t, k+1, a.Rank)
		assert.InDelta(t, a.Objective-got.Objective, a.Difference, 1e-9)
		if k > 0 {
			assert.LessOrEqual(t, a.Objective, got.Alternatives[k-1].Objective)
			assert.NotEmpty(t, a.Changes)
		} else {
			assert.Empty(t, a.Changes)
		}
	}
}
