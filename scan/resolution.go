package scan

import (
	"bytes"
	"encoding/binary"
	"math"
)

// The resolution a file states is read here because the standard decoders
// drop it, and the quality checks need it to tell dots per inch on the
// document.

// jpegMeta returns the resolution (JFIF, else EXIF) and the EXIF
// orientation of a JPEG file.
func jpegMeta(b []byte) (dpi float64, orient int) {
	var jfif, exif float64
	for i := 2; i+4 <= len(b); {
		if b[i] != 0xFF {
			break
		}
		marker := b[i+1]
		if marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0xFF {
			i++
			continue
		}
		if marker == 0xDA || marker == 0xD9 { // image data follows: no more metadata
			break
		}
		n := int(binary.BigEndian.Uint16(b[i+2:]))
		if n < 2 || i+2+n > len(b) {
			break
		}
		seg := b[i+4 : i+2+n]
		switch {
		case marker == 0xE0 && bytes.HasPrefix(seg, []byte("JFIF\x00")) && len(seg) >= 12:
			x := float64(binary.BigEndian.Uint16(seg[8:]))
			switch seg[7] {
			case 1:
				jfif = x
			case 2:
				jfif = x * 2.54
			}
		case marker == 0xE1 && bytes.HasPrefix(seg, []byte("Exif\x00\x00")):
			if t, first, ok := parseTIFF(seg[6:]); ok {
				if d, _, ok := t.dir(first); ok {
					exif = t.dpi(d)
					orient = t.orientation(d)
				}
			}
		}
		i += 2 + n
	}
	if jfif > 1 {
		return jfif, orient
	}
	return exif, orient
}

// pngDPI reads the pHYs chunk (pixels per metre).
func pngDPI(b []byte) float64 {
	for i := 8; i+12 <= len(b); {
		n := int(binary.BigEndian.Uint32(b[i:]))
		typ := string(b[i+4 : i+8])
		if n < 0 || i+12+n > len(b) || typ == "IDAT" {
			return 0
		}
		if typ == "pHYs" && n >= 9 {
			d := b[i+8:]
			if d[8] == 1 {
				return perMetre(binary.BigEndian.Uint32(d))
			}
			return 0
		}
		i += 12 + n
	}
	return 0
}

// bmpDPI reads biXPelsPerMeter of a BITMAPINFOHEADER or later header.
func bmpDPI(b []byte) float64 {
	if len(b) < 42 || binary.LittleEndian.Uint32(b[14:]) < 40 {
		return 0
	}
	return perMetre(uint32(max(0, int32(binary.LittleEndian.Uint32(b[38:])))))
}

// perMetre turns pixels per metre into dots per inch. The metre rounds
// 600 dpi to 23622 pixels, 599.9988 dpi: the whole number is what was
// meant.
func perMetre(ppm uint32) float64 {
	dpi := float64(ppm) * 0.0254
	if r := math.Round(dpi); math.Abs(dpi-r) < 0.02 {
		return r
	}
	return dpi
}

// plausibleDPI returns dpi when it describes a page between an ID-1 card
// and an A3 sheet, and 0 otherwise: many programs write 72 or 96 dpi, or
// nonsense, whatever the real size was.
func plausibleDPI(w, h int, dpi float64) float64 {
	if dpi < 50 || dpi > 4800 {
		return 0
	}
	long := float64(max(w, h)) / dpi
	short := float64(min(w, h)) / dpi
	if long < 3.0 || short < 1.8 || long > 17.5 {
		return 0
	}
	return dpi
}
