package ocr

import (
	"image"
	"strings"
	"unicode"

	"github.com/idpro/idpro/app"
)

// Symbol is one character a recognizer read and where it stands.
type Symbol struct {
	Char rune
	// Box is the character's bounding box in the coordinates of the
	// image given to the recognizer.
	Box image.Rectangle
	// Conf is the recognizer's confidence, 0-100.
	Conf float64
}

// SymbolRecognizer is a Recognizer that can also return the box of each
// character it reads. The Reader and ReadLineImages use it when their
// recognizer has it, to settle by the glyph's shape the letters and
// digits OCR-B draws alike where no check digit can (see shape.go).
type SymbolRecognizer interface {
	RecognizeSymbols(img image.Image) ([]Symbol, error)
}

// lineReading is one recognizer pass over one line image.
type lineReading struct {
	text string
	img  image.Image
	// syms are text's characters, one each, with their boxes in img;
	// nil when the recognizer gives no boxes.
	syms []Symbol
}

// recognize reads one line image with rec, with its characters' boxes
// when rec can give them. Blanks are dropped: an MRZ has none.
func recognize(rec Recognizer, img image.Image) (lineReading, error) {
	sr, ok := rec.(SymbolRecognizer)
	if !ok {
		text, err := rec.RecognizeLine(img)
		if err != nil {
			return lineReading{}, app.Errorf("ocr.engine", err)
		}
		return lineReading{text: strings.Join(strings.Fields(text), ""), img: img}, nil
	}
	syms, err := sr.RecognizeSymbols(img)
	if err != nil {
		return lineReading{}, app.Errorf("ocr.engine", err)
	}
	out := lineReading{img: img, syms: make([]Symbol, 0, len(syms))}
	var text strings.Builder
	for _, s := range syms {
		if !unicode.IsSpace(s.Char) {
			out.syms = append(out.syms, s)
			text.WriteRune(s.Char)
		}
	}
	out.text = text.String()
	return out, nil
}
