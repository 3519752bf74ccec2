package jsonl

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/language"
)

func TestRead(t *testing.T) {
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
	wantErrs := map[int]error{3: ErrMissingID, 4: ErrEmpty, 5: ErrBadTime, 7: nil}
	var ids []string
	for d, err := range Read(strings.NewReader(in)) {
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
		if d.ID == "a" && (d.Published.Equal(time.Time{}) || d.Lang != language.Japanese) {
			t.Errorf("a: published %v, lang %v", d.Published, d.Lang)
		}
	}
	if len(wantErrs) > 0 {
		t.Errorf("lines not reported: %v", wantErrs)
	}
	if strings.Join(ids, " ") != "a d f" { // d's bad language hint is ignored
		t.Errorf("documents %q, want a d f", ids)
	}
}

// FuzzRead checks that any input yields documents with non-empty ids
// and valid UTF-8, line errors and warnings with line numbers within the
// input, in increasing order, and never panics. It is seeded from the JSON
// Lines files of testdata, whole and line by line.
func FuzzRead(f *testing.F) {
	f.Add(`{"id": "a", "title": "T"}` + "\n" + `{"id": 1}`)
	f.Add("\n\n{\"id\": \"x\", \"text\": \"\\u0000\"}\r\n")
	f.Add("{\"id\": \"\xff\", \"text\": \"t\"}")
	f.Add("{\"id\": \"a\", \"text\": \"t\xff\"}")
	for _, name := range []string{"robust-lines.jsonl", "twoplustwo.jsonl"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
		for line := range strings.Lines(string(data)) {
			f.Add(line)
		}
	}
	f.Fuzz(func(t *testing.T, in string) {
		lines := strings.Count(in, "\n") + 1
		last := 0
		for l, err := range Lines(strings.NewReader(in)) {
			n := l.N
			var le *LineError
			switch {
			case err != nil && !errors.As(err, &le):
				t.Fatalf("error %v is not a *LineError", err)
			case err != nil:
				n = le.Line
				if le.Warning {
					t.Errorf("line %d: rejected with a warning: %v", n, err)
				}
			case strings.TrimSpace(l.Doc.ID) == "" || l.Doc.Title == "" && l.Doc.Text == "":
				t.Errorf("line %d: document without id or content: %+v", n, l.Doc)
			case !utf8.ValidString(l.Doc.ID + l.Doc.Title + l.Doc.Text + l.Doc.Source + l.Doc.URL):
				t.Errorf("line %d: document not valid UTF-8: %+v", n, l.Doc)
			}
			for _, w := range l.Warnings {
				if !errors.As(w, &le) || !le.Warning || le.Line != n {
					t.Errorf("line %d: warning %v", n, w)
				}
			}
			if n <= last || n > lines {
				t.Errorf("line %d after line %d, of %d", n, last, lines)
			}
			last = n
		}
	})
}
