package report

import (
	"cmp"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"maps"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/eventdedup/eventdedup/dedup"
)

//go:embed page.html
var pageHTML string

//go:embed page.js
var pageJS string

// Option configures the HTML page.
type Option func(*pageOptions)

type pageOptions struct {
	title string
	now   func() time.Time
}

// WithTitle sets the title of the page (default "Events").
func WithTitle(s string) Option { return func(o *pageOptions) { o.title = s } }

// WithTime sets the time the page says it was made (default the current
// time); a fixed time makes the page reproducible.
func WithTime(t time.Time) Option {
	return func(o *pageOptions) { o.now = func() time.Time { return t } }
}

// WriteHTML writes one self-contained HTML page showing events in their
// order: for each its headline, a timeline (an SVG of its members on a time
// axis, coloured by language), its members with their copies, and the names
// and places that tie it; a control filters the page by language and
// another orders it by size or by time, both kept in the address
// (events.html#lang=ja&order=time). The page loads nothing: its style,
// script and pictures are inline, and its Content-Security-Policy forbids
// any other. Every text of the events is escaped: a title holding markup
// shows as text.
func WriteHTML(w io.Writer, events []Event, opts ...Option) error {
	o := pageOptions{title: "Events", now: time.Now}
	for _, opt := range opts {
		opt(&o)
	}
	t, err := template.New("page").Parse(pageHTML)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	sum := sha256.Sum256([]byte(pageJS))
	p := page{
		Title:     o.title,
		Generated: formatTime(o.now()),
		Script:    template.JS(pageJS),
		CSP: "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-" +
			base64.StdEncoding.EncodeToString(sum[:]) + "'",
		Events: len(events),
	}
	colors := languageColors(events)
	for _, code := range slices.Sorted(maps.Keys(colors)) {
		p.Langs = append(p.Langs, langCount{Code: code, Color: colors[code]})
	}
	for _, e := range events {
		p.Docs += e.Size
		p.List = append(p.List, newEventView(e, colors))
	}
	for i := range p.Langs {
		for _, e := range events {
			p.Langs[i].N += e.Langs[p.Langs[i].Code]
		}
	}
	if err := t.Execute(w, p); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

// page is what the template shows.
type page struct {
	Title, Generated string
	CSP              string
	Script           template.JS
	Events, Docs     int
	Langs            []langCount
	List             []eventView
}

type langCount struct {
	Code, Color string
	N           int
}

type eventView struct {
	Event
	FirstText, LastText string
	FirstUnix           string // for ordering by time; "" when undated
	LangAttr            string // the languages, space-separated
	LangList            []langCount
	Timeline            timeline
	Rows                []memberRow
}

type memberRow struct {
	dedup.Member
	Time   string
	Color  string
	Copies []memberRow
}

// palette colours languages, the most frequent first: Tableau 10, readable on
// white and told apart by most colour-blind readers, and two more.
var palette = [...]string{
	"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
	"#b07aa1", "#ff9da7", "#9c755f", "#17becf", "#8c564b", "#bcbd22",
}

// otherColor is the colour of the languages beyond the palette and of
// undetermined ones.
const otherColor = "#999999"

// languageColors gives each language of the events a colour.
func languageColors(events []Event) map[string]string {
	count := make(map[string]int)
	for _, e := range events {
		for l, n := range e.Langs {
			count[l] += n
		}
	}
	langs := slices.Collect(maps.Keys(count))
	slices.SortFunc(langs, func(a, b string) int { return cmp.Or(cmp.Compare(count[b], count[a]), cmp.Compare(a, b)) })
	colors := make(map[string]string, len(langs))
	i := 0
	for _, l := range langs {
		if l == "und" || i >= len(palette) {
			colors[l] = otherColor
			continue
		}
		colors[l] = palette[i]
		i++
	}
	return colors
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}

func newEventView(e Event, colors map[string]string) eventView {
	v := eventView{Event: e, FirstText: formatTime(e.First), LastText: formatTime(e.Last)}
	if !e.First.IsZero() {
		v.FirstUnix = fmt.Sprint(e.First.Unix())
	}
	langs := slices.Collect(maps.Keys(e.Langs))
	slices.SortFunc(langs, func(a, b string) int { return cmp.Or(cmp.Compare(e.Langs[b], e.Langs[a]), cmp.Compare(a, b)) })
	v.LangAttr = strings.Join(langs, " ")
	for _, l := range langs {
		v.LangList = append(v.LangList, langCount{Code: l, Color: colors[l], N: e.Langs[l]})
	}
	v.Timeline = newTimeline(e, langs, colors)
	v.Rows = memberRows(e.Members, colors)
	return v
}

// memberRows lists the members by publication time (undated last), each
// copy under the member it copies when that is in the event.
func memberRows(members []dedup.Member, colors map[string]string) []memberRow {
	sorted := slices.Clone(members)
	slices.SortStableFunc(sorted, func(a, b dedup.Member) int { return compareTime(a.Published, b.Published) })
	at := make(map[string]int) // row of each member that is no copy
	var rows []memberRow
	for _, m := range sorted {
		if m.DuplicateOf == "" {
			at[m.ID] = len(rows)
			rows = append(rows, memberRow{Member: m, Time: formatTime(m.Published), Color: colors[m.Lang]})
		}
	}
	for _, m := range sorted {
		if m.DuplicateOf == "" {
			continue
		}
		r := memberRow{Member: m, Time: formatTime(m.Published), Color: colors[m.Lang]}
		if i, ok := at[m.DuplicateOf]; ok {
			rows[i].Copies = append(rows[i].Copies, r)
		} else { // its original is in another cluster
			rows = append(rows, r)
		}
	}
	return rows
}

// Geometry of a timeline, in SVG user units (pixels at 100%).
const (
	timelineWidth = 640
	laneLabel     = 44 // left margin, for the language of each lane
	timelineRight = 16 // right margin
	laneHeight    = 18
	timelineTop   = 6
	axisSpace     = 30 // below the lanes: the axis and its labels
	dotRadius     = 5
)

// timeline is the SVG picture of an event's members in time: one lane per
// language, a dot per dated member.
type timeline struct {
	Width, Height  int
	AxisY, X0, X1  int
	Mid            int // the middle of the axis, between the labels of its ends
	LabelY         int
	Start, End     string
	Lanes          []lane
	Dots           []dot
	Undated, Dated int
}

type lane struct {
	Y           int
	Lang, Color string
}

type dot struct {
	X, Y                   float64
	ID, Lang, Color, Label string
	Copy                   bool
}

func newTimeline(e Event, langs []string, colors map[string]string) timeline {
	t := timeline{Width: timelineWidth, X0: laneLabel, X1: timelineWidth - timelineRight}
	t.Mid = (t.X0 + t.X1) / 2
	laneOf := make(map[string]int, len(langs))
	for i, l := range langs {
		laneOf[l] = i
		t.Lanes = append(t.Lanes, lane{Y: timelineTop + i*laneHeight + laneHeight/2, Lang: l, Color: colors[l]})
	}
	t.AxisY = timelineTop + len(langs)*laneHeight + 4
	t.LabelY = t.AxisY + 16
	t.Height = timelineTop + len(langs)*laneHeight + axisSpace
	t.Start, t.End = formatTime(e.First), formatTime(e.Last)
	span := e.Last.Sub(e.First)
	for _, m := range e.Members {
		if m.Published.IsZero() {
			t.Undated++
			continue
		}
		t.Dated++
		x := float64(t.X0+t.X1) / 2
		if span > 0 {
			x = float64(t.X0) + float64(t.X1-t.X0)*float64(m.Published.Sub(e.First))/float64(span)
		}
		label := formatTime(m.Published) + " · " + m.Lang + " · " + cmp.Or(m.Title, m.Snippet, m.ID)
		t.Dots = append(t.Dots, dot{
			X: math.Round(x*10) / 10, Y: float64(t.Lanes[laneOf[m.Lang]].Y), ID: m.ID, Lang: m.Lang, Color: colors[m.Lang],
			Label: label, Copy: m.DuplicateOf != "",
		})
	}
	return t
}
