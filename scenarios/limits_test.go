package scenarios

import (
	"context"
	"os"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// minimalWith returns a file system holding testdata/valid/minimal.yaml and
// the overlay over.yaml, which extends it with the given YAML.
func minimalWith(t *testing.T, overlay string) fstest.MapFS {
	t.Helper()
	base, err := os.ReadFile("testdata/valid/minimal.yaml")
	require.NoError(t, err)
	return fstest.MapFS{
		"minimal.yaml": {Data: base},
		"over.yaml":    {Data: []byte("extends: minimal.yaml\n" + overlay)},
	}
}

// TestValueRanges is issue 15's certified wrong plan: values are encoded
// as int64(round(x·10⁶)), which wraps past 2⁶³, so a criticality of 1e13 or
// a weight of 1e15 gave a nonsense plan marked certified optimal, and 1e308
// an error without location. Each value now has a range, refused with its
// file, line and field.
func TestValueRanges(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, overlay, field string
		line                 int
	}{
		{"criticality", "set_criticality: 0\n", "", 0}, // placeholder, replaced below
		{"weight", "weights:\n  education: 1e15\n", "weights.education", 3},
		{"penalty", "scoring:\n  unfilled_penalty: 1e308\n", "scoring.unfilled_penalty", 3},
		{"bonus", "scoring:\n  continuity_bonus: 1e308\n", "scoring.continuity_bonus", 3},
		{"weight just past", "weights:\n  preference: 100.000001\n", "weights.preference", 3},
	}
	// Criticality is an item of a list merged by id.
	tests[0].overlay = "workforce:\n  positions:\n    - {id: PKM-PELEPAT-PERAWAT, criticality: 1e13}\n"
	tests[0].field, tests[0].line = "workforce.positions[0].criticality", 4
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, _, err := Load(minimalWith(t, tt.overlay), "over.yaml")
			require.ErrorIs(t, err, ErrInvalidValue)
			var ve *ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tt.field, ve.Field)
			assert.Equal(t, "over.yaml", ve.File)
			assert.Equal(t, tt.line, ve.Line)
			assert.Contains(t, err.Error(), "must be between 0 and 100")
		})
	}
}

// TestValueRangesLargestPlan: at the top of every range the plan is still
// exact and certified.
func TestValueRangesLargestPlan(t *testing.T) {
	t.Parallel()
	fsys := minimalWith(t, "weights: {education: 100, competence: 100, tenure: 100, performance: 100, preference: 100}\n"+
		"scoring: {continuity_bonus: 100, unfilled_penalty: 100}\n"+
		"workforce:\n  positions:\n    - {id: PKM-PELEPAT-PERAWAT, criticality: 100}\n")
	s, files, err := Load(fsys, "over.yaml")
	require.NoError(t, err)
	inst, err := Build(s, files, Options{})
	require.NoError(t, err)
	plan, err := inst.Plan(context.Background())
	require.NoError(t, err)
	assert.True(t, plan.Manifest.Cert.Passed)
	assert.True(t, plan.Manifest.Cert.Optimal)
}
