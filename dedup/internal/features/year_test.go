package features

import (
	"testing"
	"time"

	"github.com/eventdedup/eventdedup/news"
)

func TestYearOf(t *testing.T) {
	for _, c := range []struct {
		title, text string
		want        int
		why         string
	}{
		{"", "", 0, "no text"},
		{"Cheeks fired", "The coach was fired on Saturday.", 0, "no number"},
		{"Election of 2008", "", 2008, "a year in the title"},
		{"", "Re-elected in 2005, fired in 2008 and again in 2008.", 2008, "the year named most often"},
		{"", "Between 2005 and 2008.", 2008, "a tie goes to the latest year"},
		{"", "2,000 troops and 2008.5 points, 12008 and 1500 people.", 0, "parts of longer numbers and out-of-range counts are no years"},
		{"", "Dec. 14, 2008.", 2008, "a year ending a sentence"},
		{"", "٢٠٢٢ محادثات", 2022, "Arabic-Indic digits"},
		{"", "２０２２年の協議", 2022, "full-width digits before a letter"},
	} {
		if got := YearOf(c.title, c.text); got != c.want {
			t.Errorf("%s: YearOf(%q, %q) = %d, want %d", c.why, c.title, c.text, got, c.want)
		}
	}
}

func TestYearsAreNoNumbers(t *testing.T) {
	x, err := NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	e, err := x.Extract(news.Document{ID: "a", Title: "Floods of 2020 leave 15 dead", Text: "In 2020, 2,000 homes and 1999 more were lost."}, "en")
	if err != nil {
		t.Fatal(err)
	}
	d := NewDoc("a", e, time.Time{})
	numbers := make(map[string]bool)
	for i, k := range d.EntKind {
		if k == KindNumber {
			numbers[d.EntKey[i]] = true
		}
	}
	for n, want := range map[string]bool{"15": true, "2000": true, "2020": false, "1999": false} {
		if numbers[n] != want {
			t.Errorf("number %s among the entities: %v, want %v (all: %v)", n, numbers[n], want, numbers)
		}
	}
	if d.Year != 2020 {
		t.Errorf("Year = %d, want 2020", d.Year)
	}
}

// FuzzYearOf checks that YearOf returns 0 or a year of the range, that the
// title and the text count alike, and that words without digits change
// nothing.
func FuzzYearOf(f *testing.F) {
	f.Add("Election of 2008", "Re-elected in 2005, fired in 2008.")
	f.Add("٢٠٢٢", "2,000 and 2008.5")
	f.Fuzz(func(t *testing.T, title, text string) {
		y := YearOf(title, text)
		if y != 0 && (y < MinYear || y > MaxYear) {
			t.Fatalf("YearOf(%q, %q) = %d, out of range", title, text, y)
		}
		if z := YearOf(text, title); z != y {
			t.Errorf("YearOf(%q, %q) = %d but swapped %d", title, text, y, z)
		}
		if z := YearOf(title+" talks", text); z != y {
			t.Errorf("a word without digits changed the year: %d, then %d", y, z)
		}
	})
}
