package dedup

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/eventdedup/eventdedup/dedup/internal/store"
)

// Member is one document of a Cluster, as it was added: enough to show the
// cluster without keeping the documents aside.
type Member struct {
	ID    string `json:"id"`
	Title string `json:"title,omitempty"`
	// Snippet is the beginning of the text of a document without title,
	// some 160 bytes, cut at a word boundary, to show it by.
	Snippet string `json:"snippet,omitempty"`
	// Source and URL are the document's, as given.
	Source string `json:"source,omitempty"`
	URL    string `json:"url,omitempty"`
	// Lang is the detected language subtag ("en", "ar", … or "und").
	Lang      string    `json:"lang"`
	Published time.Time `json:"published,omitzero"`
	// New reports that the document started the cluster, Score is its
	// similarity to the cluster when it joined (see Assignment).
	New   bool    `json:"new,omitempty"`
	Score float64 `json:"score"`
	// DuplicateOf is the id of the earliest document this one is a
	// near-verbatim copy of, or "".
	DuplicateOf string `json:"duplicate_of,omitempty"`
}

// NameTie is a name that tied members to their cluster.
type NameTie struct {
	// Key is the phonetic key of the name (see normalize.Key).
	Key string `json:"key"`
	// Forms are its spellings in the cluster, the most frequent first.
	Forms []string `json:"forms"`
	// Members is how many members' assignments it tied.
	Members int `json:"members"`
}

// PlaceTie is a country that tied members to their cluster.
type PlaceTie struct {
	// Code is its ISO 3166 code.
	Code string `json:"code"`
	// Members is how many members' assignments it tied.
	Members int `json:"members"`
}

// maxTitleKept bounds the bytes of a title kept for the cluster view, for
// the life of the Clusterer: some five times a long headline (chosen on the
// development corpora, whose longest title has 250 bytes). A longer title is
// cut at a character boundary.
const maxTitleKept = 1024

// maxTiesKept bounds the names and places kept from one assignment's
// evidence, the most telling first: the evidence of the development corpora
// has at most 6 names per assignment.
const maxTiesKept = 8

// Cluster returns the cluster with the given id, and false when there is
// none. The id of a cluster merged into another gives that other one (see
// Resolve). Like Clusters, it is a snapshot read from the index, and it
// finds nothing once the Clusterer is closed.
func (c *Clusterer) Cluster(id string) (Cluster, bool) {
	if c.store == nil {
		return Cluster{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	n := clusterSeq(id)
	if c.closed || n < 1 || n > c.clusters {
		return Cluster{}, false
	}
	n = c.resolve(n) // an absorbed cluster is now part of another
	as, ok := c.recordedAll()
	if !ok {
		return Cluster{}, false
	}
	var cl clusterView
	for _, a := range as {
		if c.resolve(a.Cluster) == n {
			cl.add(a)
		}
	}
	out := cl.build(clusterID(n))
	for _, m := range c.mergedInto(n) {
		if m != n {
			out.Merged = append(out.Merged, clusterID(m))
		}
	}
	return out, true
}

// recordedAll returns the stored assignments of every document added, in
// order of addition. A failure to read them is returned by the next Add,
// Flush or Close, and ok is false.
func (c *Clusterer) recordedAll() (as []store.Assignment, ok bool) {
	as, err := c.store.All()
	if err != nil {
		c.store.Fail(err)
		return nil, false
	}
	slices.SortFunc(as, func(a, b store.Assignment) int { return cmp.Compare(a.Seq, b.Seq) })
	return as, true
}

// clustersOf lists the clusters created so far that were not merged into
// others, with the members of the stored assignments as, which are in order
// of addition.
func (c *Clusterer) clustersOf(as []store.Assignment) []Cluster {
	n := c.clusters
	views := make([]clusterView, n)
	for _, a := range as {
		views[c.resolve(a.Cluster)-1].add(a)
	}
	merged := make(map[int][]string) // by surviving cluster
	for i := range n {
		if into := c.resolve(i + 1); into != i+1 {
			merged[into] = append(merged[into], clusterID(i+1))
		}
	}
	out := make([]Cluster, 0, n)
	for i := range views {
		if c.resolve(i+1) == i+1 {
			cl := views[i].build(clusterID(i + 1))
			cl.Merged = merged[i+1]
			out = append(out, cl)
		}
	}
	return out
}

// clusterSeq is the number of the cluster with the given id, or 0.
func clusterSeq(id string) int {
	s, ok := strings.CutPrefix(id, "c")
	if !ok || s == "" || s[0] == '0' {
		return 0
	}
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' || n > 1<<40 {
			return 0
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// clusterView gathers the members of one cluster from their stored
// assignments.
type clusterView struct {
	members []Member
	names   map[string]*nameCount // by key
	places  map[string]int
}

type nameCount struct {
	forms   map[string]int
	members int
	first   int // order of appearance, to break ties
}

// add adds the member of a stored assignment.
func (v *clusterView) add(a store.Assignment) {
	m := Member{
		ID: a.ID, Title: a.Title, Snippet: a.Snippet, Source: a.Source, URL: a.URL, Lang: a.Lang,
		New: a.New, Score: a.Score, DuplicateOf: a.DuplicateOf,
	}
	if !a.Published.IsZero() {
		m.Published = a.Published.UTC()
	}
	v.members = append(v.members, m)
	for _, n := range a.Names {
		if v.names == nil {
			v.names = make(map[string]*nameCount)
		}
		nc := v.names[n.Key]
		if nc == nil {
			nc = &nameCount{forms: make(map[string]int), first: len(v.names)}
			v.names[n.Key] = nc
		}
		nc.members++
		nc.forms[n.A]++
		nc.forms[n.B]++
	}
	for _, p := range a.Places {
		if v.places == nil {
			v.places = make(map[string]int)
		}
		v.places[p]++
	}
}

// build returns the cluster.
func (v *clusterView) build(id string) Cluster {
	cl := Cluster{ID: id, Members: v.members, Docs: make([]string, len(v.members))}
	for i, m := range v.members {
		cl.Docs[i] = m.ID
		if t := m.Published; !t.IsZero() {
			if cl.First.IsZero() || t.Before(cl.First) {
				cl.First = t
			}
			if t.After(cl.Last) {
				cl.Last = t
			}
		}
	}
	order := make(map[string]int, len(v.names))
	for k, nc := range v.names {
		t := NameTie{Key: k, Members: nc.members}
		for f := range nc.forms {
			t.Forms = append(t.Forms, f)
		}
		slices.SortFunc(t.Forms, func(a, b string) int {
			return cmp.Or(cmp.Compare(nc.forms[b], nc.forms[a]), cmp.Compare(a, b))
		})
		order[k] = nc.first
		cl.Names = append(cl.Names, t)
	}
	slices.SortFunc(cl.Names, func(a, b NameTie) int {
		return cmp.Or(cmp.Compare(b.Members, a.Members), cmp.Compare(order[a.Key], order[b.Key]))
	})
	for p, n := range v.places {
		cl.Places = append(cl.Places, PlaceTie{Code: p, Members: n})
	}
	slices.SortFunc(cl.Places, func(a, b PlaceTie) int {
		return cmp.Or(cmp.Compare(b.Members, a.Members), cmp.Compare(a.Code, b.Code))
	})
	return cl
}

// snippetBytes is about how much of the text of a document without title the
// history keeps: a headline's length, at a word boundary.
const snippetBytes = 160

// snippet returns the beginning of a text, its spaces collapsed, cut at a
// word boundary after about snippetBytes bytes, with "…" when cut.
func snippet(text string) string {
	var b strings.Builder
	for w := range strings.FieldsSeq(text) {
		if b.Len() > 0 && b.Len()+1+len(w) > snippetBytes {
			b.WriteString(" …")
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		if len(w) > snippetBytes { // one long word: cut it
			w, _ = clean(w, snippetBytes)
		}
		b.WriteString(w)
	}
	s, _ := clean(b.String(), 2*snippetBytes)
	return s
}

// keepTitle returns the title as the history keeps it.
func keepTitle(s string) string {
	t, _ := clean(s, maxTitleKept)
	return t
}

// ties returns the names and places of an assignment's evidence that the
// history keeps.
func ties(ev Evidence) ([]NamePair, []string) {
	return slices.Clip(ev.Names[:min(len(ev.Names), maxTiesKept)]), slices.Clip(ev.Places[:min(len(ev.Places), maxTiesKept)])
}
