package jsonl

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Warnings about "published", which is read all the same.
var (
	// ErrNoZone is the warning for a date-time without a time zone, which
	// is read as UTC.
	ErrNoZone = errors.New(`"published" has no time zone: read as UTC`)
	// ErrUnknownZone is the warning for a date-time with a zone name that
	// is not known, or not unambiguous: it is read as UTC.
	ErrUnknownZone = errors.New(`"published" has an unknown time zone name, read as UTC`)
)

// The forms of "published" besides RFC 3339, tried in this order. Feed
// readers hand over RSS dates (RFC 822 and RFC 1123, with or without the
// day of the week, with a numeric offset or a zone name), databases
// date-times without a zone, and APIs Unix times.
var (
	// zonedLayouts carry their time zone, as an offset or a name.
	zonedLayouts = []string{
		time.RFC1123Z,                      // Mon, 02 Jan 2006 15:04:05 -0700
		time.RFC1123,                       // Mon, 02 Jan 2006 15:04:05 MST
		"Mon, 2 Jan 2006 15:04:05 -0700",   // RSS with a one-digit day
		"Mon, 2 Jan 2006 15:04:05 MST",     //
		"Mon, 2 Jan 2006 15:04 -0700",      // RFC 822: seconds are optional
		"Mon, 2 Jan 2006 15:04 MST",        //
		"Mon, 2 Jan 06 15:04:05 -0700",     // RFC 822: two-digit years
		"Mon, 2 Jan 06 15:04:05 MST",       //
		"Mon, 2 Jan 06 15:04 -0700",        //
		"Mon, 2 Jan 06 15:04 MST",          //
		"2 Jan 2006 15:04:05 -0700",        // without the day of the week
		"2 Jan 2006 15:04:05 MST",          //
		"2 Jan 2006 15:04 -0700",           //
		"2 Jan 2006 15:04 MST",             //
		"2 Jan 06 15:04:05 -0700",          //
		"2 Jan 06 15:04:05 MST",            //
		"2 Jan 06 15:04 -0700",             //
		"2 Jan 06 15:04 MST",               //
		"2006-01-02 15:04:05Z07:00",        // RFC 3339 with a space
		"2006-01-02T15:04:05Z0700",         // ISO 8601 basic offsets
		"2006-01-02 15:04:05Z0700",         //
		"2006-01-02T15:04Z07:00",           // no seconds
		"2006-01-02 15:04Z07:00",           //
		"Monday, 02-Jan-06 15:04:05 MST",   // RFC 850
		"Mon Jan _2 15:04:05 MST 2006",     // Unix date
		"Mon Jan _2 15:04:05 -0700 2006",   //
		"Mon, 02 Jan 2006 15:04:05 -07:00", // a colon in an RSS offset
		"20060102T150405Z0700",             // ISO 8601 basic format
	}
	// localLayouts have no zone: they are read as UTC, with a warning.
	localLayouts = []string{
		"2006-01-02T15:04:05",
		"2006-01-02 15:04:05",
		"2006-01-02T15:04",
		"2006-01-02 15:04",
		"20060102T150405",
	}
)

// zoneOffsets are the zone names of "published" that are read, in hours
// east of UTC: those of RFC 822 and the unambiguous abbreviations of news
// wires' home zones. Any other name is read as UTC with a warning (IST,
// BST or CST name zones hours apart).
var zoneOffsets = map[string]float64{
	"UT": 0, "UTC": 0, "GMT": 0, "Z": 0,
	"EST": -5, "EDT": -4, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, // RFC 822 (CST is also China's)
	"WET": 0, "WEST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3,
	"JST": 9, "KST": 9, "HKT": 8, "SGT": 8, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
}

// unixMillisFrom is the magnitude from which a Unix time is read in
// milliseconds rather than seconds: 1e11 seconds is the year 5138, 1e11
// milliseconds March 1973, so that every time of news in either unit,
// from 1973 to 5138, is read right.
const unixMillisFrom = 1e11

// unixLimit bounds Unix times in milliseconds: 253402300800000 is the year
// 10000, past the years that RFC 3339 can write.
const unixLimit = 253402300800000

// parsePublished reads the "published" of a document: RFC 3339 (the
// documented form), the other forms above, or a Unix time in seconds or
// milliseconds (a JSON number or a string of digits). A form without a zone
// gives its time in UTC and the warning ErrNoZone; a date alone is
// midnight UTC, without warning. Eight digits are a date (20220107), not
// Unix seconds of 1970. Fractional seconds are read in every form. The error, wrapping ErrBadTime, says why
// a value is not read.
func parsePublished(s string) (t time.Time, warning, err error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil, nil
	}
	// A date: ISO 8601, its basic form (which is also a number), or in
	// words.
	for _, layout := range [...]string{time.DateOnly, "20060102", "2 Jan 2006", "Jan 2, 2006", "2 January 2006", "January 2, 2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil, nil
		}
	}
	if isNumber(s) {
		t, err := unixTime(s)
		return t, nil, err
	}
	named := s // the names of RFC 822 that time.Parse does not read
	for _, z := range [...]string{" UT", " Z"} {
		if strings.HasSuffix(s, z) {
			named = strings.TrimSuffix(s, z) + " UTC"
		}
	}
	for _, layout := range zonedLayouts {
		if t, err := time.Parse(layout, named); err == nil {
			return zoned(t, layout)
		}
	}
	for _, layout := range localLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, ErrNoZone, nil
		}
	}
	return time.Time{}, nil, fmt.Errorf("%w: %q (want RFC 3339, an RSS date, a date, a date-time or a Unix time)", ErrBadTime, s)
}

// zoned checks the zone of a time read with a zone name: time.Parse gives
// an unknown name the offset 0, silently.
func zoned(t time.Time, layout string) (time.Time, error, error) {
	if !strings.Contains(layout, "MST") {
		return t, nil, nil
	}
	name, _ := t.Zone()
	h, ok := zoneOffsets[strings.ToUpper(name)]
	wall := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	if !ok {
		return wall, fmt.Errorf("%w: %q", ErrUnknownZone, name), nil
	}
	return wall.Add(-time.Duration(h * float64(time.Hour))).In(time.FixedZone(name, int(h*3600))), nil, nil
}

// isNumber reports whether s is a decimal number, maybe signed and with a
// fraction.
func isNumber(s string) bool {
	if _, err := strconv.ParseFloat(s, 64); err != nil {
		return false
	}
	for _, r := range s {
		if (r < '0' || r > '9') && r != '-' && r != '+' && r != '.' {
			return false // 1e9, Inf, NaN, hexadecimal: not a time
		}
	}
	return true
}

// unixTime reads a Unix time in seconds, or in milliseconds from
// unixMillisFrom on, with a fraction if any.
func unixTime(s string) (time.Time, error) {
	bad := func(why string) (time.Time, error) {
		return time.Time{}, fmt.Errorf("%w: %s: %s", ErrBadTime, s, why)
	}
	whole, frac, _ := strings.Cut(s, ".")
	n, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || math.Abs(float64(n)) >= unixLimit {
		return bad("a Unix time beyond the year 9999")
	}
	unit := time.Second
	if math.Abs(float64(n)) >= unixMillisFrom {
		unit = time.Millisecond
	}
	var nsec int64
	if frac != "" {
		f, err := strconv.ParseFloat("0."+frac, 64)
		if err != nil {
			return bad("not a number")
		}
		nsec = int64(math.Round(f * float64(unit)))
		if strings.HasPrefix(whole, "-") {
			nsec = -nsec
		}
	}
	var t time.Time
	if unit == time.Second {
		t = time.Unix(n, nsec)
	} else {
		t = time.UnixMilli(n).Add(time.Duration(nsec))
	}
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return bad("a Unix time beyond the years 1 to 9999")
	}
	return t.UTC(), nil
}
