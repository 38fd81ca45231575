package scan

import "bytes"

// format is a file type told by its first bytes, never by its name: users
// rename files, and a .jpg that is really a PDF must still come in.
type format string

const (
	formatUnknown format = ""
	formatJPEG    format = "jpeg"
	formatPNG     format = "png"
	formatGIF     format = "gif"
	formatBMP     format = "bmp"
	formatTIFF    format = "tiff"
	formatWebP    format = "webp"
	formatPDF     format = "pdf"
)

func sniff(b []byte) format {
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF}):
		return formatJPEG
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		return formatPNG
	case bytes.HasPrefix(b, []byte("GIF87a")), bytes.HasPrefix(b, []byte("GIF89a")):
		return formatGIF
	case bytes.HasPrefix(b, []byte("BM")):
		return formatBMP
	case bytes.HasPrefix(b, []byte("II*\x00")), bytes.HasPrefix(b, []byte("MM\x00*")):
		return formatTIFF
	case len(b) >= 12 && bytes.HasPrefix(b, []byte("RIFF")) && string(b[8:12]) == "WEBP":
		return formatWebP
	}
	// PDF readers accept the header anywhere in the first kilobyte.
	head := b[:min(len(b), 1024)]
	if bytes.Contains(head, []byte("%PDF-")) {
		return formatPDF
	}
	return formatUnknown
}
