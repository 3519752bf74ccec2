//go:build ignore

// gen_han writes han.bin, the readings of Han characters used by Romanize:
// the Mandarin reading (pinyin without tones) and the Korean reading (a Hangul
// syllable) of every character that Unihan gives one for.
//
// Source: the Unicode Character Database's Unihan files Unihan_Readings.txt
// (fields kMandarin and kHangul) and Unihan_Variants.txt (a character without
// a Korean reading borrows that of its traditional, Z- or semantic variant),
// © Unicode, Inc., distributed under the Unicode License (see
// https://www.unicode.org/license.txt); Debian's unicode-data package installs
// them in /usr/share/unicode.
//
// Usage: go run gen_han.go [-unihan /usr/share/unicode] [-o han.bin]
//
// Format (little endian): "HAN1", uint16 n, n NUL-terminated syllables, uint32
// m, then m records of rune uint32, Mandarin syllable index uint16, Hangul
// syllable offset from U+AC00 uint16 (0xFFFF: none), sorted by rune.
package main

import (
	"bufio"
	"compress/bzip2"
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"log"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
	"unicode"
)

const none = 0xFFFF

func main() {
	dir := flag.String("unihan", "/usr/share/unicode", "directory holding Unihan_Readings.txt and Unihan_Variants.txt (or .bz2)")
	out := flag.String("o", "han.bin", "output file")
	flag.Parse()

	mandarin := map[rune]string{}
	hangul := map[rune]rune{}
	scan(*dir, "Unihan_Readings.txt", func(r rune, field, value string) {
		switch field {
		case "kMandarin":
			mandarin[r] = toneless(strings.Fields(value)[0])
		case "kHangul":
			h, _ := utf8.DecodeRuneInString(value)
			hangul[r] = h
		}
	})
	variants := map[rune][]rune{}
	scan(*dir, "Unihan_Variants.txt", func(r rune, field, value string) {
		switch field {
		case "kTraditionalVariant", "kZVariant", "kSemanticVariant", "kSimplifiedVariant":
			for _, f := range strings.Fields(value) {
				f, _, _ = strings.Cut(f, "<")
				if v, ok := parseCodePoint(f); ok && v != r {
					variants[r] = append(variants[r], v)
				}
			}
		}
	})
	borrowed := map[rune]rune{}
	for r, vs := range variants {
		if _, ok := hangul[r]; ok {
			continue
		}
		for _, v := range vs {
			if h, ok := hangul[v]; ok {
				borrowed[r] = h
				break
			}
		}
	}
	maps.Copy(hangul, borrowed)

	var syllables []string
	index := map[string]uint16{}
	for _, s := range mandarin {
		if _, ok := index[s]; !ok {
			index[s] = 0
			syllables = append(syllables, s)
		}
	}
	slices.Sort(syllables)
	for i, s := range syllables {
		index[s] = uint16(i)
	}
	var chars []rune
	seen := map[rune]bool{}
	for r := range mandarin {
		chars, seen[r] = append(chars, r), true
	}
	for r := range hangul {
		if !seen[r] {
			chars = append(chars, r)
		}
	}
	slices.Sort(chars)

	var b []byte
	b = append(b, "HAN1"...)
	b = binary.LittleEndian.AppendUint16(b, uint16(len(syllables)))
	for _, s := range syllables {
		b = append(b, s...)
		b = append(b, 0)
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(chars)))
	for _, r := range chars {
		m, h := uint16(none), uint16(none)
		if s, ok := mandarin[r]; ok {
			m = index[s]
		}
		if k, ok := hangul[r]; ok && k >= 0xAC00 && k <= 0xD7A3 {
			h = uint16(k - 0xAC00)
		}
		b = binary.LittleEndian.AppendUint32(b, uint32(r))
		b = binary.LittleEndian.AppendUint16(b, m)
		b = binary.LittleEndian.AppendUint16(b, h)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: %d characters, %d syllables, %d bytes\n", *out, len(chars), len(syllables), len(b))
}

// scan calls fn for each "U+XXXX<TAB>field<TAB>value" line of a Unihan file.
func scan(dir, name string, fn func(r rune, field, value string)) {
	var rd io.Reader
	f, err := os.Open(filepath.Join(dir, name))
	if err != nil {
		f, err = os.Open(filepath.Join(dir, name+".bz2"))
		if err != nil {
			log.Fatal(err)
		}
		rd = bzip2.NewReader(f)
	} else {
		rd = f
	}
	defer f.Close()
	sc := bufio.NewScanner(rd)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, "\t", 3)
		if len(parts) != 3 {
			continue
		}
		if r, ok := parseCodePoint(parts[0]); ok {
			fn(r, parts[1], parts[2])
		}
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
}

func parseCodePoint(s string) (rune, bool) {
	hex, ok := strings.CutPrefix(s, "U+")
	if !ok {
		return 0, false
	}
	v, err := strconv.ParseUint(hex, 16, 32)
	return rune(v), err == nil
}

// toneless removes tone marks: "lǜ" → "lu", "zhào" → "zhao".
func toneless(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, _ := transform.String(t, s)
	return out
}
