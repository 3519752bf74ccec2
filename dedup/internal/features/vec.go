package features

import (
	"math"
	"slices"

	"github.com/eventdedup/eventdedup/internal/fnv1a"
)

// TokenHash identifies a feature token by a 64-bit FNV-1a hash of its scope
// and text. Hashes are stable across runs, so they persist; with 64 bits,
// collisions among the tokens of a time window are negligible.
func TokenHash(scope, text string) uint64 {
	h := fnv1a.String(fnv1a.Offset, scope)
	h = fnv1a.Add(h, 0xff) // separator that cannot occur in UTF-8
	return fnv1a.String(h, text)
}

// Vec is a sparse vector: keys in increasing order and their weights.
type Vec struct {
	K []uint64
	W []float32
}

// VecBuilder accumulates weights by key.
type VecBuilder map[uint64]float64

// Build returns the accumulated vector.
func (b VecBuilder) Build() Vec {
	v := Vec{K: make([]uint64, 0, len(b)), W: make([]float32, len(b))}
	for k := range b {
		v.K = append(v.K, k)
	}
	slices.Sort(v.K)
	for i, k := range v.K {
		v.W[i] = float32(b[k])
	}
	return v
}

// Norm returns the Euclidean Norm of v.
func (v Vec) Norm() float64 {
	s := 0.0
	for _, w := range v.W {
		s += float64(w) * float64(w)
	}
	return math.Sqrt(s)
}

// Scaled returns v with every weight multiplied by s.
func (v Vec) Scaled(s float64) Vec {
	out := Vec{K: v.K, W: make([]float32, len(v.W))}
	for i, w := range v.W {
		out.W[i] = float32(float64(w) * s)
	}
	return out
}

// Dot returns the Dot product of two vectors and calls shared, when not nil,
// for every key they share with the product of its weights.
func Dot(a, b Vec, shared func(i, j int, p float64)) float64 {
	s := 0.0
	for i, j := 0, 0; i < len(a.K) && j < len(b.K); {
		switch {
		case a.K[i] < b.K[j]:
			i++
		case a.K[i] > b.K[j]:
			j++
		default:
			p := float64(a.W[i]) * float64(b.W[j])
			s += p
			if shared != nil {
				shared(i, j, p)
			}
			i++
			j++
		}
	}
	return s
}
