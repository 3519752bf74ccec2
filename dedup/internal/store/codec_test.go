package store

import (
	"reflect"
	"testing"
	"time"

	"github.com/eventdedup/eventdedup/dedup/internal/features"
	"github.com/eventdedup/eventdedup/news"
)

func TestCodecRoundTrip(t *testing.T) {
	x, err := features.NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	st := features.NewStats()
	for _, in := range []news.Document{
		{ID: "a", Title: "Blinken meets Hayashi in Tokyo", Text: "The 2+2 talks in Tokyo, 15,000 troops.", Published: time.Now()},
		{ID: "b", Text: "قال وزير الخارجية بلينكن إن المحادثات مفيدة"},
		{ID: "c", Text: "日米2プラス2、ブリンケン国務長官"},
		{ID: "d", Text: "x"},
		{ID: "e", Title: "The 2022 talks", Text: "Held in 2021 and in 2022."},
	} {
		e, err := x.Extract(in, "en")
		if err != nil {
			t.Fatal(err)
		}
		d := features.NewDoc(in.ID, e, in.Published)
		st.Update(d, 1)
		d.Weigh(st)
		got := &features.Doc{}
		if err := decodeFeatures(encodeFeatures(nil, d), got); err != nil {
			t.Fatalf("%s: %v", in.ID, err)
		}
		if in.ID == "e" && d.Year != 2022 {
			t.Errorf("e: year %d, want 2022", d.Year)
		}
		want := *d
		want.TermText, want.ID, want.Lang, want.Published = nil, "", "", time.Time{}
		if !reflect.DeepEqual(&want, got) {
			t.Errorf("%s: round trip:\n got %+v\nwant %+v", in.ID, got, &want)
		}
	}
}

// FuzzDecodeFeatures checks that no input makes decoding panic or allocate
// without bound, and that what decodes encodes back to the same bytes.
func FuzzDecodeFeatures(f *testing.F) {
	f.Add([]byte{codecVersion})
	f.Add(encodeFeatures(nil, &features.Doc{Script: "Latn", Ents: features.Vec{K: []uint64{1}, W: []float32{2}}, EntText: []string{"x"}, EntKey: []string{"k"}, EntKind: []features.Kind{features.KindPlace}, EntWeak: []bool{true}}))
	f.Add([]byte{codecVersion, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, b []byte) {
		var d features.Doc
		if err := decodeFeatures(b, &d); err != nil {
			return
		}
		if again := encodeFeatures(nil, &d); !reflect.DeepEqual(again, b) {
			t.Errorf("decoded features encode to %x, not %x", again, b)
		}
	})
}
