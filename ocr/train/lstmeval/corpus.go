package main

import (
	"fmt"
	"hash/fnv"
	"image"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/image/tiff"
)

// The groups lines are scored in. The halves split the real crops by the
// name of the photo they came from, exactly as cmd/mrzeval's halfOf does,
// so that figures here and there are on the same crops.
const (
	tuning    = "tuning"
	heldOut   = "held-out"
	allReal   = "all real"
	synthetic = "synthetic"
)

func halfOf(doc string) string {
	h := fnv.New32a()
	h.Write([]byte(doc))
	if h.Sum32()%2 == 0 {
		return tuning
	}
	return heldOut
}

type sample struct {
	name, half, truth string
	img               image.Image
}

// loadCorpus reads the crops of dir: every real one, and every
// synthEvery-th synthetic one (font_generate_*; none when 0).
func loadCorpus(dir string, synthEvery int) ([]sample, error) {
	truths, err := filepath.Glob(filepath.Join(dir, "*.gt.txt"))
	if err != nil {
		return nil, err
	}
	if len(truths) == 0 {
		return nil, fmt.Errorf("no *.gt.txt line crops in %s", dir)
	}
	sort.Strings(truths)
	var out []sample
	nSynth := 0
	for _, t := range truths {
		base := strings.TrimSuffix(t, ".gt.txt")
		name := filepath.Base(base)
		half := synthetic
		if strings.HasPrefix(name, "font_generate_") {
			nSynth++
			if synthEvery == 0 || nSynth%synthEvery != 0 {
				continue
			}
		} else {
			doc := name
			if i := strings.LastIndex(name, "-"); i > 0 {
				doc = name[:i]
			}
			half = halfOf(doc)
		}
		gt, err := os.ReadFile(t)
		if err != nil {
			return nil, err
		}
		f, err := os.Open(base + ".tif")
		if err != nil {
			return nil, err
		}
		img, err := tiff.Decode(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s.tif: %w", base, err)
		}
		out = append(out, sample{name: name, half: half, truth: strings.TrimSpace(string(gt)), img: img})
	}
	return out, nil
}
