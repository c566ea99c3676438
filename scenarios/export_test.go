package scenarios

import (
	"io"
	"io/fs"
)

// LoadNodes is Load with every CSV roster row decoded through its yaml
// nodes: the oracle of the rows decoded straight into values (csvRow).
func LoadNodes(fsys fs.FS, name string) (*Scenario, []File, error) {
	return load(fsys, name, false)
}

// ReadRosterNodes is ReadRoster with every row decoded through its yaml
// nodes.
func ReadRosterNodes[T RosterItem](r io.Reader, name string) ([]T, error) {
	return readRoster[T](r, name, false)
}

// RaceShort is raceShort, for the external tests.
func RaceShort() bool { return raceShort() }
