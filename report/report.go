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
	// Headline is the title of the most central member (see Headline).
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
	// Merged are the ids of the clusters merged into this one.
	Merged []string `json:"merged,omitempty"`
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

// Headline returns the title of the most central of a cluster's members:
// the member most similar to the cluster when it joined (its Score, the
// similarity to the members before it). The member that started the
// cluster counts with the score of the first member that joined it without
// being a copy, its similarity to that member alone. Copies do not
// compete: they say nothing their original does not. Ties go to the member
// added first. Members without a title are passed over; when none has one,
// the headline is the snippet of the most central (see dedup.Member).
func Headline(members []dedup.Member) string {
	if h := headline(members, func(m dedup.Member) string { return m.Title }); h != "" {
		return h
	}
	return headline(members, func(m dedup.Member) string { return m.Snippet })
}

// headline is Headline, with the text of a member that text gives.
func headline(members []dedup.Member, text func(dedup.Member) string) string {
	founder := -1.0
	for _, m := range members {
		if !m.New && m.DuplicateOf == "" {
			founder = m.Score
			break
		}
	}
	best, out := -2.0, ""
	for _, m := range members {
		s := m.Score
		if m.New {
			s = founder
		}
		if text(m) == "" || m.DuplicateOf != "" && !m.New {
			continue
		}
		if s > best {
			best, out = s, text(m)
		}
	}
	if out == "" { // only copies have one
		for _, m := range members {
			if text(m) != "" {
				return text(m)
			}
		}
	}
	return out
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
