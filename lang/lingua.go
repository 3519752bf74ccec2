package lang

import (
	"strings"
	"sync"

	"github.com/pemistahl/lingua-go"
	"golang.org/x/text/language"
)

// linguaInfo describes the languages lingua knows: their tags and scripts.
type linguaInfo struct {
	tags    [lingua.Unknown]language.Tag
	scripts [lingua.Unknown]script
	byBase  map[language.Base]lingua.Language
}

// linguaTable is built on first use. The script of a language is the one
// x/text considers likely for it, which is the alphabet lingua's models
// were trained on (a test checks this).
var linguaTable = sync.OnceValue(func() *linguaInfo {
	info := &linguaInfo{byBase: make(map[language.Base]lingua.Language, int(lingua.Unknown))}
	for _, l := range lingua.AllLanguages() {
		t := language.Make(strings.ToLower(l.IsoCode639_1().String()))
		base, _ := t.Base()
		info.tags[l] = t
		info.scripts[l] = scriptOfTag(t)
		info.byBase[base] = l
	}
	return info
})

// scriptOfTag returns the route for texts in language t: its explicit script,
// or the one x/text considers likely.
func scriptOfTag(t language.Tag) script {
	s, _ := t.Script()
	switch code := s.String(); code {
	case "Hans", "Hant":
		return hani
	default:
		for i, c := range scriptCodes {
			if c == code {
				return script(i)
			}
		}
	}
	return unknownScript
}

// toLingua returns the lingua language of t's base language.
func toLingua(t language.Tag) (lingua.Language, bool) {
	base, conf := t.Base()
	if conf == language.No {
		return lingua.Unknown, false
	}
	l, ok := linguaTable().byBase[base]
	return l, ok
}

// fromLingua returns the x/text tag of l, or language.Und.
func fromLingua(l lingua.Language) language.Tag {
	if l < 0 || l >= lingua.Unknown {
		return language.Und
	}
	return linguaTable().tags[l]
}

// langSet is a set of lingua languages.
type langSet [2]uint64

func (s *langSet) add(l lingua.Language) { s[l/64] |= 1 << (l % 64) }

// detectorKey identifies a lingua detector: its languages and its mode.
type detectorKey struct {
	languages langSet
	high      bool
}

// linguaDetector returns a lingua detector choosing among the languages of scores
// (at least two), in high or low accuracy mode. Detectors are built on first
// use and kept in d.detectors: building one is cheap (lingua loads models
// lazily and shares them between detectors) but not free, and the same
// candidate sets come back all the time.
func (d *Detector) linguaDetector(scores []score, high bool) lingua.LanguageDetector {
	key := detectorKey{high: high}
	for _, s := range scores {
		key.languages.add(s.lang)
	}
	if det, ok := d.detectors.Load(key); ok {
		return det.(lingua.LanguageDetector)
	}
	langs := make([]lingua.Language, len(scores))
	for i, s := range scores {
		langs[i] = s.lang
	}
	b := lingua.NewLanguageDetectorBuilder().FromLanguages(langs...)
	if !high {
		b = b.WithLowAccuracyMode()
	}
	det, _ := d.detectors.LoadOrStore(key, b.Build())
	return det.(lingua.LanguageDetector)
}
