package benchmarks

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mutasi-asn/mutasi/scenarios"
)

// datadir is the folder of the staffing datasets, which are not committed
// (their licence is unconfirmed; ../shared/data/README.md).
var datadir = flag.String("datadir", filepath.Join("..", "..", "shared", "data"), "folder with ibm_hr_attrition.csv and hr_promotion_train.csv")

// openDataset opens a dataset in -datadir, skipping the test when absent.
func openDataset(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join(*datadir, name))
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("%s not found in -datadir %s; the staffing datasets are not committed", name, *datadir)
	}
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })
	return f
}

// TestReadStaffingFirstRows maps the first rows of each dataset, then
// loads, builds and plans the scenario: the optimum is certified and
// never worse than greedy, and the same input gives the same bytes.
func TestReadStaffingFirstRows(t *testing.T) {
	tests := []struct {
		file, adapter string
		rows          int
		// employees: rows minus the leavers among them (ibm-hr:
		// Attrition=Yes in 15 of the first 100 rows of the file).
		employees int
	}{
		{"ibm_hr_attrition.csv", AdapterIBMHR, 100, 85},
		{"hr_promotion_train.csv", AdapterHRPromotion, 500, 500},
	}
	for _, tt := range tests {
		t.Run(tt.adapter, func(t *testing.T) {
			f := openDataset(t, tt.file)
			cfg := StaffingConfig{Adapter: tt.adapter, Seed: 1, Rows: tt.rows}
			g, err := ReadStaffing(f, tt.file, cfg)
			require.NoError(t, err)
			assert.Equal(t, tt.employees, g.Employees)
			assert.GreaterOrEqual(t, g.Seats, g.Positions, "every position has a seat")
			_, err = f.Seek(0, 0)
			require.NoError(t, err)
			again, err := ReadStaffing(f, tt.file, cfg)
			require.NoError(t, err)
			assert.Equal(t, g.Files, again.Files, "same input, same bytes")

			in := buildInstance(t, g.FS())
			assert.Equal(t, tt.employees, len(in.Employees))
			p, err := in.Plan(context.Background())
			require.NoError(t, err)
			require.True(t, p.Manifest.Cert.Passed)
			c := Compare(in, p)
			assert.GreaterOrEqual(t, c.Optimal.Objective, c.Greedy.Objective-1e-9)
			checkKPIs(t, p.KPIs.After, c.Optimal)
			assert.Zero(t, c.Optimal.Violations)
			// Nobody is younger than their service or past retirement.
			for _, e := range in.Employees {
				assert.False(t, e.BirthDate.AddDate(18, 0, 0).After(e.CPNSSince), "%s: CPNS before 18", e.ID)
				assert.False(t, e.PositionSince.After(in.Scenario.PlanDate), "%s: post from the future", e.ID)
			}
		})
	}
}

// TestReadStaffingErrors checks the ErrStaffing cases.
func TestReadStaffingErrors(t *testing.T) {
	t.Parallel()
	ibmHead := "Age,Attrition,Department,Education,EducationField,EmployeeNumber,Gender,JobInvolvement,JobLevel,JobRole,PerformanceRating,YearsAtCompany,YearsInCurrentRole\n"
	tests := []struct {
		name, adapter, data, want string
	}{
		{"unknown adapter", "sap", "a\n1\n", `unknown adapter "sap"`},
		{"missing column", AdapterIBMHR, "Age\n30\n", `ibm.csv:1:1: missing columns "Attrition", "Department"`},
		{"bad integer", AdapterIBMHR, ibmHead + "old,No,Sales,3,Medical,1,Male,3,2,Sales Executive,3,5,2\n", "ibm.csv:2:1: column Age: want an integer from 18 to 70"},
		{"unknown department", AdapterIBMHR, ibmHead + "30,No,Legal,3,Medical,1,Male,3,2,Sales Executive,3,5,2\n", `ibm.csv:2:7: column Department: unknown department "Legal"`},
		{"no rows", AdapterIBMHR, ibmHead, "no data rows"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := ReadStaffing(strings.NewReader(tt.data), "ibm.csv", StaffingConfig{Adapter: tt.adapter})
			require.ErrorIs(t, err, ErrStaffing)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// TestReadStaffingEveryError is issue 15's dataset finding: the adapters
// reported only the first error, without its column, and accepted an
// employee id given twice.
func TestReadStaffingEveryError(t *testing.T) {
	t.Parallel()
	head := "employee_id,department,region,education,gender,recruitment_channel,no_of_trainings,age,previous_year_rating,length_of_service,KPIs_met >80%,awards_won?,avg_training_score,awards_won\n"
	data := head +
		"1,HR,region_1,Bachelor's,m,other,1,35,3,5,1,0,60,0\n" +
		"2,Space,region_x,PhD,m,other,1,350,9,5,1,0,60,0\n" +
		"1,HR,region_1,Bachelor's,m,other,1,35,3,5,1,0,60,0\n"
	_, err := ReadStaffing(strings.NewReader(data), "promo.csv", StaffingConfig{Adapter: AdapterHRPromotion})
	require.ErrorIs(t, err, ErrStaffing)
	var list *scenarios.ErrorList
	require.ErrorAs(t, err, &list)
	var got []string
	for _, e := range list.Errs {
		var pe *ParseError
		require.ErrorAs(t, e, &pe)
		got = append(got, e.Error())
	}
	assert.Equal(t, []string{
		`promo.csv:3:32: column age: want an integer from 18 to 70, got "350"`,
		`promo.csv:3:3: column department: unknown department "Space"`,
		`promo.csv:3:9: column region: want region_<n>, got "region_x"`,
		`promo.csv:3:36: column previous_year_rating: want an integer from 1 to 5, got "9"`,
		`promo.csv:3:18: column education: unknown education "PhD"`,
		`promo.csv:4:1: column employee_id: employee 1 is already on line 2`,
	}, got)
}

// TestReadStaffingBOM checks that a UTF-8 BOM and CRLF line endings (the
// IBM file has both) are accepted.
func TestReadStaffingBOM(t *testing.T) {
	t.Parallel()
	data := "\ufeffAge,Attrition,Department,Education,EducationField,EmployeeNumber,Gender,JobInvolvement,JobLevel,JobRole,PerformanceRating,YearsAtCompany,YearsInCurrentRole\r\n" +
		"41,No,Sales,2,Life Sciences,1,Female,3,2,Sales Executive,3,6,4\r\n" +
		"49,Yes,Research & Development,1,Life Sciences,2,Male,2,2,Research Scientist,4,10,7\r\n"
	g, err := ReadStaffing(strings.NewReader(data), "bom.csv", StaffingConfig{Adapter: AdapterIBMHR})
	require.NoError(t, err)
	assert.Equal(t, 1, g.Employees, "the leaver is not in the workforce")
	assert.Equal(t, 2, g.Seats, "the leaver's seat is a vacancy")
	assert.True(t, bytes.Contains(g.File("employees.csv"), []byte("Pegawai 1")))
	_, _, err = scenarios.Load(g.FS(), "scenario.yaml")
	require.NoError(t, err)
}
