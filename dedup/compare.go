package dedup

import (
	"cmp"
	"context"
	"fmt"
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
func (c *Clusterer) Compare(ctx context.Context, a, b Document) (Comparison, error) {
	cs, err := c.CompareAll(ctx, []Pair{{a, b}})
	if err != nil {
		return Comparison{}, err
	}
	return cs[0], nil
}

// CompareAll scores pairs of documents against each other without adding
// them, and returns one comparison per pair, in order. Features are weighted
// by their rarity among the documents of the window together with all the
// documents of the pairs, so that a batch of pairs compared on an empty
// Clusterer still tells rare names from common words: the whole batch is
// analysed before any pair is scored. A document appearing in several pairs
// (the same ID and content) counts once; documents that share an ID but not
// their content are different documents. Features are extracted on all
// CPUs.
//
// A pair with an invalid document (see Add) fails the call before any work,
// with an error that wraps ErrInvalid and names the pair; a cancelled ctx
// and a closed Clusterer fail it too, and no comparison is returned.
//
// Score is graded for ranking and correlation with human judgements: the
// weighted mean of the square roots of the clustering similarity of one
// document to a cluster of the other (without its time factor) and of the
// cosines of character n-grams (documents of one script) and of content terms
// (one language), features near the headline and lead counting more, times the
// time factor when both documents are dated. Within one language the character
// n-grams weigh six times each of the others (they match the parts of
// compounds and inflected forms), across languages half as much as each (they
// match little but the names and numbers the clustering similarity holds); the
// weights were fitted with DefaultSameScore. Text that recurs in three or more
// documents of the batch (a site's furniture) is left out of Score; a pair
// with a document that is mostly such text scores the mean of the batch.
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
func (c *Clusterer) CompareAll(ctx context.Context, pairs []Pair) ([]Comparison, error) {
	var docs []Document
	index := make(map[docKey]int)
	at := make([][2]int, len(pairs)) // the documents of each pair
	for i, p := range pairs {
		for k, d := range [...]Document{p.A, p.B} {
			if err := validate(d); err != nil {
				return nil, fmt.Errorf("pair %d: %w", i, err)
			}
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
		if j.err != nil {
			return nil, j.err
		}
		jobs = append(jobs, j)
	}
	if len(jobs) < len(docs) {
		return nil, cmp.Or(ctx.Err(), context.Canceled)
	}
	content := c.stripAll(ctx, jobs)
	pds := c.pairFeatures(content)
	for _, j := range content {
		if err := contentErr(j); err != nil {
			return nil, err
		}
	}
	return c.compare(at, jobs, content, pds)
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

// batch is the documents of a batch of pairs, weighted, under the lock.
type batch struct {
	docs    []*doc                // the whole documents
	content []*doc                // without their furniture: nil when nothing is left
	pds     []*pairscore.Features // the pair features of content
}

// compare scores prepared pairs, given by the indexes of their documents in
// jobs, under the lock.
func (c *Clusterer) compare(pairs [][2]int, jobs, content []*job, pds []*pairscore.Features) ([]Comparison, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.store == nil {
		return nil, errZero
	}
	if c.closed {
		return nil, ErrClosed
	}
	b := c.weigh(jobs, content, pds)
	defer func() {
		for _, d := range b.docs {
			c.win.st.Update(d.Doc, -1)
		}
	}()
	out := make([]Comparison, len(pairs))
	var blind []int                      // pairs without content
	floor := make([]float64, len(pairs)) // the least score of a pair: see scorePair
	seen, sum := 0, 0.0
	for i, p := range pairs {
		out[i], floor[i] = c.scorePair(b, p[0], p[1])
		if _, ok := out[i].Evidence.Parts["content"]; ok {
			blind = append(blind, i)
		} else {
			seen, sum = seen+1, sum+out[i].Score
		}
	}
	if seen > 0 {
		for _, i := range blind {
			out[i].Score = sum / float64(seen)
		}
	}
	isBlind := make([]bool, len(pairs))
	for _, i := range blind {
		isBlind[i] = true
	}
	for i := range out {
		out[i].Score = max(out[i].Score, floor[i])
		// A pair without content has no evidence of its own, unless its
		// documents are copies of each other (see floor).
		out[i].Same = (!isBlind[i] || out[i].Duplicate) && out[i].Score >= c.cfg.sameScore
	}
	return out, nil
}

// weigh counts the documents of a batch in the window's statistics (the
// caller takes them out again) and weighs their features and pair features
// by rarity.
func (c *Clusterer) weigh(jobs, content []*job, pds []*pairscore.Features) batch {
	st := c.win.st
	b := batch{docs: make([]*doc, len(jobs)), content: make([]*doc, len(jobs)), pds: pds}
	for i, j := range jobs {
		b.docs[i] = j.p.d
		b.docs[i].Attest(st)
	}
	// The content of a document, without its boilerplate, is scored; the
	// statistics and the clustering decision are those of the document.
	for i, j := range content {
		switch {
		case j == jobs[i]:
			b.content[i] = b.docs[i]
		case j != nil:
			b.content[i] = j.p.d
			b.content[i].Attest(st)
		}
	}
	for _, d := range b.docs {
		st.Update(d.Doc, 1)
	}
	for i, d := range b.docs {
		d.Weigh(st)
		if cd := b.content[i]; cd != nil && cd != d {
			cd.Weigh(st)
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
		if p == nil || b.content[i] == nil {
			continue
		}
		nl := st.Docs(b.content[i].Lang)
		p.Grams = pairscore.WeighLog(p.Grams, func(k uint64) float64 { return math.Log(float64(ng+features.PriorDocs) / float64(gdf[k]+1)) })
		p.Words = pairscore.WeighLog(p.Words, func(k uint64) float64 { return st.IDF(k, nl) })
	}
	return b
}

// scorePair scores the ia-th document of a weighted batch against the
// ib-th, and returns the least score the pair may have: the clustering
// similarity for near-verbatim copies, 0 otherwise. A pair whose content is
// gone has Evidence.Parts["content"] set.
func (c *Clusterer) scorePair(b batch, ia, ib int) (Comparison, float64) {
	da, db := b.docs[ia], b.docs[ib]
	dup := da.Sig.Jaccard(&db.Sig) >= c.cfg.duplicate
	cl := newProfile()
	cl.add(db)
	m := cl.similarity(da, c.cfg.window/2, true)
	floor := 0.0
	if dup {
		// A near-verbatim copy is the same report whatever the rest of the
		// batch holds: three copies of one wire story would otherwise have
		// their common text taken for furniture. It scores at least the
		// clustering similarity of the whole documents.
		floor = m.score
	}
	var ps pairscore.Score
	switch ca, cb := b.content[ia], b.content[ib]; {
	case ca == nil || cb == nil:
		// Nothing is left of one of them but text that recurs in other
		// documents (an error page, a paywall, the site's furniture): there
		// is no evidence either way, and the pair gets the mean score of the
		// batch. Copies of such a page are no exception: they say nothing of
		// the reports behind them.
	case ca == da && cb == db:
		ps = pairscore.Compute(da.Doc, db.Doc, b.pds[ia], b.pds[ib], m.score, m.time)
	default:
		cl := newProfile()
		cl.add(cb)
		mc := cl.similarity(ca, c.cfg.window/2, true)
		ps = pairscore.Compute(ca.Doc, cb.Doc, b.pds[ia], b.pds[ib], mc.score, mc.time)
	}
	// The evidence is that of the clustering decision, on the whole
	// documents, with the parts of the score on their content.
	ev := m.evidence()
	if b.content[ia] == nil || b.content[ib] == nil {
		ev.Parts["content"] = 0
	}
	ev.Parts["cluster"] = round4(m.score)
	if ps.HasChars {
		ev.Parts["chars"] = round4(ps.Chars)
	}
	if ps.HasWords {
		ev.Parts["words"] = round4(ps.Words)
	}
	return Comparison{Score: ps.Value, Duplicate: dup, Evidence: ev}, floor
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
// the document): a few words, too few to grade. A round bound, not fitted;
// the SemEval development pairs (eventdedup eval --gold
// semeval-pairs-dev.jsonl) give identical output for 25–200 (6 Dec 2026).
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
