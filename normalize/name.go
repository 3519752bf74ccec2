package normalize

import (
	"fmt"
	"strings"
)

// Name is a personal name parsed into its parts.
type Name struct {
	// Parts are the romanized words of the name, titles removed, in the order
	// written.
	Parts []string
	// Keys are the phonetic keys of Parts.
	Keys []string
}

// ParseName romanizes s, removes titles and honorifics, and computes the key of
// each remaining part.
func ParseName(s string) Name {
	var n Name
	for _, w := range strings.Fields(Romanize(stripTitles(s))) {
		if titleWords[w] {
			continue
		}
		k := keyLatin(w)
		if k == "" {
			continue
		}
		n.Parts = append(n.Parts, w)
		n.Keys = append(n.Keys, k)
	}
	return n
}

// stripTitles removes titles written in scripts without spaces, before
// romanization glues them to the name.
func stripTitles(s string) string {
	for _, t := range cjkTitles {
		s = strings.ReplaceAll(s, t, " ")
	}
	return s
}

// cjkTitles are titles that follow or precede names without a space in
// Chinese, Japanese and Korean.
var cjkTitles = []string{"国務長官", "国务卿", "外相", "首相", "大統領", "总统", "總統", "外交部长", "防衛相", "氏", "대통령", "장관"}

// titleWords are romanized title and honorific words that are not part of a
// name.
var titleWords = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "secretary": true, "minister": true, "president": true,
	"prime": true, "foreign": true, "defense": true, "defence": true, "state": true, "of": true, "former": true,
	"general": true, "un": true, "us": true, "senator": true, "chancellor": true, "king": true,
	"wzyr": true, "alkharjyh": true, "alra'ys": true, "ministr": true, "prezident": true, "gossekretar": true,
}

// Match is the outcome of comparing two names.
type Match struct {
	// Score is in [0, 1].
	Score float64
	// Same reports whether the names are judged to denote the same person.
	Same bool
	// Reason says which parts matched and how.
	Reason string
}

// Matcher compares personal names across scripts. The zero value is ready to
// use and safe for concurrent use.
type Matcher struct{}

// Match compares two names written in any script.
func (m Matcher) Match(a, b string) Match {
	return m.MatchNames(ParseName(a), ParseName(b))
}

// MatchNames compares two parsed names. A name matches another when every part
// of the shorter one has the key of a part of the longer one ("Blinken" and
// "Antony Blinken"); names glued together by scripts without spaces (布林肯) are
// compared as a whole too.
func (m Matcher) MatchNames(a, b Name) Match {
	if len(a.Keys) == 0 || len(b.Keys) == 0 {
		return Match{Reason: "empty name"}
	}
	if len(a.Keys) > len(b.Keys) {
		a, b = b, a
	}
	var reasons []string
	matched := 0
	used := make([]bool, len(b.Keys))
	for i, ka := range a.Keys {
		for j, kb := range b.Keys {
			if !used[j] && ka == kb {
				used[j] = true
				matched++
				reasons = append(reasons, fmt.Sprintf("%s=%s (%s)", a.Parts[i], b.Parts[j], ka))
				break
			}
		}
	}
	if matched < len(a.Keys) {
		ja, jb := strings.Join(a.Keys, ""), strings.Join(b.Keys, "")
		if ja == jb {
			return Match{Score: 1, Same: true, Reason: fmt.Sprintf("joined %s", ja)}
		}
	}
	score := float64(matched) / float64(len(a.Keys))
	// A single short key (two consonants) is weak evidence.
	if matched == 1 && len(a.Keys[0]) < 3 && len(b.Keys) > 1 {
		score *= 0.7
	}
	return Match{Score: score, Same: score >= 0.99, Reason: strings.Join(reasons, ", ")}
}
