// Package pairscore grades the similarity of two documents for
// dedup.Clusterer.CompareAll, on a scale from unrelated through related (same
// topic, another event) to the same story, and finds the site furniture
// that recurs across a batch of documents (StripBoilerplate).
package pairscore

import (
	"math"
	"unicode"
	"unicode/utf8"

	"github.com/eventdedup/eventdedup/dedup/internal/features"
	"github.com/eventdedup/eventdedup/internal/fnv1a"
	"github.com/eventdedup/eventdedup/news"
	"github.com/eventdedup/eventdedup/normalize"
)

// The graded pair score.
//
// Clustering asks a yes/no question of a document and a cluster; Compare is
// also asked how similar two reports are, on a scale from unrelated through
// related (same topic, another event) to the same story. Three channels
// answer it:
//
//   - cluster: the similarity of one document to a cluster of the other, as
//     clustering computes it (content terms or surface words, and entities:
//     names by phonetic key, places, organisations, numbers), without its
//     time factor. It applies to every pair, across scripts too.
//   - chars: the cosine of the character 3- to 5-grams of the folded words
//     (bigrams of Han and kana), for two documents of one script, in any
//     languages: names, numbers, cognates and inflected forms share grams.
//   - words: the cosine of the content terms of the language's analyzer
//     (stop words removed, stemmed), for two documents of one language.
//
// A news report says what it is about first, in its headline and lead: in
// chars and words a feature at rune position p of the headline followed by
// the text counts exp(-p/leadDecay) times, its term frequency is log(1+Σ) of
// these, and it is weighted by its rarity as clustering weighs terms: words
// against the window and the compared documents, grams against the compared
// documents.
//
// The score is the weighted mean of the square roots of the channels that
// apply (the root spreads the cosines of sparse vectors, which crowd near
// zero, so that the score rises about evenly from unrelated to same-story
// pairs), chars weighing CharsWeight and the others 1, times the time
// factor of clustering, which is 1 unless both documents are dated. With
// equal weights, on the SemEval-2022 Task 8 development pairs its Pearson
// correlation with the human ratings is 0.695 (0.595 for the clustering
// similarity alone), with leadDecay the only value chosen there; 0.722 with
// the site furniture left out (StripBoilerplate), and 0.707 once
// near-verbatim copies score at least their clustering similarity (see
// dedup.Clusterer.CompareAll); 0.710 with the weights of chars.

// leadDecay is the position, in runes, at which a feature counts 1/e: about
// the headline and the first paragraph.
const leadDecay = 400

// firstCJK is the first code point of the CJK blocks (CJK Radicals
// Supplement, U+2E80): no rune below it is Han or kana, so the script lookup
// is skipped for them. It changes no result, only the time taken.
const firstCJK = 0x2E80

// Character n-gram lengths of the chars channel, chosen on the SemEval
// development pairs (eventdedup eval --gold semeval-pairs-dev.jsonl): the
// Pearson correlation over all pairs is 0.708 at 3–5, and stays within
// 0.704–0.709 for minGram 2–4 and maxGram 4–6 (one-constant sweep, 6 Dec
// 2026).
const (
	minGram = 3
	maxGram = 5
)

// The weights of the chars channel in the score, the words and cluster
// channels weighing 1: CharsWeight when the two documents are of one
// language, CharsWeightAcross when they are of two languages (of one
// script: chars compares no others).
//
// Within one language chars tells a same-story pair from a pair of related
// stories best where the decision lies: it matches the parts of compounds
// (German Impfstoffsuche, Impfstoffe), inflected and misspelt forms, names
// and numbers, where the analyzer's whole stemmed words and the clustering
// terms miss them. Across languages it matches little but names and
// numbers, which the clustering similarity holds already (with the event
// concepts, which no gram matches across languages), and grams that two
// languages share by chance.
//
// Both were fitted (by the fitsame program of package dedup) on the
// SemEval-2022 Task 8 development pairs, by 10-fold cross-validation
// stratified by language pair and label, 5 seeds: the weights of a grid (1, 2,
// 3, 4, 5, 6, 8 within; 0.25, 0.5, 1 across) at which the same-story decision
// (at most 4% of the dissimilar pairs judged the same) finds the most
// same-story pairs out of fold. With equal weights it finds 55.5%; within one
// language the share rises with the weight to a plateau over 5–8 (4: 59–60%,
// 5: 60–61%, 6: 60.5–61.4%, 8: 60–61%), German pairs from 37% to 49% at 6;
// across languages 0.25 and 0.5 find 61.4% and 61.1% at 6, within the noise of
// each other (one pair is 0.6%), 1 finds 60.5%, and 0.5, the less extreme, is
// taken: it finds 34% of the German–English same-story pairs (23% at 1) and
// keeps their Pearson correlation with the human ratings at 0.65 (0.64 at
// 0.25, 0.66 at 1). With the weights chosen again inside each training fold
// (within 2–8, across 0.25–0.5) the decision finds 60.5% out of fold. On all
// the pairs of the development events (dev-events), checked alongside, the
// pairs of one event across languages judged the same rise from 39 to 45 of 60
// (44–45 at 0–0.5 across), with no pair of different events judged the same.
// The Pearson correlation over all the SemEval pairs is 0.710 (0.711 with
// CharsWeight alone, 0.710 with equal weights; 6 Dec 2026).
const (
	CharsWeight       = 6
	CharsWeightAcross = 0.5
)

// Features holds the features of a document that only Compare uses.
type Features struct {
	Grams features.Vec // character n-grams: raw weights Σ exp(-p/leadDecay), then TF-IDF
	Words features.Vec // analyzed terms, keyed as features.Doc.Terms: raw, then TF-IDF
}

// Extract extracts the position-weighted grams and words of a document of
// language lang, with the analyzer x uses for that language.
func Extract(x *features.Extractor, d news.Document, lang string) (*Features, error) {
	text := d.Text
	if d.Title != "" {
		text = d.Title + "\n" + d.Text
	}
	an, err := x.Analyzer(lang)
	if err != nil {
		return nil, err
	}
	p := &Features{Grams: charGrams(text)}
	b := make(features.VecBuilder)
	scope := "t:" + lang
	runes, at := 0, 0 // rune count of text[:at]
	for _, tok := range an.Analyze([]byte(text)) {
		if len(tok.Term) < 2 || utf8.RuneCount(tok.Term) < 2 && !features.IsCJK(tok.Term) {
			continue
		}
		if tok.Start >= at && tok.Start <= len(text) {
			runes += utf8.RuneCountInString(text[at:tok.Start])
			at = tok.Start
		}
		b[features.TokenHash(scope, string(tok.Term))] += math.Exp(-float64(runes) / leadDecay)
	}
	p.Words = b.Build()
	return p, nil
}

// charGrams returns the character n-grams (minGram to maxGram runes) of the
// words of text, folded, each word padded with a space on either side, with
// the weight exp(-p/leadDecay) summed over their positions p.
func charGrams(text string) features.Vec {
	f := normalize.Fold(text)
	rs := make([]rune, 1, len(f)+1)
	pos := make([]int, 1, len(f)+1)
	rs[0] = ' '
	i := 0
	for _, r := range f {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			rs, pos = append(rs, r), append(pos, i)
		} else if rs[len(rs)-1] != ' ' {
			rs, pos = append(rs, ' '), append(pos, i)
		}
		i++
	}
	if rs[len(rs)-1] != ' ' {
		rs, pos = append(rs, ' '), append(pos, i)
	}
	b := make(features.VecBuilder, len(rs)*2)
	cjk := func(r rune) bool { return r >= firstCJK && features.ScriptOf(r) == features.ScriptCJK }
	for j := 0; j+2 <= len(rs); j++ {
		w := math.Exp(-float64(pos[j]) / leadDecay)
		h := fnv1a.Offset // of the runes' bytes
		lo, hi := minGram, maxGram
		switch {
		case cjk(rs[j]) && cjk(rs[j+1]):
			// Han and kana carry a syllable or a morpheme each: bigrams, as
			// the CJK analyzer makes.
			lo, hi = 2, 2
		case cjk(rs[j]):
			continue
		case rs[j] == ' ' && cjk(rs[j+1]):
			continue
		}
		for n := 1; n <= hi && j+n <= len(rs); n++ {
			r := rs[j+n-1]
			for k := range 4 {
				h = fnv1a.Add(h, uint64(byte(r>>(8*k))))
			}
			if n >= lo {
				b[h] += w
			}
			if n > 1 && r == ' ' {
				break // a gram ends with its word
			}
		}
	}
	return b.Build()
}

// WeighLog turns raw weights Σ into log(1+Σ)·idf and normalizes the vector
// to unit length; idf returns the rarity of a key.
func WeighLog(v features.Vec, idf func(k uint64) float64) features.Vec {
	out := features.Vec{K: v.K, W: make([]float32, len(v.W))}
	s := 0.0
	for i, k := range v.K {
		w := math.Log1p(float64(v.W[i])) * idf(k)
		out.W[i] = float32(w)
		s += w * w
	}
	if s > 0 {
		out = out.Scaled(1 / math.Sqrt(s))
	}
	return out
}

// Score is the graded similarity of two documents, with its parts.
type Score struct {
	// Value is the graded score in [0, 1].
	Value float64
	// Chars and Words are the cosines of the chars and words channels;
	// HasChars and HasWords report whether the channel applied.
	Chars, Words       float64
	HasChars, HasWords bool
}

// Compute computes the graded score of a and b from their weighted pair
// features, the clustering similarity sim of a to a cluster of b and its
// time factor tf (sim includes it).
func Compute(a, b *features.Doc, pa, pb *Features, sim, tf float64) Score {
	var s Score
	if a.Script == b.Script && len(pa.Grams.K) > 0 && len(pb.Grams.K) > 0 {
		s.HasChars = true
		s.Chars = min(1, max(0, features.Dot(pa.Grams, pb.Grams, nil)))
	}
	if a.Lang == b.Lang && len(pa.Words.K) > 0 && len(pb.Words.K) > 0 {
		s.HasWords = true
		s.Words = min(1, max(0, features.Dot(pa.Words, pb.Words, nil)))
	}
	// The clustering similarity, without its time factor.
	cl := 0.0
	if tf > 0 {
		cl = min(1, max(0, sim/tf))
	}
	s.Value = s.Combine(cl, CharsWeight, CharsWeightAcross) * tf
	return s
}

// Combine returns the weighted mean of the square roots of the cosines of
// the channels of s that apply and of the clustering similarity cluster:
// the score without its time factor. Chars weighs within when the words
// channel applies too (the two documents are of one language), across
// otherwise; the other channels weigh 1. Compute combines with CharsWeight
// and CharsWeightAcross; other weights are for fitting them.
func (s Score) Combine(cluster, within, across float64) float64 {
	n, sum := 1.0, math.Sqrt(max(0, cluster))
	w := across
	if s.HasWords {
		w = within
	}
	if s.HasChars {
		n, sum = n+w, sum+w*math.Sqrt(s.Chars)
	}
	if s.HasWords {
		n, sum = n+1, sum+math.Sqrt(s.Words)
	}
	return sum / n
}
