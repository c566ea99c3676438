package scoring

import "time"

// Date arithmetic on calendar dates. Only the year, month and day of a
// time.Time (in its own location) are read; results are midnight UTC.
//
// Go's time.AddDate normalises overflow (31 August minus 6 months gives 3
// March), which is wrong for tenure, retirement and freeze windows.
// AddMonths clamps to the last day of the target month instead, and every
// "n years since" rule in this package is AddMonths(since, 12n) ≤ plan date.

// AddMonths returns t plus n months (n may be negative), keeping the day of
// the month but clamping it to the month's last day: 31 Jan + 1 month is
// 28 Feb (29 in a leap year), 29 Feb 2024 + 12 months is 28 Feb 2025, and
// 31 Aug 2025 − 6 months is 28 Feb 2025. The result is midnight UTC.
func AddMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	return dateOf(addMonths(civil(y, int(m), d), n))
}

// Years returns the time from from to to in years, counting whole months by
// AddMonths and the rest as the fraction of the next month elapsed, divided
// by 12. Years(from, to) ≥ k exactly when AddMonths(from, 12k) is not after
// to, so rules written in years and dates agree at their boundaries. It
// returns 0 when to is not after from.
func Years(from, to time.Time) float64 {
	fy, fm, fd := from.Date()
	ty, tm, td := to.Date()
	return civil(fy, int(fm), fd).yearsTo(civil(ty, int(tm), td))
}

// RetirementDate returns the date an employee born on birth retires at age
// years: the first day of the month after the month of the age-th birthday
// (PNS reaching the BUP are honourably discharged with effect from the
// first of the following month, PP 11/2017 Pasal 239 [VERIFY the TMT
// convention]). Born 15 Mar 1967, age 58: 1 Apr 2025.
func RetirementDate(birth time.Time, age int) time.Time {
	y, m, d := birth.Date()
	return dateOf(civil(y, int(m), d).retirement(age))
}

// day is a calendar date packed as y·10⁴ + m·10² + d, so that integer order
// is date order.
type day int32

func civil(y, m, d int) day { return day(y*10000 + m*100 + d) }

// dayOf returns the calendar date of t, or 0 for the zero time.
func dayOf(t time.Time) day {
	if t.IsZero() {
		return 0
	}
	y, m, d := t.Date()
	return civil(y, int(m), d)
}

func (d day) ymd() (y, m, dd int) { return int(d) / 10000, int(d) / 100 % 100, int(d) % 100 }

func dateOf(d day) time.Time {
	y, m, dd := d.ymd()
	return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC)
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func monthDays(y, m int) int {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// addMonths adds n months, clamping the day to the month's end.
func addMonths(d day, n int) day {
	y, m, dd := d.ymd()
	k := y*12 + (m - 1) + n
	y, m = floorDiv(k, 12), k-floorDiv(k, 12)*12+1
	return civil(y, m, min(dd, monthDays(y, m)))
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// serial returns the number of days since 1 March of year 0 (proleptic
// Gregorian), for day differences.
func (d day) serial() int {
	y, m, dd := d.ymd()
	if m <= 2 {
		y--
		m += 12
	}
	return 365*y + y/4 - y/100 + y/400 + (153*(m-3)+2)/5 + dd - 1
}

// yearsTo implements Years on packed dates.
func (d day) yearsTo(to day) float64 {
	if to <= d {
		return 0
	}
	fy, fm, _ := d.ymd()
	ty, tm, _ := to.ymd()
	n := (ty-fy)*12 + tm - fm
	if addMonths(d, n) > to {
		n--
	}
	a, b := addMonths(d, n), addMonths(d, n+1)
	frac := float64(to.serial()-a.serial()) / float64(b.serial()-a.serial())
	return (float64(n) + frac) / 12
}

// retirement returns the first day of the month after the age-th birthday.
func (d day) retirement(age int) day {
	y, m, _ := d.ymd()
	return addMonths(civil(y+age, m, 1), 1)
}

// atLeastYears reports whether at least n whole years have passed from d to
// to: addMonths(d, 12n) ≤ to.
func (d day) atLeastYears(n int, to day) bool { return addMonths(d, 12*n) <= to }
