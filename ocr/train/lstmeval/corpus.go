package main

import (
	"image"

	"github.com/idpro/idpro/ocr/corpus"
)

// The groups lines are scored in: the corpus's two halves of real crops
// (split by source photo, as cmd/mrzeval splits them), both together, and
// the synthetic lines.
const (
	tuning    = corpus.Tuning
	heldOut   = corpus.HeldOut
	allReal   = "all real"
	synthetic = "synthetic"
)

type sample struct {
	name, half, truth string
	img               image.Image
}

// loadCorpus reads the crops of dir: every real one, and every
// synthEvery-th synthetic one (font_generate_*; none when 0).
func loadCorpus(dir string, synthEvery int) ([]sample, error) {
	crops, err := corpus.List(dir)
	if err != nil {
		return nil, err
	}
	var out []sample
	nSynth := 0
	for _, c := range crops {
		half := c.Half()
		if c.Synthetic() {
			half = synthetic
			nSynth++
			if synthEvery == 0 || nSynth%synthEvery != 0 {
				continue
			}
		}
		img, err := c.Image()
		if err != nil {
			return nil, err
		}
		out = append(out, sample{name: c.Name, half: half, truth: c.Truth, img: img})
	}
	return out, nil
}
