package matching

import "context"

type denseWorkspace struct{}

func (s *Solver) solveDense(ctx context.Context, p *Problem) (Assignment, error) {
	return Assignment{}, ErrUnsupported
}
