package corpustest

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestResolve(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.jsonl"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if p, err := resolve(dir, "a.jsonl"); err != nil || p != filepath.Join(dir, "a.jsonl") {
		t.Errorf("resolve(%q, a.jsonl) = %q, %v", dir, p, err)
	}
	if _, err := resolve(dir, "b.jsonl"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("resolve of a missing file: %v, want fs.ErrNotExist", err)
	}
	// relative to the module root, two levels up from this package
	p, err := resolve("internal", filepath.Join("corpustest", "corpustest.go"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil || !filepath.IsAbs(p) {
		t.Errorf("resolve(internal, corpustest/corpustest.go) = %q: %v", p, err)
	}
}

// TestPath checks the switch: off, Path skips; on, it finds a file. That a
// missing file fails the test is the error of resolve, checked above.
func TestPath(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.jsonl"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv(Env, dir)
	if p := Path(t, "a.jsonl"); p != filepath.Join(dir, "a.jsonl") {
		t.Errorf("Path = %q", p)
	}
	t.Setenv(Env, "")
	skipped := true
	t.Run("off", func(t *testing.T) {
		Path(t, "a.jsonl")
		skipped = false
	})
	if !skipped {
		t.Error("Path did not skip with the switch off")
	}
}
