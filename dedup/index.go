package dedup

import (
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/whitespace"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
)

// candidateIndex is the bleve index used to retrieve candidate documents.
// Each document is indexed as one whitespace-separated field of feature tokens
// ("t:" content term, "n:" name key, "p:" country code, "#:" number) and its
// publication time.
type candidateIndex struct {
	idx     bleve.Index
	batch   *bleve.Batch
	pending int
}

// indexDoc is what is stored in bleve for one document.
type indexDoc struct {
	F string    `json:"f"`
	T time.Time `json:"t,omitempty"`
}

const wsAnalyzer = "eventdedup_ws"

func indexMapping() (mapping.IndexMapping, error) {
	m := bleve.NewIndexMapping()
	if err := m.AddCustomAnalyzer(wsAnalyzer, map[string]any{
		"type":      custom.Name,
		"tokenizer": whitespace.Name,
	}); err != nil {
		return nil, err
	}
	doc := bleve.NewDocumentStaticMapping()
	f := bleve.NewTextFieldMapping()
	f.Analyzer = wsAnalyzer
	f.Store = false
	f.IncludeInAll = false
	f.IncludeTermVectors = false
	f.DocValues = false
	doc.AddFieldMappingsAt("f", f)
	t := bleve.NewDateTimeFieldMapping()
	t.Store = false
	t.IncludeInAll = false
	doc.AddFieldMappingsAt("t", t)
	m.DefaultMapping = doc
	m.DefaultAnalyzer = wsAnalyzer
	return m, nil
}

// openCandidateIndex opens the scorch index at path, creating it if needed.
func openCandidateIndex(path string) (*candidateIndex, error) {
	idx, err := bleve.Open(path)
	if err != nil {
		m, merr := indexMapping()
		if merr != nil {
			return nil, merr
		}
		idx, err = bleve.NewUsing(path, m, scorch.Name, scorch.Name, nil)
		if err != nil {
			return nil, fmt.Errorf("dedup: create index at %s: %w", path, err)
		}
	}
	return &candidateIndex{idx: idx, batch: idx.NewBatch()}, nil
}

// add queues a document for indexing.
func (ci *candidateIndex) add(id string, tokens string, published time.Time) error {
	if err := ci.batch.Index(id, indexDoc{F: tokens, T: published}); err != nil {
		return err
	}
	ci.pending++
	return nil
}

// flush writes the queued documents.
func (ci *candidateIndex) flush() error {
	if ci.pending == 0 {
		return nil
	}
	if err := ci.idx.Batch(ci.batch); err != nil {
		return err
	}
	ci.batch.Reset()
	ci.pending = 0
	return nil
}

// search returns the ids of up to k indexed documents that share the most
// informative tokens with the query, published within window of at (when at
// is not zero).
func (ci *candidateIndex) search(tokens []string, at time.Time, window time.Duration, k int) ([]string, error) {
	if len(tokens) == 0 {
		return nil, nil
	}
	qs := make([]query.Query, 0, len(tokens))
	for _, t := range tokens {
		tq := bleve.NewTermQuery(t)
		tq.SetField("f")
		qs = append(qs, tq)
	}
	var q query.Query = bleve.NewDisjunctionQuery(qs...)
	if !at.IsZero() {
		dq := bleve.NewDateRangeQuery(at.Add(-window), at.Add(window))
		dq.SetField("t")
		q = bleve.NewConjunctionQuery(q, dq)
	}
	req := bleve.NewSearchRequestOptions(q, k, 0, false)
	res, err := ci.idx.Search(req)
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(res.Hits))
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	return ids, nil
}

func (ci *candidateIndex) close() error {
	ferr := ci.flush()
	cerr := ci.idx.Close()
	if ferr != nil {
		return ferr
	}
	return cerr
}
