package dedup

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

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

// cjkPressForms are short forms of country names in Chinese, Japanese and
// Korean headlines that CLDR lacks; they are kept only when the gazetteer
// knows them.
var cjkPressForms = []string{"米国", "美国", "北朝鮮", "朝鲜", "北韩", "韩国", "韓国", "英国", "豪州", "台湾", "中共"}

var places = sync.OnceValue(func() *placeScanner {
	g := normalize.Countries()
	s := &placeScanner{g: g, multi: make(map[string]bool), cjk: make(map[string]placeRef)}
	var regions []language.Region
	for _, r := range language.Supported.Regions() {
		if r.IsCountry() {
			regions = append(regions, r)
		}
	}
	addCJK := func(name string) {
		if code, ok := g.Lookup(name); ok {
			s.cjk[name] = placeRef{kindPlace, code}
			s.cjkMaxLen = max(s.cjkMaxLen, utf8.RuneCountInString(name))
		}
	}
	for _, t := range display.Supported.Tags() {
		namer := display.Regions(t)
		if namer == nil {
			continue
		}
		base, _ := t.Base()
		cjk := base.String() == "zh" || base.String() == "ja" || base.String() == "ko" || base.String() == "yue"
		for _, r := range regions {
			name := namer.Name(r)
			if cjk && !strings.Contains(name, " ") {
				addCJK(name)
			}
			if first, _, ok := strings.Cut(normalize.Fold(name), " "); ok {
				s.multi[first] = true
			}
		}
	}
	for _, name := range cjkPressForms {
		addCJK(name)
	}
	// Capitals and organisations written in Chinese characters or kana
	// (北京, 東京, 北约, 国連, ホワイトハウス): CJK text has no spaces to find
	// them as words.
	for name, e := range g.All() {
		if _, ok := s.cjk[name]; ok || utf8.RuneCountInString(name) < 2 || !allCJK(name) {
			continue
		}
		switch e.Kind {
		case normalize.Capital:
			s.cjk[name] = placeRef{kindPlace, e.Code}
		case normalize.Organization:
			s.cjk[name] = placeRef{kindOrg, e.Code}
		default:
			continue
		}
		s.cjkMaxLen = max(s.cjkMaxLen, utf8.RuneCountInString(name))
	}
	return s
})

// placeRef is a country or an organisation named in text.
type placeRef struct {
	kind kind // kindPlace or kindOrg
	code string
}

// find returns what the gazetteer knows a folded name as: a country, or a
// capital standing for its government (kindPlace, with the country's code),
// or an international organisation (kindOrg); code is "" for anything else.
func (s *placeScanner) find(name string) placeRef {
	if code, ok := s.g.Lookup(name); ok {
		return placeRef{kindPlace, code}
	}
	if e, ok := s.g.Find(name); ok && e.Kind == normalize.Organization {
		return placeRef{kindOrg, e.Code}
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
		if !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) && r != 'ー' {
			return false
		}
	}
	return true
}
