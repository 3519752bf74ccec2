//go:build ignore

// gen_letters writes letters.bin: the letter (unigram) and letter pair
// (bigram) models of every language lingua-go knows, taken from the models
// embedded in the lingua-go module (Apache-2.0, see letters.go) and
// quantized. Run it with "go generate" in package lang; it reads the
// lingua-go version that go.mod requires.
//
// Format: the line "lingua-go <version> <n languages>\n", then for each
// language in lingua's order two tables, unigrams then bigrams (empty for a
// language alone in its script), each a
// uvarint count followed by entries sorted by key: the key as a uvarint
// delta from the previous key (a rune, or first<<21 | second), then one byte
// q with ln(probability) = -q/10.
package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pemistahl/lingua-go"
	"github.com/pemistahl/lingua-go/serialization"
	"google.golang.org/protobuf/proto"
)

func main() {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}} {{.Version}}", "github.com/pemistahl/lingua-go").Output()
	if err != nil {
		log.Fatalf("locating lingua-go: %v", err)
	}
	dir, version, _ := strings.Cut(strings.TrimSpace(string(out)), " ")
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "lingua-go %s %d\n", version, len(lingua.AllLanguages()))
	for _, l := range lingua.AllLanguages() {
		iso := strings.ToLower(l.IsoCode639_1().String())
		for _, name := range []string{"unigrams", "bigrams"} {
			model := readModel(filepath.Join(dir, "language-models", iso, name+".pb.bin.zip"))
			writeTable(&buf, model)
		}
	}
	if err := os.WriteFile("letters.bin", buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}

// readModel returns the n-gram probabilities of one lingua model file, keyed
// by a rune or by a pair of runes. lingua has no bigram models for the
// languages that are alone in their script: their table is empty.
func readModel(path string) map[uint64]float64 {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		log.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		log.Fatalf("%s: %v", path, err)
	}
	f, err := zr.File[0].Open()
	if err != nil {
		log.Fatalf("%s: %v", path, err)
	}
	defer f.Close()
	raw, err := io.ReadAll(bufio.NewReader(f))
	if err != nil {
		log.Fatalf("%s: %v", path, err)
	}
	var m serialization.SerializableLanguageModel
	if err := proto.Unmarshal(raw, &m); err != nil {
		log.Fatalf("%s: %v", path, err)
	}
	model := make(map[uint64]float64)
	for _, set := range m.NgramSets {
		for _, ngram := range set.Ngrams {
			var key uint64
			for _, r := range ngram {
				key = key<<21 | uint64(r)
			}
			model[key] = set.Probability
		}
	}
	return model
}

func writeTable(buf *bytes.Buffer, model map[uint64]float64) {
	keys := make([]uint64, 0, len(model))
	for k := range model {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	buf.Write(binary.AppendUvarint(nil, uint64(len(keys))))
	prev := uint64(0)
	for _, k := range keys {
		buf.Write(binary.AppendUvarint(nil, k-prev))
		prev = k
		q := math.Round(-math.Log(model[k]) * 10)
		buf.WriteByte(byte(min(max(q, 0), 255)))
	}
}
