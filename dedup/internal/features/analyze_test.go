package features

import (
	"slices"
	"testing"
)

// TestTermsOfCached checks that the terms of a text through the filter
// cache are those of the analyzer, the first time (words not cached) and
// the second (cached), for every language with an analyzer and for the
// standard one; and that the CJK analyzer, whose bigram filter joins
// tokens, is not cached.
func TestTermsOfCached(t *testing.T) {
	x, err := NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"The minister's talks in Valdoria ended on Friday; officials said 1,200 people were evacuated.",
		"Die Ministerin sprach am Freitag mit den Behörden über die Überschwemmungen in Valdoria.",
		"Le ministre d'État s'est rendu à l'hôpital : les inondations ont fait 12 morts.",
		"El ministro habló con las autoridades sobre las inundaciones en Valdoria.",
		"Bakan'ın Valdoria'daki görüşmeleri cuma günü sona erdi; yetkililer açıklama yaptı.",
		"Министр провёл переговоры в Вальдории в пятницу; эвакуированы 1200 человек.",
		"Minister rozmawiał w piątek z władzami o powodziach w Valdorii.",
		"وزير الخارجية بحث مع المسؤولين في فالدوريا الفيضانات يوم الجمعة",
		"वाल्डोरिया में बाढ़ से बारह लोगों की मौत हो गई",
		"瓦尔多里亚发生洪水，部长周五与官员会谈。",
	}
	langs := []string{"und"}
	for l := range analyzerNames {
		langs = append(langs, l)
	}
	slices.Sort(langs)
	for _, lang := range langs {
		an, err := x.Analyzer(lang)
		if err != nil {
			t.Fatal(err)
		}
		fc := x.stdFilters
		if c, ok := x.filters[lang]; ok {
			fc = c
		}
		cached := perToken(an)
		if cjk := analyzerNames[lang] == "cjk"; cached == cjk {
			t.Errorf("%s: filters cached %v", lang, cached)
		}
		if !cached {
			continue
		}
		for round := range 2 {
			for _, text := range texts {
				var want []string
				for _, tok := range an.Analyze([]byte(text)) {
					want = append(want, string(tok.Term))
				}
				if got := termsOf(an, fc, []byte(text)); !slices.Equal(got, want) {
					t.Errorf("%s, round %d: terms of %.30q…\n got %q\nwant %q", lang, round, text, got, want)
				}
			}
		}
	}
}
