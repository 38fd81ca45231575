// Package ocr reads the machine-readable zone (MRZ) of identity documents
// off page images: a Reader finds the MRZ, reads its lines through a
// Recognizer and corrects the reading by the glyphs' shapes.
//
// The MRZ text work (Parse, check digits, layouts, the text correction
// passes and the ordered list of all passes) is package ocr/mrz; the
// names callers use (Result, Field, Parse, ...) are also here
// (mrz_text.go), so that one import reads a page or a text.
//
// Images, without text rules: preprocess*.go (grey, ink, line images),
// locate*.go (MRZ lines and blocks by their geometry: regular pitch,
// line spacing, alignment, and the lines a block lacks), pitch.go
// (characters in their cells), shape.go and symbol.go (glyphs and their
// shapes).
//
// The reader joins them (reader*.go): it locates the candidate blocks,
// reads their lines in several views, fits every combination with
// mrz.Fit, runs the glyph passes (correct_shape.go, correct_class.go),
// which need both the text and the glyphs, puts in review what the
// glyphs leave unsure (confidence.go), and keeps the reading that has an
// MRZ's shape. The Tesseract recognizer lives in ocr/tesseract so that
// this package builds without cgo.
package ocr
