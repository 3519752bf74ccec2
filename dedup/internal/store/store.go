// Package store keeps the documents of a dedup.Clusterer, with their
// assignments, features and the clustering state, in a bleve scorch index,
// written in batches in the background. It is the only package of this
// module that imports bleve's index.
package store

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/whitespace"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/eventdedup/eventdedup/dedup/internal/features"
)

// The Store is a bleve scorch index holding every document added: its
// entity tokens and day (field "f", searchable: "n:blnkn" for a name key,
// "p:JP" for a country, "#:2022" for a number, "d:2022-01-07" for the day),
// its cluster ("c"), its assignment ("a", stored, JSON) and its weighted
// features ("x", stored, in a compact binary form). With every batch of
// documents goes, under the internal key stateKey, the state after the batch's last document. Scorch
// applies a batch atomically and persists batches in order, so the index on
// disk, even after a crash, is the state after some batch: Open restores the
// window from it. Batches are built and written by a
// background goroutine.
type Store struct {
	idx       bleve.Index
	path      string   // of the scorch store, as its errors name it
	pending   []Record // not yet sent to the flusher
	batchSize int

	work chan batch     // to the flusher
	wg   sync.WaitGroup // batches not yet applied
	mu   sync.Mutex
	err  error // the first error applying a batch
	// discard, set by Discard, makes the flusher drop the batches it has
	// not begun.
	discard atomic.Bool

	stats *scorch.Stats // the counts of scorch's background errors, see Failed
}

// ErrInUse is returned by Open when another Store, in this process or
// another, holds the index for longer than lockTimeout.
var ErrInUse = errors.New("store: index in use")

// NamePair is a name tying a document to its cluster, as written on either
// side, with the key they share (dedup.NamePair, stored).
type NamePair struct {
	A   string `json:"a"`
	B   string `json:"b"`
	Key string `json:"key"`
}

var stateKey = []byte("eventdedup/state")

// State is the state saved with every batch.
type State struct {
	Version   int       `json:"version"`
	Clusters  int       `json:"clusters"` // clusters created
	Docs      int64     `json:"docs"`     // documents added
	Watermark time.Time `json:"watermark,omitzero"`
	Open      []int     `json:"open"` // numbers of the open clusters
	// Merged maps the number of every cluster merged into another to the
	// number of that other, as a list of pairs.
	Merged [][2]int `json:"merged,omitempty"`
}

// Version changes when the stored features or their meaning change;
// an index of another version is refused rather than misread. Version 3
// computes MinHash signatures on skeletons (see minhash) and stores a
// content fingerprint with each assignment; version 4 indexes the day of
// publication of dated documents only, and saves the merges of clusters.
const Version = 4

// Assignment is field "a": what restoring the history needs.
type Assignment struct {
	ID          string    `json:"id"`
	Seq         int64     `json:"seq"`
	Cluster     int       `json:"cluster"`
	New         bool      `json:"new,omitempty"`
	Score       float64   `json:"score,omitempty"`
	DuplicateOf string    `json:"dup,omitempty"`
	Lang        string    `json:"lang"`
	Published   time.Time `json:"published,omitzero"`
	At          time.Time `json:"at,omitzero"`
	// FP is the fingerprint of the content (see fingerprint), to tell a
	// repeated document from another one under the same id.
	FP uint64 `json:"fp,omitempty"`
	// For the cluster view (see Cluster); absent from indexes written
	// before it, whose members then show without them.
	Title   string     `json:"title,omitempty"`
	Snippet string     `json:"snippet,omitempty"`
	Source  string     `json:"source,omitempty"`
	URL     string     `json:"url,omitempty"`
	Names   []NamePair `json:"names,omitempty"`
	Places  []string   `json:"places,omitempty"`
}

const wsAnalyzer = "eventdedup_ws"

func storeMapping() (mapping.IndexMapping, error) {
	m := bleve.NewIndexMapping()
	if err := m.AddCustomAnalyzer(wsAnalyzer, map[string]any{"type": custom.Name, "tokenizer": whitespace.Name}); err != nil {
		return nil, err
	}
	field := func(f *mapping.FieldMapping, index, store bool) *mapping.FieldMapping {
		f.Index, f.Store, f.IncludeInAll, f.IncludeTermVectors, f.DocValues = index, store, false, false, false
		return f
	}
	text := func(analyzer string, index, store bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzer
		return field(f, index, store)
	}
	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt("f", text(wsAnalyzer, true, false))
	dm.AddFieldMappingsAt("c", text(keyword.Name, true, false))
	dm.AddFieldMappingsAt("a", text(keyword.Name, false, true))
	dm.AddFieldMappingsAt("x", text(keyword.Name, false, true))
	m.DefaultMapping = dm
	m.DefaultAnalyzer = wsAnalyzer
	return m, nil
}

// Record is what the index keeps of one document: its assignment, its
// cluster id and its features.
type Record struct {
	Assignment Assignment
	Cluster    string
	Features   *features.Doc
}

// batch is documents to write, with the state after the last one.
type batch struct {
	docs  []Record
	state State
}

// storedDoc is the document indexed for one added document.
type storedDoc struct {
	F string `json:"f"`
	C string `json:"c"`
	A string `json:"a"`
	X string `json:"x"`
}

// dayToken is the token of field "f" for the day (UTC) of a time: a time
// window is searched as a disjunction of days, which costs much less to index
// than a date-time field.
func dayToken(t time.Time) string { return "d:" + t.UTC().Format(time.DateOnly) }

// lockTimeout is how long Open waits for another writer of an index to
// close it before it gives up with ErrInUse.
const lockTimeout = 2 * time.Second

// maxSegmentDocs bounds the documents of a segment that scorch's merges
// produce (its default is 5 million). A merge reads its segments whole,
// through memory maps that count in the resident memory of the process, and
// builds the new one in memory: with segments of all sizes, a merge late in
// a long stream took hundreds of megabytes at once (peaks of 450 MB at
// 240,000 documents of the speed corpus, whose documents take some 3.4 KB
// of index each). With at most 20,000 documents (some 70 MB) a merge costs
// the same at any length of the stream. The price is more segments, one per
// 20,000 documents, for the look-ups of late documents (Find, Members),
// which only documents behind the allowed lateness make.
const maxSegmentDocs = 20000

// Open opens the scorch index at path, creating it if needed.
func Open(path string, batchSize int) (*Store, error) {
	config := map[string]any{
		"bolt_timeout":           lockTimeout.String(),
		"scorchMergePlanOptions": map[string]any{"MaxSegmentSize": maxSegmentDocs},
	}
	idx, err := bleve.OpenUsing(path, config)
	if errors.Is(err, bleve.ErrorIndexPathDoesNotExist) || errors.Is(err, bleve.ErrorIndexMetaMissing) && emptyDir(path) {
		idx, err = createIndex(path, config)
	}
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, ErrInUse
	}
	if err != nil {
		return nil, fmt.Errorf("dedup: open index %s: %w", path, err)
	}
	s := &Store{idx: idx, path: filepath.Clean(filepath.Join(path, "store")), batchSize: batchSize, work: make(chan batch, 1)}
	if adv, err := idx.Advanced(); err == nil {
		if sc, ok := adv.(*scorch.Scorch); ok {
			s.stats, _ = sc.Stats().(*scorch.Stats)
		}
	}
	go s.flusher()
	return s, nil
}

// Fail records an error of the store's user, reading it: the next Add,
// Flush or Close returns the first error recorded.
func (s *Store) Fail(err error) { s.fail(err) }

// fail records the first error of the store.
func (s *Store) fail(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err == nil {
		s.err = err
	}
}

// createIndex creates the index at path. Bleve writes a new index in several
// steps, and an index interrupted between them does not open again; so it is
// created beside path and renamed into place once complete, and what an
// interrupted creation left there is removed first.
func createIndex(path string, config map[string]any) (bleve.Index, error) {
	tmp := path + ".new"
	if err := os.RemoveAll(tmp); err != nil {
		return nil, err
	}
	m, err := storeMapping()
	if err != nil {
		return nil, err
	}
	idx, err := bleve.NewUsing(tmp, m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, err
	}
	if err := idx.Close(); err != nil {
		return nil, err
	}
	if err := os.RemoveAll(path); err != nil { // an empty directory
		return nil, err
	}
	if err := os.Rename(tmp, path); err != nil {
		return nil, err
	}
	if err := syncDir(filepath.Dir(path)); err != nil { // make the rename durable
		return nil, err
	}
	return bleve.OpenUsing(path, config)
}

// syncDir flushes a directory's entries to disk. A file system that cannot
// sync a directory (EINVAL) has nothing to flush.
func syncDir(path string) error {
	d, err := os.Open(path)
	if err != nil {
		return err
	}
	err = d.Sync()
	if errors.Is(err, syscall.EINVAL) || errors.Is(err, errors.ErrUnsupported) {
		err = nil
	}
	return errors.Join(err, d.Close())
}

// emptyDir reports whether path is a directory without entries.
func emptyDir(path string) bool {
	entries, err := os.ReadDir(path)
	return err == nil && len(entries) == 0
}

func (s *Store) flusher() {
	for b := range s.work {
		if s.discard.Load() {
			s.wg.Done()
			continue
		}
		if err := s.write(b); err != nil {
			s.fail(fmt.Errorf("dedup: index: %w", err))
		}
		s.wg.Done()
	}
}

// write indexes a batch of documents.
func (s *Store) write(b batch) error {
	bb := s.idx.NewBatch()
	var x []byte
	for _, r := range b.docs {
		d := r.Features
		var f strings.Builder
		for i, k := range d.EntKey {
			f.WriteString(d.EntKind[i].Scope())
			f.WriteByte(':')
			f.WriteString(k)
			f.WriteByte(' ')
		}
		a, err := json.Marshal(r.Assignment)
		if err != nil {
			return err
		}
		x = encodeFeatures(x[:0], d)
		if p := r.Assignment.Published; !p.IsZero() {
			f.WriteString(dayToken(p))
		}
		if err := bb.Index(d.ID, storedDoc{F: f.String(), C: r.Cluster, A: string(a), X: string(x)}); err != nil {
			return fmt.Errorf("%q: %w", d.ID, err)
		}
	}
	st, err := json.Marshal(b.state)
	if err != nil {
		return err
	}
	bb.SetInternal(stateKey, st)
	return s.idx.Batch(bb)
}

// Failed returns the first error applying a batch, in the foreground or in
// the background.
//
// Scorch writes and merges segments in the background, and reports their
// failures (a disk full, the directory removed under it) to a callback
// looked up by name in a registry that its package keeps for the whole
// process, and counts them in its statistics. The store reads the count,
// which belongs to its own index, so that the next Add, Flush or Close
// returns an error instead of the loss going unnoticed.
func (s *Store) Failed() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err == nil && s.stats != nil {
		if n := atomic.LoadUint64(&s.stats.TotOnErrors); n > 0 {
			reason := "a full disk, or the directory removed or not writable"
			if _, err := os.Stat(s.path); err != nil {
				reason = err.Error()
			}
			s.err = fmt.Errorf("dedup: index %s: %d background writes failed (%s)", s.path, n, reason)
		}
	}
	return s.err
}

// Add queues a document; a full batch goes to the flusher with the state
// after it.
func (s *Store) Add(r Record, state func() State) error {
	s.pending = append(s.pending, r)
	if len(s.pending) >= s.batchSize {
		return s.send(state())
	}
	return nil
}

// send hands the pending documents, with the state, to the flusher.
func (s *Store) send(state State) error {
	if err := s.Failed(); err != nil {
		return err
	}
	if len(s.pending) == 0 {
		return nil
	}
	s.wg.Add(1)
	s.work <- batch{docs: s.pending, state: state}
	s.pending = nil
	return nil
}

// Flush sends the current batch and waits until every batch is applied.
func (s *Store) Flush(state State) error {
	if err := s.send(state); err != nil {
		return err
	}
	s.wg.Wait()
	return s.Failed()
}

// Close flushes and closes the index.
func (s *Store) Close(state State) error {
	err := s.Flush(state)
	close(s.work)
	if cerr := s.idx.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("dedup: close index: %w", cerr)
	}
	// Errors of the last background writes, reported while closing.
	return cmp.Or(err, s.Failed())
}

// Discard closes the index without writing the documents not yet
// written, nor the state: for an index about to be removed, whose last
// batches and merges would be lost work. It waits for the batch being
// written, if any, and returns the errors of the writes, as Close does.
func (s *Store) Discard() error {
	s.discard.Store(true)
	s.pending = nil
	close(s.work)
	s.wg.Wait()
	var err error
	if cerr := s.idx.Close(); cerr != nil {
		err = fmt.Errorf("dedup: close index: %w", cerr)
	}
	return cmp.Or(err, s.Failed())
}

// State reads the saved State; ok is false for a new index.
func (s *Store) State() (st State, ok bool, err error) {
	raw, err := s.idx.GetInternal(stateKey)
	if err != nil || raw == nil {
		return st, false, err
	}
	if err := json.Unmarshal(raw, &st); err != nil {
		return st, false, fmt.Errorf("dedup: index state: %w", err)
	}
	if st.Version != Version {
		return st, false, fmt.Errorf("dedup: index has version %d, this package reads version %d: add the documents again to a new directory", st.Version, Version)
	}
	return st, true, nil
}

// reader calls fn with a reader of the index.
func (s *Store) reader(fn func(r index.IndexReader) error) error {
	adv, err := s.idx.Advanced()
	if err != nil {
		return err
	}
	r, err := adv.Reader()
	if err != nil {
		return err
	}
	defer r.Close()
	return fn(r)
}

// Assignments returns the stored Assignments of all documents, in no
// particular order.
func (s *Store) Assignments() ([]Assignment, error) {
	var out []Assignment
	err := s.reader(func(r index.IndexReader) error {
		ids, err := r.DocIDReaderAll()
		if err != nil {
			return err
		}
		defer ids.Close()
		for {
			id, err := ids.Next()
			if err != nil || id == nil {
				return err
			}
			ext, err := r.ExternalID(id)
			if err != nil {
				return err
			}
			raw, err := field(r, ext, "a")
			if err != nil {
				return err
			}
			a, err := decodeAssignment(raw, ext)
			if err != nil {
				return err
			}
			out = append(out, a)
		}
	})
	return out, err
}

// Docs returns documents of the window with their stored features.
func (s *Store) Docs(as []Assignment) ([]*features.Doc, error) {
	out := make([]*features.Doc, 0, len(as))
	err := s.reader(func(r index.IndexReader) error {
		for _, a := range as {
			raw, err := field(r, a.ID, "x")
			if err != nil {
				return err
			}
			d := &features.Doc{ID: a.ID, Lang: a.Lang, Published: a.Published}
			if err := decodeFeatures(raw, d); err != nil {
				return fmt.Errorf("dedup: stored features of %q: %w", a.ID, err)
			}
			out = append(out, d)
		}
		return nil
	})
	return out, err
}

// field returns a stored field of a document.
func field(r index.IndexReader, id, name string) ([]byte, error) {
	doc, err := r.Document(id)
	if err != nil {
		return nil, err
	}
	if doc == nil {
		return nil, fmt.Errorf("dedup: document %q not in the index", id)
	}
	return docField(doc, id, name)
}

// decodeAssignment decodes the stored assignment of the document id.
func decodeAssignment(raw []byte, id string) (Assignment, error) {
	var a Assignment
	if err := json.Unmarshal(raw, &a); err != nil {
		return a, fmt.Errorf("dedup: stored assignment of %q: %w", id, err)
	}
	return a, nil
}

// docField returns a stored field of a document read.
func docField(doc index.Document, id, name string) ([]byte, error) {
	var val []byte
	doc.VisitFields(func(f index.Field) {
		if f.Name() == name {
			val = f.Value()
		}
	})
	if val == nil {
		return nil, fmt.Errorf("dedup: document %q has no field %q", id, name)
	}
	return val, nil
}
