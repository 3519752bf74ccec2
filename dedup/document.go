package dedup

import (
	"time"

	"golang.org/x/text/language"

	"github.com/eventdedup/eventdedup/news"
)

// Document is one news report: see [news.Document]. The alias keeps the
// name that callers of this package know.
type Document = news.Document

// Assignment says where Add put a document.
type Assignment struct {
	// ID is the document's ID.
	ID string `json:"id"`
	// Cluster is the id of the event cluster the document belongs to. It is
	// stable: it never changes once given, and a persistent Clusterer keeps it
	// across runs, except that a cluster may later be merged into an older
	// one: Clusterer.Resolve then maps it to the id of that one.
	Cluster string `json:"cluster"`
	// Merged are the ids of the clusters merged into Cluster when this
	// document was added, because it showed them to report one event (see
	// Clusterer.Resolve). Each absorbed id is reported once.
	Merged []string `json:"merged,omitempty"`
	// New reports whether the document started a new cluster.
	New bool `json:"new"`
	// Score is the similarity to the cluster joined, in [0, 1]; 0 for a new
	// cluster.
	Score float64 `json:"score"`
	// DuplicateOf is the ID of the earliest document this one is a near-verbatim
	// copy of, or "".
	DuplicateOf string `json:"duplicate_of,omitempty"`
	// Lang is the detected language of the document (language.Und if unknown).
	Lang language.Tag `json:"lang"`
	// Evidence explains the decision: what the document shares with the
	// cluster it joined (empty for a new cluster, and for a repeat).
	Evidence Evidence `json:"evidence"`
	// Repeat reports that the document's id was added before, in this run
	// or, for a Clusterer opened on a directory, an earlier one: the
	// assignment is the one recorded then, and the document was not added
	// again.
	Repeat bool `json:"repeat,omitempty"`
	// Truncated reports that the document's title or text was longer than
	// the limit set by WithMaxText and only its beginning was analysed.
	Truncated bool `json:"truncated,omitempty"`
	// IgnoredTime reports that the document's publication time was more
	// than a day after the time it was added, which no real report can be,
	// and was ignored: the document was compared as one of unknown time.
	// (Taken at its word, it would close every open cluster.)
	IgnoredTime bool `json:"ignored_time,omitempty"`
}

// Evidence lists what two documents, or a document and a cluster, share.
type Evidence struct {
	// Names are the personal and organisation names matched across the two
	// sides, written as on each side, most telling first.
	Names []NamePair `json:"names,omitempty"`
	// Places are the ISO 3166 codes of countries both sides mention (or
	// whose capital they name for the government).
	Places []string `json:"places,omitempty"`
	// Organizations are the codes of international organisations both sides
	// mention (NATO, OSCE, UN).
	Organizations []string `json:"organizations,omitempty"`
	// Numbers are numbers both sides mention.
	Numbers []string `json:"numbers,omitempty"`
	// Terms are the most informative content terms both sides share.
	Terms []string `json:"terms,omitempty"`
	// Hours is the time between the two publications (between a document and
	// the nearest report of a cluster, 0 within the cluster's span), when
	// known.
	Hours *float64 `json:"hours,omitempty"`
	// Parts are the similarities behind the score: "terms" (cosine of
	// content terms, one language), "surface" (cosine of words as written,
	// languages of one script), "entities" (cosine of names, places,
	// organisations and numbers) and "time" (the time factor). A comparison
	// adds the parts of its graded score: "cluster" (the similarity that
	// clustering thresholds), "chars" (cosine of character n-grams, one
	// script) and "words" (cosine of content terms, one language), both
	// weighted towards the headline and lead.
	Parts map[string]float64 `json:"parts,omitempty"`
}

// NamePair is one name matched across two documents, or a document and a
// cluster.
type NamePair struct {
	// A is the name as the document writes it, B as the other side does.
	A string `json:"a"`
	B string `json:"b"`
	// Key is the phonetic key they share (see normalize.Key).
	Key string `json:"key"`
}

// Cluster is an event cluster, as Clusterer.Clusters and Clusterer.Cluster
// give it: its members and what ties them.
type Cluster struct {
	// ID is the stable cluster id.
	ID string `json:"id"`
	// Docs are the IDs of its documents, in the order they were added.
	Docs []string `json:"docs"`
	// First and Last are the earliest and latest publication times of its
	// documents (zero when unknown).
	First time.Time `json:"first,omitzero"`
	Last  time.Time `json:"last,omitzero"`
	// Members are its documents, in the order they were added (Docs in
	// detail).
	Members []Member `json:"members"`
	// Names are the names that tied members to the cluster, and Places the
	// countries, in the evidence of their assignments: the most members
	// first.
	Names  []NameTie  `json:"names,omitempty"`
	Places []PlaceTie `json:"places,omitempty"`
	// Merged are the ids of the clusters merged into this one, directly or
	// through others, by number; their documents are among Members.
	Merged []string `json:"merged,omitempty"`
}

// Comparison is the similarity of two documents with its evidence.
type Comparison struct {
	// Score is a graded similarity in [0, 1], from unrelated through
	// related (same topic, another event) to the same story: see
	// Clusterer.CompareAll.
	Score float64 `json:"score"`
	// Same reports whether the two are judged to report the same story:
	// Score reaches the same score (DefaultSameScore, see WithSameScore),
	// and neither document is mostly text that recurs in the batch, or they
	// are copies of each other. See Clusterer.CompareAll.
	Same bool `json:"same"`
	// Duplicate reports whether one is a near-verbatim copy of the other.
	Duplicate bool `json:"duplicate"`
	// Evidence explains the score.
	Evidence Evidence `json:"evidence"`
}
