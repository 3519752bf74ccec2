package dedup

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/eventdedup/eventdedup/dedup/internal/features"
	"github.com/eventdedup/eventdedup/dedup/internal/store"
	"github.com/eventdedup/eventdedup/lang"
)

// Errors returned by Clusterer methods.
var (
	ErrClosed  = errors.New("dedup: clusterer is closed")
	ErrInvalid = errors.New("dedup: invalid document")
	// ErrInvalidOption is returned by New and Open for out-of-range options.
	ErrInvalidOption = errors.New("dedup: invalid option")
	// ErrReusedID is returned by Add for a document whose id was added
	// before with a different content (title, text or publication time):
	// the document is rejected, and the one added first keeps the id.
	ErrReusedID = errors.New("dedup: id reused with different content")

	errZero = fmt.Errorf("%w: a Clusterer must be created with New or Open", ErrClosed)
	// ErrIndexInUse is returned by Open when another Clusterer, in this
	// process or another, has the directory open: an index has one writer.
	ErrIndexInUse = errors.New("dedup: index is in use by another process or Clusterer")
	// ErrNotIndex is returned by Open for a directory that is not empty
	// and holds no index.
	ErrNotIndex = errors.New("dedup: not an index directory")
)

// Clusterer assigns documents to event clusters. Create one with New or
// Open: the zero value is not usable, and its methods return ErrClosed. It
// is safe for concurrent use. Documents are assigned one at a time, in the order Add is called (or
// the order of the stream for AddAll); the assignments depend only on that
// order, so documents added from several goroutines at once are assigned in
// an unspecified order.
type Clusterer struct {
	cfg config
	x   *features.Extractor
	dir string // directory holding the index
	tmp bool   // dir is temporary and removed on Close

	mu       sync.Mutex
	closed   bool
	win      *window
	hist     history
	clusters int         // clusters created
	merged   map[int]int // cluster number → the number of the cluster it was merged into
	store    *store.Store
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
		return nil, errors.Join(err, os.RemoveAll(dir))
	}
	c.tmp = true
	return c, nil
}

// Open returns a Clusterer persisted in directory dir, creating it if needed.
// A Clusterer opened again on the same directory continues the same clusters
// with the same ids: adding the documents of one stream in two runs, closing
// in between, gives the same assignments as adding them in one.
//
// The index is written in batches in the background, and each batch carries
// the state after its last document, so that the directory holds a
// consistent state even when the process is killed: the state after the last
// batch written. Adding a document whose id is already in the index returns
// its recorded assignment (with Repeat set), so a stream interrupted by a
// crash can simply be added again from its start.
//
// A document is known by its id: adding an id already added, in this run or
// an earlier one, with the same title, text and publication time returns the
// recorded assignment; with a different content, Add rejects it with
// ErrReusedID. To update a document, give the new version a new id.
//
// An index written by a version of this package that stores other features
// is refused with an error naming both versions, rather than misread: add
// the documents again to a new directory.
//
// A directory that holds files but no index is refused with ErrNotIndex,
// rather than written into: it is most likely a mistyped path.
//
// Only one Clusterer may use a directory at a time: Open fails with
// ErrIndexInUse when another one, in this process or another, holds it for
// more than two seconds. A failure to write the index in the background (a
// full disk, the directory removed) is returned by the next Add, Flush or
// Close, which then fail: what was added since the last Flush that succeeded
// may not be saved.
func Open(dir string, opts ...Option) (*Clusterer, error) {
	if err := checkIndexDir(dir); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("dedup: %w", err)
	}
	return open(dir, opts)
}

// checkIndexDir returns ErrNotIndex when dir exists, is not empty and holds
// no index (nor the beginning of one, see createIndex).
func checkIndexDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("dedup: %w", err)
	}
	for _, e := range entries {
		if e.IsDir() && (e.Name() == indexDir || e.Name() == indexDir+".new") {
			return nil
		}
	}
	switch len(entries) {
	case 0:
		return nil
	case 1:
		return fmt.Errorf("%w: %s holds one entry (%s) and no index", ErrNotIndex, dir, entries[0].Name())
	default:
		return fmt.Errorf("%w: %s holds %d entries (%s, …) and no index", ErrNotIndex, dir, len(entries), entries[0].Name())
	}
}

// indexDir is the directory of the scorch index in a Clusterer's
// directory.
const indexDir = "index"

func open(dir string, opts []Option) (*Clusterer, error) {
	cfg := config{
		window: DefaultWindow, lateness: DefaultLateness, maxDocs: DefaultMaxDocs,
		threshold: DefaultThreshold, sameScore: DefaultSameScore, duplicate: DefaultDuplicate, batchSize: DefaultBatchSize,
		maxText: DefaultMaxText, reorder: DefaultReorder,
	}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.detector == nil {
		cfg.detector = lang.New(lang.WithLowAccuracy())
	}
	switch {
	case cfg.batchSize <= 0:
		return nil, fmt.Errorf("%w: batch size %d, want a positive number", ErrInvalidOption, cfg.batchSize)
	case cfg.window <= 0:
		return nil, fmt.Errorf("%w: window %v, want a positive duration", ErrInvalidOption, cfg.window)
	case cfg.lateness < 0:
		return nil, fmt.Errorf("%w: lateness %v, want a duration of 0 or more", ErrInvalidOption, cfg.lateness)
	case cfg.maxDocs <= 0:
		return nil, fmt.Errorf("%w: maximum documents %d, want a positive number", ErrInvalidOption, cfg.maxDocs)
	case cfg.reorder < 0:
		return nil, fmt.Errorf("%w: reorder %d, want 0 or more documents", ErrInvalidOption, cfg.reorder)
	case cfg.maxText <= 0:
		return nil, fmt.Errorf("%w: maximum text %d, want a positive number of bytes", ErrInvalidOption, cfg.maxText)
	case !(cfg.threshold >= 0 && cfg.threshold <= 1): // NaN too
		return nil, fmt.Errorf("%w: threshold %v, want a value in [0, 1]", ErrInvalidOption, cfg.threshold)
	case !(cfg.sameScore >= 0 && cfg.sameScore <= 1):
		return nil, fmt.Errorf("%w: same score %v, want a value in [0, 1]", ErrInvalidOption, cfg.sameScore)
	case !(cfg.duplicate > 0 && cfg.duplicate <= 1):
		return nil, fmt.Errorf("%w: duplicate similarity %v, want a value in (0, 1]", ErrInvalidOption, cfg.duplicate)
	}
	x, err := features.NewExtractor()
	if err != nil {
		return nil, fmt.Errorf("dedup: %w", err)
	}
	// The tables built on first use are built now, in the background,
	// while the index opens and the first documents are read.
	x.Warm()
	go cfg.detector.Detect(warmText)
	path := filepath.Join(dir, indexDir)
	s, err := store.Open(path, cfg.batchSize)
	if errors.Is(err, store.ErrInUse) {
		return nil, fmt.Errorf("%w: %s", ErrIndexInUse, path)
	}
	if err != nil {
		return nil, err
	}
	c := &Clusterer{cfg: cfg, x: x, dir: dir, win: newWindow(cfg), hist: newHistory(), merged: make(map[int]int), store: s}
	if err := c.restore(); err != nil {
		return nil, errors.Join(err, s.Close(c.state()))
	}
	return c, nil
}

// doc is a document of the window: its features and its assignment.
type doc struct {
	*features.Doc
	Seq         int64     // order of addition, from 1
	At          time.Time // Published, or the watermark when unknown
	Cluster     string
	New         bool
	Score       float64
	DuplicateOf string
	// FP is the fingerprint of the document's content (see fingerprint).
	FP uint64
	// Title (cut to maxTitleKept), Snippet (for a document without title),
	// Source and URL, and the names and places of the evidence of its
	// assignment, are kept for the cluster view.
	Title, Snippet, Source, URL string
	TieNames                    []NamePair
	TiePlaces                   []string

	cl    *openCluster
	index *[4][]keyWeight // see indexKeys
}

// prepared is a document with its features, ready to be assigned.
type prepared struct {
	doc         Document
	lang        language.Tag
	d           *doc // raw weights
	truncated   bool
	ignoredTime bool
}

// warmText is detected when a Clusterer opens, so that the detector builds
// its tables before the first document needs them.
const warmText = "A text to load the models of language detection."

// maxFuture is how far after the time of Add a publication time may be: a
// day, more than any time zone error. A later one is a mistake in the data;
// taken at its word it would move the watermark ahead and close every open
// cluster.
const maxFuture = 24 * time.Hour

// prepare validates d and extracts its features. It does not touch the
// Clusterer's mutable state, so it runs concurrently.
func (c *Clusterer) prepare(d Document) (*prepared, error) {
	if c.x == nil {
		return nil, errZero
	}
	if err := validate(d); err != nil {
		return nil, err
	}
	fp := fingerprint(d)
	ignoredTime := d.Published.After(time.Now().Add(maxFuture))
	if ignoredTime {
		d.Published = time.Time{}
	}
	var cutTitle, cutText bool
	d.Title, cutTitle = clean(d.Title, c.cfg.maxText)
	d.Text, cutText = clean(d.Text, c.cfg.maxText)
	res := c.cfg.detector.DetectHint(d.Title+"\n"+d.Text, d.Lang)
	e, err := c.x.Extract(d, features.BaseLang(res.Tag))
	if err != nil {
		return nil, fmt.Errorf("dedup: %w", err)
	}
	p := &prepared{doc: d, lang: res.Tag, d: &doc{Doc: features.NewDoc(d.ID, e, d.Published)}, truncated: cutTitle || cutText, ignoredTime: ignoredTime}
	p.d.FP = fp
	return p, nil
}

// validate returns an error wrapping ErrInvalid for a document without id
// or without title and text.
func validate(d Document) error {
	if d.ID == "" {
		return fmt.Errorf("%w: empty id", ErrInvalid)
	}
	if d.Title == "" && d.Text == "" {
		return fmt.Errorf("%w: %q has neither title nor text", ErrInvalid, d.ID)
	}
	return nil
}

// clean returns s with invalid UTF-8 replaced by U+FFFD, truncated to at most
// limit bytes at a character boundary, and whether it was truncated.
func clean(s string, limit int) (string, bool) {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if len(s) <= limit {
		return s, false
	}
	i := limit
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i], true
}

// fingerprint returns a hash of a document's content, its title, text and
// publication instant, as given (before cleaning and truncation), never 0.
func fingerprint(d Document) uint64 {
	h := sha256.New()
	var n [8]byte
	for _, s := range [...]string{d.Title, d.Text} {
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		io.WriteString(h, s)
	}
	if !d.Published.IsZero() {
		binary.LittleEndian.PutUint64(n[:], uint64(d.Published.UnixNano()))
		h.Write(n[:])
	}
	return max(binary.LittleEndian.Uint64(h.Sum(nil)), 1)
}

// Add assigns a document to a cluster.
func (c *Clusterer) Add(ctx context.Context, d Document) (Assignment, error) {
	if err := ctx.Err(); err != nil {
		return Assignment{ID: d.ID}, err
	}
	p, err := c.prepare(d)
	if err != nil {
		return Assignment{ID: d.ID}, err
	}
	return c.commit(ctx, p)
}

// AddAll adds the documents of a stream, extracting features on all CPUs.
// It holds up to WithReorder documents (DefaultReorder, or 2 MB of text)
// and assigns them in order of publication, undated ones last, after
// clustering them together (see Blocks in the package documentation), so
// that reports arriving out of order, or a backfill mixed into a feed,
// cluster as if sorted: within such a block the clusters do not depend on
// the order of arrival. A block is assigned when it is full, when the
// stream ends, and when the stream pauses for a second (a live feed); the
// documents that follow are analysed meanwhile, on the CPUs the assignment
// leaves free, with the same results. With WithReorder(1) the documents
// are assigned in stream order, as by Add one by one.
//
// It yields one assignment or error per document, in stream order; an error
// for one document does not stop the stream. Stopping the iteration, or
// cancelling ctx, stops reading docs; a cancellation ends the iteration at
// once even while docs is waiting for its next document (a live feed), and
// the goroutine reading docs returns when docs next yields or returns. The
// documents held and not yet assigned when ctx is cancelled are yielded with
// its error: they were not added.
func (c *Clusterer) AddAll(ctx context.Context, docs iter.Seq[Document]) iter.Seq2[Assignment, error] {
	return func(yield func(Assignment, error) bool) {
		switch {
		case docs == nil:
		case c.cfg.reorder > 1:
			c.addBlocks(ctx, docs, yield)
		default:
			c.addStream(ctx, docs, yield)
		}
	}
}

// addStream assigns the documents of docs in stream order.
func (c *Clusterer) addStream(ctx context.Context, docs iter.Seq[Document], yield func(Assignment, error) bool) {
	for j := range c.prepareAll(ctx, docs) {
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

// AddBatch adds documents in order, as AddAll does, and returns their
// assignments. The error joins the errors of the documents that could not be
// added; their assignments have an empty Cluster.
func (c *Clusterer) AddBatch(ctx context.Context, docs []Document) ([]Assignment, error) {
	out := make([]Assignment, 0, len(docs))
	var errs []error
	for a, err := range c.AddAll(ctx, slices.Values(docs)) {
		out = append(out, a)
		if err != nil {
			errs = append(errs, fmt.Errorf("%q: %w", a.ID, err))
		}
	}
	return out, errors.Join(errs...)
}

// job is one document of a stream being prepared.
type job struct {
	d   Document
	p   *prepared
	err error
	end bool // no document: the stream was cut short by err
}

// Documents read ahead of their assignment, per worker extracting features:
// workAhead wait for a worker, readAhead (those included) are held in
// order. Assignments do not depend on them (the stream's order is kept);
// they bound the documents held in memory, each at most twice WithMaxText,
// while letting the workers go on when the assignment stalls briefly. They
// are round numbers, not tuned: no result depends on them, only speed.
const (
	workAhead = 4
	readAhead = 16
)

// pending is a job in preparation; done is closed when it is prepared.
type pending struct {
	*job
	done chan struct{}
}

// feed sends the documents of docs as jobs, in order, to order and to work,
// and reports whether it stopped because ctx was done.
func feed(ctx context.Context, docs iter.Seq[Document], order, work chan<- pending) bool {
	for d := range docs {
		j := pending{&job{d: d}, make(chan struct{})}
		select {
		case order <- j:
		case <-ctx.Done():
			return true
		}
		select {
		case work <- j:
		case <-ctx.Done():
			return true
		}
	}
	return false
}

// prepareAll prepares the documents of a stream on all CPUs and yields them
// in stream order. Cancelling ctx yields one job with ctx's error and stops,
// even when no document was read yet, after the documents read and not yet
// yielded, each with the error.
func (c *Clusterer) prepareAll(ctx context.Context, docs iter.Seq[Document]) iter.Seq[*job] {
	return func(yield func(*job) bool) {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		workers := runtime.GOMAXPROCS(0)
		work := make(chan pending, workers*workAhead)
		order := make(chan pending, workers*readAhead)
		stopped := false // the stream was left unread because ctx was done; read after order is closed
		go func() {
			defer close(work)
			defer close(order)
			stopped = feed(ctx, docs, order, work)
		}()
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for {
					select {
					case j, ok := <-work:
						if !ok {
							return
						}
						j.p, j.err = c.prepare(j.d)
						close(j.done)
					case <-ctx.Done():
						return
					}
				}
			})
		}
		// Stopping early must stop the reader and the workers before
		// waiting for the workers.
		defer func() {
			cancel()
			wg.Wait()
		}()
		for {
			var j pending
			var ok bool
			// A live stream may block between documents: cancelling ctx
			// ends the iteration then too. The goroutine reading docs
			// ends when docs next yields or returns.
			select {
			case j, ok = <-order:
			case <-ctx.Done():
				cancelled(yield, order, ctx.Err())
				return
			}
			if !ok {
				break
			}
			select {
			case <-j.done:
			case <-ctx.Done():
				if yield(&job{d: j.d, err: ctx.Err()}) {
					cancelled(yield, order, ctx.Err())
				}
				return
			}
			if !yield(j.job) {
				return
			}
		}
		if stopped {
			yield(&job{err: ctx.Err(), end: true})
		}
	}
}

// cancelled yields the documents read and not yet yielded with err, the
// cancellation, so that the caller knows they were not added, then the end
// of the stream. It does not wait for the stream.
func cancelled(yield func(*job) bool, order <-chan pending, err error) {
	for {
		select {
		case j, ok := <-order:
			if !ok {
				yield(&job{err: err, end: true})
				return
			}
			if !yield(&job{d: j.d, err: err}) {
				return
			}
		default:
			yield(&job{err: err, end: true})
			return
		}
	}
}

// commit assigns a prepared document under the lock.
func (c *Clusterer) commit(ctx context.Context, p *prepared) (Assignment, error) {
	return c.commitPlanned(ctx, p, nil)
}

// commitPlanned assigns a prepared document under the lock, following its
// block's plan when h is not nil (see planBlock).
func (c *Clusterer) commitPlanned(ctx context.Context, p *prepared, h *planHint) (Assignment, error) {
	if err := ctx.Err(); err != nil {
		return Assignment{ID: p.doc.ID}, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return Assignment{ID: p.doc.ID}, ErrClosed
	}
	if err := c.store.Failed(); err != nil {
		return Assignment{ID: p.doc.ID}, err
	}
	if r, ok, err := c.recorded(p.doc.ID); err != nil {
		return Assignment{ID: p.doc.ID}, err
	} else if ok {
		if r.FP != p.d.FP {
			return Assignment{ID: p.doc.ID}, ErrReusedID
		}
		a := publicAssignment(r)
		a.Repeat, a.Truncated, a.IgnoredTime = true, p.truncated, p.ignoredTime
		return a, nil
	}

	d := p.d
	// The clusters d may join are loaded first, when evicted, so that d is
	// weighted among their documents as if they had stayed.
	if err := c.recall(d); err != nil {
		return Assignment{ID: p.doc.ID}, err
	}
	cands, found := c.admit(d)
	target, best, links := c.choose(d, cands, found, h)
	a, err := c.assign(p, target, best, links)
	if err == nil {
		h.done(d.cl.seq)
	}
	return a, err
}

// admit numbers d, counts it in the window's statistics, weighs its
// features and returns the clusters and documents it may join.
func (c *Clusterer) admit(d *doc) ([]*openCluster, []*doc) {
	w := c.win
	d.Attest(w.st)
	d.Seq = int64(c.hist.len()) + 1
	d.At = w.at(d.Published)
	w.st.Update(d.Doc, 1)
	d.Weigh(w.st)
	return w.candidates(d)
}

// copyOf returns the document of found that d copies nearly verbatim, the
// one naming the earliest copy, with that copy's id; nil if none.
func (c *Clusterer) copyOf(d *doc, found []*doc) (copied *doc, orig string) {
	var origSeq int64
	for _, n := range found[:min(len(found), maxDupChecks)] {
		if !c.win.eligible(d, n.cl) || d.Sig.Jaccard(&n.Sig) < c.cfg.duplicate {
			continue
		}
		s, id := n.Seq, n.ID
		if n.DuplicateOf != "" {
			i, _ := c.hist.seq(n.DuplicateOf)
			s, id = int64(i)+1, n.DuplicateOf
		}
		if copied == nil || s < origSeq {
			copied, origSeq, orig = n, s, id
		}
	}
	return copied, orig
}

// choose picks the cluster d joins: that of the document it copies, else
// that of its group in its block's plan (h, nil outside a block), else the
// best-linked candidate at or above the threshold that the plan does not
// keep d apart from, else none (nil). It returns the best link and, when d
// follows neither a copy nor its group, the links to every candidate.
func (c *Clusterer) choose(d *doc, cands []*openCluster, found []*doc, h *planHint) (target *openCluster, best clusterLink, links []clusterLink) {
	// A near-verbatim copy joins the cluster of the document it copies and
	// names the earliest copy.
	if copied, orig := c.copyOf(d, found); copied != nil {
		target = copied.cl
		d.DuplicateOf = orig
		best = clusterLink{cl: target, score: 1, best: copied, members: []*doc{copied}}
		return target, best, links
	}
	// A document of a planned block follows its group, and keeps away
	// from the clusters the plan keeps it apart from.
	if cl := h.forced(c); cl != nil {
		return cl, linkTo(d, cl, found, c.cfg.window), nil
	}
	for _, cl := range cands {
		if h.apart(cl) {
			continue
		}
		l := linkTo(d, cl, found, c.cfg.window)
		links = append(links, l)
		if l.score > best.score || l.score == best.score && best.cl != nil && cl.seq < best.cl.seq {
			best = l
		}
	}
	if best.score >= c.cfg.threshold {
		target = best.cl
	}
	return target, best, links
}

// assign adds the admitted document of p to target, or to a new cluster
// when target is nil, merges the clusters its links join, records it and
// returns its assignment.
func (c *Clusterer) assign(p *prepared, target *openCluster, best clusterLink, links []clusterLink) (Assignment, error) {
	w, d := c.win, p.d
	var ev Evidence
	if target == nil {
		c.clusters++
		target = newOpenCluster(c.clusters)
		d.New = true
	} else {
		d.Score, ev = min(max(best.score, 0), 1), evidenceWith(d, best.members, c.cfg.window/2)
	}
	d.Title, d.Source, d.URL = keepTitle(p.doc.Title), p.doc.Source, p.doc.URL
	if d.Title == "" {
		d.Snippet = snippet(p.doc.Text)
	}
	d.TieNames, d.TiePlaces = ties(ev)
	w.add(d, target)
	var merged []string
	if !d.New {
		_, merged = c.mergeLinked(target, links)
	}
	d.Cluster = d.cl.id
	stored := d.assignment()
	c.hist.add(d.ID, d.cl.seq)
	w.evict()
	a := publicAssignment(stored)
	a.Evidence, a.Truncated, a.IgnoredTime, a.Merged = ev, p.truncated, p.ignoredTime, merged
	d.TermText = nil // only needed for the evidence of d's own assignment
	if err := c.store.Add(store.Record{Assignment: stored, Cluster: d.Cluster, Features: d.Doc}, c.state); err != nil {
		return a, err
	}
	return a, nil
}

// state is what is saved with each batch of documents.
func (c *Clusterer) state() store.State {
	st := store.State{Version: store.Version, Clusters: c.clusters, Docs: int64(c.hist.len()), Watermark: c.win.watermark}
	for from, into := range c.merged {
		st.Merged = append(st.Merged, [2]int{from, into})
	}
	slices.SortFunc(st.Merged, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	for _, cl := range c.win.open {
		st.Open = append(st.Open, cl.seq)
	}
	slices.Sort(st.Open)
	return st
}

// restoredDoc is a document of the index, with its stored assignment.
func restoredDoc(a store.Assignment, f *features.Doc) *doc {
	return &doc{
		Doc: f, Seq: a.Seq, At: a.At, Cluster: clusterID(a.Cluster),
		New: a.New, Score: a.Score, DuplicateOf: a.DuplicateOf, FP: a.FP,
		Title: a.Title, Source: a.Source, URL: a.URL, TieNames: publicNames(a.Names), TiePlaces: a.Places,
	}
}

// restore rebuilds the history and the window from the index.
func (c *Clusterer) restore() error {
	st, ok, err := c.store.State()
	if err != nil || !ok {
		return err
	}
	as, err := c.store.Assignments()
	if err != nil {
		return err
	}
	slices.SortFunc(as, func(a, b store.Assignment) int { return cmp.Compare(a.Seq, b.Seq) })
	if int64(len(as)) != st.Docs {
		return fmt.Errorf("dedup: index holds %d documents, its state says %d", len(as), st.Docs)
	}
	for i, a := range as {
		if a.Seq != int64(i)+1 {
			return fmt.Errorf("dedup: index lacks document number %d", i+1)
		}
		c.hist.add(a.ID, a.Cluster)
	}
	c.clusters = st.Clusters
	for _, m := range st.Merged {
		c.merged[m[0]] = m[1]
	}
	open := make(map[int]bool, len(st.Open))
	for _, n := range st.Open {
		open[n] = true
	}
	var window []store.Assignment
	for _, a := range as {
		if open[c.resolve(a.Cluster)] {
			window = append(window, a)
		}
	}
	fs, err := c.store.Docs(window)
	if err != nil {
		return err
	}
	clusters := make(map[int]*openCluster)
	for i, f := range fs {
		d := restoredDoc(window[i], f)
		n := c.resolve(window[i].Cluster)
		if clusters[n] == nil {
			clusters[n] = newOpenCluster(n)
		}
		c.win.st.Update(d.Doc, 1)
		c.win.add(d, clusters[n])
	}
	c.win.watermark = st.Watermark
	return nil
}

// Clusters returns the clusters, open and closed, in creation order. It is a
// snapshot, read from the index: clusters created during the iteration are
// not included. It yields nothing once the Clusterer is closed; a failure to
// read the index is returned by the next Add, Flush or Close.
func (c *Clusterer) Clusters() iter.Seq[Cluster] {
	if c.store == nil {
		return func(func(Cluster) bool) {}
	}
	c.mu.Lock()
	var snap []Cluster
	if !c.closed {
		if as, ok := c.recordedAll(); ok {
			snap = c.clustersOf(as)
		}
	}
	c.mu.Unlock()
	return slices.Values(snap)
}

// Flush writes buffered documents to the index and waits until they are
// written.
func (c *Clusterer) Flush() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.store == nil {
		return errZero
	}
	if c.closed {
		return ErrClosed
	}
	return c.store.Flush(c.state())
}

// Close writes buffered documents to the index and releases it; the
// temporary index of a Clusterer made by New is removed instead, without
// writing what it buffers. Further calls return ErrClosed.
func (c *Clusterer) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.store == nil {
		return errZero
	}
	if c.closed {
		return ErrClosed
	}
	c.closed = true
	if !c.tmp {
		return c.store.Close(c.state())
	}
	// A temporary index is removed: what is not yet written of it need
	// not be.
	return errors.Join(c.store.Discard(), os.RemoveAll(c.dir))
}
