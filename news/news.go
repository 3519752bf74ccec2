// Package news defines the news report that the other packages of this module
// read, cluster and compare. It imports nothing heavier than
// golang.org/x/text/language, so that a package that only reads or writes
// reports (such as jsonl) need not link the index and the analyzers.
package news

import (
	"time"

	"golang.org/x/text/language"
)

// Document is one news report.
type Document struct {
	// ID identifies the document; it must be non-empty.
	ID string
	// Title and Text are the headline and the body. Either may be empty, not
	// both.
	Title, Text string
	// Published is the publication time. The zero time means unknown: the
	// document is then compared without regard to time.
	Published time.Time
	// Source is the outlet, URL the address of the report, both optional
	// and kept as given. Package dedup does not use them for matching, nor
	// to tell a repeated id from a new document: it keeps them, for the
	// life of the Clusterer and in the index of one opened on a directory,
	// only to show them in its cluster view (dedup.Member); an Assignment
	// or a Comparison does not carry them.
	Source, URL string
	// Lang is an optional hint of the document's language; it is checked
	// against the text, not trusted blindly.
	Lang language.Tag
}
