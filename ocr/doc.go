// Package ocr reads the machine-readable zone (MRZ) of identity documents.
//
// The work falls in three layers; file names say which a file is in.
//
// MRZ text (no images; ocr.Parse, ParseText): layout*.go (the formats,
// their fields and check digits), parse*.go (fitting read lines to a
// layout), correct*.go with passes.go (the ordered, named correction
// passes; correct_shape.go and correct_class.go hold the glyph passes,
// which the reader runs), structure.go (what "valid" means beyond check digits),
// country*.go, date.go, name.go, checkdigit.go, field.go and result.go.
//
// Images (no text rules): preprocess*.go (grey, ink, line images),
// locate*.go (MRZ lines and blocks by their geometry: regular pitch,
// line spacing, alignment, and the lines a block lacks), pitch.go
// (characters in their cells), shape.go and symbol.go (glyphs and their
// shapes).
//
// The reader joins them (reader*.go, confidence.go): it locates the
// candidate blocks, reads their lines through a Recognizer in several
// views, parses every combination, runs the glyph passes, which need
// both the text and the glyphs, and keeps the reading that has an MRZ's
// shape. The Tesseract recognizer lives in ocr/tesseract so that this
// package builds without cgo.
package ocr
