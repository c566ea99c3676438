package scenarios

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/mutasi-asn/mutasi/scoring"
)

// ReasonCode is the stable kebab-case code of a reason in a plan or an
// explanation. Codes never change once released; the English and
// Indonesian texts may be reworded.
type ReasonCode string

// Reasons for a move ([Move.Why]), in the order a move lists them. The
// comment gives the arguments of each code ([Reason.Args]) in order.
const (
	// ReasonPinned: the move is fixed by constraints.pinned. Args: the
	// pin's reason (free text from the scenario, not translated). Also
	// used by mutasi score for a pair closed by a pin elsewhere.
	ReasonPinned ReasonCode = "pinned"
	// ReasonOverNeed: the current post holds more people than it needs.
	// Args: holders, seats (int, int).
	ReasonOverNeed ReasonCode = "over-need"
	// ReasonRotationDue: the employee must rotate (max-tenure is hard).
	// Args: years in post (float64, one decimal).
	ReasonRotationDue ReasonCode = "rotation-due"
	// ReasonRotationPoint: the employee is past the rotation point (soft
	// max-tenure). Args: years in post (float64, one decimal).
	ReasonRotationPoint ReasonCode = "rotation-point"
	// ReasonTermsOver: a principal whose terms are over returns to
	// teaching (Permendikdasmen 7/2025: two terms of four years). Args:
	// the years of the terms (int).
	ReasonTermsOver ReasonCode = "terms-over"
	// ReasonDemotionPenalty: a demotion imposed by an active disciplinary
	// penalty (PP 94/2021 Pasal 8(4)). Args: the penalty's level, text
	// form (severe…).
	ReasonDemotionPenalty ReasonCode = "demotion-penalty"
	// ReasonDemotionRequest: a demotion the employee asked for (an
	// exception of rule demotion). Args: the exception's reason (free
	// text, not translated).
	ReasonDemotionRequest ReasonCode = "demotion-request"
	// ReasonRotationValue: the value the move gains for the employee being
	// due to rotate (an objective term apart from the fit). Args: the value
	// (float64, four decimals).
	ReasonRotationValue ReasonCode = "rotation-value"
	// ReasonSIPNeeded: a health worker's move to another place of practice
	// needs a new SIP there (UU 17/2023 Pasal 263; PP 28/2024): a follow-up
	// for the agency, not a rule. Args: the new unit's ID.
	ReasonSIPNeeded ReasonCode = "sip-needed"
	// ReasonRemoteSeat: the move fills a seat in a remote or very remote
	// unit. Args: the unit's area class, text form (remote, very_remote).
	ReasonRemoteSeat ReasonCode = "remote-seat"
	// ReasonWish: the new post is one of the employee's wishes. Args: the
	// wish's rank, 1 first (int).
	ReasonWish ReasonCode = "wish"
	// ReasonGain: a criterion improves. Args: the criterion, text form
	// (education…), and the gain in its weighted contribution (float64,
	// four decimals).
	ReasonGain ReasonCode = "gain"
)

// Reasons why an employee is left without a seat ([Unplaced.Why]).
const (
	// ReasonNoEligiblePost: every post is closed to the employee. No args.
	ReasonNoEligiblePost ReasonCode = "no-eligible-post"
	// ReasonBetterFits: the seats open to the employee went to better
	// fits. No args.
	ReasonBetterFits ReasonCode = "better-fits"
	// ReasonRotationNoPost: due to rotate (hard max-tenure) and no open
	// post suits, so the employee keeps the current post without a seat.
	// Args: the current post's ID.
	ReasonRotationNoPost ReasonCode = "rotation-no-post"
	// ReasonAbolishedPost: the current post has no needed seat (abolished
	// or 0 in the ABK) and no open post suits. Args: the current post's ID.
	ReasonAbolishedPost ReasonCode = "abolished-post"
	// ReasonSurplusHolder: the current post holds more people than its
	// seats, the seats went to better fits and no open post suits. Args:
	// the current post's ID, holders, seats (string, int, int).
	ReasonSurplusHolder ReasonCode = "surplus-holder"
)

// Reasons why a runner-up post was not given ([Alternative.Why]). The
// margin is in fit units (float64, four decimals); post and unit are
// names, holder a NIP.
const (
	// ReasonTie: a plan of equal value gives the post; the tie rule chose
	// the planned one. Args: post, unit.
	ReasonTie ReasonCode = "tie"
	// ReasonStay: staying in the current post needs more fit. Args:
	// margin, post, unit.
	ReasonStay ReasonCode = "stay"
	// ReasonStayDisplacing: staying needs more fit and would take the seat
	// of the holder. Args: margin, post, unit, holder.
	ReasonStayDisplacing ReasonCode = "stay-displacing"
	// ReasonVacantSeat: a vacant seat of the post needs more fit. Args:
	// margin, post, unit.
	ReasonVacantSeat ReasonCode = "vacant-seat"
	// ReasonTakeSeat: the post needs more fit and would take the seat of
	// the holder. Args: margin, post, unit, holder.
	ReasonTakeSeat ReasonCode = "take-seat"
	// ReasonStayUnproven … ReasonTakeSeatUnproven are the four above when
	// the margin is not proven (branch and bound stopped at its node
	// limit): the margin is given as its proven bounds and the best found.
	// Args: low, high, found, post, unit, and holder where the proven code
	// has one.
	ReasonStayUnproven           ReasonCode = "stay-unproven"
	ReasonStayDisplacingUnproven ReasonCode = "stay-displacing-unproven"
	ReasonVacantSeatUnproven     ReasonCode = "vacant-seat-unproven"
	ReasonTakeSeatUnproven       ReasonCode = "take-seat-unproven"
)

// Warnings of a plan ([Warning.Why]); the warning's rule id is not part
// of the text.
const (
	// ReasonWarnRotationHeld: employees past the rotation point keep their
	// post because a stronger rule holds them. Args: how many (int), the
	// rotation years (int), the holding rules with counts (string).
	ReasonWarnRotationHeld ReasonCode = "warn-rotation-held"
	// ReasonWarnPinBreaks: a pin breaks a pair rule. Args: employee, post,
	// the pin's reason, rule id, the violation's facts in English and in
	// Indonesian (scoring.Violation.Text; each language uses its own).
	ReasonWarnPinBreaks ReasonCode = "warn-pin-breaks"
	// ReasonWarnPinFreeze: a pin changes a post covered by a freeze window.
	// Args: employee, post, the pin's reason, the window's name.
	ReasonWarnPinFreeze ReasonCode = "warn-pin-freeze"
	// ReasonWarnOpenSelection: the post is filled through open selection.
	// Args: post.
	ReasonWarnOpenSelection ReasonCode = "warn-open-selection"
	// ReasonWarnCapacityOn: rules.disabled lists capacity, which cannot be
	// switched off. No args.
	ReasonWarnCapacityOn ReasonCode = "warn-capacity-on"
	// ReasonWarnNotProven: branch and bound stopped at its node limit.
	// Args: node limit (int), "node" or "nodes", bound, objective, gap
	// (float64).
	ReasonWarnNotProven ReasonCode = "warn-not-proven"
	// ReasonWarnWithinGap: branch and bound stopped once the plan was
	// proven within the gap tolerance (Options.Gap). Args: the tolerance
	// in percent, bound, objective, gap (float64).
	ReasonWarnWithinGap ReasonCode = "warn-within-gap"
	// ReasonWarnFreezeApprovedAll: the plan date lies in a freeze window
	// and Mendagri approved the whole round. Args: window, from, to, basis.
	ReasonWarnFreezeApprovedAll ReasonCode = "warn-freeze-approved-all"
	// ReasonWarnRotationKept: under a hard rotation, employees due to
	// rotate keep their post because no lawful post was open to them.
	// Args: how many (int), the rotation years (int).
	ReasonWarnRotationKept ReasonCode = "warn-rotation-kept"
	// ReasonWarnReleased: under the restructuring policy, holders lose
	// their post (dibebaskan dari jabatan). Args: how many (int).
	ReasonWarnReleased ReasonCode = "warn-released"
	// ReasonWarnPolicy: a policy departs from the lawful default. Args:
	// the policy's name, the employees it covers (int; 0 for a policy of
	// the whole round), its reason (free text, not translated).
	ReasonWarnPolicy ReasonCode = "warn-policy"
	// ReasonWarnFreeze: the plan date lies in a freeze window; covered
	// posts are frozen except for approved employees. Args: window, from,
	// to, basis, approved employees (int).
	ReasonWarnFreeze ReasonCode = "warn-freeze"
)

// Reasons why a scenario rule (not a pair rule of scoring) closes a pair
// that the pair rules allow; mutasi score prints them. ReasonPinned is one
// of them too.
const (
	// ReasonExcluded: the employee is out of the round. Args: the
	// exclusion's reason (free text, not translated).
	ReasonExcluded ReasonCode = "excluded"
	// ReasonNoNeededSeat: the post has no needed seat. No args.
	ReasonNoNeededSeat ReasonCode = "no-needed-seat"
	// ReasonOpenSelection: the post is filled through open selection. No
	// args.
	ReasonOpenSelection ReasonCode = "open-selection"
	// ReasonOverFormationClosed: the post holds more people than it needs
	// (or its unit is at a cap): it takes nobody new. No args.
	ReasonOverFormationClosed ReasonCode = "over-formation-closed"
	// ReasonMustRotate: the employee is due to rotate and may not keep the
	// post. No args.
	ReasonMustRotate ReasonCode = "must-rotate"
	// ReasonFreezeWindow: an election freeze or acting-head window closes
	// the pair. No args.
	ReasonFreezeWindow ReasonCode = "freeze-window"
)

// Reasons why no plan exists ([InfeasibleError.Why]) and the plan-level
// constraints an infeasible combination names ([ConflictingRule.Why]).
// Profession arguments are text forms (scoring.Profession, such as
// "doctor"; "" for holders of any profession) and lists of ids are
// comma-separated.
const (
	// ReasonInfeasibleCapacity: pinned employees need more seats than
	// their posts offer. Args: pinned employees (int), posts (list),
	// seats (int), employees (list).
	ReasonInfeasibleCapacity ReasonCode = "infeasible-capacity"
	// ReasonInfeasibleFloor: too few people may move into a unit to meet
	// its floor. Args: unit name, people needed (int), profession,
	// eligible people (int), the rules that keep qualified people out with
	// their counts (string such as "min-tenure 3, grade-band 1"; "" for
	// none).
	ReasonInfeasibleFloor ReasonCode = "infeasible-floor"
	// ReasonInfeasibleConflict: plan-level constraints cannot hold
	// together; each ConflictingRule names one. No args.
	ReasonInfeasibleConflict ReasonCode = "infeasible-conflict"
	// ReasonLimitFloor: constraints.unit_floors. Args: unit name, minimum
	// (int), profession, the floor's reason (free text; "" for none).
	ReasonLimitFloor ReasonCode = "limit-unit-floor"
	// ReasonLimitCap: constraints.unit_caps. Args: unit name, maximum
	// (int), profession, the cap's reason (free text; "" for none).
	ReasonLimitCap ReasonCode = "limit-unit-cap"
	// ReasonLimitRemoteOutflow: constraints.no_remote_outflow. No args.
	ReasonLimitRemoteOutflow ReasonCode = "limit-no-remote-outflow"
	// ReasonLimitTurnover: constraints.max_turnover_pct. Args: the
	// percentage (float64).
	ReasonLimitTurnover ReasonCode = "limit-max-turnover"
	// ReasonLimitMaxMoves: constraints.max_moves. Args: the most moves
	// (int).
	ReasonLimitMaxMoves ReasonCode = "limit-max-moves"
	// ReasonLimitConflict: a conflict-of-interest pair. Args: the two
	// NIPs, the pair's reason (free text; "" for none).
	ReasonLimitConflict ReasonCode = "limit-conflict"
	// ReasonLimitHeld: a placement the scenario holds fixed (a pin, an
	// exclusion, an election freeze) that takes part in a conflict.
	// Args: NIP, the post it is held in ("" when held without a seat),
	// the pin's reason (free text; "" for none and for the other kinds,
	// which the entry's rule id names).
	ReasonLimitHeld ReasonCode = "limit-held"
)

// Reason is one structured reason: a stable code and its arguments, which
// Text renders in English or Indonesian. Each argument is an int, a
// float64 (already rounded to the precision the text shows) or a string;
// the comment of each code lists them. A Reason marshals to JSON as
// {"code": …, "args": […]}, the same whatever the language.
type Reason struct {
	Code ReasonCode `json:"code"`
	Args []any      `json:"args"`
}

// newReason returns a reason with a non-nil argument list.
func newReason(c ReasonCode, args ...any) Reason {
	return Reason{Code: c, Args: append([]any{}, args...)}
}

// reasonFormat holds a code's text in English and Indonesian, as fmt
// formats over its arguments.
type reasonFormat struct{ en, id string }

// reasonExpand turns the arguments of some codes into the ones their
// formats take (plural words, translated professions, list truncation),
// given whether the language is Indonesian. Each returns the arguments
// unchanged when they are too few.
var reasonExpand = map[ReasonCode]func(args []any, id bool) []any{
	ReasonInfeasibleCapacity: expandCapacity,
	ReasonInfeasibleFloor:    expandFloor,
	ReasonLimitFloor:         expandLimit,
	ReasonLimitCap:           expandLimit,
	ReasonLimitMaxMoves:      expandMaxMoves,
	ReasonLimitConflict:      expandConflict,
	ReasonLimitHeld:          expandHeld,
	ReasonDemotionPenalty:    expandPenalty,
}

// expandPenalty names a discipline level in Indonesian (berat, sedang).
func expandPenalty(a []any, id bool) []any {
	if len(a) < 1 || !id {
		return a
	}
	if d, err := scoring.ParseDisciplineLevel(stringArg(a[0])); err == nil {
		return []any{d.Label("id")}
	}
	return a
}

// reasonFormats is the catalogue of reason texts. The English texts are
// the ones plans carried before codes existed; keep them stable.
var reasonFormats = map[ReasonCode]reasonFormat{
	ReasonPinned:        {"pinned: %s", "ditetapkan: %s"},
	ReasonOverNeed:      {"current post over its needs: %d holders for %d seats", "jabatan saat ini melebihi kebutuhan: %d pemangku untuk %d formasi"},
	ReasonRotationDue:   {"rotation due (max-tenure): %.1f years in post", "rotasi jatuh tempo (max-tenure): %.1f tahun pada jabatan"},
	ReasonRotationPoint: {"past the rotation point: %.1f years in post", "telah melewati masa rotasi: %.1f tahun pada jabatan"},
	ReasonTermsOver:     {"principal's terms are over (%d years): back to teaching", "masa tugas kepala sekolah telah berakhir (%d tahun): kembali mengajar"},
	ReasonDemotionPenalty: {"lower post imposed by an active %s disciplinary penalty (PP 94/2021 Pasal 8(4))",
		"penurunan jabatan karena hukuman disiplin tingkat %s yang masih berlaku (PP 94/2021 Pasal 8(4))"},
	ReasonDemotionRequest: {"lower post at the employee's own request: %s", "penurunan jabatan atas permintaan sendiri: %s"},
	ReasonRotationValue:   {"rotation due %+.4f", "jatuh tempo rotasi %+.4f"},
	ReasonSIPNeeded:       {"needs a SIP (licence to practise) at %s", "memerlukan SIP (surat izin praktik) di %s"},
	ReasonRemoteSeat:      {"fills a seat in a %s unit", "mengisi formasi di unit %s"},
	ReasonWish:            {"wish #%d", "pilihan ke-%d"},
	ReasonGain:            {"%s %+.4f", "%s %+.4f"},

	ReasonNoEligiblePost: {"no post is open to this employee", "tidak ada jabatan yang terbuka bagi pegawai ini"},
	ReasonBetterFits: {"every seat open to this employee went to a better fit",
		"semua formasi yang terbuka bagi pegawai ini diisi pegawai yang lebih cocok"},
	ReasonRotationNoPost: {"due to rotate (max-tenure) but no open post suits: keeps %s without a seat",
		"wajib rotasi (max-tenure) tetapi tidak ada jabatan terbuka yang sesuai: tetap pada %s tanpa formasi"},
	ReasonAbolishedPost: {"%s has no needed seat (abolished or 0 in the ABK); no open post suits",
		"%s tidak memiliki kebutuhan formasi (dihapus atau 0 dalam ABK); tidak ada jabatan terbuka yang sesuai"},
	ReasonSurplusHolder: {"%s has %d holders for %d seats; the seats went to better fits and no open post suits",
		"%s memiliki %d pemangku untuk %d formasi; formasi diisi pegawai yang lebih cocok dan tidak ada jabatan terbuka yang sesuai"},

	ReasonTie: {"ties: a plan of equal value puts them in %s at %s; the published tie rule chose the planned post",
		"seri: rencana dengan nilai yang sama menempatkannya sebagai %s di %s; aturan pemecah seri yang diumumkan memilih jabatan rencana"},
	ReasonStay:           {"needs %+.4f to stay in %s at %s", "perlu %+.4f untuk tetap sebagai %s di %s"},
	ReasonStayDisplacing: {"needs %+.4f to stay in %s at %s instead of %s", "perlu %+.4f untuk tetap sebagai %s di %s, menggeser %s"},
	ReasonVacantSeat:     {"needs %+.4f to take a vacant seat of %s at %s", "perlu %+.4f untuk mengisi formasi kosong %s di %s"},
	ReasonTakeSeat:       {"needs %+.4f to take %s at %s from %s", "perlu %+.4f untuk menduduki %s di %s, menggeser %s"},
	ReasonStayUnproven: {"needs between %+.4f and %+.4f (not proven; best found %+.4f) to stay in %s at %s",
		"perlu antara %+.4f dan %+.4f (belum terbukti; terbaik yang ditemukan %+.4f) untuk tetap sebagai %s di %s"},
	ReasonStayDisplacingUnproven: {"needs between %+.4f and %+.4f (not proven; best found %+.4f) to stay in %s at %s instead of %s",
		"perlu antara %+.4f dan %+.4f (belum terbukti; terbaik yang ditemukan %+.4f) untuk tetap sebagai %s di %s, menggeser %s"},
	ReasonVacantSeatUnproven: {"needs between %+.4f and %+.4f (not proven; best found %+.4f) to take a vacant seat of %s at %s",
		"perlu antara %+.4f dan %+.4f (belum terbukti; terbaik yang ditemukan %+.4f) untuk mengisi formasi kosong %s di %s"},
	ReasonTakeSeatUnproven: {"needs between %+.4f and %+.4f (not proven; best found %+.4f) to take %s at %s from %s",
		"perlu antara %+.4f dan %+.4f (belum terbukti; terbaik yang ditemukan %+.4f) untuk menduduki %s di %s, menggeser %s"},

	ReasonWarnRotationHeld: {"%d employees past %d years in post keep it because a stronger rule holds them: %s",
		"%d pegawai yang telah lebih dari %d tahun pada jabatannya tetap karena ditahan aturan yang lebih kuat: %s"},
	ReasonWarnPinBreaks: {"pin of %[1]s to %[2]s (%[3]s) breaks %[4]s: %[5]s",
		"penetapan (pin) %[1]s ke %[2]s (%[3]s) melanggar %[4]s: %[6]s"},
	ReasonWarnPinFreeze: {"pin of %s to %s (%s) changes a post covered by the freeze window %s",
		"penetapan (pin) %s ke %s (%s) mengubah jabatan yang tercakup masa larangan %s"},
	ReasonWarnOpenSelection: {"%s is filled through open selection (seleksi terbuka): only its holders may stay, nobody new is planned into it",
		"%s diisi melalui seleksi terbuka: hanya pemangkunya yang boleh tetap, tidak ada pegawai baru yang direncanakan ke sana"},
	ReasonWarnCapacityOn: {"capacity cannot be switched off: a position never takes more than its needed seats",
		"kapasitas tidak dapat dinonaktifkan: jabatan tidak pernah menerima lebih dari kebutuhan formasinya"},
	ReasonWarnNotProven: {"optimality not proven: branch and bound stopped at its node limit (%[1]d %[2]s); no plan is worth more than %.4f, this one %.4f (gap %.4f)",
		"optimalitas belum terbukti: branch and bound berhenti pada batas simpulnya (%[1]d simpul); tidak ada rencana yang bernilai lebih dari %.4[3]f, rencana ini %.4[4]f (selisih %.4[5]f)"},
	ReasonWarnWithinGap: {"optimality not proven: branch and bound stopped within the gap asked for (%g %%); no plan is worth more than %.4f, this one %.4f (gap %.4f)",
		"optimalitas belum terbukti: branch and bound berhenti dalam selisih yang diminta (%g %%); tidak ada rencana yang bernilai lebih dari %.4f, rencana ini %.4f (selisih %.4f)"},
	ReasonWarnRankNotProven: {"rank %[1]d not proven: no plan of rank %[1]d is worth more than %.4[2]f, this one %.4[3]f (gap %.4[4]f)",
		"peringkat %[1]d belum terbukti: tidak ada rencana peringkat %[1]d yang bernilai lebih dari %.4[2]f, rencana ini %.4[3]f (selisih %.4[4]f)"},
	ReasonWarnRotationKept: {"%d employees past %d years in post keep it under the hard rotation: no lawful post was open to them",
		"%d pegawai yang telah lebih dari %d tahun pada jabatannya tetap meskipun rotasi wajib: tidak ada jabatan yang sah terbuka bagi mereka"},
	ReasonWarnReleased: {"RESTRUCTURING: %d holders lose their post in this plan (dibebaskan dari jabatan); every other plan keeps them", "RESTRUKTURISASI: %d pemangku kehilangan jabatannya dalam rencana ini (dibebaskan dari jabatan); rencana lain mempertahankan mereka"},
	ReasonWarnPolicy: {"policy %s departs from the lawful default (%d employees covered): %s",
		"kebijakan %s menyimpang dari ketentuan baku (%d pegawai tercakup): %s"},
	ReasonWarnFreezeApprovedAll: {"the plan date lies in freeze window %s (%s to %s, %s): Mendagri approved the round in writing",
		"tanggal rencana berada dalam masa larangan %s (%s s.d. %s, %s): Mendagri menyetujui periode mutasi ini secara tertulis"},
	ReasonWarnFreeze: {"the plan date lies in freeze window %s (%s to %s, %s): covered posts are frozen except for %d approved employees",
		"tanggal rencana berada dalam masa larangan %s (%s s.d. %s, %s): jabatan yang tercakup dibekukan kecuali untuk %d pegawai yang disetujui"},
	ReasonExcluded:            {"excluded from the round: %s", "dikecualikan dari periode mutasi ini: %s"},
	ReasonNoNeededSeat:        {"the post has no needed seat", "jabatan ini tidak memiliki kebutuhan formasi"},
	ReasonOpenSelection:       {"filled through open selection", "diisi melalui seleksi terbuka"},
	ReasonOverFormationClosed: {"the post is over its formation (or its unit at a cap): it takes nobody new", "jabatan ini melebihi kebutuhan (atau unitnya mencapai batas): tidak menerima pegawai baru"},
	ReasonMustRotate:          {"due to rotate: may not keep the post", "wajib rotasi: tidak boleh tetap pada jabatan ini"},
	ReasonFreezeWindow: {"closed by the election freeze or acting-head window",
		"tertutup oleh masa larangan pilkada atau masa penjabat kepala daerah"},

	ReasonInfeasibleCapacity: {"%d pinned %s seats in %s, which offer %d (capacity): %s",
		"%[1]d pegawai yang ditetapkan (pin) membutuhkan formasi pada %[3]s, yang hanya menyediakan %[4]d formasi (capacity): %[5]s"},
	ReasonInfeasibleFloor: {"%s needs ≥ %d %s; %d eligible %s can move there%s",
		"%s membutuhkan paling sedikit %d %s; hanya %d %s memenuhi syarat yang dapat dipindahkan ke sana%s"},
	ReasonInfeasibleConflict: {"these constraints cannot hold together",
		"batasan-batasan berikut tidak dapat dipenuhi bersamaan"},
	ReasonLimitFloor: {"%s needs ≥ %d %s%s", "%s membutuhkan paling sedikit %d %s%s"},
	ReasonLimitCap:   {"%s takes ≤ %d %s%s", "%s menerima paling banyak %d %s%s"},
	ReasonLimitRemoteOutflow: {"no net outflow of staff from remote and very remote units (no_remote_outflow)",
		"tidak ada pengurangan bersih pegawai dari unit kerja di daerah terpencil dan sangat terpencil (no_remote_outflow)"},
	ReasonLimitTurnover: {"at most %v%% of a unit's staff leave in one round (max_turnover_pct)",
		"paling banyak %v%% pegawai suatu unit kerja keluar dalam satu periode mutasi (max_turnover_pct)"},
	ReasonLimitMaxMoves: {"at most %d %s in the round", "paling banyak %[1]d mutasi dalam periode ini"},
	ReasonLimitConflict: {"%s and %s may not end in one unit or supervisory chain%s", "%s dan %s tidak boleh berada dalam satu unit kerja atau satu garis pengawasan%s"},
	ReasonLimitHeld:     {"%s is held %s%s", "%s ditetapkan %s%s"},
}

// intArg returns a count argument as an int; JSON gives it as a float64.
func intArg(a any) int {
	switch v := a.(type) {
	case int:
		return v
	case float64:
		return int(math.Round(v))
	}
	return 0
}

// stringArg returns a text argument, or "".
func stringArg(a any) string {
	s, _ := a.(string)
	return s
}

// holdersWord names n holders of profession prof (a text form; "" for
// any): plural English, or the Indonesian name, which has no plural.
func holdersWord(prof string, n int, id bool) string {
	p, err := scoring.ParseProfession(prof)
	if err != nil {
		p = 0
	}
	if id {
		if p == 0 {
			return "pegawai"
		}
		return p.Label("id")
	}
	return professionWord(p, n)
}

// shortList cuts a comma-separated list after ten items, then says how
// many more there are.
func shortList(list string, id bool) string {
	items := strings.Split(list, ", ")
	if len(items) <= 10 {
		return list
	}
	more := " and %d more"
	if id {
		more = " dan %d lainnya"
	}
	return strings.Join(items[:10], ", ") + fmt.Sprintf(more, len(items)-10)
}

func expandCapacity(a []any, id bool) []any {
	if len(a) < 4 {
		return a
	}
	need := intArg(a[0])
	verb := "employees need"
	if need == 1 {
		verb = "employee needs"
	}
	return []any{a[0], verb, shortList(stringArg(a[1]), id), a[2], shortList(stringArg(a[3]), id)}
}

func expandFloor(a []any, id bool) []any {
	if len(a) < 5 {
		return a
	}
	prof := stringArg(a[2])
	excluded := ""
	if x := stringArg(a[4]); x != "" {
		excluded = ": " + x
		if id {
			excluded = "; yang lain terhalang aturan: " + x
		}
	}
	return []any{a[0], a[1], holdersWord(prof, intArg(a[1]), id), a[3], holdersWord(prof, intArg(a[3]), id), excluded}
}

func expandLimit(a []any, id bool) []any {
	if len(a) < 4 {
		return a
	}
	return []any{a[0], a[1], holdersWord(stringArg(a[2]), intArg(a[1]), id), reasonSuffix(stringArg(a[3]))}
}

func expandMaxMoves(a []any, _ bool) []any {
	if len(a) < 1 {
		return a
	}
	return []any{a[0], plural(intArg(a[0]), "move")}
}

func expandHeld(a []any, id bool) []any {
	if len(a) < 3 {
		return a
	}
	where := stringArg(a[1])
	switch {
	case where == "" && id:
		where = "tanpa formasi"
	case where == "":
		where = "without a seat"
	case id:
		where = "pada " + where
	default:
		where = "in " + where
	}
	return []any{a[0], where, reasonSuffix(stringArg(a[2]))}
}

func expandConflict(a []any, _ bool) []any {
	if len(a) < 3 {
		return a
	}
	return []any{a[0], a[1], reasonSuffix(stringArg(a[2]))}
}

// ReasonCodes returns every reason code, sorted. The result is a fresh
// slice the caller may keep.
func ReasonCodes() []ReasonCode {
	out := make([]ReasonCode, 0, len(reasonFormats))
	for c := range reasonFormats {
		out = append(out, c)
	}
	slices.Sort(out)
	return out
}

// areaID are the Indonesian names of the area classes (daerah).
var areaID = map[string]string{
	"urban":       "perkotaan",
	"rural":       "perdesaan",
	"remote":      "terpencil",
	"very_remote": "sangat terpencil",
}

// String returns the reason in English, as Text("en").
func (r Reason) String() string { return r.Text("en") }

// Text returns the reason in English (lang "en") or Indonesian ("id");
// other languages give English. Indonesian writes decimals with a comma
// (6,2 tahun) and translates area classes and criteria; free text from
// the scenario (a pin's reason), IDs, names and NIPs are kept as they are.
// An unknown code gives the code itself.
func (r Reason) Text(lang string) string {
	f, ok := reasonFormats[r.Code]
	if !ok {
		return string(r.Code)
	}
	raw := r.Args
	if x := reasonExpand[r.Code]; x != nil {
		raw = x(raw, lang == "id")
	}
	args := make([]any, len(raw))
	for k, a := range raw {
		switch v := a.(type) {
		case int:
			args[k] = number{float64(v), lang == "id"}
		case float64:
			args[k] = number{v, lang == "id"}
		case string:
			args[k] = v
			switch {
			case lang != "id":
			case r.Code == ReasonRemoteSeat:
				if t, ok := areaID[v]; ok {
					args[k] = t
				}
			case r.Code == ReasonGain && k == 0:
				if c, err := scoring.ParseCriterion(v); err == nil {
					args[k] = c.Label("id")
				}
			}
		default:
			args[k] = a
		}
	}
	if lang == "id" {
		return fmt.Sprintf(f.id, args...)
	}
	return fmt.Sprintf(f.en, args...)
}

// number is a numeric argument. It prints under %d as an integer, so that
// a reason decoded from JSON (where every number is a float64) prints as
// it did, and under the float verbs with a decimal comma when comma is set,
// as Indonesian writes numbers (0,1234).
type number struct {
	v     float64
	comma bool
}

// Format implements fmt.Formatter.
func (n number) Format(s fmt.State, verb rune) {
	var t string
	if verb == 'd' {
		t = fmt.Sprintf(fmt.FormatString(s, verb), int64(math.Round(n.v)))
	} else {
		t = fmt.Sprintf(fmt.FormatString(s, verb), n.v)
	}
	if n.comma {
		t = strings.Replace(t, ".", ",", 1)
	}
	fmt.Fprint(s, t)
}

// Texts returns the reasons in language lang (see [Reason.Text]).
func Texts(rs []Reason, lang string) []string {
	out := make([]string, len(rs))
	for k, r := range rs {
		out[k] = r.Text(lang)
	}
	return out
}
