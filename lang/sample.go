package lang

import (
	"unicode"
	"unicode/utf8"
)

// sample returns the parts of s that are read: all of s when it is at most
// n bytes long (or n <= 0), otherwise three windows of whole words taken from
// the beginning (half of n), the middle and the end (a quarter each). The
// beginning holds the title and the lead; the other windows keep a long
// preamble or a quotation in another language from deciding alone.
func sample(s string, n int) []string {
	if n <= 0 || len(s) <= n {
		return []string{s}
	}
	head := n / 2
	quarter := n / 4
	mid := max(head, len(s)/2-quarter/2)
	end := max(mid+quarter, len(s)-quarter)
	return []string{
		wordWindow(s, 0, head),
		wordWindow(s, mid, mid+quarter),
		wordWindow(s, end, len(s)),
	}
}

// wordWindow returns s[from:to] shrunk to whole words: a cut word at either
// end is dropped (unless the window is a single word).
func wordWindow(s string, from, to int) string {
	if from > 0 {
		if i := indexSpace(s[from:to]); i >= 0 {
			from += i
		}
	}
	if to < len(s) {
		if i := lastIndexSpace(s[from:to]); i > 0 {
			to = from + i
		}
	}
	for from < to && !utf8.RuneStart(s[from]) {
		from++
	}
	for to > from && to < len(s) && !utf8.RuneStart(s[to]) {
		to--
	}
	return s[from:to]
}

func indexSpace(s string) int {
	for i, r := range s {
		if unicode.IsSpace(r) {
			return i
		}
	}
	return -1
}

func lastIndexSpace(s string) int {
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if unicode.IsSpace(r) {
			return i
		}
	}
	return -1
}

// chunks cuts the windows into pieces of about n letters, each ending at a
// space (or at the end of its window), and calls yield with them in reading
// order: the first piece of every window, then the second of every window,
// and so on, so that early pieces come from all over the text. It stops when
// yield returns false.
func chunks(windows []string, n int, yield func(string) bool) {
	rest := append([]string(nil), windows...)
	for more := true; more; {
		more = false
		for i, w := range rest {
			if w == "" {
				continue
			}
			c, letters, tail := cutLetters(w, n)
			rest[i] = tail
			if letters > 0 && !yield(c) {
				return
			}
			more = more || rest[i] != ""
		}
	}
}

// cutLetters splits s after its n-th letter, at the next space, or after
// 2n letters in a script written without spaces. It returns the head, the
// number of letters in it and the tail.
func cutLetters(s string, n int) (head string, letters int, tail string) {
	for i, r := range s {
		switch {
		case unicode.IsLetter(r):
			if letters == 2*n {
				return s[:i], letters, s[i:]
			}
			letters++
		case letters >= n && unicode.IsSpace(r):
			return s[:i], letters, s[i:]
		}
	}
	return s, letters, ""
}
