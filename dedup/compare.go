package dedup

import (
	"cmp"
	"context"
	"iter"
	"math"
	"runtime"
	"slices"
	"sync"

	"github.com/eventdedup/eventdedup/dedup/internal/features"
	"github.com/eventdedup/eventdedup/dedup/internal/pairscore"
)

// Pair is two documents to compare.
type Pair struct{ A, B Document }

// Compare scores two documents against each other, as CompareAll does for
// one pair. It does not add them.
func (c *Clusterer) Compare(a, b Document) (Comparison, error) {
	for r, err := range c.CompareAll(context.Background(), []Pair{{a, b}}) {
		return r, err
	}
	panic("unreachable: CompareAll yields one result per pair")
}

// CompareAll scores pairs of documents against each other without adding
// them. Features are weighted by their rarity among the documents of the
// window together with all the documents of the pairs, so that a batch of
// pairs compared on an empty Clusterer still tells rare names from common
// words. A document appearing in several pairs (the same ID and content)
// counts once; documents that share an ID but not their content are
// different documents. Features
// are extracted on all CPUs. It yields one comparison or error per pair, in
// order.
//
// Score is graded for ranking
// and correlation with human judgements: the mean of the square roots of
// that similarity (without its time factor) and of the cosines of
// character n-grams (documents of one script) and of content terms (one
// language), features near the headline and lead counting more, times the
// time factor when both documents are dated. Text that recurs in three or
// more documents of the batch (a site's furniture) is left out of Score; a
// pair with a document that is mostly such text scores the mean of the
// batch.
//
// Same is a decision on Score: the two report the same story when Score
// reaches the same score of the Clusterer (DefaultSameScore, fitted on rated
// real article pairs: see its documentation and WithSameScore). A pair with
// a document that is mostly recurring text is not the same (there is no
// evidence either way) unless its documents are near-verbatim copies of each
// other: copies of one report, or of one furniture page, which Duplicate
// tells. Same is not the clustering decision: clustering
// compares a document with a cluster, and joins at a lower similarity a
// report that shares a few names and places with an event's reports; Same
// answers for the two documents alone, and holds only a pair close enough
// that few pairs of related but different stories reach it.
func (c *Clusterer) CompareAll(ctx context.Context, pairs []Pair) iter.Seq2[Comparison, error] {
	return func(yield func(Comparison, error) bool) {
		var docs []Document
		index := make(map[docKey]int)
		at := make([][2]int, len(pairs)) // the documents of each pair
		for i, p := range pairs {
			for k, d := range [...]Document{p.A, p.B} {
				key := keyOf(d)
				j, ok := index[key]
				if !ok {
					j = len(docs)
					index[key] = j
					docs = append(docs, d)
				}
				at[i][k] = j
			}
		}
		jobs := make([]*job, 0, len(docs))
		for j := range c.prepareAll(ctx, slices.Values(docs)) {
			jobs = append(jobs, j)
		}
		content := c.stripAll(ctx, jobs)
		pds := c.pairFeatures(content)
		for _, r := range c.compare(ctx, at, jobs, content, pds) {
			if !yield(r.cmp, r.err) {
				return
			}
		}
	}
}

// docKey tells the documents of a batch of pairs apart: by ID and content,
// so that pairs that reuse IDs ("1" and "2" on every line) are not scored
// against one another's documents.
type docKey struct {
	id   string
	fp   uint64
	lang string
}

func keyOf(d Document) docKey { return docKey{d.ID, fingerprint(d), d.Lang.String()} }

type compared struct {
	cmp Comparison
	err error
}

// pairFeatures extracts the features of the graded score of the prepared
// documents, on all CPUs: nil for a document that failed.
func (c *Clusterer) pairFeatures(jobs []*job) []*pairscore.Features {
	out := make([]*pairscore.Features, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for i := range next {
				if j := jobs[i]; j != nil && j.err == nil {
					out[i], j.err = pairscore.Extract(c.x, j.d, j.p.d.Lang)
				}
			}
		})
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// compare scores prepared pairs, given by the indexes of their documents in
// jobs, under the lock.
func (c *Clusterer) compare(ctx context.Context, pairs [][2]int, jobs, content []*job, pds []*pairscore.Features) []compared {
	out := make([]compared, len(pairs))
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed || c.store == nil {
		err := ErrClosed
		if c.store == nil {
			err = errZero
		}
		for i := range out {
			out[i].err = err
		}
		return out
	}
	st := c.win.st
	ds := make([]*doc, len(jobs))
	for i, j := range jobs {
		if j.err == nil {
			ds[i] = j.p.d
			ds[i].Attest(st)
		}
	}
	// The content of a document, without its boilerplate, is scored; the
	// statistics and the clustering decision are those of the document.
	cs := make([]*doc, len(jobs))
	for i, j := range content {
		switch {
		case j == jobs[i]:
			cs[i] = ds[i]
		case j != nil && j.err == nil:
			cs[i] = j.p.d
			cs[i].Attest(st)
		}
	}
	for _, d := range ds {
		if d != nil {
			st.Update(d.Doc, 1)
		}
	}
	for i, d := range ds {
		if d != nil {
			d.Weigh(st)
		}
		if cs[i] != nil && cs[i] != d {
			cs[i].Weigh(st)
		}
	}
	// Grams are weighted by their rarity among the compared documents, words
	// as the clustering terms.
	gdf := make(map[uint64]int32)
	ng := 0
	for _, p := range pds {
		if p != nil {
			ng++
			for _, k := range p.Grams.K {
				gdf[k]++
			}
		}
	}
	for i, p := range pds {
		if p == nil || cs[i] == nil {
			continue
		}
		nl := st.Docs(cs[i].Lang)
		p.Grams = pairscore.WeighLog(p.Grams, func(k uint64) float64 { return math.Log(float64(ng+features.PriorDocs) / float64(gdf[k]+1)) })
		p.Words = pairscore.WeighLog(p.Words, func(k uint64) float64 { return st.IDF(k, nl) })
	}
	defer func() {
		for _, d := range ds {
			if d != nil {
				st.Update(d.Doc, -1)
			}
		}
	}()
	var blind []int                      // pairs without content
	floor := make([]float64, len(pairs)) // the least score of a pair: see below
	seen, sum := 0, 0.0
	for i, p := range pairs {
		ia, ib := p[0], p[1]
		if ia >= len(jobs) || ib >= len(jobs) {
			// Preparation was cancelled: the last job holds the error,
			// if any job was yielded.
			out[i].err = ctx.Err()
			if len(jobs) > 0 && jobs[len(jobs)-1].err != nil {
				out[i].err = jobs[len(jobs)-1].err
			}
			continue
		}
		if err := cmp.Or(jobs[ia].err, jobs[ib].err, contentErr(content[ia]), contentErr(content[ib])); err != nil {
			out[i].err = err
			continue
		}
		a, b := ds[ia], ds[ib]
		dup := a.Sig.Jaccard(&b.Sig) >= c.cfg.duplicate
		cl := newOpenCluster(0)
		cl.add(b)
		m := cl.similarity(a, c.cfg.window/2, true)
		if dup {
			// A near-verbatim copy is the same report whatever the rest
			// of the batch holds: three copies of one wire story would
			// otherwise have their common text taken for furniture. It
			// scores at least the clustering similarity of the whole
			// documents.
			floor[i] = m.score
		}
		var ps pairscore.Score
		switch ca, cb := cs[ia], cs[ib]; {
		case ca == nil || cb == nil:
			// Nothing is left of one of them but text that recurs in
			// other documents (an error page, a paywall, the site's
			// furniture): there is no evidence either way, and the
			// pair gets the mean score of the batch below. Copies of
			// such a page are no exception: they say nothing of the
			// reports behind them.
		case ca == a && cb == b:
			ps = pairscore.Compute(a.Doc, b.Doc, pds[ia], pds[ib], m.score, m.time)
		default:
			cl := newOpenCluster(0)
			cl.add(cb)
			mc := cl.similarity(ca, c.cfg.window/2, true)
			ps = pairscore.Compute(ca.Doc, cb.Doc, pds[ia], pds[ib], mc.score, mc.time)
		}
		// The evidence is that of the clustering decision, on the whole
		// documents, with the parts of the score on their content.
		ev := m.evidence()
		if ca, cb := cs[ia], cs[ib]; ca == nil || cb == nil {
			ev.Parts["content"] = 0
			blind = append(blind, i)
		} else {
			seen, sum = seen+1, sum+ps.Value
		}
		ev.Parts["cluster"] = round4(m.score)
		if ps.HasChars {
			ev.Parts["chars"] = round4(ps.Chars)
		}
		if ps.HasWords {
			ev.Parts["words"] = round4(ps.Words)
		}
		out[i].cmp = Comparison{
			Score:     ps.Value,
			Duplicate: dup,
			Evidence:  ev,
		}
	}
	if seen > 0 {
		for _, i := range blind {
			out[i].cmp.Score = sum / float64(seen)
		}
	}
	isBlind := make([]bool, len(pairs))
	for _, i := range blind {
		isBlind[i] = true
	}
	for i := range out {
		out[i].cmp.Score = max(out[i].cmp.Score, floor[i])
		// A pair without content has no evidence of its own, unless its
		// documents are copies of each other (see floor).
		out[i].cmp.Same = out[i].err == nil && (!isBlind[i] || out[i].cmp.Duplicate) && out[i].cmp.Score >= c.cfg.sameScore
	}
	return out
}

// contentErr is the error of preparing a document's content (cancellation).
func contentErr(j *job) error {
	if j == nil {
		return nil
	}
	return j.err
}

// minContent is the number of letters and digits below which what is left of
// a document without its boilerplate is no content (nor is less than half of
// the document).
const minContent = 50

// stripAll returns the prepared content of the documents of jobs: the job
// itself when the document has no boilerplate, a job of the document without
// it, or nil when too little is left (or the job failed): see
// pairscore.StripBoilerplate.
func (c *Clusterer) stripAll(ctx context.Context, jobs []*job) []*job {
	texts := make([]string, 2*len(jobs))
	owner := make([]int, 2*len(jobs))
	for i, j := range jobs {
		texts[2*i], texts[2*i+1] = j.d.Title, j.d.Text
		owner[2*i], owner[2*i+1] = i, i
	}
	stripped := pairscore.StripBoilerplate(texts, owner)
	out := make([]*job, len(jobs))
	var changed []Document
	var at []int
	for i, j := range jobs {
		if j.err != nil {
			continue
		}
		title, text := stripped[2*i], stripped[2*i+1]
		if title == j.d.Title && text == j.d.Text {
			out[i] = j
			continue
		}
		// A page that is mostly furniture is a furniture page: what is
		// left is its menus and headings.
		if left := pairscore.ContentRunes(title) + pairscore.ContentRunes(text); left < minContent || 2*left < pairscore.ContentRunes(j.d.Title)+pairscore.ContentRunes(j.d.Text) {
			continue
		}
		d := j.d
		d.Title, d.Text = title, text
		changed = append(changed, d)
		at = append(at, i)
	}
	k := 0
	for j := range c.prepareAll(ctx, slices.Values(changed)) {
		if j.err != nil && ctx.Err() != nil {
			for _, i := range at[k:] { // cancelled: no more jobs
				out[i] = j
			}
			break
		}
		if k < len(at) {
			out[at[k]] = j
		}
		k++
	}
	return out
}
