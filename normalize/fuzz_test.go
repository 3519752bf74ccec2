package normalize

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

var fuzzSeeds = []string{
	"", "Antony Blinken", "ブリンケン国務長官", "أنتوني بلينكن", "Ёсимаса Хаяси", "e\u0301", "ｶﾞ", "가\u11A8",
	"\xff\xfe", "Ά\u0308", "٢٠٢٢", "נ\u05B8", "ﬁ", "İstanbul", "a\u200Db\u202E", "ـ", "\u3099か",
	"ｶ\x7fﾞ", "ｶ\u200bﾞ", "ｶ\u202eﾞ", "e\u200b\u0301", "㷖リンケン", "ن بلنكن",
	"A\u0306", "MBZ", "小池百合子外相", "伊姆兰·汗", "Цзиньпин", "نصر الله", "Hüseyin Emir Abdullahiyan",
}

// FuzzFold checks that Fold is idempotent, returns valid UTF-8 and agrees
// with the transformer of NewFolder.
func FuzzFold(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	for _, p := range variantSeeds(f) {
		f.Add(p[0])
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Fold(%q) = %q, invalid UTF-8", s, got)
		}
		if again := Fold(got); again != got {
			t.Fatalf("Fold not idempotent: %q → %q → %q", s, got, again)
		}
		if !utf8.ValidString(s) {
			return // the transformer reports invalid input differently
		}
		if want, _, err := transform.String(NewFolder(), s); err == nil && want != got {
			t.Fatalf("Fold(%q) = %q, NewFolder gives %q", s, got, want)
		}
	})
}

// FuzzRomanize checks that Romanize writes lowercase ASCII letters, digits
// and single spaces only, and that Key writes only the letters of its
// classes and digits.
func FuzzRomanize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Romanize(s)
		for i := 0; i < len(got); i++ {
			c := got[i]
			ok := 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == ' ' && i > 0 && i < len(got)-1 && got[i-1] != ' '
			if !ok {
				t.Fatalf("Romanize(%q) = %q: byte %d is %q", s, got, i, c)
			}
		}
		k := Key(s)
		for i := 0; i < len(k); i++ {
			if c := k[i]; !strings.ContainsRune("aybtkhmnls0123456789", rune(c)) {
				t.Fatalf("Key(%q) = %q: byte %d is %q", s, k, i, c)
			}
		}
	})
}

// FuzzMatch checks that Match never panics, is symmetric and scores in
// [0, 1].
func FuzzMatch(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(s, fuzzSeeds[(i+1)%len(fuzzSeeds)])
	}
	for _, p := range variantSeeds(f) {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		var m Matcher
		ab, ba := m.Match(a, b), m.Match(b, a)
		if ab.Same != ba.Same || ab.Score != ba.Score {
			t.Fatalf("Match(%q, %q) = %+v, reversed %+v", a, b, ab, ba)
		}
		if ab.Score < 0 || ab.Score > 1 {
			t.Fatalf("Match(%q, %q).Score = %v", a, b, ab.Score)
		}
	})
}

// variantSeeds returns the name pairs of testdata/names-variants.tsv, to seed
// the fuzz targets with real names in many scripts.
func variantSeeds(f *testing.F) [][2]string {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "names-variants.tsv"))
	if err != nil {
		f.Fatal(err)
	}
	var out [][2]string
	for line := range strings.Lines(string(data)) {
		if strings.HasPrefix(line, "#") {
			continue
		}
		if a, rest, ok := strings.Cut(strings.TrimRight(line, "\n"), "\t"); ok {
			b, _, _ := strings.Cut(rest, "\t")
			out = append(out, [2]string{a, b})
		}
	}
	if len(out) == 0 {
		f.Fatal("no name pairs in testdata/names-variants.tsv")
	}
	return out
}
