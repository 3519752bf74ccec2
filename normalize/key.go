package normalize

import (
	"bytes"
	"sync"
	"unicode/utf8"
)

// Key returns a phonetic key for one word of a name, in any script. Spellings
// that differ only by romanization convention share a key:
//   - vowels are dropped (Arabic and Hebrew do not write them, katakana and
//     Hangul add them, ou/u and doubled vowels vary); a word-initial vowel
//     leaves the mark 'a' and a word-initial y the mark 'y';
//   - l and r are merged (Japanese and Korean do not distinguish them);
//   - b, p, f, v, ph and w before a vowel are merged, as are t, d, th and dh,
//     and k, g, q, c (hard) and gh;
//   - all sibilants and affricates are merged: s, z, sh, zh, ch, j, ts, dz,
//     soft c, and pinyin c, q and x (Хаяси, Hayashi; Цзиньпин, Jinping);
//   - kh and h are merged; a final h after a vowel is dropped;
//   - ng that does not start a syllable is n; doubled letters count once.
//
// Han characters are keyed by their Mandarin reading, syllable by syllable.
// So Key("Blinken") == Key("بلينكن") == Key("ブリンケン") == Key("布林肯")
// == "blnkn". Key returns "" for words without letters or digits.
func Key(word string) string {
	k := keyer{coarse: true}
	forEachRun(prepare(word), func(text string, sc script) {
		if sc != scNone {
			k.b = appendRomanKey(k.b, &k, text, sc)
		}
	})
	return string(k.b)
}

// keyMode selects the spelling conventions a romanized word is read with.
type keyMode uint8

const (
	// modeAlt reads Latin spelling the continental way (German, Polish,
	// Czech, Scandinavian): j is y, w is v, ch is kh; so Jens is Йенс,
	// Peskow Песков, Sacharowa Захарова.
	modeAlt keyMode = 1 << iota
	// modePinyin reads a Mandarin syllable: c, z, zh, q, j and ch are
	// affricates, x is a palatal fricative.
	modePinyin
	// modeNative reads text this package romanized from another script,
	// whose ch is always voiceless (ㅊ, チ, چ).
	modeNative
	// modeHangul reads a Hangul syllable: its hu also writes the fu of
	// Japanese (후미오 Fumio).
	modeHangul
	// modeAbjad reads a word of a script that leaves short vowels unwritten
	// (Arabic, Persian, Hebrew): a liquid before a consonant may close a
	// syllable whatever precedes it (بربوک, Baerbock).
	modeAbjad
	// modeForeign reads a Chinese transcription of a foreign name: its final
	// n and ng stand for either (扬 yang for -yan), x may stand for h (希 xi
	// for hi), h for kh (汗 Khan), y for j (约翰 John), and the voicing of
	// affricates is not told.
	modeForeign
)

// Fine key letters. The matcher compares fine keys, which keep some
// distinctions that transcription systems preserve (n/ng, fricative/
// affricate, onset/coda liquids) at a reduced cost; [Key] merges them.
const (
	fkVowel   = 'a' // a word-initial vowel
	fkGlide   = 'y' // a word-initial y
	fkGlideJ  = 'Y' // a word-initial y of a Chinese transcription: y or j (约翰 John)
	fkGlideI  = 'I' // a word-initial Latin yi: the vowel i of pinyin, or y (Yitzhak)
	fkHF      = 'F' // h or f: Japanese fu is written hu in Kunrei-shiki and 후 in Hangul
	fkWeakG   = 'G' // g between vowels: lenited (Spanish, Greek) or silent (Turkish ğ)
	fkN       = 'n' // n
	fkKH      = 'q' // kh: h to some scripts, k to others (Khan, カーン, 汗)
	fkNG      = 'g' // ng closing a syllable
	fkNasal   = 'u' // n or ng: the spelling does not tell
	fkOnset   = 'l' // l or r before a vowel
	fkCoda    = 'r' // l or r closing a syllable: non-rhotic spellings drop it
	fkFric    = 's' // s, sh: fricatives
	fkAffr    = 'c' // an affricate, voiced or not: Arabic تش (Zhao, Qiang, Churchill)
	fkAffrV   = 'j' // a voiced or unaspirated affricate: j, dzh, dz, pinyin j, zh, z; цз, чж
	fkAffrU   = 'C' // a voiceless or aspirated affricate: ch, ts, tch, pinyin q, ch, c; ц, ч
	fkSib     = 'z' // z, zh, soft c: fricative or affricate depending on the language
	fkPalatal = 'x' // pinyin x: s or sh
	fkHS      = 'X' // x of a Chinese transcription: s, sh or h
)

// coarseOf maps a fine key letter to the letter of its class in [Key].
func coarseOf(c byte) byte {
	switch c {
	case fkNG, fkNasal:
		return 'n'
	case fkGlideJ:
		return fkGlide
	case fkGlideI:
		return fkVowel
	case fkCoda:
		return 'l'
	case fkKH:
		return 'h'
	case fkWeakG:
		return 'k'
	case fkAffr, fkAffrV, fkAffrU, fkSib, fkPalatal, fkHS:
		return 's'
	}
	return c
}

func isSibilant(c byte) bool {
	switch c {
	case fkFric, fkAffr, fkAffrV, fkAffrU, fkSib, fkPalatal, fkHS:
		return true
	}
	return false
}

// keyer builds a key from romanized text, one chunk (a word, or one
// syllable of Han or Hangul) at a time.
type keyer struct {
	b      []byte
	last   byte // the last letter emitted, 0 after a vowel
	begun  bool // a letter of the word has been read
	vowel  bool // the last letter read was a vowel
	coarse bool // emit the letters of [Key]
}

// reset starts a new word whose key is appended to b.
func (k *keyer) reset(b []byte) {
	k.b, k.last, k.begun, k.vowel = b, 0, false, false
}

func (k *keyer) emit(c byte) {
	if k.coarse {
		c = coarseOf(c)
	}
	if k.last != 0 {
		if c == k.last || isLiquid(c) && isLiquid(k.last) {
			return // doubled letters, or two spellings of one sound (블링컨: l)
		}
		if c == 'k' && (k.last == fkN || k.last == fkNG) && !k.coarse {
			// before a velar, n and ng are one sound: Blinken, 블링컨
			k.b[len(k.b)-1], k.last = fkNasal, fkNasal
		}
		if isSibilant(c) && isSibilant(k.last) {
			// one sound written with two sibilants: щ (shch), sz
			if k.last == fkSib || k.last == fkAffr {
				k.b[len(k.b)-1], k.last = c, c
			}
			return
		}
	}
	k.b = append(k.b, c)
	k.last = c
}

// text is the type of the romanized text keys are built from.
type text interface{ ~string | ~[]byte }

func isLiquid(c byte) bool { return c == fkOnset || c == fkCoda }

func at[T text](w T, i int) byte {
	if i < len(w) {
		return w[i]
	}
	return 0
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// addKey appends to k the key of one chunk of romanized text (lowercase
// ASCII letters and digits). Each letter is read by the reader of its class,
// which may consume the letters that spell one sound with it (sh, tsch, ng).
func addKey[T text](k *keyer, w T, mode keyMode) {
	r := chunkReader[T]{k: k, w: w, mode: mode, pinyin: mode&(modePinyin|modeForeign) != 0}
	for ; r.i < len(w); r.i++ {
		c := w[r.i]
		r.first, r.prevVowel = !k.begun, k.vowel
		k.begun, k.vowel = true, false
		switch c {
		case 'a', 'e', 'i', 'o', 'u':
			if r.first {
				k.emit(fkVowel)
			}
			k.last, k.vowel = 0, true
		case 'y', 'j', 'w':
			r.semivowel(c)
		case 'h', 'k', 'g', 'G', 'F':
			r.velar(c)
		case 's', 'z', 'c', 'q', 'x':
			r.sibilant(c)
		case 't', 'd':
			r.dental(c)
		case 'p', 'b', 'f', 'v':
			if c == 'p' || c == 'b' {
				r.skip('h')
			}
			k.emit('b')
		case 'l', 'r':
			r.liquid(c)
		case 'n', 'N':
			nasal(k, w, &r.i, mode)
		case 'm':
			k.emit('m')
		default:
			if '0' <= c && c <= '9' {
				k.emit(c)
			}
		}
	}
}

// chunkReader reads one chunk of romanized text into a keyer, letter by
// letter; i is the letter being read.
type chunkReader[T text] struct {
	k         *keyer
	w         T
	i         int
	mode      keyMode
	pinyin    bool // a Mandarin syllable or a Chinese transcription
	first     bool // the letter starts the word
	prevVowel bool // the letter before it is a vowel
}

// at returns the letter n places after the one being read, 0 past the end.
func (r *chunkReader[T]) at(n int) byte { return at(r.w, r.i+n) }

// skip consumes the next letter if it is c.
func (r *chunkReader[T]) skip(c byte) {
	if r.at(1) == c {
		r.i++
	}
}

// affr emits an affricate; a Chinese transcription does not tell its
// voicing (丘吉尔 Churchill).
func (r *chunkReader[T]) affr(c byte) {
	if r.mode&modeForeign != 0 {
		c = fkAffr
	}
	r.k.emit(c)
}

// semivowel reads y, j and w, which are glides or consonants depending on
// the spelling system and the place in the word.
func (r *chunkReader[T]) semivowel(c byte) {
	k, next, mode := r.k, r.at(1), r.mode
	switch {
	case c == 'y':
		k.glide(r.first, next, r.at(2), mode)
	case c == 'j':
		if mode&modeAlt != 0 && (r.first || r.i == len(r.w)-1 || !r.prevVowel && r.i > 0 && r.w[r.i-1] != 'n') {
			// continental j (Jens, Selenskyj, Fjodor); not inside a
			// word after a vowel or n, where it is pinyin (Lijian, Wenjun)
			k.glide(r.first, next, r.at(2), mode)
		} else {
			r.affr(fkAffrV)
		}
	case mode&modeAlt != 0 || r.pinyin && !r.first:
		k.emit('b') // German and Polish w; 维 wei, 瓦 wa for v
	case r.first && next == 'u' && !isVowel(r.at(2)):
		k.emit(fkVowel) // pinyin wu is the vowel u
		k.last = 0
	case r.first && next == 'r':
		// silent: Wright
	case r.first && next == 'h':
		r.i++
		k.emit('b')
	case r.first, isVowel(next) && (r.prevVowel || mode&modeAbjad != 0):
		k.emit('b') // between vowels; in an abjad, before one: نواز Nawaz
	default:
		k.last = 0 // a glide: Kwon, Hwa, Peskow read the English way
	}
}

// velar reads h, k, g and the marks G (Turkish ğ) and F (kana フ), the
// letters of the back of the mouth and of breath.
func (r *chunkReader[T]) velar(c byte) {
	k, next := r.k, r.at(1)
	switch c {
	case 'h':
		switch {
		case r.i == len(r.w)-1 && r.prevVowel:
			// Allah, Shah: a final h is often not written
		case r.mode&modeForeign != 0:
			k.emit(fkKH) // Chinese writes kh and x as h: 汗 Khan
		case r.mode&modeHangul != 0 && next == 'u' && !k.coarse:
			k.emit(fkHF)
		default:
			k.emit('h')
		}
	case 'F':
		if k.coarse {
			k.emit('b')
		} else {
			k.emit(fkHF) // kana フ
		}
	case 'G':
		if k.coarse {
			k.emit('k')
		} else {
			k.emit(fkWeakG) // Turkish ğ: silent, or g in other scripts
		}
	case 'k':
		if next == 'h' {
			r.i++
			k.emit(fkKH)
		} else {
			k.emit('k')
		}
	case 'g':
		switch {
		case next == 'h':
			r.i++
		case next == 'i' && isVowel(r.at(2)) && !r.pinyin:
			r.i++
			r.affr(fkAffrV) // Italian gia, gio, giu: Giorgia, Джорджа
			return
		}
		if r.prevVowel && isVowel(r.at(1)) && !r.pinyin && !k.coarse {
			k.emit(fkWeakG) // Erdogan, エルドアン
		} else {
			k.emit('k')
		}
	}
}

// sibilant reads s, z, c, q and x, whose sound depends most on the
// spelling system: fricatives, affricates, or k.
func (r *chunkReader[T]) sibilant(c byte) {
	k, next := r.k, r.at(1)
	switch c {
	case 's':
		switch {
		case next == 'c' && r.at(2) == 'h':
			r.i += 2
		case next == 'h', next == 'z':
			r.i++
		}
		k.emit(fkFric)
	case 'z':
		r.skip('h')
		if r.pinyin {
			r.affr(fkAffrV)
		} else {
			k.emit(fkSib)
		}
	case 'c':
		r.letterC(next)
	case 'q':
		if r.pinyin || next == 'i' || next == 'u' && (r.at(2) == 'n' || r.i+2 == len(r.w)) {
			// pinyin qi, qu, qun; not the qu of Romance languages
			r.affr(fkAffrU)
		} else {
			k.emit('k')
		}
	case 'x':
		switch {
		case r.mode&modeForeign != 0:
			k.emit(fkHS)
		case r.pinyin || r.first || next == 'i' || next == 'u':
			k.emit(fkPalatal)
		default:
			k.emit('k')
			k.emit(fkFric)
		}
	}
}

// letterC reads c, followed by next.
func (r *chunkReader[T]) letterC(next byte) {
	k := r.k
	switch {
	case next == 'h' && r.at(2) == 'z' && r.at(3) == 'h':
		r.i += 3
		r.affr(fkAffrV) // Palladius чж for pinyin zh
	case next == 'h':
		r.i++
		if r.mode&modeAlt != 0 {
			k.emit(fkKH) // German and Slavic ch: Sacharowa
		} else if r.pinyin || r.mode&modeNative != 0 {
			r.affr(fkAffrU)
		} else {
			// English ch, but also the unaspirated ch of Wade-Giles
			// (Chiang, 蒋 Jiang) and the sh of French
			r.affr(fkAffr)
		}
	case next == 'z':
		r.i++
		r.affr(fkAffrU) // Polish cz
	case next == 'k':
		r.i++
		k.emit('k')
	case r.pinyin:
		r.affr(fkAffrU)
	case next == 'e' || next == 'i' || next == 'y':
		k.emit(fkSib)
	default:
		k.emit('k')
	}
}

// dental reads t and d, alone or starting th, dh and the affricates ts, dz,
// dj, tsh, dzh, tsch and tzs.
func (r *chunkReader[T]) dental(c byte) {
	next := r.at(1)
	switch {
	case next == 'h':
		r.i++
		r.k.emit('t')
	case next == 's' || next == 'z' || next == 'j':
		r.i++
		voiced := c == 'd' || next == 'j'
		switch n := r.at(1); {
		case n == 'h' && c == 't' && next == 's':
			r.i++
			r.affr(fkAffr) // Arabic تش writes zh, ch and q alike
			return
		case n == 'h' && c == 'd':
			r.i++ // dzh, dsh
		case n == 'c' && r.at(2) == 'h':
			r.i += 2 // German tsch, dsch
		case n == 'z' && next == 's':
			r.i++
			voiced = true // Palladius цз for pinyin j, z
		}
		if voiced {
			r.affr(fkAffrV)
		} else {
			r.affr(fkAffrU)
		}
	case next == 'c' && r.at(2) == 'h':
		r.i += 2
		r.affr(fkAffrU)
	default:
		r.k.emit('t')
	}
}

// liquid reads l and r: an onset before a vowel, a coda that non-rhotic
// spellings may drop elsewhere.
func (r *chunkReader[T]) liquid(c byte) {
	if c == 'r' {
		r.skip('h')
	}
	r.skip(c) // a doubled liquid is one sound
	if n := r.at(1); (r.prevVowel || r.mode&modeAbjad != 0) && !isVowel(n) && n != 'y' {
		r.k.emit(fkCoda)
	} else {
		r.k.emit(fkOnset)
	}
}

// glide keys a y (or a continental j): a mark at the start of a word,
// nothing inside it.
func (k *keyer) glide(first bool, next, after byte, mode keyMode) {
	switch {
	case !first:
	case next == 'i' && !isVowel(after) && mode&(modePinyin|modeForeign) != 0:
		k.emit(fkVowel) // pinyin yi is the vowel i
	case next == 'i' && !isVowel(after):
		k.emit(fkGlideI) // Latin yi: pinyin (Yi Gang) or y (Yitzhak)
	case mode&modeForeign != 0:
		k.emit(fkGlideJ)
	default:
		k.emit(fkGlide)
	}
	k.last = 0
}

// nasal keys the n at w[*i], with a following g when they spell ng. An N
// (see romanNasal) stands for n or ng.
func nasal[T text](k *keyer, w T, i *int, mode keyMode) {
	if at(w, *i+1) == 'n' {
		*i++ // a doubled n is one sound
	}
	ambiguous := w[*i] == 'N'
	next, after := at(w, *i+1), at(w, *i+2)
	switch {
	case next == 'g' && !isVowel(after):
		*i++
		if mode&modeForeign != 0 {
			k.emit(fkNasal)
		} else {
			k.emit(fkNG)
		}
	case ambiguous && next == 'g' && after == 'u' && !isVowel(at(w, *i+3)):
		*i += 2 // kana ング writes a final ng
		k.emit(fkNG)
		k.last, k.vowel = 0, true
	case ambiguous || mode&modeForeign != 0 && !isVowel(next) && next != 'y':
		k.emit(fkNasal)
	default:
		k.emit(fkN)
	}
}

// Costs of the weighted edit distance between fine keys, in quarter units:
// integer costs keep the distance exact and its table small.
const (
	// fullEdit is the cost of replacing, inserting or deleting a letter of
	// another class of [Key].
	fullEdit = 4
	// halfEdit is the cost of a difference that transcription systems keep
	// but often blur: n and ng, fricative and affricate, h and k, a vowel
	// mark or a glide that comes and goes. Chosen on dev-names.tsv and
	// testdata/names-entities.tsv with the matcher's thresholds (see
	// [DefaultThreshold]); phonetic precision ≥ 0.98 and recall ≥ 0.95 hold
	// for 1–2 quarter units (3 before the letter model), precision 1.00
	// for 2 only.
	halfEdit = 2
	// costRows is the size of the cost tables: row 0 for a letter not
	// listed, then one row per fine key letter (34 of them); at most 64, so
	// that a set of rows fits the uint64 of keyCosts.near.
	costRows = 48
)

// keyCosts are the costs of the weighted edit distance between fine keys. A
// substitution inside a class of [Key] costs less than one across classes,
// and nothing when one letter stands for either.
type keyCosts struct {
	index [128]uint8                // letter → row, 0 for letters not listed
	sub   [costRows][costRows]uint8 // substitution
	del   [costRows]uint8           // insertion or deletion
	fine  string                    // the letters, in row order from 1
	// near[i] has bit j when letter j can replace letter i for less than
	// halfEdit: only such letters can stand for it cheaply.
	near [costRows]uint64
}

// lowerBound is a lower bound of the distance between keys a and b: every
// letter of a that no letter of b can replace for less than halfEdit costs
// at least that, replaced or deleted.
func (c *keyCosts) lowerBound(a, b []byte) int {
	var inB uint64
	for i := 0; i < len(b); i++ {
		inB |= 1 << c.index[b[i]&0x7F]
	}
	lb := 0
	for i := 0; i < len(a); i++ {
		if c.near[c.index[a[i]&0x7F]]&inB == 0 {
			lb += halfEdit
		}
	}
	return lb
}

var costs = sync.OnceValue(func() *keyCosts {
	c := &keyCosts{fine: "ayYIbFtkGhqmngulrszcjCxX0123456789"}
	for i := range len(c.fine) {
		c.index[c.fine[i]] = uint8(i + 1)
	}
	set := func(x, y byte, v uint8) {
		i, j := c.index[x], c.index[y]
		c.sub[i][j], c.sub[j][i] = v, v
	}
	for i := range costRows {
		for j := range costRows {
			if i != j {
				c.sub[i][j] = fullEdit
			}
		}
		c.del[i] = fullEdit
	}
	// one letter stands for either
	for _, p := range []string{"lr", "un", "ug", "zs", "zx", "zX", "zc", "zj", "zC", "cj", "cC", "xs", "Xs", "Xx", "Xh",
		"qh", "qk", "qX", "Yy", "Yc", "Yj", "Ia", "Iy", "Fb", "Fh", "Fq", "Gk", "Gq"} {
		set(p[0], p[1], 0)
	}
	// the same class, a difference transcription systems keep: n and ng,
	// fricative and affricate; the voicing of affricates costs a full edit
	// (Qiang, Jian: every system for Chinese keeps it)
	for _, p := range []string{"ng", "sc", "sj", "sC", "xc", "xj", "xC", "Xc", "Xj", "XC"} {
		set(p[0], p[1], halfEdit)
	}
	// across classes, but often confused between scripts
	for _, p := range []string{"hk", "xh", "xq", "ay", "aY", "yc", "yj", "yz", "Ic", "Ij", "mn", "mu", "mg"} {
		set(p[0], p[1], halfEdit)
	}
	// h (and kh), a weak g, a vowel mark, an initial glide and a coda liquid
	// come and go
	for _, l := range "hqFGayYIr" {
		c.del[c.index[l]] = halfEdit
	}
	for i := range costRows {
		for j := range costRows {
			if c.sub[i][j] < halfEdit {
				c.near[i] |= 1 << j
			}
		}
	}
	return c
})

// keyDistance is the weighted edit distance between two fine keys, in
// quarter units (see fullEdit), or a value above limit once it is sure to exceed it.
func (c *keyCosts) keyDistance(a, b []byte, limit int) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	var (
		rbuf [24]int32
		xbuf [23]uint8
	)
	row, xa := rbuf[:], xbuf[:]
	if len(a) > len(xbuf) {
		row, xa = make([]int32, len(a)+1), make([]uint8, len(a))
	}
	row, xa = row[:len(a)+1], xa[:len(a)]
	row[0] = 0
	for i := range xa {
		xa[i] = c.index[a[i]&0x7F]
		row[i+1] = row[i] + int32(c.del[xa[i]])
	}
	lim := int32(limit)
	for j := 0; j < len(b); j++ {
		y := c.index[b[j]&0x7F]
		dy := int32(c.del[y])
		sub := &c.sub[y]
		diag := row[0]
		row[0] += dy
		best := row[0]
		for i, x := range xa {
			v := diag + int32(sub[x])
			if d := row[i+1] + dy; d < v {
				v = d
			}
			if d := row[i] + int32(c.del[x]); d < v {
				v = d
			}
			diag = row[i+1]
			row[i+1] = v
			best = min(best, v)
		}
		if best > lim {
			return int(best)
		}
	}
	return int(row[len(a)])
}

// keySimilarity is 1 minus the edit distance of the keys relative to the
// longer one: 1 for equal keys, 0 for keys with nothing in common. It
// returns 0 when the similarity is below least.
func (c *keyCosts) keySimilarity(a, b []byte, least float64) float64 {
	if bytes.Equal(a, b) {
		return 1
	}
	n := max(len(a), len(b))
	if n == 0 {
		return 0
	}
	limit := int((1 - least) * fullEdit * float64(n))
	if c.lowerBound(a, b) > limit || c.lowerBound(b, a) > limit {
		return 0
	}
	d := c.keyDistance(a, b, limit)
	if d > limit {
		return 0
	}
	return max(0, 1-float64(d)/fullEdit/float64(n))
}

// appendRomanKey romanizes a run of one script and appends its key to the
// word k is keying, reading Han and Hangul syllable by syllable, Han in
// pinyin, Cyrillic and kana with their ambiguous n.
func appendRomanKey(b []byte, k *keyer, run string, sc script) []byte {
	k.b = b
	var tmp [64]byte
	switch sc {
	case scHan:
		for _, r := range run {
			if py, _ := hanReadings(r); py != "" {
				addKey(k, py, modePinyin)
			} else {
				addKey(k, keepAlnum(appendFallback(tmp[:0], string(r))), modePinyin)
			}
		}
	case scHangul:
		for _, r := range run {
			addKey(k, appendHangul(tmp[:0], r), modeHangul|modeNative)
		}
	default:
		addKey(k, keepAlnumCase(appendRoman(tmp[:0], run, sc, romanMarks)), scriptMode(sc))
	}
	return k.b
}

// scriptMode is the key mode for text of script sc romanized by this
// package.
func scriptMode(sc script) keyMode {
	switch sc {
	case scLatin, scCyrillic:
		return 0 // ч writes the ㅈ of Korean as well as ch (Ким Чен Ын)
	case scArabic, scHebrew:
		return modeAbjad | modeNative
	case scHangul:
		return modeHangul | modeNative
	}
	return modeNative
}

func runeCount(s string) int { return utf8.RuneCountInString(s) }
