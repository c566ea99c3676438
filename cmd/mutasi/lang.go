package main

import (
	"fmt"
	"strconv"
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
	lblOptimalityGap
	lblAssigned
	lblRepeat
	lblSolveSeconds
	lblRow
	lblCol
	lblCost
	lblWarnings
	lblField
	lblValue
	lblPlanTitle
	lblScenario
	lblPlanDate
	lblObjective
	lblStays
	lblVacantSeats
	lblKPIs
	lblIndicator
	lblBefore
	lblAfter
	lblChange
	lblKPIStaff
	lblKPITotalFit
	lblKPIMeanFit
	lblKPIFieldMatch
	lblKPIJPM
	lblKPIUnmet
	lblKPIUnmetWeighted
	lblKPIMoves
	lblKPIPlacements
	lblKPIUnplaced
	lblKPIRemoteNeeded
	lblKPIOverFormation
	lblObjectiveTitle
	lblTerm
	lblTermFitStayers
	lblTermFitMovers
	lblTermContinuity
	lblTermSeats
	lblTermOverFormation
	lblTermRotationHeld
	lblTermRotationDue
	lblTermTotal
	lblRedistribution
	lblRetraining
	lblOptions
	lblSelection
	lblShortlist
	lblOverFormationShort
	lblAllowedByRules
	lblLimits
	lblFigures
	lblBinds
	lblKPIRemoteFilled
	lblKPIRemoteShare
	lblMoves
	lblNIP
	lblName
	lblFrom
	lblTo
	lblKind
	lblFitBefore
	lblFitAfter
	lblReasons
	lblRotation
	lblPromotion
	lblDemotion
	lblPlacement
	lblUnitStaffing
	lblStaffingByKind
	lblUnit
	lblArea
	lblNeeded
	lblShortageBefore
	lblShortageAfter
	lblSurplusBefore
	lblSurplusAfter
	lblKindOfPost
	lblVacancies
	lblPosition
	lblCriticality
	lblEligibleCount
	lblUnplacedTitle
	lblCurrentPost
	lblEligiblePosts
	lblReason
	lblChains
	lblLength
	lblCycle
	lblOpens
	lblSteps
	lblFills
	lblTraining
	lblAssessed
	lblGaps
	lblAssessFirst
	lblWarning
	lblManifest
	lblVersion
	lblPlanHash
	lblWeights
	lblRulesTitle
	lblEnforced
	lblNotEnforced
	lblSolver
	lblCertificate
	lblInputs
	lblFile
	lblSHA256
	lblInfeasibleTitle
	lblRule
	lblMessage
	lblPositions
	lblEmployees
	lblNeed
	lblHave
	lblExcludedBy
	lblConflicting
	lblConstraint
	lblCount
	lblExplainTitle
	lblOutcome
	lblOutcomeMoves
	lblOutcomePlaced
	lblOutcomeStays
	lblOutcomeUnplaced
	lblOutcomeOver
	lblEmployeesCompared
	lblHeld
	lblFixed
	lblPlannedPost
	lblAt
	lblCurrentScore
	lblPlannedScore
	lblCriterion
	lblRaw
	lblWeight
	lblContribution
	lblTotal
	lblOverrides
	lblAlternatives
	lblFit
	lblMargin
	lblHolder
	lblExplanation
	lblCompareTitle
	lblBase
	lblWhatIf
	lblAdded
	lblRemoved
	lblChanged
	lblDiffer
	lblChurn
	lblKPIDeltas
	lblMoveChanges
	lblChangeKind
	lblBaseTo
	lblWhatIfTo
	lblBaseFit
	lblWhatIfFit
	lblScoreTitle
	lblFor
	lblCandidates
	lblShown
	lblRank
	lblCurrent
	lblAllowed
	lblRules
	lblValidateTitle
	lblValid
	lblUnits
	lblSeats
	lblAllowedPairs
	lblErrors
	lblFitDistribution
	lblStaffingChart
	lblStaff
	lblShareOfStaff
	lblDetails
	lblNoRows
	// mutasi generate and bench.
	lblBenchTitle
	lblBenchDatasetTitle
	lblWorkload
	lblDataset
	lblAdapter
	lblStorage
	lblPruned
	lblLoadSeconds
	lblBuildSeconds
	lblPlanSeconds
	lblGreedySeconds
	lblPeakMiB
	lblOptimal
	lblGreedy
	lblViolations
	lblOptObjective
	lblGreedyObjective
	lblOptTotalFit
	lblGreedyTotalFit
	lblOptMeanFit
	lblGreedyMeanFit
	lblOptFieldMatch
	lblGreedyFieldMatch
	lblOptUnmet
	lblGreedyUnmet
	lblOptMoves
	lblGreedyMoves
	lblOptViolations
	lblGreedyViolations
	// explain: what holds an employee in place, and the reason of the
	// scenario's own closures ("pinned"); rule ids stay ids.
	lblHeldPinned
	lblHeldExcluded
	lblClosedByPin

	// mutasi bench gap and plan --alternatives (issue 6).
	lblGapTitle
	lblGapInstances
	lblGapSummary
	lblGapInstance
	lblGapAgents
	lblGapJobs
	lblGapSense
	lblGapMin
	lblGapMax
	lblGapValue
	lblGapBound
	lblGapKnown
	lblGapProven
	lblGapPercent
	lblGapSeconds
	lblGapInstanceCount
	lblGapProvenCount
	lblGapKnownCount
	lblGapReachedCount
	lblGapTotalSeconds
	lblAltTitle
	lblAltCount
	lblAltPlans
	lblAltChanges
	lblAltRank
	lblAltDifference
	lblAltChanged
	lblAltBestPost
	lblAltPost
	lblAltFitBest
	lblAltFitPost
	numLabels
)

// labelText holds every label in English and Indonesian.
var labelText = [numLabels][2]string{
	lblNone:               {"", ""},
	lblYes:                {"yes", "ya"},
	lblNo:                 {"no", "tidak"},
	lblMissing:            {"–", "–"},
	lblSolveTitle:         {"Assignment problem", "Masalah penugasan"},
	lblAssignmentTitle:    {"Assignment", "Penugasan"},
	lblRows:               {"rows", "baris"},
	lblCols:               {"columns", "kolom"},
	lblFormat:             {"input format", "format masukan"},
	lblMaximize:           {"maximize", "maksimalkan"},
	lblFeasible:           {"feasible", "layak"},
	lblOptimum:            {"optimum", "nilai optimum"},
	lblCertified:          {"certified optimal", "optimal tersertifikasi"},
	lblOptimalityGap:      {"optimality gap (not proven when > 0)", "selisih optimalitas (belum terbukti bila > 0)"},
	lblAssigned:           {"rows assigned", "baris terisi"},
	lblRepeat:             {"solves", "jumlah penyelesaian"},
	lblSolveSeconds:       {"best solve time (s)", "waktu penyelesaian terbaik (detik)"},
	lblRow:                {"row", "baris"},
	lblCol:                {"column", "kolom"},
	lblCost:               {"cost", "biaya"},
	lblWarnings:           {"Warnings", "Peringatan"},
	lblField:              {"field", "isian"},
	lblValue:              {"value", "nilai"},
	lblPlanTitle:          {"Transfer plan", "Rencana mutasi"},
	lblScenario:           {"scenario", "skenario"},
	lblPlanDate:           {"plan date", "tanggal efektif"},
	lblObjective:          {"objective (total value)", "nilai tujuan (total)"},
	lblStays:              {"stays", "tetap"},
	lblVacantSeats:        {"vacant seats", "formasi kosong"},
	lblKPIs:               {"KPIs before → after", "IKU sebelum → sesudah"},
	lblIndicator:          {"indicator", "indikator"},
	lblBefore:             {"before", "sebelum"},
	lblAfter:              {"after", "sesudah"},
	lblChange:             {"change", "perubahan"},
	lblKPIStaff:           {"staff in a post", "pegawai yang menduduki jabatan"},
	lblKPITotalFit:        {"total fit", "total kecocokan"},
	lblKPIMeanFit:         {"mean fit", "rata-rata kecocokan"},
	lblKPIFieldMatch:      {"field of study matches", "jurusan sesuai jabatan"},
	lblKPIJPM:             {"JPM ≥ MS threshold", "JPM ≥ ambang MS"},
	lblKPIUnmet:           {"unmet need (seats)", "kebutuhan belum terpenuhi (formasi)"},
	lblKPIUnmetWeighted:   {"unmet need, weighted by criticality", "kebutuhan belum terpenuhi, berbobot kekritisan"},
	lblKPIMoves:           {"moves", "mutasi"},
	lblKPIPlacements:      {"first placements", "penempatan pertama"},
	lblKPIUnplaced:        {"without a post", "tanpa jabatan"},
	lblKPIOverFormation:   {"over formation (holders above need)", "kelebihan pegawai (pemangku di atas kebutuhan)"},
	lblObjectiveTitle:     {"Objective before → after", "Nilai tujuan sebelum → sesudah"},
	lblTerm:               {"term", "komponen"},
	lblTermFitStayers:     {"fit of those who stay in a seat", "kecocokan pegawai yang tetap pada formasi"},
	lblTermFitMovers:      {"fit of those who move", "kecocokan pegawai yang dimutasi"},
	lblTermContinuity:     {"continuity bonus", "bonus kesinambungan"},
	lblTermSeats:          {"value of filled seats (criticality)", "nilai formasi terisi (kekritisan)"},
	lblTermOverFormation:  {"over formation (bonus − penalty each)", "kelebihan pegawai (bonus − penalti per orang)"},
	lblTermRotationHeld:   {"due to rotate but kept (hard rotation)", "wajib rotasi tetapi tetap (rotasi wajib)"},
	lblTermRotationDue:    {"moves of those due to rotate (weight × how due)", "mutasi pegawai yang jatuh tempo rotasi (bobot × tingkat jatuh tempo)"},
	lblTermTotal:          {"objective (total)", "nilai tujuan (total)"},
	lblRedistribution:     {"Redistribution list: holders over formation, kind of post short elsewhere", "Daftar redistribusi: kelebihan pegawai yang jenis jabatannya kurang di tempat lain"},
	lblRetraining:         {"Retraining list: holders over formation, kind of post short nowhere", "Daftar pelatihan ulang: kelebihan pegawai yang jenis jabatannya tidak kurang di mana pun"},
	lblOptions:            {"best shortage posts (what keeps them out)", "formasi kurang terbaik (penghalangnya)"},
	lblSelection:          {"Posts for open selection (seleksi terbuka): shortlists", "Jabatan untuk seleksi terbuka: daftar pendek"},
	lblShortlist:          {"shortlist (NIP fit, current post)", "daftar pendek (NIP kecocokan, jabatan saat ini)"},
	lblOverFormationShort: {"over formation", "kelebihan pegawai"},
	lblAllowedByRules:     {"allowed; a plan-level limit or the objective kept it out", "diizinkan aturan; ditahan batasan rencana atau nilai tujuan"},
	lblLimits:             {"Plan-level constraints: figures after the plan and whether each binds", "Batasan rencana: angka sesudah rencana dan apakah mengikat"},
	lblFigures:            {"figures", "angka"},
	lblBinds:              {"binds", "mengikat"},
	lblKPIRemoteNeeded:    {"remote seats needed", "kebutuhan formasi daerah terpencil"},
	lblKPIRemoteFilled:    {"remote seats filled", "formasi daerah terpencil terisi"},
	lblKPIRemoteShare:     {"remote seats filled (share)", "keterisian daerah terpencil (proporsi)"},
	lblMoves:              {"Moves", "Mutasi"},
	lblNIP:                {"NIP", "NIP"},
	lblName:               {"name", "nama"},
	lblFrom:               {"from", "dari"},
	lblTo:                 {"to", "ke"},
	lblKind:               {"kind", "jenis"},
	lblFitBefore:          {"fit before", "kecocokan sebelum"},
	lblFitAfter:           {"fit after", "kecocokan sesudah"},
	lblReasons:            {"reasons", "alasan"},
	lblRotation:           {"rotation", "rotasi"},
	lblPromotion:          {"promotion", "promosi"},
	lblDemotion:           {"demotion", "demosi"},
	lblPlacement:          {"placement", "penempatan"},
	lblUnitStaffing:       {"Unit staffing against needs", "Kebutuhan dan keterisian unit kerja"},
	lblStaffingByKind:     {"Staffing by kind of post (where it differs from the need)", "Keterisian per jenis jabatan (yang tidak sesuai kebutuhan)"},
	lblUnit:               {"unit", "unit kerja"},
	lblArea:               {"area", "wilayah"},
	lblNeeded:             {"needed", "kebutuhan"},
	lblShortageBefore:     {"shortage before", "kekurangan sebelum"},
	lblShortageAfter:      {"shortage after", "kekurangan sesudah"},
	lblSurplusBefore:      {"surplus before", "kelebihan sebelum"},
	lblSurplusAfter:       {"surplus after", "kelebihan sesudah"},
	lblKindOfPost:         {"kind of post", "jenis jabatan"},
	lblVacancies:          {"Vacancies left", "Formasi yang tetap kosong"},
	lblPosition:           {"position", "jabatan"},
	lblCriticality:        {"criticality", "kekritisan"},
	lblEligibleCount:      {"eligible employees", "pegawai memenuhi syarat"},
	lblUnplacedTitle:      {"Employees without a post", "Pegawai tanpa jabatan"},
	lblCurrentPost:        {"current post", "jabatan saat ini"},
	lblEligiblePosts:      {"eligible posts", "jabatan memenuhi syarat"},
	lblReason:             {"reason", "alasan"},
	lblChains:             {"Vacancy chains", "Rantai kekosongan"},
	lblLength:             {"length", "panjang"},
	lblCycle:              {"cycle", "siklus"},
	lblOpens:              {"opens", "membuka"},
	lblSteps:              {"steps (employee → seat)", "langkah (pegawai → formasi)"},
	lblFills:              {"fills", "mengisi"},
	lblTraining:           {"Training needs", "Kebutuhan pelatihan"},
	lblAssessed:           {"assessed", "sudah diasesmen"},
	lblGaps:               {"competence gaps (have→need)", "kesenjangan kompetensi (dimiliki→dibutuhkan)"},
	lblAssessFirst:        {"no valid assessment: assess first", "belum ada asesmen yang berlaku: lakukan asesmen dahulu"},
	lblWarning:            {"warning", "peringatan"},
	lblManifest:           {"Manifest", "Manifes"},
	lblVersion:            {"version", "versi"},
	lblPlanHash:           {"plan hash (SHA-256)", "hash rencana (SHA-256)"},
	lblWeights:            {"weights", "bobot"},
	lblRulesTitle:         {"rules", "aturan"},
	lblEnforced:           {"enforced by the solver", "ditegakkan solver"},
	lblNotEnforced:        {"checked, not enforced", "diperiksa, belum ditegakkan"},
	lblSolver:             {"solver", "solver"},
	lblCertificate:        {"certificate", "sertifikat"},
	lblInputs:             {"Input files", "Berkas masukan"},
	lblFile:               {"file", "berkas"},
	lblSHA256:             {"SHA-256", "SHA-256"},
	lblInfeasibleTitle:    {"No feasible plan", "Tidak ada rencana yang layak"},
	lblRule:               {"rule", "aturan"},
	lblMessage:            {"message", "pesan"},
	lblPositions:          {"positions", "jabatan"},
	lblEmployees:          {"employees", "pegawai"},
	lblNeed:               {"need", "dibutuhkan"},
	lblHave:               {"have", "tersedia"},
	lblExcludedBy:         {"Excluded by rule", "Tersisih oleh aturan"},
	lblConflicting:        {"Constraints that cannot hold together", "Batasan yang tidak dapat dipenuhi bersamaan"},
	lblConstraint:         {"constraint", "batasan"},
	lblCount:              {"count", "jumlah"},
	lblExplainTitle:       {"Explanation", "Penjelasan"},
	lblOutcome:            {"outcome", "hasil"},
	lblOutcomeMoves:       {"moves", "dimutasi"},
	lblOutcomePlaced:      {"placed", "ditempatkan"},
	lblOutcomeStays:       {"stays", "tetap"},
	lblHeld:               {"Held by the scenario: pinned or excluded, with the reason", "Ditetapkan skenario: dipin atau dikecualikan, beserta alasannya"},
	lblEmployeesCompared:  {"employees in either plan", "pegawai dalam salah satu rencana"},
	lblOutcomeOver:        {"keeps the post over its needed headcount (over formation)", "tetap pada jabatan di atas kebutuhan (kelebihan pegawai)"},
	lblOutcomeUnplaced:    {"without a post", "tanpa jabatan"},
	lblFixed:              {"held in place by", "ditahan oleh"},
	lblPlannedPost:        {"planned post", "jabatan rencana"},
	lblAt:                 {"at", "di"},
	lblCurrentScore:       {"Score in the current post", "Nilai pada jabatan saat ini"},
	lblPlannedScore:       {"Score in the planned post", "Nilai pada jabatan rencana"},
	lblCriterion:          {"criterion", "kriteria"},
	lblRaw:                {"raw", "nilai mentah"},
	lblWeight:             {"weight", "bobot"},
	lblContribution:       {"contribution", "kontribusi"},
	lblTotal:              {"total", "total"},
	lblOverrides:          {"breaks (pinned)", "melanggar (ditetapkan)"},
	lblAlternatives:       {"Next best posts", "Jabatan terbaik berikutnya"},
	lblFit:                {"fit", "kecocokan"},
	lblMargin:             {"margin", "selisih"},
	lblHolder:             {"seat of", "formasi milik"},
	lblExplanation:        {"explanation", "penjelasan"},
	lblCompareTitle:       {"Comparison", "Perbandingan"},
	lblBase:               {"base", "dasar"},
	lblWhatIf:             {"what-if", "skenario alternatif"},
	lblAdded:              {"added", "ditambah"},
	lblRemoved:            {"removed", "dihapus"},
	lblChanged:            {"changed", "berubah"},
	lblDiffer:             {"outcomes differ", "hasil berbeda"},
	lblChurn:              {"churn", "tingkat perubahan (proporsi berubah)"},
	lblKPIDeltas:          {"KPIs after the moves", "IKU sesudah mutasi"},
	lblMoveChanges:        {"Moves that differ", "Mutasi yang berbeda"},
	lblChangeKind:         {"change", "perubahan"},
	lblBaseTo:             {"to (base)", "ke (dasar)"},
	lblWhatIfTo:           {"to (what-if)", "ke (alternatif)"},
	lblBaseFit:            {"fit (base)", "kecocokan (dasar)"},
	lblWhatIfFit:          {"fit (what-if)", "kecocokan (alternatif)"},
	lblScoreTitle:         {"Candidates by fit", "Kandidat menurut kecocokan"},
	lblFor:                {"for", "untuk"},
	lblCandidates:         {"candidates", "kandidat"},
	lblShown:              {"shown", "ditampilkan"},
	lblRank:               {"rank", "peringkat"},
	lblCurrent:            {"current", "saat ini"},
	lblAllowed:            {"allowed", "diizinkan"},
	lblRules:              {"rules", "aturan"},
	lblValidateTitle:      {"Scenario files", "Berkas skenario"},
	lblValid:              {"valid", "valid"},
	lblUnits:              {"units", "unit kerja"},
	lblSeats:              {"seats", "formasi"},
	lblAllowedPairs:       {"allowed pairs", "pasangan diizinkan"},
	lblErrors:             {"errors", "galat"},
	lblFitDistribution:    {"Fit distribution", "Sebaran kecocokan"},
	lblStaffingChart:      {"Staffing per unit: before and after, against needs", "Keterisian per unit: sebelum dan sesudah, terhadap kebutuhan"},
	lblStaff:              {"staff", "pegawai"},
	lblShareOfStaff:       {"share of staff", "proporsi pegawai"},
	lblNoRows:             {"none", "tidak ada"},
	lblDetails:            {"details", "rincian"},

	// mutasi generate and bench.
	lblBenchTitle:        {"Optimal plan against the greedy baseline", "Rencana optimal dibandingkan baseline greedy"},
	lblBenchDatasetTitle: {"Staffing dataset: optimal plan against the greedy baseline", "Dataset kepegawaian: rencana optimal dibandingkan baseline greedy"},
	lblWorkload:          {"workload", "beban uji"},
	lblDataset:           {"dataset", "dataset"},
	lblAdapter:           {"adapter", "adaptor"},
	lblStorage:           {"cost storage", "penyimpanan biaya"},
	lblPruned:            {"candidates pruned", "kandidat dipangkas"},
	lblLoadSeconds:       {"load (s)", "muat (detik)"},
	lblBuildSeconds:      {"score and build (s)", "skor dan susun (detik)"},
	lblPlanSeconds:       {"solve and certify (s)", "selesaikan dan sertifikasi (detik)"},
	lblGreedySeconds:     {"greedy (s)", "greedy (detik)"},
	lblPeakMiB:           {"peak memory (MiB)", "memori puncak (MiB)"},
	lblOptimal:           {"optimal", "optimal"},
	lblGreedy:            {"greedy", "greedy"},
	lblViolations:        {"rule violations", "pelanggaran aturan"},
	lblOptObjective:      {"optimal objective", "tujuan optimal"},
	lblGreedyObjective:   {"greedy objective", "tujuan greedy"},
	lblOptTotalFit:       {"optimal total fit", "total kecocokan optimal"},
	lblGreedyTotalFit:    {"greedy total fit", "total kecocokan greedy"},
	lblOptMeanFit:        {"optimal mean fit", "rata-rata kecocokan optimal"},
	lblGreedyMeanFit:     {"greedy mean fit", "rata-rata kecocokan greedy"},
	lblOptFieldMatch:     {"optimal field match", "jurusan sesuai optimal"},
	lblGreedyFieldMatch:  {"greedy field match", "jurusan sesuai greedy"},
	lblOptUnmet:          {"optimal unmet need", "kebutuhan belum terpenuhi optimal"},
	lblGreedyUnmet:       {"greedy unmet need", "kebutuhan belum terpenuhi greedy"},
	lblOptMoves:          {"optimal moves", "mutasi optimal"},
	lblGreedyMoves:       {"greedy moves", "mutasi greedy"},
	lblOptViolations:     {"optimal rule violations", "pelanggaran aturan optimal"},
	lblGreedyViolations:  {"greedy rule violations", "pelanggaran aturan greedy"},

	// explain: what holds an employee in place, the scenario's closures.
	lblHeldPinned:   {"pinned", "ditetapkan (pin)"},
	lblHeldExcluded: {"excluded", "dikecualikan dari periode mutasi ini"},
	lblClosedByPin:  {"pinned or excluded by the scenario", "ditetapkan (pin) atau dikecualikan dalam skenario"},

	// mutasi bench gap and plan --alternatives (issue 6).
	lblGapTitle:         {"OR-Library generalized assignment instances", "Instans penugasan umum (GAP) OR-Library"},
	lblGapInstances:     {"Instances", "Instans"},
	lblGapSummary:       {"Summary", "Ringkasan"},
	lblGapInstance:      {"instance", "instans"},
	lblGapAgents:        {"agents", "agen"},
	lblGapJobs:          {"jobs", "tugas"},
	lblGapSense:         {"sense", "arah"},
	lblGapMin:           {"min", "min"},
	lblGapMax:           {"max", "maks"},
	lblGapValue:         {"value", "nilai"},
	lblGapBound:         {"bound", "batas"},
	lblGapKnown:         {"known optimum", "optimum yang diketahui"},
	lblGapProven:        {"proven optimal", "terbukti optimal"},
	lblGapPercent:       {"gap (%)", "selisih (%)"},
	lblGapSeconds:       {"seconds", "detik"},
	lblGapInstanceCount: {"instances", "jumlah instans"},
	lblGapProvenCount:   {"proven optimal", "terbukti optimal"},
	lblGapKnownCount:    {"with a known optimum", "dengan optimum yang diketahui"},
	lblGapReachedCount:  {"known optimum reached", "optimum yang diketahui tercapai"},
	lblGapTotalSeconds:  {"total seconds", "total detik"},
	lblAltTitle:         {"The best plans", "Rencana-rencana terbaik"},
	lblAltCount:         {"plans ranked", "jumlah rencana"},
	lblAltPlans:         {"Plans by rank", "Rencana menurut peringkat"},
	lblAltChanges:       {"Employees placed differently from the best plan", "Pegawai yang ditempatkan berbeda dari rencana terbaik"},
	lblAltRank:          {"rank", "peringkat"},
	lblAltDifference:    {"difference from the best", "selisih dari yang terbaik"},
	lblAltChanged:       {"employees placed differently", "pegawai ditempatkan berbeda"},
	lblAltBestPost:      {"post in the best plan", "jabatan di rencana terbaik"},
	lblAltPost:          {"post in this plan", "jabatan di rencana ini"},
	lblAltFitBest:       {"fit in the best plan", "kecocokan di rencana terbaik"},
	lblAltFitPost:       {"fit in this plan", "kecocokan di rencana ini"},
}

// text returns the label in language l.
func (l Lang) text(lb label) string {
	return labelText[lb][l]
}

// decimal writes x with prec digits after the point, as language l
// writes numbers: Indonesian with a decimal comma (20,3).
func (l Lang) decimal(x float64, prec int) string {
	s := strconv.FormatFloat(x, 'f', prec, 64)
	if l == LangID {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
