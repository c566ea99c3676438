package scenarios

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mutasi-asn/mutasi/scoring"
)

// sampleArgs gives each code arguments of the documented types.
var sampleArgs = map[ReasonCode][]any{
	ReasonPinned:                 {"akreditasi rumah sakit"},
	ReasonOverNeed:               {12, 10},
	ReasonRotationDue:            {6.2},
	ReasonRotationPoint:          {8.5},
	ReasonRemoteSeat:             {"very_remote"},
	ReasonWish:                   {2},
	ReasonGain:                   {"education", 0.0625},
	ReasonNoEligiblePost:         {},
	ReasonBetterFits:             {},
	ReasonRotationNoPost:         {"RSUD-PERAWAT"},
	ReasonAbolishedPost:          {"RSUD-PERAWAT"},
	ReasonSurplusHolder:          {"RSUD-PERAWAT", 56, 45},
	ReasonTie:                    {"Perawat Terampil", "Puskesmas Pelepat"},
	ReasonStay:                   {0.0093, "Perawat Terampil", "Puskesmas Pelepat"},
	ReasonStayDisplacing:         {0.0093, "Perawat Terampil", "Puskesmas Pelepat", "199001012015032001"},
	ReasonVacantSeat:             {1.25, "Perawat Terampil", "Puskesmas Pelepat"},
	ReasonTakeSeat:               {0.015, "Perawat Terampil", "Puskesmas Pelepat", "199001012015032001"},
	ReasonStayUnproven:           {0.0, 0.1523, 0.07, "Perawat Terampil", "Puskesmas Pelepat"},
	ReasonStayDisplacingUnproven: {0.0, 0.1523, 0.07, "Perawat Terampil", "Puskesmas Pelepat", "199001012015032001"},
	ReasonVacantSeatUnproven:     {0.0, 0.1523, 0.07, "Perawat Terampil", "Puskesmas Pelepat"},
	ReasonTakeSeatUnproven:       {0.0, 0.1523, 0.07, "Perawat Terampil", "Puskesmas Pelepat", "199001012015032001"},
	ReasonWarnRotationHeld:       {3, 5, "pinned 2, election-freeze 1"},
	ReasonWarnPinBreaks:          {"199001012015032001", "RSUD-PERAWAT", "Plt. kepala", "min-education", "D3 below minimum S1", "pendidikan D3 di bawah syarat minimal S1"},
	ReasonWarnPinFreeze:          {"199001012015032001", "RSUD-PERAWAT", "Plt. kepala", "pilkada-2024"},
	ReasonWarnPolicy:             {"alih_fungsi", 3, "SKB 5 Menteri 2011"},
	ReasonWarnRotationKept:       {4, 5},
	ReasonTermsOver:              {8},
	ReasonWarnReleased:           {2},
	ReasonSIPNeeded:              {"PKM-PELEPAT"},
	ReasonOverFormationClosed:    {},
	ReasonRotationValue:          {0.15},
	ReasonDemotionPenalty:        {"severe"},
	ReasonDemotionRequest:        {"own request"},
	ReasonWarnOpenSelection:      {"SETDA-SEKDA"},
	ReasonWarnCapacityOn:         {},
	ReasonWarnNotProven:          {100, "nodes", 1641.0727, 1640.8846, 0.1881},
	ReasonWarnWithinGap:          {0.01, 1641.0727, 1640.8846, 0.1881},
	ReasonWarnRankNotProven:      {2, 1641.0727, 1640.8801, 0.1926},
	ReasonWarnFreezeApprovedAll:  {"pilkada-2024", "2024-03-22", "2024-09-22", "UU 10/2016 Pasal 71(2)"},
	ReasonWarnFreeze:             {"pilkada-2024", "2024-03-22", "2024-09-22", "UU 10/2016 Pasal 71(2)", 2},
	ReasonExcluded:               {"pemeriksaan inspektorat"},
	ReasonNoNeededSeat:           {},
	ReasonOpenSelection:          {},
	ReasonMustRotate:             {},
	ReasonFreezeWindow:           {},
	ReasonInfeasibleCapacity:     {2, "PKM-PELEPAT-PERAWAT", 1, "199001012015032001, 199203152016031002"},
	ReasonInfeasibleFloor:        {"Puskesmas Muara Bungo", 2, "nurse", 1, "max-tenure 1"},
	ReasonInfeasibleConflict:     {},
	ReasonLimitFloor:             {"Puskesmas Pelepat", 1, "doctor", "Permenkes 43/2019"},
	ReasonLimitCap:               {"RSUD H. Hanafie Muara Bungo", 45, "nurse", ""},
	ReasonLimitRemoteOutflow:     {},
	ReasonLimitTurnover:          {12.5},
	ReasonLimitMaxMoves:          {40},
	ReasonLimitConflict:          {"199001012015032001", "199203152016031002", "married couple"},
	ReasonLimitHeld:              {"199001012015032001", "PKM-PELEPAT-PERAWAT", "acting team lead"},
}

// TestReasonCatalogue: every code is kebab-case, has sample arguments that
// fill its texts exactly (no %!verb, no missing or extra arguments), and
// its Indonesian text differs from the English one.
func TestReasonCatalogue(t *testing.T) {
	kebab := regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
	codes := ReasonCodes()
	assert.Len(t, codes, len(sampleArgs), "every code has sample arguments")
	assert.IsIncreasing(t, codes)
	for _, c := range codes {
		args, ok := sampleArgs[c]
		require.True(t, ok, "no sample arguments for %s", c)
		r := newReason(c, args...)
		en, id := r.Text("en"), r.Text("id")
		assert.Regexp(t, kebab, string(c))
		for _, s := range []string{en, id} {
			assert.NotContains(t, s, "%!", "%s: %q", c, s)
		}
		assert.NotEqual(t, en, id, c)
		assert.Equal(t, en, r.String())
		assert.Equal(t, en, r.Text("jv"), "other languages give English")
	}
	assert.Equal(t, "no-such-code", Reason{Code: "no-such-code"}.Text("id"))
}

// TestReasonText pins the texts a Bungo planner reads, with hand-written
// Indonesian: decimal comma, translated areas and criteria, free text kept.
func TestReasonText(t *testing.T) {
	tests := []struct {
		r      Reason
		en, id string
	}{
		{newReason(ReasonRotationDue, 6.2), "rotation due (max-tenure): 6.2 years in post",
			"rotasi jatuh tempo (max-tenure): 6,2 tahun pada jabatan"},
		{newReason(ReasonRemoteSeat, "remote"), "fills a seat in a remote unit", "mengisi formasi di unit terpencil"},
		{newReason(ReasonRemoteSeat, "very_remote"), "fills a seat in a very_remote unit", "mengisi formasi di unit sangat terpencil"},
		{newReason(ReasonWish, 2), "wish #2", "pilihan ke-2"},
		{newReason(ReasonGain, "education", 0.1234), "education +0.1234", "pendidikan +0,1234"},
		{newReason(ReasonGain, "tenure", 0.15), "tenure +0.1500", "masa jabatan +0,1500"},
		{newReason(ReasonOverNeed, 2, 1), "current post over its needs: 2 holders for 1 seats",
			"jabatan saat ini melebihi kebutuhan: 2 pemangku untuk 1 formasi"},
		{newReason(ReasonPinned, "hospital accreditation in progress"), "pinned: hospital accreditation in progress",
			"ditetapkan: hospital accreditation in progress"},
		{newReason(ReasonTakeSeat, 0.015, "Kepala Sekolah", "SMP Negeri 1", "198004112003092001"),
			"needs +0.0150 to take Kepala Sekolah at SMP Negeri 1 from 198004112003092001",
			"perlu +0,0150 untuk menduduki Kepala Sekolah di SMP Negeri 1, menggeser 198004112003092001"},
		{newReason(ReasonSurplusHolder, "SETDA-ADM", 12, 10),
			"SETDA-ADM has 12 holders for 10 seats; the seats went to better fits and no open post suits",
			"SETDA-ADM memiliki 12 pemangku untuk 10 formasi; formasi diisi pegawai yang lebih cocok dan tidak ada jabatan terbuka yang sesuai"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.en, tc.r.Text("en"))
		assert.Equal(t, tc.id, tc.r.Text("id"))
	}
}

// TestInfeasibleText pins the infeasibility reports in both languages:
// English as plans printed it before codes existed, Indonesian by hand.
func TestInfeasibleText(t *testing.T) {
	var ids []string
	for k := range 12 {
		ids = append(ids, fmt.Sprintf("P%02d", k))
	}
	tests := []struct {
		r      Reason
		en, id string
	}{
		{newReason(ReasonInfeasibleCapacity, 2, "PKM-PELEPAT-PERAWAT", 1, "199001012015032001, 199203152016031002"),
			"2 pinned employees need seats in PKM-PELEPAT-PERAWAT, which offer 1 (capacity): 199001012015032001, 199203152016031002",
			"2 pegawai yang ditetapkan (pin) membutuhkan formasi pada PKM-PELEPAT-PERAWAT, yang hanya menyediakan 1 formasi (capacity): 199001012015032001, 199203152016031002"},
		{newReason(ReasonInfeasibleCapacity, 1, strings.Join(ids, ", "), 0, "199001012015032001"),
			"1 pinned employee needs seats in P00, P01, P02, P03, P04, P05, P06, P07, P08, P09 and 2 more, which offer 0 (capacity): 199001012015032001",
			"1 pegawai yang ditetapkan (pin) membutuhkan formasi pada P00, P01, P02, P03, P04, P05, P06, P07, P08, P09 dan 2 lainnya, yang hanya menyediakan 0 formasi (capacity): 199001012015032001"},
		{newReason(ReasonInfeasibleFloor, "Puskesmas Muara Bungo", 2, "nurse", 1, "max-tenure 1"),
			"Puskesmas Muara Bungo needs ≥ 2 nurses; 1 eligible nurse can move there: max-tenure 1",
			"Puskesmas Muara Bungo membutuhkan paling sedikit 2 perawat; hanya 1 perawat memenuhi syarat yang dapat dipindahkan ke sana; yang lain terhalang aturan: max-tenure 1"},
		{newReason(ReasonInfeasibleFloor, "SD Negeri 120 Pelepat", 3, "", 0, ""),
			"SD Negeri 120 Pelepat needs ≥ 3 holders; 0 eligible holders can move there",
			"SD Negeri 120 Pelepat membutuhkan paling sedikit 3 pegawai; hanya 0 pegawai memenuhi syarat yang dapat dipindahkan ke sana"},
		{newReason(ReasonLimitFloor, "Puskesmas Pelepat", 1, "doctor", "Permenkes 43/2019"),
			"Puskesmas Pelepat needs ≥ 1 doctor (Permenkes 43/2019)", "Puskesmas Pelepat membutuhkan paling sedikit 1 dokter (Permenkes 43/2019)"},
		{newReason(ReasonLimitCap, "RSUD", 45, "nurse", ""), "RSUD takes ≤ 45 nurses", "RSUD menerima paling banyak 45 perawat"},
		{newReason(ReasonLimitTurnover, 12.5), "at most 12.5% of a unit's staff leave in one round (max_turnover_pct)",
			"paling banyak 12,5% pegawai suatu unit kerja keluar dalam satu periode mutasi (max_turnover_pct)"},
		{newReason(ReasonLimitTurnover, 20.0), "at most 20% of a unit's staff leave in one round (max_turnover_pct)",
			"paling banyak 20% pegawai suatu unit kerja keluar dalam satu periode mutasi (max_turnover_pct)"},
		{newReason(ReasonLimitMaxMoves, 1), "at most 1 move in the round", "paling banyak 1 mutasi dalam periode ini"},
		{newReason(ReasonLimitMaxMoves, 40), "at most 40 moves in the round", "paling banyak 40 mutasi dalam periode ini"},
		{newReason(ReasonLimitHeld, "1990", "PKM-PELEPAT-PERAWAT", "acting team lead"), "1990 is held in PKM-PELEPAT-PERAWAT (acting team lead)",
			"1990 ditetapkan pada PKM-PELEPAT-PERAWAT (acting team lead)"},
		{newReason(ReasonLimitHeld, "1990", "", ""), "1990 is held without a seat", "1990 ditetapkan tanpa formasi"},
		{newReason(ReasonLimitConflict, "1990", "1992", "married couple"), "1990 and 1992 may not end in one unit or supervisory chain (married couple)",
			"1990 dan 1992 tidak boleh berada dalam satu unit kerja atau satu garis pengawasan (married couple)"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.en, tc.r.Text("en"))
		assert.Equal(t, tc.id, tc.r.Text("id"))
	}

	// A conflict lists its constraints with their rule ids, in the
	// report's language; Error is the English text.
	ie := &InfeasibleError{Rule: scoring.RuleMaxMoves, Why: newReason(ReasonInfeasibleConflict), Conflict: []ConflictingRule{
		{Rule: scoring.RuleMaxMoves, Why: newReason(ReasonLimitMaxMoves, 1)},
		{Rule: scoring.RuleUnitFloor, Why: newReason(ReasonLimitFloor, "Puskesmas Pelepat", 2, "nurse", "")},
	}}
	assert.Equal(t, "these constraints cannot hold together: at most 1 move in the round (max-moves); Puskesmas Pelepat needs ≥ 2 nurses (unit-floor)", ie.Error())
	assert.Equal(t, "batasan-batasan berikut tidak dapat dipenuhi bersamaan: paling banyak 1 mutasi dalam periode ini (max-moves); Puskesmas Pelepat membutuhkan paling sedikit 2 perawat (unit-floor)", ie.Text("id"))
	// Without Why (a report built by hand), Text derives it from the fields.
	ie = &InfeasibleError{Rule: scoring.RuleCapacity, Need: 2, Have: 1, Positions: []scoring.PositionID{"A"}, Employees: []scoring.EmployeeID{"1", "2"}}
	assert.Equal(t, "2 pinned employees need seats in A, which offer 1 (capacity): 1, 2", ie.Error())
	assert.Contains(t, ie.Text("id"), "pegawai yang ditetapkan (pin)")
}

// TestReasonJSON: a reason round-trips through JSON (where every number
// becomes a float64) and still prints the same text in both languages.
func TestReasonJSON(t *testing.T) {
	for c, args := range sampleArgs {
		r := newReason(c, args...)
		b, err := json.Marshal(r)
		require.NoError(t, err)
		assert.True(t, strings.HasPrefix(string(b), `{"code":"`+string(c)+`","args":[`), string(b))
		var back Reason
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, r.Text("en"), back.Text("en"))
		assert.Equal(t, r.Text("id"), back.Text("id"))
	}
}

// TestPlanReasonsMatchWhy: in every golden plan and explanation, the
// English text fields are exactly the structured reasons' English.
func TestPlanReasonsMatchWhy(t *testing.T) {
	for _, c := range goldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			_, in, p := planJSON(t, c, Options{Version: "test", MaxNodes: testMaxNodes})
			for _, m := range p.Moves {
				require.Len(t, m.Reasons, len(m.Why), m.Employee)
				for k := range m.Why {
					assert.Equal(t, m.Reasons[k], m.Why[k].String())
					assert.Contains(t, reasonFormats, m.Why[k].Code)
				}
			}
			for _, u := range p.Unplaced {
				assert.Equal(t, u.Reason, u.Why.String())
				assert.Contains(t, reasonFormats, u.Why.Code)
			}
			if len(p.Moves) == 0 {
				return
			}
			x, err := in.Explain(context.Background(), p, p.Moves[0].Employee, 3)
			require.NoError(t, err)
			for _, a := range x.Alternatives {
				assert.Equal(t, a.Text, a.Why.String())
				assert.Contains(t, reasonFormats, a.Why.Code)
			}
		})
	}
}
