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
	featTerms:       4.072,
	featSurface:     1.784,
	featEnts:        8.410,
	featNames:       1.215,
	featPlaces:      1.142,
	featNumbers:     4.446,
	featCrossLang:   0.109,
	featCrossScript: 0.644,
	featGap:         -9.608,
	featUndated:     -2.284,
}

// linkBias is the intercept of the link model (see linkWeights).
const linkBias = -2.143
