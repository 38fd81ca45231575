package ocr

import (
	"image"
	"math"
	"strings"
	"unicode"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/ocr/locate"
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
// digits OCR-B draws alike where no check digit can (see package ocr/shape).
type SymbolRecognizer interface {
	RecognizeSymbols(img image.Image) ([]Symbol, error)
}

// GlyphRecognizer is a Recognizer that can also read one glyph on its
// own, as one of the characters allowed. The reader uses it where the
// line's reading cannot be right: a glyph read as two characters, a
// character its field does not allow.
type GlyphRecognizer interface {
	RecognizeGlyph(img image.Image, allowed string) (rune, error)
}

// mrzAlphabet is every character an MRZ holds.
const mrzAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"

// rereadMerged reads again, as one glyph, each cell of p in which the
// recognizer read several characters.
func rereadMerged(gr GlyphRecognizer, img image.Image, p pitchedLine) error {
	for i, merged := range p.merged {
		if !merged {
			continue
		}
		c, err := readGlyph(gr, img, p.syms[i].Box, mrzAlphabet)
		if err != nil {
			return err
		}
		if c != 0 {
			p.syms[i].Char = c
		}
	}
	return nil
}

// glyphPx are the heights a glyph is read again at, in turn until one
// gives a character (0: as it is in the line). Tesseract's legacy
// classifier rejects many glyphs alone at the reader's capital heights
// (an I 36 px high is no character among A, C and I; at 54 px it is an
// I), and a few others only when scaled.
var glyphPx = [...]int{64, 0}

// readGlyph reads the glyph in box of img as one of allowed; 0 when no
// size gives one.
func readGlyph(gr GlyphRecognizer, img image.Image, box image.Rectangle, allowed string) (rune, error) {
	for _, px := range glyphPx {
		c, err := gr.RecognizeGlyph(cropGlyph(img, box, px), allowed)
		if err != nil || c != 0 {
			return c, err
		}
	}
	return 0, nil
}

// cropGlyph is the part of img in box as a grey image of its own, scaled
// up to px high (never down) with a white margin a quarter of its height
// wide.
func cropGlyph(img image.Image, box image.Rectangle, px int) *image.Gray {
	box = box.Intersect(img.Bounds())
	k := max(1, float64(px)/float64(max(1, box.Dy())))
	w, h := int(math.Round(float64(box.Dx())*k)), int(math.Round(float64(box.Dy())*k))
	m := max(2, h/4)
	out := image.NewGray(image.Rect(0, 0, w+2*m, h+2*m))
	l := locate.NewLuma(img)
	x0, y0 := float64(box.Min.X-l.Bounds().Min.X), float64(box.Min.Y-l.Bounds().Min.Y)
	for y := range out.Rect.Dy() {
		for x := range out.Rect.Dx() {
			v := 255.0
			if x >= m && x < m+w && y >= m && y < m+h {
				v = l.Sample(x0+(float64(x-m)+0.5)/k, y0+(float64(y-m)+0.5)/k)
			}
			out.Pix[y*out.Stride+x] = uint8(v + 0.5)
		}
	}
	return out
}

// lineReading is one recognizer pass over one line image.
type lineReading struct {
	text string
	img  image.Image
	// syms are text's characters, one each, with their boxes in img;
	// nil when the recognizer gives no boxes.
	syms []Symbol
}

// conf is the recognizer's confidence in the reading's least sure
// symbol: one misread glyph is what makes a line wrong.
func (r lineReading) conf() float64 {
	if len(r.syms) == 0 {
		return 0
	}
	m := 100.0
	for _, s := range r.syms {
		m = min(m, s.Conf)
	}
	return m
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
	if p, ok := alignToPitch(out.syms); ok {
		if gr, ok := rec.(GlyphRecognizer); ok {
			if err := rereadMerged(gr, img, p); err != nil {
				return lineReading{}, app.Errorf("ocr.engine", err)
			}
		}
		out.syms, out.text = p.syms, p.text()
	}
	return out, nil
}
