package main

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/tiff"
)

func TestRenderedLinesLookLikeCorpusCrops(t *testing.T) {
	faces, err := loadFaces("go:bold")
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		img := renderLine("P<UTOERIKSSON<<ANNA<<<<<<<<<<<", faces.pick(r), randomDegradation(r), r)
		b := img.Bounds()
		if b.Dy() < 50 || b.Dy() > 75 {
			t.Errorf("line %d px high, want about 60 like the corpus's crops", b.Dy())
		}
		var ink int
		for _, v := range img.Pix {
			if v != 0 && v != 255 {
				t.Fatalf("grey value %d: lines must be binarised", v)
			}
			if v == 0 {
				ink++
			}
		}
		if ink == 0 {
			t.Error("no ink")
		}
	}
}

func TestWritePagesWritesATIFFAndABoxPerPage(t *testing.T) {
	faces, err := loadFaces("go:bold")
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	texts := []string{"IDD<<T220001293<<<<<<<<<<<<<<<", "6408125<2010315D<<<<<<<<<<<<<4"}
	var pages []page
	for _, s := range texts {
		pages = append(pages, page{s, renderLine(s, faces.pick(r), degradation{}, r)})
	}
	base := filepath.Join(t.TempDir(), "x")
	if err := writePages(base, pages); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(base + ".tif")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := tiff.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds() != pages[0].img.Bounds() {
		t.Errorf("first page %v, want %v", img.Bounds(), pages[0].img.Bounds())
	}
	box, err := os.ReadFile(base + ".box")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(box), "WordStr"); n != 2 || !strings.Contains(string(box), " 1 #"+texts[1]) {
		t.Errorf("box file:\n%s", box)
	}
}
