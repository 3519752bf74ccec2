// Package report gives the event-level view of a clustering: one Event per
// cluster, with its headline, its members and their copies, its span in
// time, its languages and what ties it, written as JSON Lines or as one
// self-contained HTML page.
//
// The view is built from a dedup.Clusterer's clusters, so a pipeline needs
// no side map of its documents:
//
//	events := report.Events(c.Clusters())
//	err := report.WriteHTML(w, events)
//
// Titles, names and sources are untrusted input: the HTML page shows them
// as text (html/template), and its Content-Security-Policy lets only its own
// script run.
package report

import (
	"cmp"
	"encoding/json"
	"io"
	"iter"
	"slices"
	"time"

	"github.com/eventdedup/eventdedup/dedup"
)

// Event is one cluster seen as an event.
type Event struct {
	// Cluster is the cluster id.
	Cluster string `json:"cluster"`
	// Headline is the title of its representative member: the first
	// report in the language most members share (see Headline).
	Headline string `json:"headline"`
	// Size is the number of members.
	Size int `json:"size"`
	// Langs counts the members by detected language.
	Langs map[string]int `json:"langs"`
	// First and Last are the earliest and latest publication times (zero
	// when no member has one).
	First time.Time `json:"first,omitzero"`
	Last  time.Time `json:"last,omitzero"`
	// Members are the documents, in the order they were added.
	Members []dedup.Member `json:"members"`
	// Names and Places are what tied the members to the cluster.
	Names  []dedup.NameTie  `json:"names"`
	Places []dedup.PlaceTie `json:"places"`
	// Merged are the ids of the clusters merged into this one ([] when
	// none: Names, Places and Merged are always present in JSON).
	Merged []string `json:"merged"`
}

// NewEvent returns the event of a cluster.
func NewEvent(cl dedup.Cluster) Event {
	e := Event{
		Cluster: cl.ID, Size: len(cl.Members), Langs: make(map[string]int), First: cl.First, Last: cl.Last,
		Members: cl.Members, Names: cl.Names, Places: cl.Places, Merged: cl.Merged,
		Headline: Headline(cl.Members),
	}
	if e.Names == nil {
		e.Names = []dedup.NameTie{}
	}
	if e.Places == nil {
		e.Places = []dedup.PlaceTie{}
	}
	if e.Merged == nil {
		e.Merged = []string{}
	}
	for _, m := range cl.Members {
		e.Langs[m.Lang]++
	}
	return e
}

// Events returns the events of clusters, largest first, then earliest
// first (undated last), then by cluster id. Empty clusters are left out.
func Events(clusters iter.Seq[dedup.Cluster]) []Event {
	var out []Event
	for cl := range clusters {
		if len(cl.Members) > 0 {
			out = append(out, NewEvent(cl))
		}
	}
	slices.SortStableFunc(out, func(a, b Event) int {
		return cmp.Or(cmp.Compare(b.Size, a.Size), compareTime(a.First, b.First))
	})
	return out
}

// compareTime orders times, the zero time last.
func compareTime(a, b time.Time) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Compare(b)
}

// Headline returns the title of a cluster's representative member: the
// first report in the language most of its members share. That language is
// the one of the most members, copies included (a report that was
// syndicated counts as often as it was copied); a tie goes to the language
// of the earliest member. Within it the member copied most wins, then the
// earliest published (undated last), then the first added: the original
// report, which later ones in that language follow or copy. Members without a
// title are passed over; when none has one, the headline is the snippet
// chosen the same way (see dedup.Member).
//
// It is a rule on what a cluster keeps, not a measure of centrality:
// the similarity of a member to the cluster when it joined (Member.Score)
// grows with the cluster and favours late joiners, and the graded similarity
// of two documents is not comparable across pairs of languages.
func Headline(members []dedup.Member) string {
	if h := headline(members, func(m dedup.Member) string { return m.Title }); h != "" {
		return h
	}
	return headline(members, func(m dedup.Member) string { return m.Snippet })
}

// headline is Headline, with the text of a member that text gives.
func headline(members []dedup.Member, text func(dedup.Member) string) string {
	copies := make(map[string]int) // by id of the original
	for _, m := range members {
		if m.DuplicateOf != "" {
			copies[m.DuplicateOf]++
		}
	}
	// The members with a text, earliest first (stable: then in added order).
	var cand []dedup.Member
	for _, m := range members {
		if text(m) != "" {
			cand = append(cand, m)
		}
	}
	if len(cand) == 0 {
		return ""
	}
	slices.SortStableFunc(cand, func(a, b dedup.Member) int { return compareTime(a.Published, b.Published) })
	perLang := make(map[string]int)
	for _, m := range cand {
		perLang[m.Lang]++
	}
	lang := cand[0].Lang
	for _, m := range cand { // earliest first: a tie keeps the earlier language
		if perLang[m.Lang] > perLang[lang] {
			lang = m.Lang
		}
	}
	// Not a copy first (a copy stands in only for an original without
	// text), then the most copied, then the earliest.
	rank := func(m dedup.Member) (int, int) {
		if m.DuplicateOf != "" {
			return 1, 0
		}
		return 0, -copies[m.ID]
	}
	best := -1
	for i, m := range cand {
		if m.Lang != lang {
			continue
		}
		if best < 0 {
			best = i
			continue
		}
		c, n := rank(m)
		bc, bn := rank(cand[best])
		if c < bc || c == bc && n < bn {
			best = i
		}
	}
	return text(cand[best])
}

// WriteJSONL writes one JSON object per event.
func WriteJSONL(w io.Writer, events []Event) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, e := range events {
		if err := enc.Encode(e); err != nil {
			return err
		}
	}
	return nil
}
