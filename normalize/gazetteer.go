package normalize

import (
	"bufio"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"iter"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/eventdedup/eventdedup/internal/fnv1a"
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
	filter []uint64         // a Bloom filter of names: most words are not places
	stems  map[string]bool  // Arabic-script country names without a final ا or يا, for demonyms
	maxLen int              // the most words in a name
}

//go:embed press.txt
var pressData string

// countriesData is the gazetteer that buildCountries makes, as gzipped lines
// of folded name, code and kind, sorted; TestCountriesTable checks that it is
// up to date, and "go test -run TestCountriesTable -update" rewrites it.
// Reading it takes milliseconds; building it, mostly the folding of 28,000
// CLDR names, takes about a tenth of a second.
//
//go:generate go test -run TestCountriesTable -update
//go:embed countries.tsv.gz
var countriesData string

var countriesOnce = sync.OnceValue(func() *Gazetteer {
	g, err := readCountries(countriesData)
	if err != nil {
		// The table is part of the binary and tested; should it not
		// read, building the gazetteer gives the same one, slower.
		return buildCountries()
	}
	return g
})

// Countries returns the gazetteer built from the CLDR region names of
// golang.org/x/text/language/display, in every language it supports, plus a
// curated table of press forms CLDR lacks (米国, 美, 香港, 北, USA, Britain),
// capitals used for governments (Washington, Tokyo, Beijing …) and
// international organisations (UN, NATO, EU, ASEAN, CSTO/ОДКБ/集安组织 …).
// It is read on first use (a few milliseconds) and shared.
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
	g.makeFilter()
	return g
}

// readCountries reads a gazetteer written by writeCountries.
func readCountries(data string) (*Gazetteer, error) {
	zr, err := gzip.NewReader(strings.NewReader(data))
	if err != nil {
		return nil, err
	}
	g := &Gazetteer{names: make(map[string]Entry, 1<<15), stems: map[string]bool{}}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		name, rest, ok1 := strings.Cut(sc.Text(), "\t")
		code, kind, ok2 := strings.Cut(rest, "\t")
		k, err := strconv.ParseUint(kind, 10, 8)
		if !ok1 || !ok2 || err != nil || name == "" {
			return nil, fmt.Errorf("normalize: bad gazetteer line %q", sc.Text())
		}
		g.put(name, Entry{code, Kind(k)})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if err := zr.Close(); err != nil {
		return nil, err
	}
	g.makeFilter()
	return g, nil
}

// writeCountries writes the names of g for readCountries: gzipped lines of
// folded name, code and kind, sorted by name.
func writeCountries(w io.Writer, g *Gazetteer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(g.names)) {
		if strings.ContainsAny(name, "\t\n") {
			return fmt.Errorf("normalize: gazetteer name %q holds a tab or line break", name)
		}
		e := g.names[name]
		if _, err := fmt.Fprintf(zw, "%s\t%s\t%d\n", name, e.Code, e.Kind); err != nil {
			return err
		}
	}
	return zw.Close()
}

// makeFilter fills the Bloom filter of g's names.
func (g *Gazetteer) makeFilter() {
	g.filter = make([]uint64, filterBits/64)
	for name := range g.names {
		h := hashName(name)
		g.filter[h%filterBits/64] |= 1 << (h % 64)
		g.filter[h>>32%filterBits/64] |= 1 << (h >> 32 % 64)
	}
}

// filterBits is the size of Gazetteer.filter: with two bits a name, about one
// word in seventy that is not a name passes it.
const filterBits = 1 << 20

// hashName is FNV-1a.
func hashName[T text](s T) uint64 { return fnv1a.String(fnv1a.Offset, s) }

// has reports whether g knows the folded name f.
func has[T text](g *Gazetteer, f T) bool {
	h := hashName(f)
	if g.filter[h%filterBits/64]&(1<<(h%64)) == 0 || g.filter[h>>32%filterBits/64]&(1<<(h>>32%64)) == 0 {
		return false
	}
	_, ok := g.names[string(f)]
	return ok
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
	g.put(key, e)
}

// put adds the folded name key, not yet in g.
func (g *Gazetteer) put(key string, e Entry) {
	g.names[key] = e
	g.maxLen = max(g.maxLen, len(strings.Fields(key)))
	r, _ := utf8.DecodeRuneInString(key)
	if sc, _ := scriptOf(r); sc == scArabic && e.Kind == Country && !strings.Contains(key, " ") {
		stem := strings.TrimSuffix(strings.TrimSuffix(key, "ا"), "ي")
		if utf8.RuneCountInString(stem) >= 3 {
			g.stems[stem] = true
		}
	}
}

// Find returns the entry of a name in any language and script, and whether
// the gazetteer knows it: a country or a capital used for its government
// (with the country's ISO 3166 code), a region or an organisation. The name
// is folded first.
func (g *Gazetteer) Find(name string) (Entry, bool) {
	e, ok := g.names[Fold(strings.TrimSpace(name))]
	return e, ok
}

// All returns the names of the gazetteer, folded as by [Fold], with their
// entries, in no particular order.
func (g *Gazetteer) All() iter.Seq2[string, Entry] {
	return func(yield func(string, Entry) bool) {
		if g == nil {
			return
		}
		for name, e := range g.names {
			if !yield(name, e) {
				return
			}
		}
	}
}

// MaxWords returns the largest number of space-separated words in a known
// name, so that callers scanning text know how many words to join.
func (g *Gazetteer) MaxWords() int { return g.maxLen }

// isPlace reports whether a folded word names a place or organisation,
// including Arabic adjectives of nationality (الباكستاني, الألمانية).
func isPlace[T text](g *Gazetteer, f T, sc script) bool {
	if has(g, f) {
		return true
	}
	if sc != scArabic {
		return false
	}
	w := f
	if hasPrefix(w, "ال") {
		w = w[len("ال"):]
	}
	if has(g, w) {
		return true
	}
	for _, suf := range [...]string{"يه", "ي"} {
		if hasSuffix(w, suf) {
			s := w[:len(w)-len(suf)]
			if hasSuffix(s, "ي") {
				s = s[:len(s)-len("ي")]
			}
			if g.stems[string(s)] {
				return true
			}
		}
	}
	return false
}

// cjkDict holds the titles and places that Chinese, Japanese and Korean
// write against a name, indexed by their first character.
type cjkDict struct {
	kind  map[string]uint8     // cjkTitle | cjkPlace
	first map[rune]uint32      // bit l-1: a word of l runes starts with the rune
	bmp   [0x10000 / 64]uint64 // bit r: first has r (BMP only), checked first
}

// cjkPlace marks the places of a cjkDict; its titles are marked cjkTitle.
const cjkPlace = cjkTitle << 1

var cjkWords = sync.OnceValue(func() *cjkDict {
	d := &cjkDict{kind: map[string]uint8{}, first: map[rune]uint32{}}
	add := func(w string, k uint8) {
		n := utf8.RuneCountInString(w)
		if n == 0 || n > 32 {
			return
		}
		r, _ := utf8.DecodeRuneInString(w)
		d.kind[w] |= k
		d.first[r] |= 1 << (n - 1)
		if r < 0x10000 {
			d.bmp[r/64] |= 1 << (r % 64)
		}
	}
	for w, k := range titles().kinds {
		if k&cjkTitle != 0 {
			add(w, cjkTitle)
		}
	}
	for w := range Countries().names {
		r, _ := utf8.DecodeRuneInString(w)
		if sc, _ := scriptOf(r); (sc == scHan || sc == scKana || sc == scHangul) && utf8.RuneCountInString(w) >= 2 {
			add(w, cjkPlace)
		}
	}
	return d
})

// longest returns the length in runes of the longest title or place that
// starts at rune j of text (n runes, offsets offs), and its kind; 0 if none
// does or if it is the whole word.
func (d *cjkDict) longest(text string, offs []int, j, n int) (int, uint8) {
	r, _ := utf8.DecodeRuneInString(text[offs[j]:])
	if r < 0x10000 && d.bmp[r/64]&(1<<(r%64)) == 0 {
		return 0, 0
	}
	mask := d.first[r]
	for l := min(32, n-j); l >= 1 && mask != 0; l-- {
		if mask&(1<<(l-1)) == 0 {
			continue
		}
		k := d.kind[text[offs[j]:offs[j+l]]]
		if k&cjkPlace != 0 || k&cjkTitle != 0 && n > 1 {
			if l == n {
				return 0, 0 // the whole word is not split here
			}
			return l, k
		}
	}
	return 0, 0
}

// besideTitle reports whether the place of l runes at rune j of text (n
// runes) follows a title that ends at titleEnd or precedes one.
func (d *cjkDict) besideTitle(text string, offs []int, j, l, n, titleEnd int) bool {
	if titleEnd == j {
		return true
	}
	if j+l == n {
		return false
	}
	l2, k := d.longest(text, offs, j+l, n)
	return l2 > 0 && k&cjkTitle != 0
}

// fits rejects one-character titles (氏, 相, 前, 副) unless they stand at
// the end of the run or before another title: inside a name they are likely
// part of it.
func (d *cjkDict) fits(text string, offs []int, j, l, n int) bool {
	switch {
	case l > 1:
		return true
	case j+l == n:
		return j > 0
	}
	// a modifier before a longer title: 前首相, 副報道局長
	r, _ := utf8.DecodeRuneInString(text[offs[j+1]:])
	mask := d.first[r]
	for l2 := 2; l2 <= 32 && j+1+l2 <= n; l2++ {
		if mask&(1<<(l2-1)) != 0 && d.kind[text[offs[j+1]:offs[j+1+l2]]]&cjkTitle != 0 {
			return true
		}
	}
	return false
}
