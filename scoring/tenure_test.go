package scoring

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAddMonths(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2025-01-31", 1, "2025-02-28"},  // clamp to February's end
		{"2024-01-31", 1, "2024-02-29"},  // leap year
		{"2024-02-29", 12, "2025-02-28"}, // 29 Feb + 1 year
		{"2024-02-29", 24, "2026-02-28"},
		{"2024-02-29", 48, "2028-02-29"},
		{"2025-08-31", -6, "2025-02-28"}, // time.AddDate would give 3 Mar
		{"2025-03-31", -1, "2025-02-28"},
		{"2025-12-15", 1, "2026-01-15"}, // year roll-over
		{"2025-01-15", -1, "2024-12-15"},
		{"2025-05-31", 0, "2025-05-31"},
		{"2025-10-31", -120, "2015-10-31"},
	}
	for _, tt := range tests {
		assert.Equal(t, date(tt.want), AddMonths(date(tt.from), tt.n), "%s %+d", tt.from, tt.n)
	}
}

func TestYears(t *testing.T) {
	tests := []struct {
		from, to string
		want     float64
	}{
		{"2023-10-08", "2025-10-08", 2},
		{"2023-10-09", "2025-10-08", (23 + 29.0/30) / 12}, // 23 months to 9 Sep, then 29 of 30 days
		{"2024-02-29", "2026-02-28", 2},                   // month-end clamp: exactly 2 years
		{"2024-02-29", "2026-02-27", (23 + 29.0/30) / 12}, // 23 months to 29 Jan, then 29 of the 30 days to 28 Feb
		{"2025-01-31", "2025-02-28", 1.0 / 12},
		{"2025-10-08", "2025-10-08", 0},
		{"2025-10-09", "2025-10-08", 0}, // reversed
	}
	for _, tt := range tests {
		assert.InDelta(t, tt.want, Years(date(tt.from), date(tt.to)), 1e-12, "%s → %s", tt.from, tt.to)
	}
}

// Years and AddMonths agree at every boundary: Years ≥ k ⇔ AddMonths(from, 12k) ≤ to.
func TestYearsAgreesWithAddMonths(t *testing.T) {
	from := date("2020-01-01")
	for d := 0; d < 3*366; d++ {
		f := from.AddDate(0, 0, d)
		for _, k := range []int{1, 2, 5} {
			edge := AddMonths(f, 12*k)
			for _, to := range []string{edge.AddDate(0, 0, -1).Format("2006-01-02"), edge.Format("2006-01-02")} {
				want := !AddMonths(f, 12*k).After(date(to))
				assert.Equal(t, want, Years(f, date(to)) >= float64(k), "%s → %s, k=%d", f, to, k)
			}
		}
	}
}

func TestRetirementDate(t *testing.T) {
	assert.Equal(t, date("2025-04-01"), RetirementDate(date("1967-03-15"), 58))
	assert.Equal(t, date("2025-04-01"), RetirementDate(date("1967-03-01"), 58))
	assert.Equal(t, date("2025-04-01"), RetirementDate(date("1967-03-31"), 58))
	assert.Equal(t, date("2028-01-01"), RetirementDate(date("1967-12-31"), 60)) // year roll-over
	assert.Equal(t, date("2030-03-01"), RetirementDate(date("1968-02-29"), 62)) // 29 Feb birthday
}

func TestRetirementAges(t *testing.T) {
	r := DefaultRules()
	assert.Equal(t, 58, r.RetirementAge(KindPelaksana, 0, 0))
	assert.Equal(t, 58, r.RetirementAge(KindAdministrator, 0, 0))
	assert.Equal(t, 58, r.RetirementAge(KindFunctional, AhliMuda, ProfessionNurse))
	assert.Equal(t, 60, r.RetirementAge(KindJPT, 0, 0))
	assert.Equal(t, 60, r.RetirementAge(KindFunctional, AhliMadya, 0))
	assert.Equal(t, 65, r.RetirementAge(KindFunctional, AhliUtama, 0))
	assert.Equal(t, 60, r.RetirementAge(KindFunctional, AhliPertama, ProfessionTeacher)) // UU 14/2005 Pasal 40(4)
	r.RetirementAges.Teacher = 62                                                        // data, not a constant
	assert.Equal(t, 62, r.RetirementAge(KindPelaksana, 0, ProfessionTeacher))
}
