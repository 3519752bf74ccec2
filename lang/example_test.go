package lang_test

import (
	"fmt"

	"github.com/eventdedup/eventdedup/lang"
	"golang.org/x/text/language"
)

func ExampleDetector_Detect() {
	var d lang.Detector // the zero value chooses among the news languages
	for _, text := range []string{
		"Port workers end week-long strike after deal on pay",
		"Гривня зміцнилася щодо долара",
		"انفجار في الميناء",
		// Kanji-only: Japanese-only forms (続, 値) decide.
		"東証終値 三日続落",
		// A title with its body is one text; the kana decide.
		"地方空港の国際線 来月から再開\n県は国際線が来月から再開すると発表した。",
		"🎉 2024",
	} {
		r := d.Detect(text)
		fmt.Println(r, r.Script)
	}
	// Output:
	// en Latn
	// uk Cyrl
	// ar Arab
	// ja Hani
	// ja Jpan
	// und Zyyy
}

func ExampleDetector_DetectHint() {
	d := lang.New()
	// A hint decides between close languages…
	r := d.DetectHint("Presidente anuncia medidas", language.Portuguese)
	fmt.Println(r, "runner-up", r.RunnerUp)
	// …but not against the text.
	r = d.DetectHint("The central bank raised interest rates on Tuesday.", language.German)
	fmt.Println(r)
	// Output:
	// pt runner-up es
	// en
}

func ExampleNew() {
	d := lang.New(lang.WithLanguages(language.Catalan, language.Spanish, language.French))
	fmt.Println(d.Detect("El govern aprova els pressupostos per a l'any vinent."))
	fmt.Println(d.Languages())
	// Output:
	// ca
	// [ca es fr]
}
