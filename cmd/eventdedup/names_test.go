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

func TestRunNamesLabelled(t *testing.T) {
	in := "# label\tlang\ta\tb\n1\tja\tBlinken\tブリンケン\n0\tja\tHayashi\tキシ\n1\tar\tBlinken\tبلينكن\n0\tar\tPutin\tبايدن\nbad line\n"
	var out, errOut bytes.Buffer
	status := runNames([]string{"--labelled"}, strings.NewReader(in), &out, &errOut)
	if status != exitRejected || !strings.Contains(errOut.String(), "line 6") {
		t.Errorf("status %d, stderr %q: want the bad line 6 reported", status, errOut.String())
	}
	got := out.String()
	for _, want := range []string{
		"ar               1   1.000         1       0   0.0000",
		"ja               1   1.000         1       0   0.0000",
		"all              2   1.000         2       0   0.0000",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output\n%s\nwant a line %q", got, want)
		}
	}
}
