// Package align estimates and applies a memoryless stochastic edit model
// (Ristad and Yianilos, 1998) between two romanized spellings of a name: the
// probability that a letter of one spelling is written as a letter of the
// other, or is dropped, or that a letter is added.
//
// A model is estimated by expectation maximisation from pairs of spellings
// of the same names; its counts are what a generator stores. A [Scorer] built
// from counts aligns two spellings with the costs -log P(u,v) + log P(u) +
// log P(v) (minus the pointwise mutual information of the aligned letters),
// so that the best alignment maximises the log-likelihood ratio of "the same
// name" against "two independent names".
//
// A phrase model ([TrainPhrases], [Model]) also writes a unit of two
// letters of one side as one or two letters of the other, as Chinese renders
// an English name syllable by syllable (tur → te), and scores a pair by
// every alignment; [Interpolate] smooths it with a letter model.
package align

import "math"

// Size is the number of symbols: index 0 is the empty symbol (nothing
// written), then the letters a–z, the marks G (a weak g), F (kana fu) and N
// (an n that may be ng), one symbol for every digit, and the digraphs.
const Size = 31 + len(Digraphs)/2

// Digraphs are the pairs of letters read as one symbol, the spelling units
// of English and of the romanizations that write one sound with two letters
// (ph, th, sh, ch; pinyin zh, ng, ou, ai): aligned as one symbol, ph can be
// written f and th t without f standing for p elsewhere.
const Digraphs = "chshthphghkhzhckngtseeoouoaieiauao"

// digraphOf[a][b] is the symbol of the digraph of the letters a and b
// (offsets from 'a'), 0 if they are none.
var digraphOf = func() (t [26][26]uint8) {
	for i := 0; i+1 < len(Digraphs); i += 2 {
		t[Digraphs[i]-'a'][Digraphs[i+1]-'a'] = uint8(31 + i/2)
	}
	return t
}()

// Index returns the symbol of a byte of a romanized spelling; bytes that are
// not letters, marks or digits have none (0).
func Index(c byte) uint8 {
	switch {
	case 'a' <= c && c <= 'z':
		return c - 'a' + 1
	case c == 'G':
		return 27
	case c == 'F':
		return 28
	case c == 'N':
		return 29
	case '0' <= c && c <= '9':
		return 30
	}
	return 0
}

// Counts are the expected counts of the edit operations: Counts[u][v] for u
// written as v, Counts[u][0] for u dropped, Counts[0][v] for v added.
type Counts [Size][Size]float64

// Add adds the counts of c to k.
func (k *Counts) Add(c *Counts) {
	for u := range Size {
		for v := range Size {
			k[u][v] += c[u][v]
		}
	}
}

// Smooth is added to the count of every operation before counts are
// normalised (additive smoothing), so that an operation never seen keeps a
// small probability. Chosen by five-fold cross-validation on the Wikidata
// name pairs among 0.01–0.5, where held-out recall at a 0.1% false-match
// rate varies by less than 0.01.
const Smooth = 0.05

// Train estimates the counts of the edit operations from pairs of spellings
// (source, target) by iters rounds of expectation maximisation, starting from
// a model that favours writing a letter as itself.
func Train(pairs [][2]string, iters int) *Counts {
	c := new(Counts)
	for u := range Size {
		for v := range Size {
			c[u][v] = 1
			if u == v && u > 0 {
				c[u][v] = 20
			}
		}
	}
	c[0][0] = 0
	for range iters {
		p := probabilities(c, Smooth)
		next := new(Counts)
		for _, pr := range pairs {
			expect(next, p, encode(pr[0], false), encode(pr[1], false))
		}
		c = next
	}
	return c
}

// probabilities normalises smoothed counts into the joint probabilities of
// the operations.
func probabilities(c *Counts, smooth float64) *[Size][Size]float64 {
	p := new([Size][Size]float64)
	sum := 0.0
	for u := range Size {
		for v := range Size {
			if u == 0 && v == 0 {
				continue
			}
			p[u][v] = c[u][v] + smooth
			sum += p[u][v]
		}
	}
	for u := range Size {
		for v := range Size {
			p[u][v] /= sum
		}
	}
	return p
}

func encode(s string, letters bool) []uint8 {
	var info [Size]float32
	b, _ := symbols(make([]uint8, 0, len(s)), []byte(s), &info, letters)
	return b
}

// expect adds to c the expected counts of the operations aligning x and y
// under p (forward–backward).
func expect(c *Counts, p *[Size][Size]float64, x, y []uint8) {
	n, m := len(x), len(y)
	if n == 0 || m == 0 {
		return
	}
	f := make([]float64, (n+1)*(m+1))
	b := make([]float64, (n+1)*(m+1))
	at := func(i, j int) int { return i*(m+1) + j }
	f[0] = 1
	for i := 0; i <= n; i++ {
		for j := 0; j <= m; j++ {
			v := f[at(i, j)]
			if i > 0 {
				v += f[at(i-1, j)] * p[x[i-1]][0]
			}
			if j > 0 {
				v += f[at(i, j-1)] * p[0][y[j-1]]
			}
			if i > 0 && j > 0 {
				v += f[at(i-1, j-1)] * p[x[i-1]][y[j-1]]
			}
			f[at(i, j)] = v
		}
	}
	b[at(n, m)] = 1
	for i := n; i >= 0; i-- {
		for j := m; j >= 0; j-- {
			v := b[at(i, j)]
			if i < n {
				v += b[at(i+1, j)] * p[x[i]][0]
			}
			if j < m {
				v += b[at(i, j+1)] * p[0][y[j]]
			}
			if i < n && j < m {
				v += b[at(i+1, j+1)] * p[x[i]][y[j]]
			}
			b[at(i, j)] = v
		}
	}
	total := f[at(n, m)]
	if total == 0 || math.IsInf(1/total, 0) {
		return
	}
	for i := 0; i <= n; i++ {
		for j := 0; j <= m; j++ {
			fw := f[at(i, j)] / total
			if i < n {
				c[x[i]][0] += fw * p[x[i]][0] * b[at(i+1, j)]
			}
			if j < m {
				c[0][y[j]] += fw * p[0][y[j]] * b[at(i, j+1)]
			}
			if i < n && j < m {
				c[x[i]][y[j]] += fw * p[x[i]][y[j]] * b[at(i+1, j+1)]
			}
		}
	}
}
