package normalize

import (
	"bufio"
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Kind is the kind of place or body a gazetteer entry names.
type Kind uint8

const (
	// Country is a country or territory with an ISO 3166 code.
	Country Kind = iota + 1
	// Capital is a capital city, which news uses for the country's
	// government ("Washington said", "北京表示"); its Code is the country's.
	Capital
	// Region is a continent or group of countries with a UN M.49 code
	// ("150" Europe, "145" Western Asia).
	Region
	// Organization is an international organisation or a seat of power that
	// stands for one (NATO, UN, EU, WHO, Kremlin, White House); its Code is
	// its usual English abbreviation or name in capitals.
	Organization
)

// Entry is what a gazetteer knows about a name.
type Entry struct {
	Code string
	Kind Kind
}

// Gazetteer maps names of countries, capitals, regions and international
// organisations, in any language CLDR covers, to codes: "اليابان", "日本",
// "Япония" and "Japan" all map to "JP"; "北约", "ОТАН" and "NATO" to "NATO".
//
// A Gazetteer is immutable and safe for concurrent use.
type Gazetteer struct {
	names  map[string]Entry // folded name → entry
	stems  map[string]bool  // Arabic-script country names without a final ا or يا, for demonyms
	maxLen int              // the most words in a name
	cjkMax int              // the most runes in a name written without spaces
}

//go:embed press.txt
var pressData string

var countriesOnce = sync.OnceValue(buildCountries)

// Countries returns the gazetteer built from the CLDR region names of
// golang.org/x/text/language/display, in every language it supports, plus a
// curated table of press forms CLDR lacks (米国, 美, 香港, 北, USA, Britain),
// capitals used for governments (Washington, Tokyo, Beijing …) and
// international organisations (UN, NATO, EU, ASEAN, CSTO/ОДКБ/集安组织 …).
// It is built on first use (tens of milliseconds) and shared.
func Countries() *Gazetteer { return countriesOnce() }

func buildCountries() *Gazetteer {
	g := &Gazetteer{names: make(map[string]Entry, 1<<16), stems: map[string]bool{}}
	// Curated forms first: they win over CLDR names of other regions.
	sc := bufio.NewScanner(strings.NewReader(pressData))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			continue
		}
		kind := map[string]Kind{"country": Country, "capital": Capital, "org": Organization}[f[1]]
		for _, name := range strings.Split(f[2], "|") {
			g.add(name, Entry{f[0], kind})
		}
	}
	var regions []language.Region
	for _, r := range language.Supported.Regions() {
		if r.IsCountry() || r.String() == "EU" || r.M49() > 1 && r.M49() < 900 {
			regions = append(regions, r)
		}
	}
	for _, t := range display.Supported.Tags() {
		namer := display.Regions(t)
		if namer == nil {
			continue
		}
		for _, r := range regions {
			e := Entry{r.String(), Country}
			switch {
			case e.Code == "EU":
				e.Kind = Organization
			case !r.IsCountry():
				e.Kind = Region
			}
			g.add(namer.Name(r), e)
		}
	}
	return g
}

func (g *Gazetteer) add(name string, e Entry) {
	key := Fold(strings.TrimSpace(name))
	if key == "" {
		return
	}
	if _, ok := g.names[key]; ok {
		// A name shared by two entries (in different languages) is
		// ambiguous; keep the first, curated or in CLDR's stable order.
		return
	}
	g.names[key] = e
	g.maxLen = max(g.maxLen, len(strings.Fields(key)))
	r, _ := utf8.DecodeRuneInString(key)
	switch sc, _ := scriptOf(r); sc {
	case scHan, scKana, scHangul:
		g.cjkMax = max(g.cjkMax, utf8.RuneCountInString(key))
	case scArabic:
		if e.Kind == Country && !strings.Contains(key, " ") {
			stem := strings.TrimSuffix(strings.TrimSuffix(key, "ا"), "ي")
			if utf8.RuneCountInString(stem) >= 3 {
				g.stems[stem] = true
			}
		}
	}
}

// Lookup returns the ISO 3166 code of a country named in any language and
// script, or of a capital used for its government, and whether it is known.
// The name is folded first. Regions and organisations are left to [Find].
func (g *Gazetteer) Lookup(name string) (code string, ok bool) {
	e, ok := g.Find(name)
	if !ok || e.Kind != Country && e.Kind != Capital {
		return "", false
	}
	return e.Code, true
}

// Find returns the entry of any name the gazetteer knows: countries,
// capitals, regions and organisations. The name is folded first.
func (g *Gazetteer) Find(name string) (Entry, bool) {
	e, ok := g.names[Fold(strings.TrimSpace(name))]
	return e, ok
}

// MaxWords returns the largest number of space-separated words in a known
// name, so that callers scanning text know how many words to join.
func (g *Gazetteer) MaxWords() int { return g.maxLen }

// isPlace reports whether a folded word names a place or organisation,
// including Arabic adjectives of nationality (الباكستاني, الألمانية).
func (g *Gazetteer) isPlace(folded string, sc script) bool {
	if _, ok := g.names[folded]; ok {
		return true
	}
	if sc != scArabic {
		return false
	}
	w := strings.TrimPrefix(folded, "ال")
	if _, ok := g.names[w]; ok {
		return true
	}
	for _, suf := range []string{"يه", "ي"} {
		if s, ok := strings.CutSuffix(w, suf); ok && g.stems[strings.TrimSuffix(s, "ي")] {
			return true
		}
	}
	return false
}
