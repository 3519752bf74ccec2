package normalize

import (
	"bytes"
	"math"
	"slices"
	"sync"
)

// Match is the outcome of comparing two names.
type Match struct {
	// Score is in [0, 1]: the share of the less complete name that is found
	// in the other, each part weighted by the length of its key and by the
	// similarity of the pair, which for spellings with a letter model is
	// the calibrated likelihood that they write one name (a logistic
	// function of their letters' log-likelihood ratio whose value
	// DefaultThreshold is the operating point chosen by cross-validation).
	// Pairs of names are ordered by it; Same is Score ≥ the threshold.
	Score float64
	// Same reports whether the names are judged to denote the same person.
	Same bool
	// Reason says which parts matched and how: "=" for equal keys or
	// spellings, "~" for similar ones, "^" for a truncated part, with their
	// similarity; parts
	// left over are listed after "unmatched". A name written with its
	// initials (MBZ) is reported as "acronym".
	Reason string
}

// DefaultThreshold is the score from which a [Matcher] judges two names the
// same. Chosen on dev-names.tsv and testdata/names-entities.tsv (every pair
// of rows) as the lowest threshold with phonetic precision 1.00 on both;
// precision ≥ 0.98 and recall ≥ 0.95 hold on both for 0.72–0.89. Parts
// compared by the letter model are calibrated so that their similarity is
// DefaultThreshold at the operating point chosen by cross-validation on
// labelled pairs of spellings: the least letter similarity that few
// out-of-fold pairs of different names reach.
const DefaultThreshold = 0.84

// Decision constants of the matcher, chosen on the same two tables as
// [DefaultThreshold]; each says the range where phonetic precision ≥ 0.98
// and recall ≥ 0.95 still hold on both when it alone is varied. Where the
// tables do not bind it, the value comes from the reason given. Ranges
// measured with the letter model of readings in place.
const (
	// sureSim is the least similarity of every pairing for a name whose
	// parts are all found in the other to count as a shortened mention of
	// it (Blinken, Antony Blinken) rather than a loose match. Targets hold
	// for 0.70–0.87 (recall drops above).
	sureSim = 0.85
	// acronymSim is the score of a name written with its initials (MBZ)
	// against the name they begin: initials say less than a name, but the
	// pair must pass [DefaultThreshold]. No pair of phonetic rows of the
	// tables is an acronym, so any value in 0.80–1.00 keeps the targets.
	acronymSim = 0.9
	// truncationSim is the similarity of an initial or a truncated part
	// (J. Stoltenberg, Wang Wen for Wang Wenbin): below sureSim, so that a
	// name is not a shortened mention through a truncation alone. Targets
	// hold for 0.60–0.90.
	truncationSim = 0.8
	// shortKeyLen is the longest key (in letters) held to shortKeySim
	// rather than longKeySim: keys of up to four letters are one or two
	// syllables. Targets hold for 1–8.
	shortKeyLen = 4
	// shortKeySim is the least similarity for two spans with a short key
	// to be paired: a full edit in a key of three letters is another name
	// (Keqiang, Qiang), and so is half a one in a key of two (Qun, Jun).
	// Targets hold for 0.68–0.86 (precision drops below).
	shortKeySim = 0.8
	// longKeySim is the least similarity for two spans with longer keys to
	// be paired. Targets hold for 0.50–0.88.
	longKeySim = 0.7
	// maxKeyGap is the largest difference in length, in letters, between
	// the keys of two spans that may be paired, which spares the distance
	// of keys too far apart to match. Targets hold for 1–5.
	maxKeyGap = 2
	// minShortWeight is the least weight (key letters plus one per part)
	// of a name of several parts to be a shortened mention of a longer one:
	// two parts with keys of three letters in all say too little. Targets
	// hold for 1–5.
	minShortWeight = 4
	// maxSyllableLetters is the longest part, in letters, taken for a
	// syllable written apart (Li Ke Qiang) when it is left unpaired, rather
	// than for a middle name: pinyin and Hangul syllables written alone
	// that are not names in their own right are mostly of one or two
	// letters. Targets hold for 0–2.
	maxSyllableLetters = 2
)

// Matcher compares personal names across scripts. The zero value is ready to
// use and safe for concurrent use.
type Matcher struct {
	// Threshold is the least score judged the same person; 0 means
	// DefaultThreshold.
	Threshold float64
}

// Match compares two names written in any script. It parses both, or finds
// them in a small cache of the names it parsed lately; callers comparing a
// name many times may also parse it once and use [Matcher.MatchNames].
func (m Matcher) Match(a, b string) Match {
	s := matchPool.Get().(*[2]nameStore)
	r := m.MatchNames(parseCached(a, &s[0]), parseCached(b, &s[1]))
	matchPool.Put(s)
	return r
}

// matchPool holds the stores of the names Match parses: they are not kept.
var matchPool = sync.Pool{New: func() any { return new([2]nameStore) }}

// pairing is a candidate correspondence between a span of each name.
type pairing struct {
	a, b  int // indexes into the spans
	sim   float64
	how   byte    // '=', '~', '^'
	same  bool    // the spans are in one spelling system
	latin bool    // one span is in Latin letters
	x     float64 // the similarity of their letters (readingSimilarity)
	// margin is x less the threshold of its model (readingSimilarity)
	margin float64
}

// MatchNames compares two parsed names. Each part of one name is paired with
// a part of the other, or with two or three consecutive parts written
// separately ("Jae In" and "Jae-in", "عبد اللهيان" and "Abdollahian"),
// whatever their order ("Moon Jae-in", "Jae-in Moon"). How parts are
// compared depends on the scripts they are written in:
//   - Latin against another script with a letter model (Arabic, Hebrew,
//     kana, Hangul, Cyrillic, Han): by an alignment of the letters of the
//     Latin spelling and the romanization, whose costs were estimated on
//     Wikidata renderings of English names, so that the tolerance is what
//     the script cannot tell apart (Arabic p and b, kana l and r); a word
//     against a word is decided by it alone, a part of a longer name also
//     needs its keys to agree unless the letters are alike enough alone;
//   - two spellings of one script (Putin, Poutine; Путин, Байден): as
//     spellings, through the Cyrillic rendering the letter model gives
//     them, and their keys must agree as well;
//   - two other scripts, or a script without a model: by their keys (a
//     weighted edit distance over keys that keep, at a reduced cost, the
//     distinctions transcription systems preserve: n and ng, fricative and
//     affricate, the aspiration of Chinese affricates), the letter model
//     rejecting a word against a word it finds unrelated (بوتين, バイデン).
//
// A part whose letters are no more alike than two unrelated names' is never
// paired, whatever its key. A part also matches a truncation of it (Wang
// Wen, Wang Wenbin: a weaker match), and a name written with its initials
// (MBZ) matches the name they begin.
//
// The score is the share of the less complete name covered by the pairing, so
// "Blinken" matches "Antony Blinken"; but a part of each name left unpaired
// or paired with a different part lowers it, so that a shared family name is
// not enough when given names conflict (Kim Jong Un, Kim Yo Jong). A name of
// one part stands for a first or last part of the other, not a middle name;
// an East Asian name written syllable by syllable (تشاو لي جيان) is only
// shortened to its family name.
func (m Matcher) MatchNames(a, b Name) Match {
	wa, wb := float64(a.weight()), float64(b.weight())
	if wa == 0 || wb == 0 {
		return Match{Reason: "empty name"}
	}
	if a.acronym != b.acronym {
		if b.acronym {
			a, b = b, a
		}
		return m.decide(acronymScore(&a, &b), "acronym "+string(a.get(a.tokens[0].roman[0])))
	}
	var cbuf [64]pairing
	var rbuf [128]byte
	p := assignment{minSim: 1}
	reason := p.assign(rbuf[:0], &a, &b, candidates(cbuf[:0], &a, &b))
	score, reason := p.score(reason, &a, &b, wa, wb)
	return m.decide(score, string(reason))
}

// candidates appends to cands the pairings of a span of a with a span of b
// that are close enough, the closest first; among equals, the longest.
func candidates(cands []pairing, a, b *Name) []pairing {
	c := costs()
	for i := range a.spans {
		sa := &a.spans[i]
		for j := range b.spans {
			sb := &b.spans[j]
			if sa.n > 1 && sb.n > 1 || sa.weight == 0 && sb.weight == 0 || (sa.n > 1 || sb.n > 1) && farApart(sa, sb) {
				continue
			}
			if p, ok := compareSpans(c, a, b, sa, sb); ok {
				p.a, p.b = i, j
				cands = append(cands, p)
			}
		}
	}
	slices.SortStableFunc(cands, func(x, y pairing) int {
		if x.sim != y.sim {
			if x.sim > y.sim {
				return -1
			}
			return 1
		}
		return int(b.spans[y.b].weight+a.spans[y.a].weight) - int(a.spans[x.a].weight+b.spans[x.b].weight)
	})
	return cands
}

// assignment is the pairing of the parts of two names, built greedily from
// the closest candidates.
type assignment struct {
	usedA, usedB     uint64  // the tokens paired
	coverA, coverB   float64 // the weight paired, times the similarity
	mergedA, mergedB bool    // a span of several tokens was paired
	innerA, innerB   bool    // a span inside the name was paired
	minSim           float64 // the least similarity of a pairing
}

// assign pairs the spans of a and b, taking the candidates in order and
// skipping those with a token already paired, and appends the pairs to the
// reason.
func (p *assignment) assign(reason []byte, a, b *Name, cands []pairing) []byte {
	for _, c := range cands {
		sa, sb := a.spans[c.a], b.spans[c.b]
		ma, mb := spanMask(sa), spanMask(sb)
		if p.usedA&ma != 0 || p.usedB&mb != 0 {
			continue
		}
		p.usedA |= ma
		p.usedB |= mb
		p.minSim = min(p.minSim, c.sim)
		p.mergedA = p.mergedA || sa.n > 1 && !sa.natural
		p.mergedB = p.mergedB || sb.n > 1 && !sb.natural
		// a span read in reverse stands for a whole name, not a part of one
		p.innerA = p.innerA || !a.edge(sa) || sa.reversed
		p.innerB = p.innerB || !b.edge(sb) || sb.reversed
		p.coverA += c.sim * float64(sa.weight)
		p.coverB += c.sim * float64(sb.weight)
		if len(reason) > 0 {
			reason = append(reason, ", "...)
		}
		reason = a.appendSpanText(reason, sa)
		reason = append(reason, c.how)
		reason = b.appendSpanText(reason, sb)
		reason = append(reason, ' ')
		reason = appendSim(reason, c.sim)
	}
	return reason
}

// score is the score of the assignment of names a and b of weights wa and
// wb; it appends their unpaired parts to the reason.
//
// A name whose every part is found in the other is a shortened mention of it
// ("Blinken", "Antony Blinken"), unless its parts were run together to match
// one part of the other (Li Qiang, Lijian), are too short to say much (two or
// more parts with keys of three letters in all), or are several syllables of
// an East Asian name written syllable by syllable (Li Jian, تشاو لي جيان),
// which is shortened to its family name only. A name of one part stands for
// a first or last part of the other, or one after a particle (bin Zayed),
// never for a middle name.
func (p *assignment) score(reason []byte, a, b *Name, wa, wb float64) (float64, []byte) {
	la, lb := a.left(p.usedA), b.left(p.usedB)
	// A leftover part of one or two letters (Li Ke Qiang) is a syllable
	// written apart rather than a middle name.
	mergedA := p.mergedA || b.leftSyllable(p.usedB)
	mergedB := p.mergedB || a.leftSyllable(p.usedA)
	score := (p.coverA + p.coverB) / (wa + wb)
	sure := p.minSim >= sureSim // no pair is a loose match
	if la == 0 && (lb == 0 || sure && !mergedA && shortOK(a.parts(), wa, p.innerB, b.syllabic())) {
		score = max(score, p.coverA/wa)
	}
	if lb == 0 && (la == 0 || sure && !mergedB && shortOK(b.parts(), wb, p.innerA, a.syllabic())) {
		score = max(score, p.coverB/wb)
	}
	if la > 0 || lb > 0 {
		if len(reason) > 0 {
			reason = append(reason, ", "...)
		}
		reason = append(reason, "unmatched"...)
		reason = b.appendLeft(a.appendLeft(reason, p.usedA), p.usedB)
	}
	return score, reason
}

// decide returns the Match of a score.
func (m Matcher) decide(score float64, reason string) Match {
	th := m.Threshold
	if th == 0 {
		th = DefaultThreshold
	}
	// The parts of a score are summed in the order the pairs were found,
	// which depends on the order of the names: rounding away the last bits
	// makes Match(a, b) and Match(b, a) score the same.
	score = math.Round(score*1e9) / 1e9
	return Match{Score: score, Same: score >= th, Reason: reason}
}

// acronymScore scores an acronym (MBZ) against a name: the initials of the
// parts of the name, particles included, must start with its letters, and
// the name must have more parts than one. A match scores acronymSim.
func acronymScore(acr, n *Name) float64 {
	letters := acr.get(acr.tokens[0].roman[0])
	if len(n.tokens) < 2 || len(letters) > len(n.tokens) {
		return 0
	}
	for i := range len(letters) {
		if w := n.get(n.tokens[i].roman[0]); len(w) == 0 || w[0] != letters[i] {
			return 0
		}
	}
	return acronymSim
}

// appendSim appends a similarity in [0, 1] with two decimals.
func appendSim(b []byte, sim float64) []byte {
	v := int(sim*100 + 0.5)
	return append(b, byte('0'+v/100), '.', byte('0'+v/10%10), byte('0'+v%10))
}

// shortOK reports whether a name of parts parts and weight w, all found in
// the other name, may be a shortened mention of it: one part must stand for
// a part at an edge of the other (inner says it does not), several parts
// must weigh minShortWeight or more and the other not be written syllable by
// syllable.
func shortOK(parts int, w float64, inner, syllabic bool) bool {
	if parts == 1 {
		return !inner
	}
	return w >= minShortWeight && !syllabic
}

// farApart reports whether the keys of two spans differ in length by more
// than maxKeyGap letters in every reading, too much to be paired.
func farApart(sa, sb *span) bool {
	for _, ka := range sa.key {
		for _, kb := range sb.key {
			if d := int(ka.hi-ka.lo) - int(kb.hi-kb.lo); d <= maxKeyGap && d >= -maxKeyGap {
				return false
			}
		}
	}
	return true
}

// compareSpans compares two spans in both readings: by the model of the
// letters their spelling systems confuse when there is one (see
// readingSimilarity), by their keys otherwise.
func compareSpans(c *keyCosts, a, b *Name, sa, sb *span) (pairing, bool) {
	least := minSimilarity(sa, sb)
	// Two spellings of one system are no closer than their keys (see
	// below): their keys are compared first, and when they disagree the
	// letters need not be aligned.
	var keys pairing
	var keysEqual bool
	oneSys := oneSystem(a, b, sa, sb)
	if oneSys {
		keys, keysEqual = compareKeys(c, a, b, sa, sb, least)
	}
	best, modelled := pairing{}, false
	if !oneSys || keys.sim >= least {
		best, modelled = compareReadings(a, b, sa, sb)
	}
	if modelled {
		whole := a.oneWord() && b.oneWord() && a.whole(sa) && b.whole(sb)
		switch {
		case !best.latin && !best.same:
			// two scripts other than Latin: the model composed through
			// English is too loose to pair parts, and rejects only one
			// word against one word (بوتين, バイデン); the keys decide
			if whole && best.sim < least {
				best = pairing{}
			} else {
				best, _ = compareKeys(c, a, b, sa, sb, least)
			}
		case best.x <= readingVeto:
			best = pairing{} // Putin, Biden; Хаяси, Kishi
		case best.same:
			// two spellings of one system: the letters and the keys agree
			if !oneSys {
				keys, _ = compareKeys(c, a, b, sa, sb, least)
			}
			if keys.sim < best.sim {
				best = keys
			}
		case whole:
			// one word against one word: the letter model decides
		default:
			// inside longer names, where near neighbours are common (Li
			// Keqiang, Li Qiang), the keys' rules must agree unless the
			// letters are alike enough alone
			keys, _ := compareKeys(c, a, b, sa, sb, least)
			if keys.sim >= least {
				best.sim = max(best.sim, keys.sim)
			} else if best.margin < readingAlone {
				best = keys
			}
		}
	}
	if !modelled {
		if !oneSys {
			keys, keysEqual = compareKeys(c, a, b, sa, sb, least)
		}
		if best = keys; keysEqual {
			return best, true
		}
	}
	if best.sim >= least {
		return best, true
	}
	// A single initial or a truncated part: J. Stoltenberg, Wang Wen.
	if sa.n == 1 && sb.n == 1 {
		if prefixMatch(a, int(sa.first), b, int(sb.first)) || prefixMatch(b, int(sb.first), a, int(sa.first)) {
			return pairing{sim: truncationSim, how: '^'}, true
		}
	}
	return pairing{}, false
}

// oneSystem reports whether the spans are compared in one spelling system
// in every reading, as two spellings of it (see compareReadings).
func oneSystem(a, b *Name, sa, sb *span) bool {
	ta, tb := &a.tokens[sa.first], &b.tokens[sb.first]
	for _, x := range ta.rd {
		for _, y := range tb.rd {
			if asLatin(x, y) != asLatin(y, x) {
				return false
			}
		}
	}
	return true
}

// compareReadings compares the romanizations of two spans in both readings
// with the model of their spelling systems, and reports whether there is
// one.
func compareReadings(a, b *Name, sa, sb *span) (pairing, bool) {
	var abuf, bbuf [64]byte
	best, found := pairing{}, false
	for ra := range 2 {
		ta := &a.tokens[sa.first]
		if ra == 1 && ta.roman[1] == ta.roman[0] && ta.rd[1] == ta.rd[0] {
			break
		}
		ka := a.appendSpanRoman(abuf[:0], sa, ra)
		for rb := range 2 {
			tb := &b.tokens[sb.first]
			if rb == 1 && tb.roman[1] == tb.roman[0] && tb.rd[1] == tb.rd[0] {
				break
			}
			kb := b.appendSpanRoman(bbuf[:0], sb, rb)
			rda, rdb := asLatin(ta.rd[ra], tb.rd[rb]), asLatin(tb.rd[rb], ta.rd[ra])
			sim, x, margin, ok := readingSimilarity(ka, rda, kb, rdb)
			if !ok {
				return pairing{}, false
			}
			how := byte('~')
			if ta.rd[ra] == tb.rd[rb] && bytes.Equal(ka, kb) {
				sim, how = 1, '='
			}
			if !found || sim > best.sim || sim == best.sim && x > best.x {
				found = true
				best = pairing{sim: sim, how: how, same: ta.rd[ra] == tb.rd[rb], latin: ta.rd[ra] == rdLatin || tb.rd[rb] == rdLatin, x: x, margin: margin}
			}
		}
	}
	return best, true
}

// appendSpanRoman appends the romanization of span s in reading r, its
// tokens run together (in reverse order for a reversed span).
func (n *Name) appendSpanRoman(b []byte, s *span, r int) []byte {
	for i := range s.n {
		j := s.first + i
		if s.reversed {
			j = s.first + s.n - 1 - i
		}
		if t := &n.tokens[j]; !t.particle || s.n == 1 {
			b = append(b, n.get(t.roman[r])...)
		}
	}
	return b
}

// compareKeys compares the keys of two spans in both readings, and reports
// whether they are equal.
func compareKeys(c *keyCosts, a, b *Name, sa, sb *span, least float64) (pairing, bool) {
	best := pairing{}
	for ra := range 2 {
		if ra == 1 && sa.key[1] == sa.key[0] {
			break
		}
		for rb := range 2 {
			if rb == 1 && sb.key[1] == sb.key[0] {
				break
			}
			ka, kb := a.get(sa.key[ra]), b.get(sb.key[rb])
			if len(ka) == 0 || len(kb) == 0 {
				continue
			}
			if bytes.Equal(ka, kb) {
				return pairing{sim: 1, how: '='}, true
			}
			if d := len(ka) - len(kb); d > maxKeyGap || d < -maxKeyGap {
				continue
			}
			if s := c.keySimilarity(ka, kb, least); s > best.sim {
				best = pairing{sim: s, how: '~'}
			}
		}
	}
	return best, false
}

// minSimilarity is the least similarity for two spans to be paired:
// shortKeySim when both keys are short, longKeySim otherwise.
func minSimilarity(sa, sb *span) float64 {
	if max(sa.key[0].hi-sa.key[0].lo, sb.key[0].hi-sb.key[0].lo) <= shortKeyLen {
		return shortKeySim
	}
	return longKeySim
}

// prefixMatch reports whether token i of x is an initial of token j of y or
// a truncation of it (at least two letters, and a different key).
func prefixMatch(x *Name, i int, y *Name, j int) bool {
	short, long := &x.tokens[i], &y.tokens[j]
	if short.particle || long.particle {
		return false
	}
	s, l := x.get(short.roman[0]), y.get(long.roman[0])
	if short.initial {
		return len(l) > 1 && s[0] == l[0]
	}
	return len(s) >= 3 && len(l) > len(s)+1 && bytes.HasPrefix(l, s)
}

func spanMask(s span) uint64 {
	if s.first >= 64 {
		return 0
	}
	return (uint64(1)<<s.n - 1) << s.first
}

// weight is the total key length of the tokens that are not particles.
func (n *Name) weight() int {
	w := 0
	for _, s := range n.spans {
		if s.n == 1 {
			w += int(s.weight)
		}
	}
	return w
}

// parts is the number of tokens that are not particles.
func (n *Name) parts() int {
	c := 0
	for _, t := range n.tokens {
		if !t.particle {
			c++
		}
	}
	return c
}

// left is the weight of the tokens not in used.
func (n *Name) left(used uint64) int {
	w := 0
	for _, s := range n.spans {
		if s.n == 1 && used&spanMask(s) == 0 {
			w += int(s.weight)
		}
	}
	return w
}

// leftSyllable reports whether a token not in used is a lone syllable of
// at most maxSyllableLetters letters, written as a word of its own.
func (n *Name) leftSyllable(used uint64) bool {
	for i, t := range n.tokens {
		if i < 64 && used&(1<<i) == 0 && !t.particle && !t.initial && t.roman[0].hi-t.roman[0].lo <= maxSyllableLetters && n.ownWord(i) {
			return true
		}
	}
	return false
}

// edge reports whether span s holds the first or the last part of the name
// that is not a particle, or follows a particle.
func (n *Name) edge(s span) bool {
	first, last := -1, -1
	for i, t := range n.tokens {
		if !t.particle {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	start, end := int(s.first), int(s.first+s.n)
	return start <= first && first < end || start <= last && last < end || start > 0 && n.tokens[start-1].particle
}

// ownWord reports whether token i was written as a word of its own.
func (n *Name) ownWord(i int) bool {
	t := n.tokens[i]
	return (i == 0 || n.tokens[i-1].word != t.word) && (i == len(n.tokens)-1 || n.tokens[i+1].word != t.word)
}

// syllabic reports whether the name is written syllable by syllable, as
// East Asian names often are outside their own script (Мун Чжэ Ин, تشاو لي
// جيان, Kim Jong Un): three parts or more, each a word of one syllable.
func (n *Name) syllabic() bool {
	parts := 0
	for i, t := range n.tokens {
		if t.particle {
			continue
		}
		if !n.ownWord(i) || vowelGroups(n.get(t.roman[0])) != 1 {
			return false
		}
		parts++
	}
	return parts >= 3
}

// vowelGroups counts the runs of vowels (and y) in a romanized word.
func vowelGroups(w []byte) int {
	c, in := 0, false
	for i := 0; i < len(w); i++ {
		v := isVowel(w[i]) || w[i] == 'y'
		if v && !in {
			c++
		}
		in = v
	}
	return c
}

// appendLeft appends the tokens not in used, each after a space.
func (n *Name) appendLeft(b []byte, used uint64) []byte {
	for _, s := range n.spans {
		if s.n == 1 && s.weight > 0 && used&spanMask(s) == 0 {
			b = append(b, ' ')
			b = append(b, n.get(n.tokens[s.first].roman[0])...)
		}
	}
	return b
}

func (n *Name) appendSpanText(b []byte, s span) []byte {
	for i := range s.n {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, n.get(n.tokens[s.first+i].roman[0])...)
	}
	return b
}

// oneWord reports whether the parts of the name that are not particles
// were written as one word.
func (n *Name) oneWord() bool {
	w := -1
	for _, t := range n.tokens {
		if t.particle {
			continue
		}
		if w >= 0 && int(t.word) != w {
			return false
		}
		w = int(t.word)
	}
	return true
}

// whole reports whether span s holds every part of the name that is not a
// particle.
func (n *Name) whole(s *span) bool {
	for i, t := range n.tokens {
		if !t.particle && (i < int(s.first) || i >= int(s.first+s.n)) {
			return false
		}
	}
	return true
}

// asLatin returns the reading r is compared in against reading other: the
// English-language romanization of Cyrillic spells a name as Latin letters
// would, and is read as Latin against the scripts other than Latin and
// Cyrillic, whose models are estimated against English spellings. Between
// two scripts other than Latin the model only rejects (see compareSpans).
func asLatin(r, other reading) reading {
	if r == rdCyrillic && other != rdCyrillic && other != rdLatin && other != rdNone {
		return rdLatin
	}
	return r
}
