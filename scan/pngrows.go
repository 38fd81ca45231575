package scan

import (
	"compress/zlib"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"io"
)

// A flatbed's 600-dpi A4 page in 48-bit colour is 35 MP: Go's PNG decoder
// would make it a 280-MB RGBA64 image before anything could bring it
// down. pngRows reads it a row at a time instead, for shrinkRGB, which
// averages each block of rows into the working copy as they come: the
// page then costs its file, two rows and the working copy.

// pngRows is a non-interlaced 8- or 16-bit PNG (grey, RGB, paletted, with
// or without alpha) read row by row, top to bottom, through rgbRow.
type pngRows struct {
	w, h      int
	depth     int // bits per sample: 8 or 16
	colorType byte
	channels  int
	palette   [][3]uint8
	z         io.ReadCloser
	cur, prev []byte // filtered row (with its filter byte), previous unfiltered row
	next      int    // the row rgbRow reads next
	err       error  // the first decoding error; rows after it are black
}

// PNG colour types.
const (
	pngGrey      = 0
	pngRGB       = 2
	pngPaletted  = 3
	pngGreyAlpha = 4
	pngRGBA      = 6
)

// newPNGRows reads the header chunks of the PNG b, whose header the
// decoder read as cfg, and returns its rows, or false when it is one the
// row reader does not take (interlaced, under 8 bits a sample): the
// whole-image decoder handles those.
func newPNGRows(b []byte, cfg image.Config) (*pngRows, bool) {
	p := &pngRows{}
	var idat []byte
	for i := 8; i+12 <= len(b); {
		n := int(binary.BigEndian.Uint32(b[i:]))
		if n < 0 || i+12+n > len(b) {
			return nil, false
		}
		typ, data := string(b[i+4:i+8]), b[i+8:i+8+n]
		switch typ {
		case "IHDR":
			if n < 13 || data[12] != 0 {
				return nil, false
			}
			p.w, p.h = int(binary.BigEndian.Uint32(data)), int(binary.BigEndian.Uint32(data[4:]))
			p.depth, p.colorType = int(data[8]), data[9]
		case "PLTE":
			for k := 0; k+3 <= n; k += 3 {
				p.palette = append(p.palette, [3]uint8{data[k], data[k+1], data[k+2]})
			}
		case "IDAT":
			idat = b[i:]
		}
		if idat != nil {
			break
		}
		i += 12 + n
	}
	p.channels = map[byte]int{pngGrey: 1, pngRGB: 3, pngPaletted: 1, pngGreyAlpha: 2, pngRGBA: 4}[p.colorType]
	ok := p.channels > 0 && (p.depth == 8 || p.depth == 16 && p.colorType != pngPaletted) && p.w == cfg.Width && p.h == cfg.Height
	if !ok || idat == nil {
		return nil, false
	}
	z, err := zlib.NewReader(&idatReader{b: idat})
	if err != nil {
		return nil, false
	}
	p.z = z
	stride := p.w * p.channels * p.depth / 8
	p.cur, p.prev = make([]byte, 1+stride), make([]byte, stride)
	return p, true
}

// idatReader is the concatenated data of the IDAT chunks at the start of
// b, each checked against its CRC.
type idatReader struct {
	b    []byte
	left []byte
}

func (r *idatReader) Read(out []byte) (int, error) {
	for len(r.left) == 0 {
		if len(r.b) < 12 {
			return 0, io.ErrUnexpectedEOF
		}
		n := int(binary.BigEndian.Uint32(r.b))
		if string(r.b[4:8]) != "IDAT" {
			return 0, io.EOF
		}
		if n < 0 || 12+n > len(r.b) {
			return 0, io.ErrUnexpectedEOF
		}
		if crc32.ChecksumIEEE(r.b[4:8+n]) != binary.BigEndian.Uint32(r.b[8+n:]) {
			return 0, errors.New("png: IDAT checksum mismatch")
		}
		r.left, r.b = r.b[8:8+n], r.b[12+n:]
	}
	n := copy(out, r.left)
	r.left = r.left[n:]
	return n, nil
}

// failed is the first decoding error: the rows after it came out black.
func (p *pngRows) failed() error { return p.err }

func (p *pngRows) ColorModel() color.Model { return color.RGBAModel }
func (p *pngRows) Bounds() image.Rectangle { return image.Rect(0, 0, p.w, p.h) }

// At is there for image.Image; shrinkRGB reads rows through rgbRow, and
// nothing else is given a pngRows.
func (p *pngRows) At(x, y int) color.Color { return color.RGBA{A: 255} }

// rgbRow decodes row y, which must be the next one, as 8-bit RGB.
func (p *pngRows) rgbRow(y int, dst []uint8) {
	if y != p.next || p.err != nil || !p.unfilter() {
		if p.err == nil {
			p.err = errors.New("png: rows read out of order")
		}
		clear(dst[:3*p.w])
		return
	}
	p.next++
	row := p.prev // unfilter left the row there
	step := p.channels * p.depth / 8
	hi := 0 // the high byte of a 16-bit sample comes first
	for x := 0; x < p.w; x++ {
		s := row[x*step:]
		switch p.colorType {
		case pngGrey, pngGreyAlpha:
			v := s[hi]
			dst[3*x], dst[3*x+1], dst[3*x+2] = v, v, v
		case pngPaletted:
			var c [3]uint8
			if int(s[0]) < len(p.palette) {
				c = p.palette[s[0]]
			}
			dst[3*x], dst[3*x+1], dst[3*x+2] = c[0], c[1], c[2]
		default:
			k := p.depth / 8
			dst[3*x], dst[3*x+1], dst[3*x+2] = s[hi], s[k+hi], s[2*k+hi]
		}
	}
}

// unfilter reads the next row and undoes its filter into p.prev.
func (p *pngRows) unfilter() bool {
	if _, err := io.ReadFull(p.z, p.cur); err != nil {
		p.err = err
		return false
	}
	bpp := max(1, p.channels*p.depth/8)
	f, cur, prev := p.cur[0], p.cur[1:], p.prev
	switch f {
	case 0:
	case 1:
		for i := bpp; i < len(cur); i++ {
			cur[i] += cur[i-bpp]
		}
	case 2:
		for i := range cur {
			cur[i] += prev[i]
		}
	case 3:
		for i := range cur {
			var left byte
			if i >= bpp {
				left = cur[i-bpp]
			}
			cur[i] += byte((int(left) + int(prev[i])) / 2)
		}
	case 4:
		for i := range cur {
			var a, c byte
			if i >= bpp {
				a, c = cur[i-bpp], prev[i-bpp]
			}
			cur[i] += paeth(a, prev[i], c)
		}
	default:
		p.err = errors.New("png: bad filter")
		return false
	}
	copy(p.prev, cur)
	return true
}

func paeth(a, b, c byte) byte {
	pa, pb, pc := absInt(int(b)-int(c)), absInt(int(a)-int(c)), absInt(int(a)+int(b)-2*int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func absInt(v int) int { return max(v, -v) }
