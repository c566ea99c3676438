//go:build race

package scenarios

// raceEnabled reports a -race build. The race detector makes the
// example's plans about ten times slower, so -short trims the heaviest
// tests further under it (see raceShort).
const raceEnabled = true
