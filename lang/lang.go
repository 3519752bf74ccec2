// Package lang identifies the language of news text: articles, titles, or a
// title with its article.
//
// A [Detector] decides in stages, each cheaper than the next, and stops at
// the first that is clear:
//
//  1. Script. The letters of the text decide its writing system. A script
//     written by one configured language decides alone: Hangul is Korean,
//     kana is Japanese, and Greek, Hebrew, Thai or Bengali letters are Greek,
//     Hebrew, Thai or Bengali. Han characters without kana are Chinese or
//     kanji-only Japanese; the character forms decide (see below).
//  2. Sample. Of a long text only DefaultSampleSize bytes are read: whole
//     words from its beginning (half of them), middle and end. Words that
//     are UTF-8 misread as Windows-1252 or Mac OS Roman ("CafÃ©") are read
//     again as UTF-8.
//  3. Letters. Where several configured languages share the script (Latin,
//     Cyrillic, Arabic, Devanagari), a model of letter pairs scores them. It
//     is lingua-go's own letter and letter pair models, quantized and
//     embedded (250 KB); it reads the whole sample in microseconds and rules
//     out all languages but one in most articles.
//  4. lingua. The languages still in the running are handed to
//     github.com/pemistahl/lingua-go, restricted to them, in its low
//     accuracy mode (trigrams). It reads about 100 letters at a time until
//     one language leads clearly.
//
// lingua keeps the models it loads for the life of the process and shares
// them between detectors. By default only the trigram models (1 to 2 MB
// each) of languages that came close on some text are loaded.
// [WithHighAccuracy] adds a fifth stage for short texts, at a cost of 25 to
// 30 MB per language; [WithLowAccuracy] stops after the third and loads no
// lingua model.
//
// # Kanji-only Japanese
//
// A title written in Han characters only cannot always be told from Chinese.
// Detect it together with its body: one kana in ten Han characters makes a
// text Japanese. Alone, such a text is Japanese when it holds more evidence
// for Japanese than for Chinese: character forms only Japanese uses (発 県 駅
// 円 続 々 …), or a mix of forms that Chinese keeps apart (会 next to 議);
// forms only Chinese uses (们 这 发 會 國 …) count for Chinese. Without
// evidence either way the result is Chinese with confidence 0.5 and Japanese
// as the runner-up.
//
// Results are golang.org/x/text/language tags; [language.Und] means the text
// had too few letters, mixed scripts without a majority, or a script none of
// the configured languages is written in.
package lang

import (
	"slices"
	"strings"
	"sync"

	"github.com/pemistahl/lingua-go"
	"golang.org/x/text/language"
)

// Result is the outcome of a detection.
type Result struct {
	// Tag is the detected language, or language.Und.
	Tag language.Tag
	// Confidence is in [0, 1]: 1 when the script alone decided, otherwise
	// the probability of Tag among the candidates that were still in the
	// running. It is 0 when Tag is language.Und.
	Confidence float64
	// Script is the writing system the text was routed by, for example
	// Latn, Cyrl, Arab, Jpan (Han with kana), Kore (Hangul), Hani (Han
	// only), or Zyyy when the text has no letters.
	Script language.Script
	// RunnerUp is the second most likely language when its probability is at
	// least a quarter of Tag's, otherwise language.Und.
	RunnerUp language.Tag
	// RunnerUpConfidence is the probability of RunnerUp.
	RunnerUpConfidence float64
}

// String returns the BCP 47 language subtag of the result ("ar", "ja", "und").
func (r Result) String() string {
	if r.Tag == language.Und {
		return "und"
	}
	base, _ := r.Tag.Base()
	return base.String()
}

// DefaultSampleSize is the number of bytes of a long text that are read.
const DefaultSampleSize = 2048

// minLetters is the fewest letters a text needs for a decision.
const minLetters = 2

// Option configures a Detector.
type Option func(*config)

type config struct {
	languages  []lingua.Language
	accuracy   accuracy
	sampleSize int
}

// accuracy selects the stages of rank.
type accuracy uint8

const (
	defaultAccuracy accuracy = iota
	lowAccuracy
	highAccuracy
)

// WithLanguages sets the languages to choose among. Tags lingua does not
// know are ignored. The default is [NewsLanguages].
func WithLanguages(tags ...language.Tag) Option {
	return func(c *config) {
		c.languages = c.languages[:0]
		for _, t := range tags {
			if l, ok := toLingua(t); ok && !slices.Contains(c.languages, l) {
				c.languages = append(c.languages, l)
			}
		}
	}
}

// WithAllLanguages makes every language lingua knows (75) a candidate.
func WithAllLanguages() Option {
	return func(c *config) { c.languages = lingua.AllLanguages() }
}

// WithLowAccuracy decides with the letter model alone and never loads
// lingua's n-gram models: the fastest and smallest setting, about as reliable
// on articles, less on titles (see the package documentation).
func WithLowAccuracy() Option {
	return func(c *config) { c.accuracy = lowAccuracy }
}

// WithHighAccuracy gives short texts (titles) that are still open a second
// opinion from lingua's high accuracy mode, n-grams of 1 to 5 letters, among
// the three best candidates. It makes titles a little more reliable, but
// every language that comes up loads 25 to 30 MB of models, kept for the life
// of the process: hundreds of MB over a stream of titles in many languages.
func WithHighAccuracy() Option {
	return func(c *config) { c.accuracy = highAccuracy }
}

// WithSampleSize sets how many bytes of a long text are read (default
// DefaultSampleSize). Values <= 0 mean the whole text.
func WithSampleSize(n int) Option {
	return func(c *config) { c.sampleSize = n }
}

// NewsLanguages returns the default language set: the major languages of
// international news.
func NewsLanguages() []language.Tag {
	codes := []string{"ar", "fa", "ur", "he", "tr", "ru", "uk", "zh", "ja", "ko", "hi", "bn", "id", "vi", "th",
		"en", "es", "pt", "fr", "de", "it", "nl", "pl", "sv", "el", "ro", "cs", "hu"}
	tags := make([]language.Tag, len(codes))
	for i, c := range codes {
		tags[i] = language.Make(c)
	}
	return tags
}

// Detector detects languages. Its zero value is ready to use with the default
// configuration. A Detector is safe for concurrent use by multiple goroutines.
type Detector struct {
	opts []Option

	once      sync.Once
	cfg       config
	groups    [numScripts][]lingua.Language // configured languages by script
	detectors sync.Map                      // detectorKey → lingua.LanguageDetector
}

// New returns a Detector configured by opts.
func New(opts ...Option) *Detector {
	return &Detector{opts: opts}
}

func (d *Detector) init() {
	d.once.Do(func() {
		d.cfg.sampleSize = DefaultSampleSize
		WithLanguages(NewsLanguages()...)(&d.cfg)
		for _, o := range d.opts {
			o(&d.cfg)
		}
		info := linguaTable()
		for _, l := range d.cfg.languages {
			s := info.scripts[l]
			d.groups[s] = append(d.groups[s], l)
			if s == jpan {
				// Han-only text may be kanji-only Japanese.
				d.groups[hani] = append(d.groups[hani], l)
			}
		}
	})
}

// Languages returns the languages the Detector chooses among, sorted by tag.
func (d *Detector) Languages() []language.Tag {
	d.init()
	tags := make([]language.Tag, 0, len(d.cfg.languages))
	for _, l := range d.cfg.languages {
		tags = append(tags, fromLingua(l))
	}
	slices.SortFunc(tags, func(a, b language.Tag) int { return strings.Compare(a.String(), b.String()) })
	return tags
}

// Detect returns the language of text. Pass the title and the body of an
// article together, as one text: the body often decides what the title cannot.
func (d *Detector) Detect(text string) Result {
	return d.DetectHint(text, language.Und)
}

// DetectHint is like Detect but takes the language a caller believes the
// text is in, for example from a feed's metadata; language.Und means none.
// The hint is checked, not trusted:
//
//   - it is ignored unless the language is written in the text's script;
//   - a language lingua knows competes with the configured languages of that
//     script (even if it is not one of them) and wins unless the text makes
//     the best of them more than ten times as likely;
//   - a language lingua does not know is accepted on its script alone, with
//     confidence 0.5 and the detected language as the runner-up.
//
// A text with too few letters gives language.Und whatever the hint.
func (d *Detector) DetectHint(text string, hint language.Tag) Result {
	d.init()
	windows := sample(text, d.cfg.sampleSize)
	var counts scriptCounts
	letters := 0
	for i := range windows {
		windows[i] = repairMojibake(windows[i])
		letters += counts.count(windows[i])
	}
	route, majority := counts.route()
	res := Result{Tag: language.Und, Script: route.tag(), RunnerUp: language.Und}
	if letters < minLetters || !majority {
		return res
	}
	if hint != language.Und && !writes(scriptOfTag(hint), route) {
		hint = language.Und
	}
	hintLang, hintKnown := lingua.Unknown, false
	if hint != language.Und {
		hintLang, hintKnown = toLingua(hint)
		hintKnown = hintKnown && writes(linguaTable().scripts[hintLang], route)
	}
	cands := d.groups[route]
	if hintKnown && !slices.Contains(cands, hintLang) {
		cands = append(cands[:len(cands):len(cands)], hintLang)
	}
	var scores []score
	switch {
	case len(cands) == 1:
		scores = []score{{lang: cands[0]}}
	case len(cands) > 1 && route == hani:
		scores = weighHan(windows).scores()
	case len(cands) > 1:
		scores = d.rank(windows, route, cands, letters)
	}
	res.set(scores)
	switch {
	case hintKnown:
		res.prefer(hintLang, scores)
	case hint != language.Und:
		res.RunnerUp, res.RunnerUpConfidence = res.Tag, res.Confidence
		res.Tag, res.Confidence = hint, 0.5
	}
	return res
}

// hintOdds is how many times likelier than a hint the best language must be
// for the hint to be rejected.
const hintOdds = 10

// set fills in the result from scores sorted best first.
func (r *Result) set(scores []score) {
	if len(scores) == 0 {
		return
	}
	p := softmax(scores)
	r.Tag, r.Confidence = fromLingua(scores[0].lang), p[0]
	if len(p) > 1 && p[1]*4 >= p[0] {
		r.RunnerUp, r.RunnerUpConfidence = fromLingua(scores[1].lang), p[1]
	}
}

// prefer makes the hint the result if its score is close enough to the best.
func (r *Result) prefer(hint lingua.Language, scores []score) {
	p := softmax(scores)
	for i, s := range scores {
		if s.lang != hint {
			continue
		}
		if i > 0 && p[i]*hintOdds >= p[0] {
			r.RunnerUp, r.RunnerUpConfidence = r.Tag, r.Confidence
			r.Tag, r.Confidence = fromLingua(hint), p[i]
		}
		return
	}
}

// writes reports whether a language written in script s can be the
// language of a text routed by route: Han-only text can be Japanese.
func writes(s, route script) bool {
	return s == route || (s == jpan && route == hani)
}
