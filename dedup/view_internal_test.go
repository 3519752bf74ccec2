package dedup

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSnippet(t *testing.T) {
	long := strings.Repeat("Winds of 98 mph hit Scotland. ", 20)
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"  Winds \n of\t98 mph.  ", "Winds of 98 mph."},
		{long, strings.Repeat("Winds of 98 mph hit Scotland. ", 5) + "Winds of …"},
		{strings.Repeat("ж", 200), strings.Repeat("ж", snippetBytes/2)},
	} {
		got := snippet(tc.in)
		if got != tc.want || !utf8.ValidString(got) || len(got) > snippetBytes+len(" …") {
			t.Errorf("snippet(%.30q…) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
