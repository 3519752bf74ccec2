package pairscore

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventdedup/eventdedup/internal/fnv1a"
)

// Boilerplate.
//
// Scraped news pages carry the furniture of their site around the report:
// cookie and privacy notices, subscription appeals, copyright lines, "read
// also" links, captcha and error pages. Two unrelated reports of one outlet
// share it, and the graded score would take it for common content. Before
// scoring, CompareAll drops the text that recurs in several documents of the
// batch: every run of shingleWords words that occurs in boilerplateDocs or
// more documents. A page left with less than half of its text is a furniture
// page (an error, captcha or paywall page) and its pairs score the mean of
// the batch. Copies of one wire report lose their common text too, but a
// pair that is a near-verbatim copy scores at least the clustering
// similarity of the whole documents (see CompareAll).

// shingleWords is the length, in words, of the runs that are counted.
// Chosen with the furniture filter on the SemEval development pairs
// (eventdedup eval --gold semeval-pairs-dev.jsonl, Pearson of score and
// -overall over all pairs); the Pearson correlation holds at 0.707–0.709
// for 4–8 words (0.708 at 6; one-constant sweep, 6 Dec 2026).
const shingleWords = 6

// boilerplateDocs is the number of distinct documents that make a recurring
// run furniture: two documents sharing a passage may report one story;
// three that are not copies of one another share it with the site.
const boilerplateDocs = 3

// wordSpan is a word of a text: its byte range and the hash of its folded
// form.
type wordSpan struct {
	start, end int
	h          uint64
}

// spanWords returns the words of text: runs of letters, digits and marks,
// hashed lower-cased.
func spanWords(text string) []wordSpan {
	var out []wordSpan
	start := -1
	var h uint64
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start, h = i, fnv1a.Offset
			}
			h = fnv1a.Add(h, uint64(unicode.ToLower(r)))
		} else if start >= 0 {
			out = append(out, wordSpan{start, i, h})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, wordSpan{start, len(text), h})
	}
	return out
}

// shingles returns the hashes of the runs of shingleWords words of ws, one
// per position.
func shingles(ws []wordSpan) []uint64 {
	if len(ws) < shingleWords {
		return nil
	}
	out := make([]uint64, len(ws)-shingleWords+1)
	for i := range out {
		h := fnv1a.Offset
		for _, w := range ws[i : i+shingleWords] {
			h = fnv1a.Add(h, w.h)
		}
		out[i] = h
	}
	return out
}

// StripBoilerplate returns the texts with the runs that recur in
// boilerplateDocs or more documents replaced by line breaks; owner[i] is the
// document of texts[i] (a title and a body count once).
func StripBoilerplate(texts []string, owner []int) []string {
	words := make([][]wordSpan, len(texts))
	shs := make([][]uint64, len(texts))
	holders := make(map[uint64]int32)
	last := make(map[uint64]int) // the last owner counted
	for i, t := range texts {
		words[i] = spanWords(t)
		shs[i] = shingles(words[i])
		for _, h := range shs[i] {
			if o, ok := last[h]; !ok || o != owner[i] {
				last[h] = owner[i]
				holders[h]++
			}
		}
	}
	out := make([]string, len(texts))
	for i, t := range texts {
		cut := make([]bool, len(words[i]))
		any := false
		for j, h := range shs[i] {
			if holders[h] >= boilerplateDocs {
				any = true
				for k := j; k < j+shingleWords; k++ {
					cut[k] = true
				}
			}
		}
		if !any {
			out[i] = t
			continue
		}
		var b strings.Builder
		at := 0 // bytes of t written or skipped
		for j, w := range words[i] {
			if !cut[j] {
				continue
			}
			// Drop the word and the separators before it back to the
			// previous kept word.
			b.WriteString(t[at:w.start])
			at = w.end
			if j+1 < len(words[i]) && cut[j+1] {
				at = words[i][j+1].start
			} else {
				b.WriteByte('\n')
				if j+1 < len(words[i]) {
					at = words[i][j+1].start
				} else {
					at = len(t)
				}
			}
		}
		b.WriteString(t[at:])
		out[i] = b.String()
	}
	return out
}

// ContentRunes counts the letters and digits of s.
func ContentRunes(s string) int {
	n := 0
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
		s = s[size:]
	}
	return n
}
