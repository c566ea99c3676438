package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLabelsBothLanguages: every label has English and Indonesian text.
func TestLabelsBothLanguages(t *testing.T) {
	t.Parallel()
	for lb := lblNone + 1; lb < numLabels; lb++ {
		assert.NotEmpty(t, labelText[lb][LangEN], "label %d has no English text", lb)
		assert.NotEmpty(t, labelText[lb][LangID], "label %d (%q) has no Indonesian text", lb, labelText[lb][LangEN])
	}
}

func TestLangSet(t *testing.T) {
	t.Parallel()
	var l Lang
	require.NoError(t, l.Set("id"))
	assert.Equal(t, LangID, l)
	assert.Equal(t, "id", l.String())
	assert.Error(t, l.Set("fr"))
	assert.Error(t, l.Set("ID"), "codes are lower-case")
}

// TestValueLabels: values people read in the plan report (training-gap
// competencies, area classes, what a staffing line groups by) are
// Indonesian under --lang id and their stable text forms otherwise.
func TestValueLabels(t *testing.T) {
	assert.Equal(t, "decision_making", competencyLabel("decision_making", LangEN))
	assert.Equal(t, "pengambilan keputusan", competencyLabel("decision_making", LangID))
	assert.Equal(t, "teknis pengelolaan_keuangan_daerah", competencyLabel("technical:pengelolaan_keuangan_daerah", LangID))
	assert.Equal(t, "technical:pengelolaan_keuangan_daerah", competencyLabel("technical:pengelolaan_keuangan_daerah", LangEN))
	assert.Equal(t, "no-such", competencyLabel("no-such", LangID))
	assert.Equal(t, "sangat terpencil", areaLabel("very_remote", "id"))
	assert.Equal(t, "very_remote", areaLabel("very_remote", "en"))
	assert.Equal(t, "bidan", kindOfPostLabel("midwife", "id"))
	assert.Equal(t, "fungsional", kindOfPostLabel("functional", "id"))
	assert.Equal(t, "functional", kindOfPostLabel("functional", "en"))
	assert.Equal(t, "20,3", LangID.decimal(20.34, 1))
	assert.Equal(t, "20.3", LangEN.decimal(20.34, 1))
}
