// Package dedup clusters news reports that describe the same real-world event,
// online, across outlets, languages and scripts, and flags near-verbatim
// copies.
//
// A [Clusterer] takes documents one at a time ([Clusterer.Add]), as a stream
// ([Clusterer.AddAll]) or in batches ([Clusterer.AddBatch]), and assigns each
// to an event cluster with a stable id. [Clusterer.Compare] and
// [Clusterer.CompareAll] compare pairs of documents with the same features:
// they grade their similarity from unrelated to the same story
// ([Comparison.Score]) and decide whether the two tell the same story
// ([Comparison.Same]: the score reaching [DefaultSameScore], a threshold
// fitted on rated real article pairs to judge the same few of the pairs
// rated dissimilar; see [WithSameScore]). That decision is about two
// documents alone and cautious; it is not the clustering decision, which
// compares a document with the reports of a cluster.
//
// # Features
//
// For each document the language is detected (package lang) and three kinds of
// features are extracted:
//
//   - Terms: content words analyzed by bleve's analyzer for the language
//     (stop words removed, stemmed; CJK text as character bigrams), the
//     headline counted twice. They compare documents of one language.
//   - Surface words: the words as written, folded (package normalize) but not
//     stemmed, scoped by script, and the Han bigrams shared by Chinese and
//     Japanese. They compare documents in different languages of one script:
//     names, numbers, loanwords and cognates.
//   - Entities, which compare documents across scripts: names as phonetic keys
//     (normalize.Key: Blinken, بلينكن, ブリンケン and 布林肯 share one key),
//     countries and capitals standing for their governments, international
//     organisations (normalize's gazetteer), and numbers (digits of any
//     script; "2+2" kept whole). In cased scripts a name is a capitalised word
//     that the document does not also write in lower case, that does not only
//     start sentences, and that is not a title or a country; an acronym among
//     words in lower case is a name keyed by its letters. In scripts without
//     case (Arabic, Hebrew, Korean, katakana in Japanese, runs of
//     transcription characters in Chinese) any word is a weak candidate: it
//     counts only where it matches, at half weight, with a key of four or more
//     consonants, across languages; it becomes a name when a capitalised word
//     elsewhere in the window has its key (a short Arabic or Hebrew word only
//     when it spells out its vowels, as transcriptions do). Mentions in the
//     headline count more.
//
// Every feature is weighted by its rarity (inverse document frequency) among
// the documents in memory, at the time the document is added, smoothed so
// that the first documents of a stream or a language are not all rare.
//
// # Scoring and clustering
//
// Two documents are compared through a few similarities that mean the same
// in any pair of languages: the cosine of their content terms (one
// language), of their surface words (languages of one script), of their
// entities (any scripts: all of them, and names, places and numbers apart),
// the part of their entities' cosine made up by the event concepts their
// headlines share when their languages differ (a small hand-written
// multilingual lexicon: the earthquake of "Erdbeben", "زلزله" and "地震";
// counted with a shared name, place or number, or a second concept),
// the time between them, whether either is undated and, if so, how far
// apart the years they stand for are (a dated document's year of
// publication, an undated one's most named year), and how short the
// shorter is (a headline alone shares fewer words than an article). A
// logistic model turns them into the probability that the two report one
// event; its weights were fitted by cross-validation on labelled pairs of
// the development sets, whole and reduced to their titles, by the fitlink
// program kept with this package's source (a go:build ignore program that
// writes the weights).
//
// A document is compared with a cluster through its members, not a sum of
// them that would grow with every report until it covered a whole topic:
// its link to the cluster is the mean of its two highest probabilities with
// the cluster's members (one, for a cluster of one), among at most eight of
// them, those found by the candidate look-up first, then the newest. Being
// like two members, not one, keeps a chain of related reports out. The
// document joins the cluster of the strongest link when it reaches the
// threshold ([WithThreshold]), and starts a new cluster otherwise.
//
// When the document also links, at the threshold, to another cluster, and
// the two clusters' linkage reaches it too (the mean link of the newest
// members of each to the other), they merge: the older cluster keeps its id,
// the absorbed id is reported once, in the document's Assignment.Merged, and
// [Clusterer.Resolve] maps it to the survivor from then on. An early split,
// made before the report that ties two groups arrived, is repaired so.
//
// # Blocks
//
// [Clusterer.AddAll] and [Clusterer.AddBatch] hold the documents of a stream
// in blocks ([WithReorder]: [DefaultReorder] documents, or 2 MB of text, or
// what arrived before the stream paused for a second) and assign each block
// in order of publication, undated documents last, ties broken by content:
// within a block the clusters do not depend on the order of arrival. A block
// is first clustered as a whole: the two groups of its documents most
// strongly linked merge, while the link reaches the threshold; two groups of
// several documents are linked by the mean probability of all their pairs
// (average linkage), a document alone to a group by the mean of its two
// best pairs with it (pairs that share none of the documents' most
// informative keys count 0). The documents are then assigned in order: the first of a
// group as any document, to an older cluster or a new one, the rest of its
// group after it; a document is not linked to a cluster that took
// documents of the block the plan keeps apart from it. A chain of reports
// that each resemble the next, which a document-at-a-time assignment joins,
// stays apart unless most of its pairs link; on the development sets this
// kept every hard negative of dev-events apart and raised the precision of
// the ECB+ topics from 0.76 to 0.86. With WithReorder(1), and for
// [Clusterer.Add], documents are assigned one at a time as they come.
//
// # Event time
//
// Candidates come from an in-memory inverted index of the open clusters: a
// document is looked up by its most informative terms, surface words and
// entities, among the reports published within the window before and after
// its own publication time ([WithWindow]), and joins only a cluster whose
// dated members are within the window of it. The order of arrival does not
// enter: the watermark, the newest publication time seen, only decides what
// stays in memory. Clusters whose newest report is older than the watermark
// less the window and the allowed lateness ([WithLateness]), or the oldest
// when memory holds too many documents ([WithMaxDocs]), are evicted: their
// features leave memory, which stays bounded. A document published before
// the watermark less the lateness, a late report or a backfill, is first
// looked up in the index on disk by its most prominent entities and the
// days of its window, and the evicted clusters of the documents found are
// loaded again before it is weighted and compared: it clusters as if the
// stream had been sorted. A hash of every document's id and its cluster
// number (some 40 bytes) are kept for the life of the Clusterer; what the
// cluster view shows, and the assignment of a repeated id, are read back
// from the index.
//
// An undated document is compared with every open cluster regardless of
// time, and looked up in the index by its entities alone; for eviction it
// counts as published at the watermark when it arrives. A dated document
// finds an undated one while the latter is in memory, that is within the
// window and the lateness of the watermark at its arrival, or through the
// index when it is itself late.
//
// Every feature is weighted by its rarity among the documents in memory
// when its document is added; an evicted cluster is loaded again before a
// late document is weighted, so that the rarities are those of its time.
//
// # Near-duplicates
//
// A one-permutation MinHash of each document's letters and digits (case,
// spacing, punctuation, diacritics, zero-width and bidi characters ignored,
// and look-alike Cyrillic and Greek letters read as the Latin ones they
// imitate: see normalize.SkeletonRune) estimates the
// Jaccard similarity of their character 5-gram sets. A document whose
// estimate with a candidate reaches [DefaultDuplicate] ([WithDuplicate]) is a
// copy: it joins the cluster of the document it copies and its DuplicateOf
// names the earliest copy.
//
// # Persistence
//
// [Open] keeps a bleve scorch index in a directory: every document's entity
// tokens and day of publication (searchable), its cluster, its assignment and
// its weighted features, and with every batch of documents the state after
// the batch (the clusters in memory and the merges, so that Resolve answers
// across runs). Batches are written
// in the background; scorch applies each atomically and persists them in
// order, so after a crash, even a kill -9, the directory holds the state after
// some batch, and opening it again restores the window exactly: adding the rest
// of a stream then gives the same clusters, with the same ids, as one
// uninterrupted run. Adding a document whose id was added before, with the
// same title, text and publication time, returns its recorded assignment,
// marked Repeat, so an interrupted stream can be added again from its start;
// the same id with another content is rejected with [ErrReusedID]. [New] uses
// a temporary directory.
//
// # Bad input
//
// Add rejects a document without id or without title and text
// ([ErrInvalid]); it replaces invalid UTF-8 by U+FFFD and truncates titles
// and texts longer than [DefaultMaxText] ([WithMaxText]), setting
// Assignment.Truncated, and ignores a publication time more than a day after
// the time of Add, setting Assignment.IgnoredTime. Package jsonl reads
// documents from JSON Lines input, reporting each bad line and going on
// with the next.
//
// # Determinism and concurrency
//
// Assignments depend only on the order in which documents are added, and
// little on it: the quality tests measure every development set in time
// order, shuffled and grouped by source (eventdedup eval --orders). A
// Clusterer is safe for concurrent use: features are extracted in parallel and
// documents are assigned one at a time, under a lock, in the order their
// Add calls take it (AddAll keeps stream order while extracting on all CPUs).
// After [Clusterer.Close], methods return [ErrClosed].
package dedup
