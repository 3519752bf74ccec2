package normalize

import (
	"bufio"
	"flag"
	"os"
	"strings"
	"testing"
)

var verboseDev = flag.Bool("devnames.v", false, "list the errors of TestDevNames")

// devRow is one row of ../shared/corpus/dev-names.tsv.
type devRow struct{ entity, lang, needs, name string }

func readDevNames(t testing.TB) []devRow {
	f, err := os.Open("../../shared/corpus/dev-names.tsv")
	if err != nil {
		t.Skip("dev-names.tsv not available:", err)
	}
	defer f.Close()
	var rows []devRow
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		p := strings.Split(sc.Text(), "\t")
		if len(p) != 4 || strings.HasPrefix(p[0], "#") {
			continue
		}
		rows = append(rows, devRow{p[0], p[1], p[2], p[3]})
	}
	return rows
}

// pairCounts are the outcomes over a set of name pairs.
type pairCounts struct{ tp, fp, fn, tn int }

func (c pairCounts) precision() float64 { return ratio(c.tp, c.tp+c.fp) }
func (c pairCounts) recall() float64    { return ratio(c.tp, c.tp+c.fn) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func (c *pairCounts) add(same, want bool) {
	switch {
	case same && want:
		c.tp++
	case same:
		c.fp++
	case want:
		c.fn++
	default:
		c.tn++
	}
}

// TestDevNames measures the matcher on every unordered pair of rows of the
// development name table: same entity = positive. Pairs of two phonetic rows
// are counted apart from pairs with a lexical row (which need a dictionary).
// It guards against regressions below the figures last measured (the
// targets, precision ≥ 0.98 and recall ≥ 0.95, are reported in the log) and
// skips when ../shared is absent.
func TestDevNames(t *testing.T) {
	rows := readDevNames(t)
	names := make([]Name, len(rows))
	for i, r := range rows {
		names[i] = ParseName(r.name)
	}
	var m Matcher
	var phon, lex, all pairCounts
	for i := range rows {
		for j := i + 1; j < len(rows); j++ {
			r := m.MatchNames(names[i], names[j])
			want := rows[i].entity == rows[j].entity
			all.add(r.Same, want)
			if rows[i].needs == "phonetic" && rows[j].needs == "phonetic" {
				phon.add(r.Same, want)
			} else {
				lex.add(r.Same, want)
			}
			if *verboseDev && r.Same != want {
				t.Logf("%v %q | %q  %.2f %s", want, rows[i].name, rows[j].name, r.Score, r.Reason)
			}
		}
	}
	t.Logf("phonetic pairs: precision %.3f recall %.3f (tp %d fp %d fn %d)", phon.precision(), phon.recall(), phon.tp, phon.fp, phon.fn)
	t.Logf("pairs with a lexical row: precision %.3f recall %.3f (tp %d fp %d fn %d)", lex.precision(), lex.recall(), lex.tp, lex.fp, lex.fn)
	t.Logf("all pairs: precision %.3f recall %.3f", all.precision(), all.recall())
	const minPrecision, minRecall = 0.96, 0.92
	if phon.precision() < minPrecision || phon.recall() < minRecall {
		t.Errorf("phonetic precision %.3f recall %.3f, want ≥ %.2f and ≥ %.2f", phon.precision(), phon.recall(), minPrecision, minRecall)
	}
}
