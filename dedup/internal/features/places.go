package features

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/eventdedup/eventdedup/normalize"
)

// placeScanner finds country names in text through the gazetteer of package
// normalize. Looking up every word n-gram there would fold each phrase again;
// the scanner only asks about phrases that can start a name, and finds names
// inside CJK runs, which have no spaces, by scanning substrings against the
// CJK names of the gazetteer.
type placeScanner struct {
	g *normalize.Gazetteer
	// multi holds the folded first words of multi-word names.
	multi map[string]bool
	// cjk maps the CJK-script names of countries, capitals and
	// organisations to what they name.
	cjk       map[string]placeRef
	cjkMaxLen int // in runes
}

var places = sync.OnceValue(func() *placeScanner {
	g := normalize.Countries()
	s := &placeScanner{g: g, multi: make(map[string]bool), cjk: make(map[string]placeRef)}
	for name, e := range g.All() {
		if first, _, ok := strings.Cut(name, " "); ok {
			s.multi[first] = true
			continue
		}
		// CJK text has no spaces to find names as words: its countries,
		// capitals and organisations (日本, 北京, 北约, ホワイトハウス) are
		// looked for in every run. Names of one character (日, 美) are
		// found only in other words.
		n := utf8.RuneCountInString(name)
		if n < 2 || !allCJK(name) {
			continue
		}
		switch e.Kind {
		case normalize.Country, normalize.Capital:
			s.cjk[name] = placeRef{KindPlace, e.Code}
		case normalize.Organization:
			s.cjk[name] = placeRef{KindOrg, e.Code}
		default:
			continue
		}
		s.cjkMaxLen = max(s.cjkMaxLen, n)
	}
	return s
})

// placeRef is a country or an organisation named in text.
type placeRef struct {
	kind Kind // kindPlace or kindOrg
	code string
}

// find returns what the gazetteer knows a folded name as: a country, or a
// capital standing for its government (kindPlace, with the country's code),
// or an international organisation (kindOrg); code is "" for anything else.
func (s *placeScanner) find(name string) placeRef {
	e, _ := s.g.Find(name)
	switch e.Kind {
	case normalize.Country, normalize.Capital:
		return placeRef{KindPlace, e.Code}
	case normalize.Organization:
		return placeRef{KindOrg, e.Code}
	}
	return placeRef{}
}

// scanCJK calls fn with every country, capital or organisation named in a
// CJK run, longest match first.
func (s *placeScanner) scanCJK(run string, fn func(p placeRef)) {
	offs := make([]int, 0, len(run)/3+1)
	for i := range run {
		offs = append(offs, i)
	}
	offs = append(offs, len(run))
	n := len(offs) - 1 // runes
	for i := 0; i < n; {
		step := 1
		for m := min(s.cjkMaxLen, n-i); m >= 2; m-- {
			name := run[offs[i]:offs[i+m]]
			if p, ok := s.cjk[name]; ok {
				fn(p)
				step = m
				break
			}
		}
		i += step
	}
}

// allCJK reports whether s is written in Chinese characters and kana only.
func allCJK(s string) bool {
	for _, r := range s {
		if ScriptOf(r) != ScriptCJK {
			return false
		}
	}
	return true
}
