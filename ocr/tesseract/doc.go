// Package tesseract recognises MRZ text with the Tesseract OCR library
// (through gosseract). It is the only package that links Tesseract, so the
// rest of idpro builds without cgo; ocr.Reader uses it through the
// ocr.Recognizer interface.
//
// The default data is idpro's own MRZ model (assets.MRZTraineddata, built by
// ocr/train/build.sh): Tesseract's legacy engine trained on OCR-B, which
// unlike the LSTM models does not merge runs of '<'.
package tesseract
