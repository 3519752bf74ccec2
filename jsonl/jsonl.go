// Package jsonl reads news reports (news.Document) in the JSON Lines format,
// one JSON object per line, and reports each bad line as a *LineError with
// its number and reason, going on with the next. It does not import the
// index or the analyzers of package dedup.
package jsonl

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/eventdedup/eventdedup/news"
	"golang.org/x/text/language"
)

// Errors reported for bad input lines, wrapped in a *LineError.
var (
	ErrMissingID = errors.New("missing or empty \"id\"")
	ErrEmpty     = errors.New("document has neither title nor text")
	ErrBadTime   = errors.New("\"published\" is not a time")
	ErrBadID     = errors.New("\"id\" is neither a string nor a number")
	ErrBadLang   = errors.New("\"lang\" is not a BCP 47 language tag") // a warning: the hint is ignored
	ErrTooLong   = errors.New("line too long")
	// ErrBadUTF8 is the reason for a line that is not valid UTF-8. In the
	// id it rejects the line, since the id could not be given back as it
	// was; elsewhere it is a warning, and the bad bytes are replaced by
	// U+FFFD.
	ErrBadUTF8 = errors.New("invalid UTF-8")
)

// MaxLineBytes is the longest JSON Lines input line Read accepts. A
// longer line is rejected with ErrTooLong without being held in memory
// whole, and reading goes on with the next line. Texts much shorter than
// this are already truncated by the Clusterer (see WithMaxText).
const MaxLineBytes = 64 << 20

// LineError is the error, or the warning, for one bad input line.
type LineError struct {
	// Line is the 1-based line number.
	Line int
	// ID is the document id when it could be read.
	ID string
	// Warning reports that the line was not rejected: the problem was
	// repaired (see Line.Warnings).
	Warning bool
	// Err is the reason.
	Err error
}

// Error formats the error as "line N: reason", with "id \"x\": " before the
// reason when the id is known and "warning: " for a warning.
func (e *LineError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "line %d: ", e.Line)
	if e.Warning {
		b.WriteString("warning: ")
	}
	if e.ID != "" {
		fmt.Fprintf(&b, "id %q: ", e.ID)
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the reason.
func (e *LineError) Unwrap() error { return e.Err }

// Line is one document read from JSON Lines input.
type Line struct {
	// N is the 1-based line number.
	N int
	// Doc is the document. A line rejected only for its "published"
	// (ErrBadTime) has the rest of its document here, without a time, for
	// a reader that does not need it.
	Doc news.Document
	// Warnings are the problems of the line that were repaired rather than
	// rejected, each a *LineError with Warning set: invalid UTF-8 outside
	// the id, replaced by U+FFFD (ErrBadUTF8).
	Warnings []error
}

// jsonDocument is the JSON Lines form of a news.Document. Unknown fields are
// ignored.
type jsonDocument struct {
	ID        json.RawMessage `json:"id"`        // a string or a number
	Title     string          `json:"title"`     //
	Text      string          `json:"text"`      //
	Published json.RawMessage `json:"published"` // a string or a number
	Source    string          `json:"source"`    //
	URL       string          `json:"url"`       //
	Lang      string          `json:"lang"`      //
}

// Parse parses one JSON object into a news.Document. It checks the fields as
// Read does; errors are not wrapped in a LineError. Invalid UTF-8 in a
// string is replaced by U+FFFD, except in the id, where it is an error
// (ErrBadUTF8). A "lang" hint that is not a BCP 47 tag is ignored (the
// language is detected from the text; Lines warns of it).
func Parse(data []byte) (news.Document, error) {
	d, _, err := parse(data)
	return d, err
}

// parse is Parse, with the problems it repaired (warnings).
func parse(data []byte) (d news.Document, warnings []error, err error) {
	var jd jsonDocument
	if err := json.Unmarshal(data, &jd); err != nil {
		return news.Document{}, nil, jsonError(err)
	}
	id, err := scalar(jd.ID)
	if err != nil {
		return d, nil, ErrBadID
	}
	if strings.TrimSpace(id) == "" {
		return d, nil, ErrMissingID
	}
	if !utf8.Valid(data) && !validID(data) {
		return d, nil, fmt.Errorf("\"id\": %w", ErrBadUTF8)
	}
	d = news.Document{ID: id, Title: jd.Title, Text: jd.Text, Source: jd.Source, URL: jd.URL, Lang: language.Und}
	if strings.TrimSpace(d.Title) == "" && strings.TrimSpace(d.Text) == "" {
		return d, nil, ErrEmpty
	}
	if jd.Lang != "" {
		t, err := language.Parse(jd.Lang)
		if err != nil {
			warnings = append(warnings, fmt.Errorf("%w: %q, ignored", ErrBadLang, jd.Lang))
		} else {
			d.Lang = t
		}
	}
	// The time last, so that a document rejected for it alone is otherwise
	// complete (see Line.Doc).
	published, err := scalar(jd.Published)
	if err != nil {
		return d, warnings, fmt.Errorf("%w: %s", ErrBadTime, jd.Published)
	}
	if strings.TrimSpace(published) != "" {
		t, warning, err := parsePublished(published)
		if err != nil {
			return d, warnings, err
		}
		if warning != nil {
			warnings = append(warnings, warning)
		}
		d.Published = t
	}
	return d, warnings, nil
}

// scalar returns a JSON string's value, or a JSON number's digits as
// written (a number in exponent form in decimal digits), or "" for null or
// nothing. Any other JSON value is an error.
func scalar(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	switch {
	case len(raw) == 0 || string(raw) == "null":
		return "", nil
	case raw[0] == '"':
		var s string
		err := json.Unmarshal(raw, &s)
		return s, err
	case raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9':
		if !bytes.ContainsAny(raw, "eE") {
			return string(raw), nil
		}
		f, err := strconv.ParseFloat(string(raw), 64)
		return strconv.FormatFloat(f, 'f', -1, 64), err
	}
	return "", errors.New("neither a string nor a number")
}

// ID is an id as JSON Lines input writes it, for the readers of files that
// name documents (gold labels, predictions): a JSON string, or a number read
// as written (42 is "42"), as Read reads a document's "id". null is "".
// Any other JSON value is an error.
type ID string

// UnmarshalJSON implements json.Unmarshaler.
func (id *ID) UnmarshalJSON(data []byte) error {
	s, err := scalar(data)
	if err != nil {
		return fmt.Errorf("an id is %w: %.40s", err, data)
	}
	*id = ID(s)
	return nil
}

// jsonError describes a JSON decoding error without Go's type names.
func jsonError(err error) error {
	var te *json.UnmarshalTypeError
	switch {
	case !errors.As(err, &te):
	case te.Field == "":
		return fmt.Errorf("invalid JSON: want an object, got %s", te.Value)
	default:
		return fmt.Errorf("invalid JSON: %q is a %s, want a %s", te.Field, te.Value, te.Type)
	}
	return fmt.Errorf("invalid JSON: %w", err)
}

// validID reports whether the raw id of a JSON object is valid UTF-8.
func validID(data []byte) bool {
	var raw struct {
		ID json.RawMessage `json:"id"`
	}
	return json.Unmarshal(data, &raw) == nil && utf8.Valid(raw.ID)
}

// Read reads documents in the JSON Lines format, one object per line
// with the fields id (required), title, text, published (see below), source,
// url and lang. Blank lines are skipped, and so is a byte order mark. A bad
// line yields a *LineError and reading goes on with the next line; a read
// error from r is yielded and ends the sequence.
//
// The id is a string or a number, read as the digits written (123 is "123").
// The time published is RFC 3339, an RSS date (RFC 822 or RFC 1123, with a
// zone offset or name), a date (midnight UTC), a date-time without a zone
// (read as UTC, with the warning ErrNoZone), or a Unix time in seconds or
// milliseconds, a JSON number or a string of digits.
//
// Invalid UTF-8 in a string other than the id is replaced by U+FFFD; Lines
// reports it, with the line number of each document.
func Read(r io.Reader) iter.Seq2[news.Document, error] {
	return func(yield func(news.Document, error) bool) {
		for l, err := range Lines(r) {
			if !yield(l.Doc, err) {
				return
			}
		}
	}
}

// Lines reads documents as Read does, with their line numbers and the
// problems repaired in them.
func Lines(r io.Reader) iter.Seq2[Line, error] { return lines(r, MaxLineBytes) }

func lines(r io.Reader, maxLine int) iter.Seq2[Line, error] {
	return func(yield func(Line, error) bool) {
		for raw, err := range rawLines(r, maxLine) {
			if errors.As(err, new(*LineError)) {
				if !yield(Line{N: raw.N}, err) {
					return
				}
				continue
			}
			if err != nil {
				yield(Line{}, err)
				return
			}
			if len(bytes.TrimSpace(raw.Data)) == 0 {
				continue
			}
			if !yield(parseLine(raw)) {
				return
			}
		}
	}
}

// parseLine parses the document of a non-blank line.
func parseLine(raw Raw) (Line, error) {
	line := raw.N
	l := Line{N: line}
	d, warnings, err := parse(raw.Data)
	if err != nil && !errors.Is(err, ErrBadTime) {
		return l, &LineError{Line: line, ID: d.ID, Err: err}
	}
	l.Doc = d
	for _, w := range warnings {
		l.Warnings = append(l.Warnings, &LineError{Line: line, ID: d.ID, Warning: true, Err: w})
	}
	if err != nil {
		return l, &LineError{Line: line, ID: d.ID, Err: err}
	}
	if !utf8.Valid(raw.Data) {
		l.Warnings = append(l.Warnings, &LineError{Line: line, ID: d.ID, Warning: true, Err: fmt.Errorf("%w replaced by U+FFFD", ErrBadUTF8)})
	}
	return l, nil
}

// Raw is one line of input as read.
type Raw struct {
	// N is the 1-based line number.
	N int
	// Data is the line without its line end (and, on the first line,
	// without a byte order mark). It belongs to the caller: later lines do
	// not reuse it.
	Data []byte
}

// RawLines reads the lines of r, blank ones included, without parsing them:
// it is the reader of Lines, for lines of another form (pairs of documents,
// gold labels, tab-separated names). A line longer than MaxLineBytes yields a
// *LineError wrapping ErrTooLong, without being held in memory whole, and
// reading goes on with the next line; a read error from r is yielded and ends
// the sequence.
func RawLines(r io.Reader) iter.Seq2[Raw, error] { return rawLines(r, MaxLineBytes) }

// bufferBytes is the size of the read buffer: lines up to this length are
// read without copying their pieces together.
const bufferBytes = 64 << 10

func rawLines(r io.Reader, maxLine int) iter.Seq2[Raw, error] {
	return func(yield func(Raw, error) bool) {
		br := bufio.NewReaderSize(r, bufferBytes)
		for line := 1; ; line++ {
			data, err := readLine(br, maxLine)
			if len(data) == 0 && err != nil && !errors.Is(err, ErrTooLong) {
				// end of input, or a read error, after the last line
				if err != io.EOF {
					yield(Raw{}, err)
				}
				return
			}
			if errors.Is(err, ErrTooLong) {
				if !yield(Raw{N: line}, &LineError{Line: line, Err: fmt.Errorf("%w: more than %d bytes", ErrTooLong, maxLine)}) {
					return
				}
				continue
			}
			if line == 1 {
				data = bytes.TrimPrefix(data, []byte("\uFEFF"))
			}
			if !yield(Raw{N: line, Data: data}, nil) {
				return
			}
			if err == io.EOF {
				return
			}
			if err != nil {
				yield(Raw{}, err)
				return
			}
		}
	}
}

// readLine reads one line without its terminator. It returns ErrTooLong after
// discarding the rest of a line longer than maxLine bytes: at most maxLine
// bytes of a line are held in memory.
func readLine(br *bufio.Reader, maxLine int) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		n := len(chunk)
		if err == nil {
			n-- // the terminator
		}
		if len(buf)+n > maxLine {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			if err != nil && err != io.EOF {
				return nil, err
			}
			return nil, ErrTooLong
		}
		buf = append(buf, chunk...)
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err != nil:
			return buf, err
		}
		buf = bytes.TrimSuffix(buf, []byte("\n"))
		buf = bytes.TrimSuffix(buf, []byte("\r"))
		return buf, nil
	}
}
