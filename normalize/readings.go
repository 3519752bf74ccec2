package normalize

import (
	"math"
	"sync"

	"github.com/eventdedup/eventdedup/normalize/internal/align"
)

//go:generate go run gen_readings.go -o readings_table.go ../../shared/corpus/names-wikidata-dev.tsv

// reading is the spelling system a part of a name was romanized from: the
// matcher compares two parts with a model of the letters their systems
// confuse.
type reading uint8

const (
	rdNone     reading = iota // no model: the parts' keys are compared
	rdLatin                   // Latin letters, diacritics removed
	rdArabic                  // Arabic script, consonants and long vowels
	rdHebrew                  // unpointed Hebrew
	rdKana                    // Hepburn: kana, and Han read the Japanese way
	rdHangul                  // Revised Romanization: Hangul, and Han read the Korean way
	rdCyrillic                // Cyrillic, English-language transliteration
	rdHan                     // pinyin syllables
	numReadings
)

// readingOfScript is the reading of text of script sc, romanized by this
// package.
func readingOfScript(sc script) reading {
	switch sc {
	case scLatin, scGreek:
		return rdLatin // Greek romanized by its modern values reads as Latin
	case scArabic:
		return rdArabic
	case scHebrew:
		return rdHebrew
	case scKana:
		return rdKana
	case scHangul:
		return rdHangul
	case scCyrillic:
		return rdCyrillic
	case scHan:
		return rdHan
	}
	return rdNone
}

// alignCount is the expected count of one letter operation: u written as v.
type alignCount struct {
	u, v uint8
	n    float64
}

// alignPhrase is the expected count of one phrase operation: unit u
// written as unit v (see align.Unit).
type alignPhrase struct {
	u, v align.Unit
	n    float64
}

// phraseModel is the phrase model of a reading against English spellings
// (see align.Model); threshold is its readingThreshold.
type phraseModel struct {
	threshold float64
	letters   bool // read letter by letter (align.PhraseOptions)
	counts    []alignCount
	phrases   []alignPhrase
}

// scorer returns the scorer of the phrase model, English spellings on the
// source side or, reversed, on the target side.
func (pm *phraseModel) scorer(reversed bool) *align.Scorer {
	m := &align.Model{Phrases: make(map[align.Phrase]float64, len(pm.phrases)), Letters: pm.letters}
	for _, x := range pm.counts {
		m.Counts[x.u][x.v] = x.n
	}
	for _, x := range pm.phrases {
		m.Phrases[align.Phrase{Src: x.u, Tgt: x.v}] = x.n
	}
	if reversed {
		m = m.Transpose()
	}
	return align.NewPhraseScorer(m)
}

// latinPivot is the reading through which two Latin spellings are compared:
// two spellings are variants when the renderings they give are alike. The
// Cyrillic rendering of an English name keeps the most distinctions of the
// six (p/b, t/d, f/v, l/r, vowels); Latin spellings are compared through it,
// not through a key that merges them (Putin, Biden).
const latinPivot = rdCyrillic

// readingScorers are the scorers of every pair of readings, built on first
// use from readingCounts: Latin against another reading by the counts of
// that reading; two spellings of one reading (Latin, or the romanizations of
// one script) as two spellings of one rendering in latinPivot; two other
// readings as two renderings of one English spelling, which the matcher
// uses only to reject (see compareSpans).
var readingScorers = sync.OnceValue(func() *[numReadings][numReadings]*align.Scorer {
	var joint [numReadings]*align.Joint
	for r, counts := range readingCounts {
		if len(counts) == 0 {
			continue
		}
		var c align.Counts
		for _, x := range counts {
			c[x.u][x.v] = x.n
		}
		joint[r] = c.Normalize()
	}
	t := joint[latinPivot].Transpose()
	spelling := align.NewScorer(align.Compose(t, t))
	s := new([numReadings][numReadings]*align.Scorer)
	for a := rdLatin; a < numReadings; a++ {
		for b := rdLatin; b < numReadings; b++ {
			switch {
			case a == b:
				s[a][b] = spelling
			case a == rdLatin && readingPhrases[b] != nil:
				s[a][b] = readingPhrases[b].scorer(false)
			case b == rdLatin && readingPhrases[a] != nil:
				s[a][b] = readingPhrases[a].scorer(true)
			case a == rdLatin:
				s[a][b] = align.NewScorer(joint[b])
			case b == rdLatin:
				s[a][b] = align.NewScorer(joint[a].Transpose())
			default:
				s[a][b] = align.NewScorer(align.Compose(joint[a], joint[b]))
			}
		}
	}
	return s
})

// readingSimilarity returns the similarity p of two romanized parts in
// readings ra and rb, calibrated so that [DefaultThreshold] is the
// operating point chosen by cross-validation (readingThreshold, the
// threshold of a phrase model against Latin, or composedThreshold for two
// scripts other than Latin): a logistic function of the similarity x of
// their letters less that threshold (the margin) with the fitted slope. It
// returns false when the readings have no model.
func readingSimilarity(a []byte, ra reading, b []byte, rb reading) (p, x, margin float64, ok bool) {
	if ra == rdNone || rb == rdNone {
		return 0, 0, 0, false
	}
	s := readingScorers()[ra][rb]
	if s == nil {
		return 0, 0, 0, false
	}
	x = s.Similarity(a, b)
	if ra == rdLatin && abjad(rb) || rb == rdLatin && abjad(ra) {
		if pmi, ok := s.InitialPMI(a, b); ok && pmi < initialVeto {
			return 0, x, min(x, 0), true // another first consonant: Hayashi, קישי
		}
	}
	if x <= readingVeto {
		return 0, x, x, true // not paired: spare the exponential
	}
	th := readingThreshold
	switch {
	case ra == rdLatin && readingPhrases[rb] != nil:
		th = readingPhrases[rb].threshold
	case rb == rdLatin && readingPhrases[ra] != nil:
		th = readingPhrases[ra].threshold
	case ra != rb && ra != rdLatin && rb != rdLatin:
		th = composedThreshold // two renderings, through English
	}
	return 1 / (1 + math.Exp(-(readingSlope*(x-th) + logitThreshold))), x, x - th, true
}

// abjad reports whether reading r is of a script that omits short vowels
// (Arabic, Hebrew): its renderings are spelt by their consonants.
func abjad(r reading) bool { return r == rdArabic || r == rdHebrew }

// Decisions on the letter similarity x of two parts in readings that have a
// model (see compareSpans).
const (
	// readingVeto: at or below it, the letters of two parts are no more
	// alike than those of unrelated names (a log-likelihood ratio of 0), and
	// the parts are not paired whatever their keys say: Putin and Biden, or
	// Putin and بايدن, share a key. Fixed by its meaning, not fitted.
	readingVeto = 0.0
	// initialVeto: a Latin part and a part in a script that omits short
	// vowels whose first letters are consonants that the model writes one
	// as the other less often than chance (a pointwise mutual information
	// below 0) are not paired by their letters: the consonants are what
	// such a rendering spells, and the first one is the most stable
	// (Hayashi and קישי, Kishi, differ only there). Inside names of several
	// parts, their keys may still pair them, as any parts whose letters are
	// not alike enough alone (see readingAlone): made absolute, the veto
	// would cost dev-names.tsv 0.014 of phonetic recall (Arabic and Persian
	// full names). Fixed by its meaning, as readingVeto. On
	// the Wikidata pairs it costs ar 0.003 and he 0.004 of recall; applied
	// to every script, it would cost ru 0.013 and ko 0.008 (Cyrillic and
	// Hangul spell the vowels, which outweigh one consonant); applied
	// between two abjads, whose model is composed through English, it
	// would part فولوديمير and ولودیمیر (f and v) in dev-names.tsv.
	initialVeto = 0.0
	// readingAlone is the least margin of the letter similarity over the
	// threshold of its model from which two parts of names of several
	// parts are paired without their keys' agreement: a margin, so that it
	// means as much under a letter and a phrase model. Chosen on
	// dev-names.tsv and testdata/names-entities.tsv: phonetic precision is
	// 1.00 on both from 0.4 to 0.9 (recall 0.962 and 0.966 throughout),
	// 0.990 on dev-names at 0.3; recall on the Wikidata pairs, one word
	// each, does not depend on it. (As a similarity under the letter
	// models, whose threshold is about 0.2, 0.5 is the 0.7 chosen before
	// the phrase model, which gave 1.00 from 0.7 to 0.9 and 李强 against
	// Zhao Lijian, liqiang and lijian, at 0.6.)
	readingAlone = 0.5
)

// logitThreshold is the logit of DefaultThreshold.
var logitThreshold = math.Log(DefaultThreshold / (1 - DefaultThreshold))
