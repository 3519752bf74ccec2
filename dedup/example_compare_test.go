package dedup_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/eventdedup/eventdedup/dedup"
)

// Two reports of one storm's damage, and a report of another storm the same
// week: CompareAll grades each pair (Score) and decides whether the two tell
// the same story (Same: Score reaches DefaultSameScore).
func ExampleClusterer_CompareAll() {
	c, err := dedup.New()
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()

	day := time.Date(2021, 11, 27, 0, 0, 0, 0, time.UTC)
	power := dedup.Document{
		ID:        "r1",
		Title:     "Storm Arwen leaves 50,000 homes in Scotland without power",
		Text:      "Winds of 98 mph hit Scotland on Friday night. The network operator SSEN said 50,000 homes were still without power on Saturday.",
		Published: day.Add(9 * time.Hour),
	}
	again := dedup.Document{
		ID:        "r2",
		Title:     "50,000 Scottish homes still without power after Storm Arwen",
		Text:      "SSEN said on Saturday that about 50,000 homes in Scotland had no electricity after winds of up to 98 mph hit the country overnight.",
		Published: day.Add(12 * time.Hour),
	}
	other := dedup.Document{
		ID:        "r3",
		Title:     "Storm Barra leaves 20,000 homes in Ireland without power",
		Text:      "Gusts of 80 mph hit Cork and Kerry on Tuesday. The network operator ESB said 20,000 homes were without power.",
		Published: day.Add(60 * time.Hour),
	}
	pairs := []dedup.Pair{{A: power, B: again}, {A: power, B: other}}
	rs, err := c.CompareAll(context.Background(), pairs)
	if err != nil {
		log.Fatal(err)
	}
	for i, r := range rs {
		fmt.Println(pairs[i].A.ID, pairs[i].B.ID, "same:", r.Same, "duplicate:", r.Duplicate)
	}
	// Output:
	// r1 r2 same: true duplicate: false
	// r1 r3 same: false duplicate: false
}
