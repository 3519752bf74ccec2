package dedup_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/eventdedup/eventdedup/dedup"
)

// Three short reports: a storm reported in English and in Spanish, and an
// unrelated decision of a central bank the same week.
func ExampleClusterer() {
	c, err := dedup.New() // a temporary index; dedup.Open(dir) persists it
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()

	day := time.Date(2021, 11, 27, 0, 0, 0, 0, time.UTC)
	docs := []dedup.Document{{
		ID:        "r1",
		Title:     "Storm Arwen leaves 50,000 homes in Scotland without power",
		Text:      "Winds of 98 mph hit Scotland on Friday night. The network operator SSEN said 50,000 homes were still without power on Saturday.",
		Published: day.Add(9 * time.Hour),
	}, {
		ID:        "r2",
		Title:     "La tormenta Arwen deja sin luz a 50.000 hogares en Escocia",
		Text:      "Vientos de 98 millas por hora azotaron Escocia el viernes por la noche. La distribuidora SSEN informó el sábado de que 50.000 hogares seguían sin electricidad.",
		Published: day.Add(11 * time.Hour),
	}, {
		ID:        "r3",
		Title:     "Chile's central bank raises its key rate to 2.75%",
		Text:      "The Banco Central de Chile raised its benchmark interest rate by 125 basis points on Wednesday to fight inflation.",
		Published: day.Add(-72 * time.Hour),
	}}
	for _, d := range docs {
		a, err := c.Add(context.Background(), d)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(a.ID, a.Lang, a.Cluster, a.New)
		if !a.New {
			for _, n := range a.Evidence.Names {
				fmt.Printf("  name %s = %s\n", n.A, n.B)
			}
			fmt.Println("  numbers", a.Evidence.Numbers)
		}
	}
	// Output:
	// r1 en c1 true
	// r2 es c1 false
	//   name Arwen = Arwen
	//   name SSEN = SSEN
	//   numbers [50000 98]
	// r3 en c2 true
}
