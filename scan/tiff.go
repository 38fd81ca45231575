package scan

import (
	"bytes"
	"encoding/binary"
	"image"

	"github.com/hhrutter/tiff"
	"github.com/idpro/idpro/app"
)

// TIFF tags read here: the decoder (hhrutter/tiff, pdfcpu's TIFF package,
// which unlike x/image/tiff reads JPEG- and CCITT-compressed scans and any
// page of a multi-page file) reports neither resolution nor orientation.
const (
	tagSubfileType    = 254
	tagOrientation    = 274
	tagXResolution    = 282
	tagResolutionUnit = 296
)

// tiffFile is a TIFF structure: a .tif file or the payload of a JPEG's
// EXIF segment.
type tiffFile struct {
	b  []byte
	bo binary.ByteOrder
}

type tiffEntry struct {
	typ   uint16
	count uint32
	value []byte // the 4 bytes of the value/offset field
}

// ifd is one image file directory: one page, or EXIF's IFD0.
type ifd struct {
	offset  uint32
	entries map[uint16]tiffEntry
}

func parseTIFF(b []byte) (tiffFile, uint32, bool) {
	if len(b) < 8 {
		return tiffFile{}, 0, false
	}
	var bo binary.ByteOrder
	switch string(b[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return tiffFile{}, 0, false
	}
	if bo.Uint16(b[2:]) != 42 {
		return tiffFile{}, 0, false
	}
	return tiffFile{b: b, bo: bo}, bo.Uint32(b[4:]), true
}

// dir reads the directory at off and returns the offset of the next one
// (0 at the end).
func (t tiffFile) dir(off uint32) (ifd, uint32, bool) {
	if off < 8 || uint64(off)+2 > uint64(len(t.b)) {
		return ifd{}, 0, false
	}
	n := uint64(t.bo.Uint16(t.b[off:]))
	end := uint64(off) + 2 + 12*n
	if end+4 > uint64(len(t.b)) {
		return ifd{}, 0, false
	}
	d := ifd{offset: off, entries: make(map[uint16]tiffEntry, n)}
	for i := uint64(0); i < n; i++ {
		e := t.b[uint64(off)+2+12*i:]
		d.entries[t.bo.Uint16(e)] = tiffEntry{typ: t.bo.Uint16(e[2:]), count: t.bo.Uint32(e[4:]), value: e[8:12]}
	}
	return d, t.bo.Uint32(t.b[end:]), true
}

func (t tiffFile) uint(d ifd, tag uint16) (uint32, bool) {
	e, ok := d.entries[tag]
	if !ok || e.count < 1 {
		return 0, false
	}
	switch e.typ {
	case 3: // SHORT
		return uint32(t.bo.Uint16(e.value)), true
	case 4: // LONG
		return t.bo.Uint32(e.value), true
	}
	return 0, false
}

func (t tiffFile) rational(d ifd, tag uint16) (float64, bool) {
	e, ok := d.entries[tag]
	if !ok || e.typ != 5 || e.count < 1 {
		return 0, false
	}
	off := uint64(t.bo.Uint32(e.value))
	if off+8 > uint64(len(t.b)) {
		return 0, false
	}
	num, den := t.bo.Uint32(t.b[off:]), t.bo.Uint32(t.b[off+4:])
	if den == 0 {
		return 0, false
	}
	return float64(num) / float64(den), true
}

// dpi is the directory's horizontal resolution in dots per inch, 0 when
// it has none. TIFF's default unit is the inch.
func (t tiffFile) dpi(d ifd) float64 {
	x, ok := t.rational(d, tagXResolution)
	if !ok {
		return 0
	}
	unit, ok := t.uint(d, tagResolutionUnit)
	if !ok {
		unit = 2
	}
	switch unit {
	case 2:
		return x
	case 3:
		return x * 2.54
	}
	return 0
}

func (t tiffFile) orientation(d ifd) int {
	o, _ := t.uint(d, tagOrientation)
	return int(o)
}

// pages lists the directories that are pages, skipping thumbnails and
// reduced-resolution copies; it stops after max+1 so a caller can tell
// "too many" without walking a hostile chain to its end.
func (t tiffFile) pages(first uint32, max int) ([]ifd, bool) {
	var out []ifd
	seen := map[uint32]bool{}
	for off := first; off != 0 && len(out) <= max; {
		if seen[off] || len(seen) > 1000 {
			return out, len(out) > 0
		}
		seen[off] = true
		d, next, ok := t.dir(off)
		if !ok {
			return out, len(out) > 0
		}
		if kind, _ := t.uint(d, tagSubfileType); kind&1 == 0 {
			out = append(out, d)
		}
		off = next
	}
	return out, len(out) > 0
}

func (l Limits) importTIFF(name string, b []byte) ([]Page, error) {
	t, first, ok := parseTIFF(b)
	if !ok {
		return nil, app.Errorf("scan.corrupt_image", nil, "file", name)
	}
	dirs, ok := t.pages(first, l.MaxPages)
	if !ok {
		return nil, app.Errorf("scan.corrupt_image", nil, "file", name)
	}
	if len(dirs) > l.MaxPages {
		return nil, app.Errorf("scan.too_many_pages", nil, "file", name, "max", l.MaxPages)
	}
	pages := make([]Page, 0, len(dirs))
	for i, d := range dirs {
		cfg, err := tiff.DecodeConfigAt(bytes.NewReader(b), int64(d.offset))
		if err != nil {
			return nil, app.Errorf("scan.corrupt_image", err, "file", name)
		}
		var p Page
		if l.workFactor(cfg.Width, cfg.Height, t.dpi(d)) < 2 {
			p, err = l.decodeTIFF(name, b, d, cfg, t.dpi(d), t.orientation(d))
		} else if err = l.rowPixels(name, cfg); err != nil {
			return nil, err
		} else if rows, ok := t.tiffRows(d, cfg.Width, cfg.Height); ok && (t.orientation(d) <= 1 || isStrips(rows)) {
			// Read a row at a time: only the working copy is made.
			p, err = l.finishRows(rows, name, t.dpi(d), t.orientation(d), nil)
		} else {
			p, err = l.decodeTIFF(name, b, d, cfg, t.dpi(d), t.orientation(d))
		}
		if err != nil {
			return nil, err
		}
		if len(dirs) > 1 {
			p.Number = i + 1
		}
		pages = append(pages, p)
	}
	return pages, nil
}

// decodeTIFF decodes a TIFF page whole, within the pixel limit.
func (l Limits) decodeTIFF(name string, b []byte, d ifd, cfg image.Config, dpi float64, orient int) (Page, error) {
	if err := l.checkPixels(name, cfg); err != nil {
		return Page{}, err
	}
	img, err := decodeGuarded(func() (image.Image, error) { return tiff.DecodeAt(bytes.NewReader(b), int64(d.offset)) })
	if err != nil {
		return Page{}, app.Errorf("scan.corrupt_image", err, "file", name)
	}
	return l.finish(img, name, dpi, orient, nil)
}

// isStrips tells whether rows can be read in any order (in place), as
// turning a page by its orientation tag does.
func isStrips(rows rowSource) bool {
	_, ok := rows.(*tiffStrips)
	return ok
}
