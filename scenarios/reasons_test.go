package scenarios

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
	ReasonWarnPinBreaks:          {"199001012015032001", "RSUD-PERAWAT", "Plt. kepala", "min-education", "D3 below minimum S1", "tingkat pendidikan di bawah syarat minimal jabatan"},
	ReasonWarnPinFreeze:          {"199001012015032001", "RSUD-PERAWAT", "Plt. kepala", "pilkada-2024"},
	ReasonWarnOpenSelection:      {"SETDA-SEKDA"},
	ReasonWarnCapacityOn:         {},
	ReasonWarnNotProven:          {100, "nodes", 1641.0727, 1640.8846, 0.1881},
	ReasonWarnRankNotProven:      {2, 1641.0727, 1640.8801, 0.1926},
	ReasonWarnFreezeApprovedAll:  {"pilkada-2024", "2024-03-22", "2024-09-22", "UU 10/2016 Pasal 71(2)"},
	ReasonWarnFreeze:             {"pilkada-2024", "2024-03-22", "2024-09-22", "UU 10/2016 Pasal 71(2)", 2},
	ReasonExcluded:               {"pemeriksaan inspektorat"},
	ReasonNoNeededSeat:           {},
	ReasonOpenSelection:          {},
	ReasonMustRotate:             {},
	ReasonFreezeWindow:           {},
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
