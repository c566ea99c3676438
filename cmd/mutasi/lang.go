package main

import (
	"fmt"
	"strings"
)

// Lang is the language of labels in table, markdown and html output
// (--lang). JSON keys, CSV headers and rule ids never change with it.
type Lang int

// The languages.
const (
	LangEN Lang = iota // English, the default
	LangID             // Indonesian (Bahasa Indonesia)
)

var langNames = [...]string{"en", "id"}

// String returns the language's code.
func (l Lang) String() string {
	if l < 0 || int(l) >= len(langNames) {
		return fmt.Sprintf("Lang(%d)", int(l))
	}
	return langNames[l]
}

// Set implements pflag.Value; it rejects unknown codes.
func (l *Lang) Set(s string) error {
	for i, n := range langNames {
		if s == n {
			*l = Lang(i)
			return nil
		}
	}
	return fmt.Errorf("unknown language %q (want %s)", s, strings.Join(langNames[:], " or "))
}

// Type implements pflag.Value.
func (l *Lang) Type() string { return "lang" }

// label names a piece of text that is shown in both languages.
type label int

// The labels. Add new ones at the end of their group, with both texts in
// labelText.
const (
	lblNone label = iota
	lblYes
	lblNo
	lblMissing
	lblSolveTitle
	lblAssignmentTitle
	lblRows
	lblCols
	lblFormat
	lblMaximize
	lblFeasible
	lblOptimum
	lblCertified
	lblAssigned
	lblRepeat
	lblSolveSeconds
	lblRow
	lblCol
	lblCost
	lblWarnings
	lblField
	lblValue
	numLabels
)

// labelText holds every label in English and Indonesian.
var labelText = [numLabels][2]string{
	lblNone:            {"", ""},
	lblYes:             {"yes", "ya"},
	lblNo:              {"no", "tidak"},
	lblMissing:         {"–", "–"},
	lblSolveTitle:      {"Assignment problem", "Masalah penugasan"},
	lblAssignmentTitle: {"Assignment", "Penugasan"},
	lblRows:            {"rows", "baris"},
	lblCols:            {"columns", "kolom"},
	lblFormat:          {"input format", "format masukan"},
	lblMaximize:        {"maximize", "maksimalkan"},
	lblFeasible:        {"feasible", "layak"},
	lblOptimum:         {"optimum", "nilai optimum"},
	lblCertified:       {"certified optimal", "optimal tersertifikasi"},
	lblAssigned:        {"rows assigned", "baris terisi"},
	lblRepeat:          {"solves", "jumlah penyelesaian"},
	lblSolveSeconds:    {"best solve time (s)", "waktu penyelesaian terbaik (detik)"},
	lblRow:             {"row", "baris"},
	lblCol:             {"column", "kolom"},
	lblCost:            {"cost", "biaya"},
	lblWarnings:        {"Warnings", "Peringatan"},
	lblField:           {"field", "isian"},
	lblValue:           {"value", "nilai"},
}

// text returns the label in language l.
func (l Lang) text(lb label) string {
	return labelText[lb][l]
}
