package scoring

// EmploymentStatus is an employee's status in the civil service. Text
// forms: PNS, CPNS, PPPK (ParseEmploymentStatus ignores case). The zero value
// is rejected by validation.
type EmploymentStatus uint8

// Employment statuses.
const (
	StatusPNS  EmploymentStatus = iota + 1 // pegawai negeri sipil, permanent civil servant
	StatusCPNS                             // calon PNS, probationary candidate
	StatusPPPK                             // government employee on a work contract
)

var statusNames = []string{"", "PNS", "CPNS", "PPPK"}

// String returns "PNS", "CPNS" or "PPPK".
func (s EmploymentStatus) String() string { return enumName(statusNames, int(s), "EmploymentStatus") }

// ParseEmploymentStatus parses "PNS", "CPNS" or "PPPK"; other text gives an
// *EnumError.
func ParseEmploymentStatus(s string) (EmploymentStatus, error) {
	return parseEnum[EmploymentStatus]("employment status", statusNames, s, nil)
}

// Sex is recorded for reports (group-equity audits) and is never a scoring
// input. Text forms: L (laki-laki, male), P (perempuan, female). The zero
// value means "not recorded".
type Sex uint8

// Sexes.
const (
	SexMale   Sex = iota + 1 // L
	SexFemale                // P
)

var sexNames = []string{"", "L", "P"}

// String returns "L" or "P".
func (s Sex) String() string { return enumName(sexNames, int(s), "Sex") }

// ParseSex parses "L" or "P"; other text gives an *EnumError.
func ParseSex(s string) (Sex, error) { return parseEnum[Sex]("sex", sexNames, s, nil) }
