package dedup

import (
	"cmp"
	"context"
	"slices"
	"time"
)

// reorderIdle is how long AddAll waits for the next document of a stream
// before it assigns the documents it holds (see WithReorder): a live feed
// that pauses that long gets the assignments of what it sent. A latency
// bound, not fitted: no result of a file or a steady stream depends on it.
const reorderIdle = time.Second

// block is the documents AddAll holds to assign them in order of
// publication, with their assignments or errors once assigned.
type block struct {
	jobs []*job
	as   []Assignment
	errs []error
}

// add holds a job.
func (b *block) add(j *job) { b.jobs = append(b.jobs, j) }

// commit assigns the documents held in order of publication: the dated
// ones by their time, then the undated ones, ties broken by content (the
// fingerprint) and then by id, so that the order, and the clusters, do not
// depend on the order the documents were held in. A document whose id the
// block already holds comes after it, in stream order. A document that
// could not be prepared keeps its error.
func (b *block) commit(ctx context.Context, c *Clusterer) {
	n := len(b.jobs)
	b.as, b.errs = slices.Grow(b.as[:0], n)[:n], slices.Grow(b.errs[:0], n)[:n]
	order := make([]int, 0, n)
	var again []int // ids the block holds already, in stream order
	seen := make(map[string]bool, n)
	for i, j := range b.jobs {
		switch {
		case j.err != nil:
			b.as[i], b.errs[i] = Assignment{ID: j.d.ID}, j.err
		case seen[j.d.ID]:
			again = append(again, i)
		default:
			seen[j.d.ID] = true
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(x, y int) int {
		return comparePrepared(b.jobs[x].p, b.jobs[y].p)
	})
	// An id sent again is a repeat, or ErrReusedID, after its first
	// document, as in stream order.
	order = append(order, again...)
	for _, i := range order {
		b.as[i], b.errs[i] = c.commit(ctx, b.jobs[i].p)
	}
}

// comparePrepared orders two prepared documents by publication (undated
// last), then by content and id.
func comparePrepared(p, q *prepared) int {
	tp, tq := p.d.Published, q.d.Published
	switch {
	case tp.IsZero() != tq.IsZero():
		if tp.IsZero() {
			return 1
		}
		return -1
	case !tp.Equal(tq):
		return tp.Compare(tq)
	}
	return cmp.Or(cmp.Compare(p.d.FP, q.d.FP), cmp.Compare(p.doc.ID, q.doc.ID))
}

// yield yields the assignments of the documents held, in stream order,
// and empties the block; it reports whether to go on.
func (b *block) yield(yield func(Assignment, error) bool) bool {
	defer func() {
		clear(b.jobs)
		b.jobs = b.jobs[:0]
	}()
	for i := range b.jobs {
		if !yield(b.as[i], b.errs[i]) {
			return false
		}
	}
	return true
}
