package jsonl_test

import (
	"fmt"
	"strings"

	"github.com/eventdedup/eventdedup/jsonl"
)

// ExampleLines reads documents with their line numbers: a bad line is
// reported with its number and reason, and reading goes on.
func ExampleLines() {
	in := strings.Join([]string{
		`{"id": "r1", "title": "Storm Arwen hits Scotland", "published": "2021-11-27T09:00:00Z", "lang": "en"}`,
		`{"id": "r2", "text": "no title, but a text", "published": "yesterday"}`,
		``,
		`{"title": "no id"}`,
		`{"id": "r4", "title": "Tormenta Arwen", "lang": "not a tag!"}`,
	}, "\n")
	for l, err := range jsonl.Lines(strings.NewReader(in)) {
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(l.N, l.Doc.ID, l.Doc.Title, l.Doc.Published.Format("2006-01-02"), l.Doc.Lang)
		for _, w := range l.Warnings {
			fmt.Println(w)
		}
	}
	// Output:
	// 1 r1 Storm Arwen hits Scotland 2021-11-27 en
	// line 2: id "r2": "published" is not a time: "yesterday" (want RFC 3339, an RSS date, a date, a date-time or a Unix time)
	// line 4: missing or empty "id"
	// 5 r4 Tormenta Arwen 0001-01-01 und
	// line 5: warning: id "r4": "lang" is not a BCP 47 language tag: "not a tag!", ignored
}
