//go:build notesseract

package main

import (
	"errors"

	"github.com/idpro/idpro/ocr"
)

// newMRZReaderIn has no reader in a build without Tesseract (-tags
// notesseract: the Windows cross-build, where no Tesseract library is at
// hand, docs/build.md). The window then says that text recognition is not
// available and the data is typed.
func newMRZReaderIn(string) (*ocr.Reader, func(), error) {
	return nil, nil, errors.New("this idpro was built without Tesseract (-tags notesseract)")
}
