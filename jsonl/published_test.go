package jsonl

import (
	"errors"
	"strconv"
	"testing"
	"time"
)

func TestParsePublished(t *testing.T) {
	utc := func(y int, mo time.Month, d, h, mi, s int) time.Time {
		return time.Date(y, mo, d, h, mi, s, 0, time.UTC)
	}
	at := utc(2022, 1, 7, 8, 5, 0)
	tests := []struct {
		in      string
		want    time.Time
		warning error // nil, ErrNoZone or ErrUnknownZone
	}{
		{"2022-01-07T08:05:00Z", at, nil},
		{"2022-01-07T17:05:00+09:00", at, nil},
		{"2022-01-07T08:05:00.250Z", at.Add(250 * time.Millisecond), nil},
		{" 2022-01-07T08:05:00Z ", at, nil},
		{"Fri, 07 Jan 2022 08:05:00 GMT", at, nil},
		{"Fri, 07 Jan 2022 03:05:00 -0500", at, nil},
		{"Fri, 07 Jan 2022 03:05:00 EST", at, nil},
		{"Fri, 7 Jan 2022 17:05:00 JST", at, nil},
		{"Fri, 7 Jan 2022 09:05 CET", at, nil},
		{"Fri, 07 Jan 22 08:05:00 UT", at, nil},
		{"07 Jan 2022 08:05:00 +0000", at, nil},
		{"7 Jan 2022 08:05 GMT", at, nil},
		{"Fri, 07 Jan 2022 03:05:00 -05:00", at, nil},
		{"Fri, 07 Jan 2022 08:05:00 XYZ", at, ErrUnknownZone},
		{"Fri, 07 Jan 2022 08:05:00 IST", at, ErrUnknownZone}, // India, Israel or Ireland
		{"Friday, 07-Jan-22 08:05:00 GMT", at, nil},
		{"Fri Jan  7 08:05:00 UTC 2022", at, nil},
		{"2022-01-07 08:05:00Z", at, nil},
		{"2022-01-07 11:05:00+03:00", at, nil},
		{"2022-01-07T11:05:00+0300", at, nil},
		{"2022-01-07T11:05+03:00", at, nil},
		{"20220107T080500Z", at, nil},
		{"2022-01-07", utc(2022, 1, 7, 0, 0, 0), nil},
		{"20220107", utc(2022, 1, 7, 0, 0, 0), nil},
		{"2022-01-07T08:05:00", at, ErrNoZone},
		{"2022-01-07 08:05:00", at, ErrNoZone},
		{"2022-01-07 08:05:00.5", at.Add(500 * time.Millisecond), ErrNoZone},
		{"2022-01-07T08:05", at, ErrNoZone},
		{"20220107T080500", at, ErrNoZone},
		{"1641542700", at, nil},
		{"1641542700000", at, nil},
		{"1641542700.25", at.Add(250 * time.Millisecond), nil},
		{"1641542700000.5", at.Add(500 * time.Microsecond), nil},
		{"0", time.Unix(0, 0).UTC(), nil},
		{"-86400", utc(1969, 12, 31, 0, 0, 0), nil},
		{"99999999999", time.Unix(99999999999, 0).UTC(), nil},     // the last second read as seconds (5138)
		{"100000000000", time.UnixMilli(100000000000).UTC(), nil}, // the first read as milliseconds (1973)
	}
	for _, tt := range tests {
		got, warning, err := parsePublished(tt.in)
		if err != nil || !got.Equal(tt.want) || !errors.Is(warning, tt.warning) || (warning == nil) != (tt.warning == nil) {
			t.Errorf("parsePublished(%q) = %v, warning %v, %v; want %v, warning %v", tt.in, got, warning, err, tt.want, tt.warning)
		}
	}
	for _, in := range []string{
		"", "last Friday", "2022-13-07", "2022-02-30", "07/01/2022", "1e9", "NaN", "Inf", "0x10",
		"99999999999999999999", "253402300800000", "-253402300800000", "Fri, 07 Jan 2022", "2022-01-07T25:00:00Z",
		"2022-01-07T08:05:00+25:00", "--1", "1.2.3",
	} {
		if got, _, err := parsePublished(in); !errors.Is(err, ErrBadTime) {
			t.Errorf("parsePublished(%q) = %v, %v; want ErrBadTime", in, got, err)
		}
	}
}

// publishedForms are ways to write an instant in the forms parsePublished
// reads: format writes t (in its own zone) and wantZone tells what is read
// back (true: the instant; false: the wall clock as UTC, with ErrNoZone),
// and what precision survives.
var publishedForms = []struct {
	name      string
	format    func(t time.Time) string
	zoned     bool
	precision time.Duration
}{
	{"RFC 3339", func(t time.Time) string { return t.Format(time.RFC3339Nano) }, true, 0},
	{"RFC 1123Z", func(t time.Time) string { return t.Format(time.RFC1123Z) }, true, time.Second},
	{"RSS one-digit day", func(t time.Time) string { return t.Format("Mon, 2 Jan 2006 15:04:05 -0700") }, true, time.Second},
	{"RFC 822 minutes", func(t time.Time) string { return t.Format("2 Jan 2006 15:04 -0700") }, true, time.Minute},
	{"ISO basic", func(t time.Time) string { return t.Format("20060102T150405Z0700") }, true, time.Second},
	{"space", func(t time.Time) string { return t.Format("2006-01-02 15:04:05.999999999Z07:00") }, true, 0},
	{"no zone", func(t time.Time) string { return t.Format("2006-01-02T15:04:05.999999999") }, false, 0},
	{"no zone, space", func(t time.Time) string { return t.Format("2006-01-02 15:04") }, false, time.Minute},
	{"Unix seconds", func(t time.Time) string { return strconv.FormatInt(t.Unix(), 10) }, true, time.Second},
	{"Unix milliseconds", func(t time.Time) string { return strconv.FormatInt(t.UnixMilli(), 10) }, true, time.Millisecond},
}

// FuzzPublished checks parsePublished on instants written in every form:
// what has a zone comes back as the same instant, to the precision of its
// form; what has none, as its wall clock in UTC with the warning
// ErrNoZone; a date alone as its midnight UTC. And any string read is read
// again, written as RFC 3339, as the same instant, without warning.
func FuzzPublished(f *testing.F) {
	f.Add(int64(1641542700), int64(0), int16(540), "")
	f.Add(int64(1641542700), int64(123456789), int16(-300), "Fri, 07 Jan 2022 03:05:00 EST")
	f.Add(int64(-86400), int64(5), int16(0), "2022-01-07T08:05")
	f.Add(int64(4102444800), int64(999999999), int16(-59), "1641542700000")
	f.Fuzz(func(t *testing.T, sec, nsec int64, offsetMinutes int16, s string) {
		// any string: read, or refused with ErrBadTime; and stable
		if got, _, err := parsePublished(s); err == nil {
			again, warning, err := parsePublished(got.Format(time.RFC3339Nano))
			if err != nil || warning != nil || !again.Equal(got) {
				t.Errorf("%q read as %v, which reads back as %v, %v, %v", s, got, again, warning, err)
			}
		} else if !errors.Is(err, ErrBadTime) {
			t.Errorf("%q: error %v does not wrap ErrBadTime", s, err)
		}
		// an instant between 1973 (where milliseconds start) and 5138,
		// in a zone within ±18 hours
		const lo, hi = unixMillisFrom / 1000, unixMillisFrom
		sec = lo + (sec%(hi-lo)+(hi-lo))%(hi-lo)
		at := time.Unix(sec, (nsec%1e9+1e9)%1e9).In(time.FixedZone("", int(offsetMinutes)%(18*60)*60))
		if at.Year() > 9999 {
			return
		}
		for _, form := range publishedForms {
			in := form.format(at)
			got, warning, err := parsePublished(in)
			if err != nil {
				t.Errorf("%s: %q: %v", form.name, in, err)
				continue
			}
			want := at.Truncate(form.precision) // Truncate(0) keeps at
			if form.precision > 0 && form.zoned {
				want = time.Unix(at.Unix(), 0).Truncate(form.precision)
				if form.precision == time.Millisecond {
					want = time.UnixMilli(at.UnixMilli())
				}
			}
			if !form.zoned {
				w := at
				if form.precision > 0 {
					w = time.Date(at.Year(), at.Month(), at.Day(), at.Hour(), at.Minute(), 0, 0, at.Location())
				}
				want = time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), w.Nanosecond(), time.UTC)
			}
			if !got.Equal(want) || form.zoned != (warning == nil) || !form.zoned && !errors.Is(warning, ErrNoZone) {
				t.Errorf("%s: %q read as %v, warning %v; want %v", form.name, in, got, warning, want)
			}
		}
		// the date alone
		day := at.Format(time.DateOnly)
		if got, warning, err := parsePublished(day); err != nil || warning != nil || got.Format(time.RFC3339) != day+"T00:00:00Z" {
			t.Errorf("%q read as %v, %v, %v", day, got, warning, err)
		}
	})
}
