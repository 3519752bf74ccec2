package normalize

import (
	"slices"
	"strconv"
	"strings"
)

// Match is the outcome of comparing two names.
type Match struct {
	// Score is in [0, 1]: the share of the less complete name that is found
	// in the other, each part weighted by the length of its key and by how
	// closely it matches.
	Score float64
	// Same reports whether the names are judged to denote the same person.
	Same bool
	// Reason says which parts matched and how: "=" for equal keys, "~" for
	// similar keys, "^" for a truncated part, with their similarity; parts
	// left over are listed after "unmatched".
	Reason string
}

// DefaultThreshold is the score from which a [Matcher] judges two names the
// same.
const DefaultThreshold = 0.84

// Matcher compares personal names across scripts. The zero value is ready to
// use and safe for concurrent use.
type Matcher struct {
	// Threshold is the least score judged the same person; 0 means
	// DefaultThreshold.
	Threshold float64
}

// Match compares two names written in any script. It parses both; callers
// comparing a name many times should parse it once and use [Matcher.MatchNames].
func (m Matcher) Match(a, b string) Match {
	return m.MatchNames(ParseName(a), ParseName(b))
}

// pairing is a candidate correspondence between a span of each name.
type pairing struct {
	a, b int // indexes into the spans
	sim  float64
	how  byte // '=', '~', '^'
}

// MatchNames compares two parsed names. Each part of one name is paired with
// a part of the other, or with two or three consecutive parts written
// separately ("Jae In" and "Jae-in", "عبد اللهيان" and "Abdollahian"),
// whatever their order ("Moon Jae-in", "Jae-in Moon"). Parts match when their
// keys are equal or close (a weighted edit distance that forgives the
// variations romanization leaves), or when one is a truncation of the other
// (Wang Wen, Wang Wenbin: a weaker match).
//
// The score is the share of the less complete name covered by the pairing, so
// "Blinken" matches "Antony Blinken"; but a part of each name left unpaired
// or paired with a different part lowers it, so that a shared family name is
// not enough when given names conflict (Kim Jong Un, Kim Yo Jong).
func (m Matcher) MatchNames(a, b Name) Match {
	if a.weight() == 0 || b.weight() == 0 {
		return Match{Reason: "empty name"}
	}
	var cands []pairing
	for i, sa := range a.spans {
		for j, sb := range b.spans {
			if sa.n > 1 && sb.n > 1 || sa.weight == 0 && sb.weight == 0 {
				continue
			}
			if p, ok := compareSpans(&a, &b, sa, sb); ok {
				p.a, p.b = i, j
				cands = append(cands, p)
			}
		}
	}
	// The closest pairs first; among equals, the longest.
	slices.SortStableFunc(cands, func(x, y pairing) int {
		if x.sim != y.sim {
			if x.sim > y.sim {
				return -1
			}
			return 1
		}
		return (b.spans[y.b].weight + a.spans[y.a].weight) - (a.spans[x.a].weight + b.spans[x.b].weight)
	})
	var usedA, usedB uint64
	var coverA, coverB float64
	var mergedA, mergedB bool // a span of several tokens was paired
	minSim := 1.0
	var reason []byte
	for _, p := range cands {
		sa, sb := a.spans[p.a], b.spans[p.b]
		ma, mb := spanMask(sa), spanMask(sb)
		if usedA&ma != 0 || usedB&mb != 0 {
			continue
		}
		usedA |= ma
		usedB |= mb
		minSim = min(minSim, p.sim)
		mergedA = mergedA || sa.n > 1
		mergedB = mergedB || sb.n > 1
		coverA += p.sim * float64(sa.weight)
		coverB += p.sim * float64(sb.weight)
		if len(reason) > 0 {
			reason = append(reason, ", "...)
		}
		reason = a.appendSpanText(reason, sa)
		reason = append(reason, p.how)
		reason = b.appendSpanText(reason, sb)
		reason = append(reason, ' ')
		reason = strconv.AppendFloat(reason, p.sim, 'f', 2, 64)
	}
	// A name whose every part is found in the other is a shortened mention of
	// it ("Blinken", "Antony Blinken"), unless its parts were run together to
	// match one part of the other (Li Qiang, Lijian) or are too short to say
	// much (two or more parts with keys of three letters in all).
	wa, wb := float64(a.weight()), float64(b.weight())
	la, lb := a.left(usedA), b.left(usedB)
	// A leftover part of one or two letters (Li Ke Qiang) is a syllable
	// written apart rather than a middle name.
	mergedA = mergedA || b.leftSyllable(usedB)
	mergedB = mergedB || a.leftSyllable(usedA)
	score := (coverA + coverB) / (wa + wb)
	sure := minSim >= 0.85 // no pair is a loose match
	if la == 0 && (lb == 0 || sure && !mergedA && (a.parts() == 1 || wa >= 4)) {
		score = max(score, coverA/wa)
	}
	if lb == 0 && (la == 0 || sure && !mergedB && (b.parts() == 1 || wb >= 4)) {
		score = max(score, coverB/wb)
	}
	if la > 0 || lb > 0 {
		if len(reason) > 0 {
			reason = append(reason, ", "...)
		}
		reason = append(reason, "unmatched"...)
		reason = b.appendLeft(a.appendLeft(reason, usedA), usedB)
	}
	th := m.Threshold
	if th == 0 {
		th = DefaultThreshold
	}
	return Match{Score: score, Same: score >= th, Reason: string(reason)}
}

// compareSpans compares two spans in both readings.
func compareSpans(a, b *Name, sa, sb span) (pairing, bool) {
	best := pairing{}
	for ra := range 2 {
		for rb := range 2 {
			ka, kb := sa.key[ra], sb.key[rb]
			if ka == "" || kb == "" {
				continue
			}
			if ka == kb {
				return pairing{sim: 1, how: '='}, true
			}
			if d := len(ka) - len(kb); d > 2 || d < -2 {
				continue
			}
			if s := keySimilarity(ka, kb); s > best.sim {
				best = pairing{sim: s, how: '~'}
			}
		}
	}
	if best.sim >= minSimilarity(sa, sb) {
		return best, true
	}
	// A single initial or a truncated part: J. Stoltenberg, Wang Wen.
	if sa.n == 1 && sb.n == 1 {
		ta, tb := &a.tokens[sa.first], &b.tokens[sb.first]
		if prefixMatch(ta, tb) || prefixMatch(tb, ta) {
			return pairing{sim: 0.8, how: '^'}, true
		}
	}
	return pairing{}, false
}

// minSimilarity is the least similarity for two spans to be paired. Short
// keys must be near equal: one edit in a key of three letters is another
// name (Keqiang, Qiang).
func minSimilarity(sa, sb span) float64 {
	n := max(len(sa.key[0]), len(sb.key[0]))
	switch {
	case n <= 2:
		return 0.75
	case n <= 4:
		return 0.8
	}
	return 0.7
}

// prefixMatch reports whether short is an initial of long or a truncation
// of it (at least two letters, and a different key).
func prefixMatch(short, long *token) bool {
	if short.particle || long.particle {
		return false
	}
	s, l := short.roman[0], long.roman[0]
	if short.initial {
		return len(l) > 1 && s[0] == l[0]
	}
	return len(s) >= 3 && len(l) > len(s)+1 && strings.HasPrefix(l, s)
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
			w += s.weight
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
			w += s.weight
		}
	}
	return w
}

// leftSyllable reports whether a token not in used is a lone syllable of
// one or two letters.
func (n *Name) leftSyllable(used uint64) bool {
	for i, t := range n.tokens {
		if i < 64 && used&(1<<i) == 0 && !t.particle && !t.initial && len(t.roman[0]) <= 2 {
			return true
		}
	}
	return false
}

// appendLeft appends the tokens not in used, each after a space.
func (n *Name) appendLeft(b []byte, used uint64) []byte {
	for _, s := range n.spans {
		if s.n == 1 && s.weight > 0 && used&spanMask(s) == 0 {
			b = append(b, ' ')
			b = append(b, n.tokens[s.first].roman[0]...)
		}
	}
	return b
}

func (n *Name) appendSpanText(b []byte, s span) []byte {
	for i := range s.n {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, n.tokens[s.first+i].roman[0]...)
	}
	return b
}
