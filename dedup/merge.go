package dedup

import (
	"slices"
)

// Merges. A document that links to a second cluster as strongly as to the
// one it joins (both links reach the threshold) may show that the two
// report one event, split early when their first reports had little in
// common. They merge when their linkage reaches the threshold too: the
// mean, over the newest members of each (maxLinkMembers at most), of their
// link to the other cluster. The older cluster (the lower number) survives
// and keeps its id; the absorbed id is reported once, in the Assignment of
// the document that bridged them (Merged), and Resolve maps it to the
// survivor from then on, across runs of a persistent Clusterer.

// Resolve returns the current id of a cluster: the id of the cluster it
// was merged into, following merges to the end. Any other string is
// returned as it is.
func (c *Clusterer) Resolve(id string) string {
	n := clusterSeq(id)
	if n < 1 {
		return id
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.merged == nil {
		return id
	}
	return clusterID(c.resolve(n))
}

// resolve returns the number of the cluster that cluster n is now part of.
func (c *Clusterer) resolve(n int) int {
	for {
		m, ok := c.merged[n]
		if !ok {
			return n
		}
		n = m
	}
}

// mergedInto returns n and the numbers of the clusters merged into it,
// directly or not.
func (c *Clusterer) mergedInto(n int) []int {
	out := []int{n}
	for m := range c.merged {
		if m != n && c.resolve(m) == n {
			out = append(out, m)
		}
	}
	slices.Sort(out)
	return out
}

// linkage is the mean link of the newest members of a to cluster b, and
// of those of b to a.
func linkage(a, b *openCluster, cfg config) float64 {
	sum, n := 0.0, 0
	for _, pair := range [...][2]*openCluster{{a, b}, {b, a}} {
		from, to := pair[0], pair[1]
		for i := len(from.docs) - 1; i >= 0 && i >= len(from.docs)-maxLinkMembers; i-- {
			sum += linkTo(from.docs[i], to, nil, cfg.window).score
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// mergeLinked merges into target, or target into, the other clusters that d
// links to at the threshold, when their linkage with target reaches it too.
// It returns the cluster d is in after the merges and the ids absorbed.
func (c *Clusterer) mergeLinked(target *openCluster, links []clusterLink) (*openCluster, []string) {
	var absorbed []string
	for _, l := range links {
		if l.cl == target || l.score < c.cfg.threshold || c.win.bySeq[l.cl.seq] != l.cl {
			continue
		}
		if linkage(target, l.cl, c.cfg) < c.cfg.threshold {
			continue
		}
		into, from := target, l.cl
		if from.seq < into.seq {
			into, from = from, into
		}
		c.win.absorb(into, from)
		c.merged[from.seq] = into.seq
		absorbed = append(absorbed, from.id)
		target = into
	}
	return target, absorbed
}
