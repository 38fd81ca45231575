//go:build !notesseract

package main

import (
	"path/filepath"

	"github.com/idpro/idpro/ocr"
	"github.com/idpro/idpro/ocr/tesseract"
)

// newMRZReaderIn is newMRZReader with the data directory given (the app's
// --data).
func newMRZReaderIn(base string) (*ocr.Reader, func(), error) {
	dir := filepath.Join(base, "tessdata")
	r := ocr.NewReader(func() (ocr.Recognizer, error) { return tesseract.NewMRZ(dir) }, ocr.ReaderOptions{})
	return r, func() { r.Close() }, nil
}
