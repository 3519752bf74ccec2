package dedup

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/whitespace"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"
)

// The store is a bleve scorch index holding every document added: its
// feature tokens (field "f", searchable, e.g. "n:blnkn" for a name key,
// "p:JP" for a country, "#:2022" for a number, "t:en:talk" for a term), its
// window time ("t"), its cluster ("c"), its assignment ("a", stored) and its
// weighted features ("x", stored). With every batch of documents goes, under
// the internal key stateKey, the state after the batch's last document.
// Scorch applies a batch atomically and persists batches in order, so the
// index on disk, even after a crash, is the state after some batch: Open
// restores the window from it (see restore).
type store struct {
	idx       bleve.Index
	batch     *bleve.Batch
	n         int // documents in batch
	batchSize int

	work chan *bleve.Batch // to the flusher
	wg   sync.WaitGroup    // batches not yet applied
	mu   sync.Mutex
	err  error // the first error applying a batch
}

var stateKey = []byte("eventdedup/state")

// storedState is the state saved with every batch.
type storedState struct {
	Version   int       `json:"version"`
	Clusters  int       `json:"clusters"` // clusters created
	Docs      int64     `json:"docs"`     // documents added
	Watermark time.Time `json:"watermark,omitzero"`
	Open      []int     `json:"open"` // numbers of the open clusters
}

// storeVersion changes when the stored features or their meaning change;
// an index of another version is refused rather than misread.
const storeVersion = 2

// storedAssignment is field "a": what restoring the history needs.
type storedAssignment struct {
	ID          string    `json:"id"`
	Seq         int64     `json:"seq"`
	Cluster     int       `json:"cluster"`
	New         bool      `json:"new,omitempty"`
	Score       float64   `json:"score,omitempty"`
	DuplicateOf string    `json:"dup,omitempty"`
	Lang        string    `json:"lang"`
	Published   time.Time `json:"published,omitzero"`
	At          time.Time `json:"at,omitzero"`
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
	dm.AddFieldMappingsAt("t", field(bleve.NewDateTimeFieldMapping(), true, false))
	dm.AddFieldMappingsAt("c", text(keyword.Name, true, false))
	dm.AddFieldMappingsAt("a", text(keyword.Name, false, true))
	dm.AddFieldMappingsAt("x", text(keyword.Name, false, true))
	m.DefaultMapping = dm
	m.DefaultAnalyzer = wsAnalyzer
	return m, nil
}

// storedDoc is the document indexed for one added document.
type storedDoc struct {
	F string    `json:"f"`
	T time.Time `json:"t,omitzero"`
	C string    `json:"c"`
	A string    `json:"a"`
	X string    `json:"x"`
}

// openStore opens the scorch index at path, creating it if needed.
func openStore(path string, batchSize int) (*store, error) {
	idx, err := bleve.Open(path)
	if errors.Is(err, bleve.ErrorIndexPathDoesNotExist) {
		m, merr := storeMapping()
		if merr != nil {
			return nil, merr
		}
		idx, err = bleve.NewUsing(path, m, scorch.Name, scorch.Name, nil)
	}
	if err != nil {
		return nil, fmt.Errorf("dedup: open index %s: %w", path, err)
	}
	s := &store{idx: idx, batch: idx.NewBatch(), batchSize: batchSize, work: make(chan *bleve.Batch, 1)}
	go s.flusher()
	return s, nil
}

func (s *store) flusher() {
	for b := range s.work {
		if err := s.idx.Batch(b); err != nil {
			s.mu.Lock()
			if s.err == nil {
				s.err = fmt.Errorf("dedup: index: %w", err)
			}
			s.mu.Unlock()
		}
		s.wg.Done()
	}
}

// failed returns the first error applying a batch.
func (s *store) failed() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// add queues a document; a full batch goes to the flusher with the state.
func (s *store) add(d *doc, state storedState) error {
	var f strings.Builder
	for _, t := range d.TermText {
		f.WriteString("t:" + d.Lang + ":" + t + " ")
	}
	for i, k := range d.EntKey {
		f.WriteString(kindScope[d.EntKind[i]] + ":" + k + " ")
	}
	a, err := json.Marshal(d.assignment())
	if err != nil {
		return err
	}
	x, err := json.Marshal(d)
	if err != nil {
		return err
	}
	if err := s.batch.Index(d.ID, storedDoc{F: f.String(), T: d.At, C: d.Cluster, A: string(a), X: string(x)}); err != nil {
		return fmt.Errorf("dedup: index %q: %w", d.ID, err)
	}
	s.n++
	if s.n >= s.batchSize {
		return s.send(state)
	}
	return nil
}

// send hands the current batch, with the state, to the flusher.
func (s *store) send(state storedState) error {
	if err := s.failed(); err != nil {
		return err
	}
	if s.n == 0 {
		return nil
	}
	st, err := json.Marshal(state)
	if err != nil {
		return err
	}
	s.batch.SetInternal(stateKey, st)
	s.wg.Add(1)
	s.work <- s.batch
	s.batch, s.n = s.idx.NewBatch(), 0
	return nil
}

// flush sends the current batch and waits until every batch is applied.
func (s *store) flush(state storedState) error {
	if err := s.send(state); err != nil {
		return err
	}
	s.wg.Wait()
	return s.failed()
}

// close flushes and closes the index.
func (s *store) close(state storedState) error {
	err := s.flush(state)
	close(s.work)
	if cerr := s.idx.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("dedup: close index: %w", cerr)
	}
	return err
}

// state reads the saved state; ok is false for a new index.
func (s *store) state() (st storedState, ok bool, err error) {
	raw, err := s.idx.GetInternal(stateKey)
	if err != nil || raw == nil {
		return st, false, err
	}
	if err := json.Unmarshal(raw, &st); err != nil {
		return st, false, fmt.Errorf("dedup: index state: %w", err)
	}
	if st.Version != storeVersion {
		return st, false, fmt.Errorf("dedup: index has version %d, want %d", st.Version, storeVersion)
	}
	return st, true, nil
}

// reader calls fn with a reader of the index.
func (s *store) reader(fn func(r index.IndexReader) error) error {
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

// assignments returns the stored assignments of all documents, in no
// particular order.
func (s *store) assignments() ([]storedAssignment, error) {
	var out []storedAssignment
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
			var a storedAssignment
			if err := json.Unmarshal(raw, &a); err != nil {
				return fmt.Errorf("dedup: stored assignment of %q: %w", ext, err)
			}
			out = append(out, a)
		}
	})
	return out, err
}

// docs returns the stored features of documents.
func (s *store) docs(ids []string) ([]*doc, error) {
	out := make([]*doc, 0, len(ids))
	err := s.reader(func(r index.IndexReader) error {
		for _, id := range ids {
			raw, err := field(r, id, "x")
			if err != nil {
				return err
			}
			d := new(doc)
			if err := json.Unmarshal(raw, d); err != nil {
				return fmt.Errorf("dedup: stored features of %q: %w", id, err)
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
