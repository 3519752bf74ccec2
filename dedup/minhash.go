package dedup

import (
	"unicode"

	"github.com/eventdedup/eventdedup/normalize"
)

// numHashes is the number of MinHash functions; the standard error of the
// Jaccard estimate is about 1/sqrt(numHashes) ≈ 0.09.
const numHashes = 64

// shingleRunes is the length of the character shingles.
const shingleRunes = 5

// signature is a MinHash signature of a text's character shingles.
type signature [numHashes]uint64

// minhash computes the MinHash signature of text. The text is folded and
// everything but letters and digits is removed, so that copies that differ in
// whitespace, punctuation, case, diacritics, zero-width or bidi characters
// have the same shingles.
func minhash(text string) signature {
	var sig signature
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	folded := normalize.Fold(text)
	rs := make([]rune, 0, len(folded))
	for _, r := range folded {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			rs = append(rs, r)
		}
	}
	if len(rs) == 0 {
		return sig
	}
	n := shingleRunes
	if len(rs) < n {
		n = len(rs)
	}
	for i := 0; i+n <= len(rs); i++ {
		h := uint64(14695981039346656037)
		for _, r := range rs[i : i+n] {
			h ^= uint64(r)
			h *= 1099511628211
		}
		for j := range sig {
			v := mix(h ^ seeds[j])
			if v < sig[j] {
				sig[j] = v
			}
		}
	}
	return sig
}

// mix is the SplitMix64 finalizer, a fast bijective hash of 64-bit values.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// seeds are fixed, so that signatures persist across runs.
var seeds = func() (s [numHashes]uint64) {
	x := uint64(0x9E3779B97F4A7C15)
	for i := range s {
		x += 0x9E3779B97F4A7C15
		s[i] = mix(x)
	}
	return s
}()

// jaccard estimates the Jaccard similarity of the shingle sets behind two
// signatures.
func (s *signature) jaccard(o *signature) float64 {
	eq := 0
	for i := range s {
		if s[i] == o[i] {
			eq++
		}
	}
	return float64(eq) / numHashes
}
