package features

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/eventdedup/eventdedup/news"
	"github.com/eventdedup/eventdedup/normalize"
)

func TestFindNumbers(t *testing.T) {
	tests := []struct {
		text string
		want []string
		why  string
	}{
		{"The 2+2 talks", []string{"2+2"}, "N+N forms stay whole"},
		{"15,000 people and 15.000 Menschen", []string{"15000", "15000"}, "thousands separators of any language"},
		{"a 1.2 metre wave, 1,2 Meter", []string{"1.2", "1.2"}, "decimals with a point or a comma"},
		{"in 2022, 7 people", nil, "single digits say nothing, and a year is no number of an event"},
		{"2,022 people in 2022", []string{"2022"}, "a count with a separator is a number, the year is not"},
		{"٤٥ and ４５", []string{"45", "45"}, "digits of every script"},
		{"F-35 jets", []string{"35"}, "numbers inside names"},
		{"１２＋３", []string{"12+3"}, "full-width signs"},
	}
	for _, tt := range tests {
		var got []string
		findNumbers(digitsOf(tt.text), func(n string) { got = append(got, n) })
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: numbers of %q = %q, want %q", tt.why, tt.text, got, tt.want)
		}
	}
}

// names returns the name candidates extracted from a document, as
// "surface=key", weak ones marked with "?".
func names(t *testing.T, x *Extractor, title, text, lang string) []string {
	t.Helper()
	e, err := x.Extract(news.Document{Title: title, Text: text}, lang)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range e.mentions {
		if m.kind != KindName {
			continue
		}
		s := m.text + "=" + m.key
		if m.weak {
			s = "?" + s
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func TestNames(t *testing.T) {
	x, err := NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	blinken := normalize.Key("Blinken")
	tests := []struct {
		lang, title, text string
		want, not         []string // candidates present, absent
		why               string
	}{{
		lang: "en", text: "On Friday the talks began. Secretary of State Antony Blinken said the talks were useful.",
		want: []string{"Antony=" + normalize.Key("Antony"), "Blinken=" + blinken},
		not:  []string{"On=", "Secretary=", "State="},
		why:  "capitalised words are names, unless sentence-initial only, titles, or written in lower case too",
	}, {
		lang: "en", title: "Talks End Without A Deal", text: "The talks ended without a deal, Blinken's office said.",
		want: []string{"Blinken=" + blinken},
		not:  []string{"Talks=", "Deal="},
		why:  "a title-case headline says nothing for sure; the possessive is dropped",
	}, {
		lang: "en", title: "Lindsay Lohan Checks Into Rehab Again",
		want: []string{"?Lohan=" + normalize.Key("Lohan")},
		not:  []string{"Lohan=", "Lindsay="},
		why:  "the words of a title-case headline are weak candidates, names where the window attests them",
	}, {
		lang: "en", title: "Erdogan wins the run-off as turnout falls",
		want: []string{"?Erdogan=" + normalize.Key("Erdogan")},
		not:  []string{"Erdogan="},
		why:  "a headline's first word is a weak candidate",
	}, {
		lang: "de", title: "Scholz Trifft Macron Zum Gespräch In Paris",
		not: []string{"?Scholz=", "?Gespräch=", "Scholz="},
		why: "German capitalises every noun: a title-case German headline has no candidates",
	}, {
		lang: "fr", text: "Le chef de l'UEFA a parlé avec M. Blinken à Vienne.",
		want: []string{"UEFA==uefa", "Blinken=" + blinken},
		why:  "elided articles are dropped; acronyms are keyed by their letters",
	}, {
		lang: "tr", text: "Bakan, Blinken'in açıklamasını değerlendirdi.",
		want: []string{"Blinken=" + blinken},
		why:  "Turkish suffixes after an apostrophe are dropped",
	}, {
		lang: "en", title: "TAKE A FREE TRIAL", text: "Read the SSEN statement.",
		want: []string{"SSEN==ssen"},
		not:  []string{"TAKE==take", "FREE==free", "TRIAL==trial"},
		why:  "a run of capitals is shouting, not acronyms",
	}, {
		lang: "ar", text: "قال وزير الخارجية بلينكن إن المحادثات مفيدة",
		want: []string{"?بلينكن=" + blinken},
		not:  []string{"?وزير="},
		why:  "uncased words are weak candidates; titles are not",
	}, {
		lang: "ja", text: "ブリンケン国務長官は述べた。",
		want: []string{"?ブリンケン=" + blinken},
		why:  "katakana runs are weak candidates",
	}, {
		lang: "zh", text: "美国国务卿布林肯表示。",
		want: []string{"?布林肯=" + blinken},
		why:  "runs of transcription characters are weak candidates in Chinese",
	}, {
		lang: "ko", text: "블링컨 국무장관은 말했다.",
		want: []string{"?블링컨=" + blinken},
		why:  "Hangul words are weak candidates",
	}, {
		lang: "en", text: "The vote, held on Friday 7 January, was won by Theresa May. Talks resume on Monday.",
		want: []string{"Theresa=" + normalize.Key("Theresa")},
		not:  []string{"Friday=", "January=", "Monday="},
		why:  "weekdays and months are not names",
	}, {
		lang: "de", text: "Am Freitag sagte Scholz, die Gespräche würden im Januar fortgesetzt.",
		want: []string{"Scholz=" + normalize.Key("Scholz")},
		not:  []string{"Freitag=", "Januar="},
		why:  "German capitalises weekdays and months like every noun",
	}, {
		lang: "ru", text: "Землетрясение произошло у Герата, сообщил Хасан.",
		want: []string{"Херата=" + normalize.Key("Herat"), "Хасан=" + normalize.Key("Hasan")},
		why:  "Russian г stands for a foreign h as often as х does",
	}, {
		lang: "ru", text: "Госсекретарь США Энтони Блинкен заявил.",
		want: []string{"Блинкен=" + blinken},
		why:  "Cyrillic is cased",
	}}
	for _, tt := range tests {
		got := names(t, x, tt.title, tt.text, tt.lang)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: %q: %s missing from %q", tt.why, tt.text, w, got)
			}
		}
		for _, n := range tt.not {
			if slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, n) }) {
				t.Errorf("%s: %q: %s is not a name: %q", tt.why, tt.text, n, got)
			}
		}
	}
}

func TestPlaces(t *testing.T) {
	x, err := NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang, text string
		want, not  []string
		why        string
	}{
		{"en", "North Korea's launch worried Japan.", []string{"p:JP", "p:KP"}, []string{"p:KR"}, "multi-word names, possessive"},
		{"en", "Washington and Tokyo agreed.", []string{"p:JP", "p:US"}, nil, "capitals stand for governments"},
		{"es", "Un misil cayó cerca de Japón.", []string{"p:JP"}, []string{"o:UN"}, "the article un is not the UN"},
		{"ar", "واشنطن وطوكيو واليابان", []string{"p:JP", "p:US"}, nil, "Arabic proclitics"},
		{"ja", "日本と北朝鮮", []string{"p:JP", "p:KP"}, nil, "names inside CJK runs"},
		{"ko", "북한이 미사일을 발사했다", []string{"p:KP"}, nil, "Korean particles; short names in uncased scripts"},
		{"en", "The NATO-Russia Council met.", []string{"o:NATO", "p:RU"}, nil, "organisations"},
	}
	for _, tt := range tests {
		e, err := x.Extract(news.Document{Text: tt.text}, tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range e.mentions {
			switch m.kind {
			case KindPlace:
				got = append(got, "p:"+m.key)
			case KindOrg:
				got = append(got, "o:"+m.key)
			}
		}
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: %q: %s missing from %q", tt.why, tt.text, w, got)
			}
		}
		for _, n := range tt.not {
			if slices.Contains(got, n) {
				t.Errorf("%s: %q: %s found in %q", tt.why, tt.text, n, got)
			}
		}
	}
}

// TestAnalyzers checks that the analyzer of every language with its own
// builds: they are built on first use, not by NewExtractor.
func TestAnalyzers(t *testing.T) {
	x, err := NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	for lang := range analyzerNames {
		an, err := x.Analyzer(lang)
		if err != nil || an == nil {
			t.Errorf("analyzer(%q) = %v, %v", lang, an, err)
		}
	}
}
