package normalize_test

import (
	"fmt"

	"github.com/eventdedup/eventdedup/normalize"
)

func ExampleMatcher_Match() {
	var m normalize.Matcher
	for _, p := range [][2]string{
		{"Antony Blinken", "ブリンケン国務長官"},
		{"Secretary Blinken", "أنتوني بلينكن"},
		{"Kim Jong Un", "Kim Yo Jong"},
	} {
		r := m.Match(p[0], p[1])
		fmt.Println(p[0], "|", p[1], r.Same)
	}
	// Output:
	// Antony Blinken | ブリンケン国務長官 true
	// Secretary Blinken | أنتوني بلينكن true
	// Kim Jong Un | Kim Yo Jong false
}

func ExampleRomanize() {
	fmt.Println(normalize.Romanize("Энтони Блинкен"))
	fmt.Println(normalize.Romanize("문재인"))
	fmt.Println(normalize.Romanize("李克强"))
	// Output:
	// entoni blinken
	// munjaein
	// likeqiang
}

func ExampleKey() {
	fmt.Println(normalize.Key("Blinken"), normalize.Key("بلينكن"), normalize.Key("ブリンケン"))
	// Output: blnkn blnkn blnkn
}

func ExampleGazetteer_Lookup() {
	g := normalize.Countries()
	for _, name := range []string{"اليابان", "日本", "Япония", "Washington"} {
		code, ok := g.Lookup(name)
		fmt.Println(code, ok)
	}
	e, _ := g.Find("ОДКБ")
	fmt.Println(e.Code, e.Kind == normalize.Organization)
	// Output:
	// JP true
	// JP true
	// JP true
	// US true
	// CSTO true
}
