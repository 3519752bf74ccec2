package dedup_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/eventdedup/eventdedup/dedup"
	"github.com/eventdedup/eventdedup/dedup/internal/features"
	"github.com/eventdedup/eventdedup/eval"
	"github.com/eventdedup/eventdedup/internal/corpustest"
	"github.com/eventdedup/eventdedup/jsonl"
)

// Hand-written reports for the graded score: two reports of one story, a
// report of a related event (same topic, other place and people) and an
// unrelated one, in English and in Spanish.
var gradedDocs = map[string]dedup.Document{
	"flood-en-1": {
		Title: "Rhine floods force evacuation of 4,000 residents in Bingen",
		Text: "Authorities in Bingen ordered the evacuation of about 4,000 residents on Tuesday after the Rhine rose " +
			"to 7.8 metres, the highest level since 1988. Mayor Claudia Weisshaupt said firefighters had moved " +
			"elderly people from the old town overnight. The Nahe, which joins the Rhine at Bingen, also burst " +
			"its banks. Rail traffic between Mainz and Koblenz was suspended.",
	},
	"flood-en-2": {
		Title: "Bingen evacuates old town as Rhine reaches 7.8 metres",
		Text: "Some 4,000 people had to leave their homes in Bingen, where the Rhine peaked at 7.8 metres on " +
			"Tuesday. Mayor Claudia Weisshaupt thanked the firefighters who evacuated the old town during the " +
			"night. Trains between Mainz and Koblenz are not running, Deutsche Bahn said, and the Nahe has " +
			"flooded fields near the town.",
	},
	"flood-en-related": {
		Title: "Po river floods farmland near Cremona",
		Text: "Heavy rain pushed the Po over its banks near Cremona on Tuesday, flooding farmland and closing two " +
			"bridges. Regional governor Attilio Fontanella said no one had been evacuated so far, but that the " +
			"river was still rising. Farmers said the flood had destroyed the winter wheat.",
	},
	"bank-en": {
		Title: "Central bank of Chile raises its key rate to 2.75%",
		Text: "The Banco Central de Chile raised its benchmark interest rate by 125 basis points to 2.75% on " +
			"Wednesday, citing inflation that reached 5.3% in September. Economists polled by Reuters had " +
			"expected a smaller increase. The peso strengthened after the decision.",
	},
	"flood-es-1": {
		Title: "El Rin obliga a evacuar a 4.000 vecinos de Bingen",
		Text: "Las autoridades de Bingen ordenaron el martes la evacuación de unos 4.000 vecinos después de que " +
			"el Rin alcanzara los 7,8 metros, su nivel más alto desde 1988. La alcaldesa Claudia Weisshaupt " +
			"explicó que los bomberos trasladaron a personas mayores del casco antiguo durante la noche. " +
			"El tráfico ferroviario entre Maguncia y Coblenza quedó suspendido.",
	},
	"flood-es-2": {
		Title: "Bingen desaloja su casco antiguo con el Rin a 7,8 metros",
		Text: "Unas 4.000 personas tuvieron que abandonar sus casas en Bingen, donde el Rin llegó a 7,8 metros " +
			"el martes. La alcaldesa Claudia Weisshaupt agradeció a los bomberos la evacuación nocturna del " +
			"casco antiguo. No circulan trenes entre Maguncia y Coblenza.",
	},
	"flood-es-related": {
		Title: "El Po inunda campos de cultivo cerca de Cremona",
		Text: "Las fuertes lluvias desbordaron el martes el río Po cerca de Cremona, inundaron tierras de cultivo " +
			"y obligaron a cerrar dos puentes. El gobernador regional Attilio Fontanella dijo que por ahora no " +
			"ha sido necesario evacuar a nadie, pero que el río sigue creciendo.",
	},
	"bank-es": {
		Title: "El Banco Central de Chile sube la tasa de interés al 2,75%",
		Text: "El Banco Central de Chile elevó el miércoles su tasa de referencia en 125 puntos básicos, hasta " +
			"el 2,75%, ante una inflación que llegó al 5,3% en septiembre. Los economistas esperaban un alza " +
			"menor. El peso se fortaleció tras la decisión.",
	},
}

// TestGradedScoreOrder checks that the score of Compare is graded: reports of
// one story score above reports of a related event, which score above
// unrelated reports.
func TestGradedScoreOrder(t *testing.T) {
	day := time.Date(2023, 10, 17, 8, 0, 0, 0, time.UTC)
	docs := make(map[string]dedup.Document)
	for id, d := range gradedDocs {
		d.ID = id
		if id != "bank-en" && id != "bank-es" {
			d.Published = day
		}
		docs[id] = d
	}
	tests := []struct {
		reason               string
		a, same, related, un string
		// graded: whether the related event must also score above the
		// unrelated report. Across languages, without translation, a
		// report of another flood shares little more than one of a rate
		// decision: only the same story must stand out.
		graded bool
	}{
		{"one language", "flood-en-1", "flood-en-2", "flood-en-related", "bank-en", true},
		{"another language", "flood-es-1", "flood-es-2", "flood-es-related", "bank-es", true},
		{"across languages of one script", "flood-en-1", "flood-es-2", "flood-es-related", "bank-es", false},
	}
	var pairs []dedup.Pair
	for _, tt := range tests {
		for _, b := range []string{tt.same, tt.related, tt.un} {
			pairs = append(pairs, dedup.Pair{A: docs[tt.a], B: docs[b]})
		}
	}
	c, err := dedup.New()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var got []dedup.Comparison
	rs, err := c.CompareAll(context.Background(), pairs)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if r.Score < 0 || r.Score > 1 {
			t.Errorf("score %v outside [0, 1]", r.Score)
		}
		got = append(got, r)
	}
	for i, tt := range tests {
		same, related, un := got[3*i], got[3*i+1], got[3*i+2]
		t.Logf("%s: same %.3f %v, related %.3f %v, unrelated %.3f %v", tt.reason,
			same.Score, same.Evidence.Parts, related.Score, related.Evidence.Parts, un.Score, un.Evidence.Parts)
		if !(same.Score > related.Score && same.Score > un.Score) {
			t.Errorf("%s: scores same story %.3f, related event %.3f, unrelated %.3f; want the same story first",
				tt.reason, same.Score, related.Score, un.Score)
		}
		if tt.graded && related.Score <= un.Score {
			t.Errorf("%s: scores related event %.3f, unrelated %.3f; want the related event above",
				tt.reason, related.Score, un.Score)
		}
		for _, part := range []string{"chars", "cluster"} {
			if _, ok := same.Evidence.Parts[part]; !ok {
				t.Errorf("%s: evidence parts %v lack %q", tt.reason, same.Evidence.Parts, part)
			}
		}
	}
}

// TestGradedScorePearson measures the graded score against the human
// ratings of the SemEval-2022 Task 8 article pairs of the development corpus
// (1 = same story … 4 = unrelated): the Pearson correlation of score and
// -overall, overall and by language pair. The score's two weights (of the
// character n-grams, within and across languages) were fitted on these
// pairs for the same-story decision, not for the correlation, which they
// leave at 0.710 (0.710 with equal weights). The test guards the level
// reached (the target of issue #5 is 0.75).
func TestGradedScorePearson(t *testing.T) {
	pairs, gold, langs := readSemEval(t)
	c, err := dedup.New()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	xs, ys := make(map[string][]float64), make(map[string][]float64)
	i := 0
	rs, err := c.CompareAll(context.Background(), pairs)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		for _, k := range []string{"all", langs[i]} {
			xs[k], ys[k] = append(xs[k], r.Score), append(ys[k], gold[i])
		}
		i++
	}
	keys := make([]string, 0, len(xs))
	for k := range xs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("%-6s n=%3d Pearson %.3f", k, len(xs[k]), eval.Pearson(xs[k], ys[k]))
	}
	const floor = 0.70
	if r := eval.Pearson(xs["all"], ys["all"]); r < floor || math.IsNaN(r) {
		t.Errorf("Pearson = %.3f, want ≥ %.2f", r, floor)
	}
}

// readSemEval reads the rated pairs of the development corpus: the pairs,
// -overall and the language pairs (see package corpustest).
func readSemEval(tb testing.TB) (pairs []dedup.Pair, gold []float64, langs []string) {
	tb.Helper()
	f, err := os.Open(corpustest.Path(tb, "semeval-pairs-dev.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, jsonl.MaxLineBytes)
	for sc.Scan() {
		var in struct {
			Overall float64
			A, B    json.RawMessage
		}
		if err := json.Unmarshal(sc.Bytes(), &in); err != nil {
			tb.Fatal(err)
		}
		a, aerr := jsonl.Parse(in.A)
		b, berr := jsonl.Parse(in.B)
		if aerr != nil || berr != nil {
			tb.Fatal(aerr, berr)
		}
		pairs = append(pairs, dedup.Pair{A: a, B: b})
		gold = append(gold, -in.Overall)
		langs = append(langs, features.BaseLang(a.Lang)+"-"+features.BaseLang(b.Lang))
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return pairs, gold, langs
}

// BenchmarkCompareAll measures CompareAll on the 738 rated pairs of the
// development corpus (language detection, features of both models, scoring).
// Run it with
//
//	go test ./dedup -run '^$' -bench CompareAll -benchtime 3x
//
// It needs the development corpus (see package corpustest).
func BenchmarkCompareAll(b *testing.B) {
	pairs, _, _ := readSemEval(b)
	c, err := dedup.New()
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.CompareAll(context.Background(), pairs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(pairs)*b.N)/b.Elapsed().Seconds(), "pairs/s")
}

// TestGradedScoreBoilerplate checks that text recurring in several documents
// of a batch (a site's footer, a captcha page) is not taken for common
// content: unrelated reports sharing a footer score as without it, and a pair
// with a page that is nothing but furniture gets the mean score of the batch.
func TestGradedScoreBoilerplate(t *testing.T) {
	// Less than half of each report: more would make it a furniture page.
	const footer = "\nWe use cookies to personalise content and adverts and to analyse our traffic. " +
		"Subscribe to our newsletter for the best stories of the day."
	const captcha = "Access denied. We have detected unusual traffic from your network. Please confirm that you are " +
		"not a robot by ticking the box below, then reload the page. If the problem persists, contact support."
	doc := func(id, text string) dedup.Document {
		d := gradedDocs[id]
		d.ID, d.Text = id+text, d.Text+text
		if text == captcha {
			d.Title, d.Text = "", captcha
		}
		return d
	}
	score := func(pairs []dedup.Pair) []dedup.Comparison { return compareAll(t, pairs) }
	withFooter := score([]dedup.Pair{
		{A: doc("flood-en-1", footer), B: doc("bank-en", footer)},
		{A: doc("flood-en-related", footer), B: doc("flood-en-2", "")},
		{A: doc("flood-es-1", ""), B: doc("flood-es-2", "")},
	})
	without := score([]dedup.Pair{
		{A: doc("flood-en-1", ""), B: doc("bank-en", "")},
		{A: doc("flood-en-related", ""), B: doc("flood-en-2", "")},
		{A: doc("flood-es-1", ""), B: doc("flood-es-2", "")},
	})
	t.Logf("with footer %.3f %v, without %.3f %v", withFooter[0].Score, withFooter[0].Evidence.Parts,
		without[0].Score, without[0].Evidence.Parts)
	if d := withFooter[0].Score - without[0].Score; d > 0.05 {
		t.Errorf("unrelated reports with a shared footer score %.3f, without it %.3f; want about the same",
			withFooter[0].Score, without[0].Score)
	}
	if withFooter[0].Same {
		t.Errorf("unrelated reports with a shared footer: Same, want not")
	}

	blind := score([]dedup.Pair{
		{A: doc("flood-en-1", ""), B: doc("flood-en-2", captcha)},
		{A: doc("flood-es-1", ""), B: doc("flood-es-2", captcha)},
		{A: doc("bank-en", ""), B: doc("bank-es", captcha)},
		{A: doc("flood-en-1", ""), B: doc("flood-en-2", "")},
		{A: doc("flood-en-1", ""), B: doc("bank-en", "")},
	})
	mean := (blind[3].Score + blind[4].Score) / 2
	for i, r := range blind[:3] {
		if _, ok := r.Evidence.Parts["content"]; !ok || math.Abs(r.Score-mean) > 1e-9 {
			t.Errorf("pair %d with a captcha page: score %.3f, parts %v; want the batch mean %.3f and a content part",
				i, r.Score, r.Evidence.Parts, mean)
		}
	}
}

// TestGradedScoreWireCopies checks that copies of one wire report, three or
// more in a batch, are not taken for furniture: their pairs are duplicates
// and score at least as high as a pair of reports of one story.
func TestGradedScoreWireCopies(t *testing.T) {
	orig := gradedDocs["bank-en"]
	var pairs []dedup.Pair
	copies := make([]dedup.Document, 4)
	for i := range copies {
		copies[i] = orig
		copies[i].ID = fmt.Sprintf("wire-%d", i)
	}
	for i := 1; i < len(copies); i++ {
		pairs = append(pairs, dedup.Pair{A: copies[0], B: copies[i]})
	}
	// An unrelated pair keeps the mean score of the batch low.
	x, y := gradedDocs["flood-en-related"], gradedDocs["bank-es"]
	x.ID, y.ID = "flood-en-related", "bank-es"
	pairs = append(pairs, dedup.Pair{A: x, B: y})
	a, b := gradedDocs["flood-en-1"], gradedDocs["flood-en-2"]
	a.ID, b.ID = "flood-en-1", "flood-en-2"
	pairs = append(pairs, dedup.Pair{A: a, B: b})
	got := compareAll(t, pairs)
	story := got[len(got)-1].Score
	if story <= 0 {
		t.Fatalf("two reports of one story score %.3f, want > 0", story)
	}
	for i, r := range got[:len(got)-2] {
		if !r.Duplicate || !r.Same || r.Score < story {
			t.Errorf("wire copy pair %d: duplicate %v, same %v, score %.3f; want a duplicate, same, scoring ≥ %.3f (one story, two reports)",
				i, r.Duplicate, r.Same, r.Score, story)
		}
	}
}

// TestCompareAllCancelled checks that a cancelled context fails the call
// with its error, without scores.
func TestCompareAllCancelled(t *testing.T) {
	c, err := dedup.New()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var pairs []dedup.Pair
	for _, id := range []string{"flood-en-1", "flood-es-1", "bank-en"} {
		a, b := gradedDocs[id], gradedDocs["flood-en-2"]
		a.ID, b.ID = id, "flood-en-2"
		pairs = append(pairs, dedup.Pair{A: a, B: b})
	}
	rs, err := c.CompareAll(ctx, pairs)
	if !errors.Is(err, context.Canceled) || rs != nil {
		t.Errorf("%d results, error %v; want none and %v", len(rs), err, context.Canceled)
	}
}

// TestCompareAllInvalid checks that a pair with an invalid document fails
// the call, naming the pair, before any work.
func TestCompareAllInvalid(t *testing.T) {
	c, err := dedup.New()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ok := gradedDocs["flood-en-1"]
	ok.ID = "flood-en-1"
	rs, err := c.CompareAll(context.Background(), []dedup.Pair{{A: ok, B: ok}, {A: ok, B: dedup.Document{ID: "empty"}}})
	if !errors.Is(err, dedup.ErrInvalid) || rs != nil || !strings.Contains(err.Error(), "pair 1") {
		t.Errorf("%d results, error %v; want none and ErrInvalid for pair 1", len(rs), err)
	}
}

// compareAll scores pairs on a new Clusterer.
func compareAll(t *testing.T, pairs []dedup.Pair) []dedup.Comparison {
	t.Helper()
	c, err := dedup.New()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var out []dedup.Comparison
	rs, err := c.CompareAll(context.Background(), pairs)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		out = append(out, r)
	}
	return out
}

// TestCompareAllReusedIDs checks that pairs are scored on their own
// documents when IDs repeat across pairs or within one, as they do in pair
// files numbered "1" and "2" on every line.
func TestCompareAllReusedIDs(t *testing.T) {
	doc := func(id, name string) dedup.Document {
		d := gradedDocs[name]
		d.ID = id
		return d
	}
	got := compareAll(t, []dedup.Pair{
		{A: doc("1", "flood-en-1"), B: doc("2", "bank-en")},
		{A: doc("1", "flood-en-1"), B: doc("2", "flood-en-2")},
		{A: doc("1", "bank-en"), B: doc("1", "flood-en-2")},
	})
	if got[0].Same || !got[1].Same || got[1].Score <= got[0].Score {
		t.Errorf("unrelated pair: same %v score %.3f; one story: same %v score %.3f; want the story alone the same and higher",
			got[0].Same, got[0].Score, got[1].Same, got[1].Score)
	}
	if got[2].Duplicate || got[2].Same || got[2].Score >= got[1].Score {
		t.Errorf("two documents under one ID: %+v; want them compared as the different documents they are", got[2])
	}
}
