package dedup

// linkWeights and linkBias are the logistic link model (see link.go),
// fitted by TestFitLinkModel in fit_test.go, which reads the corpora and
// prints these constants:
//
//	go test ./dedup -run TestFitLinkModel -fit -v [-corpus ../../shared/corpus] [-heldout ../testdata/heldout-events.jsonl]
//
// on 14,805 labelled pairs of documents within the window of each other (or
// undated): all pairs of dev-events (268, 64 of one event) and of
// testdata/heldout-events.jsonl (135, 87), the pairs within each topic of
// ecbplus-dev and three pairs across topics for each document (7,009, 2,785
// of one event), and the same three sets reduced to their titles. Every set
// weighs the same and, within a set, the pairs of one event as much as the
// others; the L2 penalty is 0.001. Out of fold (five folds by topic: the
// ECB+ topic, or the event of a pair's first document), the pairs whose
// probability reaches 0.42, the best mean F1, have F1 0.962 on dev-events
// (P 0.940, R 0.984), 0.809 on ecbplus-dev (P 0.745, R 0.884), 0.915 on the
// held-out set, and from titles alone 0.748, 0.679 and 0.770. The weights
// are those of the fit on all the pairs.
var linkWeights = [numFeatures]float64{
	featTerms:        4.394,
	featSurface:      5.882,
	featEnts:         7.115,
	featNames:        0.534,
	featPlaces:       1.372,
	featNumbers:      3.652,
	featCrossLang:    0.391,
	featCrossScript:  0.588,
	featGap:          -7.961,
	featUndated:      -1.527,
	featShort:        2.497,
	featShortTerms:   3.324,
	featShortEnts:    -5.928,
	featShortSurface: 2.743,
}

// linkBias is the intercept of the link model (see linkWeights).
const linkBias = -2.289
