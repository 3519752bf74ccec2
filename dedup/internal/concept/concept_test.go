package concept

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func lexicon(t testing.TB) *Lexicon {
	t.Helper()
	l, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func find(l *Lexicon, lang, text string) []string {
	var out []string
	for m := range l.Find(lang, text) {
		out = append(out, m.Concept)
	}
	return out
}

// The cases are written for these tests: short headlines of the kinds of
// events the lexicon covers, in each language, with what each checks.
func TestFind(t *testing.T) {
	l := lexicon(t)
	for _, c := range []struct {
		lang, text string
		want       []string
		why        string
	}{
		{"en", "Strong earthquake hits coast; dozens dead", []string{"earthquake", "death"}, "base forms"},
		{"en", "Quakes rattle the island", []string{"earthquake"}, "prefix form with a plural"},
		{"en", "Voters head to the polls in snap election", []string{"vote", "election", "election"}, "prefix vote*, polls and election*"},
		{"en", "Electricity prices soar", nil, "stop form !electr* keeps electricity from elect*"},
		{"en", "Storm warning issued in Warsaw", []string{"storm"}, "war is a whole word: not warning, not Warsaw"},
		{"en", "Ten years after the war", []string{"war"}, "war as a word"},
		{"en", "Club fires its coach after defeat", []string{"defeat"}, "fire names no concept: dismissal, blaze or launch"},
		{"en", "Wildfire forces thousands to evacuate", []string{"fire", "evacuation"}, "the blaze is wildfire, blaze"},
		{"en", "According to the minister", []string{"minister"}, "stop form !according* against accord*"},
		{"en", "North Korea fires two ballistic missiles", []string{"ballistic", "missile"}, "fires is not launch"},
		{"fr", "Séisme de magnitude 6 : au moins 12 morts", []string{"earthquake", "death"}, "diacritics folded"},
		{"fr", "ÉLECTIONS LÉGISLATIVES", []string{"election"}, "capitals folded"},
		{"de", "Erdbeben erschüttert Region, Tote befürchtet", []string{"earthquake", "death"}, "German"},
		{"de", "Landtagswahl: CDU vorn", []string{"election"}, "suffix form *wahl, the head of a German compound"},
		{"de", "Raketenangriff auf Kiew", []string{"missile", "attack"}, "a compound names two concepts, by prefix and suffix"},
		{"de", "Vorurteile und eine große Auswahl", nil, "stop forms !*vorurteil and !*auswahl against *urteil and *wahl"},
		{"de", "Zinserhöhung der EZB", []string{"interestrate", "centralbank"}, "prefix zins* of a compound"},
		{"es", "Terremoto sacude México; elecciones aplazadas", []string{"earthquake", "election"}, "Spanish"},
		{"it", "Terremoto in Turchia, elezioni rinviate", []string{"earthquake", "election"}, "Italian"},
		{"pt", "Terremoto atinge o Chile; eleições adiadas", []string{"earthquake", "election"}, "Portuguese"},
		{"ru", "Землетрясение в Турции: выборы перенесены", []string{"earthquake", "election"}, "Russian inflection"},
		{"ru", "Умеренный рост цен", nil, "stop form !умерен* against умер*"},
		{"ru", "КНДР запустила баллистическую ракету", []string{"launch", "ballistic", "missile"}, "Russian stems"},
		{"uk", "Землетрус у Туреччині; вибори перенесли", []string{"earthquake", "election"}, "Ukrainian"},
		{"tr", "Deprem sonrası seçimler ertelendi", []string{"earthquake", "election"}, "Turkish"},
		{"tr", "SEÇİM SONUÇLARI", []string{"election"}, "Turkish capitals with dotted İ"},
		{"tr", "Kuzey Kore balistik füze fırlattı", []string{"ballistic", "missile", "launch"}, "Turkish dotless ı"},
		{"ar", "زلزال قوي يضرب تركيا", []string{"earthquake"}, "Arabic"},
		{"ar", "وبالزلزال والانتخابات", []string{"earthquake", "election"}, "Arabic with proclitics and article"},
		{"ar", "كوريا الشمالية تطلق صاروخا باليستيا", []string{"missile", "ballistic"}, "Arabic accusative endings"},
		{"fa", "زلزله در ترکیه؛ انتخابات به تعویق افتاد", []string{"earthquake", "election"}, "Persian"},
		{"fa", "جنگل‌های شمال", nil, "stop form !جنگل* against جنگ*"},
		{"he", "רעידת אדמה בטורקיה", []string{"earthquake"}, "Hebrew"},
		{"he", "במלחמה ובבחירות", []string{"war", "election"}, "Hebrew proclitics"},
		{"he", "הממשלה הטיל סנקציות", []string{"government", "sanctions"}, "stop form !הטיל: imposed, not the missile"},
		{"zh", "土耳其发生强烈地震", []string{"earthquake"}, "simplified Chinese, substring"},
		{"zh", "朝鮮發射彈道導彈", []string{"launch", "ballistic", "missile"}, "traditional Chinese"},
		{"ja", "北朝鮮が弾道ミサイルを発射", []string{"ballistic", "missile", "launch"}, "Japanese kanji and katakana"},
		{"ja", "ﾐｻｲﾙ発射", []string{"missile", "launch"}, "half-width katakana folded"},
		{"ko", "북한, 탄도미사일 2발 발사", []string{"ballistic", "missile", "launch"}, "Korean compound"},
		{"ko", "지진으로 선거를 연기", []string{"earthquake", "election"}, "Korean particles"},
		{"en", "Queen Victoria's birthday", nil, "false friends: Victoria is no victory, a birthday no birth"},
		{"es", "El ministro recordó el récord", []string{"minister", "record"}, "Spanish recordar (remember) is not récord"},
		{"tr", "Film ilk kez gösterildi", nil, "Turkish göstermek (show) is not gösteri (demonstration)"},
		{"ar", "الخدمات الاجتماعية والرئيسية", nil, "Arabic social and main are not meeting and president"},
		{"de", "Eine Entscheidung betreffen", nil, "German Entscheidung is no divorce (*scheidung is not a form)"},
		{"xx", "earthquake", nil, "unknown language"},
		{"en", "", nil, "empty text"},
	} {
		if got := find(l, c.lang, c.text); !slices.Equal(got, c.want) {
			t.Errorf("%s %q (%s): %q, want %q", c.lang, c.text, c.why, got, c.want)
		}
	}
}

// The words of Find are the folded words of the text.
func TestFindWord(t *testing.T) {
	l := lexicon(t)
	var got []string
	for m := range l.Find("de", "Schweres ERDBEBEN") {
		got = append(got, m.Word)
	}
	if !slices.Equal(got, []string{"erdbeben"}) {
		t.Errorf("words %q", got)
	}
}

// Find stops when the consumer does.
func TestFindBreak(t *testing.T) {
	l := lexicon(t)
	n := 0
	for range l.Find("en", "earthquake flood storm") {
		n++
		break
	}
	if n != 1 {
		t.Errorf("%d matches after break", n)
	}
}

// minConcepts is the number of concepts every language of the lexicon
// must have forms for: about two thirds of the concepts (the languages
// with the fewest have about 110 of 125).
const minConcepts = 100

// TestLexicon checks the embedded data: every line parses, every language
// has enough concepts, and no form is too short to be specific.
func TestLexicon(t *testing.T) {
	l := lexicon(t)
	if n := len(l.Concepts()); n < 120 || n > 200 {
		t.Errorf("%d concepts, want 120-200", n)
	}
	for _, lang := range Languages {
		if n := len(l.ConceptsOf(lang)); n < minConcepts {
			t.Errorf("%s: %d concepts, want at least %d", lang, n, minConcepts)
		}
	}
	for i, line := range strings.Split(data, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) != 3 {
			t.Errorf("line %d: %d fields", i+1, len(fields))
			continue
		}
		for _, f := range strings.Fields(fields[2]) {
			f = strings.TrimPrefix(f, "!")
			stem, suffix := strings.CutPrefix(f, "*")
			stem, prefix := strings.CutSuffix(stem, "*")
			prefix = prefix || suffix
			n := utf8.RuneCountInString(fold(stem))
			r, _ := utf8.DecodeRuneInString(stem)
			switch {
			case n < 2:
				t.Errorf("line %d: form %q shorter than 2 letters", i+1, f)
			case prefix && unicode.Is(unicode.Latin, r) && n < 4:
				t.Errorf("line %d: Latin prefix or suffix form %q shorter than 4 letters", i+1, f)
			}
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ in, why string }{
		{"earthquake\ten", "two fields"},
		{"earthquake\ten\tquake\textra", "four fields"},
		{"earthquake\txx\tquake", "unknown language"},
		{"earthquake\ten\t ", "no form"},
		{"\ten\tquake", "no concept name"},
		{"earthquake\ten\tq", "form too short"},
		{"earthquake\ten\tqua*", "Latin stem too short"},
		{"earthquake\tja\t地震*", "prefix form in a substring language"},
		{"earthquake\ten\tquake-s", "not a single word"},
		{"earthquake\ten\t*quake*", "both a prefix and a suffix form"},
		{"earthquake\tja\t*地震", "suffix form in a substring language"},
		{"earthquake\ten\tquake\nstorm\ten\tQuake", "one form, two concepts"},
	} {
		_, err := Parse(strings.NewReader(c.in))
		if !errors.Is(err, ErrSyntax) {
			t.Errorf("%s: %v, want ErrSyntax", c.why, err)
		}
	}
	l, err := Parse(strings.NewReader("# comment\n\nquake\ten\tquake quake\n"))
	if err != nil || l.Forms("en") != 2 || len(l.Concepts()) != 1 {
		t.Errorf("comments and a repeated form: %v", err)
	}
}

func TestZeroLexicon(t *testing.T) {
	var l Lexicon
	if got := find(&l, "en", "earthquake"); got != nil {
		t.Errorf("zero Lexicon found %q", got)
	}
}

func FuzzFind(f *testing.F) {
	l := lexicon(f)
	for _, s := range []string{"Erdbeben", "وبالزلزال", "弾道ミサイル", "\xff\xfeearth", "탄도미사일을"} {
		f.Add("en", s)
		f.Add("ar", s)
		f.Add("ja", s)
	}
	f.Fuzz(func(t *testing.T, lang, text string) {
		a, b := l.Find(lang, text), l.Find(lang, text)
		var ma, mb []Match
		for m := range a {
			ma = append(ma, m)
		}
		for m := range b {
			mb = append(mb, m)
		}
		if !slices.Equal(ma, mb) {
			t.Fatalf("not deterministic: %v then %v", ma, mb)
		}
		folded := fold(text)
		for _, m := range ma {
			if !strings.Contains(folded, m.Word) {
				t.Fatalf("word %q not in the folded text", m.Word)
			}
		}
	})
}
