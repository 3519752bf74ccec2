package dedup

// Weights of the link model (see link.go), fitted by TestFitLinkModel.
var linkWeights = [numFeatures]float64{
	featTerms: 8, featSurface: 6, featEnts: 6, featCrossLang: 0, featCrossScript: 0, featGap: -2, featUndated: 0,
}

const linkBias = -4.0
