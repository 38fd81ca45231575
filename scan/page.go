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
	Source      string // e.g. "passport.pdf, page 2" or a scanner name
}
