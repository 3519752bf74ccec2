package dedup

// linkWeights and linkBias are the logistic link model (see link.go),
// fitted by TestFitLinkModel (go test ./dedup -run TestFitLinkModel -fit)
// on 7,412 labelled pairs within the window: dev-events (268 pairs, 64 of
// one event), ecbplus-dev (7,009, within each topic and across topics) and
// testdata/heldout-events.jsonl (135), every set weighing the same and,
// within a set, the pairs of one event as much as the others. Out of fold
// (five folds by topic), the pairs reaching 0.55 have F1 0.953 on
// dev-events, 0.797 on ecbplus-dev and 0.956 on the held-out set.
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
