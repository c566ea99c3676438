package main

import (
	"context"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// transcript is one "$ mutasi …" example of doc.go: the arguments, the
// expected stdout and exit code.
type transcript struct {
	line     int
	args     []string
	stdout   string
	wantCode int
}

var exitLine = regexp.MustCompile(`^\[exit status (\d+)\]$`)

// transcripts extracts the examples from the comment of doc.go: code lines
// (a tab after "//") starting with "$ mutasi ", followed by their stdout up
// to the end of the code block or the next "$ ". A last line "[exit status
// N]" gives a non-zero exit code. Arguments are split on spaces.
func transcripts(t *testing.T, src string) []transcript {
	t.Helper()
	var out []transcript
	var cur *transcript
	var body []string
	flush := func() {
		if cur == nil {
			return
		}
		for len(body) > 0 && body[len(body)-1] == "" {
			body = body[:len(body)-1]
		}
		if n := len(body); n > 0 {
			if m := exitLine.FindStringSubmatch(body[n-1]); m != nil {
				cur.wantCode, _ = strconv.Atoi(m[1])
				body = body[:n-1]
			}
		}
		if len(body) > 0 {
			cur.stdout = strings.Join(body, "\n") + "\n"
		}
		out = append(out, *cur)
		cur, body = nil, nil
	}
	for i, raw := range strings.Split(src, "\n") {
		if !strings.HasPrefix(raw, "//") {
			flush()
			continue
		}
		text := strings.TrimPrefix(raw, "//")
		switch {
		case strings.HasPrefix(text, "\t$ mutasi"):
			flush()
			cur = &transcript{line: i + 1, args: strings.Fields(strings.TrimPrefix(text, "\t$ mutasi"))}
		case strings.HasPrefix(text, "\t"):
			if cur != nil {
				body = append(body, strings.TrimPrefix(text, "\t"))
			}
		case text == "":
			if cur != nil {
				body = append(body, "")
			}
		default:
			flush()
		}
	}
	flush()
	return out
}

// TestDoc runs the transcripts of doc.go in process and compares stdout
// and the exit code.
func TestDoc(t *testing.T) {
	src, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	ts := transcripts(t, string(src))
	require.GreaterOrEqual(t, len(ts), 5, "doc.go has transcripts")
	for _, tr := range ts {
		t.Run("line"+strconv.Itoa(tr.line), func(t *testing.T) {
			e, stdout, stderr := testEnv("")
			code := run(context.Background(), tr.args, e)
			assert.Equal(t, tr.wantCode, code, "doc.go:%d: mutasi %s\nstderr:\n%s", tr.line, strings.Join(tr.args, " "), stderr)
			assert.Equal(t, tr.stdout, stdout.String(), "doc.go:%d: mutasi %s", tr.line, strings.Join(tr.args, " "))
		})
	}
}

// TestDocErrorExample checks the error line doc.go quotes.
func TestDocErrorExample(t *testing.T) {
	e, _, stderr := testEnv("")
	assert.Equal(t, exitFailure, run(context.Background(), []string{"solve", "testdata/ragged.txt"}, e))
	src, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	assert.Contains(t, string(src), "//\t"+strings.TrimSpace(stderr.String())+"\n")
}
