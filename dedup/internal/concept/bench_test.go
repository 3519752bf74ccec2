package concept

import (
	"strings"
	"testing"
)

// benchText is about 1 KB of English news prose, written for the benchmark.
var benchText = strings.Repeat("Rescuers searched collapsed buildings on Tuesday after a strong earthquake struck the coastal region, "+
	"killing at least 40 people and injuring hundreds, officials said, as the government declared an emergency. ", 5)

func BenchmarkFind(b *testing.B) {
	l := lexicon(b)
	for _, c := range []struct{ name, lang, text string }{
		{"en", "en", benchText},
		{"ja", "ja", strings.Repeat("北朝鮮が弾道ミサイルを発射し、日本政府は抗議した。地震の被害も報告された。", 10)},
		{"ar", "ar", strings.Repeat("أطلقت كوريا الشمالية صاروخا باليستيا، وقالت الحكومة إن الزلزال أدى إلى مقتل العشرات. ", 10)},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.text)))
			b.ReportAllocs()
			for b.Loop() {
				for range l.Find(c.lang, c.text) {
				}
			}
		})
	}
}
