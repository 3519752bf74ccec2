package report_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/eventdedup/eventdedup/dedup"
	"github.com/eventdedup/eventdedup/jsonl"
	"github.com/eventdedup/eventdedup/report"
)

// hostile are documents whose title, source and text hold markup and
// scripts: the page must show them as text and run none of them. Each
// script, if it ran, would mark the page's body with data-pwned.
func hostile() []dedup.Document {
	at := time.Date(2022, 1, 9, 10, 0, 0, 0, time.UTC)
	return []dedup.Document{{
		ID:        `x1"><script>document.body.setAttribute('data-pwned','id')</script>`,
		Title:     `<script>document.body.setAttribute('data-pwned','title')</script><b>Flood</b> closes the port of Valmera`,
		Text:      `Flood water closed the port of Valmera on Sunday, the harbour master Ilse Varga said. <img src=x onerror="document.body.setAttribute('data-pwned','text')">`,
		Source:    `<img src=x onerror="document.body.setAttribute('data-pwned','source')">`,
		URL:       `javascript:document.body.setAttribute('data-pwned','url')`,
		Published: at,
	}, {
		ID:        "x2",
		Title:     `Valmera port shut by floods </title><svg onload="document.body.setAttribute('data-pwned','svg')">`,
		Text:      `The harbour master Ilse Varga closed the port of Valmera after the flood on Sunday.`,
		Source:    "Coastal Wire",
		Published: at.Add(2 * time.Hour),
	}}
}

// clusterFile clusters the documents of a JSON Lines file of testdata, and
// more, and returns the events and the documents.
func clusterFile(t testing.TB, name string, more ...dedup.Document) ([]report.Event, []dedup.Document) {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c, err := dedup.New()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var docs []dedup.Document
	for d, err := range jsonl.Read(f) {
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	docs = append(docs, more...)
	for _, d := range docs {
		if _, err := c.Add(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	return report.Events(c.Clusters()), docs
}

// TestEvents checks the events of the hand-written 2+2 set: every document
// in one event, the events ordered by size, and each event's size, languages,
// span and headline drawn from its members.
func TestEvents(t *testing.T) {
	events, docs := clusterFile(t, "twoplustwo.jsonl")
	seen := make(map[string]bool)
	for i, e := range events {
		if i > 0 && e.Size > events[i-1].Size {
			t.Errorf("event %s (%d members) after %s (%d)", e.Cluster, e.Size, events[i-1].Cluster, events[i-1].Size)
		}
		if e.Size != len(e.Members) {
			t.Errorf("%s: size %d, %d members", e.Cluster, e.Size, len(e.Members))
		}
		langs, titles := 0, make(map[string]bool)
		for _, n := range e.Langs {
			langs += n
		}
		if langs != e.Size {
			t.Errorf("%s: languages count %d members, want %d", e.Cluster, langs, e.Size)
		}
		for _, m := range e.Members {
			if seen[m.ID] {
				t.Errorf("%s in two events", m.ID)
			}
			seen[m.ID] = true
			titles[m.Title] = true
			if m.Published.Before(e.First) || m.Published.After(e.Last) {
				t.Errorf("%s: %s published %v outside [%v, %v]", e.Cluster, m.ID, m.Published, e.First, e.Last)
			}
		}
		if !titles[e.Headline] || e.Headline == "" {
			t.Errorf("%s: headline %q is no member's title", e.Cluster, e.Headline)
		}
		if e.Size > 1 && len(e.Names) == 0 {
			t.Errorf("%s: %d members and no name ties them", e.Cluster, e.Size)
		}
	}
	if len(seen) != len(docs) {
		t.Errorf("%d documents in events, want %d", len(seen), len(docs))
	}
}

func TestHeadline(t *testing.T) {
	t0 := time.Date(2022, 1, 7, 0, 0, 0, 0, time.UTC)
	at := func(h int) time.Time { return t0.Add(time.Duration(h) * time.Hour) }
	tests := []struct {
		name    string
		members []dedup.Member
		want    string
	}{
		{"alone", []dedup.Member{{Title: "a", New: true}}, "a"},
		{"the language most members share", []dedup.Member{
			{Title: "ko", Lang: "ko", New: true, Published: at(0)}, {Title: "en1", Lang: "en", Published: at(2)},
			{Title: "ar", Lang: "ar", Published: at(1)}, {Title: "en2", Lang: "en", Published: at(1), Score: 0.9}}, "en2"},
		{"a tie of languages: the earliest member's", []dedup.Member{
			{Title: "ja", Lang: "ja", New: true, Published: at(3)}, {Title: "en", Lang: "en", Published: at(1)}}, "en"},
		{"copies count for their language and their original", []dedup.Member{
			{ID: "1", Title: "en1", Lang: "en", New: true, Published: at(2)}, {ID: "2", Title: "en2", Lang: "en", Published: at(1)},
			{ID: "3", Title: "ar", Lang: "ar", Published: at(0)}, {ID: "4", Title: "copy", Lang: "en", DuplicateOf: "1", Published: at(3)}}, "en1"},
		{"copies do not compete", []dedup.Member{
			{ID: "1", Title: "a", New: true, Published: at(1)}, {Title: "copy", Score: 0.99, DuplicateOf: "1", Published: at(0)}}, "a"},
		{"undated after dated", []dedup.Member{
			{Title: "a", New: true}, {Title: "b", Published: at(5)}}, "b"},
		{"undated: the first added", []dedup.Member{{Title: "a", New: true}, {Title: "b", Score: 0.9}}, "a"},
		{"untitled passed over", []dedup.Member{
			{New: true}, {Title: "b", Score: 0.2}}, "b"},
		{"only copies titled", []dedup.Member{
			{ID: "1", New: true}, {Title: "copy", Score: 0.9, DuplicateOf: "1"}}, "copy"},
		{"none", nil, ""},
		{"a title before any snippet", []dedup.Member{
			{Snippet: "s", New: true}, {Title: "b", Score: 0.1}}, "b"},
		{"snippets when no title", []dedup.Member{
			{Snippet: "a", New: true, Published: at(2)}, {Snippet: "b", Published: at(1)}, {Snippet: "c", Published: at(3)}}, "b"},
	}
	for _, tt := range tests {
		if got := report.Headline(tt.members); got != tt.want {
			t.Errorf("%s: Headline = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestHeadlineTwoPlusTwo checks the headlines of the hand-written 2+2 set as
// clustered: the 2+2 event, reported three times in English (one a copy),
// once in six other languages, is headed by the English report that was
// copied, not by a later report in another language.
func TestHeadlineTwoPlusTwo(t *testing.T) {
	events, docs := clusterFile(t, "twoplustwo.jsonl")
	title := make(map[string]string)
	for _, d := range docs {
		title[d.ID] = d.Title
	}
	for _, e := range events {
		for _, m := range e.Members {
			if m.ID == "tp-en-1" && e.Headline != title["tp-en-1"] {
				t.Errorf("the 2+2 event %s is headed %q, want the title of tp-en-1 %q", e.Cluster, e.Headline, title["tp-en-1"])
			}
			if m.ID == "nk-en-1" && e.Headline != title["nk-en-1"] { // the earliest, of four languages
				t.Errorf("the missile launch %s is headed %q, want the title of nk-en-1 %q", e.Cluster, e.Headline, title["nk-en-1"])
			}
		}
	}
}

// TestWriteJSONL checks the JSON form: one object per event, with the keys
// of the documented view in snake_case.
func TestWriteJSONL(t *testing.T) {
	events, _ := clusterFile(t, "twoplustwo.jsonl")
	var b bytes.Buffer
	if err := report.WriteJSONL(&b, events); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != len(events) {
		t.Fatalf("%d lines for %d events", len(lines), len(events))
	}
	for i, l := range lines {
		var o map[string]any
		if err := json.Unmarshal([]byte(l), &o); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"cluster", "headline", "size", "langs", "first", "last", "members", "names", "places", "merged"} {
			if _, ok := o[k]; !ok {
				t.Errorf("event %d has no %q: %s", i, k, l)
			}
		}
		for _, m := range o["members"].([]any) {
			for _, k := range []string{"id", "title", "source", "lang", "published"} {
				if _, ok := m.(map[string]any)[k]; !ok {
					t.Errorf("event %d: a member has no %q: %v", i, k, m)
				}
			}
		}
		if o["cluster"] != events[i].Cluster {
			t.Errorf("line %d is cluster %v, want %s", i, o["cluster"], events[i].Cluster)
		}
	}
	if !strings.Contains(b.String(), `"duplicate_of":"tp-en-1"`) {
		t.Errorf("the planted copy of tp-en-1 is not in the report")
	}
}

// TestHTMLEscapes checks that the texts of hostile documents reach the
// page only as text: the one script is the page's own, allowed by its hash
// in the Content-Security-Policy, and the markup of titles, sources and ids
// is escaped.
func TestHTMLEscapes(t *testing.T) {
	events, _ := clusterFile(t, "twoplustwo.jsonl", hostile()...)
	var b bytes.Buffer
	if err := report.WriteHTML(&b, events); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if n := strings.Count(strings.ToLower(page), "<script"); n != 1 {
		t.Errorf("%d <script> elements, want 1", n)
	}
	for _, bad := range []string{"<b>Flood", "<img", "<svg onload", "javascript:", "</title><svg"} {
		if strings.Contains(page, bad) {
			t.Errorf("page holds %q unescaped", bad)
		}
	}
	if !strings.Contains(page, "&lt;script&gt;document.body.setAttribute(&#39;data-pwned&#39;,&#39;title&#39;)&lt;/script&gt;&lt;b&gt;Flood&lt;/b&gt;") {
		t.Errorf("the hostile title is not shown as text")
	}
	m := regexp.MustCompile(`(?s)<script>(.*)</script>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no script")
	}
	sum := sha256.Sum256([]byte(m[1]))
	if want := "script-src &#39;sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "&#39;"; !strings.Contains(page, want) {
		t.Errorf("the Content-Security-Policy does not allow the page's script by its hash %s", want)
	}
	for _, asset := range []string{"http://", "https://", "src=\"", "@import", "url("} {
		if i := strings.Index(page, asset); i >= 0 && !strings.Contains(page[i:min(i+40, len(page))], "www.w3.org/2000/svg") {
			t.Errorf("page loads an asset: …%s…", page[max(0, i-40):min(i+40, len(page))])
		}
	}
}

// TestHTMLEmpty checks the page of no events: it says so, rather than show
// an empty list.
func TestHTMLEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := report.WriteHTML(&b, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "No events") || strings.Contains(b.String(), `<section class="event"`) {
		t.Errorf("the page of no events does not say so:\n%s", b.String())
	}
}
