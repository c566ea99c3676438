package scoring

import (
	"strconv"
	"strings"
)

// enumName returns names[v], or a placeholder naming the type for a value
// outside the table, so that String never panics.
func enumName(names []string, v int, typ string) string {
	if v >= 0 && v < len(names) && names[v] != "" {
		return names[v]
	}
	return typ + "(" + strconv.Itoa(v) + ")"
}

// parseEnum looks s up in names (ignoring ASCII case and surrounding
// spaces), skipping empty entries, then in aliases (keys in lower case). It
// returns an *EnumError naming enum when nothing matches.
func parseEnum[T ~uint8](enum string, names []string, s string, aliases map[string]T) (T, error) {
	t := strings.TrimSpace(s)
	for i, n := range names {
		if n != "" && strings.EqualFold(n, t) {
			return T(i), nil
		}
	}
	if v, ok := aliases[strings.ToLower(t)]; ok {
		return v, nil
	}
	return 0, &EnumError{Enum: enum, Text: s}
}
