package matching

// minHeap is a binary min-heap of search nodes under less (branch and
// bound and k-best each pass their order).
type minHeap[T any] struct {
	items []T
	less  func(a, b T) bool
}

// len returns the number of nodes held.
func (h *minHeap[T]) len() int { return len(h.items) }

// push adds x in O(log n).
func (h *minHeap[T]) push(x T) {
	h.items = append(h.items, x)
	a := h.items
	for k := len(a) - 1; k > 0; {
		up := (k - 1) / 2
		if !h.less(a[k], a[up]) {
			break
		}
		a[k], a[up] = a[up], a[k]
		k = up
	}
}

// pop removes and returns the first node in O(log n); the heap must not be
// empty.
func (h *minHeap[T]) pop() T {
	a := h.items
	top := a[0]
	last := len(a) - 1
	a[0] = a[last]
	var zero T
	a[last] = zero // let the popped node be collected
	a = a[:last]
	for k := 0; ; {
		l := 2*k + 1
		if l >= len(a) {
			break
		}
		m := l
		if r := l + 1; r < len(a) && h.less(a[r], a[l]) {
			m = r
		}
		if !h.less(a[m], a[k]) {
			break
		}
		a[k], a[m] = a[m], a[k]
		k = m
	}
	h.items = a
	return top
}
