package lang

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"fmt"
	"slices"
	"sync"
	"unicode"

	"github.com/pemistahl/lingua-go"
)

// letters.bin holds the letter and letter pair models of lingua-go's
// languages, quantized to a byte. They are derived from the models in
// github.com/pemistahl/lingua-go (Copyright © 2021-present Peter M. Stahl,
// Apache License 2.0) by gen_letters.go.
//
//go:generate go run gen_letters.go
//go:embed letters.bin
var lettersBin []byte

// absent marks a missing n-gram in a letterModel row.
const absent = 255

// letterModel is a first-order Markov model of the letters of every
// language lingua knows in one script: the probability of a letter given the
// previous letter of the word. It is far weaker than lingua's n-grams of up
// to five letters, but a thousand times cheaper, and on a few hundred
// letters it rules out most languages with certainty.
type letterModel struct {
	langs  []lingua.Language   // the languages of the script
	column [lingua.Unknown]int // a language's column in the rows, or -1
	uni    map[rune]int        // letter → row of uniQ
	bi     map[uint64]int      // first<<21 | second → row of biQ
	uniQ   []uint8             // rows of len(langs) quantized -ln P(letter)
	biQ    []uint8             // rows of len(langs) quantized -ln P(second | first)
	noneQ  []uint8             // a row of absent
	logs   [absent]float64     // dequantized values
}

// Penalties of the letter model, in nats.
const (
	// backoffNats is added when a letter pair is unknown to a language and
	// the letter's own probability is used instead.
	backoffNats = 2.3
	// unseenNats is the cost of a letter a language does not use.
	unseenNats = 16
)

// letterModels are parsed from letters.bin on first use, one per script
// that lingua knows several languages of. If letters.bin does not match
// lingua (TestLetterModels checks it does), there are none and lingua does
// all the work.
var letterModels = sync.OnceValue(func() *[numScripts]*letterModel {
	models, err := parseLetters(lettersBin)
	if err != nil {
		return new([numScripts]*letterModel)
	}
	return models
})

func parseLetters(data []byte) (*[numScripts]*letterModel, error) {
	header, rest, ok := bytes.Cut(data, []byte("\n"))
	var version string
	var n int
	if _, err := fmt.Sscanf(string(header), "lingua-go %s %d", &version, &n); !ok || err != nil {
		return nil, fmt.Errorf("letters.bin: bad header %q", header)
	}
	if n != int(lingua.Unknown) {
		return nil, fmt.Errorf("letters.bin: %d languages, lingua-go has %d: run go generate", n, lingua.Unknown)
	}
	uni, bi, err := readLetterTables(rest, n)
	if err != nil {
		return nil, err
	}
	var models [numScripts]*letterModel
	info := linguaTable()
	for s := range models {
		var langs []lingua.Language
		for _, l := range lingua.AllLanguages() {
			if info.scripts[l] == script(s) && len(bi[l]) > 0 {
				langs = append(langs, l)
			}
		}
		if len(langs) >= 2 {
			models[s] = newLetterModel(langs, uni, bi)
		}
	}
	return &models, nil
}

// letterTable maps a letter (unigram) or a letter pair (bigram) to its
// quantized cost in one language.
type letterTable map[uint64]uint8

// readLetterTables decodes the unigram and bigram tables of n languages:
// for each, a count then delta-coded keys, each followed by its cost.
func readLetterTables(rest []byte, n int) (uni, bi []letterTable, err error) {
	readTable := func() (letterTable, error) {
		count, k := binary.Uvarint(rest)
		if k <= 0 {
			return nil, fmt.Errorf("letters.bin: truncated")
		}
		rest = rest[k:]
		t := make(letterTable, count)
		key := uint64(0)
		for range count {
			delta, k := binary.Uvarint(rest)
			if k <= 0 || len(rest) <= k {
				return nil, fmt.Errorf("letters.bin: truncated")
			}
			key += delta
			t[key] = min(rest[k], absent-1)
			rest = rest[k+1:]
		}
		return t, nil
	}
	uni, bi = make([]letterTable, n), make([]letterTable, n)
	for l := range n {
		if uni[l], err = readTable(); err != nil {
			return nil, nil, err
		}
		if bi[l], err = readTable(); err != nil {
			return nil, nil, err
		}
	}
	return uni, bi, nil
}

// newLetterModel builds the model of the languages of one script from their
// tables, indexed by lingua.Language.
func newLetterModel(langs []lingua.Language, uni, bi []letterTable) *letterModel {
	m := &letterModel{langs: langs, uni: make(map[rune]int), bi: make(map[uint64]int), noneQ: slices.Repeat([]uint8{absent}, len(langs))}
	for i := range m.column {
		m.column[i] = -1
	}
	for i, l := range langs {
		m.column[l] = i
	}
	for q := range m.logs {
		m.logs[q] = -float64(q) / 10
	}
	for i, l := range langs {
		for key, q := range uni[l] {
			row, ok := m.uni[rune(key)]
			if !ok {
				row = len(m.uniQ) / len(langs)
				m.uni[rune(key)] = row
				m.uniQ = append(m.uniQ, slices.Repeat([]uint8{absent}, len(langs))...)
			}
			m.uniQ[row*len(langs)+i] = q
		}
		for key, q := range bi[l] {
			row, ok := m.bi[key]
			if !ok {
				row = len(m.biQ) / len(langs)
				m.bi[key] = row
				m.biQ = append(m.biQ, slices.Repeat([]uint8{absent}, len(langs))...)
			}
			m.biQ[row*len(langs)+i] = q
		}
	}
	return m
}

// score returns the candidates (languages of the model's script) with their
// log likelihood under the model, read from the letters of the windows that
// are in script s, best first.
func (m *letterModel) score(windows []string, s script, cands []lingua.Language) []score {
	width := len(m.langs)
	cols := make([]int, 0, len(cands))
	scores := make([]score, 0, len(cands))
	for _, l := range cands {
		if c := m.column[l]; c >= 0 {
			cols = append(cols, c)
			scores = append(scores, score{lang: l})
		}
	}
	for _, w := range windows {
		prev := rune(0)
		prevScript := noScript
		for _, r := range w {
			if !unicode.IsLetter(r) {
				prev = 0
				continue
			}
			r = unicode.ToLower(r)
			if prevScript = scriptOf(r, prevScript); prevScript != s {
				prev = 0
				continue
			}
			var pair []uint8
			backoff := 0.0
			if prev != 0 {
				if row, ok := m.bi[uint64(prev)<<21|uint64(r)]; ok {
					pair = m.biQ[row*width : (row+1)*width]
				}
				backoff = backoffNats
			}
			prev = r
			var single []uint8 // looked up when a pair is missing
			for i, c := range cols {
				if pair != nil && pair[c] != absent {
					scores[i].logp += m.logs[pair[c]]
					continue
				}
				if single == nil {
					single = m.unigrams(r)
				}
				if single[c] != absent {
					scores[i].logp += m.logs[single[c]] - backoff
				} else {
					scores[i].logp -= unseenNats
				}
			}
		}
	}
	sortScores(scores)
	return scores
}

// unigrams returns the row of letter r, all absent if no language uses it.
func (m *letterModel) unigrams(r rune) []uint8 {
	width := len(m.langs)
	if row, ok := m.uni[r]; ok {
		return m.uniQ[row*width : (row+1)*width]
	}
	return m.noneQ
}
