package dedup_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/eventdedup/eventdedup/dedup"
)

// storm is a report used by the robustness tests; the texts are ours.
var storm = dedup.Document{
	ID:        "storm",
	Title:     "Storm Arwen leaves 50,000 homes in Scotland without power",
	Text:      "Winds of 98 mph hit Scotland on Friday night, bringing down trees and power lines. The network operator SSEN said engineers would work through the weekend to restore supplies to the homes cut off in Aberdeenshire and the Highlands.",
	Published: time.Date(2021, 11, 27, 9, 0, 0, 0, time.UTC),
}

// TestReusedID checks what a reused id means: the same content is a repeat
// (what makes re-running an interrupted stream idempotent), a different
// content is rejected with ErrReusedID, in one run and after reopening.
func TestReusedID(t *testing.T) {
	dir := t.TempDir()
	c, err := dedup.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	first, err := c.Add(ctx, storm)
	if err != nil {
		t.Fatal(err)
	}
	type variant struct {
		name   string
		edit   func(*dedup.Document)
		reused bool // rejected with ErrReusedID; else a repeat
	}
	variants := []variant{
		{"the same document is a repeat", func(*dedup.Document) {}, false},
		{"the same instant in another zone is the same content", func(d *dedup.Document) {
			d.Published = d.Published.In(time.FixedZone("JST", 9*3600))
		}, false},
		{"source, url and language hint are not content", func(d *dedup.Document) { d.Source, d.URL = "other", "https://example.org/x" }, false},
		{"another title is another document", func(d *dedup.Document) { d.Title += "!" }, true},
		{"another text is another document", func(d *dedup.Document) { d.Text = "Something else entirely." }, true},
		{"another publication time is another document", func(d *dedup.Document) { d.Published = d.Published.Add(time.Hour) }, true},
		{"a known time differs from an unknown one", func(d *dedup.Document) { d.Published = time.Time{} }, true},
		{"title and text swapped are another document", func(d *dedup.Document) { d.Title, d.Text = d.Text, d.Title }, true},
	}
	check := func(t *testing.T, c *dedup.Clusterer) {
		for _, v := range variants {
			d := storm
			v.edit(&d)
			a, err := c.Add(ctx, d)
			switch {
			case v.reused && !errors.Is(err, dedup.ErrReusedID):
				t.Errorf("%s: Add = %+v, %v; want ErrReusedID", v.name, a, err)
			case !v.reused && (err != nil || !a.Repeat || a.Cluster != first.Cluster):
				t.Errorf("%s: Add = %+v, %v; want a repeat in %s", v.name, a, err, first.Cluster)
			}
		}
		n := 0
		for cl := range c.Clusters() {
			n += len(cl.Docs)
		}
		if n != 1 {
			t.Errorf("clusters hold %d documents, want 1", n)
		}
	}
	t.Run("same run", func(t *testing.T) { check(t, c) })
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	c, err = dedup.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	t.Run("after reopening", func(t *testing.T) { check(t, c) })
}

// TestMaxText checks that a text longer than the limit is truncated at a
// character boundary, with Truncated set, rather than rejected.
func TestMaxText(t *testing.T) {
	const limit = 1000
	c, err := dedup.New(dedup.WithMaxText(limit))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	// Two documents that agree in their first limit bytes, Cyrillic (two
	// bytes a letter) so that the limit falls inside a character, and
	// differ entirely after it: only the beginning is analysed, so the
	// second is a copy of the first.
	head := strings.Repeat("Шторм Арвен оставил без света пятьдесят тысяч домов. ", 40)[:limit+1]
	a := dedup.Document{ID: "a", Title: "Шторм", Text: head + strings.Repeat("Футбол, хоккей и теннис. ", 200)}
	b := dedup.Document{ID: "b", Title: "Шторм", Text: head + strings.Repeat("Выборы, партии и голоса. ", 200)}
	short := dedup.Document{ID: "short", Title: "Storm", Text: "Short text."}
	aa, err := c.Add(ctx, a)
	if err != nil || !aa.Truncated {
		t.Fatalf("Add(a) = %+v, %v; want Truncated", aa, err)
	}
	ab, err := c.Add(ctx, b)
	if err != nil || !ab.Truncated || ab.DuplicateOf != "a" {
		t.Errorf("Add(b) = %+v, %v; want Truncated and a copy of a", ab, err)
	}
	if as, err := c.Add(ctx, short); err != nil || as.Truncated {
		t.Errorf("Add(short) = %+v, %v; want not Truncated", as, err)
	}
	if again, err := c.Add(ctx, a); err != nil || !again.Repeat || !again.Truncated {
		t.Errorf("Add(a) again = %+v, %v; want a truncated repeat", again, err)
	}
	if _, err := dedup.New(dedup.WithMaxText(0)); !errors.Is(err, dedup.ErrInvalidOption) {
		t.Errorf("New(WithMaxText(0)) = %v, want ErrInvalidOption", err)
	}
}

// TestHugeArticle checks that a 5 MB article is accepted, truncated at the
// default limit, and clustered with a short report of the same event.
func TestHugeArticle(t *testing.T) {
	c, err := dedup.New()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	huge := storm
	huge.ID = "huge"
	huge.Text = strings.Repeat(storm.Text+" ", 5<<20/len(storm.Text))
	ctx := context.Background()
	start := time.Now()
	ah, err := c.Add(ctx, huge)
	if err != nil || !ah.Truncated {
		t.Fatalf("Add(5 MB) = %+v, %v; want Truncated", ah, err)
	}
	t.Logf("5 MB article added in %v", time.Since(start))
	a, err := c.Add(ctx, storm)
	if err != nil || a.Cluster != ah.Cluster {
		t.Errorf("Add(storm) = %+v, %v; want the cluster %s of the long version", a, err, ah.Cluster)
	}
}

// TestInvalidUTF8 checks that documents with invalid UTF-8 are added and
// their evidence is valid UTF-8.
func TestInvalidUTF8(t *testing.T) {
	c, err := dedup.New()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	bad := storm
	bad.ID = "bad"
	bad.Title = strings.ReplaceAll(storm.Title, "Scotland", "Scot\xffland\xc3")
	bad.Text = strings.ReplaceAll(storm.Text, "SSEN", "SS\xe2\x82EN")
	ctx := context.Background()
	if _, err := c.Add(ctx, storm); err != nil {
		t.Fatal(err)
	}
	a, err := c.Add(ctx, bad)
	if err != nil || a.Cluster != "c1" {
		t.Fatalf("Add(bad) = %+v, %v; want the cluster of storm", a, err)
	}
	if s := evidenceText(a.Evidence); !utf8.ValidString(s) {
		t.Errorf("evidence is not valid UTF-8: %q", s)
	}
}

// evidenceText joins the strings of an evidence.
func evidenceText(ev dedup.Evidence) string {
	var b strings.Builder
	for _, n := range ev.Names {
		b.WriteString(n.A + n.B + n.Key)
	}
	for _, ss := range [][]string{ev.Places, ev.Organizations, ev.Numbers, ev.Terms} {
		b.WriteString(strings.Join(ss, ""))
	}
	for k := range ev.Parts {
		b.WriteString(k)
	}
	return b.String()
}

// TestEvasion checks that a copy disguised with zero-width characters, bidi
// controls, look-alike letters of other scripts or compatibility forms is
// still found a copy of its original, end to end, and that mixed-script
// and emoji-heavy reports of other events are neither copies nor merged.
func TestEvasion(t *testing.T) {
	c, err := dedup.New()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	orig, err := c.Add(ctx, storm)
	if err != nil {
		t.Fatal(err)
	}
	disguise := func(r *strings.Replacer) func(string) string { return r.Replace }
	copies := []struct {
		why  string
		edit func(string) string
	}{
		{"zero-width spaces and joiners", disguise(strings.NewReplacer("e", "e\u200b", "o", "o\u200d", " ", " \u2060"))},
		{"bidi controls", func(s string) string { return "\u202e" + strings.ReplaceAll(s, " ", "\u200f \u2066") + "\u202c" }},
		{"Cyrillic look-alikes", disguise(strings.NewReplacer("a", "а", "e", "е", "o", "о", "p", "р", "c", "с", "x", "х", "y", "у", "i", "і"))},
		{"Greek look-alikes", disguise(strings.NewReplacer("o", "ο", "i", "ι", "v", "ν", "u", "υ", "k", "κ", "w", "ω"))},
		{"Latin, Cyrillic and Greek mixed", disguise(strings.NewReplacer("o", "ο", "e", "е", "a", "α", "i", "і", "c", "с"))},
		{"fullwidth and soft hyphens", disguise(strings.NewReplacer("Scotland", "Ｓｃｏｔｌａｎｄ", "power", "pow\u00ader", "homes", "ho\u00admes"))},
		{"Latin small capitals", disguise(strings.NewReplacer("a", "ᴀ", "e", "ᴇ", "o", "ᴏ", "t", "ᴛ"))},
		{"Armenian look-alikes", disguise(strings.NewReplacer("o", "օ", "h", "հ", "n", "ո", "u", "ս"))},
		{"circled letters", disguise(strings.NewReplacer("a", "ⓐ", "e", "ⓔ", "i", "ⓘ"))},
		{"invisible fillers and tags", disguise(strings.NewReplacer(" ", " \u3164", "e", "e\U000E0041", "o", "o\ufe0f"))},
		{"everything at once", disguise(strings.NewReplacer("a", "а\u200b", "o", "ο\u200e", "e", "é", " ", " \u202a"))},
	}
	for i, cp := range copies {
		d := storm
		d.ID = "copy-" + strconv.Itoa(i)
		d.Title, d.Text = cp.edit(d.Title), cp.edit(d.Text)
		d.Published = d.Published.Add(time.Duration(i+1) * time.Hour)
		a, err := c.Add(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		if a.DuplicateOf != storm.ID || a.Cluster != orig.Cluster {
			t.Errorf("%s: assigned %+v, want a copy of %s in %s", cp.why, a, storm.ID, orig.Cluster)
		}
	}

	day := storm.Published
	others := []dedup.Document{
		{ID: "emoji-football", Title: "🔥⚽ GOAL!! 🎉🎉 Liverpool beat Everton 2-0 at Anfield 🏟️🔴",
			Text: "😍😍😍 What a night 🙌 Salah 🇪🇬 scores twice ⚽⚽ and the Kop sings 🎶🎶 #YNWA 🔴🔴🔴 " + strings.Repeat("🔥", 50), Published: day},
		{ID: "mixed-script", Title: "Токио 東京 Tokyo: 新しい metro line открыта — Yurakucho 線 extension opens 🚇",
			Text: "Новая линия метро 地下鉄 opened on Saturday. 乗客 passengers пассажиры welcomed the 新線 with 🎉. Line length 5.2 km, 4 stations станции 駅.", Published: day},
		{ID: "emoji-only-1", Title: "🚀🚀🚀 🌕", Published: day},
		{ID: "emoji-only-2", Title: "🌧️🌧️ ☔ 😢", Text: "🙏🙏🙏", Published: day},
		{ID: "symbols-only", Title: "!!! ??? ... ★★★ ←→", Published: day},
		{ID: "rtl-mixed", Title: "\u202bمترو طوكيو\u202c Tokyo metro 🚇 خط جديد", Text: "افتتح خط مترو جديد في طوكيو يوم السبت 🎉 with 4 stations.", Published: day},
	}
	clusters := map[string]string{}
	for _, d := range others {
		a, err := c.Add(ctx, d)
		if err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		if a.DuplicateOf != "" {
			t.Errorf("%s: a copy of %s", d.ID, a.DuplicateOf)
		}
		if a.Cluster == orig.Cluster {
			t.Errorf("%s: merged into the storm cluster %s", d.ID, a.Cluster)
		}
		if s := evidenceText(a.Evidence); !utf8.ValidString(s) {
			t.Errorf("%s: evidence is not valid UTF-8: %q", d.ID, s)
		}
		clusters[d.ID] = a.Cluster
	}
	for _, pair := range [][2]string{{"emoji-only-1", "emoji-only-2"}, {"emoji-only-1", "symbols-only"}, {"emoji-football", "mixed-script"}, {"emoji-only-2", "emoji-football"}} {
		if clusters[pair[0]] == clusters[pair[1]] {
			t.Errorf("%s and %s merged in %s", pair[0], pair[1], clusters[pair[0]])
		}
	}
}

// TestOpenInterruptedCreation checks that a directory left by a process
// killed while it created the index opens: an empty index directory, and a
// half-created one beside it.
func TestOpenInterruptedCreation(t *testing.T) {
	for _, tt := range []struct {
		why   string
		setup func(dir string) error
	}{
		{"an empty index directory", func(dir string) error { return os.MkdirAll(filepath.Join(dir, "index"), 0o755) }},
		{"a half-created index beside it", func(dir string) error {
			tmp := filepath.Join(dir, "index.new")
			if err := os.MkdirAll(filepath.Join(tmp, "store"), 0o755); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(tmp, "index_meta.json"), []byte(`{"storage":"scorch","index_type":"scorch"}`), 0o644)
		}},
	} {
		t.Run(tt.why, func(t *testing.T) {
			dir := t.TempDir()
			if err := tt.setup(dir); err != nil {
				t.Fatal(err)
			}
			c, err := dedup.Open(dir)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			if _, err := c.Add(context.Background(), storm); err != nil {
				t.Fatal(err)
			}
			if err := c.Close(); err != nil {
				t.Fatal(err)
			}
			c, err = dedup.Open(dir)
			if err != nil {
				t.Fatalf("Open again: %v", err)
			}
			defer c.Close()
			if a, err := c.Add(context.Background(), storm); err != nil || !a.Repeat {
				t.Errorf("Add again = %+v, %v; want a repeat", a, err)
			}
		})
	}
}

// TestConcurrentSameIDs adds one stream from many goroutines at once, so that
// each id is added concurrently many times, some with another content: each
// document is added once, every other call is a repeat of that assignment or
// ErrReusedID, and the clusters hold each document once.
func TestConcurrentSameIDs(t *testing.T) {
	docs := stream(t)
	c, err := dedup.New(small...)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	const goroutines = 12
	type result struct {
		a   dedup.Assignment
		err error
	}
	results := make([][]result, goroutines)
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			for i := range docs {
				d := docs[(i+g)%len(docs)]
				if g%4 == 3 {
					d.Text += " (edited)"
				}
				a, err := c.Add(context.Background(), d)
				results[g] = append(results[g], result{a, err})
			}
		})
	}
	wg.Wait()
	added := map[string]dedup.Assignment{}
	for _, rs := range results {
		for _, r := range rs {
			if r.err == nil && !r.a.Repeat {
				if _, ok := added[r.a.ID]; ok {
					t.Errorf("%s added twice", r.a.ID)
				}
				added[r.a.ID] = r.a
			}
		}
	}
	for _, rs := range results {
		for _, r := range rs {
			first, ok := added[r.a.ID]
			switch {
			case !ok:
				t.Errorf("%s never added", r.a.ID)
			case r.err != nil && !errors.Is(r.err, dedup.ErrReusedID):
				t.Errorf("%s: unexpected error %v", r.a.ID, r.err)
			case r.err == nil && r.a.Cluster != first.Cluster:
				t.Errorf("%s: repeat in %s, added to %s", r.a.ID, r.a.Cluster, first.Cluster)
			}
		}
	}
	n := 0
	for cl := range c.Clusters() {
		n += len(cl.Docs)
	}
	if n != len(docs) || len(added) != len(docs) {
		t.Errorf("clusters hold %d documents, %d added; want %d", n, len(added), len(docs))
	}
}

// TestCloseWhileStreaming closes a Clusterer while AddAll streams and Add,
// Flush and Clusters run on other goroutines: every call returns a result or
// ErrClosed, and nothing panics or hangs.
func TestCloseWhileStreaming(t *testing.T) {
	docs := stream(t)
	for _, at := range []int{0, 5, 20} {
		t.Run(strconv.Itoa(at), func(t *testing.T) {
			c, err := dedup.New(small...)
			if err != nil {
				t.Fatal(err)
			}
			var wg sync.WaitGroup
			errs := make(chan error, 16*len(docs))
			closed := make(chan struct{})
			wg.Go(func() {
				i := 0
				for a, err := range c.AddAll(context.Background(), slices.Values(docs)) {
					if err != nil {
						errs <- err
					} else if a.Cluster == "" {
						errs <- fmt.Errorf("%s: no cluster", a.ID)
					}
					if i++; i == at {
						close(closed)
						errs <- c.Close()
					}
				}
				if at >= len(docs) {
					close(closed)
				}
			})
			for g := range 3 {
				wg.Go(func() {
					for _, d := range docs {
						d.ID += "-" + strconv.Itoa(g)
						if _, err := c.Add(context.Background(), d); err != nil {
							errs <- err
						}
						if g == 1 {
							errs <- c.Flush()
						}
					}
				})
			}
			wg.Go(func() {
				for {
					for range c.Clusters() {
					}
					select {
					case <-closed:
						return
					default:
					}
				}
			})
			if at == 0 {
				close(closed)
				errs <- c.Close()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				if err != nil && !errors.Is(err, dedup.ErrClosed) {
					t.Errorf("unexpected error: %v", err)
				}
			}
		})
	}
}

// TestAddAllCancelled checks that cancelling the context of AddAll is
// reported, at whatever point: before the first document, or during the
// stream, and that every document is reported or assigned before it.
func TestAddAllCancelled(t *testing.T) {
	docs := stream(t)
	// In stream order each document is assigned as it comes, so that the
	// cancellation finds documents not yet added (see TestReorderCancelled
	// for documents held in a block).
	c, err := dedup.New(dedup.WithReorder(1))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for _, at := range []int{-1, 0, 3} {
		t.Run(strconv.Itoa(at), func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if at < 0 {
				cancel()
			}
			n, cancelled := 0, 0
			for a, err := range c.AddAll(ctx, slices.Values(docs)) {
				switch {
				case errors.Is(err, context.Canceled):
					cancelled++
				case err != nil:
					t.Errorf("%s: %v", a.ID, err)
				}
				if n++; n-1 == at {
					cancel()
				}
			}
			if cancelled == 0 {
				t.Errorf("%d results, none reports the cancellation", n)
			}
		})
	}
}

// TestOddTimes checks publication times at the edges: one far in the future
// is ignored (taken at its word, it would close every open cluster, and the
// copies after it would start new ones), and the times of the cluster
// listing are right for the Unix epoch and for years beyond the range of
// Unix nanoseconds.
func TestOddTimes(t *testing.T) {
	c, err := dedup.New()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	add := func(id string, published time.Time) dedup.Assignment {
		t.Helper()
		d := storm
		d.ID, d.Published = id, published
		a, err := c.Add(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	first := add("first", storm.Published)
	for _, tt := range []struct {
		id        string
		published time.Time
		ignored   bool
	}{
		{"year-9999", time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC), true},
		{"next-week", time.Now().Add(7 * 24 * time.Hour), true},
		{"copy-after", storm.Published.Add(time.Hour), false},
	} {
		a := add(tt.id, tt.published)
		if a.IgnoredTime != tt.ignored {
			t.Errorf("%s: IgnoredTime = %v, want %v", tt.id, a.IgnoredTime, tt.ignored)
		}
	}
	if a := add("copy-later", storm.Published.Add(2*time.Hour)); a.Cluster != first.Cluster || a.DuplicateOf != "first" {
		t.Errorf("a copy after the odd times: %+v, want a copy of first in %s", a, first.Cluster)
	}
	if a := add("in-an-hour", time.Now().Add(time.Hour)); a.IgnoredTime {
		t.Errorf("a time an hour ahead is ignored: %+v", a)
	}

	for _, when := range []time.Time{
		time.Unix(0, 0).UTC(),
		time.Date(1, 1, 1, 0, 0, 1, 0, time.UTC),
		time.Date(1500, 6, 1, 12, 0, 0, 500, time.UTC),
	} {
		a := add("at-"+when.Format(time.RFC3339Nano), when)
		for cl := range c.Clusters() {
			if cl.ID == a.Cluster && (!cl.First.Equal(when) || !cl.Last.Equal(when)) {
				t.Errorf("cluster of a report of %v spans [%v, %v]", when, cl.First, cl.Last)
			}
		}
	}
}

// TestOpenInUse checks that an index has one writer: opening a directory
// that another Clusterer holds fails with ErrIndexInUse instead of waiting,
// and the directory opens again once the other is closed.
func TestOpenInUse(t *testing.T) {
	dir := t.TempDir()
	first, err := dedup.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := first.Add(context.Background(), storm); err != nil {
		t.Fatal(err)
	}
	second, err := dedup.Open(dir)
	if !errors.Is(err, dedup.ErrIndexInUse) {
		if second != nil {
			second.Close()
		}
		t.Fatalf("Open of a directory in use: %v, want ErrIndexInUse", err)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	again, err := dedup.Open(dir)
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	defer again.Close()
	a, err := again.Add(context.Background(), storm)
	if err != nil || !a.Repeat {
		t.Errorf("the document added by the first Clusterer: %+v, %v; want a repeat", a, err)
	}
}

// TestIndexRemoved checks that losing the index directory under a running
// Clusterer is reported: a later Add, Flush or Close returns an error, so
// that a pipeline does not take documents for saved when they are not.
func TestIndexRemoved(t *testing.T) {
	dir := t.TempDir()
	c, err := dedup.Open(dir, dedup.WithBatchSize(1))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := c.Add(ctx, storm); err != nil {
		t.Fatal(err)
	}
	if err := c.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	var errs []error
	for i := range 20 {
		d := storm
		d.ID = fmt.Sprintf("after-%d", i)
		d.Text = fmt.Sprintf("Update %d: %s", i, storm.Text)
		_, err := c.Add(ctx, d)
		errs = append(errs, err, c.Flush())
		time.Sleep(10 * time.Millisecond) // let the persister run
	}
	errs = append(errs, c.Close())
	if errors.Join(errs...) == nil {
		t.Errorf("the index directory was removed while in use, and no Add, Flush or Close reported it")
	}
}

// TestAddAllStopEarly checks that a consumer may stop ranging over AddAll
// while documents are still coming: the iteration returns at once.
func TestAddAllStopEarly(t *testing.T) {
	c, err := dedup.New()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	docs := func(yield func(dedup.Document) bool) {
		for i := range 1000 {
			d := storm
			d.ID = fmt.Sprintf("early-%d", i)
			if !yield(d) {
				return
			}
		}
	}
	done := make(chan int)
	go func() {
		n := 0
		for range c.AddAll(context.Background(), docs) {
			n++
			if n == 3 {
				break
			}
		}
		done <- n
	}()
	select {
	case n := <-done:
		if n != 3 {
			t.Errorf("got %d assignments before stopping, want 3", n)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("AddAll did not return after the consumer stopped")
	}
}

// TestZeroClusterer checks that the zero Clusterer, which is not usable,
// answers every method with ErrClosed instead of panicking, and that a nil
// stream adds nothing.
func TestZeroClusterer(t *testing.T) {
	var c dedup.Clusterer
	ctx := context.Background()
	if _, err := c.Add(ctx, storm); !errors.Is(err, dedup.ErrClosed) {
		t.Errorf("Add: %v, want ErrClosed", err)
	}
	for _, err := range c.AddAll(ctx, slices.Values([]dedup.Document{storm})) {
		if !errors.Is(err, dedup.ErrClosed) {
			t.Errorf("AddAll: %v, want ErrClosed", err)
		}
	}
	if _, err := c.Compare(ctx, storm, storm); !errors.Is(err, dedup.ErrClosed) {
		t.Errorf("Compare: %v, want ErrClosed", err)
	}
	if err := c.Flush(); !errors.Is(err, dedup.ErrClosed) {
		t.Errorf("Flush: %v, want ErrClosed", err)
	}
	if err := c.Close(); !errors.Is(err, dedup.ErrClosed) {
		t.Errorf("Close: %v, want ErrClosed", err)
	}
	for cl := range c.Clusters() {
		t.Errorf("Clusters yields %v, want nothing", cl)
	}

	open, err := dedup.New()
	if err != nil {
		t.Fatal(err)
	}
	defer open.Close()
	for a, err := range open.AddAll(ctx, nil) {
		t.Errorf("AddAll(nil) yields %v, %v; want nothing", a, err)
	}
}

// TestAddAllCancelWhileWaiting checks that cancelling ctx ends AddAll while
// the stream is waiting for its next document, as a live feed does.
func TestAddAllCancelWhileWaiting(t *testing.T) {
	c, err := dedup.New()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	release := make(chan struct{})
	defer close(release)
	docs := func(yield func(dedup.Document) bool) {
		if !yield(storm) {
			return
		}
		<-release // the feed has nothing more for now
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		var last error
		for _, err := range c.AddAll(ctx, docs) {
			if err == nil {
				cancel() // the first document is in: stop while the feed waits
			}
			last = err
		}
		done <- last
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("last result %v, want the cancellation", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("AddAll did not return after ctx was cancelled while the stream waited")
	}
}
