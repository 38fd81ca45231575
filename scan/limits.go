package scan

import "github.com/idpro/idpro/app"

// Limits bound what one import may cost, so that a hostile or broken file
// (a decompression bomb, a PDF of a thousand pages) is refused before it
// is decoded rather than after it has filled the memory.
type Limits struct {
	MaxFileBytes int64 // encoded size of one file
	MaxPixels    int64 // width x height of one image, checked before decoding
	MaxPages     int   // pages in one request
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
// (35 MP) or a 48-MP phone photo passes; anything larger is refused.
var DefaultLimits = Limits{
	MaxFileBytes:  60 << 20,
	MaxPixels:     50_000_000,
	MaxPages:      MaxPages,
	WorkDPI:       300,
	MaxWorkPixels: 16_000_000,
}
