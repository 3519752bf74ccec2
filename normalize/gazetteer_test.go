package normalize

import (
	"bytes"
	"flag"
	"maps"
	"os"
	"slices"
	"testing"
)

var update = flag.Bool("update", false, "rewrite countries.tsv.gz from CLDR")

// TestCountriesTable checks that countries.tsv.gz, which Countries reads, is
// the gazetteer that buildCountries makes from CLDR and press.txt with the
// current folding: a change of either, or of golang.org/x/text, needs
// "go generate ./normalize" (go test -run TestCountriesTable -update).
func TestCountriesTable(t *testing.T) {
	built := buildCountries()
	if *update {
		var b bytes.Buffer
		if err := writeCountries(&b, built); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("countries.tsv.gz", b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		countriesData = b.String()
	}
	read, err := readCountries(countriesData)
	if err != nil {
		t.Fatal(err)
	}
	if len(built.names) < 20000 {
		t.Errorf("built %d names, want the CLDR names of every language (over 20,000)", len(built.names))
	}
	if !maps.Equal(read.names, built.names) {
		n := 0
		for name, e := range built.names {
			if got, ok := read.names[name]; (!ok || got != e) && n < 10 {
				t.Errorf("%q: countries.tsv.gz has %v (%v), built %v", name, got, ok, e)
				n++
			}
		}
		t.Fatalf("countries.tsv.gz has %d names, built %d: run go generate ./normalize", len(read.names), len(built.names))
	}
	if !maps.Equal(read.stems, built.stems) || read.maxLen != built.maxLen || !slices.Equal(read.filter, built.filter) {
		t.Errorf("the stems, word counts or filter read differ from those built")
	}
}

// TestReadCountriesErrors checks that a damaged table is an error.
func TestReadCountriesErrors(t *testing.T) {
	var b bytes.Buffer
	g := &Gazetteer{names: map[string]Entry{"japan": {"JP", Country}}}
	if err := writeCountries(&b, g); err != nil {
		t.Fatal(err)
	}
	if _, err := readCountries(b.String()); err != nil {
		t.Errorf("readCountries of a written table: %v", err)
	}
	for _, data := range []string{"", "not gzip", b.String()[:b.Len()/2]} {
		if _, err := readCountries(data); err == nil {
			t.Errorf("readCountries(%.20q): no error", data)
		}
	}
	g.names["bad\tname"] = Entry{"XX", Country}
	if err := writeCountries(&b, g); err == nil {
		t.Error("writeCountries of a name with a tab: no error")
	}
}

// TestPressForms checks press forms that CLDR lacks, whose abbreviations
// differ between languages.
func TestPressForms(t *testing.T) {
	g := Countries()
	for _, tt := range []struct{ name, code, why string }{
		{"EE. UU.", "US", "the Spanish abbreviation of Estados Unidos"},
		{"EEUU", "US", "written without points"},
		{"ОБСЕ", "OSCE", "the Russian acronym of the OSCE"},
		{"OSZE", "OSCE", "the German one"},
		{"ВТО", "WTO", "the World Trade Organization in Russian"},
		{"OPEP", "OPEC", "OPEC in French and Spanish"},
		{"OCDE", "OECD", "the OECD in French and Spanish"},
	} {
		if e, ok := g.Find(tt.name); !ok || e.Code != tt.code {
			t.Errorf("Find(%q) = %v, %v; want %s: %s", tt.name, e, ok, tt.code, tt.why)
		}
	}
}
