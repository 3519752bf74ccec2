package features

import (
	"strings"
	"sync"

	"github.com/eventdedup/eventdedup/normalize"
)

// calendarWords are the names of weekdays and months, and their common
// abbreviations, in the languages of Latin script that capitalise them
// inside a sentence (English; German, which capitalises every noun;
// Indonesian and Malay; Turkish in dates). Capitalised, they look like
// names, but "Friday" ties two reports of the same week, not of the same
// event. Languages that write them in lower case (French, Spanish, Italian,
// Dutch, Polish, Russian …) need no entry: lower-case words are not names.
// Words that are also common names are left out: May (Theresa May), Mai,
// Mei, Jan, Sun, August, and abbreviations that are English words.
const calendarWords = `
monday tuesday wednesday thursday friday saturday sunday
tue tues thur thurs
january february march april june july september october november december
feb apr jul sept oct nov dec
montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag
januar jänner februar märz juni juli oktober november dezember
senin selasa rabu kamis jumat sabtu minggu
januari februari maret juni juli agustus september oktober november desember
pazartesi salı çarşamba perşembe cuma cumartesi pazar
ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık
`

// calendar returns the folded calendar words.
var calendar = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(calendarWords) {
		m[normalize.Fold(w)] = true
	}
	return m
})

// isCalendarWord reports whether folded, a word folded by normalize.Fold, is
// the name of a weekday or a month.
func isCalendarWord(folded string) bool { return calendar()[folded] }
