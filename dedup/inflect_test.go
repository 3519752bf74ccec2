package dedup

import (
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
