//go:build !race

package scenarios

// raceEnabled reports a -race build; see race_test.go.
const raceEnabled = false
