package main

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"image"
	"os"
)

// page is one training line: its text and its image.
type page struct {
	text string
	img  *image.Gray
}

// writePages writes base.tif, one page per line (8-bit grey, uncompressed,
// 300 dpi: Go's TIFF encoder writes single pages only), and base.box, the
// WordStr box per page that tells lstm.train the whole page is that text.
func writePages(base string, pages []page) error {
	if err := writeTIFF(base+".tif", pages); err != nil {
		return err
	}
	f, err := os.Create(base + ".box")
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for i, p := range pages {
		b := p.img.Bounds()
		fmt.Fprintf(w, "WordStr 0 0 %d %d %d #%s\n", b.Dx(), b.Dy(), i, p.text)
		fmt.Fprintf(w, "\t 0 0 %d %d %d\n", b.Dx(), b.Dy(), i)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// writeTIFF writes a little-endian multi-page TIFF: for each page its
// pixels, then its IFD, each IFD pointing to the next.
func writeTIFF(path string, pages []page) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	le := binary.LittleEndian
	put16 := func(v uint16) { binary.Write(w, le, v) }
	put32 := func(v uint32) { binary.Write(w, le, v) }
	raster := make([][]byte, len(pages))
	for i, p := range pages {
		b := p.img.Bounds()
		for y := 0; y < b.Dy(); y++ {
			raster[i] = append(raster[i], p.img.Pix[y*p.img.Stride:y*p.img.Stride+b.Dx()]...)
		}
	}
	// Each page is its pixels (padded to an even length), then its IFD,
	// then the IFD's resolution; the header points to the first IFD.
	even := func(n int) uint32 { return uint32(n + n%2) }
	w.WriteString("II")
	put16(42)
	offset := uint32(8)
	put32(offset + even(len(raster[0])))
	const entries = 11
	for i, p := range pages {
		b := p.img.Bounds()
		pix := raster[i]
		w.Write(pix)
		pixAt := offset
		offset += uint32(len(pix))
		if offset%2 == 1 {
			w.WriteByte(0)
			offset++
		}
		ifdAt := offset
		resAt := ifdAt + 2 + entries*12 + 4
		next := uint32(0)
		if i+1 < len(pages) {
			next = resAt + 8 + even(len(raster[i+1]))
		}
		put16(entries)
		tag := func(id, typ uint16, count, value uint32) {
			put16(id)
			put16(typ)
			put32(count)
			put32(value)
		}
		const short, long, rational = 3, 4, 5
		tag(256, long, 1, uint32(b.Dx()))   // ImageWidth
		tag(257, long, 1, uint32(b.Dy()))   // ImageLength
		tag(258, short, 1, 8)               // BitsPerSample
		tag(259, short, 1, 1)               // Compression: none
		tag(262, short, 1, 1)               // PhotometricInterpretation: black is zero
		tag(273, long, 1, pixAt)            // StripOffsets
		tag(277, short, 1, 1)               // SamplesPerPixel
		tag(278, long, 1, uint32(b.Dy()))   // RowsPerStrip
		tag(279, long, 1, uint32(len(pix))) // StripByteCounts
		tag(282, rational, 1, resAt)        // XResolution
		tag(283, rational, 1, resAt)        // YResolution
		put32(next)
		put32(300)
		put32(1)
		offset = resAt + 8
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
