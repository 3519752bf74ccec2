package report_test

import (
	"context"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/eventdedup/eventdedup/dedup"
	"github.com/eventdedup/eventdedup/report"
)

// A storm reported in English, in Spanish and once more by a second outlet
// copying the first, and an unrelated decision of a central bank: the
// events come from the Clusterer itself, with no map of the documents
// kept aside.
func ExampleEvents() {
	c, err := dedup.New()
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()

	day := time.Date(2021, 11, 27, 0, 0, 0, 0, time.UTC)
	storm := "Winds of 98 mph hit Scotland on Friday night. The network operator SSEN said 50,000 homes were still without power on Saturday."
	docs := []dedup.Document{{
		ID: "r1", Source: "Harbor Line News", Published: day.Add(9 * time.Hour),
		Title: "Storm Arwen leaves 50,000 homes in Scotland without power", Text: storm,
	}, {
		ID: "r2", Source: "Diario del Puerto", Published: day.Add(11 * time.Hour),
		Title: "La tormenta Arwen deja sin luz a 50.000 hogares en Escocia",
		Text:  "Vientos de 98 millas por hora azotaron Escocia el viernes por la noche. La distribuidora SSEN informó el sábado de que 50.000 hogares seguían sin electricidad.",
	}, {
		ID: "r3", Source: "Coastal Wire", Published: day.Add(12 * time.Hour),
		Title: "Storm Arwen leaves 50,000 homes in Scotland without power", Text: storm,
	}, {
		ID: "r4", Source: "Pacific Ledger", Published: day.Add(-72 * time.Hour),
		Title: "Chile's central bank raises its key rate to 2.75%",
		Text:  "The Banco Central de Chile raised its benchmark interest rate by 125 basis points on Wednesday to fight inflation.",
	}}
	for _, d := range docs {
		if _, err := c.Add(context.Background(), d); err != nil {
			log.Fatal(err)
		}
	}
	for _, e := range report.Events(c.Clusters()) {
		fmt.Printf("%s %q: %d reports %v, %s – %s\n", e.Cluster, e.Headline, e.Size, e.Langs,
			e.First.Format("Jan 2 15:04"), e.Last.Format("Jan 2 15:04"))
		for _, m := range e.Members {
			copyOf := ""
			if m.DuplicateOf != "" {
				copyOf = " copy of " + m.DuplicateOf
			}
			fmt.Printf("  %s %s %s%s\n", m.ID, m.Lang, m.Source, copyOf)
		}
		for _, n := range e.Names {
			fmt.Printf("  tied by %v (%d)\n", n.Forms, n.Members)
		}
	}
	// Output:
	// c1 "Storm Arwen leaves 50,000 homes in Scotland without power": 3 reports map[en:2 es:1], Nov 27 09:00 – Nov 27 12:00
	//   r1 en Harbor Line News
	//   r2 es Diario del Puerto
	//   r3 en Coastal Wire copy of r1
	//   tied by [Arwen] (2)
	//   tied by [SSEN] (2)
	//   tied by [Scotland] (1)
	// c2 "Chile's central bank raises its key rate to 2.75%": 1 reports map[en:1], Nov 24 00:00 – Nov 24 00:00
	//   r4 en Pacific Ledger
}

// The page of the events, to open in a browser.
func ExampleWriteHTML() {
	c, err := dedup.New()
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	_, err = c.Add(context.Background(), dedup.Document{
		ID: "r1", Title: "<b>Storm</b> Arwen leaves 50,000 homes without power", Published: time.Date(2021, 11, 27, 9, 0, 0, 0, time.UTC),
	})
	if err != nil {
		log.Fatal(err)
	}
	var page strings.Builder
	if err := report.WriteHTML(&page, report.Events(c.Clusters()), report.WithTitle("Storms")); err != nil {
		log.Fatal(err)
	}
	for _, line := range strings.Split(page.String(), "\n") {
		if strings.HasPrefix(line, "<h2") { // the headline, as text
			fmt.Println(line)
		}
	}
	// Output:
	// <h2 class="headline" dir="auto">&lt;b&gt;Storm&lt;/b&gt; Arwen leaves 50,000 homes without power</h2>
}
