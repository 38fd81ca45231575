package scan

import "image"

// Page is one page brought in for a request: from a file, a PDF page or a
// scanner. Image has the EXIF orientation applied. Data and ContentType hold
// the encoded page as it will be stored and submitted (image/jpeg or
// image/png). DPI is 0 when neither the file nor the document size tells it.
type Page struct {
	Image       image.Image
	Data        []byte
	ContentType string
	DPI         float64
	Source      string // the file's name or the scanner's
	// Number is the page's place in a file of several pages (a PDF, a
	// multi-page TIFF), from 1; 0 for a file of one. It is kept apart from
	// Source so that the caller words it in the user's language (message
	// "scan.page_source").
	Number int
}
