package dedup

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Errors reported for bad input lines, wrapped in a *LineError.
var (
	ErrMissingID = errors.New("missing or empty \"id\"")
	ErrEmpty     = errors.New("document has neither title nor text")
	ErrBadTime   = errors.New("\"published\" is not an RFC 3339 time")
	ErrBadLang   = errors.New("\"lang\" is not a BCP 47 language tag")
	ErrTooLong   = errors.New("line too long")
)

// MaxLineBytes is the longest JSON Lines input line ReadJSONL accepts.
const MaxLineBytes = 64 << 20

// LineError is the error for one bad input line.
type LineError struct {
	// Line is the 1-based line number.
	Line int
	// ID is the document id when it could be read.
	ID string
	// Err is the reason.
	Err error
}

func (e *LineError) Error() string {
	if e.ID != "" {
		return fmt.Sprintf("line %d (id %q): %v", e.Line, e.ID, e.Err)
	}
	return fmt.Sprintf("line %d: %v", e.Line, e.Err)
}

func (e *LineError) Unwrap() error { return e.Err }

// jsonDocument is the JSON Lines form of a Document. Unknown fields are
// ignored.
type jsonDocument struct {
	ID        *string `json:"id"`
	Title     string  `json:"title"`
	Text      string  `json:"text"`
	Published string  `json:"published"`
	Source    string  `json:"source"`
	URL       string  `json:"url"`
	Lang      string  `json:"lang"`
}

// ParseJSON parses one JSON object into a Document. It checks the fields as
// ReadJSONL does; errors are not wrapped in a LineError.
func ParseJSON(data []byte) (Document, error) {
	var jd jsonDocument
	if err := json.Unmarshal(data, &jd); err != nil {
		return Document{}, fmt.Errorf("invalid JSON: %w", err)
	}
	var d Document
	if jd.ID == nil || strings.TrimSpace(*jd.ID) == "" {
		return d, ErrMissingID
	}
	d = Document{ID: *jd.ID, Title: jd.Title, Text: jd.Text, Source: jd.Source, URL: jd.URL, Lang: language.Und}
	if strings.TrimSpace(d.Title) == "" && strings.TrimSpace(d.Text) == "" {
		return d, ErrEmpty
	}
	if jd.Published != "" {
		t, err := time.Parse(time.RFC3339, jd.Published)
		if err != nil {
			return d, fmt.Errorf("%w: %q", ErrBadTime, jd.Published)
		}
		d.Published = t
	}
	if jd.Lang != "" {
		t, err := language.Parse(jd.Lang)
		if err != nil {
			return d, fmt.Errorf("%w: %q", ErrBadLang, jd.Lang)
		}
		d.Lang = t
	}
	return d, nil
}

// ReadJSONL reads documents in the JSON Lines format, one object per line
// with the fields id (required), title, text, published (RFC 3339), source,
// url and lang. Blank lines are skipped. A bad line yields a *LineError and
// reading goes on with the next line; a read error from r is yielded and ends
// the sequence.
//
// JSON strings with invalid UTF-8 are decoded with U+FFFD replacements, as
// encoding/json does.
func ReadJSONL(r io.Reader) iter.Seq2[Document, error] {
	return func(yield func(Document, error) bool) {
		br := bufio.NewReaderSize(r, 64<<10)
		line := 0
		for {
			data, err := readLine(br)
			if len(data) == 0 && err != nil && !errors.Is(err, ErrTooLong) {
				// end of input, or a read error, after the last line
				if err != io.EOF {
					yield(Document{}, err)
				}
				return
			}
			line++
			if errors.Is(err, ErrTooLong) {
				if !yield(Document{}, &LineError{Line: line, Err: fmt.Errorf("%w: more than %d bytes", ErrTooLong, MaxLineBytes)}) {
					return
				}
				continue
			}
			if len(bytes.TrimSpace(data)) > 0 {
				if !utf8.Valid(data) {
					data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
				}
				d, perr := ParseJSON(data)
				if perr != nil {
					if !yield(Document{}, &LineError{Line: line, ID: d.ID, Err: perr}) {
						return
					}
				} else if !yield(d, nil) {
					return
				}
			}
			if err == io.EOF {
				return
			}
			if err != nil {
				yield(Document{}, err)
				return
			}
		}
	}
}

// readLine reads one line without its terminator. It returns ErrTooLong after
// discarding the rest of a line longer than MaxLineBytes.
func readLine(br *bufio.Reader) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(buf)+len(chunk) > MaxLineBytes {
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
