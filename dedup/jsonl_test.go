package dedup

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestReadJSONL(t *testing.T) {
	in := strings.Join([]string{
		`{"id": "a", "title": "T", "published": "2022-01-07T08:05:00+09:00", "lang": "ja", "extra": 1}`,
		``,
		`{"id": "", "title": "no id"}`,
		`{"id": "b"}`,
		`{"id": "c", "text": "x", "published": "yesterday"}`,
		`{"id": "d", "text": "x", "lang": "not a tag!"}`,
		`{"id": "e", "text": "x"`,
		`{"id": "f", "text": "x"}`,
	}, "\n")
	wantErrs := map[int]error{3: ErrMissingID, 4: ErrEmpty, 5: ErrBadTime, 6: ErrBadLang, 7: nil}
	var ids []string
	for d, err := range ReadJSONL(strings.NewReader(in)) {
		if err != nil {
			var le *LineError
			if !errors.As(err, &le) {
				t.Fatalf("error %v is not a *LineError", err)
			}
			want, ok := wantErrs[le.Line]
			if !ok || want != nil && !errors.Is(err, want) {
				t.Errorf("line %d: %v, want %v", le.Line, err, want)
			}
			delete(wantErrs, le.Line)
			continue
		}
		ids = append(ids, d.ID)
		if d.ID == "a" && (d.Published.Equal(time.Time{}) || Lang(d.Lang) != "ja") {
			t.Errorf("a: published %v, lang %v", d.Published, d.Lang)
		}
	}
	if len(wantErrs) > 0 {
		t.Errorf("lines not reported: %v", wantErrs)
	}
	if strings.Join(ids, " ") != "a f" {
		t.Errorf("documents %q, want a f", ids)
	}
}

// FuzzReadJSONL checks that any input yields documents with ids and line
// errors with line numbers within the input, and never panics.
func FuzzReadJSONL(f *testing.F) {
	f.Add(`{"id": "a", "title": "T"}` + "\n" + `{"id": 1}`)
	f.Add("\n\n{\"id\": \"x\", \"text\": \"\\u0000\"}\r\n")
	f.Add("{\"id\": \"\xff\", \"text\": \"t\"}")
	f.Fuzz(func(t *testing.T, in string) {
		lines := strings.Count(in, "\n") + 1
		for d, err := range ReadJSONL(strings.NewReader(in)) {
			var le *LineError
			switch {
			case err == nil && d.ID == "":
				t.Errorf("document without id from %q", in)
			case err != nil && !errors.As(err, &le):
				t.Errorf("error %v is not a *LineError", err)
			case err != nil && (le.Line < 1 || le.Line > lines):
				t.Errorf("line %d of %d", le.Line, lines)
			}
		}
	})
}
