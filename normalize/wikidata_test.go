package normalize

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/eventdedup/eventdedup/internal/corpustest"
)

// TestWikidataNames measures the matcher on names-wikidata-dev.tsv: English
// name tokens against their Wikidata renderings in six scripts (label 1)
// and renderings of other names (label 0). The letter and phrase models were
// estimated on this file (their cross-validated figures head
// readings_table.go), so these are in-sample figures. Issue #12 asks for recall ≥ 0.93 in every script at
// a false-match rate ≤ 0.1%; the test guards the false-match rate and the
// levels reached: ko and zh stay below 0.93. About 14% of the Korean pairs
// pair different names (141 of 1,000 counted by hand among the misses: 112
// a Japanese given name with a family name, the rest titles, translations
// and other names), which bounds ko near 0.86; the Chinese misses are half such pairs (Japanese names read in
// pinyin, titles) and half transcriptions that even the phrase model of
// Chinese does not capture (Cantonese renderings such as 急庇利 Cleverly,
// shortened ones such as 克特 Peukert).
func TestWikidataNames(t *testing.T) {
	f, err := os.Open(corpustest.Path(t, "names-wikidata-dev.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var m Matcher
	by := map[string]*pairCounts{"all": {}}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		p := strings.Split(sc.Text(), "\t")
		if len(p) != 4 || strings.HasPrefix(p[0], "#") {
			continue
		}
		if by[p[1]] == nil {
			by[p[1]] = &pairCounts{}
		}
		same, want := m.Match(p[2], p[3]).Same, p[0] == "1"
		by[p[1]].add(same, want)
		by["all"].add(same, want)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	fmr := func(c *pairCounts) float64 { return ratio(c.fp, c.fp+c.tn) }
	for _, lang := range slices.Sorted(func(yield func(string) bool) {
		for l := range by {
			if !yield(l) {
				return
			}
		}
	}) {
		c := by[lang]
		t.Logf("%-3s recall %.3f (%d/%d), false matches %.4f (%d/%d)", lang, c.recall(), c.tp, c.tp+c.fn, fmr(c), c.fp, c.fp+c.tn)
	}
	// levels reached, in-sample
	minRecall := map[string]float64{"ar": 0.95, "he": 0.95, "ja": 0.95, "ru": 0.95, "ko": 0.83, "zh": 0.92, "all": 0.93}
	for lang, least := range minRecall {
		if c := by[lang]; c == nil || c.recall() < least {
			t.Errorf("%s: recall %.3f, want ≥ %.2f", lang, by[lang].recall(), least)
		}
	}
	if r := fmr(by["all"]); r > 0.001 {
		t.Errorf("false-match rate %.4f, want ≤ 0.001", r)
	}
}
