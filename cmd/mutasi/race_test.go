//go:build race

package main

// raceEnabled reports a -race build. The race detector makes every plan of
// the Bungo example about ten times slower, so -short trims the golden
// tests further under it (see raceShort).
const raceEnabled = true
