package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReport runs the example on its hand-written data and checks the page
// it writes: one section per gold event of the 2+2 set (the clusters follow
// them on this set), every report listed, and the script and style inline.
func TestReport(t *testing.T) {
	out := filepath.Join(t.TempDir(), "events.html")
	var stdout bytes.Buffer
	if err := run(nil, out, &stdout); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join("..", "..", defaultData))
	if err != nil {
		t.Fatal(err)
	}
	events := make(map[string]bool)
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var d struct{ ID, Event string }
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatal(err)
		}
		events[d.Event] = true
		if !bytes.Contains(page, []byte(`<li class="member`)) || !bytes.Contains(page, []byte(`data-id="`+d.ID+`"`)) {
			t.Errorf("%s is not on the page", d.ID)
		}
	}
	if n := bytes.Count(page, []byte(`<section class="event"`)); n != len(events) {
		t.Errorf("%d events on the page, want %d", n, len(events))
	}
	if !strings.HasPrefix(stdout.String(), fmt.Sprintf("%d events written to ", len(events))) {
		t.Errorf("stdout %q", stdout.String())
	}
}
