// Package ocr reads the machine-readable zone (MRZ) of identity documents
// off page images: a Reader finds the MRZ, reads its lines through a
// Recognizer and corrects the reading by the glyphs' shapes.
//
// It joins three packages that know nothing of one another's work:
//   - ocr/mrz, the MRZ text: Parse, check digits, layouts, the text
//     correction passes and the ordered list of all passes; the names
//     callers use (Result, Field, Parse, ...) are also here
//     (mrz_text.go), so that one import reads a page or a text;
//   - ocr/locate, the page: grey levels, ink, the MRZ's lines and blocks
//     by their geometry, and the line images the recognizer reads;
//   - ocr/shape, the glyphs: what a character's box holds, and which
//     look-alike its shape says it is.
//
// The reader (reader*.go) locates the candidate blocks, reads their lines
// in several views (symbol.go, with pitch.go putting the characters in
// their cells), fits every combination with mrz.Fit, runs the glyph
// passes (correct_shape.go, correct_class.go), which need both the text
// and the glyphs, puts in review what the glyphs leave unsure
// (confidence.go), and keeps the reading that has an MRZ's shape. The
// Tesseract recognizer lives in ocr/tesseract so that this package
// builds without cgo.
package ocr
