package jsonl

import (
	"encoding/json"
	"testing"
)

// TestID checks the ids of gold and prediction files: strings, numbers as
// written, null as "", and anything else an error.
func TestID(t *testing.T) {
	for in, want := range map[string]string{`"a1"`: "a1", `42`: "42", `1.5`: "1.5", `1e3`: "1000", `null`: ""} {
		var id ID
		if err := json.Unmarshal([]byte(in), &id); err != nil || string(id) != want {
			t.Errorf("ID from %s = %q, %v; want %q", in, id, err, want)
		}
	}
	for _, in := range []string{`true`, `{}`, `[1]`} {
		var id ID
		if err := json.Unmarshal([]byte(in), &id); err == nil {
			t.Errorf("ID from %s = %q, want an error", in, id)
		}
	}
}
