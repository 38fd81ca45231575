package locate

import "image"

// LocatedLines exposes the locating pipeline to the external tests, which
// may import ocr/specimen (it imports ocr, which imports locate): the
// upright line images the recognizer would get, top line first, or nil
// when no MRZ was found.
func LocatedLines(img image.Image) []*image.Gray { return LocatedLinesAt(img, Views[0].CapPx) }

// LocatedLinesAt is LocatedLines with capitals capPx high.
func LocatedLinesAt(img image.Image, capPx float64) []*image.Gray {
	src := NewLuma(img)
	work, factor := Downsample(src)
	block, ok := locate(work)
	if !ok {
		return nil
	}
	out := make([]*image.Gray, len(block.Lines))
	for i, l := range block.Lines {
		at := i
		if block.Flipped {
			at = len(out) - 1 - i
		}
		out[at] = LineImage(src, factor, block.Frame, l, block.Flipped, capPx)
	}
	return out
}
