package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestRunNames(t *testing.T) {
	in := "Antony Blinken\tブリンケン国務長官\n\nKim Jong Un\tKim Yo Jong\nno tab here\n"
	var out, errOut bytes.Buffer
	status := runNames(nil, strings.NewReader(in), &out, &errOut)
	if status != exitRejected {
		t.Errorf("status %d, want %d (a line without a tab)", status, exitRejected)
	}
	if !strings.Contains(errOut.String(), "line 4") {
		t.Errorf("stderr %q, want the bad line reported", errOut.String())
	}
	var got []namesOutput
	dec := json.NewDecoder(&out)
	for dec.More() {
		var o namesOutput
		if err := dec.Decode(&o); err != nil {
			t.Fatal(err)
		}
		got = append(got, o)
	}
	if len(got) != 2 || got[0].A != "Antony Blinken" || !got[0].Same || got[1].Same {
		t.Errorf("got %+v, want Blinken matched and Kim Jong Un / Kim Yo Jong not, in order", got)
	}
}
