// Package lang identifies the language of news text.
//
// A [Detector] first decides the writing system of a text from its letters and
// then, only where a script is shared by several languages (Latin, Cyrillic,
// Arabic, Devanagari), asks github.com/pemistahl/lingua-go to choose among the
// configured languages of that script. Texts in scripts used by a single
// language (Hangul, kana, Greek, Hebrew, Thai, …) never reach lingua, and
// lingua only loads the models of the languages a text could be in.
//
// Results are golang.org/x/text/language tags; [language.Und] means the text was
// empty, had no letters, or was too short or too mixed to tell.
package lang

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/pemistahl/lingua-go"
	"golang.org/x/text/language"
)

// Result is the outcome of a detection.
type Result struct {
	// Tag is the detected language, or language.Und.
	Tag language.Tag
	// Confidence is in [0, 1]: 1 when the script alone decided, otherwise
	// lingua's relative confidence in Tag.
	Confidence float64
	// Script is the dominant writing system of the text (for example Latn,
	// Arab, Jpan, Kore, Hani), or Zyyy when the text has no letters.
	Script language.Script
	// RunnerUp is the second most likely language when its confidence is close
	// to Tag's (within 0.2), otherwise language.Und.
	RunnerUp language.Tag
	// RunnerUpConfidence is the confidence of RunnerUp.
	RunnerUpConfidence float64
}

// String returns the BCP 47 language subtag of the result ("ar", "ja", "und").
func (r Result) String() string {
	base, _ := r.Tag.Base()
	if r.Tag == language.Und {
		return "und"
	}
	return base.String()
}

// Default settings.
const (
	// DefaultSampleSize is the number of bytes of a long text that are read.
	DefaultSampleSize = 2048
	// minLetters is the fewest letters a text needs for a decision.
	minLetters = 2
)

// Option configures a Detector.
type Option func(*config)

type config struct {
	languages  []lingua.Language
	lowAcc     bool
	sampleSize int
}

// WithLanguages restricts detection to the given languages. Tags lingua does
// not know are ignored. The default is [NewsLanguages].
func WithLanguages(tags ...language.Tag) Option {
	return func(c *config) {
		c.languages = c.languages[:0]
		for _, t := range tags {
			if l, ok := toLingua(t); ok {
				c.languages = append(c.languages, l)
			}
		}
	}
}

// WithAllLanguages makes every language lingua knows (75) a candidate.
func WithAllLanguages() Option {
	return func(c *config) { c.languages = lingua.AllLanguages() }
}

// WithLowAccuracy uses lingua's low accuracy mode: faster and much smaller in
// memory, less reliable on texts shorter than about 120 characters.
func WithLowAccuracy() Option {
	return func(c *config) { c.lowAcc = true }
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

	once   sync.Once
	cfg    config
	groups map[language.Script]*group
}

// group holds the candidate languages of one script and, when there are
// several, a lingua detector restricted to them, built on first use.
type group struct {
	languages []lingua.Language
	once      sync.Once
	det       lingua.LanguageDetector
}

// New returns a Detector configured by opts.
func New(opts ...Option) *Detector {
	return &Detector{opts: opts}
}

func (d *Detector) init() {
	d.once.Do(func() {
		for _, t := range NewsLanguages() {
			if l, ok := toLingua(t); ok {
				d.cfg.languages = append(d.cfg.languages, l)
			}
		}
		d.cfg.sampleSize = DefaultSampleSize
		for _, o := range d.opts {
			o(&d.cfg)
		}
		d.groups = make(map[language.Script]*group)
		for _, l := range d.cfg.languages {
			for _, s := range scriptsOf(l) {
				g := d.groups[s]
				if g == nil {
					g = &group{}
					d.groups[s] = g
				}
				g.languages = append(g.languages, l)
			}
		}
	})
}

// Detect returns the language of text. Pass the title and the body of an
// article together, as one text: the body often decides what the title cannot.
func (d *Detector) Detect(text string) Result {
	return d.DetectHint(text, language.Und)
}

// DetectHint is like Detect but takes the language a caller believes the text
// is in. The hint is accepted when it is written in the text's script and is
// not clearly contradicted by the text; otherwise it is ignored.
func (d *Detector) DetectHint(text string, hint language.Tag) Result {
	d.init()
	text = sample(text, d.cfg.sampleSize)
	counts := countScripts(text, 0)
	script := counts.dominant()
	res := Result{Tag: language.Und, Script: script, RunnerUp: language.Und}
	if counts.total < minLetters {
		return res
	}
	key := script
	switch script {
	case scriptKore:
		key = scriptHang
	case scriptHani:
		// Han alone is ambiguous between Chinese and kanji-only Japanese;
		// a Japanese hint decides.
		if g := d.groups[scriptJpan]; g != nil && hint != language.Und && sameBase(hint, language.Japanese) {
			return Result{Tag: language.Japanese, Confidence: 1, Script: script, RunnerUp: language.Und}
		}
	}
	g := d.groups[key]
	if g == nil || len(g.languages) == 0 {
		return res
	}
	if len(g.languages) == 1 {
		res.Tag = fromLingua(g.languages[0])
		res.Confidence = 1
		return res
	}
	g.once.Do(func() {
		b := lingua.NewLanguageDetectorBuilder().FromLanguages(g.languages...)
		if d.cfg.lowAcc {
			b = b.WithLowAccuracyMode()
		}
		g.det = b.Build()
	})
	values := g.det.ComputeLanguageConfidenceValues(text)
	if len(values) == 0 || values[0].Value() == 0 {
		return res
	}
	res.Tag = fromLingua(values[0].Language())
	res.Confidence = values[0].Value()
	if len(values) > 1 && values[0].Value()-values[1].Value() < 0.2 {
		res.RunnerUp = fromLingua(values[1].Language())
		res.RunnerUpConfidence = values[1].Value()
	}
	if hint != language.Und && !sameBase(hint, res.Tag) {
		for _, v := range values {
			if sameBase(fromLingua(v.Language()), hint) && v.Value() >= res.Confidence/2 {
				res.RunnerUp, res.RunnerUpConfidence = res.Tag, res.Confidence
				res.Tag, res.Confidence = fromLingua(v.Language()), v.Value()
				break
			}
		}
	}
	return res
}

func sameBase(a, b language.Tag) bool {
	ab, _ := a.Base()
	bb, _ := b.Base()
	return ab == bb
}

// sample returns at most n bytes of s, cut at a rune boundary: the beginning,
// middle and end of a long text, so that a long English preamble does not hide
// the language of the body.
func sample(s string, n int) string {
	if n <= 0 || len(s) <= n {
		return s
	}
	part := n / 3
	cut := func(from int) string {
		for from > 0 && from < len(s) && !utf8.RuneStart(s[from]) {
			from++
		}
		to := min(from+part, len(s))
		for to < len(s) && !utf8.RuneStart(s[to]) {
			to++
		}
		return s[from:to]
	}
	return cut(0) + " " + cut(len(s)/2-part/2) + " " + cut(len(s)-part)
}

// toLingua maps an x/text tag to a lingua language.
func toLingua(t language.Tag) (lingua.Language, bool) {
	base, _ := t.Base()
	code := strings.ToUpper(base.String())
	for _, l := range lingua.AllLanguages() {
		if l.IsoCode639_1().String() == code {
			return l, true
		}
	}
	return lingua.Unknown, false
}

// fromLingua maps a lingua language to an x/text tag.
func fromLingua(l lingua.Language) language.Tag {
	if l == lingua.Unknown {
		return language.Und
	}
	return language.Make(strings.ToLower(l.IsoCode639_1().String()))
}

// linguaScripts lists the scripts of the languages lingua knows that are not
// written in the Latin alphabet.
var linguaScripts = map[lingua.Language][]language.Script{
	lingua.Arabic:     {scriptArab},
	lingua.Persian:    {scriptArab},
	lingua.Urdu:       {scriptArab},
	lingua.Belarusian: {scriptCyrl},
	lingua.Bulgarian:  {scriptCyrl},
	lingua.Kazakh:     {scriptCyrl},
	lingua.Macedonian: {scriptCyrl},
	lingua.Mongolian:  {scriptCyrl},
	lingua.Russian:    {scriptCyrl},
	lingua.Serbian:    {scriptCyrl},
	lingua.Ukrainian:  {scriptCyrl},
	lingua.Greek:      {scriptGrek},
	lingua.Hebrew:     {scriptHebr},
	lingua.Chinese:    {scriptHani},
	lingua.Japanese:   {scriptJpan},
	lingua.Korean:     {scriptHang},
	lingua.Thai:       {scriptThai},
	lingua.Hindi:      {scriptDeva},
	lingua.Marathi:    {scriptDeva},
	lingua.Bengali:    {scriptBeng},
	lingua.Georgian:   {scriptGeor},
	lingua.Armenian:   {scriptArmn},
	lingua.Gujarati:   {scriptGujr},
	lingua.Punjabi:    {scriptGuru},
	lingua.Tamil:      {scriptTaml},
	lingua.Telugu:     {scriptTelu},
}

// scriptsOf returns the scripts language l is written in.
func scriptsOf(l lingua.Language) []language.Script {
	if s, ok := linguaScripts[l]; ok {
		return s
	}
	return []language.Script{scriptLatn}
}

// Languages returns the languages the Detector chooses among, sorted by tag.
func (d *Detector) Languages() []language.Tag {
	d.init()
	tags := make([]language.Tag, 0, len(d.cfg.languages))
	for _, l := range d.cfg.languages {
		tags = append(tags, fromLingua(l))
	}
	sort.Slice(tags, func(i, j int) bool { return tags[i].String() < tags[j].String() })
	return tags
}
