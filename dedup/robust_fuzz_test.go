package dedup_test

import (
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/eventdedup/eventdedup/dedup"
	"github.com/eventdedup/eventdedup/jsonl"
)

// testdataDocs reads the valid documents of the JSON Lines files of testdata
// that the fuzz tests are seeded from.
func testdataDocs(f *testing.F) []dedup.Document {
	f.Helper()
	var docs []dedup.Document
	for _, name := range []string{"twoplustwo.jsonl", "robust-lines.jsonl"} {
		r, err := os.Open(filepath.Join("..", "testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		for d, err := range jsonl.Read(r) {
			if err == nil {
				docs = append(docs, d)
			}
		}
		r.Close()
	}
	return docs
}

// FuzzAdd adds four documents made of two fuzzed ones (each alone, their
// mixture, and the first again with another time) to two fresh Clusterers,
// and checks that Add never panics, fails only for an empty document, gives
// the same assignments on both (assignment is deterministic), scores in
// [0, 1], writes evidence in valid UTF-8, repeats a document added again
// and rejects its id with another content.
func FuzzAdd(f *testing.F) {
	docs := testdataDocs(f)
	for i, d := range docs {
		e := docs[(i+1)%len(docs)]
		f.Add(d.Title, d.Text, e.Title, e.Text, int16(e.Published.Sub(d.Published).Hours()))
	}
	f.Add("", "", "", "", int16(0))
	f.Add("\xff\xfe", "\u200b\u202e", "🔥", "!!!", int16(-1))
	f.Fuzz(func(t *testing.T, title1, text1, title2, text2 string, hours int16) {
		t0 := time.Date(2023, 5, 4, 12, 0, 0, 0, time.UTC)
		in := []dedup.Document{
			{ID: "a", Title: title1, Text: text1, Published: t0},
			{ID: "b", Title: title2, Text: text2, Published: t0.Add(time.Duration(hours) * time.Hour)},
			{ID: "c", Title: title1 + " " + title2, Text: text2 + "\n" + text1, Published: t0.Add(time.Hour)},
			{ID: "d", Title: title1, Text: text1},
		}
		first, errs1 := addFresh(t, in)
		second, errs2 := addFresh(t, in)
		for i, d := range in {
			empty := d.Title == "" && d.Text == ""
			switch {
			case empty && !errors.Is(errs1[i], dedup.ErrInvalid):
				t.Fatalf("%s: empty document added: %+v, %v", d.ID, first[i], errs1[i])
			case !empty && errs1[i] != nil:
				t.Fatalf("%s: %v", d.ID, errs1[i])
			case (errs1[i] == nil) != (errs2[i] == nil):
				t.Fatalf("%s: errors differ between runs: %v, %v", d.ID, errs1[i], errs2[i])
			}
			a := first[i]
			if !reflect.DeepEqual(a, second[i]) {
				t.Fatalf("%s: not deterministic:\n%+v\n%+v", d.ID, a, second[i])
			}
			if math.IsNaN(a.Score) || a.Score < 0 || a.Score > 1 {
				t.Fatalf("%s: score %v", d.ID, a.Score)
			}
			if s := evidenceText(a.Evidence); !utf8.ValidString(s) {
				t.Fatalf("%s: evidence not valid UTF-8: %q", d.ID, s)
			}
			for k, v := range a.Evidence.Parts {
				if math.IsNaN(v) || v < 0 || v > 1 {
					t.Fatalf("%s: evidence part %s = %v", d.ID, k, v)
				}
			}
		}
	})
}

// addFresh adds docs to a new Clusterer, then adds the first again, as it is
// and with another text, and returns the assignments and errors of docs.
func addFresh(t *testing.T, docs []dedup.Document) ([]dedup.Assignment, []error) {
	c, err := dedup.New()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	as, errs := make([]dedup.Assignment, len(docs)), make([]error, len(docs))
	for i, d := range docs {
		as[i], errs[i] = c.Add(ctx, d)
	}
	if errs[0] == nil {
		again, err := c.Add(ctx, docs[0])
		if err != nil || !again.Repeat || again.Cluster != as[0].Cluster {
			t.Fatalf("added again: %+v, %v; want a repeat in %s", again, err, as[0].Cluster)
		}
		other := docs[0]
		other.Text += " (updated)"
		if _, err := c.Add(ctx, other); !errors.Is(err, dedup.ErrReusedID) {
			t.Fatalf("added with another text: %v, want ErrReusedID", err)
		}
	}
	return as, errs
}
