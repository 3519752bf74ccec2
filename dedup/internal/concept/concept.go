// Package concept finds the event concepts of a text in any of fifteen
// languages: the earthquake of "earthquake", "Erdbeben", "زلزله",
// "землетрясение", "地震" and "지진"; the election of "elections",
// "Wahlen", "الانتخابات" and "選挙". Reports of one event in different
// languages and scripts share their names and numbers, but their words only
// through such concepts: a headline that says "North Korea fires ballistic
// missiles" and one that says "北朝鮮が弾道ミサイル発射" share the concepts
// missile, ballistic and launch.
//
// The lexicon (concepts.tsv, embedded) is written by hand from a general
// taxonomy of news events, in the spirit of the ACE and CAMEO event types
// and of the beats of wire services: disasters, accidents, violence and war,
// justice, politics, the economy, sport, health and people's lives, space
// and science. Each line gives the forms of one concept in one language:
//
//	concept<TAB>lang<TAB>form form …
//
// A form matches a whole word, or, ending in "*", the start of a word (the
// stem of an inflected language: "землетрясени*", "زلزال*"), or, starting
// with "*", the end of a word (the head of a German compound: "*wahl" of
// Landtagswahl). A form that starts with "!" is a stop form: it matches,
// but names no concept, so that a longer word is kept from a shorter stem
// ("!electr*" against "elect*", "!*auswahl" against "*wahl"). The longest
// matching whole-word or prefix form of a word wins, and so does the
// longest suffix form: a word names at most two concepts
// (Raketenangriff: missile, attack). Words are compared folded (package
// normalize: case, diacritics, Arabic letter variants); Arabic and Persian
// words are also tried without a conjunction, preposition or article
// written against them (و ف ب ل ك ال وال بال لل), Hebrew words without
// ו ה ב ל מ ש כ. In Chinese, Japanese and Korean the forms match anywhere in
// the text, the longest first, as these languages write compounds and
// particles without spaces ("弾道ミサイル", "미사일을").
package concept

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventdedup/eventdedup/normalize"
)

//go:embed concepts.tsv
var data string

// Minimum lengths of forms, in letters: a shorter form matches words it does
// not mean. minForm is the shortest whole word (Chinese 地震, Korean 파업);
// minLatinPrefix the shortest stem of a Latin-script prefix form, below
// which a stem starts too many unrelated words ("war*" is too short already:
// warning, Warsaw; see the tests).
const (
	minForm        = 2
	minLatinPrefix = 4
)

// Languages are the languages of the lexicon, as base language subtags.
var Languages = []string{"en", "fr", "de", "es", "it", "pt", "ru", "uk", "tr", "ar", "fa", "he", "zh", "ja", "ko"}

// ErrSyntax is the error of a malformed lexicon line; New wraps it with the
// line number.
var ErrSyntax = errors.New("concept: malformed lexicon line")

// Match is one mention of a concept in a text.
type Match struct {
	// Concept is the concept's name, as in the lexicon ("earthquake").
	Concept string
	// Word is the folded word (or, in Chinese, Japanese and Korean, the
	// folded span of text) that names it.
	Word string
}

// A Lexicon finds concepts in text. It is safe for concurrent use; the zero
// Lexicon knows no concept.
type Lexicon struct {
	concepts []string
	langs    map[string]*table
}

// New returns the lexicon of the embedded data.
func New() (*Lexicon, error) { return Parse(strings.NewReader(data)) }

// Parse reads a lexicon in the format of the embedded data (see the package
// documentation); lines that are empty or start with "#" are skipped. An
// unknown language, a missing field, a form that is too short or one that
// names two concepts in one language is an error wrapping ErrSyntax.
func Parse(r io.Reader) (*Lexicon, error) {
	l := &Lexicon{langs: make(map[string]*table)}
	ids := make(map[string]uint32)
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := l.parseLine(line, ids); err != nil {
			return nil, fmt.Errorf("%w %d: %v", ErrSyntax, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for _, t := range l.langs {
		t.words.freeze()
		t.ends.freeze()
	}
	return l, nil
}

// parseLine adds the forms of one line.
func (l *Lexicon) parseLine(line string, ids map[string]uint32) error {
	fields := strings.Split(line, "\t")
	if len(fields) != 3 {
		return fmt.Errorf("%d tab-separated fields, want 3", len(fields))
	}
	name, lang, forms := fields[0], fields[1], strings.Fields(fields[2])
	if name == "" || strings.ContainsFunc(name, unicode.IsSpace) {
		return fmt.Errorf("bad concept name %q", name)
	}
	if !slices.Contains(Languages, lang) {
		return fmt.Errorf("unknown language %q", lang)
	}
	if len(forms) == 0 {
		return fmt.Errorf("concept %q in %s has no form", name, lang)
	}
	id, ok := ids[name]
	if !ok {
		id = uint32(len(l.concepts))
		ids[name] = id
		l.concepts = append(l.concepts, name)
	}
	t := l.langs[lang]
	if t == nil {
		t = newTable(lang)
		l.langs[lang] = t
	}
	for _, f := range forms {
		if err := t.add(f, id+1); err != nil {
			return fmt.Errorf("%s form %q: %v", lang, f, err)
		}
	}
	return nil
}

// Concepts returns the names of the concepts, in the order of the lexicon.
func (l *Lexicon) Concepts() []string { return slices.Clone(l.concepts) }

// Forms returns the number of forms of the concepts in language lang.
func (l *Lexicon) Forms(lang string) int {
	if t := l.langs[lang]; t != nil {
		return t.forms
	}
	return 0
}

// ConceptsOf returns the concepts that have at least one form in language
// lang, in the order of the lexicon.
func (l *Lexicon) ConceptsOf(lang string) []string {
	t := l.langs[lang]
	if t == nil {
		return nil
	}
	var out []string
	for id, name := range l.concepts {
		if t.has[uint32(id+1)] {
			out = append(out, name)
		}
	}
	return out
}

// Find returns the concept mentions of text, a text in the language lang (a
// base language subtag: "en", "zh"), in the order of the text, once per
// mention. A language the lexicon does not know has no concepts.
func (l *Lexicon) Find(lang, text string) iter.Seq[Match] {
	return l.FindFolded(lang, normalize.Fold(text))
}

// FindFolded is Find for a text already folded by normalize.Fold, such as
// the words a caller has folded and cached.
func (l *Lexicon) FindFolded(lang, folded string) iter.Seq[Match] {
	return func(yield func(Match) bool) {
		t := l.langs[lang]
		if t == nil || folded == "" {
			return
		}
		t.find(l.concepts, dotless(folded), yield)
	}
}

// fold folds a form as Find folds text.
func fold(s string) string { return dotless(normalize.Fold(s)) }

// dotless maps the Turkish dotless ı to i: folding keeps them apart, but
// capitals lose the difference ("SALDIRI" folds to "saldiri").
func dotless(s string) string {
	if strings.Contains(s, "ı") {
		s = strings.ReplaceAll(s, "ı", "i")
	}
	return s
}

// isLatin reports whether the first letter of s is Latin.
func isLatin(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r < utf8.RuneSelf || unicode.Is(unicode.Latin, r)
}
