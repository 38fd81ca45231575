package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/disintegration/imaging"
	"github.com/idpro/idpro/ocr/specimen"
	"github.com/idpro/idpro/scan"
)

// writeSpecimen saves a generated ID card scan at 300 dpi, blurred by
// sigma pixels, as JPEG with its resolution in the JFIF header.
func writeSpecimen(t *testing.T, dir, name string, sigma float64) string {
	t.Helper()
	img, err := specimen.Render(specimen.Random(3, specimen.IDCard), specimen.RenderOptions{DPI: 300, Page: specimen.Card, Noise: 2, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if sigma > 0 {
		img = imaging.Blur(img, sigma)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 92}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, withJFIF(buf.Bytes(), 300), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func runCheckFiles(t *testing.T, asJSON bool, files ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := checkFiles(files, asJSON, scan.Checker{}, mustCatalog("en"), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestCheckPassesAGoodScanAndBlocksABlurredOne(t *testing.T) {
	dir := t.TempDir()
	good := writeSpecimen(t, dir, "good.jpg", 0)
	code, out, errOut := runCheckFiles(t, false, good)
	if code != 0 || !strings.Contains(out, "good.jpg: id-1, 300 dpi: OK") || !strings.Contains(out, "Resolution 300 dpi: good.") {
		t.Fatalf("good scan: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "not checked") {
		t.Errorf("no note that the MRZ check was skipped:\n%s", out)
	}

	blurred := writeSpecimen(t, dir, "blurred.jpg", 4)
	code, out, _ = runCheckFiles(t, true, blurred)
	if code != 1 {
		t.Fatalf("blurred scan: exit %d\n%s", code, out)
	}
	var p checkPage
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatal(err)
	}
	var sharp *checkEntry
	for i := range p.Checks {
		if p.Checks[i].Name == "sharpness" {
			sharp = &p.Checks[i]
		}
	}
	if p.Level != scan.Block || sharp == nil || sharp.Level != scan.Block || sharp.Value <= sharp.Threshold ||
		!strings.Contains(sharp.Text, "too blurred") {
		t.Errorf("blurred scan: %+v", p)
	}
}

func TestCheckIOErrors(t *testing.T) {
	dir := t.TempDir()
	good := writeSpecimen(t, dir, "good.jpg", 0)
	code, out, errOut := runCheckFiles(t, true, filepath.Join(dir, "missing.jpg"), good)
	if code != 2 || !strings.Contains(errOut, "missing.jpg") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	// The readable file is still checked.
	if n := strings.Count(out, "\n"); n != 2 {
		t.Errorf("want an error line and a page line, got:\n%s", out)
	}
}

func TestCheckUsage(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := runCheck(nil, nil, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "usage") {
		t.Errorf("exit %d, %q", code, errOut.String())
	}
}

var checkEval = flag.String("check-eval", "", "directory written by the scan calibration (-calibrate -write DIR): run idpro check with the MRZ reader on it and print how the verdicts compare with MRZ readability")

// defectCheck is the check that must name each defect of the set when it
// flags the page.
func defectCheck(label string) string {
	switch {
	case strings.HasPrefix(label, "clean"):
		return ""
	case strings.Contains(label, "blur"), strings.Contains(label, "motion"):
		return "sharpness"
	case strings.Contains(label, "dark"), strings.Contains(label, "bright"), strings.Contains(label, "dim"),
		strings.Contains(label, "vignette"), strings.Contains(label, "shadow"):
		return "exposure"
	case strings.Contains(label, "contrast"):
		return "contrast"
	case strings.Contains(label, "cut"):
		return "edges"
	case strings.Contains(label, "perspective"):
		return "" // a turned plane: no check of its own
	}
	return strings.SplitN(label, " (", 2)[0] // blank, glare, resolution
}

// TestCheckEvaluation holds the verdicts to what the MRZ reader reads on
// the generated set (docs/quality.md): no page whose MRZ is read is
// blocked, every page whose MRZ cannot be read is, and the check shown
// for a defective page is the defect's.
func TestCheckEvaluation(t *testing.T) {
	if *checkEval == "" {
		t.Skip("needs -check-eval DIR")
	}
	t.Setenv("IDPRO_DATA", t.TempDir())
	reader, closeReader, err := newMRZReader()
	if err != nil {
		t.Fatal(err)
	}
	defer closeReader()
	manifest, err := os.ReadFile(filepath.Join(*checkEval, "manifest.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	type row struct{ file, name, label, level string }
	var rows []row
	for _, l := range strings.Split(strings.TrimSpace(string(manifest)), "\n")[1:] {
		f := strings.Split(l, "\t")
		rows = append(rows, row{f[0], f[1], f[2], f[3]})
	}
	// label -> [MRZ read][verdict: ok, warn, block]; named: flagged
	// defective pages whose shown check is the defect's, of flagged.
	table := map[string]*[2][3]int{}
	named := map[string]*[2]int{}
	var labels []string
	rank := map[scan.Level]int{scan.OK: 0, scan.Warn: 1, scan.Block: 2}
	var readBlocked, unreadPassed, wrongCheck int
	for _, r := range rows {
		var out, errOut bytes.Buffer
		checkFiles([]string{filepath.Join(*checkEval, r.file)}, true, scan.Checker{MRZ: reader}, mustCatalog("en"), &out, &errOut)
		var p checkPage
		if err := json.Unmarshal(out.Bytes(), &p); err != nil {
			t.Fatalf("%s: %v %s", r.file, err, errOut.String())
		}
		read, shown := 0, ""
		for _, c := range p.Checks {
			if c.Name == "mrz" && (c.Message == "scan.quality.mrz.ok" || c.Message == "scan.quality.mrz.unchecked") {
				read = 1
			}
		}
		// The check the user is shown, unless it is only a note on how
		// the page was taken (no resolution in a photo, one guessed from
		// the document's shape, touching the edge), which clean captures
		// carry as well.
		c := entry(p, p.Worst)
		note := c.Message == "scan.quality.resolution.unknown" || c.Message == "scan.quality.edges.warn" ||
			c.Message == "scan.quality.resolution.warn" && c.Data["source"] == string(scan.DPIDocument)
		if p.Worst != "" && !note {
			shown = c.Name
			if c.Name == "mrz" {
				shown = strings.TrimPrefix(c.Message, "scan.quality.mrz.unreadable_")
			}
		}
		label := strings.SplitN(r.label, " (", 2)[0]
		if table[label] == nil {
			table[label] = &[2][3]int{}
			named[label] = &[2]int{}
			labels = append(labels, label)
		}
		table[label][read][rank[p.Level]]++
		if want := defectCheck(r.label); want != "" && shown != "" {
			named[label][1]++
			if shown == want {
				named[label][0]++
			} else {
				wrongCheck++
				t.Logf("%s: %s shows %q, not %q", r.name, p.Level, shown, want)
			}
		}
		switch {
		case read == 1 && p.Level == scan.Block:
			readBlocked++
			t.Errorf("MRZ read, yet blocked: %s: %+v", r.name, p.Checks)
		case read == 0 && p.Level != scan.Block:
			unreadPassed++
			t.Errorf("MRZ not read, yet not blocked: %s: %+v", r.name, p.Checks)
		}
	}
	slices.Sort(labels)
	fmt.Println("| generated pages | MRZ read: ok / warn / block | MRZ not read: ok / warn / block | shown check is the defect's |")
	fmt.Println("|---|---|---|---|")
	for _, l := range labels {
		c, n := table[l], named[l]
		share := "-"
		if n[1] > 0 {
			share = fmt.Sprintf("%d of %d", n[0], n[1])
		}
		fmt.Printf("| %s | %d / %d / %d | %d / %d / %d | %s |\n", l, c[1][0], c[1][1], c[1][2], c[0][0], c[0][1], c[0][2], share)
	}
	fmt.Printf("%d pages: MRZ read but blocked %d; MRZ not read but not blocked %d; shown another check than the defect's %d\n",
		len(rows), readBlocked, unreadPassed, wrongCheck)
}

// The MRZ check reads with the real reader: a passport's zone passes its
// check digits; a Swiss licence, which has none, is read and passes too,
// with a message that says so instead of "read with errors".
func TestCheckReadsTheMRZWithTheReader(t *testing.T) {
	t.Setenv("IDPRO_DATA", t.TempDir())
	reader, closeReader, err := newMRZReader()
	if err != nil {
		t.Fatal(err)
	}
	defer closeReader()
	for _, c := range []struct {
		kind    specimen.Kind
		message string
		format  string
	}{
		{specimen.Passport, "scan.quality.mrz.ok", "TD3"},
		{specimen.SwissLicence, "scan.quality.mrz.unchecked", "DL_CHE"},
	} {
		img, err := specimen.Render(specimen.Random(5, c.kind), specimen.RenderOptions{DPI: 300, Page: specimen.Card, Noise: 2, Seed: 5})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 92}); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "page.jpg")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		var out, errOut bytes.Buffer
		code := checkFiles([]string{path}, true, scan.Checker{MRZ: reader}, mustCatalog("en"), &out, &errOut)
		var p checkPage
		if err := json.Unmarshal(out.Bytes(), &p); err != nil {
			t.Fatalf("%v: %s %s", err, out.String(), errOut.String())
		}
		var mrz *checkEntry
		for i := range p.Checks {
			if p.Checks[i].Name == "mrz" {
				mrz = &p.Checks[i]
			}
		}
		if mrz == nil || mrz.Level != scan.OK || mrz.Message != c.message || !strings.Contains(mrz.Text, c.format) {
			t.Errorf("%s: exit %d, mrz check %+v", c.kind, code, mrz)
		}
	}
}

// degradedPage is a generated capture of one document with one defect,
// strong or medium, written as a JPEG stating its resolution.
type degradedPage struct {
	name string
	dpi  float64
	blur float64
	tone func(v float64) float64 // per channel, 0-255
	cut  float64                 // share of the width cut away on the right
}

func (d degradedPage) write(t *testing.T, dir string, kind specimen.Kind, seed uint64) string {
	t.Helper()
	dpi := d.dpi
	if dpi == 0 {
		dpi = 300
	}
	opt := specimen.RandomOptions(seed, specimen.Card, dpi)
	opt.Blur += d.blur
	src, err := specimen.Render(specimen.Random(seed, kind), opt)
	if err != nil {
		t.Fatal(err)
	}
	b := src.Bounds()
	img := image.NewNRGBA(image.Rect(0, 0, b.Dx()-int(d.cut*float64(b.Dx())), b.Dy()))
	draw.Draw(img, img.Rect, src, b.Min, draw.Src)
	if d.tone != nil {
		var lut [256]uint8
		for i := range lut {
			lut[i] = uint8(math.Max(0, math.Min(255, math.Round(d.tone(float64(i))))))
		}
		for i := 0; i < len(img.Pix); i += 4 {
			img.Pix[i], img.Pix[i+1], img.Pix[i+2] = lut[img.Pix[i]], lut[img.Pix[i+1]], lut[img.Pix[i+2]]
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 92}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, fmt.Sprintf("%s-%s-%d.jpg", d.name, kind, seed))
	if err := os.WriteFile(path, withJFIF(buf.Bytes(), int(dpi)), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// withJFIF gives a Go-encoded JPEG (which has no JFIF segment) one
// saying dpi, as scanners write.
func withJFIF(jpg []byte, dpi int) []byte {
	seg := []byte{0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 1, byte(dpi >> 8), byte(dpi), byte(dpi >> 8), byte(dpi), 0, 0}
	return append(append(append([]byte{}, jpg[:2]...), seg...), jpg[2:]...)
}

// TestCheckFlagsWhatTheMRZReaderCannotRead holds the quality checks to
// their promise against the real MRZ reader: a page whose MRZ the reader
// cannot read must be flagged (warn or block) by an image check, not only
// by the MRZ check, which an ID-1 side without an MRZ passes. The pages
// are documents carrying an MRZ on the side shown, with defects of medium
// and strong strength; the full set is TestCheckEvaluation's.
func TestCheckFlagsWhatTheMRZReaderCannotRead(t *testing.T) {
	if testing.Short() {
		t.Skip("renders documents and runs Tesseract")
	}
	t.Setenv("IDPRO_DATA", t.TempDir())
	reader, closeReader, err := newMRZReader()
	if err != nil {
		t.Fatal(err)
	}
	defer closeReader()
	defects := []degradedPage{
		{name: "dpi-110", dpi: 110}, {name: "dpi-80", dpi: 80},
		{name: "blur-2.5", blur: 2.5}, {name: "blur-4", blur: 4},
		{name: "dark-0.45", tone: func(v float64) float64 { return v * 0.45 }},
		{name: "dark-0.25", tone: func(v float64) float64 { return v * 0.25 }},
		{name: "bright-0.45", tone: func(v float64) float64 { return 255 - (255-v)*0.45 }},
		{name: "bright-0.2", tone: func(v float64) float64 { return 255 - (255-v)*0.2 }},
		{name: "flat-0.3", tone: func(v float64) float64 { return 160 + (v-160)*0.3 }},
		{name: "flat-0.15", tone: func(v float64) float64 { return 160 + (v-160)*0.15 }},
		{name: "cut-0.4", cut: 0.4},
	}
	dir := t.TempDir()
	unread := 0
	for i, kind := range []specimen.Kind{specimen.Passport, specimen.IDCard, specimen.TD2Card, specimen.VisaA} {
		for j, d := range defects {
			if (i+j)%2 == 1 {
				continue // every defect on two of the four kinds
			}
			path := d.write(t, dir, kind, uint64(300+j))
			var out, errOut bytes.Buffer
			checkFiles([]string{path}, true, scan.Checker{MRZ: reader}, mustCatalog("en"), &out, &errOut)
			var p checkPage
			if err := json.Unmarshal(out.Bytes(), &p); err != nil {
				t.Fatalf("%s: %v %s", path, err, errOut.String())
			}
			read, flagged := false, false
			for _, c := range p.Checks {
				if c.Name == "mrz" {
					read = c.Message == "scan.quality.mrz.ok"
				} else if c.Level != scan.OK {
					flagged = true
				}
			}
			if !read {
				unread++
				if !flagged {
					t.Errorf("%s: the MRZ reader cannot read it, yet no image check flags it: %+v", filepath.Base(path), p.Checks)
				}
			}
		}
	}
	// The set must hold pages the reader fails on, or it proves nothing.
	if unread == 0 {
		t.Fatal("the reader read every page: the defects are too weak to test anything")
	}
	t.Logf("%d of %d pages unreadable by the MRZ reader, all flagged", unread, len(defects)*2)
}

// The page of a file of several is named in the user's language.
func TestCheckNamesPagesInTheUsersLanguage(t *testing.T) {
	var out, errOut bytes.Buffer
	checkFiles([]string{"../../scan/testdata/two-pages.tif"}, false, scan.Checker{}, mustCatalog("nl"), &out, &errOut)
	if !strings.Contains(out.String(), "two-pages.tif, pagina 2:") || strings.Contains(out.String(), ", page ") {
		t.Errorf("stdout:\n%s\nstderr: %s", out.String(), errOut.String())
	}
}

// checkedPages runs idpro check with the real MRZ reader on files, as the
// pages of one request.
func checkedPages(t *testing.T, reader scan.MRZReader, files ...string) []checkPage {
	t.Helper()
	var out, errOut bytes.Buffer
	checkFiles(files, true, scan.Checker{MRZ: reader}, mustCatalog("en"), &out, &errOut)
	var pages []checkPage
	dec := json.NewDecoder(&out)
	for dec.More() {
		var p checkPage
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, p)
	}
	if len(pages) != len(files) {
		t.Fatalf("%d pages for %d files: %s", len(pages), len(files), errOut.String())
	}
	return pages
}

func entry(p checkPage, name string) checkEntry {
	for _, c := range p.Checks {
		if c.Name == name {
			return c
		}
	}
	return checkEntry{}
}

// writeJPEG saves img as a 300-dpi JPEG scan.
func writeJPEG(t *testing.T, dir, name string, img image.Image) string {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 92}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, withJFIF(buf.Bytes(), 300), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// The verdicts follow what the real MRZ reader reads (issue 16): a dark
// page whose MRZ reads is warned, not blocked; a blurred one whose MRZ
// cannot be read is blocked for its blur, with the MRZ check saying so;
// a passport page without an MRZ (observations, signature) passes beside
// the data page and is blocked alone.
func TestCheckVerdictsFollowTheMRZ(t *testing.T) {
	if testing.Short() {
		t.Skip("renders documents and runs Tesseract")
	}
	t.Setenv("IDPRO_DATA", t.TempDir())
	reader, closeReader, err := newMRZReader()
	if err != nil {
		t.Fatal(err)
	}
	defer closeReader()
	dir := t.TempDir()

	dark := degradedPage{name: "dark", tone: func(v float64) float64 { return v * 0.3 }}.write(t, dir, specimen.Passport, 301)
	p := checkedPages(t, reader, dark)[0]
	if p.Level == scan.Block || entry(p, "mrz").Message != "scan.quality.mrz.ok" || entry(p, "exposure").Level != scan.Warn {
		t.Errorf("dark page whose MRZ reads: %s, %+v", p.Level, p.Checks)
	}

	blurred := degradedPage{name: "blur", blur: 4}.write(t, dir, specimen.Passport, 302)
	p = checkedPages(t, reader, blurred)[0]
	if p.Level != scan.Block || entry(p, "sharpness").Level != scan.Block ||
		entry(p, "mrz").Message != "scan.quality.mrz.unreadable_sharpness" || !strings.Contains(entry(p, "mrz").Text, "blurred") {
		t.Errorf("blurred page: %s, %+v", p.Level, p.Checks)
	}

	doc := specimen.Random(303, specimen.Passport)
	data, err := specimen.Render(doc, specimen.RenderOptions{DPI: 300, Page: specimen.Card, Noise: 2, Seed: 303})
	if err != nil {
		t.Fatal(err)
	}
	other, _, err := specimen.Backdrop(doc, 300, 304)
	if err != nil {
		t.Fatal(err)
	}
	framed := image.NewRGBA(image.Rect(0, 0, other.Rect.Dx()+48, other.Rect.Dy()+48))
	draw.Draw(framed, framed.Rect, image.White, image.Point{}, draw.Src)
	draw.Draw(framed, other.Rect.Add(image.Pt(24, 24)), other, other.Rect.Min, draw.Src)
	dataPath, otherPath := writeJPEG(t, dir, "data.jpg", data), writeJPEG(t, dir, "observations.jpg", framed)
	pages := checkedPages(t, reader, dataPath, otherPath)
	if pages[0].Level == scan.Block || pages[1].Level == scan.Block || entry(pages[1], "mrz").Message != "scan.quality.mrz.other_page" {
		t.Errorf("data page %s, other page %s: %+v", pages[0].Level, pages[1].Level, pages[1].Checks)
	}
	if alone := checkedPages(t, reader, otherPath)[0]; alone.Level != scan.Block || entry(alone, "mrz").Message != "scan.quality.mrz.missing" {
		t.Errorf("passport page without an MRZ, alone: %s, %+v", alone.Level, alone.Checks)
	}
}
