package features

import (
	"unicode"

	"github.com/eventdedup/eventdedup/internal/fnv1a"
	"github.com/eventdedup/eventdedup/normalize"
)

// Near-duplicate detection uses one-permutation MinHash (Li, Owen and Zhang,
// 2012) with rotation densification (Shrivastava and Li, 2014): each shingle
// is hashed once, the hash picks one of sigBins bins and the bin keeps its
// smallest value. Two signatures agree in a bin with probability equal to the
// Jaccard similarity of the two shingle sets, so the share of agreeing bins
// estimates it with a standard error of at most 1/(2·√sigBins) ≈ 0.044.
//
// shingleRunes, the length of the character shingles, was chosen by hand,
// not fitted; the duplicate threshold (dedup.DefaultDuplicate) was chosen
// with it. One-constant sweep,
// 6 Dec 2026 (eventdedup eval --orders 2): 3–7 leave BCubed F1 unchanged on
// ecbplus-dev.jsonl (0.841–0.869; other columns of the table change),
// dev-events.jsonl (0.960) and testdata/heldout-events.jsonl (1.000).
const (
	sigBins      = 128
	shingleRunes = 5
)

// Signature is a MinHash Signature of a text's character shingles.
type Signature [sigBins]uint32

// minhash computes the signature of a document's texts. Only letters and
// digits are kept, letters mapped to their skeleton (normalize.SkeletonRune:
// lower case, without diacritics, Cyrillic and Greek look-alikes as the Latin
// letter they look like, compatibility forms as their plain letter) and
// digits of any script as ASCII digits, so copies that differ in whitespace,
// punctuation, case, zero-width or bidi characters, diacritics or
// look-alike letters have the same shingles.
//
// A text without letters or digits has no shingles: its signature is the
// zero signature, which jaccard finds like no other.
func minhash(texts ...string) Signature {
	var sig Signature
	var filled [sigBins]bool
	var ring [shingleRunes]rune // the last shingleRunes runes kept
	n := 0                      // runes kept so far
	add := func(count int) {    // hash the shingle of the last count runes
		h := fnv1a.Offset
		for j := count; j > 0; j-- {
			h = fnv1a.Add(h, uint64(ring[(n-j)%shingleRunes]))
		}
		h = mix(h)
		bin, v := h>>(64-7), uint32(h)
		if !filled[bin] || v < sig[bin] {
			sig[bin], filled[bin] = v, true
		}
	}
	for _, text := range texts {
		for _, r := range text {
			r = normalize.SkeletonRune(r) // a letter comes back in lower case
			if !unicode.IsLetter(r) {
				v := digitValue(r)
				if v < 0 {
					continue
				}
				r = '0' + rune(v)
			}
			ring[n%shingleRunes] = r
			n++
			if n >= shingleRunes {
				add(shingleRunes)
			}
		}
	}
	switch {
	case n == 0:
		return sig
	case n < shingleRunes:
		add(n) // a text shorter than a shingle is its only shingle
	}
	// Densification: an empty bin borrows the value of the next filled bin
	// to its right, rehashed with the distance, so that two texts agree in
	// it exactly when they agree in the bin it borrows from.
	for i := range sig {
		if filled[i] {
			continue
		}
		for d := 1; d < sigBins; d++ {
			if j := (i + d) % sigBins; filled[j] {
				sig[i] = uint32(mix(uint64(sig[j]) | uint64(d)<<32))
				break
			}
		}
	}
	return sig
}

// Empty reports whether s is the signature of a text without shingles. A
// text with shingles has all bins zero with probability 2⁻⁴⁰⁹⁶.
func (s *Signature) Empty() bool { return *s == Signature{} }

// mix is the SplitMix64 finalizer, a fast bijective hash of 64-bit values.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Jaccard estimates the Jaccard similarity of the shingle sets behind two
// signatures; it is 0 when either has no shingles.
func (s *Signature) Jaccard(o *Signature) float64 {
	if s.Empty() || o.Empty() {
		return 0
	}
	eq := 0
	for i := range s {
		if s[i] == o[i] {
			eq++
		}
	}
	return float64(eq) / sigBins
}
