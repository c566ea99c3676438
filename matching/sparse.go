package matching

import "context"

type sparseWorkspace struct{}

func (s *Solver) solveSparse(ctx context.Context, p *Problem) (Assignment, error) {
	return Assignment{}, ErrUnsupported
}
