package specimen

import (
	_ "embed"
	"errors"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
)

// ocrbOTF is OCR-B by Matthew Skala (Debian fonts-ocr-b), public domain.
//
//go:embed fonts/OCRB.otf
var ocrbOTF []byte

var fonts = sync.OnceValues(func() (*typefaces, error) {
	var t typefaces
	var err error
	if t.regular, err = opentype.Parse(goregular.TTF); err != nil {
		return nil, err
	}
	t.bold, err = opentype.Parse(gobold.TTF)
	return &t, err
})

type typefaces struct{ regular, bold *opentype.Font }

// face returns f at a size given in millimetres (the em height) for an
// image of dpi dots per inch.
func face(f *opentype.Font, mm, dpi float64) (font.Face, error) {
	return opentype.NewFace(f, &opentype.FaceOptions{Size: mm / 25.4 * 72, DPI: dpi, Hinting: font.HintingNone})
}

var errNoGlyph = errors.New("specimen: OCR-B font lacks a glyph")
