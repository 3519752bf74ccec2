package normalize

import (
	"strings"
	"testing"

	"github.com/eventdedup/eventdedup/internal/fnv1a"
)

// benchPairs are name pairs across scripts for the matcher benchmarks.
var benchPairs = [][2]string{
	{"Antony Blinken", "ブリンケン国務長官"},
	{"Secretary Blinken", "أنتوني بلينكن"},
	{"Kim Jong Un", "Kim Yo Jong"},
	{"Wang Wenbin", "王毅"},
	{"Olaf Scholz", "Олаф Шольц"},
	{"Recep Tayyip Erdoğan", "رجب طيب أردوغان"},
	{"Emmanuel Macron", "马克龙"},
	{"Sergei Lavrov", "세르게이 라브로프 외무장관"},
}

func BenchmarkMatch(b *testing.B) {
	var m Matcher
	for _, p := range benchPairs {
		m.Match(p[0], p[1]) // tables are built on first use
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		p := benchPairs[i%len(benchPairs)]
		m.Match(p[0], p[1])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pairs/s")
}

// BenchmarkMatchUncached is BenchmarkMatch with names seen for the first
// time: the cache of parsed names misses every time.
func BenchmarkMatchUncached(b *testing.B) {
	var m Matcher
	for _, p := range benchPairs {
		m.Match(p[0], p[1])
	}
	forget := func(s string) {
		h := fnv1a.String(fnv1a.Offset, s)
		nameCache[h&(nameCacheSize-1)].Store(nil)
		nameSeen[h&(nameCacheSize-1)].Store(0)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		p := benchPairs[i%len(benchPairs)]
		forget(p[0])
		forget(p[1])
		m.Match(p[0], p[1])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pairs/s")
}

// BenchmarkMatchEntities matches raw names of ../testdata/names-entities.tsv
// with their neighbours in the table: a mix of scripts, titles and lengths.
func BenchmarkMatchEntities(b *testing.B) {
	rows := readNameTable(b, "../testdata/names-entities.tsv")
	var m Matcher
	for _, r := range rows {
		m.Match(r.name, r.name)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		m.Match(rows[i%len(rows)].name, rows[(i*7+1)%len(rows)].name)
	}
}

func BenchmarkParseName(b *testing.B) {
	for _, p := range benchPairs {
		ParseName(p[0])
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		ParseName(benchPairs[i%len(benchPairs)][i/len(benchPairs)%2])
	}
}

func BenchmarkMatchNames(b *testing.B) {
	var m Matcher
	names := make([][2]Name, len(benchPairs))
	for i, p := range benchPairs {
		names[i] = [2]Name{ParseName(p[0]), ParseName(p[1])}
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		p := names[i%len(names)]
		m.MatchNames(p[0], p[1])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pairs/s")
}

// mixedText is news-like text in several scripts, written for the benchmark.
const mixedText = `Foreign ministers met in Geneva on Tuesday. Министры иностранных дел встретились в Женеве во вторник.
وزراء الخارجية اجتمعوا في جنيف يوم الثلاثاء ٢٠٢٢. 外相らは火曜日にジュネーブで会談した。 各国外长周二在日内瓦举行会晤。
외교부 장관들이 화요일 제네바에서 만났다. Die Außenminister trafen sich am Dienstag in Genf. Οι υπουργοί συναντήθηκαν στη Γενεύη.
`

func BenchmarkFold(b *testing.B) {
	for _, tc := range []struct {
		name, text string
	}{
		{"ascii", strings.Repeat("Foreign ministers met in Geneva on Tuesday to discuss the crisis. ", 64)},
		{"mixed", strings.Repeat(mixedText, 16)},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(tc.text)))
			b.ReportAllocs()
			for b.Loop() {
				Fold(tc.text)
			}
		})
	}
}
