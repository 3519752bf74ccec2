package lang

import (
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/pemistahl/lingua-go"
	"golang.org/x/text/language"
)

// Texts are written for these tests (they are not quotations).
var routeTests = []struct {
	reason string
	text   string
	all    bool // detect among all 75 languages instead of the news languages
	want   string
	script string
	sure   bool // the script alone decides: confidence 1
}{
	{"Latin: lingua among the Latin news languages", "The central bank raised interest rates on Tuesday to curb inflation.", false, "en", "Latn", false},
	{"Latin with diacritics", "Die Zentralbank hat am Dienstag die Zinsen erhöht, um die Inflation zu bremsen.", false, "de", "Latn", false},
	{"Latin: Polish letters", "Bank centralny we wtorek podniósł stopy procentowe, aby zahamować inflację.", false, "pl", "Latn", false},
	{"Latin: Turkish letters", "Merkez Bankası salı günü enflasyonu frenlemek için faizleri artırdı.", false, "tr", "Latn", false},
	{"Latin: Vietnamese tones", "Ngân hàng trung ương đã tăng lãi suất vào thứ Ba để kiềm chế lạm phát.", false, "vi", "Latn", false},
	{"Cyrillic: Russian", "Центральный банк во вторник повысил ключевую ставку.", false, "ru", "Cyrl", false},
	{"Cyrillic: Ukrainian", "Національний банк у вівторок підвищив облікову ставку.", false, "uk", "Cyrl", false},
	{"Arabic script: Arabic", "رفع البنك المركزي أسعار الفائدة يوم الثلاثاء.", false, "ar", "Arab", false},
	{"Arabic script: Persian", "بانک مرکزی روز سه‌شنبه نرخ بهره را افزایش داد.", false, "fa", "Arab", false},
	{"Arabic script: Urdu", "مرکزی بینک نے منگل کے روز شرح سود میں اضافہ کر دیا۔", false, "ur", "Arab", false},
	{"short Arabic title", "انفجار في الميناء", false, "ar", "Arab", false},
	{"Greek is only Greek", "Η κεντρική τράπεζα αύξησε τα επιτόκια την Τρίτη.", false, "el", "Grek", true},
	{"Hebrew is only Hebrew", "הבנק המרכזי העלה את הריבית ביום שלישי.", false, "he", "Hebr", true},
	{"Thai is only Thai", "ธนาคารกลางขึ้นอัตราดอกเบี้ยเมื่อวันอังคาร", false, "th", "Thai", true},
	{"Devanagari: Hindi is the only news language", "केंद्रीय बैंक ने मंगलवार को ब्याज दरें बढ़ा दीं।", false, "hi", "Deva", true},
	{"Devanagari: Marathi among all languages", "मध्यवर्ती बँकेने मंगळवारी व्याजदर वाढवले.", true, "mr", "Deva", false},
	{"Bengali is only Bengali", "কেন্দ্রীয় ব্যাংক মঙ্গলবার সুদের হার বাড়িয়েছে।", false, "bn", "Beng", true},
	{"Hangul is Korean", "중앙은행이 화요일 기준금리를 인상했다.", false, "ko", "Kore", true},
	{"Hangul with Han is Korean", "韓國銀行 기준금리 인상", false, "ko", "Kore", true},
	{"kana make Japanese", "中央銀行は火曜日、政策金利を引き上げた。", false, "ja", "Jpan", true},
	{"katakana only is Japanese", "ワールドカップ", false, "ja", "Jpan", true},
	{"simplified Han is Chinese", "中央银行周二宣布上调利率。", false, "zh", "Hani", false},
	{"traditional Han is Chinese", "中央銀行週二宣布調升利率，市場反應平淡。", false, "zh", "Hani", false},
	{"kanji-only with Japanese-only forms", "東証終値 三日続落", false, "ja", "Hani", false},
	{"kanji-only title with its Japanese body", "日米首脳会談 来月開催\n政府は首脳会談を来月開く方向で調整している。", false, "ja", "Jpan", true},
	{"Georgian among all languages", "ცენტრალურმა ბანკმა საპროცენტო განაკვეთი გაზარდა", true, "ka", "Geor", true},
	{"Georgian is not a news language", "ცენტრალურმა ბანკმა საპროცენტო განაკვეთი გაზარდა", false, "und", "Geor", false},
	{"Khmer is unknown to lingua", "ធនាគារកណ្តាលបានដំឡើងអត្រាការប្រាក់", true, "und", "Khmr", false},
	{"a Chinese title with a Latin brand name stays Chinese", "华为发布新款Mate手机", false, "zh", "Hani", false},
}

func TestDetectRoutes(t *testing.T) {
	news, all := New(), New(WithAllLanguages())
	for _, tc := range routeTests {
		d := news
		if tc.all {
			d = all
		}
		got := d.Detect(tc.text)
		if got.String() != tc.want || got.Script.String() != tc.script {
			t.Errorf("%s: Detect(%q) = %s/%s (%.2f), want %s/%s", tc.reason, tc.text, got, got.Script, got.Confidence, tc.want, tc.script)
		}
		if tc.sure && got.Confidence != 1 {
			t.Errorf("%s: confidence %v, want 1", tc.reason, got.Confidence)
		}
		if tc.want == "und" && got.Confidence != 0 {
			t.Errorf("%s: und with confidence %v", tc.reason, got.Confidence)
		}
	}
}

func TestDetectUnd(t *testing.T) {
	for _, tc := range []struct {
		reason, text, script string
	}{
		{"empty", "", "Zyyy"},
		{"blank", " \t\n ", "Zyyy"},
		{"emoji", "🎉🔥🚀 👍🏽", "Zyyy"},
		{"numbers and symbols", "12 345,67 % +3.5 € 2024-01-05", "Zyyy"},
		{"punctuation", "!!! ??? ... — «»", "Zyyy"},
		{"one letter", "7 a 9", "Latn"},
		{"one Han character", "中", "Hani"},
		{"three scripts, none with half the letters", "abc где αβγ", "Latn"},
	} {
		for _, d := range []*Detector{{}, New(WithAllLanguages())} {
			got := d.Detect(tc.text)
			if got.Tag != language.Und || got.String() != "und" || got.Confidence != 0 || got.RunnerUp != language.Und {
				t.Errorf("%s: Detect(%q) = %+v, want und", tc.reason, tc.text, got)
			}
			if got.Script.String() != tc.script {
				t.Errorf("%s: script %s, want %s", tc.reason, got.Script, tc.script)
			}
		}
	}
}

func TestDetectHint(t *testing.T) {
	d := New()
	for _, tc := range []struct {
		reason, text, hint, want, runnerUp string
	}{
		{"a plausible hint decides a close call", "Presidente anuncia medidas", "pt", "pt", "es"},
		{"the other plausible hint", "Presidente anuncia medidas", "es", "es", "pt"},
		{"a hint the text argues against", "Presidente anuncia novas medidas", "es", "pt", "und"},
		{"a contradicted hint is rejected", "The central bank raised interest rates on Tuesday to curb inflation.", "de", "en", "und"},
		{"a hint in another script is ignored", "Центральный банк во вторник повысил ключевую ставку.", "en", "ru", "und"},
		{"a hint for a language lingua knows but the Detector does not choose among competes",
			"El banc central ha apujat els tipus d'interès aquest dimarts.", "ca", "ca", "und"},
		{"a hint lingua has no model of is accepted on its script", "केंद्रीय बैंक ने मंगलवार को ब्याज दरें बढ़ा दीं।", "ne", "ne", "hi"},
		{"Japanese hint on Han without evidence", "首相官邸", "ja", "ja", "zh"},
		{"Japanese hint on simplified Chinese is rejected", "国务院常务会议部署稳经济措施", "ja", "zh", "und"},
		{"Chinese hint on Japanese-only forms is rejected", "東証終値 三日続落", "zh", "ja", "und"},
		{"Japanese hint on a Korean text is ignored", "중앙은행이 화요일 기준금리를 인상했다.", "ja", "ko", "und"},
		{"no letters: und whatever the hint", "2024 🎉", "en", "und", "und"},
		{"a region in the hint does not matter", "Центральный банк повысил ставку", "ru-RU", "ru", "und"},
	} {
		got := d.DetectHint(tc.text, language.Make(tc.hint))
		ru := "und"
		if got.RunnerUp != language.Und {
			base, _ := got.RunnerUp.Base()
			ru = base.String()
		}
		if got.String() != tc.want || ru != tc.runnerUp {
			t.Errorf("%s: DetectHint(%q, %s) = %s (%.2f) runner-up %s, want %s runner-up %s",
				tc.reason, tc.text, tc.hint, got, got.Confidence, ru, tc.want, tc.runnerUp)
		}
	}
}

// TestKanjiOnly pins down the documented behaviour for Han-only text.
func TestKanjiOnly(t *testing.T) {
	d := New()
	for _, tc := range []struct {
		reason, text, want, runnerUp string
	}{
		{"Japanese-only forms 発 弾", "北朝鮮 弾道弾発射", "ja", "und"},
		{"Japanese-only form 県", "大雪警報 新潟県全域", "ja", "und"},
		{"simplified 会 next to traditional 議", "首相官邸 緊急会議", "ja", "und"},
		{"no evidence either way: Chinese, Japanese runner-up", "首相官邸", "zh", "ja"},
		{"simplified Chinese", "外交部发言人表示", "zh", "und"},
		{"traditional Chinese", "行政院會議通過預算", "zh", "und"},
		{"with kana the text is Japanese whatever its forms", "国务院が会议を开いた", "ja", "und"},
		{"后 is Japanese too (皇后)", "皇后陛下 両国訪問", "ja", "und"},
	} {
		got := d.Detect(tc.text)
		ru := "und"
		if got.RunnerUp != language.Und {
			ru = got.RunnerUp.String()
		}
		if got.String() != tc.want || ru != tc.runnerUp {
			t.Errorf("%s: Detect(%q) = %s (%.2f) runner-up %s, want %s runner-up %s", tc.reason, tc.text, got, got.Confidence, ru, tc.want, tc.runnerUp)
		}
	}
	if got := d.Detect("首相官邸"); got.Confidence != 0.5 || got.RunnerUpConfidence != 0.5 {
		t.Errorf("no evidence: confidences %v and %v, want 0.5 and 0.5", got.Confidence, got.RunnerUpConfidence)
	}
}

func TestOptions(t *testing.T) {
	const catalan = "El banc central ha apujat els tipus d'interès aquest dimarts per frenar la inflació."
	for _, tc := range []struct {
		reason string
		d      *Detector
		text   string
		want   string
	}{
		{"the zero Detector uses the news languages", &Detector{}, catalan, "not ca"},
		{"all languages include Catalan", New(WithAllLanguages()), catalan, "ca"},
		{"a restricted set", New(WithLanguages(language.Catalan, language.Spanish)), catalan, "ca"},
		{"a restricted set without the language", New(WithLanguages(language.English, language.German)), catalan, "not ca"},
		{"unknown tags are ignored", New(WithLanguages(language.Make("tlh"), language.Spanish, language.Catalan)), catalan, "ca"},
		{"low accuracy only", New(WithLowAccuracy()), "Bank centralny podniósł stopy procentowe", "pl"},
		{"a sample size that reads the whole text", New(WithSampleSize(0)), strings.Repeat("Der Zug kommt heute später an. ", 200), "de"},
		{"a tiny sample size still reads whole words", New(WithSampleSize(16)), strings.Repeat("Der Zug kommt heute später an. ", 200), "de"},
	} {
		got := tc.d.Detect(tc.text).String()
		if want, ok := strings.CutPrefix(tc.want, "not "); ok && got == want || !ok && got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.reason, got, tc.want)
		}
	}
	if got := len(New(WithAllLanguages()).Languages()); got != 75 {
		t.Errorf("WithAllLanguages: %d languages, want 75", got)
	}
	var zero Detector
	if got, want := len(zero.Languages()), len(NewsLanguages()); got != want {
		t.Errorf("zero Detector: %d languages, want %d", got, want)
	}
}

// TestNewsLanguages checks that every news language is one lingua knows.
func TestNewsLanguages(t *testing.T) {
	for _, tag := range NewsLanguages() {
		if _, ok := toLingua(tag); !ok {
			t.Errorf("%s is not a lingua language", tag)
		}
	}
}

// TestLinguaScripts checks the scripts taken from x/text against lingua's
// own lists.
func TestLinguaScripts(t *testing.T) {
	info := linguaTable()
	for s, langs := range map[script][]lingua.Language{
		latn: lingua.AllLanguagesWithLatinScript(),
		cyrl: lingua.AllLanguagesWithCyrillicScript(),
		arab: lingua.AllLanguagesWithArabicScript(),
		deva: lingua.AllLanguagesWithDevanagariScript(),
	} {
		for _, l := range langs {
			if info.scripts[l] != s {
				t.Errorf("%v: script %s, lingua says %s", l, scriptCodes[info.scripts[l]], scriptCodes[s])
			}
		}
	}
	for _, l := range lingua.AllLanguages() {
		if info.scripts[l] == unknownScript {
			t.Errorf("%v: no script", l)
		}
		if got, ok := toLingua(fromLingua(l)); !ok || got != l {
			t.Errorf("%v: round trip gives %v", l, got)
		}
	}
}

func TestLetterModels(t *testing.T) {
	models := letterModels()
	for s, want := range map[script]int{
		latn: len(lingua.AllLanguagesWithLatinScript()),
		cyrl: len(lingua.AllLanguagesWithCyrillicScript()),
		arab: len(lingua.AllLanguagesWithArabicScript()),
		deva: len(lingua.AllLanguagesWithDevanagariScript()),
	} {
		if models[s] == nil || len(models[s].langs) != want {
			t.Errorf("%s: letter model missing or incomplete", scriptCodes[s])
		}
	}
	if _, err := parseLetters(lettersBin[:len(lettersBin)/2]); err == nil {
		t.Error("truncated letters.bin parsed without error")
	}
	if _, err := parseLetters([]byte("lingua-go v0 3\n")); err == nil {
		t.Error("letters.bin for another lingua parsed without error")
	}
}

func TestHanTables(t *testing.T) {
	seen := map[rune]string{}
	for name, chars := range map[string]string{
		"hanJapanese": hanJapanese, "hanChinese": hanChinese, "hanSimplified": hanSimplified, "hanTraditional": hanTraditional,
	} {
		for _, r := range chars {
			if !unicode.Is(unicode.Han, r) {
				t.Errorf("%s: %q is not Han", name, r)
			}
			if other, ok := seen[r]; ok {
				t.Errorf("%q is in %s and %s", r, name, other)
			}
			seen[r] = name
		}
	}
}

func TestSample(t *testing.T) {
	text := strings.Repeat("Zwölf Boxkämpfer jagen Viktor quer über den großen Sylter Deich. ", 100)
	for _, n := range []int{0, 1, 16, 100, 2048, len(text), len(text) + 1} {
		windows := sample(text, n)
		size := 0
		for _, w := range windows {
			size += len(w)
			if !utf8.ValidString(w) {
				t.Errorf("n=%d: invalid UTF-8 window %q", n, w)
			}
			if w != "" && len(windows) > 1 && !strings.Contains(text, " "+strings.TrimSpace(w)+" ") && !strings.HasPrefix(text, strings.TrimSpace(w)) {
				t.Errorf("n=%d: window %q cuts a word", n, w)
			}
		}
		if n > 0 && n < len(text) && size > n {
			t.Errorf("n=%d: read %d bytes", n, size)
		}
		if (n <= 0 || n >= len(text)) && (len(windows) != 1 || windows[0] != text) {
			t.Errorf("n=%d: a short text is not read whole", n)
		}
	}
}

func TestChunks(t *testing.T) {
	windows := []string{"one two three four five six", "seven eight nine", "", "tenelevent"}
	var got []string
	chunks(windows, 5, func(c string) bool {
		got = append(got, c)
		return true
	})
	want := []string{"one two", "seven", "tenelevent", " three", " eight", " four five", " nine", " six"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("chunks = %q, want %q", got, want)
	}
	n := 0
	chunks(windows, 5, func(string) bool { n++; return false })
	if n != 1 {
		t.Errorf("chunks went on after yield returned false: %d calls", n)
	}
}

// TestConcurrent runs one Detector from many goroutines; run it with -race.
func TestConcurrent(t *testing.T) {
	d := New()
	texts := make([]string, 0, len(routeTests))
	for _, tc := range routeTests {
		texts = append(texts, tc.text)
	}
	want := New().detectAll(texts)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range texts {
				j := (i + g) % len(texts)
				if got := d.Detect(texts[j]); !sameResult(got, want[j]) {
					t.Errorf("goroutine %d: Detect(%q) = %+v, want %+v", g, texts[j], got, want[j])
				}
			}
		}()
	}
	wg.Wait()
}

// sameResult compares results up to rounding: lingua adds up floating-point
// numbers in map order.
func sameResult(a, b Result) bool {
	return a.Tag == b.Tag && a.Script == b.Script && a.RunnerUp == b.RunnerUp &&
		math.Abs(a.Confidence-b.Confidence) < 1e-9 && math.Abs(a.RunnerUpConfidence-b.RunnerUpConfidence) < 1e-9
}

func (d *Detector) detectAll(texts []string) []Result {
	out := make([]Result, len(texts))
	for i, s := range texts {
		out[i] = d.Detect(s)
	}
	return out
}

func FuzzDetect(f *testing.F) {
	for _, tc := range routeTests {
		f.Add(tc.text, "")
	}
	f.Add("", "en")
	f.Add("首相官邸", "ja")
	f.Add("\xff\xfe invalid UTF-8 \xc3", "xx-invalid")
	f.Add("abc где αβγ", "ru")
	d := New()
	configured := map[language.Tag]bool{}
	for _, tag := range d.Languages() {
		configured[tag] = true
	}
	f.Fuzz(func(t *testing.T, text, hint string) {
		h, err := language.Parse(hint)
		if err != nil {
			h = language.Und
		}
		r := d.DetectHint(text, h)
		if r.Tag != language.Und && !configured[r.Tag] && r.Tag != h {
			if base, _ := h.Base(); r.Tag != language.Make(base.String()) {
				t.Errorf("DetectHint(%q, %s) = %s, neither configured nor the hint", text, h, r.Tag)
			}
		}
		if r.Confidence < 0 || r.Confidence > 1 || r.RunnerUpConfidence < 0 || r.RunnerUpConfidence > 1 {
			t.Errorf("DetectHint(%q, %s): confidences %v, %v out of [0, 1]", text, h, r.Confidence, r.RunnerUpConfidence)
		}
		if (r.Tag == language.Und) != (r.Confidence == 0) {
			t.Errorf("DetectHint(%q, %s) = %s with confidence %v", text, h, r.Tag, r.Confidence)
		}
		if _, err := language.Parse(r.String()); err != nil {
			t.Errorf("DetectHint(%q, %s).String() = %q: %v", text, h, r.String(), err)
		}
		if r.Tag == language.Und && r.RunnerUp != language.Und {
			t.Errorf("DetectHint(%q, %s): runner-up %s without a result", text, h, r.RunnerUp)
		}
	})
}

func TestRepairMojibake(t *testing.T) {
	for _, tc := range []struct {
		reason, in, want string
	}{
		{"UTF-8 read as Windows-1252", "El triunfo del AmÃ©rica en MÃ©xico", "El triunfo del América en México"},
		{"UTF-8 read as Mac OS Roman", "k√∂pekli √ßift", "köpekli çift"},
		{"correct accented text is kept", "Ça déçoit à Zürich, Ölçü ß", "Ça déçoit à Zürich, Ölçü ß"},
		{"only the broken words change", "Über den Fluss: AmÃ©rica", "Über den Fluss: América"},
		{"other scripts are kept", "東京 Ã© Москва", "東京 é Москва"},
		{"ASCII", "plain text", "plain text"},
		{"empty", "", ""},
	} {
		if got := repairMojibake(tc.in); got != tc.want {
			t.Errorf("%s: repairMojibake(%q) = %q, want %q", tc.reason, tc.in, got, tc.want)
		}
	}
}
