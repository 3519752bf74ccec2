package dedup

import (
	"time"

	"github.com/eventdedup/eventdedup/lang"
)

// Defaults.
const (
	// DefaultWindow is how far apart in publication time two reports of one
	// event may be.
	DefaultWindow = 72 * time.Hour
	// DefaultLateness is how late, in publication time behind the newest
	// report seen, a report may arrive and still find its clusters in
	// memory: a week. Later reports find them in the index (see
	// WithLateness).
	DefaultLateness = 7 * 24 * time.Hour
	// DefaultMaxDocs is how many documents the open clusters may hold. A
	// memory bound, not fitted: the development sets (under 1,000
	// documents) never reach it, so no quality figure depends on it; it
	// bounds the memory of the window on long streams (see README, the
	// 300,000-document run).
	DefaultMaxDocs = 20000
	// DefaultThreshold is the link, a probability of the link model (see
	// the package documentation), at which a document joins a cluster, and
	// at which groups of a block merge in its plan. The model's
	// cross-validation puts the best pair decision at 0.56, on a flat
	// optimum (mean out-of-fold pair F1 within 0.01 of its best from 0.33
	// to 0.69). Clustering in blocks (AddAll, eventdedup eval, every order
	// alike) was measured at 0.5, 0.6 and 0.7 (6 Dec 2026, the model where a
	// headline's first word is a name candidate): dev-events BCubed F1
	// 1.000, 1.000, 0.979, from titles 0.948, 0.948, 0.929; the held-out
	// set 1.000 at each, from titles 0.945, 0.934, 0.910; ECB+ 0.888
	// (P 0.895), 0.869 (P 0.900), 0.857 (P 0.902), from titles 0.746,
	// 0.690, 0.675; the SemEval documents as one dense stream, undated,
	// 0.884, 0.902, 0.916, from titles 0.745, 0.775, 0.809, and dated over
	// 30 days 0.963, 0.965, 0.966, from titles 0.911, 0.925, 0.933. 0.5
	// keeps the recall of ECB+ and of headlines across languages that
	// higher thresholds lose; dense feeds of headlines gain from 0.6 to 0.8
	// (see README, Choosing the threshold). One document at a time (Add),
	// dev-events is 0.960 at 0.5.
	DefaultThreshold = 0.5
	// DefaultSameScore is the graded Score at which Compare judges two
	// documents to report the same story (Comparison.Same). It was fitted (by
	// the fitsame program of this package's source) on the 738 rated
	// article pairs of SemEval-2022 Task 8
	// of the development corpus (semeval-pairs-dev): the least score at
	// which at most 4% of the pairs rated dissimilar (overall ≥ 3 of 4) are
	// judged the same, a margin under the 5% asked for, by 10-fold
	// cross-validation stratified by language pair and label, 5 seeds. With
	// the character n-grams weighing most within one language and least
	// across languages (their weights fitted by the same cross-validation,
	// see pairscore.CharsWeight in this package's source), in-sample it
	// judges the same 3.8% of the dissimilar pairs and 62.5% of the pairs of
	// one story (overall ≤ 1.5), out of fold 4.0% and 61.3% (60.2–62.5%;
	// with the weights chosen again in each training fold too, 4.1% and
	// 60.5%); the fold thresholds range over 0.595–0.62. The dissimilar pairs
	// stay at or under 5% from 0.595 up (63.6% of the same-story pairs
	// found; 56.8% at 0.62). With equal weights it found 55.1% in-sample,
	// 56.4% out of fold (6 Dec 2026). On all the pairs of dev-events it
	// judges the same 48 of the 64 pairs of one event (45 of 60 across
	// languages) and none of the 677 pairs of different events, whose
	// highest score is 0.43.
	DefaultSameScore = 0.60
	// DefaultDuplicate is the estimated Jaccard similarity of character
	// 5-gram sets at which a document is a near-verbatim copy of another.
	// It lies in the middle of the range where the planted copies of the
	// development sets are found, and they alone: on dev-events, the
	// held-out events and the 2+2 reports of testdata (five copies in all)
	// exactly they are flagged from 0.30 to 0.80, while 0.20 also flags a
	// report that copies none and 0.85 misses one. On the ECB+ development
	// topics the copies flagged fall from 63 at 0.30 to 14 at 0.80, none of
	// them across topics. (Measured with WithDuplicate on each file added
	// in order.)
	DefaultDuplicate = 0.6
	// DefaultBatchSize is how many documents are written to the index at
	// once. A work bound chosen for speed, not fitted: it changes no
	// assignment, only how often the index is written and how much a crash
	// may lose (the documents of the batches not yet written).
	DefaultBatchSize = 512
	// DefaultReorder is how many documents AddAll holds, clusters together
	// and assigns in order of publication (see WithReorder); a block also
	// ends at 2 MB of text, some 2,000 articles. A memory and latency bound,
	// not fitted: every development set (under 500 documents, 1 MB) fits in
	// one block, so their clusters do not depend on the order of arrival,
	// and so do 10,000 headlines (on 30,000 headlines of the speed corpus,
	// peak RSS 304 MB with blocks of 10,000, 293 MB with 4,096).
	DefaultReorder = 10000
	// DefaultMaxText is the length in bytes beyond which a document's title
	// and text are truncated (see WithMaxText): 1 MiB, some fifty times a
	// long article.
	DefaultMaxText = 1 << 20
)

// Option configures a Clusterer.
type Option func(*config)

type config struct {
	detector  *lang.Detector
	window    time.Duration
	lateness  time.Duration
	maxDocs   int
	threshold float64
	sameScore float64
	duplicate float64
	batchSize int
	maxText   int
	reorder   int
}

// WithDetector sets the language detector. The default detector,
// lang.New(lang.WithLowAccuracy()), decides with lang's letter model alone:
// a document's title and text together are long enough for it, it is as
// accurate as the other settings on articles, and it never loads lingua's
// models. Documents with a title only are better served by lang.New().
func WithDetector(d *lang.Detector) Option { return func(c *config) { c.detector = d } }

// WithWindow sets the time window within which reports can belong to one event
// (default DefaultWindow): a report is compared with the reports published
// within the window before and after it, joins only a cluster whose dated
// reports are within the window of it, and the time between two reports,
// in windows, is a feature of the link model.
func WithWindow(w time.Duration) Option { return func(c *config) { c.window = w } }

// WithLateness sets the allowed lateness (default DefaultLateness): how far
// behind the newest publication time seen (the watermark) a report may be
// published and still find its candidate clusters in memory. Clusters whose
// newest report is older than the watermark minus the window and the
// lateness are evicted from memory, which bounds it; a later report finds
// its candidates in the index, by its names and the days of its window, and
// the clusters it needs are loaded again. The lateness trades memory for
// index look-ups.
func WithLateness(l time.Duration) Option { return func(c *config) { c.lateness = l } }

// WithMaxDocs bounds the number of documents held by open clusters (default
// DefaultMaxDocs), and so memory, whatever the rate of the stream: beyond it,
// the clusters whose newest report is oldest are closed first.
func WithMaxDocs(n int) Option { return func(c *config) { c.maxDocs = n } }

// WithThreshold sets the link in [0, 1] (the probability of the link model
// that a document reports the event of a cluster) at which a document joins
// a cluster, and at which two clusters merge (default DefaultThreshold).
// Higher values make smaller, purer clusters.
func WithThreshold(t float64) Option { return func(c *config) { c.threshold = t } }

// WithSameScore sets the graded score in [0, 1] at which Compare and
// CompareAll judge two documents to report the same story (default
// DefaultSameScore). Lower values find more pairs of one story and judge
// more pairs of related stories the same; it does not affect clustering.
func WithSameScore(s float64) Option { return func(c *config) { c.sameScore = s } }

// WithDuplicate sets the estimated Jaccard similarity of character shingles
// at which a document is a near-verbatim copy of another (default
// DefaultDuplicate).
func WithDuplicate(j float64) Option { return func(c *config) { c.duplicate = j } }

// WithReorder sets how many documents AddAll (and AddBatch) hold, cluster
// together and assign in order of publication, undated ones last (default
// DefaultReorder; a block also ends at 2 MB of text). With 1 they are
// assigned one at a time in stream order, as Add assigns them; with more,
// the clusters of the documents of one block do not depend on the order
// they arrived in, at the cost of assigning them only when the block is
// full, the stream ends or pauses. Add is not affected. A negative n is an
// ErrInvalidOption; 0 is 1.
func WithReorder(n int) Option { return func(c *config) { c.reorder = n } }

// WithBatchSize sets how many documents are written to the index at once
// (default DefaultBatchSize; n must be positive). Writing happens in the background; larger
// batches index faster, and a crash loses at most the batches not yet written.
func WithBatchSize(n int) Option { return func(c *config) { c.batchSize = n } }

// WithMaxText sets the length in bytes beyond which a document's title and
// text are each truncated, at a character boundary, before they are
// analysed (default DefaultMaxText); the Assignment then has Truncated set.
// It bounds the time and memory one document can take.
func WithMaxText(n int) Option { return func(c *config) { c.maxText = n } }
