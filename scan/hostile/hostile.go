// Package hostile makes the files a user may drop on idpro that are not
// the scans they seem: cut or corrupt JPEG, PNG, TIFF, WebP and PDF files,
// headers declaring huge images, encrypted PDFs, a PDF of fifty pages,
// other files renamed to .jpg, empty files and odd file names. Everything
// is generated here, from images drawn in code and a few bytes of header
// written out below, so the corpus needs no binary files and every case
// says how it was made.
//
// Tests feed the corpus to the importer and to the window (scan and
// app/ui) and expect each file's Code: the importer refuses it in words,
// within its limits, and the draft stays as it was.
package hostile

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/hhrutter/tiff"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// File is one file of the corpus.
type File struct {
	Name string // as the user's file is named
	Data []byte
	// Code is the message key the import must fail with; "" when the
	// file is a good scan that must come in (the odd names).
	Code string
	What string // how the file was made, for test output
}

// Corpus returns every file, the same bytes on every run.
func Corpus() ([]File, error) {
	var files []File
	for _, part := range []func() ([]File, error){jpegs, pngs, tiffs, webps, pdfs, others, oddNames} {
		f, err := part()
		if err != nil {
			return nil, err
		}
		files = append(files, f...)
	}
	return files, nil
}

// Write writes files into dir under their names and returns the paths.
func Write(dir string, files []File) ([]string, error) {
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = filepath.Join(dir, f.Name)
		if err := os.WriteFile(paths[i], f.Data, 0o600); err != nil {
			return nil, err
		}
	}
	return paths, nil
}

// Codes of the importer's refusals (assets/translations/scan).
const (
	Corrupt     = "scan.corrupt_image"
	TooLarge    = "scan.image_too_large"
	CorruptPDF  = "scan.corrupt_pdf"
	Encrypted   = "scan.encrypted_pdf"
	TooMany     = "scan.too_many_pages"
	Unsupported = "scan.unsupported_format"
	Empty       = "scan.empty_file"
	NoImage     = "scan.pdf_page_without_image"
)

// card is a card-sized grey picture with some structure, so that its
// encodings have real entropy-coded data to cut and corrupt.
func card() *image.Gray {
	img := image.NewGray(image.Rect(0, 0, 320, 200))
	for y := range 200 {
		for x := range 320 {
			img.SetGray(x, y, color.Gray{uint8(x*y/7 + (x^y)&31)})
		}
	}
	return img
}

// Card is a good small JPEG scan.
func Card() []byte {
	var b bytes.Buffer
	jpeg.Encode(&b, card(), &jpeg.Options{Quality: 85})
	return b.Bytes()
}

func cardPNG() []byte {
	var b bytes.Buffer
	png.Encode(&b, card())
	return b.Bytes()
}

// flip returns a copy of b with the bytes from..to inverted.
func flip(b []byte, from, to int) []byte {
	c := bytes.Clone(b)
	for i := from; i < to && i < len(c); i++ {
		c[i] ^= 0xFF
	}
	return c
}

// segment finds the JPEG marker m (SOF0 0xC0, DHT 0xC4) and returns the
// offset of its payload.
func segment(jpg []byte, m byte) int {
	for i := 2; i+4 < len(jpg); {
		if jpg[i] != 0xFF {
			return -1
		}
		if jpg[i+1] == m {
			return i + 4
		}
		i += 2 + int(binary.BigEndian.Uint16(jpg[i+2:]))
	}
	return -1
}

func jpegs() ([]File, error) {
	jpg := Card()
	sof := segment(jpg, 0xC0)
	dht := segment(jpg, 0xC4)
	if sof < 0 || dht < 0 {
		return nil, fmt.Errorf("hostile: no SOF0 or DHT in the card")
	}
	// SOF0's payload: precision, then height and width.
	sized := func(w, h uint16) []byte {
		c := bytes.Clone(jpg)
		binary.BigEndian.PutUint16(c[sof+1:], h)
		binary.BigEndian.PutUint16(c[sof+3:], w)
		return c
	}
	return []File{
		{"jpeg-cut-in-half.jpg", jpg[:len(jpg)/2], Corrupt, "a JPEG cut after half its bytes"},
		{"jpeg-header-only.jpg", jpg[:20], Corrupt, "the first 20 bytes of a JPEG"},
		{"jpeg-bad-huffman.jpg", flip(jpg, dht, dht+40), Corrupt, "a JPEG whose Huffman table is inverted"},
		{"jpeg-65500x65500.jpg", sized(65500, 65500), TooLarge, "a JPEG whose frame header declares 65500x65500 pixels"},
		{"jpeg-0x0.jpg", sized(0, 0), Corrupt, "a JPEG whose frame header declares 0x0 pixels"},
	}, nil
}

// pngSized patches the IHDR of a PNG to w x h and recomputes its CRC, so
// that only the size is a lie.
func pngSized(p []byte, w, h uint32) []byte {
	c := bytes.Clone(p)
	binary.BigEndian.PutUint32(c[16:], w)
	binary.BigEndian.PutUint32(c[20:], h)
	binary.BigEndian.PutUint32(c[29:], crc32.ChecksumIEEE(c[12:29]))
	return c
}

// pngBomb is a valid grey PNG of w x h black pixels: a few hundred
// kilobytes that decode to w*h bytes.
func pngBomb(w, h int) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(kind string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		crc := crc32.NewIEEE()
		crc.Write([]byte(kind))
		crc.Write(data)
		b.WriteString(kind)
		b.Write(data)
		binary.Write(&b, binary.BigEndian, crc.Sum32())
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr, uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8] = 8 // bits per sample, grey, no interlace
	chunk("IHDR", ihdr)
	// Each row is a filter byte and w samples, all zero.
	chunk("IDAT", zlibZeros(int64(h)*int64(w+1)))
	chunk("IEND", nil)
	return b.Bytes()
}

// zlibZeros is a zlib stream of n zero bytes, made without compressing
// them all (400 MB take seconds): one MiB of zeros compressed and flushed
// decodes to the same MiB wherever it stands, since its matches reach
// only into itself, so the stream is that block repeated, the rest, and
// the checksum.
func zlibZeros(n int64) []byte {
	const block = 1 << 20
	deflate := func(size int64, final bool) []byte {
		var b bytes.Buffer
		w, _ := flate.NewWriter(&b, flate.BestCompression)
		w.Write(make([]byte, size))
		if final {
			w.Close()
		} else {
			w.Flush()
		}
		return b.Bytes()
	}
	out := []byte{0x78, 0xDA}
	one := deflate(block, false)
	rest := n
	for ; rest > block; rest -= block {
		out = append(out, one...)
	}
	out = append(out, deflate(rest, true)...)
	// Adler-32 of n zeros: the first sum stays 1, the second adds it for
	// every byte.
	return binary.BigEndian.AppendUint32(out, uint32(n%65521)<<16|1)
}

func pngs() ([]File, error) {
	p := cardPNG()
	bomb := pngBomb(20000, 20000)
	within := pngBomb(8000, 8000)
	return []File{
		{"png-cut.png", p[:len(p)*2/3], Corrupt, "a PNG cut after two thirds"},
		{"png-bad-crc.png", flip(p, 40, 44), Corrupt, "a PNG with four bytes of image data inverted (CRC mismatch)"},
		{"png-100000x100000.png", pngSized(p, 100000, 100000), TooLarge, "a PNG whose header declares 100000x100000 pixels (CRC fixed)"},
		{"png-0x200.png", pngSized(p, 0, 200), Corrupt, "a PNG whose header declares a width of 0"},
		{"png-bomb-20000x20000.png", bomb, TooLarge, fmt.Sprintf("a valid 20000x20000 black PNG: %d KB that decode to 400 MB", len(bomb)>>10)},
		{"png-bomb-8000x8000.png", within, "", fmt.Sprintf("a valid 8000x8000 black PNG (%d KB, 64 MB decoded): past the whole-decode limit, within the row-by-row one, so read a row at a time and brought down to the working size", len(within)>>10)},
	}, nil
}

// tiffTag finds tag in the first IFD of a little-endian TIFF and returns
// the offset of its entry.
func tiffTag(t []byte, tag uint16) int {
	ifd := int(binary.LittleEndian.Uint32(t[4:]))
	n := int(binary.LittleEndian.Uint16(t[ifd:]))
	for i := range n {
		e := ifd + 2 + 12*i
		if binary.LittleEndian.Uint16(t[e:]) == tag {
			return e
		}
	}
	return -1
}

func tiffs() ([]File, error) {
	var b bytes.Buffer
	if err := tiff.Encode(&b, card(), nil); err != nil {
		return nil, err
	}
	t := b.Bytes()
	if !bytes.HasPrefix(t, []byte("II*\x00")) {
		return nil, fmt.Errorf("hostile: the TIFF encoder wrote big-endian")
	}
	huge := bytes.Clone(t)
	for _, tag := range []uint16{256, 257} { // ImageWidth, ImageLength
		e := tiffTag(huge, tag)
		if e < 0 {
			return nil, fmt.Errorf("hostile: no tag %d", tag)
		}
		// A SHORT or LONG value sits in the entry's last four bytes.
		binary.LittleEndian.PutUint16(huge[e+2:], 4) // LONG
		binary.LittleEndian.PutUint32(huge[e+8:], 90000)
	}
	farIFD := bytes.Clone(t)
	binary.LittleEndian.PutUint32(farIFD[4:], 0x7FFFFFF0)
	// The first IFD's next-IFD offset pointing back at itself: a file of
	// endless pages.
	loop := bytes.Clone(t)
	ifd := int(binary.LittleEndian.Uint32(loop[4:]))
	n := int(binary.LittleEndian.Uint16(loop[ifd:]))
	binary.LittleEndian.PutUint32(loop[ifd+2+12*n:], uint32(ifd))
	return []File{
		{"tiff-cut.tif", t[:len(t)/2], Corrupt, "a TIFF cut in half"},
		{"tiff-ifd-past-the-end.tif", farIFD, Corrupt, "a TIFF whose first IFD is 2 GB past its end"},
		{"tiff-90000x90000.tif", huge, TooLarge, "a TIFF whose tags declare 90000x90000 pixels"},
		{"tiff-endless-pages.tif", loop, "", "a TIFF whose IFD chain loops back on itself: its one page is read once"},
	}, nil
}

// webp is a lossless 1x1 WebP (VP8L), written out byte by byte: Go has no
// WebP encoder.
var webp = []byte("RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00\x2f\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00")

func webps() ([]File, error) {
	// VP8L's header after the signature byte 0x2f: 14 bits width-1, 14
	// bits height-1; all ones is 16384 x 16384.
	huge := bytes.Clone(webp)
	binary.LittleEndian.PutUint32(huge[21:], 0x0FFFFFFF|uint32(huge[24]&0xF0)<<24)
	corrupt := bytes.Clone(webp)
	copy(corrupt[25:], []byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF})
	return []File{
		{"webp-cut.webp", webp[:24], Corrupt, "a lossless WebP cut inside its header"},
		{"webp-corrupt.webp", corrupt, Corrupt, "a lossless WebP whose image data is all ones"},
		{"webp-16384x16384.webp", huge, TooLarge, "a lossless WebP whose header declares 16384x16384 pixels"},
	}, nil
}

// rawPDF writes a PDF of the given objects (numbered from 1, the first
// the catalog) with a correct cross-reference table; size overrides the
// trailer's /Size when not 0.
func rawPDF(objects []string, size int) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	if size == 0 {
		size = len(objects) + 1
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", size, xref)
	return b.Bytes()
}

// hugeImagePDF is a one-page PDF whose image declares w x h grey pixels
// and holds a few bytes of deflate.
func hugeImagePDF(w, h int) []byte {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(make([]byte, 4096))
	zw.Close()
	const draw = "q 595 0 0 842 0 0 cm /Im0 Do Q"
	return rawPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
		fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream", w, h, z.Len(), z.Bytes()),
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(draw), draw),
	}, 0)
}

func pdfs() ([]File, error) {
	jpg := Card()
	one, err := imagesPDF(jpg, 1)
	if err != nil {
		return nil, err
	}
	fifty, err := imagesPDF(jpg, 50)
	if err != nil {
		return nil, err
	}
	locked, err := encrypt(one, "worker", "owner")
	if err != nil {
		return nil, err
	}
	ownerOnly, err := encrypt(one, "", "owner")
	if err != nil {
		return nil, err
	}
	noPages := rawPDF([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"}, 0)
	hugeXref := rawPDF([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"}, 2_000_000_000)
	xref := bytes.LastIndex(one, []byte("startxref"))
	return []File{
		{"pdf-cut.pdf", one[:len(one)/3], CorruptPDF, "a one-page scanned PDF cut after a third"},
		{"pdf-garbage-xref.pdf", append(bytes.Clone(one[:xref]), "startxref\n99999999\n%%EOF\n"...), CorruptPDF, "a scanned PDF whose startxref points nowhere"},
		{"pdf-header-only.pdf", []byte("%PDF-1.7\n%%EOF\n"), CorruptPDF, "a PDF header and nothing else"},
		{"pdf-no-pages.pdf", noPages, CorruptPDF, "a well-formed PDF of no pages"},
		{"pdf-xref-size-2e9.pdf", hugeXref, CorruptPDF, "a PDF whose trailer declares 2,000,000,000 objects"},
		{"pdf-encrypted.pdf", locked, Encrypted, "a scanned PDF encrypted with a user password (AES)"},
		{"pdf-owner-password-only.pdf", ownerOnly, "", "a scanned PDF encrypted with an owner password only: any reader opens it, so must idpro"},
		{"pdf-50-pages.pdf", fifty, TooMany, "a scanned PDF of 50 pages"},
		{"pdf-image-100000x100000.pdf", hugeImagePDF(100000, 100000), TooLarge, "a PDF page whose image declares 100000x100000 pixels"},
		{"pdf-text-only.pdf", rawPDF([]string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
			"<< /Length 0 >>\nstream\n\nendstream",
		}, 0), NoImage, "a PDF page with no image on it"},
	}, nil
}

// imagesPDF is a PDF of n pages, each the scan jpg.
func imagesPDF(jpg []byte, n int) ([]byte, error) {
	api.DisableConfigDir()
	readers := make([]io.Reader, n)
	for i := range readers {
		readers[i] = bytes.NewReader(jpg)
	}
	var out bytes.Buffer
	if err := api.ImportImages(nil, &out, readers, pdfcpu.DefaultImportConfig(), nil); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func encrypt(doc []byte, user, owner string) ([]byte, error) {
	conf := model.NewDefaultConfiguration()
	conf.UserPW, conf.OwnerPW = user, owner
	var out bytes.Buffer
	if err := api.Encrypt(bytes.NewReader(doc), &out, conf); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func others() ([]File, error) {
	return []File{
		{"empty.jpg", nil, Empty, "a file of 0 bytes"},
		{"blank-lines.png", []byte("\n\n \t\r\n"), Empty, "a file of white space"},
		{"notes.jpg", []byte("Passport of the new worker, see attachment.\n"), Unsupported, "a text file renamed .jpg"},
		{"archive.jpg", append([]byte("PK\x03\x04\x14\x00\x00\x00\x08\x00"), make([]byte, 200)...), Unsupported, "a ZIP header renamed .jpg"},
		{"setup.jpg", append([]byte("MZ\x90\x00\x03\x00\x00\x00"), make([]byte, 200)...), Unsupported, "a Windows program's header renamed .jpg"},
		{"page.png", []byte("<!DOCTYPE html><html><body><img src=passport.png></body></html>"), Unsupported, "an HTML page renamed .png"},
		{"zeros.jpg", make([]byte, 1<<20), Unsupported, "1 MB of zero bytes"},
		{"scan.pdf.jpg", []byte("%PDX-1.4 not quite a PDF"), Unsupported, "a near-miss of a PDF header"},
	}, nil
}

func oddNames() ([]File, error) {
	jpg := Card()
	long := strings.Repeat("passport-scan-", 17) + "x.jpg" // 243 bytes: near the 255 most file systems allow
	return []File{
		{"Łódź Ünïcødé 身份证 paşaport.jpg", jpg, "", "a good scan whose name mixes Polish, German, Chinese and Turkish letters"},
		{" two  spaces and a trailing one .jpg", jpg, "", "a good scan whose name has leading, double and trailing spaces"},
		{"-leading-dash.jpg", jpg, "", "a good scan whose name starts with a dash, as an option would"},
		{"--help.pdf", []byte("%PDF-1.4\n1 0 obj"), CorruptPDF, "a broken PDF named like an option"},
		{long, jpg, "", "a good scan with a 243-byte name"},
		{"\u202egpj.exe", jpg, "", "a good scan whose name starts with a right-to-left override"},
		{"quote's \"and\" <tags>.jpg", []byte("nothing"), Unsupported, "a text file whose name holds quotes and markup"},
	}, nil
}
