package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// chromium is Debian's headless-capable browser; .ci/run installs it.
const chromium = "/usr/bin/chromium"

// consoleLine matches what Chromium logs for a console message or an
// uncaught exception with --enable-logging=stderr.
var consoleLine = regexp.MustCompile(`:CONSOLE[:(]|Uncaught`)

// TestPlanHTMLInChromium renders the HTML report of the example in headless
// Chromium and checks that the KPIs and the charts are on the page and
// that the console shows no message.
func TestPlanHTMLInChromium(t *testing.T) {
	if _, err := os.Stat(chromium); err != nil {
		t.Skipf("%s not found: install Debian's chromium package to render the HTML report in a browser", chromium)
	}
	for _, lang := range []string{"en", "id"} {
		t.Run(lang, func(t *testing.T) {
			dir := t.TempDir()
			page := filepath.Join(dir, "plan.html")
			code, _, errs := runArgs(t, "", "-q", "--lang", lang, "plan", "-f", "html", "-o", page)
			require.Equal(t, exitOK, code, errs)

			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir="+filepath.Join(dir, "profile"), "--enable-logging=stderr", "--v=0",
				"--dump-dom", "file://"+page)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			require.NoError(t, cmd.Run(), "chromium failed:\n%s", stderr.String())
			dom := stdout.String()

			l := LangEN
			require.NoError(t, l.Set(lang))
			assert.Contains(t, dom, `<section id="kpis">`)
			assert.Contains(t, dom, l.text(lblKPIs))
			assert.Contains(t, dom, l.text(lblKPIMeanFit))
			assert.Contains(t, dom, `id="staffing-chart"`)
			assert.Contains(t, dom, `id="fit-chart"`)
			// 31 units, two bars each (before and after), plus 10 bins × 2
			// of the fit histogram: the example's figures.
			assert.Equal(t, 31*2+10*2, strings.Count(dom, "<rect "), "bars in the charts")
			assert.Contains(t, dom, `<footer id="manifest">`)
			for _, line := range strings.Split(stderr.String(), "\n") {
				assert.False(t, consoleLine.MatchString(line), "console message: %s", line)
			}
		})
	}
}
