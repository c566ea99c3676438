package scenarios

import (
	"encoding/json"
	"os"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSchemaCoversScenarioTags checks that every yaml tag written in
// scenario.go is a property of the schema, with a description.
func TestSchemaCoversScenarioTags(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("scenario.go")
	require.NoError(t, err)
	tags := regexp.MustCompile("yaml:\"([a-z0-9_]+)[,\"]").FindAllStringSubmatch(string(src), -1)
	require.NotEmpty(t, tags)

	var doc struct {
		Schema string `json:"$schema"`
		Ref    string `json:"$ref"`
		Defs   map[string]struct {
			Description string `json:"description"`
			Properties  map[string]struct {
				Description string `json:"description"`
			} `json:"properties"`
			AdditionalProperties bool `json:"additionalProperties"`
		} `json:"$defs"`
	}
	require.NoError(t, json.Unmarshal(Schema(), &doc))
	assert.Equal(t, "https://json-schema.org/draft/2020-12/schema", doc.Schema)
	assert.Equal(t, "#/$defs/Scenario", doc.Ref)

	described := map[string]bool{}
	for name, def := range doc.Defs {
		assert.NotEmpty(t, def.Description, "type %s has no description", name)
		assert.False(t, def.AdditionalProperties, "type %s allows unknown keys", name)
		for key, p := range def.Properties {
			assert.NotEmpty(t, p.Description, "%s.%s has no description", name, key)
			described[key] = true
		}
	}
	for _, m := range tags {
		assert.True(t, described[m[1]], "yaml tag %q of scenario.go is not in the schema", m[1])
	}
	// No stale descriptions either.
	for key := range schemaDocs {
		def, prop, _ := cut(key)
		d, ok := doc.Defs[def]
		if assert.True(t, ok, "schemaDocs has unknown type %s", def) && prop != "" {
			_, ok := d.Properties[prop]
			assert.True(t, ok, "schemaDocs has unknown key %s", key)
		}
	}
}

func cut(key string) (string, string, bool) {
	for i := range len(key) {
		if key[i] == '.' {
			return key[:i], key[i+1:], true
		}
	}
	return key, "", false
}

func TestSchemaDeterministic(t *testing.T) {
	t.Parallel()
	assert.Equal(t, string(Schema()), string(Schema()))
}
