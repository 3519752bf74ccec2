package dedup

import (
	"cmp"
	"context"
	"iter"
	"slices"
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

// addBlocks assigns the documents of docs in blocks of up to
// c.cfg.reorder, each in order of publication (see AddAll). The documents
// wait in a block as they were given, and are analysed together when it is
// full (see maxBlockText).
func (c *Clusterer) addBlocks(ctx context.Context, docs iter.Seq[Document], yield func(Assignment, error) bool) {
	in := make(chan Document)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
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
	pause := time.NewTimer(reorderIdle)
	defer pause.Stop()
	for {
		select {
		case d, ok := <-in:
			if !ok {
				c.assignBlock(ctx, held, yield)
				return
			}
			held, text = append(held, d), text+len(d.Title)+len(d.Text)
			if len(held) >= c.cfg.reorder || text >= maxBlockText {
				if !c.assignBlock(ctx, held, yield) {
					return
				}
				held, text = held[:0], 0
			}
		case <-pause.C:
			if !c.assignBlock(ctx, held, yield) {
				return
			}
			held, text = held[:0], 0
		case <-ctx.Done():
			// The documents held were not added: each is told so.
			for _, d := range held {
				if !yield(Assignment{ID: d.ID}, ctx.Err()) {
					return
				}
			}
			yield(Assignment{}, ctx.Err())
			return
		}
		pause.Reset(reorderIdle)
	}
}

// assignBlock prepares the documents of a block, assigns them in order of
// publication (blockOrder) and yields their assignments in stream order; it
// reports whether to go on.
func (c *Clusterer) assignBlock(ctx context.Context, held []Document, yield func(Assignment, error) bool) bool {
	if len(held) == 0 {
		return true
	}
	as, errs := make([]Assignment, len(held)), make([]error, len(held))
	ps := make([]*prepared, len(held))
	i := 0
	for j := range c.prepareAll(ctx, slices.Values(held)) {
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
