//go:build unix

package scenarios

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLoadRefusesSpecialFiles: a FIFO as an extends target or roster hung
// the process (SIGINT did nothing), and /dev/zero ran out of memory.
func TestLoadRefusesSpecialFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "fifo.yaml"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.yaml"), []byte("extends: fifo.yaml\n"), 0o644))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "sub.csv"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b.yaml"),
		[]byte("name: b\nplan_date: 2025-12-01\nworkforce:\n  units_csv: sub.csv\n"), 0o644))
	done := make(chan error, 2)
	go func() { _, _, err := Load(os.DirFS(dir), "a.yaml"); done <- err }()
	go func() { _, _, err := Load(os.DirFS(dir), "b.yaml"); done <- err }()
	for range 2 {
		select {
		case err := <-done:
			require.ErrorIs(t, err, ErrNotRegular)
			require.ErrorIs(t, err, ErrInclude)
			assert.Regexp(t, `^(a\.yaml:1:10: extends "fifo\.yaml": a named pipe \(FIFO\)|b\.yaml:4:14: units_csv "sub\.csv": a folder), not a regular file$`, err.Error())
		case <-time.After(10 * time.Second):
			t.Fatal("Load blocked on a FIFO")
		}
	}
}
