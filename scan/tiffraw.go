package scan

import (
	"encoding/binary"
	"image"
	"image/color"
)

// Uncompressed TIFF is what many flatbeds write: 105 MB for an A4 page at
// 600 dpi in colour. Decoded, it would take 140 MB more as RGBA, and the
// decoder's copy of a single-strip file as much again; read in place, a
// page costs its file and the working copy shrink makes of it.

// tiffLayout is how a TIFF page's samples lie: interleaved, 8 or 16 bits
// each, grey or RGB(A).
type tiffLayout struct {
	w, h, spp   int
	bps, hi     int // bytes a sample; index of its high byte
	whiteIsZero bool
}

// pixel reads the pixel at the start of p as 8-bit RGB into dst; a
// 16-bit sample counts by its high byte.
func (l tiffLayout) pixel(p []byte, dst []uint8) {
	if l.spp == 1 {
		v := p[l.hi]
		if l.whiteIsZero {
			v = 255 - v
		}
		dst[0], dst[1], dst[2] = v, v, v
		return
	}
	dst[0], dst[1], dst[2] = p[l.hi], p[l.bps+l.hi], p[2*l.bps+l.hi]
}

func (l tiffLayout) rowBytes() int { return l.w * l.spp * l.bps }

// tiffStrips is an uncompressed 8- or 16-bit TIFF page read in place:
// rows are sliced from the file's strips.
type tiffStrips struct {
	tiffLayout
	b            []byte
	offsets      []uint32
	rowsPerStrip int
}

// tiffRows returns the page of directory d read a row at a time when it
// is 8- or 16-bit grey or RGB(A) in one plane, uncompressed (read in
// place) or compressed by LZW, Deflate or PackBits (strip by strip), and
// its strips lie within the file; false otherwise (the decoder handles
// it).
func (t tiffFile) tiffRows(d ifd, w, h int) (rowSource, bool) {
	comp, ok := t.uint(d, 259)
	if !ok {
		comp = 1
	}
	if planar, ok := t.uint(d, 284); ok && planar != 1 {
		return nil, false
	}
	photo, _ := t.uint(d, 262)
	spp, ok := t.uint(d, 277)
	if !ok {
		spp = 1
	}
	switch {
	case (photo == 0 || photo == 1) && spp == 1, photo == 2 && (spp == 3 || spp == 4):
	default:
		return nil, false
	}
	bits := t.uints(d, 258)
	if len(bits) != int(spp) {
		return nil, false
	}
	for _, v := range bits {
		if v != bits[0] || v != 8 && v != 16 {
			return nil, false
		}
	}
	l := tiffLayout{w: w, h: h, spp: int(spp), bps: int(bits[0]) / 8, whiteIsZero: photo == 0}
	if l.bps == 2 && t.bo == binary.LittleEndian {
		l.hi = 1
	}
	rps, ok := t.uint(d, 278)
	if !ok || int(rps) > h || rps == 0 {
		rps = uint32(h)
	}
	offsets, counts := t.uints(d, 273), t.uints(d, 279)
	strips := (h + int(rps) - 1) / int(rps)
	if len(offsets) != strips || len(counts) != strips || w <= 0 || h <= 0 {
		return nil, false
	}
	for i, off := range offsets {
		size := uint64(counts[i])
		if comp == 1 {
			// The rows, not the count a writer may round, must fit.
			size = uint64(min(int(rps), h-i*int(rps))) * uint64(l.rowBytes())
			if uint64(counts[i]) < size {
				return nil, false
			}
		}
		if uint64(off)+size > uint64(len(t.b)) {
			return nil, false
		}
	}
	if comp == 1 {
		return &tiffStrips{tiffLayout: l, b: t.b, offsets: offsets, rowsPerStrip: int(rps)}, true
	}
	predictor, _ := t.uint(d, 317)
	switch {
	case comp != 5 && comp != 8 && comp != 32946 && comp != 32773:
		return nil, false
	case predictor > 2:
		return nil, false
	}
	return &tiffCoded{tiffLayout: l, b: t.b, offsets: offsets, counts: counts, rowsPerStrip: int(rps),
		compression: comp, predictor: predictor, row: make([]byte, l.rowBytes())}, true
}

// uints reads a tag of SHORT or LONG values, inline or at an offset.
func (t tiffFile) uints(d ifd, tag uint16) []uint32 {
	e, ok := d.entries[tag]
	if !ok || e.count == 0 || e.count > 1<<20 {
		return nil
	}
	size := map[uint16]uint64{3: 2, 4: 4}[e.typ]
	if size == 0 {
		return nil
	}
	data := e.value
	if n := size * uint64(e.count); n > 4 {
		off := uint64(t.bo.Uint32(e.value))
		if off+n > uint64(len(t.b)) {
			return nil
		}
		data = t.b[off : off+n]
	}
	out := make([]uint32, e.count)
	for i := range out {
		if size == 2 {
			out[i] = uint32(t.bo.Uint16(data[2*i:]))
		} else {
			out[i] = t.bo.Uint32(data[4*i:])
		}
	}
	return out
}

func (s *tiffStrips) ColorModel() color.Model { return color.RGBAModel }
func (s *tiffStrips) Bounds() image.Rectangle { return image.Rect(0, 0, s.w, s.h) }

func (s *tiffStrips) row(y int) []byte {
	n := s.rowBytes()
	off := int(s.offsets[y/s.rowsPerStrip]) + (y%s.rowsPerStrip)*n
	return s.b[off : off+n]
}

func (s *tiffStrips) At(x, y int) color.Color {
	if x < 0 || y < 0 || x >= s.w || y >= s.h {
		return color.RGBA{}
	}
	var rgb [3]uint8
	s.pixel(s.row(y)[x*s.spp*s.bps:], rgb[:])
	return color.RGBA{rgb[0], rgb[1], rgb[2], 255}
}

// rgbRow reads row y as 8-bit RGB.
func (s *tiffStrips) rgbRow(y int, dst []uint8) {
	src := s.row(y)
	step := s.spp * s.bps
	for x := 0; x < s.w; x++ {
		s.pixel(src[x*step:], dst[3*x:3*x+3])
	}
}
