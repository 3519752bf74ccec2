//go:build ignore

// gen_readings writes readings_table.go: for each script of a labelled file
// of name pairs, the expected counts of the letter operations (a letter of
// the English spelling written as a letter of the romanized rendering,
// dropped, or a letter added) estimated by expectation maximisation on the
// pairs labelled 1, and the calibration of the similarity they give, chosen
// by five-fold cross-validation at a false-match rate of 0.1%.
//
// Usage: go run gen_readings.go [-o readings_table.go] names-wikidata-dev.tsv
//
// The input is tab-separated "label, lang, a, b" with # comments: a is an
// English spelling, b its rendering (label 1) or another name's (label 0) in
// the script of lang (ar, he, ja, ko, ru, zh). The file itself is not part of
// the repository; the table is.
package main

import (
	"bufio"
	"cmp"
	"flag"
	"fmt"
	"go/format"
	"log"
	"maps"
	"math"
	"os"
	"slices"
	"strings"

	"github.com/eventdedup/eventdedup/normalize"
	"github.com/eventdedup/eventdedup/normalize/internal/align"
)

// readingOf names the reading constant of each language of the file.
var readingOf = map[string]string{
	"ar": "rdArabic", "he": "rdHebrew", "ja": "rdKana", "ko": "rdHangul", "ru": "rdCyrillic", "zh": "rdHan",
}

const (
	iters     = 10     // rounds of expectation maximisation
	folds     = 5      // cross-validation folds
	targetFMR = 0.0007 // the false-match rate the threshold is chosen at: below the 0.1% target, for the matcher compares parts in more ways than one
)

// phraseOpts are the phrase models, by language: Chinese renders an English
// name syllable by syllable with a fixed set of characters, which a model of
// single letters misses (Turner 特納 tena: tur → te, ner → na). Units of up
// to two letters on each side, letters read one by one (the digraphs are
// phrases), phrases of an expected count of 1 or more. Chosen by five-fold
// cross-validation: the phrase model alone found 0.855 of the zh pairs at
// the target rate of its own out-of-fold negatives, against 0.793 for the
// letter model (MinCount 0.3 0.752, 2 0.852, 4 0.817; without two-by-two
// phrases 0.850; digraphs as symbols 0.809); interpolated with the letter
// model (phraseWeight), MinCount 0.5, 1 and 2 give 0.860, 0.884 and 0.853
// (in sample 0.964, 0.920 and 0.903: rare phrases learn the file by
// heart). The same model does not help the other scripts (ar 0.957, he
// 0.956, ja 0.941, ko 0.810, ru 0.962, against 0.958, 0.958, 0.945, 0.827,
// 0.971 for their letter models; ko interpolated 0.822 against 0.825),
// which keep theirs.
var phraseOpts = map[string]align.PhraseOptions{
	"zh": {MaxSrc: 2, MaxTgt: 2, Both: true, Letters: true, MinCount: 1},
}

// phraseWeight is the weight of a phrase model in its interpolation with
// the letter model of its language (align.Interpolate), which smooths the
// estimates of the phrases learnt from a few hundred pairs. Chosen by the
// cross-validated zh recall among 0.5, 0.65, 0.8, 0.9 and 1: 0.879, 0.884,
// 0.887, 0.875 and 0.858, at 3, 3, 5, 5 and 4 false matches of 3,000 (0.8
// and above pass 0.1%); a mixture of the two models' probabilities of the
// whole pair (weight 0.5) gave 0.873 at twice the cost.
const phraseWeight = 0.65

// group is the calibration group of the model a language is scored by: the
// letter models share a scale and a threshold; a phrase model has its own.
func group(lang string) string {
	if _, ok := phraseOpts[lang]; ok {
		return lang
	}
	return ""
}

type pair struct {
	label  bool
	lang   string
	ra, rb string
	fold   int
}

func main() {
	out := flag.String("o", "readings_table.go", "output file")
	dry := flag.Bool("n", false, "print the figures, write no table")
	flag.Parse()
	if flag.NArg() != 1 {
		log.Fatal("usage: go run gen_readings.go [-n] [-o file] labelled.tsv")
	}
	pairs, err := read(flag.Arg(0))
	if err != nil {
		log.Fatal(err)
	}
	langs := slices.Sorted(maps.Keys(readingOf))
	var report strings.Builder
	oof, oofLetters, foldTh := crossValidate(&report, pairs, langs)
	// the calibration: threshold of each group at the target rate of its
	// out-of-fold negatives, slope by logistic regression of the
	// out-of-fold scores less their fold's threshold
	neg := map[string][]float64{}
	margin := make([]float64, len(pairs))
	for i, p := range pairs {
		if !p.label {
			for g, x := range groupScores(p.lang, oof[i], oofLetters[i]) {
				neg[g] = append(neg[g], x)
			}
		}
		margin[i] = oof[i] - foldTh[p.fold][group(p.lang)]
	}
	th := map[string]float64{}
	for g, n := range neg {
		th[g] = thresholdAt(n, targetFMR)
	}
	slope := logisticSlope(pairs, margin)
	all := train(pairs, langs, -1)
	sc := all.scorers()
	fmt.Fprintf(&report, "//\n// In sample (counts fitted on every pair), at the thresholds %s:\n", fmtGroups(th))
	writeRates(&report, pairs, langs, func(i int) bool {
		p := pairs[i]
		return sc[p.lang].Similarity([]byte(p.ra), []byte(p.rb)) >= th[group(p.lang)]
	})
	cth := composed(&report, pairs, langs, all.letters)
	fmt.Print(report.String())
	if *dry {
		return
	}
	src := table(len(pairs), report.String(), langs, all, foldTh, th, slope, cth)
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal(err)
	}
}

// crossValidate scores each pair by models fitted without its fold, writes
// the rates of each fold judged at the thresholds chosen on the other folds'
// negatives, and returns the out-of-fold scores and the fold thresholds of
// each group.
func crossValidate(report *strings.Builder, pairs []pair, langs []string) (oof, oofLetters []float64, foldTh []map[string]float64) {
	oof, oofLetters, foldTh = make([]float64, len(pairs)), make([]float64, len(pairs)), make([]map[string]float64, folds)
	for f := range folds {
		m := train(pairs, langs, f)
		sc, lsc := m.scorers(), m.letterScorers()
		trainNeg := map[string][]float64{}
		for i, p := range pairs {
			x := sc[p.lang].Similarity([]byte(p.ra), []byte(p.rb))
			xl := lsc[p.lang].Similarity([]byte(p.ra), []byte(p.rb))
			if p.fold == f {
				oof[i], oofLetters[i] = x, xl
			} else if !p.label {
				for g, y := range groupScores(p.lang, x, xl) {
					trainNeg[g] = append(trainNeg[g], y)
				}
			}
		}
		foldTh[f] = map[string]float64{}
		for g, n := range trainNeg {
			foldTh[f][g] = thresholdAt(n, targetFMR)
		}
	}
	fmt.Fprintf(report, "// Cross-validated (%d folds by English name; each fold scored by models\n// and thresholds fitted on the other folds), recall and false matches per\n// script:\n", folds)
	writeRates(report, pairs, langs, func(i int) bool { return oof[i] >= foldTh[pairs[i].fold][group(pairs[i].lang)] })
	return oof, oofLetters, foldTh
}

// groupScores returns the scores of a pair of language lang that count in
// the calibration of each group: its letter model's score in the group of
// the letter models, which every language's letter model calibrates, as
// they are all used (Chinese's in the models composed through English); the
// score of its phrase model in its own group.
func groupScores(lang string, x, xLetters float64) map[string]float64 {
	if group(lang) == "" {
		return map[string]float64{"": x}
	}
	return map[string]float64{"": xLetters, group(lang): x}
}

// fmtGroups formats the thresholds of the groups.
func fmtGroups(th map[string]float64) string {
	var s []string
	for _, g := range slices.Sorted(maps.Keys(th)) {
		name := g
		if name == "" {
			name = "letter models"
		}
		s = append(s, fmt.Sprintf("%s %.4f", name, th[g]))
	}
	return strings.Join(s, ", ")
}

// table returns the source of the generated file.
func table(n int, report string, langs []string, m *models, foldTh []map[string]float64, th map[string]float64, slope, cth float64) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "// Code generated by gen_readings.go from %d labelled pairs; DO NOT EDIT.\n\npackage normalize\n\n", n)
	b.WriteString(report)
	var folds []string
	for _, f := range foldTh {
		folds = append(folds, fmtGroups(f))
	}
	fmt.Fprintf(&b, `
// readingThreshold is the similarity of the letters of two spellings (see
// align.Scorer.Similarity) from which they are judged renderings of one
// name under a letter model: the least value that at most %.2f%% of the
// out-of-fold scores of the pairs of different names reach (the letter
// models of every script pooled, Chinese's included). Fold thresholds: %s.
const readingThreshold = %.4f

// readingSlope is the slope of the logistic regression of the label on the
// out-of-fold similarity of the pairs less the threshold of their model.
const readingSlope = %.3f

// composedThreshold is readingThreshold for two renderings in different
// scripts other than Latin, compared through the English spelling they
// render: the least value that at most %.2f%% of the pairs of renderings of
// different English names reach (the renderings of one English name in two
// scripts are the pairs of one name).
const composedThreshold = %.4f

// readingCounts[r] are the expected counts of the letter operations from an
// English spelling to a rendering in reading r: {u, v, count}, u written as
// v, 0 for no letter (align.Index numbers the letters).
var readingCounts = [numReadings][]alignCount{
`, targetFMR*100, strings.Join(folds, "; "), th[""], slope, targetFMR*100, cth)
	for _, l := range langs {
		fmt.Fprintf(&b, "\t%s: {", readingOf[l])
		writeCounts(&b, m.letters[l])
		b.WriteString("},\n")
	}
	fmt.Fprintf(&b, `}

// readingPhrases are the phrase models of the readings that have one (see
// align.Model), interpolated with a letter model with the weight %g, which
// replace their letter models against English spellings; threshold is their
// readingThreshold, chosen on their own out-of-fold negatives.
var readingPhrases = [numReadings]*phraseModel{
`, phraseWeight)
	for _, l := range langs {
		pm := m.phrases[l]
		if pm == nil {
			continue
		}
		fmt.Fprintf(&b, "\t%s: {threshold: %.4f, letters: %v, counts: []alignCount{", readingOf[l], th[l], pm.Letters)
		writeCounts(&b, &pm.Counts)
		b.WriteString("}, phrases: []alignPhrase{")
		for _, ph := range slices.SortedFunc(maps.Keys(pm.Phrases), func(x, y align.Phrase) int {
			return cmp.Or(cmp.Compare(x.Src, y.Src), cmp.Compare(x.Tgt, y.Tgt))
		}) {
			fmt.Fprintf(&b, "{%d, %d, %.2f}, ", ph.Src, ph.Tgt, pm.Phrases[ph])
		}
		b.WriteString("}},\n")
	}
	b.WriteString("}\n")
	src, err := format.Source([]byte(b.String()))
	if err != nil {
		log.Fatal(err)
	}
	return src
}

func writeCounts(b *strings.Builder, c *align.Counts) {
	for u := range align.Size {
		for v := range align.Size {
			if n := c[u][v]; n >= 0.005 {
				fmt.Fprintf(b, "{%d, %d, %.2f}, ", u, v, n)
			}
		}
	}
}

func read(path string) ([]pair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var ps []pair
	foldOf, count := map[string]int{}, map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		p := strings.Split(sc.Text(), "\t")
		if len(p) != 4 || strings.HasPrefix(p[0], "#") || readingOf[p[1]] == "" {
			continue
		}
		// the pairs of one English name share a fold, assigned in turn
		key := p[1] + "\t" + p[2]
		fold, ok := foldOf[key]
		if !ok {
			fold = count[p[1]] % folds
			count[p[1]]++
			foldOf[key] = fold
		}
		ps = append(ps, pair{label: p[0] == "1", lang: p[1], fold: fold,
			ra: strings.Join(normalize.ParseName(p[2]).Parts, ""), rb: strings.Join(normalize.ParseName(p[3]).Parts, "")})
	}
	return ps, sc.Err()
}

// models are the models of each language: letter models for every one,
// phrase models for those of phraseOpts.
type models struct {
	letters map[string]*align.Counts
	phrases map[string]*align.Model
}

// train returns the models of each language fitted on the positives outside
// fold skip.
func train(pairs []pair, langs []string, skip int) *models {
	m := &models{letters: map[string]*align.Counts{}, phrases: map[string]*align.Model{}}
	for _, l := range langs {
		var tr [][2]string
		for _, p := range pairs {
			if p.lang == l && p.label && p.fold != skip {
				tr = append(tr, [2]string{p.ra, p.rb})
			}
		}
		m.letters[l] = &trimmed(tr, align.PhraseOptions{}).Counts
		if o, ok := phraseOpts[l]; ok {
			// the letters read alike, for the interpolation
			lm := trimmed(tr, align.PhraseOptions{Letters: o.Letters})
			m.phrases[l] = align.Interpolate(trimmed(tr, o), lm, phraseWeight)
		}
	}
	return m
}

// trimmed is trimmed estimation: the pairs the first model finds no more
// alike than unrelated names (a log-likelihood ratio of 0 or less) are
// mostly not renderings of one name (a given name paired with a family
// name, a translation), and are left out of the second.
func trimmed(tr [][2]string, o align.PhraseOptions) *align.Model {
	s := align.NewPhraseScorer(align.TrainPhrases(tr, iters, o))
	kept := tr[:0:0]
	for _, p := range tr {
		if s.Similarity([]byte(p[0]), []byte(p[1])) > 0 {
			kept = append(kept, p)
		}
	}
	return align.TrainPhrases(kept, iters, o)
}

// letterScorers returns the scorer of the letter model of each language.
func (m *models) letterScorers() map[string]*align.Scorer {
	s := map[string]*align.Scorer{}
	for l, c := range m.letters {
		s[l] = align.NewScorer(c.Normalize())
	}
	return s
}

// scorers returns the scorer of each language against English: by its
// phrase model if it has one, else by its letter model.
func (m *models) scorers() map[string]*align.Scorer {
	s := map[string]*align.Scorer{}
	for l, c := range m.letters {
		s[l] = align.NewScorer(c.Normalize())
		if pm := m.phrases[l]; pm != nil {
			s[l] = align.NewPhraseScorer(pm)
		}
	}
	return s
}

// thresholdAt returns the least score that at most rate of the scores reach.
func thresholdAt(neg []float64, rate float64) float64 {
	s := slices.Clone(neg)
	slices.Sort(s)
	k := int(rate * float64(len(s))) // scores allowed at or above
	return s[len(s)-k-1] + 1e-4
}

func writeRates(w *strings.Builder, pairs []pair, langs []string, same func(int) bool) {
	var tp, pos, fp, neg int
	for _, l := range langs {
		var ltp, lpos, lfp, lneg int
		for i, p := range pairs {
			if p.lang != l {
				continue
			}
			if p.label {
				lpos++
				if same(i) {
					ltp++
				}
			} else {
				lneg++
				if same(i) {
					lfp++
				}
			}
		}
		fmt.Fprintf(w, "//   %s recall %.3f (%d/%d), false matches %.4f (%d/%d)\n", l, float64(ltp)/float64(lpos), ltp, lpos, float64(lfp)/float64(lneg), lfp, lneg)
		tp, pos, fp, neg = tp+ltp, pos+lpos, fp+lfp, neg+lneg
	}
	fmt.Fprintf(w, "//   all recall %.3f (%d/%d), false matches %.4f (%d/%d)\n", float64(tp)/float64(pos), tp, pos, float64(fp)/float64(neg), fp, neg)
}

// logisticSlope fits P(label) = σ(a·x + b) by Newton's method and returns a.
func logisticSlope(pairs []pair, x []float64) float64 {
	a, b := 1.0, 0.0
	for range 50 {
		var ga, gb, haa, hab, hbb float64
		for i, p := range pairs {
			z := a*x[i] + b
			q := 1 / (1 + math.Exp(-z))
			y := 0.0
			if p.label {
				y = 1
			}
			ga += (y - q) * x[i]
			gb += y - q
			w := q * (1 - q)
			haa += w * x[i] * x[i]
			hab += w * x[i]
			hbb += w
		}
		det := haa*hbb - hab*hab
		if det == 0 {
			break
		}
		a += (hbb*ga - hab*gb) / det
		b += (haa*gb - hab*ga) / det
	}
	return a
}

// composed measures the scorers composed through English on pairs of
// renderings in two scripts: of one English name (the same), and of a name
// and every name of the other script's list whose English spelling differs
// by half its letters or more (different). It writes
// their rates to w and returns the threshold at the target rate.
func composed(w *strings.Builder, pairs []pair, langs []string, counts map[string]*align.Counts) float64 {
	render := map[string]map[string]string{} // lang → English → rendering
	for _, p := range pairs {
		if p.label {
			if render[p.lang] == nil {
				render[p.lang] = map[string]string{}
			}
			render[p.lang][p.ra] = p.rb
		}
	}
	type scored struct {
		langs string
		same  bool
		x     float64
	}
	var all []scored
	for i, l1 := range langs {
		for _, l2 := range langs[i+1:] {
			s := align.NewScorer(align.Compose(counts[l1].Normalize(), counts[l2].Normalize()))
			names := slices.Sorted(func(yield func(string) bool) {
				for e := range render[l2] {
					if !yield(e) {
						return
					}
				}
			})
			for j, e := range names {
				r1, ok := render[l1][e]
				if !ok {
					continue
				}
				all = append(all, scored{l1 + "-" + l2, true, s.Similarity([]byte(r1), []byte(render[l2][e]))})
				for k := 1; k < len(names); k++ {
					o := names[(j+k)%len(names)]
					if distance(e, o)*2 < max(len(e), len(o)) {
						continue
					}
					all = append(all, scored{l1 + "-" + l2, false, s.Similarity([]byte(r1), []byte(render[l2][o]))})
				}
			}
		}
	}
	var neg []float64
	for _, x := range all {
		if !x.same {
			neg = append(neg, x.x)
		}
	}
	th := thresholdAt(neg, targetFMR)
	var tp, pos, fp, nn int
	for _, x := range all {
		if x.same {
			pos++
			if x.x >= th {
				tp++
			}
		} else {
			nn++
			if x.x >= th {
				fp++
			}
		}
	}
	fmt.Fprintf(w, "//\n// Two scripts other than Latin, through English (in sample), at %.4f:\n", th)
	fmt.Fprintf(w, "//   recall %.3f (%d/%d), false matches %.4f (%d/%d)\n", float64(tp)/float64(max(pos, 1)), tp, pos, float64(fp)/float64(max(nn, 1)), fp, nn)
	return th
}

// distance is the Levenshtein distance of two strings of bytes.
func distance(a, b string) int {
	row := make([]int, len(b)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(a); i++ {
		diag := row[0]
		row[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(row[j]+1, row[j-1]+1, diag+cost)
			diag, row[j] = row[j], v
		}
	}
	return row[len(b)]
}
