package scan

import "github.com/idpro/idpro/app"

// Limits bound what one import may cost, so that a hostile or broken file
// (a decompression bomb, a PDF of a thousand pages) is refused before it
// is decoded rather than after it has filled the memory.
//
// The pixel limit is the real protection: an image is decoded whole, at
// up to 4 bytes a pixel (8 for 16-bit colour, which counts double), and
// that copy goes as soon as it has been brought down to WorkDPI. One
// import therefore holds at most the file, 4 x MaxPixels bytes of decoded
// image and its working copy.
type Limits struct {
	MaxFileBytes int64 // encoded size of one file
	MaxPixels    int64 // width x height of one image decoded whole, checked before decoding
	// MaxRowPixels bounds an image read a row at a time into its working
	// copy (PNG, 8- and 16-bit TIFF), which costs no decoded copy: a real
	// scan's size, so that a header declaring more is refused.
	MaxRowPixels int64
	MaxPages     int // pages in one request
	// WorkDPI is the resolution pages are brought down to when the file
	// says it is much finer (a 600-dpi scan): the checks and the MRZ reader
	// need no more, and four 600-dpi A4 pages would not fit in memory.
	WorkDPI float64
	// MaxWorkPixels caps an image whose resolution is unknown likewise.
	MaxWorkPixels int64
}

// MaxPages is the number of pages belgianIDpro accepts in one request.
const MaxPages = app.MaxPages

// DefaultLimits are the limits of Import and ImportFile: a 600-dpi A4 page
// (35 MP) or a 48-MP phone photo passes; anything larger is refused,
// unless it is read a row at a time (PNG, uncompressed TIFF): then up to
// an A3 page at 1200 dpi. The file limit admits a flatbed's uncompressed
// 48-bit colour TIFF of an A4 page at 600 dpi (209 MB), which a user may
// well have.
var DefaultLimits = Limits{
	MaxFileBytes:  256 << 20,
	MaxPixels:     50_000_000,
	MaxRowPixels:  300_000_000, // an A3 page at 1200 dpi: 279 MP
	MaxPages:      MaxPages,
	WorkDPI:       300,
	MaxWorkPixels: 16_000_000,
}
