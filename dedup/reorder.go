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
// c.cfg.reorder, each in order of publication (see AddAll); it reports
// whether to go on. The documents wait in a block as they were given, and
// are analysed together when it is full (see maxBlockText).
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

// assignBlock assigns the documents of a block in order of publication
// (blockOrder) and yields their assignments in stream order; it reports
// whether to go on.
func (c *Clusterer) assignBlock(ctx context.Context, held []Document, yield func(Assignment, error) bool) bool {
	if len(held) == 0 {
		return true
	}
	order := blockOrder(held)
	sorted := make([]Document, len(order))
	for i, k := range order {
		sorted[i] = held[k]
	}
	as, errs := make([]Assignment, len(held)), make([]error, len(held))
	ps := make([]*prepared, len(order))
	i := 0
	for j := range c.prepareAll(ctx, slices.Values(sorted)) {
		if j.end || i == len(order) {
			break
		}
		k := order[i]
		ps[i] = j.p
		as[k], errs[k] = Assignment{ID: held[k].ID}, j.err
		i++
	}
	for _, k := range order[i:] { // cut short by ctx
		as[k], errs[k] = Assignment{ID: held[k].ID}, cmp.Or(ctx.Err(), context.Canceled)
	}
	plan := c.planBlock(ps[:i])
	for x, p := range ps[:i] {
		if p != nil {
			k := order[x]
			as[k], errs[k] = c.commitPlanned(ctx, p, &planHint{plan: plan, group: plan.group[x]})
		}
	}
	for k := range held {
		if !yield(as[k], errs[k]) {
			return false
		}
	}
	return true
}

// blockOrder returns the order in which the documents of a block are
// assigned, as indices: the dated ones by their time, then the undated ones
// (and those whose time is ignored, see maxFuture), ties broken by content
// (the fingerprint) and then by id, so that the order, and the clusters, do
// not depend on the order the documents were held in. A document whose id
// the block already holds comes after all others, in stream order: it is a
// repeat, or ErrReusedID, of the first.
func blockOrder(held []Document) []int {
	type key struct {
		t  time.Time
		fp uint64
	}
	keys := make([]key, len(held))
	latest := time.Now().Add(maxFuture)
	order := make([]int, 0, len(held))
	var again []int
	seen := make(map[string]bool, len(held))
	for i, d := range held {
		if seen[d.ID] {
			again = append(again, i)
			continue
		}
		seen[d.ID] = true
		order = append(order, i)
		keys[i] = key{d.Published, fingerprint(d)}
		if keys[i].t.After(latest) {
			keys[i].t = time.Time{}
		}
	}
	slices.SortStableFunc(order, func(x, y int) int {
		a, b := keys[x], keys[y]
		switch {
		case a.t.IsZero() != b.t.IsZero():
			if a.t.IsZero() {
				return 1
			}
			return -1
		case !a.t.Equal(b.t):
			return a.t.Compare(b.t)
		}
		return cmp.Or(cmp.Compare(a.fp, b.fp), cmp.Compare(held[x].ID, held[y].ID))
	})
	return append(order, again...)
}
