package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	// Documents written for this test.
	input := strings.Join([]string{
		`{"id":"ja-title","title":"東証終値 三日続落"}`,
		`{"id":"ja-body","title":"日米首脳会談 来月開催","text":"政府は首脳会談を来月開く方向で調整している。"}`,
		`{"id":"ar-short","title":"انفجار في الميناء"}`,
		`{"id":"en","title":"Port strike ends","text":"Dock workers returned to work on Monday after their union accepted a new contract."}`,
		``,
		`{"title":"no id"}`,
		`{"id":"emoji","title":"🎉🔥 2024"}`,
		`{"id":"hint-rejected","lang":"de","text":"The central bank raised interest rates on Tuesday to curb inflation."}`,
		`{"id":"zh","text":"外交部发言人表示，中方愿与各方加强沟通。"}`,
	}, "\n")
	var stdout, stderr bytes.Buffer
	status := run([]string{"detect"}, strings.NewReader(input), &stdout, &stderr)
	if status != exitRejected {
		t.Errorf("status %d, want %d (one bad line)", status, exitRejected)
	}
	if !strings.Contains(stderr.String(), "line 6") {
		t.Errorf("stderr %q does not report line 6", stderr.String())
	}
	want := []struct{ id, lang string }{
		{"ja-title", "ja"}, {"ja-body", "ja"}, {"ar-short", "ar"}, {"en", "en"},
		{"emoji", "und"}, {"hint-rejected", "en"}, {"zh", "zh"},
	}
	dec := json.NewDecoder(&stdout)
	for _, w := range want {
		var got detectOutput
		if err := dec.Decode(&got); err != nil {
			t.Fatalf("reading the output for %s: %v", w.id, err)
		}
		if got.ID != w.id || got.Lang != w.lang {
			t.Errorf("got %+v, want id %s lang %s", got, w.id, w.lang)
		}
		if got.Confidence < 0 || got.Confidence > 1 || (got.Lang == "und") != (got.Confidence == 0) {
			t.Errorf("%s: confidence %v for %s", got.ID, got.Confidence, got.Lang)
		}
	}
	if dec.More() {
		t.Error("more output lines than valid input lines")
	}
}

func TestDetectFlags(t *testing.T) {
	var stdout, stderr bytes.Buffer
	input := `{"id":"ka","title":"ცენტრალურმა ბანკმა საპროცენტო განაკვეთი გაზარდა"}`
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"detect"}, `"lang":"und"`}, // Georgian is not a news language
		{[]string{"detect", "-all"}, `"lang":"ka"`},
		{[]string{"detect", "-all", "-low"}, `"lang":"ka"`},
		{[]string{"detect", "-high"}, `"lang":"und"`},
	} {
		stdout.Reset()
		if status := run(tc.args, strings.NewReader(input), &stdout, &stderr); status != exitOK {
			t.Errorf("%v: status %d, stderr %q", tc.args, status, stderr.String())
		}
		if !strings.Contains(stdout.String(), tc.want) {
			t.Errorf("%v: output %q, want %s", tc.args, stdout.String(), tc.want)
		}
	}
	if status := run([]string{"detect", "-help"}, strings.NewReader(""), &stdout, &stderr); status != exitOK {
		t.Errorf("-help: status %d", status)
	}
	if status := run([]string{"detect", "-nosuchflag"}, strings.NewReader(""), &stdout, &stderr); status != exitUsage {
		t.Errorf("bad flag: status %d, want %d", status, exitUsage)
	}
}

// TestDetectSameAsCluster checks that detect and cluster, given the same
// detector flags, give every document the same language: on titles, where
// the settings differ most.
func TestDetectSameAsCluster(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "lang-titles.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	in := strings.Join(lines[:min(len(lines), 140)], "\n")
	for _, flags := range [][]string{nil, {"--accuracy", "medium"}} {
		_, detected, stderr := runCmd(t, in, append([]string{"detect"}, flags...)...)
		_, clustered, stderr2 := runCmd(t, in, append([]string{"cluster"}, flags...)...)
		type out struct{ ID, Lang string }
		d, c := decodeLines[out](t, detected), decodeLines[out](t, clustered)
		c = slices.DeleteFunc(c, func(o out) bool { return o.ID == "" }) // merge lines
		if len(d) != len(c) || len(d) < 100 {
			t.Fatalf("%q: %d detected, %d clustered:\n%s\n%s", flags, len(d), len(c), stderr, stderr2)
		}
		for i := range d {
			if d[i] != c[i] {
				t.Errorf("%q: detect says %v, cluster %v", flags, d[i], c[i])
			}
		}
	}
}
