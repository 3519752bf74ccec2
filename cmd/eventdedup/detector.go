package main

import (
	"flag"
	"fmt"

	"github.com/eventdedup/eventdedup/lang"
)

// detection holds the flags that choose the language detector. detect and
// cluster (and report, eval) take the same flags with the same defaults,
// so that a document gets the same language from each.
type detection struct {
	accuracy string
	all      bool
}

// Accuracies of --accuracy.
const (
	accuracyLow    = "low"    // the letter model alone: lang.WithLowAccuracy
	accuracyMedium = "medium" // lingua's trigram models for open cases: lang.New()
	accuracyHigh   = "high"   // and its 1-5-gram models for open titles: lang.WithHighAccuracy
)

func (o *detection) flags(fs *flag.FlagSet) {
	fs.StringVar(&o.accuracy, "accuracy", accuracyLow, "language detection: `low` (the letter model alone: fast, small, as reliable on articles), "+
		"medium (lingua's trigram models for open cases: better on titles) or high (and its larger models for titles, 25-30 MB per language)")
	fs.BoolVar(&o.all, "all-languages", false, "detect among all 75 languages lingua knows instead of the major news languages")
}

// check reports whether --accuracy is one of the three.
func (o *detection) check() flagCheck {
	switch o.accuracy {
	case accuracyLow, accuracyMedium, accuracyHigh:
		return flagCheck{name: "accuracy"}
	}
	return flagCheck{"accuracy", fmt.Errorf("%q is not low, medium or high", o.accuracy)}
}

// detector returns the detector the flags choose.
func (o *detection) detector() *lang.Detector {
	var opts []lang.Option
	if o.all {
		opts = append(opts, lang.WithAllLanguages())
	}
	switch o.accuracy {
	case accuracyLow:
		opts = append(opts, lang.WithLowAccuracy())
	case accuracyHigh:
		opts = append(opts, lang.WithHighAccuracy())
	}
	return lang.New(opts...)
}
