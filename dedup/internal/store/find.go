package store

import (
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/eventdedup/eventdedup/dedup/internal/features"
)

// Look-ups, for documents whose candidates were evicted from memory. They
// first wait for the batches sent to the index; the documents not yet sent
// are in Pending.

// Find returns the ids of at most size documents that have one of the
// entity tokens ("n:blnkn", "p:JP", as kind scope and key) and, unless from
// is zero, were published on a day (UTC) from from to to; the documents
// sharing the most tokens first.
func (s *Store) Find(tokens []string, from, to time.Time, size int) ([]string, error) {
	if len(tokens) == 0 {
		return nil, nil
	}
	ents := make([]query.Query, len(tokens))
	for i, t := range tokens {
		q := bleve.NewTermQuery(t)
		q.SetField("f")
		ents[i] = q
	}
	any := bleve.NewDisjunctionQuery(ents...)
	if from.IsZero() {
		any.SetMin(float64(min(2, len(ents))))
	}
	q := query.Query(any)
	if !from.IsZero() {
		var days []query.Query
		for t := from.UTC().Truncate(24 * time.Hour); !t.After(to); t = t.Add(24 * time.Hour) {
			day := bleve.NewTermQuery(dayToken(t))
			day.SetField("f")
			days = append(days, day)
		}
		q = bleve.NewConjunctionQuery(q, bleve.NewDisjunctionQuery(days...))
	}
	return s.search(q, size)
}

// Members returns the ids of the documents stored under the given cluster
// ids, at most size.
func (s *Store) Members(clusters []string, size int) ([]string, error) {
	qs := make([]query.Query, len(clusters))
	for i, c := range clusters {
		q := bleve.NewTermQuery(c)
		q.SetField("c")
		qs[i] = q
	}
	return s.search(bleve.NewDisjunctionQuery(qs...), size)
}

// search returns the ids of the documents matching q, at most size, best
// first.
func (s *Store) search(q query.Query, size int) ([]string, error) {
	s.wg.Wait()
	if err := s.Failed(); err != nil {
		return nil, err
	}
	res, err := s.idx.Search(bleve.NewSearchRequestOptions(q, size, 0, false))
	if err != nil {
		return nil, fmt.Errorf("dedup: index search: %w", err)
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	return ids, nil
}

// Load reads documents of the index: their assignments and features.
func (s *Store) Load(ids []string) ([]Record, error) {
	out := make([]Record, 0, len(ids))
	err := s.reader(func(r index.IndexReader) error {
		for _, id := range ids {
			raw, err := field(r, id, "a")
			if err != nil {
				return err
			}
			a, err := decodeAssignment(raw, id)
			if err != nil {
				return err
			}
			x, err := field(r, id, "x")
			if err != nil {
				return err
			}
			d := &features.Doc{ID: a.ID, Lang: a.Lang, Published: a.Published}
			if err := decodeFeatures(x, d); err != nil {
				return fmt.Errorf("dedup: stored features of %q: %w", id, err)
			}
			out = append(out, Record{Assignment: a, Features: d})
		}
		return nil
	})
	return out, err
}

// Pending returns the documents added and not yet sent to the index. The
// caller must not modify them.
func (s *Store) Pending() []Record { return s.pending }

// Get returns the assignment of the document with the given id, and whether
// it was added: one not yet sent to the index, or else one of the index,
// once the batches sent are applied.
func (s *Store) Get(id string) (Assignment, bool, error) {
	for i := len(s.pending) - 1; i >= 0; i-- {
		if s.pending[i].Assignment.ID == id {
			return s.pending[i].Assignment, true, nil
		}
	}
	s.wg.Wait()
	if err := s.Failed(); err != nil {
		return Assignment{}, false, err
	}
	var a Assignment
	found := false
	err := s.reader(func(r index.IndexReader) error {
		doc, err := r.Document(id)
		if err != nil || doc == nil {
			return err
		}
		raw, err := docField(doc, id, "a")
		if err != nil {
			return err
		}
		if a, err = decodeAssignment(raw, id); err != nil {
			return err
		}
		found = true
		return nil
	})
	return a, found, err
}

// All returns the assignments of every document added, those not yet sent
// to the index included, in no particular order, once the batches sent are
// applied.
func (s *Store) All() ([]Assignment, error) {
	s.wg.Wait()
	if err := s.Failed(); err != nil {
		return nil, err
	}
	as, err := s.Assignments()
	if err != nil {
		return nil, err
	}
	for _, r := range s.pending {
		as = append(as, r.Assignment)
	}
	return as, nil
}
