package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"image/jpeg"
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
	// Go's encoder writes no JFIF segment: add one saying 300 dpi.
	jfif := []byte{0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 1, 0x01, 0x2C, 0x01, 0x2C, 0, 0}
	b := append(append(append([]byte{}, buf.Bytes()[:2]...), jfif...), buf.Bytes()[2:]...)
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
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

// TestCheckEvaluation is the calibration's second half: whether the MRZ
// reader reads each generated page, against the quality verdict without
// the MRZ check. See docs/quality.md.
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
	// label -> [MRZ read][verdict without MRZ: ok, warn, block]
	table := map[string]*[2][3]int{}
	var labels []string
	rank := map[scan.Level]int{scan.OK: 0, scan.Warn: 1, scan.Block: 2}
	missed := 0
	for _, r := range rows {
		var out, errOut bytes.Buffer
		checkFiles([]string{filepath.Join(*checkEval, r.file)}, true, scan.Checker{MRZ: reader}, mustCatalog("en"), &out, &errOut)
		var p checkPage
		if err := json.Unmarshal(out.Bytes(), &p); err != nil {
			t.Fatalf("%s: %v %s", r.file, err, errOut.String())
		}
		read, worst := 0, 0
		for _, c := range p.Checks {
			if c.Name == "mrz" {
				if c.Message == "scan.quality.mrz.ok" {
					read = 1
				}
				continue
			}
			worst = max(worst, rank[c.Level])
		}
		label := strings.SplitN(r.label, " ", 2)[0]
		if table[label] == nil {
			table[label] = &[2][3]int{}
			labels = append(labels, label)
		}
		table[label][read][worst]++
		if read == 0 && worst == 0 && !strings.HasPrefix(r.name, "blank") {
			missed++
			t.Logf("MRZ not read but no check flags it: %s", r.name)
		}
	}
	slices.Sort(labels)
	fmt.Println("| generated pages | MRZ read: ok / warn / block | MRZ not read: ok / warn / block |")
	fmt.Println("|---|---|---|")
	for _, l := range labels {
		c := table[l]
		fmt.Printf("| %s | %d / %d / %d | %d / %d / %d |\n", l, c[1][0], c[1][1], c[1][2], c[0][0], c[0][1], c[0][2])
	}
	fmt.Printf("pages the MRZ reader could not read that no image check flagged: %d of %d\n", missed, len(rows))
}

func TestCheckReadsTheMRZWithTheReader(t *testing.T) {
	t.Setenv("IDPRO_DATA", t.TempDir())
	reader, closeReader, err := newMRZReader()
	if err != nil {
		t.Fatal(err)
	}
	defer closeReader()
	img, err := specimen.Render(specimen.Random(5, specimen.Passport), specimen.RenderOptions{DPI: 300, Page: specimen.Card, Noise: 2, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 92}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "passport.jpg")
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
	if mrz == nil || mrz.Level != scan.OK || mrz.Message != "scan.quality.mrz.ok" || !strings.Contains(mrz.Text, "TD3") {
		t.Errorf("exit %d, mrz check %+v", code, mrz)
	}
}
