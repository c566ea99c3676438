package scenarios

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
)

// Schema returns the JSON Schema (draft 2020-12) of a scenario file, for
// editors that complete and check YAML; `mutasi schema` prints it. It is
// generated from the schema types by reflection over their yaml tags, with
// one description per key. Every object rejects unknown keys, as Load does;
// a changes entry sets exactly one key. The result is a fresh, indented
// slice the caller may keep.
func Schema() []byte {
	defs := map[string]any{}
	root := schemaOf(reflect.TypeFor[Scenario](), defs)
	doc := map[string]any{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"$id":         "https://github.com/mutasi-asn/mutasi/scenarios/scenario.schema.json",
		"title":       "mutasi scenario",
		"description": "A transfer round (mutasi) of a regency's civil servants: workforce, weights, rules and constraints. See the Go documentation of package scenarios.",
		"$ref":        root["$ref"],
		"$defs":       defs,
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		panic(err) // maps of strings and numbers always encode
	}
	return b.Bytes()
}

// schemaOf returns the schema of t, adding struct definitions to defs.
func schemaOf(t reflect.Type, defs map[string]any) map[string]any {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == timeType:
		return map[string]any{"type": "string", "format": "date", "pattern": `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`}
	case t.Kind() == reflect.Struct:
		name := t.Name()
		if _, ok := defs[name]; !ok {
			defs[name] = nil // break recursion
			props := map[string]any{}
			var required []string
			for _, f := range orderedFields(t) {
				s := schemaOf(f.Type, defs)
				s["description"] = schemaDocs[name+"."+f.name]
				props[f.name] = s
				if !f.omitempty {
					required = append(required, f.name)
				}
			}
			def := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
			if d := schemaDocs[name]; d != "" {
				def["description"] = d
			}
			if len(required) > 0 && name != "Scenario" {
				def["required"] = required
			}
			if name == "Change" {
				def["minProperties"], def["maxProperties"] = 1, 1
			}
			defs[name] = def
		}
		return map[string]any{"$ref": "#/$defs/" + name}
	case t.Kind() == reflect.Slice:
		return map[string]any{"type": "array", "items": schemaOf(t.Elem(), defs)}
	case t.Kind() == reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": schemaOf(t.Elem(), defs)}
	case t.Kind() == reflect.String:
		s := map[string]any{"type": "string"}
		if strings.HasSuffix(t.String(), "EmployeeID") {
			s["pattern"] = "^[0-9]{18}$"
		}
		return s
	case t.Kind() == reflect.Int:
		return map[string]any{"type": "integer"}
	case t.Kind() == reflect.Float64:
		return map[string]any{"type": "number"}
	case t.Kind() == reflect.Bool:
		return map[string]any{"type": "boolean"}
	}
	panic("scenarios: unsupported schema type " + t.String())
}

// schemaDocs describes each type ("Type") and key ("Type.key") of the
// schema. The package documentation says the same at more length.
var schemaDocs = map[string]string{
	"Scenario":             "A scenario file. In a file that extends another, every key is optional; the merged result needs name, plan_date and workforce.",
	"Scenario.extends":     "Base scenario this file overlays, relative to this file. Scalars replace, lists of items with an id (nip for employees) merge by id, other lists replace; changes then apply in order, the root's first.",
	"Scenario.name":        "Short name of the scenario, shown in plans.",
	"Scenario.description": "Free text.",
	"Scenario.plan_date":   "Effective date of the round (yyyy-mm-dd); tenure, retirement and freeze windows are measured at it.",
	"Scenario.workforce":   "Units, positions and employees, inline or as CSV rosters.",
	"Scenario.weights":     "Weights of the fit criteria; an omitted weight takes its default, 0 switches a criterion off.",
	"Scenario.scoring":     "Scoring choices.",
	"Scenario.rules":       "Legal parameters and the election calendar; omitted values take the defaults of the scoring rules.",
	"Scenario.constraints": "Plan-level constraints of the round.",
	"Scenario.neighbours":  "For a kecamatan, the kecamatan bordering it (symmetric), for the home-distance part of the preference criterion.",
	"Scenario.changes":     "What-if edits applied in order after the extends chain is merged; each entry sets exactly one operation.",

	"Workforce":               "The regency's organisation and staff.",
	"Workforce.units":         "Units (OPD, UPTD, puskesmas, schools, kecamatan offices).",
	"Workforce.units_csv":     "CSV roster of units, relative to this file; its rows join units.",
	"Workforce.positions":     "Positions (jabatan): one formation line each.",
	"Workforce.positions_csv": "CSV roster of positions, relative to this file; its rows join positions.",
	"Workforce.employees":     "Employees (pegawai ASN).",
	"Workforce.employees_csv": "CSV roster of employees, relative to this file; its rows join employees.",

	"Unit":              "A unit (unit kerja): an OPD or a unit below one.",
	"Unit.id":           "Unique id of the unit.",
	"Unit.name":         "Official name.",
	"Unit.kind":         "setda, setwan, inspektorat, dinas, badan, hospital (rsud), kecamatan, kelurahan, puskesmas, pustu, school_sd, school_smp or uptd.",
	"Unit.parent":       "Id of the OPD the unit belongs to; empty for an OPD.",
	"Unit.kecamatan":    "Sub-district (kecamatan) the unit lies in.",
	"Unit.area":         "Area class: urban, rural, remote or very_remote.",
	"Unit.inpatient":    "A puskesmas with inpatient care (rawat inap).",
	"Unit.class_groups": "A school's number of class groups (rombel).",

	"Position":                  "One line of a unit's job map (peta jabatan).",
	"Position.id":               "Unique id of the position.",
	"Position.unit":             "Id of the unit the position belongs to.",
	"Position.name":             "Nomenclature of the post (nama jabatan).",
	"Position.kind":             "jpt, administrator, pengawas, pelaksana or functional (fungsional).",
	"Position.jpt_level":        "pratama, madya or utama; required for a jpt post.",
	"Position.functional_grade": "Jenjang of a functional post: ahli_pertama, ahli_muda, ahli_madya, ahli_utama, pemula, terampil, mahir or penyelia; required for a functional post.",
	"Position.echelon":          "Legacy echelon of a structural post (II.a … V.a); selects the grade band.",
	"Position.job_class":        "Job class (kelas jabatan) 1–17; 0 means unknown.",
	"Position.profession":       "Regulated profession of the post: doctor, dentist, nurse, midwife, health_promotion, sanitarian, nutritionist, pharmacy, lab_technologist or teacher.",
	"Position.needed":           "Headcount from the workload analysis (kebutuhan, ABK): the number of seats.",
	"Position.unit_head":        "Head of the unit, including kepala puskesmas and kepala sekolah; covered by the election freeze.",
	"Position.min_education":    "Lowest education level accepted (SD, SMP, SMA, D1, D2, D3, D4, S1, profesi, S2, S3); empty means the default for the kind.",
	"Position.fields":           "Accepted fields of study (rumpun ilmu); empty means any.",
	"Position.relevant":         "Further fields that suit the post without being required.",
	"Position.grade_min":        "Lowest grade (golongan) of a holder, such as III/a; set with grade_max.",
	"Position.grade_max":        "Highest grade of a holder, such as III/d; set with grade_min.",
	"Position.standard":         "Competency standard: competency (integrity, cooperation, communication, results_orientation, public_service, developing_others, managing_change, decision_making, perekat_bangsa, or technical:NAME) → required level 1–5.",
	"Position.core_factors":     "Core competencies for profile matching.",
	"Position.required_certs":   "Certifications a holder needs: str, teacher_certificate, pkp, pka, pkn, jf_competency or principal_training.",
	"Position.criticality":      "Weight of an unfilled seat, 0–100; default 1.",
	"Position.open_selection":   "A JPT post filled through open selection: reported, not planned.",

	"Employee":                    "A civil servant (pegawai ASN).",
	"Employee.nip":                "18-digit NIP, the employee's id; quote it in YAML.",
	"Employee.name":               "Name.",
	"Employee.sex":                "L or P; for equity reports only, never a scoring input.",
	"Employee.birth_date":         "Birth date; determines the retirement date (BUP).",
	"Employee.status":             "PNS, CPNS or PPPK.",
	"Employee.cpns_since":         "TMT of appointment as CPNS.",
	"Employee.pns_since":          "TMT of appointment as PNS.",
	"Employee.grade":              "Grade (golongan/ruang) I/a … IV/e; required for PNS and CPNS.",
	"Employee.grade_since":        "TMT of the current grade.",
	"Employee.education":          "Highest education level: SD, SMP, SMA, D1, D2, D3, D4, S1, profesi, S2 or S3.",
	"Employee.field":              "Field of study, a key of the field taxonomy such as keperawatan or pgsd.",
	"Employee.profession":         "The employee's profession when it is not the current post's: a new PPPK's contracted job, a head of puskesmas' profession (job-family, pppk-job).",
	"Employee.unit":               "Id of the current unit; filled from the position when empty. An unplaced employee (no position) has no unit.",
	"Employee.position":           "Id of the current position; empty means unplaced.",
	"Employee.position_since":     "TMT of the current position; required with position.",
	"Employee.unit_since":         "TMT in the current unit; default position_since.",
	"Employee.certifications":     "Held credentials; in CSV kind=until items such as str=2027-05-01|pka.",
	"Employee.competence":         "Assessed levels 1–5 by competency (see position standard); in CSV integrity=3|technical:NAME=4.",
	"Employee.assessed_on":        "Date of the competence assessment.",
	"Employee.ratings":            "Yearly SKP predicates; in CSV 2023=baik|2024=sangat_baik.",
	"Employee.potential":          "Assessed potential in (0, 100].",
	"Employee.discipline":         "Latest disciplinary penalty: light, moderate or severe (or ringan, sedang, berat).",
	"Employee.discipline_penalty": "Kind of a severe penalty (PP 94/2021 Pasal 8(4)): demotion (one level lower), release (to a pelaksana post) or other; empty means not recorded (then any lower post is allowed by rule demotion).",
	"Employee.discipline_until":   "End of the penalty; empty means it does not lapse by date.",
	"Employee.locks":              "Locks blocking moves; in CSV kind=until items such as study_leave=2026-08-31.",
	"Employee.exceptions":         "Waivers of min-tenure, jpt-protection or personal-lock, each with a reason; in CSV rule=reason.",
	"Employee.home_kecamatan":     "Kecamatan of the employee's home: the kecamatan of a unit or one named in neighbours.",
	"Employee.wishes":             "Requested target unit or position ids, first choice first; in CSV a|b.",
	"Employee.talent_pool":        "Member of the succession pool.",
	"Employee.relatives":          "NIPs of employees with a family tie (conflict of interest).",

	"Certification":       "A held credential.",
	"Certification.kind":  "str, teacher_certificate, pkp, pka, pkn, jf_competency or principal_training.",
	"Certification.until": "Expiry date (exclusive); empty means no expiry.",
	"Rating":              "One year's SKP predicate.",
	"Rating.year":         "Appraisal year.",
	"Rating.predicate":    "sangat_baik, baik, butuh_perbaikan, kurang or sangat_kurang.",
	"Lock":                "A lock on moves.",
	"Lock.kind":           "study_leave, investigation or other.",
	"Lock.until":          "End of the lock (exclusive); empty means until lifted.",
	"Lock.reason":         "Free text for the audit trail (YAML only).",
	"Exception":           "A waiver of one employee-level rule.",
	"Exception.rule":      "min-tenure, jpt-protection or personal-lock.",
	"Exception.reason":    "Why the rule is waived (required).",

	"Weights":             "Weights of the fit criteria, each between 0 and 100.",
	"Weights.education":   "Weight of education (level and field); default 0.25.",
	"Weights.competence":  "Weight of competence (JPM or profile matching); default 0.35.",
	"Weights.tenure":      "Weight of tenure in post; default 0.15.",
	"Weights.performance": "Weight of performance and potential; default 0.15.",
	"Weights.preference":  "Weight of wishes and home distance; default 0.10.",

	"ScoringOptions":                        "Scoring choices.",
	"ScoringOptions.competence_method":      "jpm (default) or profile_matching.",
	"ScoringOptions.core_share":             "Core-factor share of profile matching, 0–1; default 0.60.",
	"ScoringOptions.continuity_bonus":       "Fit added for staying in the current post, 0–100; default 0.",
	"ScoringOptions.unfilled_penalty":       "Cost of one unfilled seat relative to a fit of 1, 0–100; default 2.",
	"ScoringOptions.over_formation_penalty": "Cost of one holder kept over a post's needed headcount (kelebihan pegawai) relative to a fit of 1, 0–100; default 0.5.",

	"Rules":                           "Legal parameters.",
	"Rules.tenure_min_years":          "Minimum years in post before a move (min-tenure); default 2, PP 11/2017 Pasal 190(3).",
	"Rules.tenure_max_years":          "Years in post after which a move is due (max-tenure); default 5.",
	"Rules.retirement_horizon_months": "Months a person must be able to hold a new post before retirement (retirement-horizon); default 12.",
	"Rules.jpt_protect_years":         "JPT protection period (jpt-protection); default 2, PP 11/2017 [VERIFY article] (UU 5/2014 Pasal 116, revoked by UU 20/2023).",
	"Rules.retirement_ages":           "Retirement ages (BUP), PP 11/2017 Pasal 239–240.",
	"Rules.jpm_thresholds":            "JPM band thresholds in percent.",
	"Rules.acting_head":               "An acting regional head (Pj/Plt) is the appointing authority (acting-head), PP 49/2008 Pasal 132A.",
	"Rules.election":                  "Election calendar (election-freeze), UU 10/2016 Pasal 71(2) and 162(3).",
	"Rules.assessment_validity_years": "Years a competence assessment counts; default 3.",
	"Rules.disabled":                  "Rule ids switched off for the round, such as max-tenure.",

	"RetirementAges":                "Retirement ages in years.",
	"RetirementAges.administrative": "Administrator, pengawas, pelaksana and the lower JF grades; default 58.",
	"RetirementAges.senior":         "JPT and JF ahli madya; default 60.",
	"RetirementAges.teacher":        "Teachers (guru), UU 14/2005 Pasal 40(4); default 60.",
	"RetirementAges.ahli_utama":     "JF ahli utama; default 65.",

	"JPMThresholds":     "JPM band thresholds in percent.",
	"JPMThresholds.ms":  "Lowest JPM that meets the standard (MS); default 80.",
	"JPMThresholds.mms": "Lowest JPM that still meets it (MMS); default 68.",

	"Election":                       "Election calendar; an omitted date means no such event.",
	"Election.candidate_date":        "Candidate-pair decision (penetapan paslon); window A opens freeze_months before it.",
	"Election.term_end":              "End of the incumbent's term; window A closes then.",
	"Election.inauguration_date":     "Inauguration of the new head (pelantikan); window B runs freeze_months from it.",
	"Election.freeze_months":         "Length of both windows in months; default 6.",
	"Election.freeze_scope":          "Frozen post kinds: jpt, administrator, pengawas, unit_head; default all four.",
	"Election.minister_approval_all": "Blanket written approval of the Minister of Home Affairs (Mendagri) for the round.",
	"Election.minister_approval":     "NIPs of employees whose moves the Minister approved.",

	"Constraints":                   "Plan-level constraints.",
	"Constraints.unit_floors":       "Staffing floors (unit-floor): no move takes a unit below its floor.",
	"Constraints.unit_caps":         "Staffing maximums (unit-cap).",
	"Constraints.max_moves":         "Most moves in the round (max-moves); default no cap.",
	"Constraints.max_turnover_pct":  "Most staff of one unit leaving in the round, in percent; default no cap.",
	"Constraints.no_remote_outflow": "No net outflow of staff from remote and very remote units.",
	"Constraints.rotation":          "Severity of the 5-year rotation (max-tenure): hard, soft (default) or off.",
	"Constraints.pinned":            "Employees fixed in a position for the round.",
	"Constraints.excluded":          "Employees taken out of the round; they keep their post.",
	"Constraints.conflicts":         "Conflict-of-interest pairs that may not end in one unit or supervisory chain (one unit above the other); a pair already in two units of one chain may stay as it is (conflict-of-interest), PP 11/2017 Pasal 190(5).",
	"Constraints.policies":          "Explicit departures from the lawful default, each with a reason, shown in the plan.",

	"UnitFloor":            "A staffing floor: no move takes the unit below min holders; a unit already below may not lose any.",
	"UnitFloor.unit":       "Id of the unit.",
	"UnitFloor.profession": "Count only posts of this profession; empty counts every holder.",
	"UnitFloor.min":        "Least number of holders.",
	"UnitFloor.reason":     "Source or reason, shown in reports.",
	"UnitCap":              "At most max holders in a unit.",
	"UnitCap.unit":         "Id of the unit.",
	"UnitCap.profession":   "Count only posts of this profession; empty counts every holder.",
	"UnitCap.max":          "Most holders.",
	"UnitCap.reason":       "Source or reason, shown in reports.",

	"Pin":                "An employee fixed in a position.",
	"Pin.employee":       "NIP of the employee.",
	"Pin.position":       "Position to hold; empty means the current one.",
	"Pin.reason":         "Why (required; shown in the plan).",
	"Policy":             "An explicit departure from the lawful default of a round.",
	"Policy.policy":      "alih_fungsi (change of job family), pppk_any_job (PPPK may leave the contracted job), restructuring (holders may lose their post) or jpt_by_plan (JPT posts filled by the plan, not open selection).",
	"Policy.employees":   "NIPs the policy covers (alih_fungsi, pppk_any_job); empty means every holder of the profession (alih_fungsi) or every PPPK.",
	"Policy.profession":  "alih_fungsi without employees: the profession whose holders it covers.",
	"Policy.reason":      "The decision or regulation behind the policy (required; shown in the plan).",
	"Exclusion":          "An employee taken out of the round.",
	"Exclusion.employee": "NIP of the employee.",
	"Exclusion.reason":   "Why (required; shown in the plan).",
	"Conflict":           "A conflict-of-interest pair.",
	"Conflict.employees": "The two NIPs.",
	"Conflict.reason":    "Why, such as married couple.",

	"Change":                   "One what-if edit; set exactly one key.",
	"Change.add_positions":     "Positions to add; their ids must be new.",
	"Change.remove_positions":  "Ids of positions to abolish; their holders become unplaced (position, unit and their TMT cleared).",
	"Change.set_needed":        "New headcounts (resize a position, change needs).",
	"Change.add_employees":     "Employees to add, such as a new PPPK intake.",
	"Change.add_employees_csv": "CSV roster of employees to add, relative to this file.",
	"Change.remove_employees":  "Employees to remove, such as retirements.",
	"Change.set_weights":       "Weights to replace; omitted ones stay.",
	"Change.set_rules":         "Rules to replace; omitted ones stay.",
	"Change.set_constraints":   "Constraints to replace; omitted ones stay.",

	"NeededChange":          "A new headcount.",
	"NeededChange.position": "Id of the position.",
	"NeededChange.needed":   "New number of seats.",
	"Removal":               "An employee leaving the workforce.",
	"Removal.employee":      "NIP of the employee.",
	"Removal.reason":        "Why: pensiun, mutasi_keluar, meninggal, …",
}
