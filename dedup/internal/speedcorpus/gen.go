//go:build ignore

// Gen writes the speed corpus (see package speedcorpus) as JSON Lines:
//
//	go run ./dedup/internal/speedcorpus/gen.go [-n 30000] [-pairs ../shared/corpus/semeval-pairs-dev.jsonl] > corpus.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"log"
	"os"
	"time"

	"github.com/eventdedup/eventdedup/dedup/internal/speedcorpus"
)

func main() {
	n := flag.Int("n", 30000, "number of documents")
	pairs := flag.String("pairs", "../shared/corpus/semeval-pairs-dev.jsonl", "SemEval pairs `FILE`")
	flag.Parse()
	docs, err := speedcorpus.Load(*pairs, *n)
	if err != nil {
		log.Fatal(err)
	}
	if len(docs) > 0 {
		if last := docs[len(docs)-1].Published; last.After(time.Now()) {
			log.Fatalf("%d documents reach %s, in the future: they would not be clustered by their date", *n, last.Format(time.DateOnly))
		}
	}
	w := bufio.NewWriter(os.Stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, d := range docs {
		if err := enc.Encode(map[string]string{
			"id": d.ID, "title": d.Title, "text": d.Text, "published": d.Published.Format(time.RFC3339),
		}); err != nil {
			log.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
}
