package ocr

import "image"

// LocatedLines exposes the locating pipeline to the external tests, which
// may import ocr/specimen (it imports ocr): the upright line images the
// recognizer would get, top line first, or nil when no MRZ was found.
func LocatedLines(img image.Image) []*image.Gray { return LocatedLinesAt(img, lineCapPx[0]) }

// LocatedLinesAt is LocatedLines with capitals capPx high.
func LocatedLinesAt(img image.Image, capPx float64) []*image.Gray {
	src := newLuma(img)
	work, factor := downsample(src)
	block, ok := locate(work)
	if !ok {
		return nil
	}
	out := make([]*image.Gray, len(block.lines))
	for i, l := range block.lines {
		at := i
		if block.flipped {
			at = len(out) - 1 - i
		}
		out[at] = lineImage(src, factor, block.frame, l, block.flipped, capPx)
	}
	return out
}
