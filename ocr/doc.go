// Package ocr reads the machine-readable zone (MRZ) of identity documents.
//
// Parse turns MRZ text into fields, checking and, where the check digits
// allow it, correcting OCR confusions. Reader finds the MRZ on a page image
// and reads its lines through a Recognizer; the Tesseract recognizer lives in
// ocr/tesseract so that this package builds without cgo.
package ocr
