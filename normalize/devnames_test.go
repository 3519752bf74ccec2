package normalize

import (
	"bufio"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/eventdedup/eventdedup/internal/corpustest"
)

var verboseDev = flag.Bool("devnames.v", false, "list the errors of TestDevNames and TestEntityNames")

// devRow is one row of a name table: dev-names.tsv or
// ../testdata/names-entities.tsv.
type devRow struct{ entity, lang, needs, name string }

// readNameTable reads a name table: entity, lang, needs, name, tab-separated,
// with # comments.
func readNameTable(t testing.TB, path string) []devRow {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
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
	if err := sc.Err(); err != nil {
		t.Fatal(err)
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

// checkNameTable matches every unordered pair of rows of a name table (same
// entity = positive) and fails below the targets on pairs of two phonetic
// rows, precision 0.99 and recall 0.95; pairs with a lexical row (which need
// a dictionary) are only reported.
func checkNameTable(t *testing.T, rows []devRow) {
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
				t.Logf("%s/%s %v %q | %q  %.2f %s", rows[i].needs[:3], rows[j].needs[:3], want, rows[i].name, rows[j].name, r.Score, r.Reason)
			}
		}
	}
	t.Logf("phonetic pairs: precision %.3f recall %.3f (tp %d fp %d fn %d)", phon.precision(), phon.recall(), phon.tp, phon.fp, phon.fn)
	t.Logf("pairs with a lexical row: precision %.3f recall %.3f (tp %d fp %d fn %d)", lex.precision(), lex.recall(), lex.tp, lex.fp, lex.fn)
	t.Logf("all pairs: precision %.3f recall %.3f", all.precision(), all.recall())
	const minPrecision, minRecall = 0.99, 0.95
	if phon.precision() < minPrecision || phon.recall() < minRecall {
		t.Errorf("phonetic precision %.3f recall %.3f, want ≥ %.2f and ≥ %.2f", phon.precision(), phon.recall(), minPrecision, minRecall)
	}
}

// TestDevNames measures the matcher on the name table of the development
// corpus (see package corpustest).
func TestDevNames(t *testing.T) {
	checkNameTable(t, readNameTable(t, corpustest.Path(t, "dev-names.tsv")))
}

// TestEntityNames measures the matcher on the name table written for this
// package, ../testdata/names-entities.tsv: other people than the development
// table, the same kinds of variants and hard negatives.
func TestEntityNames(t *testing.T) {
	checkNameTable(t, readNameTable(t, "../testdata/names-entities.tsv"))
}
