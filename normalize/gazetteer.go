package normalize

import (
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Gazetteer maps names of countries and regions, in any language CLDR covers,
// to their ISO 3166 region codes: "اليابان", "日本", "Япония" and "Japan" all
// map to "JP".
//
// A Gazetteer is immutable and safe for concurrent use.
type Gazetteer struct {
	names  map[string]string // folded name → region code
	maxLen int               // the most words in a name
}

var (
	countriesOnce sync.Once
	countries     *Gazetteer
)

// Countries returns the gazetteer of countries built from the CLDR region names
// of golang.org/x/text/language/display, in every language it supports, plus
// common press forms CLDR lacks. It is built on first use (a few tens of
// milliseconds) and shared.
func Countries() *Gazetteer {
	countriesOnce.Do(func() { countries = buildCountries() })
	return countries
}

func buildCountries() *Gazetteer {
	g := &Gazetteer{names: make(map[string]string, 1<<16)}
	var regions []language.Region
	for _, r := range language.Supported.Regions() {
		if r.IsCountry() {
			regions = append(regions, r)
		}
	}
	for _, t := range display.Supported.Tags() {
		namer := display.Regions(t)
		if namer == nil {
			continue
		}
		for _, r := range regions {
			g.add(namer.Name(r), r.String())
		}
	}
	for name, code := range pressForms {
		g.add(name, code)
	}
	return g
}

func (g *Gazetteer) add(name, code string) {
	key := Fold(strings.TrimSpace(name))
	if key == "" {
		return
	}
	if prev, ok := g.names[key]; ok && prev != code {
		// A name shared by two regions in different languages is ambiguous;
		// keep the first (CLDR order is stable) rather than guess.
		return
	}
	g.names[key] = code
	if n := len(strings.Fields(key)); n > g.maxLen {
		g.maxLen = n
	}
}

// Lookup returns the region code of a country name, in any language and
// script, and whether it is known. The name is folded first.
func (g *Gazetteer) Lookup(name string) (code string, ok bool) {
	code, ok = g.names[Fold(strings.TrimSpace(name))]
	return code, ok
}

// MaxWords returns the largest number of space-separated words in a known
// name, so that callers scanning text know how many words to join.
func (g *Gazetteer) MaxWords() int { return g.maxLen }

// pressForms are names news uses that CLDR does not list as region names:
// abbreviations and short forms. Capitals used for governments are left to
// the caller.
var pressForms = map[string]string{
	"us": "US", "u.s.": "US", "usa": "US", "u.s.a.": "US", "america": "US", "米国": "US", "美国": "US",
	"uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB",
	"north korea": "KP", "dprk": "KP", "south korea": "KR", "朝鲜": "KP", "北朝鮮": "KP", "북한": "KP",
	"uae": "AE", "emirates": "AE", "الامارات": "AE",
	"russia": "RU", "china": "CN", "taiwan": "TW",
}
