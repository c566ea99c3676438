package scenarios

// Reason codes of the k best plans (Instance.Alternatives).
const (
	// ReasonWarnRankNotProven: a rank of the k best plans is not proven
	// (side constraints: a branch and bound stopped at its node limit or
	// a part of the ranking was left unsolved). Args: rank (int), the
	// proven bound on the rank's value, the plan's value, the gap
	// (float64).
	ReasonWarnRankNotProven ReasonCode = "warn-rank-unproven"
)
