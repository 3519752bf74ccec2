// Package corpustest gives tests the development corpora, which are not part
// of the repository (they live in ../shared/corpus of the project's
// workspace), behind an explicit switch, as golang.org/x/text's -long flag
// does for its long tests.
//
// The tests that measure on a corpus run when the environment variable
// EVENTDEDUP_CORPUS names the corpus directory; a relative name is taken
// from the root of the module:
//
//	EVENTDEDUP_CORPUS=../shared/corpus go test ./...
//
// Without it they skip and say how to run them; with it, a corpus file that
// is missing fails them. An environment variable rather than a test flag,
// so that one "go test ./..." turns them on in every package.
package corpustest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Env is the environment variable that names the directory of the
// development corpora.
const Env = "EVENTDEDUP_CORPUS"

// Path returns the path of the named file of the development corpora. It
// skips tb when [Env] is not set, and fails it when the file is not in the
// directory that Env names.
func Path(tb testing.TB, name string) string {
	tb.Helper()
	dir := os.Getenv(Env)
	if dir == "" {
		tb.Skipf("measures on the development corpus %s: set %s to its directory to run them (e.g. %s=../shared/corpus)", name, Env, Env)
	}
	p, err := resolve(dir, name)
	if err != nil {
		tb.Fatalf("%s=%s: %v", Env, dir, err)
	}
	return p
}

// resolve returns the path of the file name in dir, relative to the module
// root when dir is relative, and an error when there is no such file.
func resolve(dir, name string) (string, error) {
	if !filepath.IsAbs(dir) {
		root, err := moduleRoot()
		if err != nil {
			return "", err
		}
		dir = filepath.Join(root, dir)
	}
	p := filepath.Join(dir, name)
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("the development corpus is missing: %w", err)
	}
	return p, nil
}

// moduleRoot returns the nearest directory holding a go.mod, from the
// current directory (a package's, under go test) up.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the current directory")
		}
		dir = parent
	}
}
