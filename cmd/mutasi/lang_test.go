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
