package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestRunDispatch(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantStatus int
		wantOut    string // substring of stdout
		wantErr    string // stderr, a regular expression
	}{
		{"no command is a usage error", nil, exitUsage, "", `^eventdedup: no command given\nRun "eventdedup help" for the commands\.\n$`},
		{"help lists every command", []string{"--help"}, exitOK, "cluster", `^$`},
		{"help command", []string{"help"}, exitOK, "report", `^$`},
		{"help of a command", []string{"help", "cluster"}, exitOK, "duplicate_of", `^$`},
		{"help of an unknown command", []string{"help", "frobnicate"}, exitUsage, "", `^eventdedup: unknown command "frobnicate"\nRun "eventdedup help" for the commands\.\n$`},
		{"unknown command names itself", []string{"frobnicate"}, exitUsage, "", `^eventdedup: unknown command "frobnicate"\nRun "eventdedup help" for the commands\.\n$`},
		{"command help is not an error", []string{"cluster", "--help"}, exitOK, "duplicate_of", `^$`},
		{"command -h", []string{"report", "-h"}, exitOK, "headline", `^$`},
		{"version", []string{"--version"}, exitOK, "eventdedup ", `^$`},
		{"bad flag is a usage error in one line and a hint", []string{"cluster", "--no-such-flag"}, exitUsage, "",
			`^eventdedup cluster: flag provided but not defined: -no-such-flag\nRun "eventdedup cluster --help" for its usage\.\n$`},
		{"bad value", []string{"report", "--threshold", "x"}, exitUsage, "", `^eventdedup report: invalid value "x" for flag -threshold: parse error\nRun "eventdedup report --help" for its usage\.\n$`},
		{"out of range", []string{"cluster", "--threshold", "2"}, exitUsage, "", `^eventdedup cluster: invalid value for --threshold: .*\nRun "eventdedup cluster --help" for its usage\.\n$`},
		{"a missing file", []string{"detect", "no-such-file.jsonl"}, exitFailure, "", `^eventdedup detect: open no-such-file.jsonl: no such file or directory\n$`},
		{"eval without gold", []string{"eval"}, exitUsage, "", `^eventdedup eval: --gold is required\nRun "eventdedup eval --help" for its usage\.\n$`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			got := run(tt.args, strings.NewReader(""), &stdout, &stderr)
			if got != tt.wantStatus {
				t.Errorf("run(%q) = %d, want %d; stderr:\n%s", tt.args, got, tt.wantStatus, stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.wantOut) || tt.wantOut == "" && stdout.Len() > 0 {
				t.Errorf("run(%q) stdout does not contain %q:\n%s", tt.args, tt.wantOut, stdout.String())
			}
			if !regexp.MustCompile(tt.wantErr).MatchString(stderr.String()) {
				t.Errorf("run(%q) stderr does not match %q:\n%s", tt.args, tt.wantErr, stderr.String())
			}
		})
	}
}

func TestHelpListsStableCommands(t *testing.T) {
	var stdout bytes.Buffer
	run([]string{"help"}, strings.NewReader(""), &stdout, &bytes.Buffer{})
	for _, name := range []string{"cluster", "detect", "names", "compare", "eval", "report"} {
		if !strings.Contains(stdout.String(), "  "+name+" ") {
			t.Errorf("help does not list %q:\n%s", name, stdout.String())
		}
	}
}

// TestClusterContract checks the JSON Lines contract of the cluster command:
// one output object per valid input document, in input order, with id,
// cluster and lang; bad lines reported with their line number on stderr while
// every valid line is still processed; exit status 1 when a line was rejected.
func TestClusterContract(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "twoplustwo.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	valid := strings.Split(strings.TrimSpace(string(data)), "\n")
	// Interleave bad lines: malformed JSON, a missing id, an empty document.
	bad := map[int]string{
		2: `{"id": "broken", "title": `,
		5: `{"title": "no id here"}`,
		9: `{"id": "empty", "title": "", "text": ""}`,
	}
	var in []string
	var wantIDs []string
	for i, line := range valid {
		if b, ok := bad[len(in)+1]; ok {
			in = append(in, b)
		}
		in = append(in, line)
		var d struct{ ID string }
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatalf("testdata line %d: %v", i+1, err)
		}
		wantIDs = append(wantIDs, d.ID)
	}
	var stdout, stderr bytes.Buffer
	status := run([]string{"cluster"}, strings.NewReader(strings.Join(in, "\n")+"\n"), &stdout, &stderr)
	if status != exitRejected {
		t.Errorf("status = %d, want %d (lines were rejected)", status, exitRejected)
	}
	for n := range bad {
		if want := fmt.Sprintf("line %d", n); !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr does not report %q:\n%s", want, stderr.String())
		}
	}
	var gotIDs []string
	for i, line := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
		var o map[string]any
		if err := json.Unmarshal([]byte(line), &o); err != nil {
			t.Fatalf("output line %d is not JSON: %v", i+1, err)
		}
		for _, k := range []string{"id", "cluster", "lang"} {
			if s, _ := o[k].(string); s == "" {
				t.Errorf("output line %d has no %q: %s", i+1, k, line)
			}
		}
		gotIDs = append(gotIDs, o["id"].(string))
	}
	if strings.Join(gotIDs, " ") != strings.Join(wantIDs, " ") {
		t.Errorf("output ids, in order:\n got %v\nwant %v", gotIDs, wantIDs)
	}
}
