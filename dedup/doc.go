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
// the documents of the window, at the time the document is added, smoothed so
// that the first documents of a stream or a language are not all rare.
//
// # Scoring and clustering
//
// A document is compared with clusters, not single documents, so that chains
// of loosely related reports do not merge events. A cluster keeps the sums of
// its members' vectors: terms by language, surface words by script, entities.
// The similarity of a document to a cluster is
//
//   - in the document's language, the mean of the cosine of its terms with the
//     cluster's terms in that language and the cosine of its entities with the
//     cluster's entities (the terms alone when neither side names anything):
//     names and places on one side that the other never mentions count
//     against, which keeps related events apart (the US–Japan "2+2" of 7
//     January 2022 and the Japan–Australia pact signed the day before share
//     Japan, defence and a signature, not their ministers);
//   - in another language of the same script, the two cosines of surface words
//     and of entities combined as independent evidence: 1-(1-s)(1-e);
//   - otherwise, the cosine of entities;
//
// multiplied by a time factor 1/(1+(Δ/τ)²), where Δ is the time between the
// document and the cluster's reports and τ half the window. The document joins
// the most similar cluster when the similarity reaches the threshold
// ([WithThreshold]), and starts a new cluster otherwise.
//
// Candidate clusters come from an in-memory inverted index of the window: a
// document is looked up by its most informative terms, surface words and
// entities, among the reports published within the window before and after it
// ([WithWindow]). The work per document is bounded whatever the size of the
// window. Clusters whose newest report falls more than the retention behind the
// newest report seen ([WithRetention]), or the oldest when the window holds
// too many documents ([WithMaxDocs]), are closed: their features are
// forgotten, so memory stays bounded. A compact record of every document
// (id, cluster, copy of) is kept for the life of the Clusterer.
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
// tokens and day (searchable), its assignment and its weighted features, and
// with every batch of documents the state after the batch. Batches are written
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
// Assignments depend only on the order in which documents are added. A
// Clusterer is safe for concurrent use: features are extracted in parallel and
// documents are assigned one at a time, under a lock, in the order their
// Add calls take it (AddAll keeps stream order while extracting on all CPUs).
// After [Clusterer.Close], methods return [ErrClosed].
package dedup
