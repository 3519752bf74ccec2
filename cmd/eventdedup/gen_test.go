package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// genDocs returns JSON Lines of n generated reports of some n/3 events:
// for each event an English report, an English paraphrase, a Spanish report
// and, for every third event, a near-copy of the first with a line added.
// The names, places and numbers of each event are made up from syllables so
// that events differ; the templates are ours.
func genDocs(n int) []string {
	syl := []string{"ka", "lo", "ven", "mar", "ti", "sur", "ba", "del", "ro", "nik", "ha", "zu", "pe", "gor", "la", "mi"}
	name := func(i, salt int) string {
		a, b, c := syl[(i*7+salt)%len(syl)], syl[(i*3+salt*5+1)%len(syl)], syl[(i/len(syl)+salt*11+2)%len(syl)]
		return strings.ToUpper(a[:1]) + a[1:] + b + c
	}
	kinds := []struct{ en, en2, es string }{
		{
			"%[1]s and %[2]s sign a water agreement in %[3]s",
			"Foreign minister %[1]s met his counterpart %[2]s in the city of %[3]s on %[5]s and signed an agreement on sharing the water of the %[4]s river, which feeds %[6]d villages. %[1]s called it a fair deal.",
			"%[1]s y %[2]s firman un acuerdo sobre el agua en %[3]s",
		},
		{
			"Earthquake of magnitude %[6]d.%[7]d shakes %[3]s",
			"An earthquake struck near %[3]s on %[5]s, the geological survey said. Mayor %[1]s said %[6]d buildings were damaged along the %[4]s valley; %[2]s, the civil protection chief, sent rescue teams.",
			"Un terremoto de magnitud %[6]d.%[7]d sacude %[3]s",
		},
		{
			"%[1]s wins the election for governor of %[3]s",
			"Voters in %[3]s elected %[1]s governor on %[5]s with %[6]d per cent of the vote, ahead of %[2]s. Turnout along the %[4]s coast was the highest in years.",
			"%[1]s gana las elecciones a gobernador de %[3]s",
		},
	}
	base := time.Date(2023, 3, 1, 6, 0, 0, 0, time.UTC)
	var out []string
	add := func(id, title, text string, at time.Time) {
		b, err := json.Marshal(map[string]string{"id": id, "title": title, "text": text, "published": at.Format(time.RFC3339)})
		if err != nil {
			panic(err)
		}
		out = append(out, string(b))
	}
	for e := 0; len(out) < n; e++ {
		k := kinds[e%len(kinds)]
		p1, p2, place, river := name(e, 1), name(e, 2), name(e, 3), name(e, 4)
		at := base.Add(time.Duration(e) * 5 * time.Hour)
		day := at.Format("Monday 2 January")
		num, frac := 3+e%90, e%10
		args := []any{p1, p2, place, river, day, num, frac}
		title, text := fmt.Sprintf(k.en, args...), fmt.Sprintf(k.en2, args...)
		add(fmt.Sprintf("g%d-en", e), title, text, at)
		add(fmt.Sprintf("g%d-en2", e), fmt.Sprintf("%s, %s reports", title, name(e, 5)),
			fmt.Sprintf("On %s: %s", day, strings.Replace(text, ". ", ", local media reported. ", 1)), at.Add(2*time.Hour))
		add(fmt.Sprintf("g%d-es", e), fmt.Sprintf(k.es, args...),
			fmt.Sprintf("Según la prensa local, %s y %s estuvieron en %s; %d personas afectadas junto al río %s.", p1, p2, place, num, river), at.Add(3*time.Hour))
		if e%3 == 0 {
			add(fmt.Sprintf("g%d-copy", e), title, text+" This report was updated.", at.Add(4*time.Hour))
		}
	}
	return out[:n]
}
