package features

// Years named in a text: a run of exactly four digits (of any script) from
// MinYear to MaxYear, not part of a longer number ("2,000", "2008.5",
// "12008"). The year a text names most often is a lower bound of sorts on
// when an undated report was written, and on ECB+, whose older half is
// undated, two reports of one topic naming different years mostly report
// different events (the link model's YearGap feature).
const (
	MinYear = 1900
	MaxYear = 2099
)

// YearOf returns the year that title and text name most often, the latest
// of those named as often, or 0 when they name none.
func YearOf(title, text string) int {
	return yearOfDigits([...]string{digitsOf(title), digitsOf(text)})
}

// yearOfDigits is YearOf of title and text mapped by digitsOf.
func yearOfDigits(parts [2]string) int {
	var counts map[int]int
	best, bestN := 0, 0
	for _, s := range parts {
		yearsIn(s, func(y int) {
			if counts == nil {
				counts = make(map[int]int)
			}
			counts[y]++
			if n := counts[y]; n > bestN || n == bestN && y > best {
				best, bestN = y, n
			}
		})
	}
	return best
}

// yearsIn calls fn for every year in folded, text mapped by digitsOf.
func yearsIn(folded string, fn func(int)) {
	isDigit := func(i int) bool { return i >= 0 && i < len(folded) && folded[i] >= '0' && folded[i] <= '9' }
	// joined reports whether the separator at i joins a digit beyond it
	// (at i+step) to the run: "2,000", "2008.5".
	joined := func(i, step int) bool {
		return i >= 0 && i < len(folded) && (folded[i] == ',' || folded[i] == '.') && isDigit(i+step)
	}
	for i := 0; i < len(folded); {
		if !isDigit(i) {
			i++
			continue
		}
		end := i
		for isDigit(end) {
			end++
		}
		if !joined(i-1, -1) && !joined(end, 1) {
			if y, ok := year(folded[i:end]); ok {
				fn(y)
			}
		}
		i = end
	}
}

// year returns the year that n, ASCII digits, writes: four digits from
// MinYear to MaxYear.
func year(n string) (int, bool) {
	if len(n) != 4 {
		return 0, false
	}
	y := 0
	for _, c := range []byte(n) {
		if c < '0' || c > '9' {
			return 0, false
		}
		y = 10*y + int(c-'0')
	}
	return y, y >= MinYear && y <= MaxYear
}

// isYear reports whether n, a number as findNumbers writes it, is a year.
func isYear(n string) bool {
	_, ok := year(n)
	return ok
}
