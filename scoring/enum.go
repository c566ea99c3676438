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

// enumLabel returns the label of v for people: the Indonesian name from
// namesID under lang "id", otherwise the text form from names (so that
// English output keeps the stable words it always printed).
func enumLabel(names, namesID []string, v int, typ, lang string) string {
	if lang == "id" {
		return enumName(namesID, v, typ)
	}
	return enumName(names, v, typ)
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
