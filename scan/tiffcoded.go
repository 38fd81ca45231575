package scan

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"image"
	"image/color"
	"io"

	"golang.org/x/image/tiff/lzw"
)

// A compressed TIFF (LZW, as many scanning programs write, or Deflate)
// of a 600-dpi A4 page in 48-bit colour would decode whole to 280 MB.
// tiffCoded decompresses it strip by strip, a row at a time, for
// shrinkRGB: the page costs its file, one row and the working copy.

// tiffCoded is a compressed TIFF page read row by row, top to bottom.
type tiffCoded struct {
	tiffLayout
	b                      []byte
	offsets, counts        []uint32
	rowsPerStrip           int
	compression, predictor uint32
	strip                  io.Reader // the current strip's decompressor
	row                    []byte
	next                   int   // the row rgbRow reads next
	err                    error // the first decoding error; rows after it are black
}

func (c *tiffCoded) ColorModel() color.Model { return color.RGBAModel }
func (c *tiffCoded) Bounds() image.Rectangle { return image.Rect(0, 0, c.w, c.h) }

// At is there for image.Image: a compressed page is only read in order,
// by rgbRow, and is never turned (finishRows' callers give no
// orientation for it).
func (c *tiffCoded) At(x, y int) color.Color { return color.RGBA{A: 255} }

// failed is the first decoding error: the rows after it came out black.
func (c *tiffCoded) failed() error { return c.err }

// rgbRow decodes row y, which must be the next one, as 8-bit RGB.
func (c *tiffCoded) rgbRow(y int, dst []uint8) {
	if c.err == nil && y != c.next {
		c.err = errors.New("tiff: rows read out of order")
	}
	if c.err == nil {
		c.err = c.read(y)
	}
	if c.err != nil {
		clear(dst[:3*c.w])
		return
	}
	c.next++
	step := c.spp * c.bps
	for x := 0; x < c.w; x++ {
		c.pixel(c.row[x*step:], dst[3*x:3*x+3])
	}
}

// read decompresses row y into c.row and undoes the predictor.
func (c *tiffCoded) read(y int) error {
	if y%c.rowsPerStrip == 0 {
		i := y / c.rowsPerStrip
		src := bytes.NewReader(c.b[c.offsets[i] : c.offsets[i]+c.counts[i]])
		switch c.compression {
		case 5:
			c.strip = lzw.NewReader(src, lzw.MSB, 8)
		case 32773:
			c.strip = &packBits{r: src}
		default:
			z, err := zlib.NewReader(src)
			if err != nil {
				return err
			}
			c.strip = z
		}
	}
	if _, err := io.ReadFull(c.strip, c.row); err != nil {
		return err
	}
	if c.predictor == 2 {
		c.undoDifferencing()
	}
	return nil
}

// undoDifferencing undoes TIFF's horizontal predictor: each sample was
// stored as its difference from the same channel's sample to the left.
func (c *tiffCoded) undoDifferencing() {
	n := c.spp
	if c.bps == 1 {
		for i := n; i < len(c.row); i++ {
			c.row[i] += c.row[i-n]
		}
		return
	}
	var bo binary.ByteOrder = binary.BigEndian
	if c.hi == 1 {
		bo = binary.LittleEndian
	}
	for i := n; 2*i+1 < len(c.row); i++ {
		bo.PutUint16(c.row[2*i:], bo.Uint16(c.row[2*i:])+bo.Uint16(c.row[2*(i-n):]))
	}
}

// packBits decodes Apple's PackBits run-length coding (TIFF compression
// 32773).
type packBits struct {
	r    *bytes.Reader
	left []byte
	buf  [128]byte
}

func (p *packBits) Read(out []byte) (int, error) {
	for len(p.left) == 0 {
		h, err := p.r.ReadByte()
		if err != nil {
			return 0, err
		}
		switch n := int(int8(h)); {
		case n >= 0:
			if _, err := io.ReadFull(p.r, p.buf[:n+1]); err != nil {
				return 0, err
			}
			p.left = p.buf[:n+1]
		case n > -128:
			v, err := p.r.ReadByte()
			if err != nil {
				return 0, err
			}
			for i := range 1 - n {
				p.buf[i] = v
			}
			p.left = p.buf[:1-n]
		}
	}
	k := copy(out, p.left)
	p.left = p.left[k:]
	return k, nil
}
