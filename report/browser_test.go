package report_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/eventdedup/eventdedup/report"
)

// Environment variables of the browser test, in the manner of a -long switch:
// by default it runs when Chromium is installed and skips, saying why, when it
// is not, so that go test ./... passes on a fresh machine; with requireBrowser
// set to a non-empty value (as CI's script does, after installing Chromium) a
// missing browser fails it; noBrowser skips it even when Chromium is there.
const (
	requireBrowser = "EVENTDEDUP_BROWSER"
	noBrowser      = "EVENTDEDUP_NO_BROWSER"
)

// browserTimeout bounds one run of the browser: a cold start of Chromium
// takes 1–3 s on the 2-core development machine.
const browserTimeout = 2 * time.Minute

// chromium returns the path of a headless-capable Chromium, or skips the test
// (fails it when requireBrowser is set).
func chromium(t *testing.T) string {
	t.Helper()
	if os.Getenv(noBrowser) != "" {
		t.Skipf("%s is set", noBrowser)
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv(requireBrowser) != "" {
		t.Fatalf("chromium not found, and %s is set: install it (Debian: apt-get install chromium)", requireBrowser)
	}
	t.Skipf("chromium not found: install it (Debian: apt-get install chromium) to run this test; %s=1 makes its absence a failure", requireBrowser)
	return ""
}

// runBrowser runs headless Chromium on a page with a fresh profile, with the
// extra flags, and returns its standard output.
func runBrowser(t *testing.T, bin, page string, flags ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), browserTimeout)
	defer cancel()
	args := append([]string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir(),
	}, flags...)
	cmd := exec.CommandContext(ctx, bin, append(args, "file://"+page)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", bin, err, stderr.Bytes())
	}
	return stdout.Bytes()
}

// TestBrowser renders the report of the 2+2 set, with hostile documents
// added, in headless Chromium. In the DOM the page's script leaves, it
// checks that every event, member and timeline dot is there, that the
// script ran (it marks the body and builds the language filter), and that
// no script of the documents ran; then it takes a screenshot and checks it
// shows the page: many colours, among them each language's.
func TestBrowser(t *testing.T) {
	bin := chromium(t)
	events, docs := clusterFile(t, "twoplustwo.jsonl", hostile()...)
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	var b bytes.Buffer
	if err := report.WriteHTML(&b, events); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	dom := string(runBrowser(t, bin, page, "--dump-dom"))
	checkDOM(t, dom, events, len(docs))

	// The language filter, chosen in the address: the events without a
	// report in that language hidden, the members in others dimmed; and
	// the order by time.
	filtered := string(runBrowser(t, bin, page+"#lang=ko&order=time", "--dump-dom"))
	checkFilter(t, filtered, events, "ko")

	shot := filepath.Join(dir, "report.png")
	runBrowser(t, bin, page, "--screenshot="+shot, "--window-size=1200,1400", "--hide-scrollbars")
	checkScreenshot(t, shot, events)
	if dst := os.Getenv("EVENTDEDUP_SCREENSHOT"); dst != "" { // to look at it
		data, err := os.ReadFile(shot)
		if err == nil {
			err = os.WriteFile(dst, data, 0o644)
		}
		if err != nil {
			t.Error(err)
		}
	}
}

// escapeAttr escapes s as Chromium serializes an attribute value (< and >
// too, as browsers do since 2025).
func escapeAttr(s string) string {
	return strings.NewReplacer("&", "&amp;", `"`, "&quot;", "\u00a0", "&nbsp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// escapeAttrBefore2025 escapes s as Chromium serialized an attribute value
// before it escaped < and >.
func escapeAttrBefore2025(s string) string {
	return strings.NewReplacer("&", "&amp;", `"`, "&quot;", "\u00a0", "&nbsp;").Replace(s)
}

func checkDOM(t *testing.T, dom string, events []report.Event, docs int) {
	t.Helper()
	if !strings.Contains(dom, fmt.Sprintf(`data-ready="%d"`, len(events))) {
		t.Errorf("the page's script did not run to its end (no data-ready=%q on the body)", fmt.Sprint(len(events)))
	}
	if body := regexp.MustCompile(`<body[^>]*>`).FindString(dom); body == "" || strings.Contains(body, "data-pwned") {
		t.Errorf("a script of the documents ran, or the page has no body: %q", body)
	}
	if n := strings.Count(dom, "<script"); n != 1 {
		t.Errorf("%d script elements in the DOM, want the page's one", n)
	}
	if !strings.Contains(dom, "&lt;script&gt;document.body.setAttribute('data-pwned','title')&lt;/script&gt;&lt;b&gt;Flood&lt;/b&gt;") {
		t.Errorf("the hostile title is not shown as text")
	}
	// The sections, in page order: each event's members and timeline dots.
	sections := strings.Split(dom, `<section class="event"`)[1:]
	if len(sections) != len(events) {
		t.Fatalf("%d events in the DOM, want %d", len(sections), len(events))
	}
	members, dots := 0, 0
	for i, e := range events {
		s := sections[i]
		if !strings.HasPrefix(s, fmt.Sprintf(` id="event-%s"`, e.Cluster)) {
			t.Errorf("section %d is not event %s: %.80s", i, e.Cluster, s)
			continue
		}
		if !strings.Contains(s, fmt.Sprintf(`<svg class="timeline" data-cluster="%s"`, e.Cluster)) {
			t.Errorf("event %s has no timeline", e.Cluster)
		}
		for _, m := range e.Members {
			n := 0
			for _, id := range []string{escapeAttr(m.ID), escapeAttrBefore2025(m.ID)} {
				n = max(n, strings.Count(s, fmt.Sprintf(`data-id="%s" data-lang="%s"`, id, m.Lang)))
			}
			if n != 2 {
				// one <li> and one timeline dot
				t.Errorf("event %s: member %s is not listed once and drawn once", e.Cluster, m.ID)
				continue
			}
			members++
			dots++
		}
	}
	if members != docs {
		t.Errorf("%d members found in the DOM, want %d", members, docs)
	}
	for _, e := range events {
		for l := range e.Langs {
			if !regexp.MustCompile(`<option value="` + regexp.QuoteMeta(l) + `">`).MatchString(dom) {
				t.Errorf("the language filter has no option %q", l)
			}
		}
	}
	t.Logf("%d events, %d members, %d timeline dots in the DOM", len(sections), members, dots)
}

// checkFilter checks the DOM of the page filtered by language l and
// ordered by time.
func checkFilter(t *testing.T, dom string, events []report.Event, l string) {
	t.Helper()
	if !strings.Contains(dom, fmt.Sprintf(`data-ready="%d"`, len(events))) {
		t.Fatalf("the page did not run its script")
	}
	byID := make(map[string]report.Event)
	for _, e := range events {
		byID[e.Cluster] = e
	}
	sections := strings.Split(dom, `<section class="event"`)[1:]
	if len(sections) != len(events) {
		t.Fatalf("%d events in the filtered DOM, want %d", len(sections), len(events))
	}
	shown, last := 0, time.Time{}
	for _, s := range sections {
		id := regexp.MustCompile(`^ id="event-([^"]+)"`).FindStringSubmatch(s)
		if id == nil {
			t.Fatalf("a section without id: %.80s", s)
		}
		e := byID[id[1]]
		open, _, _ := strings.Cut(s, ">")
		hidden := strings.Contains(open, " hidden")
		if hidden != (e.Langs[l] == 0) {
			t.Errorf("filtered by %s, event %s (languages %v) hidden: %v", l, e.Cluster, e.Langs, hidden)
		}
		if !e.First.IsZero() && e.First.Before(last) {
			t.Errorf("ordered by time, event %s of %v after one of %v", e.Cluster, e.First, last)
		}
		last = e.First
		if hidden {
			continue
		}
		shown++
		for _, m := range regexp.MustCompile(`<li class="(member[^"]*)"[^>]*data-lang="([^"]+)"`).FindAllStringSubmatch(s, -1) {
			if dimmed := strings.Contains(" "+m[1]+" ", " dim "); dimmed != (m[2] != l) {
				t.Errorf("filtered by %s, event %s: a member in %s dimmed: %v", l, e.Cluster, m[2], dimmed)
			}
		}
	}
	if shown == 0 || shown == len(events) {
		t.Errorf("filtered by %s, %d of %d events shown: the filter shows nothing apart", l, shown, len(events))
	}
}

// minColors is the least number of distinct colours a screenshot of the
// page must have: a blank or unstyled page has a handful; the 2+2 report
// has thousands, from its text's anti-aliasing and its language colours.
const minColors = 200

func checkScreenshot(t *testing.T, path string, events []report.Event) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	colors := make(map[[3]uint8]int)
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			colors[rgb(img, x, y)]++
		}
	}
	if len(colors) < minColors {
		t.Errorf("the screenshot has %d colours, want at least %d: blank?", len(colors), minColors)
	}
	// Each language has its colour, on its chips and timeline dots.
	var page bytes.Buffer
	if err := report.WriteHTML(&page, events); err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`class="chip" style="background: (#[0-9a-f]{6})">([a-z]+)<`).FindAllStringSubmatch(page.String(), -1) {
		var c [3]uint8
		fmt.Sscanf(m[1], "#%02x%02x%02x", &c[0], &c[1], &c[2])
		if colors[c] < 20 {
			t.Errorf("language %s: its colour %s covers %d pixels of the screenshot", m[2], m[1], colors[c])
		}
	}
	t.Logf("screenshot %dx%d, %d colours", bounds.Dx(), bounds.Dy(), len(colors))
}

func rgb(img image.Image, x, y int) [3]uint8 {
	r, g, b, _ := img.At(x, y).RGBA()
	return [3]uint8{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8)}
}
