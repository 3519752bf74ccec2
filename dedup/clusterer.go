// Package dedup clusters news reports that describe the same real-world event,
// online, across outlets, languages and scripts, and flags near-verbatim
// copies.
//
// A [Clusterer] takes documents one at a time ([Clusterer.Add]) or as a stream
// ([Clusterer.AddAll]). For each document it detects the language (package
// lang), extracts content terms with bleve's per-language analyzers, name
// mentions as cross-script phonetic keys and country mentions through a
// multilingual gazetteer (package normalize), and numbers. Candidate documents
// published within a time window come from a bleve scorch index; the document
// joins the most similar open cluster when the similarity reaches a threshold,
// and starts a new cluster otherwise. A MinHash signature of the folded text
// flags near-verbatim copies.
package dedup

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"time"

	"golang.org/x/text/language"

	"github.com/eventdedup/eventdedup/lang"
)

// Errors returned by Clusterer methods.
var (
	ErrClosed      = errors.New("dedup: clusterer is closed")
	ErrDuplicateID = errors.New("dedup: document id already added")
	ErrInvalid     = errors.New("dedup: invalid document")
)

// Defaults.
const (
	// DefaultWindow is how far apart in publication time two reports of one
	// event may be.
	DefaultWindow = 72 * time.Hour
	// DefaultThreshold is the similarity at which a document joins a cluster.
	DefaultThreshold = 0.3
	// DefaultBatchSize is how many documents are buffered before they are
	// written to the index.
	DefaultBatchSize = 256
)

// Option configures a Clusterer.
type Option func(*config)

type config struct {
	detector  *lang.Detector
	window    time.Duration
	threshold float64
	batchSize int
}

// WithDetector sets the language detector (default: a lang.Detector with its
// default configuration).
func WithDetector(d *lang.Detector) Option { return func(c *config) { c.detector = d } }

// WithWindow sets the time window within which reports can belong to one event
// (default DefaultWindow). Clusters with no report within twice the window of
// the newest report are closed.
func WithWindow(w time.Duration) Option { return func(c *config) { c.window = w } }

// WithThreshold sets the similarity in [0, 1] at which a document joins a
// cluster (default DefaultThreshold). Higher values make smaller, purer
// clusters.
func WithThreshold(t float64) Option { return func(c *config) { c.threshold = t } }

// WithBatchSize sets how many documents are buffered before they are written
// to the index (default DefaultBatchSize).
func WithBatchSize(n int) Option { return func(c *config) { c.batchSize = n } }

// Clusterer assigns documents to event clusters. It is safe for concurrent
// use; documents added concurrently are processed in an unspecified order, so
// use AddAll or a single goroutine for deterministic results.
type Clusterer struct {
	cfg config
	an  *analyzers
	dir string // directory holding the index and state
	tmp bool   // dir is temporary and removed on Close

	mu         sync.Mutex
	closed     bool
	idx        *candidateIndex
	st         *stats
	seq        int
	clusters   map[string]*cluster
	order      []string             // cluster ids in creation order
	docCluster map[string]string    // document id → cluster id
	dupOf      map[string]string    // document id → earliest copy
	feats      map[string]*features // documents of open clusters
	pending    []*features          // documents not yet in the index
	watermark  time.Time            // newest publication time seen
}

type cluster struct {
	ID          string
	Docs        []string
	First, Last time.Time
	Closed      bool
}

// New returns a Clusterer whose index lives in a temporary directory that is
// removed on Close.
func New(opts ...Option) (*Clusterer, error) {
	dir, err := os.MkdirTemp("", "eventdedup-")
	if err != nil {
		return nil, fmt.Errorf("dedup: %w", err)
	}
	c, err := open(dir, opts)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	c.tmp = true
	return c, nil
}

// Open returns a Clusterer persisted in directory dir, creating it if needed.
// A Clusterer reopened on the same directory continues the same clusters with
// the same ids. Only one Clusterer may use a directory at a time.
func Open(dir string, opts ...Option) (*Clusterer, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("dedup: %w", err)
	}
	return open(dir, opts)
}

func open(dir string, opts []Option) (*Clusterer, error) {
	cfg := config{window: DefaultWindow, threshold: DefaultThreshold, batchSize: DefaultBatchSize}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.detector == nil {
		cfg.detector = lang.New()
	}
	if cfg.batchSize <= 0 {
		cfg.batchSize = 1
	}
	an, err := newAnalyzers()
	if err != nil {
		return nil, fmt.Errorf("dedup: %w", err)
	}
	c := &Clusterer{
		cfg:        cfg,
		an:         an,
		dir:        dir,
		st:         newStats(),
		clusters:   make(map[string]*cluster),
		docCluster: make(map[string]string),
		dupOf:      make(map[string]string),
		feats:      make(map[string]*features),
	}
	if err := c.loadState(); err != nil {
		return nil, err
	}
	idx, err := openCandidateIndex(filepath.Join(dir, "index"))
	if err != nil {
		return nil, err
	}
	c.idx = idx
	return c, nil
}

// prepared is a document with its features, ready to be assigned.
type prepared struct {
	doc  Document
	lang lang.Result
	f    *features
}

// prepare validates d and extracts its features. It does not touch the
// Clusterer's mutable state, so it runs concurrently.
func (c *Clusterer) prepare(d Document) (*prepared, error) {
	if d.ID == "" {
		return nil, fmt.Errorf("%w: empty id", ErrInvalid)
	}
	if d.Title == "" && d.Text == "" {
		return nil, fmt.Errorf("%w: %q has neither title nor text", ErrInvalid, d.ID)
	}
	res := c.cfg.detector.DetectHint(d.Title+"\n"+d.Text, d.Lang)
	return &prepared{doc: d, lang: res, f: c.an.extract(d, res.Tag)}, nil
}

// Add assigns a document to a cluster.
func (c *Clusterer) Add(ctx context.Context, d Document) (Assignment, error) {
	if err := ctx.Err(); err != nil {
		return Assignment{}, err
	}
	p, err := c.prepare(d)
	if err != nil {
		return Assignment{ID: d.ID}, err
	}
	return c.commit(ctx, p)
}

// AddAll adds the documents of a stream, extracting features on all CPUs
// while assigning documents in stream order, so that results are the same as
// adding them one by one. It yields one assignment or error per document; an
// error for one document does not stop the stream. Stopping the iteration, or
// cancelling ctx, stops reading docs.
func (c *Clusterer) AddAll(ctx context.Context, docs iter.Seq[Document]) iter.Seq2[Assignment, error] {
	return func(yield func(Assignment, error) bool) {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		workers := runtime.GOMAXPROCS(0)
		type job struct {
			d    Document
			p    *prepared
			err  error
			done chan struct{}
		}
		work := make(chan *job, workers*4)
		order := make(chan *job, workers*16)
		go func() {
			defer close(work)
			defer close(order)
			for d := range docs {
				j := &job{d: d, done: make(chan struct{})}
				select {
				case order <- j:
				case <-ctx.Done():
					return
				}
				select {
				case work <- j:
				case <-ctx.Done():
					return
				}
			}
		}()
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := range work {
					j.p, j.err = c.prepare(j.d)
					close(j.done)
				}
			}()
		}
		defer wg.Wait()
		for j := range order {
			select {
			case <-j.done:
			case <-ctx.Done():
				yield(Assignment{ID: j.d.ID}, ctx.Err())
				return
			}
			var a Assignment
			err := j.err
			if err == nil {
				a, err = c.commit(ctx, j.p)
			} else {
				a = Assignment{ID: j.d.ID}
			}
			if !yield(a, err) {
				return
			}
		}
	}
}

// commit assigns a prepared document under the lock.
func (c *Clusterer) commit(ctx context.Context, p *prepared) (Assignment, error) {
	if err := ctx.Err(); err != nil {
		return Assignment{ID: p.doc.ID}, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return Assignment{ID: p.doc.ID}, ErrClosed
	}
	if _, ok := c.docCluster[p.doc.ID]; ok {
		return Assignment{ID: p.doc.ID}, fmt.Errorf("%w: %q", ErrDuplicateID, p.doc.ID)
	}
	f := p.f
	c.st.add(f)

	cands, err := c.candidates(f)
	if err != nil {
		return Assignment{ID: p.doc.ID}, err
	}
	a := Assignment{ID: p.doc.ID, Lang: p.lang.Tag}

	// Near-verbatim copies.
	for _, cf := range cands {
		if f.Sig.jaccard(&cf.Sig) >= duplicateJaccard {
			orig := cf.ID
			if o, ok := c.dupOf[orig]; ok {
				orig = o
			}
			if a.DuplicateOf == "" || c.before(orig, a.DuplicateOf) {
				a.DuplicateOf = orig
			}
		}
	}

	// Cluster similarity: mean of the best and the average pair score over the
	// cluster's open documents among the candidates.
	type agg struct {
		max, sum float64
		n        int
		ev       Evidence
	}
	byCluster := make(map[string]*agg)
	for _, cf := range cands {
		cid := c.docCluster[cf.ID]
		s, ev := pairScore(f, cf, c.st)
		g := byCluster[cid]
		if g == nil {
			g = &agg{}
			byCluster[cid] = g
		}
		if s > g.max || g.n == 0 {
			g.max, g.ev = s, ev
		}
		g.sum += s
		g.n++
	}
	best, bestScore := "", 0.0
	var bestEv Evidence
	ids := make([]string, 0, len(byCluster))
	for id := range byCluster {
		ids = append(ids, id)
	}
	sort.Strings(ids) // deterministic tie-breaking
	for _, id := range ids {
		g := byCluster[id]
		s := (g.max + g.sum/float64(g.n)) / 2
		if s > bestScore {
			best, bestScore, bestEv = id, s, g.ev
		}
	}
	if a.DuplicateOf != "" {
		best = c.docCluster[a.DuplicateOf]
		if g := byCluster[best]; g != nil {
			bestScore, bestEv = (g.max+g.sum/float64(g.n))/2, g.ev
		}
	} else if bestScore < c.cfg.threshold {
		best = ""
	}

	if best == "" {
		c.seq++
		best = "c" + strconv.Itoa(c.seq)
		c.clusters[best] = &cluster{ID: best, First: f.Published, Last: f.Published}
		c.order = append(c.order, best)
		a.New = true
	} else {
		a.Score = bestScore
		a.Evidence = bestEv
	}
	a.Cluster = best
	cl := c.clusters[best]
	cl.Docs = append(cl.Docs, f.ID)
	if !f.Published.IsZero() {
		if cl.First.IsZero() || f.Published.Before(cl.First) {
			cl.First = f.Published
		}
		if f.Published.After(cl.Last) {
			cl.Last = f.Published
		}
	}
	c.docCluster[f.ID] = best
	if a.DuplicateOf != "" {
		c.dupOf[f.ID] = a.DuplicateOf
	}
	c.feats[f.ID] = f
	c.pending = append(c.pending, f)
	if err := c.idx.add(f.ID, indexTokens(f), f.Published); err != nil {
		return a, err
	}
	if len(c.pending) >= c.cfg.batchSize {
		if err := c.flushLocked(); err != nil {
			return a, err
		}
	}
	if f.Published.After(c.watermark) {
		c.watermark = f.Published
		c.evictLocked()
	}
	return a, nil
}

// before reports whether document a was added before b.
func (c *Clusterer) before(a, b string) bool {
	fa, fb := c.feats[a], c.feats[b]
	if fa != nil && fb != nil && !fa.Published.IsZero() && !fb.Published.IsZero() && !fa.Published.Equal(fb.Published) {
		return fa.Published.Before(fb.Published)
	}
	return a < b
}

// maxQueryTokens bounds the candidate query.
const maxQueryTokens = 48

// candidates returns the features of open documents that may belong to the
// same event as f: those the index finds, and those not yet indexed.
func (c *Clusterer) candidates(f *features) ([]*features, error) {
	type tw struct {
		t string
		w float64
	}
	var toks []tw
	forEachToken(f, func(t string) { toks = append(toks, tw{t, c.st.idf(t)}) })
	sort.Slice(toks, func(i, j int) bool { return toks[i].w > toks[j].w || toks[i].w == toks[j].w && toks[i].t < toks[j].t })
	q := make([]string, 0, maxQueryTokens)
	for i := 0; i < len(toks) && i < maxQueryTokens; i++ {
		q = append(q, toks[i].t)
	}
	ids, err := c.idx.search(q, f.Published, c.cfg.window, 50)
	if err != nil {
		return nil, fmt.Errorf("dedup: search: %w", err)
	}
	seen := make(map[string]bool, len(ids)+len(c.pending))
	var out []*features
	for _, id := range ids {
		if cf := c.feats[id]; cf != nil && !seen[id] {
			seen[id] = true
			out = append(out, cf)
		}
	}
	for _, cf := range c.pending {
		if seen[cf.ID] || cf.ID == f.ID || c.feats[cf.ID] == nil {
			continue
		}
		if !f.Published.IsZero() && !cf.Published.IsZero() {
			d := f.Published.Sub(cf.Published)
			if d > c.cfg.window || d < -c.cfg.window {
				continue
			}
		}
		seen[cf.ID] = true
		out = append(out, cf)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// indexTokens is the token field indexed for f.
func indexTokens(f *features) string {
	var b []byte
	forEachToken(f, func(t string) {
		b = append(b, t...)
		b = append(b, ' ')
	})
	return string(b)
}

func (c *Clusterer) flushLocked() error {
	if err := c.idx.flush(); err != nil {
		return fmt.Errorf("dedup: index: %w", err)
	}
	c.pending = c.pending[:0]
	return nil
}

// evictLocked closes clusters with no document within twice the window of the
// watermark and forgets their documents' features.
func (c *Clusterer) evictLocked() {
	limit := c.watermark.Add(-2 * c.cfg.window)
	for _, id := range c.order {
		cl := c.clusters[id]
		if cl.Closed || cl.Last.IsZero() || !cl.Last.Before(limit) {
			continue
		}
		cl.Closed = true
		for _, d := range cl.Docs {
			delete(c.feats, d)
		}
	}
}

// Clusters returns the clusters in creation order. It is a snapshot: clusters
// created during the iteration are not included.
func (c *Clusterer) Clusters() iter.Seq[Cluster] {
	c.mu.Lock()
	snap := make([]Cluster, 0, len(c.order))
	for _, id := range c.order {
		cl := c.clusters[id]
		snap = append(snap, Cluster{ID: cl.ID, Docs: append([]string(nil), cl.Docs...), First: cl.First, Last: cl.Last})
	}
	c.mu.Unlock()
	return func(yield func(Cluster) bool) {
		for _, cl := range snap {
			if !yield(cl) {
				return
			}
		}
	}
}

// Compare scores two documents against each other, weighting features by
// their rarity among the documents added so far. It does not add them.
func (c *Clusterer) Compare(a, b Document) (Comparison, error) {
	pa, err := c.prepare(a)
	if err != nil {
		return Comparison{}, err
	}
	pb, err := c.prepare(b)
	if err != nil {
		return Comparison{}, err
	}
	c.mu.Lock()
	st := c.st.with(pa.f, pb.f)
	c.mu.Unlock()
	s, ev := pairScore(pa.f, pb.f, st)
	return Comparison{
		Score:     s,
		Same:      s >= c.cfg.threshold,
		Duplicate: pa.f.Sig.jaccard(&pb.f.Sig) >= duplicateJaccard,
		Evidence:  ev,
	}, nil
}

// Flush writes buffered documents to the index and, for a Clusterer opened on
// a directory, the cluster state to disk.
func (c *Clusterer) Flush() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return ErrClosed
	}
	return c.flushAllLocked()
}

func (c *Clusterer) flushAllLocked() error {
	if err := c.flushLocked(); err != nil {
		return err
	}
	if c.tmp {
		return nil
	}
	return c.saveState()
}

// Close flushes and releases the index. Further calls return ErrClosed.
func (c *Clusterer) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return ErrClosed
	}
	c.closed = true
	err := c.flushAllLocked()
	if cerr := c.idx.close(); err == nil {
		err = cerr
	}
	if c.tmp {
		if rerr := os.RemoveAll(c.dir); err == nil {
			err = rerr
		}
	}
	return err
}

// Lang is a convenience returning the base language subtag of a tag ("und"
// for language.Und).
func Lang(t language.Tag) string {
	if t == language.Und {
		return "und"
	}
	b, _ := t.Base()
	return b.String()
}
