package dedup

// Weights of the link model (see link.go), fitted by TestFitLinkModel.
var linkWeights = [numFeatures]float64{
	featTerms: 4.072, featSurface: 1.784, featEnts: 8.410, featNames: 1.215, featPlaces: 1.142, featNumbers: 4.446, featCrossLang: 0.109, featCrossScript: 0.644, featGap: -9.608, featUndated: -2.284,
}

const linkBias = -2.143
