package features

import (
	"slices"
	"testing"

	"github.com/eventdedup/eventdedup/normalize"
)

// TestCyrillicPlaces checks that countries are found in the cases Russian and
// Ukrainian put them in, and that other words are not read as countries.
func TestCyrillicPlaces(t *testing.T) {
	ps := places()
	tests := []struct {
		word, want, why string
	}{
		{"Афганистане", "AF", "locative: в Афганистане"},
		{"Афганистана", "AF", "genitive"},
		{"Японии", "JP", "genitive of a noun in -ия"},
		{"Японией", "JP", "instrumental of a noun in -ия"},
		{"Китае", "CN", "locative of a noun in -ай"},
		{"Китаем", "CN", "instrumental of a noun in -ай"},
		{"Украины", "UA", "genitive of a noun in -а"},
		{"Украиной", "UA", "instrumental of a noun in -а"},
		{"Україні", "UA", "Ukrainian locative"},
		{"Японії", "JP", "Ukrainian genitive"},
		{"Ирана", "IR", "genitive"},
		{"Блинкена", "", "a name in the genitive is no country"},
		{"Москве", "RU", "a capital stands for its government (Moscow, Russia), in any case"},
		{"Ирине", "", "a given name (Ирина) is no country"},
		{"Иру", "", "a stem of two letters is too short to tell"},
	}
	for _, tt := range tests {
		f := normalize.Fold(tt.word)
		got := findPlaces(ps, tt.word, f, f)
		code := ""
		if len(got) > 0 {
			code = got[0].code
		}
		if code != tt.want {
			t.Errorf("%s: %s: got %q, want %q", tt.why, tt.word, code, tt.want)
		}
	}
}

// TestCJKPlaces checks that capitals and organisations written in Chinese
// characters or kana are found in running CJK text, not only countries.
func TestCJKPlaces(t *testing.T) {
	ps := places()
	tests := []struct {
		run  string
		want []placeRef
		why  string
	}{
		{"北京会谈", []placeRef{{KindPlace, "CN"}}, "a capital stands for its government"},
		{"北约峰会", []placeRef{{KindOrg, "NATO"}}, "an organisation"},
		{"ホワイトハウスは述べた", []placeRef{{KindOrg, "WHITEHOUSE"}}, "a seat of power in katakana"},
		{"東京で地震", []placeRef{{KindPlace, "JP"}}, "a capital in Japanese"},
		{"中国会谈", []placeRef{{KindPlace, "CN"}}, "a country, as before"},
		{"会谈举行", nil, "no place"},
	}
	for _, tt := range tests {
		var got []placeRef
		ps.scanCJK(tt.run, func(p placeRef) { got = append(got, p) })
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %s: got %v, want %v", tt.why, tt.run, got, tt.want)
		}
	}
}
