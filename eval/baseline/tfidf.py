#!/usr/bin/env python3
"""Reference baseline for event clustering: character 3-5 gram TF-IDF and
agglomerative clustering (average linkage, cosine distance).

It is the baseline the corpus README and issue figures are quoted against. It
reads documents as JSON Lines (id, title, text) and writes one line per
document in the form of `eventdedup cluster` ({"id", "cluster"}), so that
`eventdedup eval --gold GOLD --pred OUT` scores it like our own output.

Needs scikit-learn (Debian: `apt-get install -y python3-sklearn`, then run with
/usr/bin/python3). Usage:

    /usr/bin/python3 eval/baseline/tfidf.py --threshold 0.8 < docs.jsonl > pred.jsonl
    /usr/bin/python3 eval/baseline/tfidf.py --sweep --gold docs.jsonl   # best threshold on the file itself

--sweep picks the distance threshold with the best BCubed F1 on the gold file
itself, which flatters the baseline (it is tuned on what it is scored on).
"""
import argparse
import json
import sys
import time
from collections import Counter, defaultdict


def read(stream):
    docs = []
    for line in stream:
        line = line.strip()
        if line:
            docs.append(json.loads(line))
    return docs


def cluster(docs, threshold):
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [(d.get("title") or "") + "\n" + (d.get("text") or "") for d in docs]
    if len(docs) < 2:
        return list(range(len(docs)))
    x = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True).fit_transform(texts)
    # Rows are L2-normalised, so cosine distance is 1 - X·Xᵀ: computed from the
    # sparse matrix, it avoids a dense copy of the (large) n-gram vocabulary.
    dist = 1.0 - (x @ x.T).toarray()
    dist[dist < 0] = 0.0
    model = AgglomerativeClustering(n_clusters=None, distance_threshold=threshold,
                                    metric="precomputed", linkage="average")
    return list(model.fit_predict(dist))


def bcubed(gold, pred):
    by_g, by_p = defaultdict(set), defaultdict(set)
    for i, (g, p) in enumerate(zip(gold, pred)):
        by_g[g].add(i)
        by_p[p].add(i)
    prec = rec = 0.0
    for i, (g, p) in enumerate(zip(gold, pred)):
        both = len(by_g[g] & by_p[p])
        prec += both / len(by_p[p])
        rec += both / len(by_g[g])
    n = len(gold)
    prec, rec = prec / n, rec / n
    return prec, rec, 2 * prec * rec / (prec + rec)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threshold", type=float, default=0.8, help="cosine distance at which clusters stop merging")
    ap.add_argument("--sweep", action="store_true", help="print BCubed F1 for thresholds 0.50-0.95 on --gold")
    ap.add_argument("--gold", help="gold JSON Lines file (with event)")
    a = ap.parse_args()
    if a.sweep:
        with open(a.gold, encoding="utf-8") as f:
            docs = read(f)
        gold = [d["event"] for d in docs]
        for t in [x / 100 for x in range(50, 96, 5)]:
            p, r, f1 = bcubed(gold, cluster(docs, t))
            print(f"threshold {t:.2f}  BCubed P {p:.3f} R {r:.3f} F1 {f1:.3f}")
        return
    start = time.perf_counter()
    docs = read(sys.stdin)
    labels = cluster(docs, a.threshold)
    for d, l in zip(docs, labels):
        print(json.dumps({"id": str(d["id"]), "cluster": f"b{l}"}))
    print(f"baseline: {len(docs)} documents in {time.perf_counter() - start:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
