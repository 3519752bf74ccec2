package dedup

import (
	"encoding/gob"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// stateFile is the cluster state of a persistent Clusterer, next to its index.
const stateFile = "state.gob"

// state is the persisted form of a Clusterer's cluster state.
type state struct {
	Version    int
	Seq        int
	Clusters   []*cluster
	DocCluster map[string]string
	DupOf      map[string]string
	Open       []*features // documents of open clusters
	N          int
	DF         map[string]int
	Watermark  time.Time
}

const stateVersion = 1

func (c *Clusterer) saveState() error {
	s := state{
		Version:    stateVersion,
		Seq:        c.seq,
		DocCluster: c.docCluster,
		DupOf:      c.dupOf,
		N:          c.st.n,
		DF:         c.st.df,
		Watermark:  c.watermark,
	}
	for _, id := range c.order {
		s.Clusters = append(s.Clusters, c.clusters[id])
	}
	for _, id := range c.order {
		for _, d := range c.clusters[id].Docs {
			if f := c.feats[d]; f != nil {
				s.Open = append(s.Open, f)
			}
		}
	}
	tmp, err := os.CreateTemp(c.dir, stateFile+".tmp*")
	if err != nil {
		return fmt.Errorf("dedup: save state: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := gob.NewEncoder(tmp).Encode(&s); err != nil {
		tmp.Close()
		return fmt.Errorf("dedup: save state: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("dedup: save state: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("dedup: save state: %w", err)
	}
	if err := os.Rename(tmp.Name(), filepath.Join(c.dir, stateFile)); err != nil {
		return fmt.Errorf("dedup: save state: %w", err)
	}
	return nil
}

func (c *Clusterer) loadState() error {
	fh, err := os.Open(filepath.Join(c.dir, stateFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("dedup: load state: %w", err)
	}
	defer fh.Close()
	var s state
	if err := gob.NewDecoder(fh).Decode(&s); err != nil {
		return fmt.Errorf("dedup: load state from %s: %w", fh.Name(), err)
	}
	if s.Version != stateVersion {
		return fmt.Errorf("dedup: state in %s has version %d, want %d", c.dir, s.Version, stateVersion)
	}
	c.seq = s.Seq
	for _, cl := range s.Clusters {
		c.clusters[cl.ID] = cl
		c.order = append(c.order, cl.ID)
	}
	if s.DocCluster != nil {
		c.docCluster = s.DocCluster
	}
	if s.DupOf != nil {
		c.dupOf = s.DupOf
	}
	for _, f := range s.Open {
		c.feats[f.ID] = f
	}
	c.st.n = s.N
	if s.DF != nil {
		c.st.df = s.DF
	}
	c.watermark = s.Watermark
	return nil
}
