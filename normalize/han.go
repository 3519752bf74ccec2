package normalize

import (
	_ "embed"
	"encoding/binary"
	"sort"
	"strings"
	"sync"
)

//go:generate go run gen_han.go -o han.bin

// hanData holds the Mandarin and Korean readings of Han characters, generated
// from the Unicode Unihan database by gen_han.go.
//
//go:embed han.bin
var hanData []byte

// hanTable is the decoded form of hanData.
type hanTable struct {
	syllables []string
	runes     []rune   // sorted
	readings  []uint32 // Mandarin syllable index << 16 | Hangul offset
	// common holds the readings of the CJK Unified Ideographs block,
	// U+4E00 to U+9FFF, by code point: nearly every character of a name.
	common []uint32
}

const (
	commonFirst = 0x4E00
	commonLast  = 0x9FFF
)

const hanNone = 0xFFFF

var hanOnce = sync.OnceValue(func() *hanTable {
	t := &hanTable{}
	b := hanData
	if len(b) < 6 || string(b[:4]) != "HAN1" {
		return t // a damaged table reads nothing; the fallback romanizer applies
	}
	n := int(binary.LittleEndian.Uint16(b[4:]))
	b = b[6:]
	for range n {
		i := strings.IndexByte(string(b), 0)
		if i < 0 {
			return &hanTable{}
		}
		t.syllables = append(t.syllables, string(b[:i]))
		b = b[i+1:]
	}
	if len(b) < 4 {
		return &hanTable{}
	}
	m := int(binary.LittleEndian.Uint32(b))
	b = b[4:]
	if len(b) < 8*m {
		return &hanTable{}
	}
	t.runes = make([]rune, m)
	t.readings = make([]uint32, m)
	for i := range m {
		rec := b[8*i:]
		t.runes[i] = rune(binary.LittleEndian.Uint32(rec))
		t.readings[i] = uint32(binary.LittleEndian.Uint16(rec[4:]))<<16 | uint32(binary.LittleEndian.Uint16(rec[6:]))
	}
	t.common = make([]uint32, commonLast-commonFirst+1)
	for i := range t.common {
		t.common[i] = hanNone<<16 | hanNone
	}
	for i, r := range t.runes {
		if r >= commonFirst && r <= commonLast {
			t.common[r-commonFirst] = t.readings[i]
		}
	}
	return t
})

// hanReadings returns the toneless pinyin and the Korean reading (a Hangul
// syllable) of a Han character; either is empty or zero when unknown.
func hanReadings(r rune) (pinyin string, hangul rune) {
	t := hanOnce()
	var v uint32
	if r >= commonFirst && r <= commonLast && len(t.common) > 0 {
		v = t.common[r-commonFirst]
	} else {
		i := sort.Search(len(t.runes), func(i int) bool { return t.runes[i] >= r })
		if i == len(t.runes) || t.runes[i] != r {
			return "", 0
		}
		v = t.readings[i]
	}
	if m := v >> 16; m != hanNone && int(m) < len(t.syllables) {
		pinyin = t.syllables[m]
	}
	if h := v & 0xFFFF; h != hanNone {
		hangul = 0xAC00 + rune(h)
	}
	return pinyin, hangul
}
