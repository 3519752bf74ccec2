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
