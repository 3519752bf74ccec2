package features

import (
	"strings"
	"unicode/utf8"
)

// cyrillicEndings are the case endings of Russian and Ukrainian nouns, each
// with what replaces it in the nominative: the gazetteer knows countries in
// the nominative (Япония, Афганистан, Китай, Україна), and the press writes
// them in every case (в Японии, в Афганистане, в Китае, в Україні).
// Longest endings first.
var cyrillicEndings = [...]struct{ end, nom string }{
	{"ией", "ия"}, {"ією", "ія"},
	{"ии", "ия"}, {"ию", "ия"}, {"ії", "ія"}, {"ію", "ія"},
	{"ой", "а"}, {"ою", "а"}, {"ей", "я"},
	{"ом", ""}, {"ем", "й"},
	{"ы", "а"}, {"і", "а"}, {"е", "а"}, {"у", "а"}, {"и", "а"},
	{"а", ""}, {"е", ""}, {"у", ""}, {"і", ""},
	{"я", "й"}, {"е", "й"}, {"ю", "й"}, {"і", "й"},
}

// cyrillicLemmas returns the nominative forms a folded Cyrillic word may be
// an inflection of, longest ending first. A stem keeps at least three
// letters, so that short words are not read as countries.
func cyrillicLemmas(w string) []string {
	var out []string
	for _, e := range cyrillicEndings {
		stem, ok := strings.CutSuffix(w, e.end)
		if ok && utf8.RuneCountInString(stem) >= 3 {
			out = append(out, stem+e.nom)
		}
	}
	return out
}
