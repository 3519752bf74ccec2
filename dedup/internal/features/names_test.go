package features

import (
	"testing"

	"github.com/eventdedup/eventdedup/normalize"
)

func TestSpelledAlike(t *testing.T) {
	tests := []struct {
		x, y string
		want bool
		why  string
	}{
		{"Putin", "Biden", false, "one phonetic key (btn), two people"},
		{"Путин", "Байден", false, "the same in Cyrillic"},
		{"Selenskyj", "Zelensky", true, "German and English transliterations of one name"},
		{"Trumpa", "Trump", true, "a Polish inflection"},
		{"Путина", "Путин", true, "a Russian inflection"},
		{"Kovid", "Covid", true, "Turkish spelling of one word"},
		{"Putin", "Байден", false, "Latin and Cyrillic compared as spellings"},
		{"Зеленский", "Zelensky", true, "Russian and its English transliteration"},
		{"Putin", "بوتين", true, "Arabic leaves out vowels: the key decides"},
		{"Biden", "بايدن", true, "the key decides, where the matcher misses"},
		{"Putin", "プーチン", true, "kana: the key decides"},
		{"Biden", "Biden", true, "one spelling"},
	}
	for _, tt := range tests {
		if got := SpelledAlike(normalize.Key(tt.x), tt.x, tt.y); got != tt.want {
			t.Errorf("SpelledAlike(%q, %q) = %v, want %v: %s", tt.x, tt.y, got, tt.want, tt.why)
		}
	}
	if !SpelledAlike("=xi", "Xi", "Xie") {
		t.Error("a spelled key (=xi) is matched as it is: the spelling is the key")
	}
}
