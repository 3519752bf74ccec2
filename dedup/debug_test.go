package dedup

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"testing"
)

func TestDebugOrder(t *testing.T) {
	f, err := os.Open(os.Getenv("DBG_FILE"))
	if err != nil {
		t.Skip()
	}
	var docs []Document
	ev := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		d, _ := ParseJSON(sc.Bytes())
		var g struct{ Event string }
		json.Unmarshal(sc.Bytes(), &g)
		ev[d.ID] = g.Event
		docs = append(docs, d)
	}
	idx := make([]int, len(docs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return docs[a].Published.Compare(docs[b].Published) })
	var seed uint64
	fmt.Sscan(os.Getenv("DBG_SEED"), &seed)
	if seed > 0 {
		r := rand.New(rand.NewPCG(seed, 0))
		r.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
	}
	var th float64 = DefaultThreshold
	fmt.Sscan(os.Getenv("DBG_T"), &th)
	c, _ := New(WithThreshold(th))
	defer c.Close()
	members := map[string][]string{}
	for _, i := range idx {
		d := docs[i]
		p, _ := c.prepare(d)
		a, _ := c.commit(context.Background(), p)
		_ = cmp.Compare(1, 2)
		fmt.Printf("%s %-28s -> %s new=%v %.3f merged=%v", d.ID, ev[d.ID], a.Cluster, a.New, a.Score, a.Merged)
		// best link details
		fmt.Printf(" parts=%v\n", a.Evidence.Parts)
		members[c.Resolve(a.Cluster)] = append(members[c.Resolve(a.Cluster)], ev[d.ID])
	}
}
