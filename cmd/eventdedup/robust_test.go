package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/eventdedup/eventdedup/dedup"
	"github.com/eventdedup/eventdedup/jsonl"
)

// clusterLine is the part of a cluster output line the robustness tests
// check.
type clusterLine struct {
	ID          string
	Cluster     string
	New         bool
	Repeat      bool
	Truncated   bool
	DuplicateOf string `json:"duplicate_of"`
}

// TestClusterBadLine inserts one bad line among the valid ones and checks
// that it is reported on stderr as "line N: reason", rejected or repaired,
// that every valid document is still written, in order, and the exit status.
func TestClusterBadLine(t *testing.T) {
	valid := twoPlusTwo(t)
	var first struct{ ID, Title, Text, Published string }
	if err := json.Unmarshal([]byte(valid[0]), &first); err != nil {
		t.Fatal(err)
	}
	sameFirst, _ := json.Marshal(first)
	first.Text = "A different report under the same id."
	otherFirst, _ := json.Marshal(first)
	const at = 4 // the line number of the bad line
	tests := []struct {
		name   string
		line   string
		status int
		stderr string // a regular expression for stderr
		keep   bool   // the document is written
	}{
		{"malformed JSON", `{"id": "broken", "title": `, exitRejected, `^line 4: invalid JSON`, false},
		{"missing id", `{"title": "no id here"}`, exitRejected, `^line 4: missing or empty "id"`, false},
		{"id not valid UTF-8", "{\"id\": \"x\xff\", \"title\": \"t\"}", exitRejected, `^line 4: "id": invalid UTF-8`, false},
		{"unparsable published", `{"id": "p", "title": "t", "published": "last Friday"}`, exitRejected, `^line 4: id "p": "published" is not a time: "last Friday" \(want RFC 3339, an RSS date, a date, a date-time or a Unix time\)`, false},
		{"published an object", `{"id": "p", "title": "t", "published": {"t": 1}}`, exitRejected, `^line 4: id "p": "published" is not a time: \{"t": 1\}`, false},
		{"published past 9999", `{"id": "p", "title": "t", "published": 253402300800000}`, exitRejected, `^line 4: id "p": "published" is not a time: 253402300800000: a Unix time beyond the year 9999`, false},
		{"a boolean id", `{"id": true, "title": "t"}`, exitRejected, `^line 4: "id" is neither a string nor a number`, false},
		{"a numeric id", `{"id": 42, "title": "Blinken meets Hayashi"}`, exitOK, `^$`, true},
		{"RSS published", `{"id": "rss", "title": "t", "published": "Fri, 07 Jan 2022 08:05:00 GMT"}`, exitOK, `^$`, true},
		{"Unix published", `{"id": "unix", "title": "t", "published": 1641542700000}`, exitOK, `^$`, true},
		{"date published", `{"id": "day", "title": "t", "published": "2022-01-07"}`, exitOK, `^$`, true},
		{"published without zone", `{"id": "local", "title": "t", "published": "2022-01-07 08:05"}`, exitOK, `^line 4: warning: id "local": "published" has no time zone: read as UTC`, true},
		{"published with an unknown zone", `{"id": "ist", "title": "t", "published": "Fri, 07 Jan 2022 08:05:00 IST"}`, exitOK, `^line 4: warning: id "ist": "published" has an unknown time zone name, read as UTC: "IST"`, true},
		{"empty document", `{"id": "e", "title": "", "text": " "}`, exitRejected, `^line 4: id "e": document has neither title nor text`, false},
		{"reused id, other content", string(otherFirst), exitRejected, `^line 4: id "tp-en-1": dedup: id reused with different content`, false},
		{"reused id, same content", string(sameFirst), exitOK, `^$`, true},
		{"invalid UTF-8 in the title", "{\"id\": \"u\", \"title\": \"Blinken \xff meets Hayashi\"}", exitOK, `^line 4: warning: id "u": invalid UTF-8 replaced by U\+FFFD`, true},
		{"published in the far future", `{"id": "future", "title": "t", "published": "9999-12-31T23:59:59Z"}`, exitOK, `^line 4: warning: id "future": "published" is more than a day in the future: ignored`, true},
		{"5 MB article", `{"id": "big", "title": "Long", "text": "` + strings.Repeat("The ministers met again. ", 5<<20/25) + `"}`, exitOK, `^line 4: warning: id "big": title or text truncated to 1048576 bytes`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := slices.Concat(valid[:at-1], []string{tt.line}, valid[at-1:])
			status, out, stderr := runCmd(t, strings.Join(in, "\n")+"\n", "cluster")
			if status != tt.status {
				t.Errorf("status %d, want %d", status, tt.status)
			}
			stderr, summary := splitSummary(t, stderr)
			if !regexp.MustCompile(tt.stderr).MatchString(stderr) || strings.Count(stderr, "\n") > 1 {
				t.Errorf("stderr %q, want one line matching %q", stderr, tt.stderr)
			}
			rejected, warnings := 0, 0
			if strings.Contains(stderr, "warning:") {
				warnings = 1
			} else if tt.status == exitRejected {
				rejected = 1
			}
			if want := fmt.Sprintf(", %s rejected, %s in ", plural(rejected, "line"), plural(warnings, "warning")); !strings.Contains(summary, want) {
				t.Errorf("summary %q does not say %q", summary, want)
			}
			var want []string
			for i, line := range in {
				if i == at-1 && !tt.keep {
					continue
				}
				var d struct{ ID json.RawMessage }
				json.Unmarshal([]byte(line), &d)
				var id string
				if json.Unmarshal(d.ID, &id) != nil {
					id = string(d.ID) // a number, as written
				}
				want = append(want, strings.ToValidUTF8(id, "\uFFFD"))
			}
			var got []string
			for _, o := range decodeLines[clusterLine](t, out) {
				got = append(got, o.ID)
				if o.Cluster == "" {
					t.Errorf("%s: no cluster", o.ID)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("output ids:\n got %q\nwant %q", got, want)
			}
		})
	}
}

// splitSummary returns stderr without its last line, the summary, which it
// checks.
func splitSummary(t *testing.T, stderr string) (string, string) {
	t.Helper()
	i := strings.LastIndex(strings.TrimSuffix(stderr, "\n"), "\n") + 1
	summary := stderr[i:]
	if !regexp.MustCompile(`^eventdedup \w+: \d+ documents?( \(\d+ repeated\))?, \d+ new clusters?, \d+ cop(y|ies), \d+ merges?, \d+ lines? rejected, \d+ warnings? in [0-9.]+m?s( \([0-9.]+ documents/s\))?(; \d+ events? reported)?\n$`).MatchString(summary) {
		t.Errorf("stderr does not end with the summary line: %q", summary)
	}
	return stderr[:i], summary
}

// TestClusterStderrOrder checks that many bad lines are reported in line
// order, each once, whether the reader or the clusterer rejects them.
func TestClusterStderrOrder(t *testing.T) {
	var in []string
	var wantLines []int
	for i := range 60 {
		n := i + 1
		switch i % 4 {
		case 0:
			in = append(in, `{"id": "broken`)
			wantLines = append(wantLines, n)
		case 1: // rejected by the clusterer: the id of line 3 with another text
			if i > 2 {
				in = append(in, fmt.Sprintf(`{"id": "d3", "title": "Ministers meet again %d"}`, i))
				wantLines = append(wantLines, n)
				continue
			}
			fallthrough
		default:
			in = append(in, fmt.Sprintf(`{"id": "d%d", "title": "Ministers meet for talks number %d"}`, n, n))
		}
	}
	status, _, stderr := runCmd(t, strings.Join(in, "\n"), "cluster")
	if status != exitRejected {
		t.Errorf("status %d, want %d", status, exitRejected)
	}
	var got []int
	for _, m := range regexp.MustCompile(`(?m)^line (\d+): `).FindAllStringSubmatch(stderr, -1) {
		n, _ := strconv.Atoi(m[1])
		got = append(got, n)
	}
	if !slices.Equal(got, wantLines) {
		t.Errorf("lines reported, in order:\n got %v\nwant %v\nstderr:\n%s", got, wantLines, stderr)
	}
}

// TestDetectBadLines checks that detect reports a rejected line and a
// repaired one, and detects the languages of the others.
func TestDetectBadLines(t *testing.T) {
	in := strings.Join([]string{
		`{"id": "en", "title": "The foreign ministers met in Tokyo on Friday to discuss security."}`,
		`{"id": "broken", "title": `,
		"{\"id\": \"repaired\", \"title\": \"Les ministres se sont r\xe9unis \xe0 Tokyo vendredi pour parler de s\xe9curit\xe9.\"}",
	}, "\n")
	status, out, stderr := runCmd(t, in, "detect")
	if status != exitRejected {
		t.Errorf("status %d, want %d", status, exitRejected)
	}
	for _, want := range []string{"line 2: invalid JSON", `line 3: warning: id "repaired": invalid UTF-8 replaced by U+FFFD`} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not report %q:\n%s", want, stderr)
		}
	}
	var ids []string
	for _, o := range decodeLines[struct{ ID, Lang string }](t, out) {
		ids = append(ids, o.ID)
	}
	if !slices.Equal(ids, []string{"en", "repaired"}) {
		t.Errorf("output ids %q, want en and repaired", ids)
	}
}

// TestRejection checks which errors of Add reject one line and which end the
// run.
func TestRejection(t *testing.T) {
	for _, tt := range []struct {
		why  string
		err  error
		want bool
	}{
		{"an invalid document is that document's fault", fmt.Errorf("%w: empty id", dedup.ErrInvalid), true},
		{"a reused id is that line's fault", dedup.ErrReusedID, true},
		{"a closed clusterer ends the run", dedup.ErrClosed, false},
		{"an index that cannot be written ends the run", errors.New("dedup: index: no space left on device"), false},
		{"an interruption ends the run", context.Canceled, false},
	} {
		if got := rejection(tt.err); got != tt.want {
			t.Errorf("%s: rejection(%v) = %v", tt.why, tt.err, got)
		}
	}
}

// TestNamesBadLines checks that names reports a line without a tab and a
// line too long to be names, and still compares the pairs after them.
func TestNamesBadLines(t *testing.T) {
	in := strings.Join([]string{
		"Antony Blinken\tБлинкен",
		"no tab here",
		strings.Repeat("Blinken ", jsonl.MaxLineBytes/8+1) + "\tBlinken",
		"",
		"Sergei Lavrov\tЛавров",
	}, "\n")
	status, out, stderr := runCmd(t, in, "names")
	if status != exitRejected {
		t.Errorf("status %d, want %d", status, exitRejected)
	}
	for _, want := range []string{"line 2: want two names", "line 3: longer than"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not report %q:\n%s", want, stderr)
		}
	}
	var got []string
	for _, o := range decodeLines[struct{ A, B string }](t, out) {
		got = append(got, o.B)
	}
	if !slices.Equal(got, []string{"Блинкен", "Лавров"}) {
		t.Errorf("pairs compared: %q, want those of lines 1 and 5", got)
	}
}
