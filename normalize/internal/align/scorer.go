package align

import "math"

// Joint is a joint distribution of edit operations, indexed like [Counts].
type Joint [Size][Size]float64

// Normalize returns the joint distribution of the counts, smoothed by
// [Smooth].
func (c *Counts) Normalize() *Joint {
	return (*Joint)(probabilities(c, Smooth))
}

// Transpose returns the model of the opposite direction: target written as
// source.
func (j *Joint) Transpose() *Joint {
	t := new(Joint)
	for u := range Size {
		for v := range Size {
			t[v][u] = j[u][v]
		}
	}
	return t
}

// Compose returns the model of two spellings written from one hidden
// spelling of the sources of j and k: P(u, v) = Σ P(l) P(u|l) P(v|l). A
// letter l that one side drops leaves the other's letter unaligned; letters
// that one side adds are added.
func Compose(j, k *Joint) *Joint {
	var pj, pk [Size]float64 // source marginals
	for l := 1; l < Size; l++ {
		for u := range Size {
			pj[l] += j[l][u]
			pk[l] += k[l][u]
		}
	}
	c := new(Joint)
	for l := 1; l < Size; l++ {
		if pj[l] == 0 || pk[l] == 0 {
			continue
		}
		w := (pj[l] + pk[l]) / 2 / (pj[l] * pk[l])
		for u := range Size {
			if j[l][u] == 0 {
				continue
			}
			for v := range Size {
				c[u][v] += j[l][u] * k[l][v] * w
			}
		}
	}
	for u := 1; u < Size; u++ {
		c[u][0] += j[0][u]
		c[0][u] += k[0][u]
	}
	c[0][0] = 0
	sum := 0.0
	for u := range Size {
		for v := range Size {
			sum += c[u][v]
		}
	}
	for u := range Size {
		for v := range Size {
			c[u][v] /= sum
		}
	}
	return c
}

// Scorer aligns two spellings under a joint model.
type Scorer struct {
	// cost[u][v] is minus the pointwise mutual information of the
	// operation, in nats: negative for letters that go together; byTarget
	// holds it by target letter, for the inner loop of the alignment.
	cost     [Size][Size]float32
	byTarget [Size][Size]float32
	del      [Size]float32 // cost[u][0]
	// info[0][u], info[1][v]: the information of a letter of either side
	// alone, -log of its marginal probability.
	info [2][Size]float32
	// phrases holds the likelihood ratios of the phrase operations, and
	// ratio those of the single ones, exp(-cost); nil for a memoryless
	// model.
	phrases *phraseTables
	ratio   [Size][Size]float64
	letters bool // no digraphs: the phrases hold them
}

// NewScorer returns the scorer of joint model j.
func NewScorer(j *Joint) *Scorer {
	var pu, pv [Size]float64
	for u := range Size {
		for v := range Size {
			pu[u] += j[u][v]
			pv[v] += j[u][v]
		}
	}
	return newScorer(j, &pu, &pv)
}

// newScorer returns the scorer of the single operations of j, whose
// letters have the marginals pu and pv.
func newScorer(j *Joint, pu, pv *[Size]float64) *Scorer {
	s := new(Scorer)
	for u := range Size {
		for v := range Size {
			lp := math.Log(j[u][v])
			if u > 0 {
				lp -= math.Log(pu[u])
			}
			if v > 0 {
				lp -= math.Log(pv[v])
			}
			s.cost[u][v] = float32(-lp)
		}
	}
	for u := 1; u < Size; u++ {
		s.info[0][u] = float32(-math.Log(pu[u]))
		s.info[1][u] = float32(-math.Log(pv[u]))
	}
	s.cost[0][0] = 0
	for u := range Size {
		for v := range Size {
			s.byTarget[v][u] = s.cost[u][v]
		}
		s.del[u] = s.cost[u][0]
	}
	return s
}

// Similarity returns the log-likelihood ratio of x and y ("the same name"
// against "two independent names") divided by the mean information of x and
// y: 1 when the alignment explains each letter, 0 or less for unrelated
// spellings. A memoryless model counts its best alignment, a phrase model
// every alignment (see phraseCost). Bytes without a symbol are ignored.
func (s *Scorer) Similarity(x, y []byte) float64 {
	llr, info := s.LogRatio(x, y)
	if info == 0 {
		return 0
	}
	return llr / info
}

// LogRatio returns the log-likelihood ratio of x and y and the mean
// information of x and y, both in nats; 0, 0 when either has no symbol.
func (s *Scorer) LogRatio(x, y []byte) (llr, info float64) {
	var xb, yb [32]uint8
	xs, ix := symbols(xb[:0], x, &s.info[0], s.letters)
	ys, iy := symbols(yb[:0], y, &s.info[1], s.letters)
	if len(xs) == 0 || len(ys) == 0 {
		return 0, 0
	}
	info = float64((ix + iy) / 2)
	return s.logRatio(xs, ys), info
}

// logRatio returns the log-likelihood ratio of the symbols xs and ys.
func (s *Scorer) logRatio(xs, ys []uint8) float64 {
	if s.phrases != nil {
		return float64(-s.phraseCost(xs, ys))
	}
	var rbuf [33]float32
	row := rbuf[:0]
	if len(xs)+1 > len(rbuf) {
		row = make([]float32, 0, len(xs)+1)
	}
	row = append(row, 0)
	for i, u := range xs {
		row = append(row, row[i]+s.del[u])
	}
	del := &s.del
	for _, v := range ys {
		sub := &s.byTarget[v]
		ins := sub[0]
		diag := row[0]
		left := diag + ins
		row[0] = left
		for i, u := range xs {
			up := row[i+1]
			best := diag + sub[u]
			if d := up + ins; d < best {
				best = d
			}
			if d := left + del[u]; d < best {
				best = d
			}
			diag = up
			row[i+1] = best
			left = best
		}
	}
	return float64(-row[len(xs)])
}

// symbols appends the symbols of s to b and returns them with the sum of
// their information.
func symbols(b []uint8, s []byte, info *[Size]float32, letters bool) ([]uint8, float32) {
	var sum float32
	for i := 0; i < len(s); i++ {
		c := s[i]
		x := symbolOf[c]
		if x == 0 {
			continue
		}
		if i+1 < len(s) && x <= 26 && !letters {
			if n := s[i+1]; 'a' <= n && n <= 'z' {
				if d := digraphOf[c-'a'][n-'a']; d > 0 {
					x = d
					i++
				}
			}
		}
		b = append(b, x)
		sum += info[x]
	}
	return b, sum
}

// symbolOf is Index as a table.
var symbolOf = func() (t [256]uint8) {
	for c := range 256 {
		t[c] = Index(byte(c))
	}
	return t
}()

// InitialPMI returns the pointwise mutual information of the first symbols
// of x and y written one as the other, and whether both are consonants; a
// phrase model, which may write an initial cluster as a unit, reports
// false.
func (s *Scorer) InitialPMI(x, y []byte) (float64, bool) {
	if s.phrases != nil {
		return 0, false
	}
	var xb, yb [4]uint8
	xs, _ := symbols(xb[:0], x[:min(len(x), 2)], &s.info[0], s.letters)
	ys, _ := symbols(yb[:0], y[:min(len(y), 2)], &s.info[1], s.letters)
	if len(xs) == 0 || len(ys) == 0 || !consonant(xs[0]) || !consonant(ys[0]) {
		return 0, false
	}
	return float64(-s.cost[xs[0]][ys[0]]), true
}

// consonant reports whether symbol u is a consonant: a letter other than a
// vowel or y, or a digraph of consonants.
func consonant(u uint8) bool {
	switch {
	case u == 0 || u > 26 && u < 31:
		return false
	case u <= 26:
		c := 'a' + u - 1
		return c != 'a' && c != 'e' && c != 'i' && c != 'o' && c != 'u' && c != 'y'
	}
	d := Digraphs[(u-31)*2]
	return d != 'e' && d != 'o' && d != 'a' && d != 'i' && d != 'u'
}
