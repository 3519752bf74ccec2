package dedup

import (
	"cmp"
	"slices"
	"time"

	"github.com/eventdedup/eventdedup/dedup/internal/link"
)

// linkTopK is how many of a cluster's members a document is compared with:
// its link to the cluster is the mean of its k highest probabilities with
// them (with fewer members, their mean). Being like two members, not one,
// keeps a chain of related reports from joining one cluster. Measured in
// five arrival orders: with 1, dev-events BCubed F1 is 0.917–0.960 and the
// held-out set 0.943–1.000; with 2, 0.960 and 1.000; with 3, 0.960–0.964
// and 1.000 (titles alone alike).
const linkTopK = 2

// maxLinkMembers bounds the members of a cluster a document is compared
// with: those found by retrieval, the most alike first, then the newest. It
// bounds the work per document (eight candidate clusters of eight members:
// 64 pairs at most); the development sets have no cluster where more would
// change a decision, as the two highest probabilities come from the
// retrieved members.
const maxLinkMembers = 8

// link is a document's link to a cluster: the mean of its linkTopK highest
// probabilities with the cluster's members, and the member it is most like.
type clusterLink struct {
	cl      *openCluster
	score   float64
	best    *doc
	members []*doc // compared, in order of retrieval
}

// linkTo scores d against the members of cl, the retrieved ones (found, in
// order of retrieval) first.
func linkTo(d *doc, cl *openCluster, found []*doc, window time.Duration) clusterLink {
	members := make([]*doc, 0, maxLinkMembers)
	for _, m := range found {
		if len(members) == maxLinkMembers {
			break
		}
		if m.cl == cl {
			members = append(members, m)
		}
	}
	for i := len(cl.docs) - 1; i >= 0 && len(members) < maxLinkMembers; i-- {
		if m := cl.docs[i]; !slices.Contains(members, m) {
			members = append(members, m)
		}
	}
	ps := make([]float64, len(members))
	l := clusterLink{cl: cl, members: members}
	bestP := -1.0
	for i, m := range members {
		ps[i] = link.Prob(link.Features(d.Doc, m.Doc, window))
		if ps[i] > bestP {
			bestP, l.best = ps[i], m
		}
	}
	slices.SortFunc(ps, func(a, b float64) int { return cmp.Compare(b, a) })
	ps = ps[:min(len(ps), linkTopK)]
	for _, p := range ps {
		l.score += p
	}
	if len(ps) > 0 {
		l.score /= float64(len(ps))
	}
	return l
}

// evidenceWith returns what d shares with the members of the cluster it
// joins that it was compared with, spelled as the earliest of them writes
// it.
func evidenceWith(d *doc, members []*doc, tau time.Duration) Evidence {
	if len(members) == 0 {
		return Evidence{}
	}
	members = slices.Clone(members)
	slices.SortFunc(members, func(a, b *doc) int { return cmp.Compare(a.Seq, b.Seq) })
	keep := make([]*openCluster, len(members))
	one := newProfile()
	for i, m := range members {
		keep[i] = m.cl
		one.add(m)
	}
	for i, m := range members {
		m.cl = keep[i]
	}
	return one.similarity(d, tau, true).evidence()
}
