package jsonl

import (
	"errors"
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/eventdedup/eventdedup/news"
	"golang.org/x/text/language"
)

// TestLinesBad checks every kind of bad line: each is reported with its
// line number and reason, a repaired one as a warning, and the valid lines
// around it are still read.
func TestLinesBad(t *testing.T) {
	const valid = `{"id": "ok", "title": "Storm Arwen hits Scotland"}`
	tests := []struct {
		name    string
		line    string
		err     error // the reason of the rejection, nil for a kept line
		warning error // the reason of a warning on a kept line
		check   func(news.Document) bool
	}{
		{name: "malformed JSON is rejected", line: `{"id": "a", "title": `, err: errAnyJSON},
		{name: "an array is not a document", line: `[1, 2]`, err: errAnyJSON},
		{name: "a number id is read as its digits", line: `{"id": 5, "title": "t"}`, check: func(d news.Document) bool { return d.ID == "5" }},
		{name: "a long number id keeps every digit", line: `{"id": 12345678901234567890, "title": "t"}`, check: func(d news.Document) bool { return d.ID == "12345678901234567890" }},
		{name: "a decimal id as written", line: `{"id": -1.50, "title": "t"}`, check: func(d news.Document) bool { return d.ID == "-1.50" }},
		{name: "a boolean id is rejected", line: `{"id": true, "title": "t"}`, err: ErrBadID},
		{name: "an object id is rejected", line: `{"id": {"x": 1}, "title": "t"}`, err: ErrBadID},
		{name: "a null id is missing", line: `{"id": null, "title": "t"}`, err: ErrMissingID},
		{name: "published RFC 1123 (RSS)", line: `{"id": "a", "title": "t", "published": "Fri, 07 Jan 2022 08:05:00 GMT"}`, check: at(time.Date(2022, 1, 7, 8, 5, 0, 0, time.UTC))},
		{name: "published RSS with a zone name", line: `{"id": "a", "title": "t", "published": "Fri, 7 Jan 2022 03:05:00 EST"}`, check: at(time.Date(2022, 1, 7, 8, 5, 0, 0, time.UTC))},
		{name: "published RFC 822, two-digit year", line: `{"id": "a", "title": "t", "published": "07 Jan 22 08:05 +0000"}`, check: at(time.Date(2022, 1, 7, 8, 5, 0, 0, time.UTC))},
		{
			name: "published with an unknown zone name is read as UTC, with a warning", line: `{"id": "a", "title": "t", "published": "Fri, 07 Jan 2022 08:05:00 IST"}`,
			warning: ErrUnknownZone, check: at(time.Date(2022, 1, 7, 8, 5, 0, 0, time.UTC)),
		},
		{name: "published a date", line: `{"id": "a", "title": "t", "published": "2022-01-07"}`, check: at(time.Date(2022, 1, 7, 0, 0, 0, 0, time.UTC))},
		{name: "published a date in words", line: `{"id": "a", "title": "t", "published": "7 Jan 2022"}`, check: at(time.Date(2022, 1, 7, 0, 0, 0, 0, time.UTC))},
		{
			name: "published without a zone is read as UTC, with a warning", line: `{"id": "a", "title": "t", "published": "2022-01-07 08:05:00"}`,
			warning: ErrNoZone, check: at(time.Date(2022, 1, 7, 8, 5, 0, 0, time.UTC)),
		},
		{name: "published Unix seconds", line: `{"id": "a", "title": "t", "published": 1641542700}`, check: at(time.Date(2022, 1, 7, 8, 5, 0, 0, time.UTC))},
		{name: "published Unix milliseconds", line: `{"id": "a", "title": "t", "published": 1641542700000}`, check: at(time.Date(2022, 1, 7, 8, 5, 0, 0, time.UTC))},
		{name: "published Unix seconds in a string", line: `{"id": "a", "title": "t", "published": "1641542700"}`, check: at(time.Date(2022, 1, 7, 8, 5, 0, 0, time.UTC))},
		{name: "published Unix seconds in exponent form", line: `{"id": "a", "title": "t", "published": 1.6415427e9}`, check: at(time.Date(2022, 1, 7, 8, 5, 0, 0, time.UTC))},
		{name: "published null is no time", line: `{"id": "a", "title": "t", "published": null}`, check: at(time.Time{})},
		{name: "published an object is rejected", line: `{"id": "a", "title": "t", "published": {"t": 1}}`, err: ErrBadTime},
		{name: "published a Unix time past 9999 is rejected", line: `{"id": "a", "title": "t", "published": 253402300800000}`, err: ErrBadTime},
		{name: "a missing id is rejected", line: `{"title": "t"}`, err: ErrMissingID},
		{name: "a blank id is rejected", line: `{"id": "  ", "title": "t"}`, err: ErrMissingID},
		{name: "an id with invalid UTF-8 could not be written back", line: "{\"id\": \"a\xff\", \"title\": \"t\"}", err: ErrBadUTF8},
		{name: "an unparsable published is rejected", line: `{"id": "a", "title": "t", "published": "last Friday"}`, err: ErrBadTime},
		{name: "an empty document is rejected", line: `{"id": "a", "title": " ", "text": ""}`, err: ErrEmpty},
		{
			name: "a bad language hint is ignored, with a warning: the hint is optional", line: `{"id": "a", "title": "t", "lang": "english!"}`,
			warning: ErrBadLang,
			check:   func(d news.Document) bool { return d.Lang == language.Und },
		},
		{
			name: "invalid UTF-8 in the text is replaced, with a warning", line: "{\"id\": \"a\", \"title\": \"t\xff\xfe\", \"text\": \"caf\xe9\"}",
			warning: ErrBadUTF8,
			check: func(d news.Document) bool {
				return utf8.ValidString(d.Title+d.Text) && strings.HasPrefix(d.Title, "t\uFFFD")
			},
		},
		{
			name: "a 5 MB article is read whole", line: `{"id": "a", "text": "` + strings.Repeat("Winds of 98 mph. ", 5<<20/17) + `"}`,
			check: func(d news.Document) bool { return len(d.Text) > 5<<20-17 },
		},
		{name: "unknown fields are ignored", line: `{"id": "a", "title": "t", "score": [1, {"x": null}]}`},
		{name: "a CRLF line end is not part of the line", line: `{"id": "a", "title": "t"}` + "\r"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := valid + "\n" + tt.line + "\n\n" + valid + "\n"
			var got []Line
			var errs []error
			for l, err := range Lines(strings.NewReader(in)) {
				if err != nil {
					errs = append(errs, err)
					continue
				}
				got = append(got, l)
			}
			wantDocs := 3
			if tt.err != nil {
				wantDocs = 2
				var le *LineError
				switch {
				case len(errs) != 1:
					t.Fatalf("errors %v, want one", errs)
				case !errors.As(errs[0], &le) || le.Line != 2 || le.Warning:
					t.Errorf("error %v, want a *LineError for line 2", errs[0])
				case tt.err != errAnyJSON && !errors.Is(errs[0], tt.err):
					t.Errorf("error %v, want %v", errs[0], tt.err)
				case tt.err == errAnyJSON && !strings.HasPrefix(errs[0].Error(), "line 2: invalid JSON"):
					t.Errorf("error %q, want \"line 2: invalid JSON…\"", errs[0])
				}
			} else if len(errs) > 0 {
				t.Fatalf("errors %v, want none", errs)
			}
			if len(got) != wantDocs {
				t.Fatalf("%d documents, want %d", len(got), wantDocs)
			}
			if last := got[len(got)-1]; last.N != 4 || last.Doc.ID != "ok" {
				t.Errorf("last document is %q on line %d, want ok on line 4", last.Doc.ID, last.N)
			}
			if tt.err != nil {
				return
			}
			l := got[1]
			if l.N != 2 {
				t.Errorf("document on line %d, want 2", l.N)
			}
			switch {
			case tt.warning == nil && len(l.Warnings) > 0:
				t.Errorf("warnings %v, want none", l.Warnings)
			case tt.warning != nil && (len(l.Warnings) != 1 || !errors.Is(l.Warnings[0], tt.warning)):
				t.Errorf("warnings %v, want %v", l.Warnings, tt.warning)
			case tt.warning != nil && !strings.HasPrefix(l.Warnings[0].Error(), "line 2: warning: "):
				t.Errorf("warning %q does not start with \"line 2: warning: \"", l.Warnings[0])
			}
			if tt.check != nil && !tt.check(l.Doc) {
				t.Errorf("document read wrong: %.200q", l.Doc.Title+" | "+l.Doc.Text)
			}
		})
	}
}

// at returns a check that a document was published at t.
func at(t time.Time) func(news.Document) bool {
	return func(d news.Document) bool { return d.Published.Equal(t) }
}

// errAnyJSON stands for any JSON syntax or type error.
var errAnyJSON = errors.New("invalid JSON")

// TestLinesTooLong checks that a line longer than the limit is rejected
// and the next lines are read, at a small limit and at MaxLineBytes.
func TestLinesTooLong(t *testing.T) {
	const valid = `{"id": "ok", "title": "t"}`
	long := `{"id": "long", "text": "` + strings.Repeat("x", 200) + `"}`
	for _, tt := range []struct {
		name string
		in   io.Reader
		max  int
	}{
		{"long line in the middle", strings.NewReader(valid + "\n" + long + "\n" + valid), 100},
		{"long line at the end", strings.NewReader(valid + "\n" + long), 100},
		{"a line of exactly the limit is kept", strings.NewReader(valid + "\n" + valid + "\n" + valid), len(valid)},
		{"line over MaxLineBytes, read lazily", io.MultiReader(
			strings.NewReader(valid+"\n"+`{"id": "huge", "text": "`),
			io.LimitReader(repeatReader('y'), MaxLineBytes+1),
			strings.NewReader("\"}\n"+valid+"\n"),
		), MaxLineBytes},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var read, errLines []int
			for l, err := range lines(tt.in, tt.max) {
				var le *LineError
				switch {
				case err == nil:
					read = append(read, l.N)
				case errors.As(err, &le) && errors.Is(err, ErrTooLong):
					errLines = append(errLines, le.Line)
				default:
					t.Fatalf("unexpected error %v", err)
				}
			}
			switch {
			case tt.max == len(valid):
				if len(read) != 3 || len(errLines) != 0 {
					t.Errorf("read %v read, %v too long; want 3 read", read, errLines)
				}
			case len(errLines) != 1 || errLines[0] != 2 || read[0] != 1 || len(read) != 1 && read[1] != 3:
				t.Errorf("read %v read, %v too long; want line 2 too long and the others read", read, errLines)
			}
		})
	}
}

// repeatReader is an endless reader of one byte.
type repeatReader byte

func (r repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

// TestLinesBOM checks that a byte order mark before the first line is
// skipped.
func TestLinesBOM(t *testing.T) {
	in := "\uFEFF" + `{"id": "a", "title": "t"}`
	n := 0
	for l, err := range Lines(strings.NewReader(in)) {
		if err != nil || l.Doc.ID != "a" {
			t.Errorf("got %+v, %v; want document a", l, err)
		}
		n++
	}
	if n != 1 {
		t.Errorf("%d results, want 1", n)
	}
}

// TestLinesReadError checks that a read error ends the sequence after
// the lines read before it.
func TestLinesReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	r := io.MultiReader(strings.NewReader(`{"id": "a", "title": "t"}`+"\n"), errReader{boom})
	var ids []string
	var last error
	for l, err := range Lines(r) {
		ids, last = append(ids, l.Doc.ID), err
	}
	if len(ids) != 2 || ids[0] != "a" || !errors.Is(last, boom) {
		t.Errorf("got %q, last error %v; want a then %v", ids, last, boom)
	}
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }
