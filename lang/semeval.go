//go:build ignore

// semeval prepares and checks CLI runs on the SemEval development pairs
// (../shared/corpus/semeval-pairs-dev.jsonl, not part of the repository):
//
//	go run semeval.go docs   < pairs.jsonl > docs.jsonl   # each article once: {"id","text"}
//	go run semeval.go lingua < docs.jsonl  > langs.jsonl  # lingua FromAllLanguages(), output as "eventdedup detect"
//	go run semeval.go score langs.jsonl < pairs.jsonl     # accuracy per gold language
//
// The lingua mode is the baseline for timing "eventdedup detect": same input,
// same output, lingua-go's detector over all its languages.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"sort"
	"strings"

	"github.com/pemistahl/lingua-go"
)

type article struct {
	ID   string `json:"id"`
	Lang string `json:"lang,omitempty"`
	Text string `json:"text"`
}

func main() {
	if len(os.Args) < 2 {
		log.Fatal("usage: semeval docs|lingua|score langs.jsonl")
	}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(nil, 1<<24)
	out := bufio.NewWriter(os.Stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	switch os.Args[1] {
	case "docs":
		for _, a := range articles(in) {
			a.Lang = "" // no hint
			check(enc.Encode(a))
		}
	case "lingua":
		det := lingua.NewLanguageDetectorBuilder().FromAllLanguages().Build()
		for in.Scan() {
			var a article
			check(json.Unmarshal(in.Bytes(), &a))
			values := det.ComputeLanguageConfidenceValues(a.Text)
			lang := strings.ToLower(values[0].Language().IsoCode639_1().String())
			if values[0].Value() == 0 {
				lang = "und"
			}
			check(enc.Encode(struct {
				ID         string  `json:"id"`
				Lang       string  `json:"lang"`
				Confidence float64 `json:"confidence"`
			}{a.ID, lang, values[0].Value()}))
		}
	case "score":
		if len(os.Args) < 3 {
			log.Fatal("usage: semeval score langs.jsonl < pairs.jsonl")
		}
		score(articles(in), os.Args[2])
	default:
		log.Fatalf("unknown mode %q", os.Args[1])
	}
	check(in.Err())
	check(out.Flush())
}

// articles returns each article of the pairs once, in order of appearance.
func articles(in *bufio.Scanner) []article {
	var out []article
	seen := map[string]bool{}
	for in.Scan() {
		var p struct{ A, B article }
		check(json.Unmarshal(in.Bytes(), &p))
		for _, a := range []article{p.A, p.B} {
			if !seen[a.ID] {
				seen[a.ID] = true
				out = append(out, a)
			}
		}
	}
	return out
}

func score(gold []article, path string) {
	f, err := os.Open(path)
	check(err)
	defer f.Close()
	got := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r struct{ ID, Lang string }
		check(json.Unmarshal(sc.Bytes(), &r))
		got[r.ID] = r.Lang
	}
	check(sc.Err())
	per := map[string][2]int{}
	ok := 0
	for _, a := range gold {
		c := per[a.Lang]
		c[1]++
		if got[a.ID] == a.Lang {
			c[0]++
			ok++
		} else {
			fmt.Printf("%s: got %q, want %s\n", a.ID, got[a.ID], a.Lang)
		}
		per[a.Lang] = c
	}
	langs := make([]string, 0, len(per))
	for l := range per {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, l := range langs {
		fmt.Printf("%s %d/%d  ", l, per[l][0], per[l][1])
	}
	fmt.Printf("overall %d/%d = %.4f\n", ok, len(gold), float64(ok)/float64(len(gold)))
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
