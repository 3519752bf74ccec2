package align

import "math"

// A Unit is a run of one or two symbols of a spelling, the first in the low
// byte: a phrase operation writes a unit of one side as a unit of the
// other, as a Chinese syllable renders a cluster of English letters (tur →
// te) or a Hangul vowel is added after a consonant (eu).
type Unit uint16

// MaxUnit is the most symbols in a unit.
const MaxUnit = 2

// unitOf returns the unit of the symbols s (at most MaxUnit of them).
func unitOf(s []uint8) Unit {
	var u Unit
	for i, x := range s {
		u |= Unit(x) << (8 * i)
	}
	return u
}

// Len returns the number of symbols of u.
func (u Unit) Len() int {
	switch {
	case u == 0:
		return 0
	case u>>8 == 0:
		return 1
	}
	return 2
}

// Phrase is an edit operation on more symbols than one: Src written as Tgt,
// either of which may be empty, one of which has two symbols.
type Phrase struct{ Src, Tgt Unit }

// Model holds the expected counts of the operations of a phrase model: the
// operations on single symbols (Counts), and those on a unit of two symbols
// (Phrases).
type Model struct {
	Counts  Counts
	Phrases map[Phrase]float64
	Letters bool // read letter by letter (PhraseOptions.Letters)
}

// PhraseOptions say which phrase operations a model has.
type PhraseOptions struct {
	// MaxSrc and MaxTgt are the most symbols of a unit of each side, at
	// most MaxUnit (more count as MaxUnit): up to 1 on both sides, the
	// zero value included, give the memoryless model of Train.
	MaxSrc, MaxTgt int
	// Both says whether a phrase may have two symbols on both sides.
	Both bool
	// Letters says whether the spellings are read letter by letter, the
	// digraphs being phrases.
	Letters bool
	// MinCount is the least expected count of a phrase kept after
	// training: rarer ones are dropped, their pairs aligned letter by
	// letter.
	MinCount float64
}

// shapes returns the shapes (symbols of each side) of the operations
// allowed by o.
func (o PhraseOptions) shapes() [][2]int {
	sh := [][2]int{{1, 0}, {0, 1}, {1, 1}}
	for a := range min(o.MaxSrc, MaxUnit) + 1 {
		for b := range min(o.MaxTgt, MaxUnit) + 1 {
			if a <= 1 && b <= 1 || a == 2 && b == 2 && !o.Both {
				continue
			}
			sh = append(sh, [2]int{a, b})
		}
	}
	return sh
}

// TrainPhrases estimates a phrase model from pairs of spellings (source,
// target) by iters rounds of expectation maximisation, starting from the
// memoryless model that favours writing a letter as itself and gives every
// phrase the count of a single letter written as another.
func TrainPhrases(pairs [][2]string, iters int, o PhraseOptions) *Model {
	m := &Model{Phrases: map[Phrase]float64{}, Letters: o.Letters}
	for u := range Size {
		for v := range Size {
			m.Counts[u][v] = 1
			if u == v && u > 0 {
				m.Counts[u][v] = 20
			}
		}
	}
	m.Counts[0][0] = 0
	enc := make([][2][]uint8, len(pairs))
	for i, p := range pairs {
		enc[i] = [2][]uint8{encode(p[0], o.Letters), encode(p[1], o.Letters)}
	}
	sh := o.shapes()
	round := func(initial bool) {
		p := m.probabilities(initial)
		next := &Model{Phrases: map[Phrase]float64{}, Letters: o.Letters}
		for _, e := range enc {
			next.expect(p, sh, e[0], e[1])
		}
		m = next
	}
	for it := range iters {
		round(it == 0)
	}
	if len(sh) == 3 {
		return m
	}
	// the phrases kept are re-estimated with the letters, which take back
	// the mass of those dropped
	for ph, n := range m.Phrases {
		if n < o.MinCount {
			delete(m.Phrases, ph)
		}
	}
	for range iters {
		round(false)
	}
	return m
}

// phraseProbs are the probabilities of the operations of a model.
type phraseProbs struct {
	single  *[Size][Size]float64
	phrases map[Phrase]float64
	unseen  float64 // the probability of a phrase without a count
}

// probabilities normalises the smoothed counts of m; with initial, a phrase
// not counted has the probability of a count of 1.
func (m *Model) probabilities(initial bool) *phraseProbs {
	p := &phraseProbs{single: new([Size][Size]float64), phrases: make(map[Phrase]float64, len(m.Phrases))}
	sum := 0.0
	for u := range Size {
		for v := range Size {
			if u == 0 && v == 0 {
				continue
			}
			p.single[u][v] = m.Counts[u][v] + Smooth
			sum += p.single[u][v]
		}
	}
	for ph, n := range m.Phrases {
		p.phrases[ph] = n
		sum += n
	}
	for u := range Size {
		for v := range Size {
			p.single[u][v] /= sum
		}
	}
	for ph := range p.phrases {
		p.phrases[ph] /= sum
	}
	if initial {
		p.unseen = 1 / sum
	}
	return p
}

// single returns the letters of a pair of at most one letter on each side
// (0 for none), as the letter model indexes them, and whether it is one.
func single(x, y []uint8) (u, v uint8, ok bool) {
	if len(x) > 1 || len(y) > 1 {
		return 0, 0, false
	}
	if len(x) == 1 {
		u = x[0]
	}
	if len(y) == 1 {
		v = y[0]
	}
	return u, v, true
}

func (p *phraseProbs) get(x, y []uint8) float64 {
	if u, v, ok := single(x, y); ok {
		return p.single[u][v]
	}
	if q, ok := p.phrases[Phrase{unitOf(x), unitOf(y)}]; ok {
		return q
	}
	return p.unseen
}

func (m *Model) add(x, y []uint8, n float64) {
	if u, v, ok := single(x, y); ok {
		m.Counts[u][v] += n
		return
	}
	m.Phrases[Phrase{unitOf(x), unitOf(y)}] += n
}

// expect adds to m the expected counts of the operations of the shapes sh
// aligning x and y under p (forward–backward).
func (m *Model) expect(p *phraseProbs, sh [][2]int, x, y []uint8) {
	n, w := len(x), len(y)
	if n == 0 || w == 0 {
		return
	}
	at := func(i, j int) int { return i*(w+1) + j }
	f := make([]float64, (n+1)*(w+1))
	b := make([]float64, (n+1)*(w+1))
	f[0] = 1
	for i := 0; i <= n; i++ {
		for j := 0; j <= w; j++ {
			for _, s := range sh {
				if i >= s[0] && j >= s[1] {
					f[at(i, j)] += f[at(i-s[0], j-s[1])] * p.get(x[i-s[0]:i], y[j-s[1]:j])
				}
			}
		}
	}
	b[at(n, w)] = 1
	for i := n; i >= 0; i-- {
		for j := w; j >= 0; j-- {
			for _, s := range sh {
				if i+s[0] <= n && j+s[1] <= w {
					b[at(i, j)] += b[at(i+s[0], j+s[1])] * p.get(x[i:i+s[0]], y[j:j+s[1]])
				}
			}
		}
	}
	total := f[at(n, w)]
	if total == 0 || math.IsInf(1/total, 0) {
		return
	}
	for i := 0; i <= n; i++ {
		for j := 0; j <= w; j++ {
			fw := f[at(i, j)] / total
			if fw == 0 {
				continue
			}
			for _, s := range sh {
				if i+s[0] <= n && j+s[1] <= w {
					xs, ys := x[i:i+s[0]], y[j:j+s[1]]
					if q := fw * p.get(xs, ys) * b[at(i+s[0], j+s[1])]; q > 0 {
						m.add(xs, ys, q)
					}
				}
			}
		}
	}
}

// Transpose returns the model of the opposite direction.
func (m *Model) Transpose() *Model {
	t := &Model{Phrases: make(map[Phrase]float64, len(m.Phrases)), Letters: m.Letters}
	for u := range Size {
		for v := range Size {
			t.Counts[v][u] = m.Counts[u][v]
		}
	}
	for ph, n := range m.Phrases {
		t.Phrases[Phrase{ph.Tgt, ph.Src}] = n
	}
	return t
}

// NewPhraseScorer returns the scorer of a phrase model: the costs of its
// single operations as NewScorer gives them, and of its phrases minus their
// pointwise mutual information against the letters of either side alone.
func NewPhraseScorer(m *Model) *Scorer {
	p := m.probabilities(false)
	// the marginals of the letters of each side, phrases included
	var pu, pv [Size]float64
	for u := range Size {
		for v := range Size {
			pu[u] += p.single[u][v]
			pv[v] += p.single[u][v]
		}
	}
	for ph, q := range p.phrases {
		for _, x := range [2]Unit{ph.Src, ph.Src >> 8} {
			if x&0xff != 0 {
				pu[x&0xff] += q
			}
		}
		for _, x := range [2]Unit{ph.Tgt, ph.Tgt >> 8} {
			if x&0xff != 0 {
				pv[x&0xff] += q
			}
		}
	}
	// a letter's marginal is its share of the letters of its side
	for _, q := range []*[Size]float64{&pu, &pv} {
		sum := 0.0
		for l := 1; l < Size; l++ {
			sum += q[l]
		}
		for l := 1; l < Size; l++ {
			q[l] *= (1 - q[0]) / sum
		}
	}
	// p.single sums with the phrases to 1: the scorer of the single
	// operations is built from them as a joint distribution of their own
	// letters' marginals
	j := (*Joint)(p.single)
	s := newScorer(j, &pu, &pv)
	s.letters = m.Letters
	if len(p.phrases) == 0 {
		return s
	}
	ratios := make(map[Phrase]float64, len(p.phrases))
	for u := range Size {
		for v := range Size {
			s.ratio[u][v] = math.Exp(float64(-s.cost[u][v]))
		}
	}
	for ph, q := range p.phrases {
		c := -math.Log(q)
		for _, x := range [2]Unit{ph.Src, ph.Src >> 8} {
			if x&0xff != 0 {
				c += math.Log(pu[x&0xff])
			}
		}
		for _, x := range [2]Unit{ph.Tgt, ph.Tgt >> 8} {
			if x&0xff != 0 {
				c += math.Log(pv[x&0xff])
			}
		}
		ratios[ph] = math.Exp(-c)
	}
	s.phrases = newPhraseTables(ratios)
	return s
}

// phraseTables holds the likelihood ratios of the phrase operations of a
// scorer by shape, indexed by the symbols of the units of one symbol and by
// the ids of the units of two symbols (0 for a unit in no phrase); a ratio
// of 0 is an operation the model does not have.
type phraseTables struct {
	srcID, tgtID [Size * Size]uint16 // the id of the unit of two symbols a, b at a*Size+b
	nSrc, nTgt   int                 // ids, 0 included
	r20, r02     []float64           // [src id], [tgt id]
	r21          []float64           // [src id*Size + tgt symbol]
	r12          []float64           // [src symbol*nTgt + tgt id]
	r22          []float64           // [src id*nTgt + tgt id]
}

// newPhraseTables returns the tables of the ratios of the phrases.
func newPhraseTables(ratios map[Phrase]float64) *phraseTables {
	t := &phraseTables{nSrc: 1, nTgt: 1}
	pairID := func(u Unit) int { return int(u&0xff)*Size + int(u>>8) }
	for ph := range ratios {
		if ph.Src.Len() == 2 && t.srcID[pairID(ph.Src)] == 0 {
			t.srcID[pairID(ph.Src)] = uint16(t.nSrc)
			t.nSrc++
		}
		if ph.Tgt.Len() == 2 && t.tgtID[pairID(ph.Tgt)] == 0 {
			t.tgtID[pairID(ph.Tgt)] = uint16(t.nTgt)
			t.nTgt++
		}
	}
	t.r20, t.r02 = make([]float64, t.nSrc), make([]float64, t.nTgt)
	t.r21, t.r12 = make([]float64, t.nSrc*Size), make([]float64, Size*t.nTgt)
	t.r22 = make([]float64, t.nSrc*t.nTgt)
	for ph, r := range ratios {
		s, g := int(t.srcID[pairID(ph.Src)]), int(t.tgtID[pairID(ph.Tgt)])
		switch [2]int{ph.Src.Len(), ph.Tgt.Len()} {
		case [2]int{2, 0}:
			t.r20[s] = r
		case [2]int{0, 2}:
			t.r02[g] = r
		case [2]int{2, 1}:
			t.r21[s*Size+int(ph.Tgt)] = r
		case [2]int{1, 2}:
			t.r12[int(ph.Src)*t.nTgt+g] = r
		case [2]int{2, 2}:
			t.r22[s*t.nTgt+g] = r
		}
	}
	return t
}

// phraseCost returns minus the log-likelihood ratio of xs and ys under the
// phrase model of s against the letters of either side alone, summed over
// every alignment: a phrase model writes one alignment in several ways (a
// cluster as a phrase, or letter by letter), which the best alignment alone
// would undercount.
func (s *Scorer) phraseCost(xs, ys []uint8) float32 {
	n, w := len(xs), len(ys)
	t := s.phrases
	// three rows of the table (i-2, i-1, i), and by column the ratio of
	// an added letter and the id of the unit of two letters ending there;
	// id 0 has ratio 0 in every table, so that no step needs a test
	var buf [3 * 33]float64
	var ibuf [33]float64
	var tbuf [33]uint16
	rows, ins, tid := buf[:0], ibuf[:0], tbuf[:0]
	if w+1 > len(ibuf) {
		rows, ins, tid = make([]float64, 3*(w+1)), make([]float64, w+1), make([]uint16, w+1)
	} else {
		rows, ins, tid = buf[:3*(w+1)], ibuf[:w+1], tbuf[:w+1]
	}
	for j := 1; j <= w; j++ {
		ins[j] = s.ratio[0][ys[j-1]]
		if j >= 2 {
			tid[j] = t.tgtID[int(ys[j-2])*Size+int(ys[j-1])]
		}
	}
	nt := t.nTgt
	up2, up, cur := rows[:w+1], rows[w+1:2*(w+1)], rows[2*(w+1):]
	// row 0: letters added; up2 stays 0 as row -1
	up[0] = 1
	for j := 1; j <= w; j++ {
		v := up[j-1] * ins[j]
		if j >= 2 {
			v += up[j-2] * t.r02[tid[j]]
		}
		up[j] = v
	}
	for i := 1; i <= n; i++ {
		x := xs[i-1]
		rx := &s.ratio[x]
		del := rx[0]
		r12 := t.r12[int(x)*nt : int(x)*nt+nt]
		var a int
		if i >= 2 {
			a = int(t.srcID[int(xs[i-2])*Size+int(x)])
		}
		r21 := t.r21[a*Size : a*Size+Size]
		r22 := t.r22[a*nt : a*nt+nt]
		r20 := t.r20[a]
		cur[0] = up[0]*del + up2[0]*r20
		if w >= 1 {
			y := ys[0]
			cur[1] = up[1]*del + up[0]*rx[y] + cur[0]*ins[1] + up2[1]*r20 + up2[0]*r21[y]
		}
		for j := 2; j <= w; j++ {
			y, g := ys[j-1], tid[j]
			cur[j] = up[j]*del + up[j-1]*rx[y] + cur[j-1]*ins[j] +
				up[j-2]*r12[g] + cur[j-2]*t.r02[g] +
				up2[j]*r20 + up2[j-1]*r21[y] + up2[j-2]*r22[g]
		}
		up2, up, cur = up, cur, up2
	}
	return float32(-math.Log(up[w]))
}

// Interpolate returns the phrase model whose every operation has
// probability w under p plus 1-w under q (linear interpolation): the letters
// of q smooth the estimates of p, learnt from few pairs. Both must read
// letters alike (Model.Letters).
func Interpolate(p, q *Model, w float64) *Model {
	sp, sq := p.total(), q.total()
	m := &Model{Phrases: make(map[Phrase]float64, len(p.Phrases)+len(q.Phrases)), Letters: p.Letters}
	for u := range Size {
		for v := range Size {
			m.Counts[u][v] = w*p.Counts[u][v] + (1-w)*q.Counts[u][v]*sp/sq
		}
	}
	for ph, n := range p.Phrases {
		m.Phrases[ph] += w * n
	}
	for ph, n := range q.Phrases {
		m.Phrases[ph] += (1 - w) * n * sp / sq
	}
	return m
}

// total returns the sum of the counts of m.
func (m *Model) total() float64 {
	sum := 0.0
	for u := range Size {
		for v := range Size {
			sum += m.Counts[u][v]
		}
	}
	for _, n := range m.Phrases {
		sum += n
	}
	return sum
}
