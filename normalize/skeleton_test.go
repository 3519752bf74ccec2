package normalize

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSkeleton(t *testing.T) {
	const plain = "Storm Arwen leaves 50,000 homes in Scotland without power"
	same := []struct {
		why, text string
	}{
		{"Cyrillic look-alikes in Latin text", "Stоrm Arwеn lеavеs 50,000 hоmеs in Sсоtland withоut pоwеr"},
		{"Greek look-alikes in Latin text", "Stοrm Αrwen leaves 50,000 hοmes ιn Scοtland wιthουt pοwer"},
		{"capitals of look-alikes", "STОRM АRWЕN LЕАVЕS 50,000 HОMЕS IN SСОTLАND WITHОUT PОWЕR"},
		{"fullwidth letters", "Ｓｔｏｒｍ Ａｒｗｅｎ leaves 50,000 homes in Scotland without power"},
		{"mathematical letters", "𝐒𝐭𝐨𝐫𝐦 Arwen leaves 50,000 homes in 𝑆𝑐𝑜𝑡𝑙𝑎𝑛𝑑 without power"},
		{"zero-width characters and bidi controls", "St\u200bo\u200drm Ar\u200ewen leav\u202ees 50,000 homes in Scot\u2066land without po\u00adwer"},
		{"diacritics added", "Stórm Arwén leäves 50,000 hömes in Scötland withoút pówer"},
		{"diacritics added decomposed", "Sto\u0301rm Arwe\u0301n leaves 50,000 homes in Scotland without power"},
		{"dotless i", "Storm Arwen leaves 50,000 homes ın Scotland wıthout power"},
		{"circled letters", "Ⓢⓣⓞⓡⓜ Arwen leaves 50,000 homes in Scotland without power"},
		{"Latin small capitals", "Sᴛᴏʀᴍ Arwen leaves 50,000 homes in Sᴄᴏᴛʟᴀɴᴅ without power"},
		{"Armenian look-alikes", "Stօrm Arwen leaves 50,000 հօmes in Scօtlaոd withօսt pօwer"},
		{"invisible Hangul fillers and tags", "Storm\u3164 Arwen\u115f leaves 50,000\U000E0041 homes in Scotland without\uFFA0 power"},
	}
	want := Skeleton(plain)
	for _, tt := range same {
		if got := Skeleton(tt.text); got != want {
			t.Errorf("%s: Skeleton(%q) = %q, want %q", tt.why, tt.text, got, want)
		}
	}
	differ := []struct {
		why, a, b string
	}{
		{"distinct Cyrillic letters stay distinct", "вы", "ьы"},
		{"н is not h in lower case", "нато", "hato"},
		{"Greek η and ν stay distinct", "ηνα", "ννα"},
		{"Han characters are kept", "林芳正", "林芳政"},
		{"Hangul syllables are not decomposed", "한국", "학국"},
		{"kana are kept", "か", "さ"},
	}
	for _, tt := range differ {
		if Skeleton(tt.a) == Skeleton(tt.b) {
			t.Errorf("%s: Skeleton(%q) = Skeleton(%q) = %q", tt.why, tt.a, tt.b, Skeleton(tt.a))
		}
	}
	if a, b := Skeleton("НАТО"), Skeleton("нато"); a != b {
		t.Errorf("case is folded in Cyrillic: Skeleton(НАТО) = %q, Skeleton(нато) = %q", a, b)
	}
	if got := Skeleton("한국"); got != "한국" {
		t.Errorf("Skeleton(한국) = %q", got)
	}
}

// FuzzSkeleton checks that Skeleton returns valid UTF-8, is idempotent,
// agrees with SkeletonRune, and ignores case.
func FuzzSkeleton(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("Sсоtland 𝐒ｃ\u200bo\u0301tland")
	// the titles and texts of the hand-written reports of testdata
	for _, name := range []string{"robust-lines.jsonl", "twoplustwo.jsonl"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		for line := range strings.Lines(string(data)) {
			var d struct{ Title, Text string }
			if json.Unmarshal([]byte(line), &d) == nil {
				f.Add(d.Title)
				f.Add(d.Text)
			}
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Skeleton(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Skeleton(%q) = %q, invalid UTF-8", s, got)
		}
		if again := Skeleton(got); again != got {
			t.Fatalf("Skeleton not idempotent: %q → %q → %q", s, got, again)
		}
		var b strings.Builder
		for _, r := range s {
			if m := SkeletonRune(r); m >= 0 {
				b.WriteRune(m)
			}
		}
		if b.String() != got {
			t.Fatalf("Skeleton(%q) = %q, SkeletonRune gives %q", s, got, b.String())
		}
		if low := Skeleton(strings.ToLower(s)); utf8.ValidString(s) && low != got {
			t.Fatalf("case matters: Skeleton(%q) = %q, of lower case %q", s, got, low)
		}
	})
}
