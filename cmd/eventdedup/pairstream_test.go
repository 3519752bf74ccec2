package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
