package normalize

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// titleWords are words that accompany personal names without being part of
// them: titles, honorifics, offices, and the function words of the phrases
// that hold them ("Minister of Foreign Affairs"), in the languages news about
// international affairs is written in. They are listed as written and folded
// when the table is built.
var titleWords = []string{
	// English
	"mr mrs ms miss mx dr prof professor sir dame lord lady sheikh shaikh sheik emir king queen prince princess",
	"crown emperor empress pope cardinal ayatollah imam rabbi reverend rev saint",
	"president vice prime minister premier chancellor secretary general secretary-general spokesman",
	"spokeswoman spokesperson chairman chairwoman chairperson chair director director-general chief head leader",
	"mayor governor senator sen congressman congresswoman representative rep ambassador envoy commissioner",
	"commander admiral colonel lieutenant captain marshal deputy acting former late new incoming outgoing",
	"foreign defense defence interior finance state affairs ministry commission committee council office",
	"department government cabinet national standing member mp speaker justice judge ceo founder",
	"supreme opposition coalition party of the",
	// French
	"le la les l de du des d et au aux président présidente premier première ministre secrétaire générale",
	"directeur directrice porte-parole porte parole maire chef cheffe chancelier chancelière étrangères",
	"adjoint adjointe ancien ancienne monsieur madame m mme mlle",
	// German
	"der die das dem den herr frau bundeskanzler bundeskanzlerin kanzler kanzlerin präsident präsidentin",
	"ministerin sprecher sprecherin chefin generalsekretär bürgermeister bürgermeisterin staatschef",
	"ehemalige ehemaliger",
	// Spanish, Italian, Portuguese
	"el los las presidenta primera ministro ministra secretario secretaria portavoz canciller alcalde",
	"alcaldesa directora jefe jefa señor señora don doña exministro expresidente",
	"il lo gli ministro segretario sindaco portavoce primeiro porta-voz senhor",
	// Turkish
	"cumhurbaşkanı başbakan başbakanı bakan bakanı dışişleri genel sekreter sekreteri sözcü sözcüsü",
	"başkan başkanı belediye lider lideri bay bayan sayın devlet eski",
	// Russian, Ukrainian
	"президент президента премьер премьер-министр министр министра глава генсек генеральный секретарь",
	"пресс-секретарь представитель официальный спикер председатель мэр канцлер госсекретарь господин",
	"госпожа иностранных дел мид бывший экс",
	"прем'єр-міністр прем'єр міністр речник голова речниця",
	// Greek
	"πρόεδρος πρωθυπουργός υπουργός εκπρόσωπος κύριος κυρία γενικός γραμματέας",
	// Arabic
	"رئيس رئيسة الرئيس الرئيسة وزير وزيرة الوزير الوزراء الخارجية وزارة الدفاع الداخلية المتحدث المتحدثة",
	"باسم الناطق الأمين العام أمين الشيخ شيخ الملك ملك الأمير ولي العهد عهد السيد السيدة الدكتور",
	"فخامة سمو جلالة معالي السفير المستشار المستشارة مستشار نائب السابق الأسبق الحالي المرشد الأعلى",
	"آية حجة الإسلام عاهل رئيسا",
	// Persian, Urdu
	"رئیس جمهور رئیس‌جمهور نخست‌وزیر نخست وزیر امور خارجه سخنگوی سخنگو دبیرکل دبیر کل شهردار",
	"آیت‌الله آیت سید آقای خانم دکتر پادشاه ولیعهد صدراعظم وزیراعظم وزیر‌اعظم صدر مشیر",
	// Hebrew
	"ראש הממשלה נשיא הנשיא שר שרת החוץ הביטחון דובר דוברת מזכיר מזכ\"ל יו\"ר ח\"כ מר גב' ד\"ר הרב",
	"ממשלת לשעבר",
	// Korean (space-separated words)
	"대통령 총리 국무총리 장관 외교부 외교부장관 외교장관 외무장관 외무상 국무장관 사무총장 대변인",
	"위원장 의장 총장 국왕 왕세자 여왕 씨 님 전 현 주석 국가주석 총서기 대사 특사 시장 주지사",
	"국방장관 국방부 수석 비서관 외교부장 총재 당수 대표 부총리 부통령 왕",
}

// cjkTitles are titles and offices found inside runs of Han characters or
// kana, which write them against the name (李克强总理, 岸田首相, 김 대통령).
var cjkTitles = []string{
	// Chinese, simplified and traditional
	"总统", "總統", "副总统", "副總統", "总理", "總理", "首相", "主席", "国家主席", "國家主席", "外长", "外長",
	"外交部长", "外交部長", "部长", "部長", "外交部", "国防部", "國防部", "国防部长", "國防部長", "发言人",
	"發言人", "新闻发言人", "秘书长", "秘書長", "总干事", "總幹事", "委员长", "委員長", "书记", "書記",
	"总书记", "總書記", "市委", "省委", "市长", "市長", "州长", "州長", "议长", "議長", "国务卿", "國務卿",
	"国务院", "國務院", "领导人", "領導人", "大使", "特使", "国王", "國王", "女王", "王储", "王儲", "王子",
	"亲王", "親王", "酋长", "酋長", "总督", "總督", "行政长官", "行政長官", "主任", "院长", "院長", "局长",
	"局長", "司长", "司長", "先生", "女士", "博士", "教授", "将军", "將軍", "总司令", "總司令", "常委会",
	"常委會", "常委", "人大", "全国人大", "全國人大", "政协", "政協", "政治局", "委员", "委員", "首脑",
	"首腦", "总裁", "總裁", "副", "前", "原", "新任", "现任", "現任", "代理", "领袖", "領袖", "最高",
	// Japanese
	"総理", "総理大臣", "大臣", "外相", "外務大臣", "防衛相", "防衛大臣", "大統領", "副大統領", "国務長官",
	"長官", "官房長官", "報道官", "報道局長", "事務総長", "事務局長", "知事", "皇太子", "氏", "さん", "様",
	"くん", "君", "元", "国家主席", "総書記", "首脳", "外務省", "国防相", "国防長官", "総裁", "党首",
	"幹事長", "代表", "議員", "国連", "外務", "相", "師",
	// Korean written against the name
	"대통령", "총리", "장관", "씨", "님",
}

// particleWords are the particles of personal names: they are kept, but a
// name never matches on them alone.
var particleWords = []string{
	"al", "el", "ul", "bin", "ben", "ibn", "bint", "abu", "abd", "von", "van", "der", "den", "de", "da", "di",
	"du", "del", "della", "dos", "das", "la", "le", "ter", "ten", "zu", "af", "bn", "ابن", "بن", "بنت", "آل",
	"ال", "فون", "فان", "دير", "фон", "ван", "дер", "де", "аль", "ибн", "бен", "φον", "ντερ", "ντε",
	"ben-", "בן",
}

// germanTitleSuffixes end German compound titles: Außenministerin,
// Kremlsprecher, Nato-Generalsekretär, EU-Kommissionschefin.
var germanTitleSuffixes = [...]string{
	"minister", "ministerin", "prasident", "prasidentin", "sprecher", "sprecherin", "kanzler", "kanzlerin",
	"sekretar", "sekretarin", "chef", "chefin", "leiter", "leiterin", "vorsitzender", "vorsitzende",
	"meister", "meisterin",
}

// titleTable maps folded words to what they are.
type titleTable struct {
	kinds map[string]uint8 // titleWord | particleWord | cjkTitle
}

const (
	titleWord = 1 << iota
	particleWord
	cjkTitle
)

// titles returns the table of titleWords, particleWords and cjkTitles, built
// on first use.
var titles = sync.OnceValue(func() *titleTable {
	t := &titleTable{kinds: map[string]uint8{}}
	for _, line := range titleWords {
		for _, w := range strings.Fields(line) {
			t.kinds[Fold(w)] |= titleWord
		}
	}
	for _, w := range particleWords {
		t.kinds[Fold(w)] |= particleWord
	}
	for _, w := range cjkTitles {
		t.kinds[Fold(w)] |= cjkTitle
	}
	return t
})

// IsTitle reports whether a word is a title, honorific or office that
// accompanies personal names rather than being part of them, in any of the
// languages the package knows: "Secretary", "Außenministerin", "министр",
// "وزير", "الرئيس" (with its article), "총리", "首相", "国務長官". The word
// is folded first. Arabic and Hebrew words are also tried without their
// proclitics ([StripProclitics]).
func IsTitle(word string) bool {
	f := Fold(word)
	if f == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(f)
	sc, _ := scriptOf(r)
	return isTitle(titles(), f, sc)
}

// isTitle reports whether the folded word f of script sc is a title.
func isTitle[T text](t *titleTable, f T, sc script) bool {
	return titleKind(t, f, sc, t.kinds[string(f)])
}

// titleKind reports whether the folded word f of script sc, of kinds k in
// the table, is a title.
func titleKind[T text](t *titleTable, f T, sc script, k uint8) bool {
	if k&(titleWord|cjkTitle) != 0 {
		return true
	}
	switch sc {
	case scArabic, scHebrew:
		if s := stripProclitics(f, sc); len(s) != len(f) && t.kinds[string(s)]&titleWord != 0 {
			return true
		}
	case scLatin:
		for _, suf := range germanTitleSuffixes {
			if len(f) > len(suf)+2 && string(f[len(f)-len(suf):]) == suf {
				return true
			}
		}
	}
	return false
}

// StripProclitics removes from one Arabic-script or Hebrew word the
// conjunctions, prepositions and article written against it (Arabic و ف ب ك ل
// and ال, Hebrew ו ה ב ל מ ש כ), as long as at least three letters remain:
// "والرئيس" → "رئيس", "בירושלים" → "ירושלים". Words of other scripts are
// returned unchanged; the word is not folded.
func StripProclitics(word string) string {
	r, _ := utf8.DecodeRuneInString(word)
	sc, _ := scriptOf(r)
	return stripProclitics(word, sc)
}

var (
	arabicProclitics = [...]string{"وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف"}
	hebrewProclitics = [...]string{"וה", "וב", "ול", "ומ", "וש", "שה", "מה", "בה", "לה", "ה", "ו", "ב", "ל", "מ", "ש", "כ"}
)

func stripProclitics[T text](w T, sc script) T {
	var list []string
	switch sc {
	case scArabic:
		list = arabicProclitics[:]
	case scHebrew:
		list = hebrewProclitics[:]
	default:
		return w
	}
	for _, p := range list {
		if hasPrefix(w, p) && runeCountAtLeast(w[len(p):], 3) {
			return w[len(p):]
		}
	}
	return w
}

func hasPrefix[T text](w T, p string) bool { return len(w) >= len(p) && string(w[:len(p)]) == p }

func hasSuffix[T text](w T, s string) bool {
	return len(w) >= len(s) && string(w[len(w)-len(s):]) == s
}

// runeCountAtLeast reports whether w holds at least n runes.
func runeCountAtLeast[T text](w T, n int) bool {
	c := 0
	for i := 0; i < len(w) && c < n; i++ {
		if w[i]&0xC0 != 0x80 {
			c++
		}
	}
	return c >= n
}

// koreanParticles are the postpositions written against Korean nouns, longest
// first.
var koreanParticles = [...]string{"에게서", "에서는", "으로는", "에서", "으로", "에게", "께서", "과", "와", "은", "는", "이", "가", "을", "를", "의", "에", "도", "로", "만"}

// StripKoreanParticle removes one postposition (은 는 이 가 을 를 의 에 에서
// 으로 …) from the end of a Hangul word, as long as two syllables remain:
// "블링컨은" → "블링컨". A name that ends in a syllable that is also a particle
// loses it too; callers that know the name should compare both forms.
func StripKoreanParticle(word string) string {
	for _, p := range koreanParticles {
		if rest, ok := strings.CutSuffix(word, p); ok && utf8.RuneCountInString(rest) >= 2 {
			return rest
		}
	}
	return word
}
