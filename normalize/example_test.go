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

func ExampleParseName() {
	for _, s := range []string{"外交部发言人赵立坚", "Foreign Minister Hossein Amir-Abdollahian", "문재인 대통령"} {
		fmt.Println(normalize.ParseName(s).Parts)
	}
	// Output:
	// [zhao lijian]
	// [hossein amir abdollahian]
	// [mun jaein]
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

func ExampleGazetteer_Find() {
	g := normalize.Countries()
	for _, name := range []string{"اليابان", "日本", "Япония", "Washington", "ОДКБ"} {
		e, ok := g.Find(name)
		fmt.Println(e.Code, e.Kind == normalize.Organization, ok)
	}
	// Output:
	// JP false true
	// JP false true
	// JP false true
	// US false true
	// CSTO true true
}

func ExampleCommonWord() {
	fmt.Println(normalize.CommonWord("en", "Stadium"), normalize.CommonWord("en", "Obama"))
	// Output: true false
}
