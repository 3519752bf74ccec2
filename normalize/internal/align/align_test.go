package align

import (
	"math"
	"testing"
)

// pairs of an invented spelling system that writes v as b, drops h and adds
// an e after a final consonant.
var trainPairs = [][2]string{
	{"vera", "bera"}, {"hana", "ana"}, {"david", "dabide"}, {"ivan", "ibane"},
	{"helga", "elga"}, {"victor", "biktore"}, {"olivia", "olibia"}, {"hugo", "ugo"},
	{"kevin", "kebine"}, {"vanda", "banda"}, {"hilda", "ilda"}, {"silva", "silba"},
}

func TestTrainLearnsTheSystem(t *testing.T) {
	j := Train(trainPairs, 10).Normalize()
	v, b, h := Index('v'), Index('b'), Index('h')
	if j[v][b] <= j[v][v] {
		t.Errorf("P(v→b) %.4f ≤ P(v→v) %.4f: the model did not learn that v is written b", j[v][b], j[v][v])
	}
	if j[h][0] <= j[h][h] {
		t.Errorf("P(h dropped) %.4f ≤ P(h→h) %.4f", j[h][0], j[h][h])
	}
	sum := 0.0
	for u := range Size {
		for w := range Size {
			sum += j[u][w]
		}
	}
	if math.Abs(sum-1) > 1e-9 {
		t.Errorf("probabilities sum to %v", sum)
	}
}

func TestSimilarityOrdersPairs(t *testing.T) {
	s := NewScorer(Train(trainPairs, 10).Normalize())
	same := s.Similarity([]byte("valeria"), []byte("baleriae"))
	other := s.Similarity([]byte("valeria"), []byte("tomasu"))
	if same <= 0.5 || other >= 0 || same <= other {
		t.Errorf("Similarity(valeria, baleriae) = %.3f, (valeria, tomasu) = %.3f: want > 0.5 and < 0", same, other)
	}
	if got := s.Similarity(nil, []byte("ana")); got != 0 {
		t.Errorf("Similarity of an empty spelling = %v, want 0", got)
	}
}

func TestComposeRelatesTwoRenderings(t *testing.T) {
	j := Train(trainPairs, 10).Normalize()
	s := NewScorer(Compose(j, j))
	// two renderings of one spelling: b and b, the same letter dropped
	if x, y := s.Similarity([]byte("biktore"), []byte("biktore")), s.Similarity([]byte("biktore"), []byte("dabide")); x <= y {
		t.Errorf("composed: identical %.3f ≤ different %.3f", x, y)
	}
	tr := j.Transpose()
	if tr[Index('b')][Index('v')] != j[Index('v')][Index('b')] {
		t.Error("Transpose does not swap the sides")
	}
}

// pairs of an invented system that writes x as ks and ph as f.
var phrasePairs = [][2]string{
	{"max", "maks"}, {"alex", "aleks"}, {"felix", "feliks"}, {"rex", "reks"}, {"xena", "ksena"},
	{"philip", "filip"}, {"sophia", "sofia"}, {"ralph", "ralf"}, {"phoebe", "foebe"}, {"stephan", "stefan"},
	{"dexter", "dekster"}, {"joseph", "josef"}, {"victor", "victor"}, {"anna", "anna"}, {"boris", "boris"},
}

func TestTrainPhrasesLearnsClusters(t *testing.T) {
	o := PhraseOptions{MaxSrc: 2, MaxTgt: 2, Both: true, Letters: true, MinCount: 1}
	m := TrainPhrases(phrasePairs, 10, o)
	x, k, s := Index('x'), Index('k'), Index('s')
	if n := m.Phrases[Phrase{Unit(x), Unit(k) | Unit(s)<<8}]; n < 3 {
		t.Errorf("count of x → ks %.2f, want ≥ 3 (the pairs write x as ks 5 times)", n)
	}
	p, l := NewPhraseScorer(m), NewScorer(Train(phrasePairs, 10).Normalize())
	for _, pr := range [][2]string{{"maxim", "maksim"}, {"phil", "fil"}} {
		if sp, sl := p.Similarity([]byte(pr[0]), []byte(pr[1])), l.Similarity([]byte(pr[0]), []byte(pr[1])); sp <= sl || sp <= 0.5 {
			t.Errorf("%s, %s: phrase model %.3f, letter model %.3f: want the phrase model higher, above 0.5", pr[0], pr[1], sp, sl)
		}
	}
	if got := p.Similarity([]byte("maxim"), []byte("doris")); got >= 0 {
		t.Errorf("Similarity(maxim, doris) = %.3f under the phrase model, want < 0", got)
	}
	// interpolated with a letter model, the phrase model still knows x → ks
	lm := TrainPhrases(phrasePairs, 10, PhraseOptions{Letters: true})
	im := NewPhraseScorer(Interpolate(m, lm, 0.5))
	if a, b := im.Similarity([]byte("maxim"), []byte("maksim")), NewPhraseScorer(lm).Similarity([]byte("maxim"), []byte("maksim")); a <= b {
		t.Errorf("interpolated %.3f ≤ letter model %.3f on maxim, maksim", a, b)
	}
	// the transposed model reads the other way
	tp := NewPhraseScorer(m.Transpose())
	if a, b := p.Similarity([]byte("felix"), []byte("feliks")), tp.Similarity([]byte("feliks"), []byte("felix")); math.Abs(a-b) > 1e-6 {
		t.Errorf("transposed %.6f, model %.6f", b, a)
	}
}

func TestInitialPMI(t *testing.T) {
	s := NewScorer(Train(trainPairs, 10).Normalize())
	if pmi, ok := s.InitialPMI([]byte("vera"), []byte("bera")); !ok || pmi <= 0 {
		t.Errorf("InitialPMI(vera, bera) = %.3f, %v: want v written b above chance", pmi, ok)
	}
	if pmi, ok := s.InitialPMI([]byte("vera"), []byte("kera")); !ok || pmi >= 0 {
		t.Errorf("InitialPMI(vera, kera) = %.3f, %v: want below chance", pmi, ok)
	}
	if _, ok := s.InitialPMI([]byte("anna"), []byte("hana")); ok {
		t.Error("InitialPMI(anna, hana) reports two consonants")
	}
}
