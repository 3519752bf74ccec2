package lang

import (
	"math"
	"slices"
	"strings"

	"github.com/pemistahl/lingua-go"
)

// score is a candidate language and the log of its likelihood relative to
// the other candidates.
type score struct {
	lang lingua.Language
	logp float64
}

// Tuning of the ranking, in natural-log units (nats) of likelihood ratio.
// The models behind both stages treat n-grams as independent and overstate
// their certainty, so the leads they must reach are large.
const (
	// clearLead is the lead in the letter model beyond which a language is
	// out of the running.
	clearLead = 50
	// letterWeight is the weight of the letter model's scores when lingua's
	// are added to them.
	letterWeight = 0.5
	// chunkLetters is the size of the pieces lingua reads at a time. Short
	// pieces keep lingua's softmax out of its very slow arbitrary-precision
	// fallback and allow stopping early.
	chunkLetters = 100
	// decisive is the lead in lingua's scores at which reading stops and
	// beyond which a language is dropped.
	decisive = 20
	// shortText is lingua's own limit below which high accuracy mode uses
	// n-grams of length 1 to 5 instead of trigrams only.
	shortText = 120
	// highCandidates is how many of the best candidates get a second opinion
	// in high accuracy mode on short texts. Only their larger models are
	// loaded.
	highCandidates = 3
	// floorLogP replaces log(0) for the candidates lingua rules out.
	floorLogP = -700
)

// rank scores the candidates, languages written in script s, on the
// windows, best first, in up to three stages, each run only if the previous
// one left several candidates:
//
//  1. The letter model (see letterModel) reads all the windows and keeps the
//     candidates within clearLead nats of the best. With low accuracy, that
//     is the result.
//  2. lingua in low accuracy mode (trigrams) reads chunks of about
//     chunkLetters letters, adding its log confidences to half the letter
//     model's scores (the two read the same letters), and drops the
//     candidates that fall decisive nats behind, until one is left or the
//     windows are read.
//  3. With high accuracy, a text of fewer than shortText letters is read
//     again by lingua in high accuracy mode among the best highCandidates.
func (d *Detector) rank(windows []string, s script, cands []lingua.Language, letters int) []score {
	scores := make([]score, len(cands))
	for i, l := range cands {
		scores[i] = score{lang: l}
	}
	if m := letterModels()[s]; m != nil {
		scores = within(m.score(windows, s, cands), clearLead)
		if len(scores) == 1 || d.cfg.accuracy == lowAccuracy {
			return scores
		}
	}
	for i := range scores {
		scores[i].logp *= letterWeight
	}
	chunks(windows, chunkLetters, func(text string) bool {
		add(scores, d.linguaDetector(scores, false).ComputeLanguageConfidenceValues(text))
		scores = within(scores, decisive)
		return len(scores) > 1
	})
	if d.cfg.accuracy == highAccuracy && letters < shortText && len(scores) > 1 {
		scores = scores[:min(len(scores), highCandidates)]
		high := d.linguaDetector(scores, true).ComputeLanguageConfidenceValues(strings.Join(windows, " "))
		for i := range scores {
			scores[i].logp = 0
		}
		add(scores, high)
	}
	return scores
}

// add adds lingua's confidence values, as logs, to the scores and sorts them.
func add(scores []score, values []lingua.ConfidenceValue) {
	for _, v := range values {
		for i := range scores {
			if scores[i].lang == v.Language() {
				scores[i].logp += max(math.Log(v.Value()), floorLogP)
				break
			}
		}
	}
	sortScores(scores)
}

// sortScores sorts scores best first, ties in lingua's order.
func sortScores(scores []score) {
	slices.SortStableFunc(scores, func(a, b score) int {
		switch {
		case a.logp > b.logp:
			return -1
		case a.logp < b.logp:
			return 1
		}
		return int(a.lang - b.lang)
	})
}

// within returns the sorted scores that are less than lead behind the best.
func within(scores []score, lead float64) []score {
	n := 1
	for n < len(scores) && scores[0].logp-scores[n].logp < lead {
		n++
	}
	return scores[:n]
}

// softmax turns sorted log scores into probabilities.
func softmax(scores []score) []float64 {
	p := make([]float64, len(scores))
	sum := 0.0
	for i, s := range scores {
		p[i] = math.Exp(s.logp - scores[0].logp)
		sum += p[i]
	}
	for i := range p {
		p[i] /= sum
	}
	return p
}
