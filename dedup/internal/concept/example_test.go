package concept_test

import (
	"fmt"

	"github.com/eventdedup/eventdedup/dedup/internal/concept"
)

func ExampleLexicon_Find() {
	l, err := concept.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, h := range []struct{ lang, title string }{
		{"en", "North Korea fires two ballistic missiles"},
		{"ja", "北朝鮮が弾道ミサイル2発を発射"},
		{"ko", "북한, 탄도미사일 2발 발사"},
		{"de", "Raketenangriff auf Kiew"},
	} {
		fmt.Print(h.lang, ":")
		for m := range l.Find(h.lang, h.title) {
			fmt.Print(" ", m.Concept)
		}
		fmt.Println()
	}
	// Output:
	// en: ballistic missile
	// ja: ballistic missile launch
	// ko: ballistic missile launch
	// de: missile attack
}
