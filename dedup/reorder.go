package dedup

import (
	"cmp"
	"context"
	"iter"
	"slices"
	"sync"
	"time"
)

// reorderIdle is how long AddAll waits for the next document of a stream
// before it assigns the documents it holds (see WithReorder): a live feed
// that pauses that long gets the assignments of what it sent. A latency
// bound, not fitted: no result of a file or a steady stream depends on it.
const reorderIdle = time.Second

// maxBlockText bounds the titles and texts of a block, in bytes: a block is
// assigned when it holds DefaultReorder documents or this much text, as its
// documents are analysed together (some 25 times their text in memory).
// The 496 articles of the ECB+ development topics hold 1.0 MB: they fit in
// one block, as every development set does. A memory bound, not fitted.
const maxBlockText = 2 << 20

// prepareAhead bounds the titles and texts, in bytes, of the documents
// prepared ahead of the block being assigned (see addBlocks): the next
// block is prepared on the idle CPUs while one is planned and assigned.
// Half a block: on 2 CPUs, preparing a document takes some twice the CPU
// time of assigning it (the profile of the speed corpus, see README), so
// the CPU left free while a block is assigned prepares about half a block.
// With it a stream holds up to one and a half blocks of analysed documents
// instead of one (see maxBlockText). A memory bound, not fitted: no result
// depends on it, only time and memory.
const prepareAhead = maxBlockText / 2

// maxAheadDocs bounds the number of documents prepared ahead (see
// prepareAhead) when they are short; a bound of the queue, not fitted.
const maxAheadDocs = 1 << 14

// A cut is a block of documents as they came (see addBlocks): it is
// assigned, or, when cancelled, reported cancelled.
type cut struct {
	docs      []Document
	cancelled bool
}

// addBlocks assigns the documents of docs in blocks of up to
// c.cfg.reorder, each in order of publication (see AddAll). The documents
// wait in a block as they were given (see maxBlockText).
//
// Concurrency: three stages run at once. A goroutine (cutBlocks) reads
// docs, decides where each block ends (from the documents alone and the
// pauses of the stream, as if nothing else ran) and passes every document
// on at once to be prepared (prepareAll: language and features, on all
// CPUs, in stream order), up to prepareAhead bytes of text ahead of the
// assignment; another (forward) hands the prepared documents to the
// calling goroutine, which plans and assigns each block when it is whole,
// one block after the other, and yields. A document's preparation depends
// on the document alone, so the assignments are those of preparing each
// block when it is full: the same as with one CPU, in any timing.
func (c *Clusterer) addBlocks(ctx context.Context, docs iter.Seq[Document], yield func(Assignment, error) bool) {
	stop := make(chan struct{})
	cuts := make(chan cut)
	toPrepare := make(chan Document)
	prepared := make(chan *job, min(c.cfg.reorder, maxAheadDocs))
	ahead := newTextBudget(prepareAhead)
	pctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer func() {
		close(stop)
		cancel()
		wg.Wait()
	}()
	wg.Go(func() {
		defer close(cuts)
		defer close(toPrepare)
		c.cutBlocks(ctx, docs, cuts, toPrepare, ahead, stop)
	})
	wg.Go(func() {
		defer close(prepared)
		forward(c.prepareAll(pctx, chanValues(toPrepare)), prepared, stop)
	})
	q := &preparedQueue{in: prepared, ahead: ahead}
	for {
		b, ok := q.next(cuts)
		if !ok {
			return
		}
		if b.cancelled {
			// The documents held were not added: each is told so.
			for _, d := range b.docs {
				if !yield(Assignment{ID: d.ID}, ctx.Err()) {
					return
				}
			}
			yield(Assignment{}, ctx.Err())
			return
		}
		if !c.assignBlock(ctx, b.docs, q.take(len(b.docs)), yield) {
			return
		}
	}
}

// preparedQueue holds the documents prepared ahead of their block's
// assignment (see addBlocks), in stream order. Only the goroutine that
// assigns uses it.
type preparedQueue struct {
	in    <-chan *job // nil once closed
	ahead *textBudget // given back what is received from in
	ready []*job
}

// receive adds a job received from q.in, or marks q.in closed.
func (q *preparedQueue) receive(j *job, ok bool) {
	if !ok {
		q.in = nil // a nil channel blocks
		return
	}
	q.ahead.give(textSize(j.d))
	q.ready = append(q.ready, j)
}

// next returns the next block cut, receiving the documents prepared
// meanwhile; ok is false when there are no more.
func (q *preparedQueue) next(cuts <-chan cut) (b cut, ok bool) {
	for {
		select {
		case b, ok = <-cuts:
			return b, ok
		case j, more := <-q.in:
			q.receive(j, more)
		}
	}
}

// take returns the jobs of the next n documents, fewer when the stream of
// prepared documents ended before them (it was cancelled).
func (q *preparedQueue) take(n int) []*job {
	for len(q.ready) < n && q.in != nil {
		j, ok := <-q.in
		q.receive(j, ok)
	}
	n = min(n, len(q.ready))
	js := q.ready[:n]
	q.ready = slices.Clone(q.ready[n:]) // js keeps its array
	return js
}

// cutBlocks reads docs, sends each document to toPrepare, once ahead has
// room for its text, and the blocks to cuts: a block ends when it holds
// c.cfg.reorder documents or maxBlockText bytes of text, when the stream
// pauses for reorderIdle, and at the end of the stream. When ctx is done it
// sends the documents of the block as a cancelled cut and returns. It
// returns when stop is closed.
func (c *Clusterer) cutBlocks(ctx context.Context, docs iter.Seq[Document], cuts chan<- cut, toPrepare chan<- Document, ahead *textBudget, stop <-chan struct{}) {
	in := make(chan Document)
	go func() { // ends when docs next yields or returns, after stop
		defer close(in)
		for d := range docs {
			select {
			case in <- d:
			case <-stop:
				return
			}
		}
	}()
	var held []Document
	text := 0
	send := func(b cut) bool {
		held, text = nil, 0
		select {
		case cuts <- b:
			return true
		case <-stop:
			return false
		}
	}
	pause := time.NewTimer(reorderIdle)
	defer pause.Stop()
	for {
		select {
		case d, ok := <-in:
			if !ok {
				if len(held) > 0 {
					send(cut{docs: held})
				}
				return
			}
			if !ahead.take(textSize(d), ctx.Done(), stop) {
				send(cut{docs: append(held, d), cancelled: true})
				return
			}
			select {
			case toPrepare <- d:
			case <-ctx.Done():
				send(cut{docs: append(held, d), cancelled: true})
				return
			case <-stop:
				return
			}
			held, text = append(held, d), text+textSize(d)
			if len(held) >= c.cfg.reorder || text >= maxBlockText {
				if !send(cut{docs: held}) {
					return
				}
			}
		case <-pause.C:
			if len(held) > 0 && !send(cut{docs: held}) {
				return
			}
		case <-ctx.Done():
			send(cut{docs: held, cancelled: true})
			return
		}
		pause.Reset(reorderIdle)
	}
}

// textSize is the size of a document's title and text, in bytes.
func textSize(d Document) int {
	return len(d.Title) + len(d.Text)
}

// chanValues returns the values received from ch, until it is closed.
func chanValues[T any](ch <-chan T) iter.Seq[T] {
	return func(yield func(T) bool) {
		for v := range ch {
			if !yield(v) {
				return
			}
		}
	}
}

// forward sends the jobs of seq to out, until stop is closed.
func forward(seq iter.Seq[*job], out chan<- *job, stop <-chan struct{}) {
	for j := range seq {
		select {
		case out <- j:
		case <-stop:
			return
		}
	}
}

// assignBlock assigns the documents of a block, held, prepared as js (in
// stream order; fewer than held when the stream was cut short), in order
// of publication (blockOrder) and yields their assignments in stream
// order; it reports whether to go on.
func (c *Clusterer) assignBlock(ctx context.Context, held []Document, js []*job, yield func(Assignment, error) bool) bool {
	if len(held) == 0 {
		return true
	}
	as, errs := make([]Assignment, len(held)), make([]error, len(held))
	ps := make([]*prepared, len(held))
	i := 0
	for _, j := range js {
		if j.end || i == len(held) {
			break
		}
		ps[i] = j.p
		as[i], errs[i] = Assignment{ID: held[i].ID}, j.err
		i++
	}
	for k := range held[i:] { // cut short by ctx
		as[i+k], errs[i+k] = Assignment{ID: held[i+k].ID}, cmp.Or(ctx.Err(), context.Canceled)
	}
	order := blockOrder(ps[:i])
	plan := c.planBlock(ps, order)
	for x, k := range order {
		as[k], errs[k] = c.commitPlanned(ctx, ps[k], &planHint{plan: plan, group: plan.group[x]})
	}
	for k := range held {
		if !yield(as[k], errs[k]) {
			return false
		}
	}
	return true
}

// textBudget bounds the bytes of text in flight between one goroutine that
// takes and one that gives back.
type textBudget struct {
	mu   sync.Mutex
	free int
	max  int
	wake chan struct{} // a token when bytes were given back
}

func newTextBudget(n int) *textBudget {
	return &textBudget{free: n, max: n, wake: make(chan struct{}, 1)}
}

// take waits until n bytes are free, or the whole budget when n is larger,
// and takes them; it reports false, taking nothing, when done or stop is
// closed first. Only one goroutine may take.
func (b *textBudget) take(n int, done, stop <-chan struct{}) bool {
	for {
		b.mu.Lock()
		if b.free >= n || b.free == b.max {
			b.free -= n
			b.mu.Unlock()
			return true
		}
		b.mu.Unlock()
		select {
		case <-b.wake:
		case <-done:
			return false
		case <-stop:
			return false
		}
	}
}

// give returns n bytes taken.
func (b *textBudget) give(n int) {
	b.mu.Lock()
	b.free += n
	b.mu.Unlock()
	select {
	case b.wake <- struct{}{}:
	default:
	}
}

// blockOrder returns the order in which the prepared documents of a block
// are assigned, as indices (those that could not be prepared, nil, are
// left out): the dated ones by their time, then the undated ones (and those
// whose time is ignored, see maxFuture), ties broken by content (the
// fingerprint) and then by id, so that the order, and the clusters, do not
// depend on the order the documents were held in. A document whose id the
// block already holds comes after all others, in stream order: it is a
// repeat, or ErrReusedID, of the first.
func blockOrder(ps []*prepared) []int {
	order := make([]int, 0, len(ps))
	var again []int
	seen := make(map[string]bool, len(ps))
	for i, p := range ps {
		switch {
		case p == nil:
		case seen[p.doc.ID]:
			again = append(again, i)
		default:
			seen[p.doc.ID] = true
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(x, y int) int {
		a, b := ps[x].d, ps[y].d
		switch {
		case a.Published.IsZero() != b.Published.IsZero():
			if a.Published.IsZero() {
				return 1
			}
			return -1
		case !a.Published.Equal(b.Published):
			return a.Published.Compare(b.Published)
		}
		return cmp.Or(cmp.Compare(a.FP, b.FP), cmp.Compare(a.ID, b.ID))
	})
	return append(order, again...)
}
