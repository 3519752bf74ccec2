package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/eventdedup/eventdedup/dedup"
)

func TestHeadline(t *testing.T) {
	long := strings.Repeat("word ", 50) // 250 runes; 32 whole words fit in 160
	for _, c := range []struct {
		why         string
		title, text string
		want        string
	}{
		{"a title is the headline", "Quake hits coast", "Body text.", "Quake hits coast"},
		{"else the text up to its first line break", "", "Quake hits coast\nBody text.", "Quake hits coast"},
		{"or double space, where scraped pages end it", "", "Quake hits coast  Body text.", "Quake hits coast"},
		{"cut at a word within 160 runes", "", long, strings.TrimSpace(long[:160])},
	} {
		got := headline(dedup.Document{Title: c.title, Text: c.text})
		if got.Title != c.want || got.Text != "" {
			t.Errorf("%s: headline = %q (text %q), want %q", c.why, got.Title, got.Text, c.want)
		}
	}
}

func TestImpliedEvents(t *testing.T) {
	docs := []labelled{{doc: dedup.Document{ID: "a"}}, {doc: dedup.Document{ID: "b"}}, {doc: dedup.Document{ID: "c"}}, {doc: dedup.Document{ID: "d"}}, {doc: dedup.Document{ID: "e"}}}
	rated := []ratedPair{
		{"c", "b", 1.0}, // same story: one event
		{"b", "a", 1.5}, // same story, transitively with c
		{"d", "e", 2.0}, // ambiguous: apart
		{"a", "d", 4.0}, // dissimilar: apart
	}
	got := impliedEvents(docs, rated)
	want := map[string]string{"a": "a", "b": "a", "c": "a", "d": "d", "e": "e"}
	for id, ev := range want {
		if got[id] != ev {
			t.Errorf("event of %s = %q, want %q (all: %v)", id, got[id], ev, got)
		}
	}
	tg := together(rated, map[string]string{"a": "c1", "b": "c1", "c": "c2", "d": "c1", "e": "c3"})
	if tg.SameStoryPairs != 2 || tg.SameStory != 1 || tg.DissimilarPairs != 1 || tg.Dissimilar != 1 {
		t.Errorf("together = %+v, want 1 of 2 same-story pairs and 1 of 1 dissimilar pair together", tg)
	}
	if want := (3.0*3 + 1 + 1) / 5; tg.MeanClusterSize != want {
		t.Errorf("mean cluster size %.3f, want %.3f", tg.MeanClusterSize, want)
	}
}

// TestEvalPairStream clusters the documents of rated pairs as one stream:
// two reports of one quake (rated the same story) and an unrelated report.
func TestEvalPairStream(t *testing.T) {
	quake1 := `{"id":"q1","lang":"en","text":"Strong earthquake strikes Valdoria coast, 12 dead  Rescuers in Port Amsel searched collapsed buildings after the magnitude 7.1 earthquake."}`
	quake2 := `{"id":"q2","lang":"en","text":"Magnitude 7.1 earthquake kills 12 on Valdoria coast  The quake struck near Port Amsel, officials said, and rescuers searched collapsed buildings."}`
	budget := `{"id":"b1","lang":"en","text":"Parliament of Ostrava passes budget for schools  Lawmakers approved spending on teachers and classrooms after a long debate."}`
	lines := []string{
		`{"pair":"q1_q2","overall":1.0,"a":` + quake1 + `,"b":` + quake2 + `}`,
		`{"pair":"q1_b1","overall":4.0,"a":` + quake1 + `,"b":` + budget + `}`,
	}
	gold := filepath.Join(t.TempDir(), "pairs.jsonl")
	if err := os.WriteFile(gold, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, titleOnly := range []bool{false, true} {
		args := []string{"eval", "--gold", gold, "--orders", "1", "--json"}
		if titleOnly {
			args = append(args, "--title-only")
		}
		status, out, stderr := runCmd(t, "", args...)
		if status != exitOK {
			t.Fatalf("title only %v: status %d, stderr:\n%s", titleOnly, status, stderr)
		}
		var res struct {
			Orders []orderResult `json:"orders"`
		}
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatal(err)
		}
		if len(res.Orders) != 3 {
			t.Fatalf("title only %v: %d orders, want time, one shuffle and by source", titleOnly, len(res.Orders))
		}
		for _, o := range res.Orders {
			r := o.Rated
			if r == nil || r.SameStoryPairs != 1 || r.DissimilarPairs != 1 || r.SameStory != 1 || r.Dissimilar != 0 {
				t.Errorf("title only %v, %s: rated %+v, want the same-story pair together and the dissimilar apart", titleOnly, o.Order, r)
			}
			if o.Scores.BCubed.F1 != 1 {
				t.Errorf("title only %v, %s: BCubed F1 %.3f, want 1", titleOnly, o.Order, o.Scores.BCubed.F1)
			}
		}
	}
}

// TestDateEvents checks the times dateEvents gives a stream of rated
// documents: every undated report within a day of its event's time, and so
// within two days of the other reports of its event, inside the days asked
// for; a dated report kept as it is; the same times in any order.
func TestDateEvents(t *testing.T) {
	given := time.Date(2024, time.May, 3, 12, 0, 0, 0, time.UTC)
	var docs []labelled
	for i := range 60 {
		d := labelled{doc: dedup.Document{ID: fmt.Sprintf("d%02d", i)}, event: fmt.Sprintf("e%d", i/3)}
		if i == 7 {
			d.doc.Published = given
		}
		docs = append(docs, d)
	}
	const days = 10
	dateEvents(docs, days)
	from, to := datedFrom.Add(-24*time.Hour), datedFrom.Add((days+1)*24*time.Hour)
	first := make(map[string]time.Time)
	spread := false
	for i, d := range docs {
		at := d.doc.Published
		switch {
		case i == 7:
			if !at.Equal(given) {
				t.Errorf("dated report moved to %v", at)
			}
			continue
		case at.Before(from) || !at.Before(to):
			t.Errorf("%s at %v, outside %v to %v", d.doc.ID, at, from, to)
		}
		if f, ok := first[d.event]; !ok {
			first[d.event] = at
		} else if gap := at.Sub(f).Abs(); gap > 48*time.Hour {
			t.Errorf("%s %v from the first report of %s", d.doc.ID, gap, d.event)
		}
		if at.Sub(docs[0].doc.Published).Abs() > 5*24*time.Hour {
			spread = true
		}
	}
	if !spread {
		t.Error("twenty events all within five days of the first: not spread over the days")
	}
	again := slices.Clone(docs)
	for i := range again {
		if i != 7 {
			again[i].doc.Published = time.Time{}
		}
	}
	slices.Reverse(again)
	dateEvents(again, days)
	slices.Reverse(again)
	for i := range docs {
		if !again[i].doc.Published.Equal(docs[i].doc.Published) {
			t.Errorf("%s at %v in another order, %v before", docs[i].doc.ID, again[i].doc.Published, docs[i].doc.Published)
		}
	}
}
